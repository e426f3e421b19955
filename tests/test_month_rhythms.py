"""A month of a contract with several rhythms (school weeks and holiday weeks; CCN 3239
art. 97, 109.2, 111; rules.md §3.3): figures derived by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from amcalc.contract import Contract
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.month import Absence, month_pay

SCHOOL = {"mon": "5", "tue": "5", "thu": "5", "fri": "5"}  # 20 h over 4 days
HOLIDAYS = {d: "9" for d in ("mon", "tue", "wed", "thu", "fri")}  # 45 h over 5 days
# October 2025: school weeks of 29 Sept, 6 and 13 Oct; Toussaint weeks of 20 and 27 Oct.
OCTOBER = {date(2025, 9, 29): 0, date(2025, 10, 6): 0, date(2025, 10, 13): 0,
           date(2025, 10, 20): 1, date(2025, 10, 27): 1}


def two_rhythms() -> Contract:
    """44 weeks: 36 × 20 h + 8 × 45 h = 1 080 h a year, 90 h a month × 3.70 € = 333.00 €."""
    return Contract.from_rhythms(hourly_rate="3.70", weeks=44, start=date(2025, 9, 1), rhythms=[
        {"weeks": 36, "schedule": SCHOOL}, {"weeks": 8, "schedule": HOLIDAYS}])


def test_month_follows_each_week_rhythm() -> None:
    # Planned days of October 2025: Thu 2, Fri 3 (school); 4 + 4 school days; 5 + 5 holiday days
    # = 20 days, 10 + 20 + 20 + 45 + 45 = 140 h.
    m = month_pay(two_rhythms(), "2025-10", rhythm_weeks=OCTOBER)
    assert m.base_salary == Decimal("333.00")
    assert (m.scheduled_days, m.scheduled_hours) == (20, Fraction(140))
    assert m.absence_deduction == Decimal("0.00") and m.gross_salary == Decimal("333.00")
    assert m.worked_hours == 140


def test_unpaid_day_in_a_holiday_week_deducted_in_days() -> None:
    # Wednesday is worked only in holiday weeks. Art. 111 in days: 333.00 × 1 / 20 = 16.65.
    m = month_pay(two_rhythms(), "2025-10", rhythm_weeks=OCTOBER,
                  absences=[Absence.of(date(2025, 10, 22), "unpaid_leave")])
    assert m.absent_units == 1
    assert m.absence_deduction == Decimal("16.65")
    assert m.gross_salary == Decimal("316.35")
    assert m.worked_hours == 131  # 140 − 9
    # Pajemploi: 316.35 / 3.70 = 85.5 → 86 h; days (184 − 12) / 12 = 14.33 → 15 (rules.md §12.2)
    assert (m.pajemploi.declared_hours, m.pajemploi.declared_days) == (86, 15)


def test_extra_hours_threshold_is_the_week_rhythm() -> None:
    # School week of 6 Oct: 24 h for 20 h → 4 h complémentaires × 3.70 = 14.80 (not the
    # 24.55 h average week). Holiday week of 27 Oct: 47 h for 45 h → 2 h majorées
    # × 3.70 × 1.10 = 8.14.
    m = month_pay(two_rhythms(), "2025-10", rhythm_weeks=OCTOBER,
                  worked_weeks={date(2025, 10, 6): "24", date(2025, 10, 27): "47"})
    assert (m.complementary_hours, m.complementary_pay) == (4, Decimal("14.80"))
    assert (m.majorated_hours, m.majorated_pay) == (2, Decimal("8.14"))
    assert m.gross_salary == Decimal("355.94")  # 333.00 + 14.80 + 8.14


def test_the_rhythm_changes_the_plan() -> None:
    # The same month all in school weeks: 2 + 4 × 4 = 18 days (Thu 30, Fri 31 included).
    school = dict.fromkeys(OCTOBER, 0)
    m = month_pay(two_rhythms(), "2025-10", rhythm_weeks=school,
                  absences=[Absence.of(date(2025, 10, 23), "unpaid_leave")])
    assert (m.scheduled_days, m.scheduled_hours) == (18, Fraction(90))
    assert m.absence_deduction == Decimal("18.50")  # 333.00 / 18


def test_every_week_needs_its_rhythm() -> None:
    partial = {k: v for k, v in OCTOBER.items() if k != date(2025, 10, 20)}
    with pytest.raises(InvalidInput) as err:
        month_pay(two_rhythms(), "2025-10", rhythm_weeks=partial)
    assert err.value.field == "rhythm_weeks"
    assert "20/10/2025" in str(err.value) and "art. 97, 109.2" in str(err.value)
    with pytest.raises(InvalidInput):
        month_pay(two_rhythms(), "2025-10")
    with pytest.raises(InvalidInput):  # no third rhythm
        month_pay(two_rhythms(), "2025-10", rhythm_weeks={**OCTOBER, date(2025, 10, 6): 2})
    with pytest.raises(InvalidInput):  # not a Monday
        month_pay(two_rhythms(), "2025-10", rhythm_weeks={**OCTOBER, date(2025, 10, 7): 0})


def test_rhythms_without_schedule_are_unsupported() -> None:
    c = Contract.from_rhythms(hourly_rate="3.70", weeks=44, rhythms=[
        {"weeks": 36, "schedule": SCHOOL}, {"weeks": 8, "weekly_hours": "45", "days_per_week": 5}])
    with pytest.raises(UnsupportedCase) as err:
        month_pay(c, "2025-10", rhythm_weeks=OCTOBER)
    assert err.value.field == "patterns[1].schedule"


def test_patterns_with_schedules_from_scenario_keys() -> None:
    c = Contract.from_mapping({"hourly_rate": "3.70", "weeks": 44, "start": date(2025, 9, 1),
                               "patterns": [{"weeks": 36, "schedule": SCHOOL},
                                            {"weeks": 8, "schedule": HOLIDAYS}]})
    assert c == two_rhythms()
    with pytest.raises(InvalidInput) as err:
        Contract.from_mapping({"hourly_rate": "3.70", "weeks": 44, "patterns": [
            {"weeks": 36, "schedule": SCHOOL, "weekly_hours": "20"},
            {"weeks": 8, "schedule": HOLIDAYS}]})
    assert err.value.field == "patterns[0]"
    with pytest.raises(InvalidInput) as err:
        Contract.from_mapping({"hourly_rate": "3.70", "weeks": 44, "patterns": [
            {"weeks": 36, "schedule": {"lun": "5"}}, {"weeks": 8, "schedule": HOLIDAYS}]})
    assert err.value.field == "patterns[0].schedule"
