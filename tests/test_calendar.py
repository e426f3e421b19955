from __future__ import annotations

from datetime import date

from amcalc.calendar import Territory, jours_ouvrables, month_plan, public_holidays


def test_metropole_has_eleven_holidays_with_french_names() -> None:
    days = public_holidays(2025, Territory.METROPOLE)
    assert len(days) == 11
    assert days[date(2025, 5, 1)] == "Fête du Travail"
    assert date(2025, 12, 26) not in days


def test_alsace_and_moselle_add_good_friday_and_26_december() -> None:
    for territory in (Territory.ALSACE, Territory.MOSELLE):
        days = public_holidays(2025, territory)
        assert date(2025, 4, 18) in days  # Vendredi saint 2025
        assert date(2025, 12, 26) in days


def test_holidays_are_cached_per_year_and_territory() -> None:
    assert public_holidays(2024) is public_holidays(2024, Territory.METROPOLE)


def test_jours_ouvrables_exclude_sundays_and_holidays() -> None:
    # Mon 5 to Sat 10 May 2025: 8 May is a holiday -> 5 jours ouvrables.
    assert jours_ouvrables(date(2025, 5, 5), date(2025, 5, 10)) == 5
    # A plain week, Monday to Sunday: 6.
    assert jours_ouvrables(date(2025, 6, 16), date(2025, 6, 22)) == 6


def test_month_plan_counts_usual_working_days_including_holidays() -> None:
    # December 2024, Mon/Tue/Thu/Fri 10 h: 18 days, 180 h (25 Dec is a Wednesday).
    hours_10 = 36000
    plan = month_plan(2024, 12, (hours_10, hours_10, 0, hours_10, hours_10, 0, 0))
    assert len(plan.days) == 18 and plan.seconds == 180 * 3600
    # November 2024 with 1 Nov (Fri) and 11 Nov (Mon) on working days: flagged, counted.
    plan = month_plan(2024, 11, (9, 9, 0, 9, 9, 0, 0))
    assert len(plan.days) == 17
    assert [d.day.day for d in plan.days if d.holiday] == [1, 11]
