from __future__ import annotations

import calendar
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc import calendar as calendar_module
from amcalc.calendar import Territory, jours_ouvrables, month_plan, public_holidays
from amcalc.explain import french_date


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


@given(st.integers(2020, 2030), st.integers(1, 12), st.sampled_from(list(Territory)),
       st.lists(st.sampled_from([0, 0, 4 * 3600, 9 * 3600, 33_300]), min_size=7, max_size=7))
def test_month_plan_is_every_day_of_a_scheduled_weekday_in_order(year: int, month: int, territory: Territory,
                                                                  schedule: list[int]) -> None:
    # The definition: each day of the month, in order, whose weekday has seconds, with
    # those seconds and the holiday's name; get() finds each day of the month in it.
    holidays = public_holidays(year, territory)
    days = [date(year, month, n) for n in range(1, calendar.monthrange(year, month)[1] + 1)]
    expected = [(d, schedule[d.weekday()], holidays.get(d)) for d in days if schedule[d.weekday()]]
    plan = month_plan(year, month, tuple(schedule), territory)
    assert [(p.day, p.seconds, p.holiday) for p in plan.days] == expected
    by_day = {p.day: p for p in plan.days}
    assert [plan.get(d) for d in days] == [by_day.get(d) for d in days]
    assert plan.get(date(year + 1, month, 1)) is None and plan.get(days[-1] + timedelta(days=7)) is None


@given(st.dates(min_value=date(1000, 1, 1)))
def test_french_date_is_day_month_year(day: date) -> None:
    assert french_date(day) == day.strftime("%d/%m/%Y")


@given(st.integers(1900, 2199), st.sampled_from(Territory))
def test_holidays_are_those_of_the_holidays_package(year: int, territory: Territory) -> None:
    # France's module is loaded on its own for speed: the same days and names as the
    # package's public entry point.
    subdivision = {Territory.METROPOLE: None, Territory.ALSACE: "6AE", Territory.MOSELLE: "57"}[territory]
    expected = holidays.country_holidays("FR", subdiv=subdivision, years=year, language="fr")
    assert dict(public_holidays(year, territory)) == dict(expected)


def test_without_france_module_file_the_package_entry_point_stands_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_module.importlib.util, "spec_from_file_location", lambda *args: None)
    calendar_module._france.cache_clear()
    try:
        assert dict(calendar_module._france()(subdiv="57", years=2025, language="fr")) == dict(
            holidays.country_holidays("FR", subdiv="57", years=2025, language="fr"))
    finally:
        calendar_module._france.cache_clear()
