"""Ancienneté (CCN 3239 art. 60, 90.1): what counts, what does not, sibling take-over."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from amcalc.errors import InvalidInput
from amcalc.termination import Period, PeriodKind, seniority


def test_the_reference_day_counts() -> None:
    # 1 January to 30 September inclusive = 9 whole months.
    s = seniority(date(2024, 1, 1), date(2024, 9, 30))
    assert (s.months, s.days, s.reaches(9)) == (9, 0, True)
    assert not seniority(date(2024, 1, 1), date(2024, 9, 29)).reaches(9)


def test_hiring_day_alone_is_one_day() -> None:
    s = seniority(date(2024, 5, 6), date(2024, 5, 6))
    assert (s.months, s.days) == (0, 1)


@pytest.mark.parametrize("kind", ["non_professional_sickness", "unpaid_leave", "child_sick_leave"])
def test_excluded_periods_are_taken_off_day_for_day(kind: str) -> None:
    # 1 year on 31 Dec 2024; one excluded day leaves 11 months and 30 days.
    period = Period(date(2024, 6, 3), date(2024, 6, 3), PeriodKind(kind))
    s = seniority(date(2024, 1, 1), date(2024, 12, 31), periods=[period])
    assert (s.months, s.days, s.excluded_days) == (11, 30, Fraction(1))


@pytest.mark.parametrize("kind", ["paid_leave", "maternity", "work_accident", "family_event",
                                  "family_care_leave"])
def test_assimilated_periods_count_in_full(kind: str) -> None:
    period = Period(date(2024, 2, 1), date(2024, 5, 31), kind)
    s = seniority(date(2024, 1, 1), date(2024, 12, 31), periods=[period])
    assert (s.months, s.excluded_days) == (12, 0)


def test_parental_leave_counts_for_half() -> None:
    # 20 days of full-time parental leave take 10 days off.
    period = Period(date(2024, 3, 1), date(2024, 3, 20), PeriodKind.PARENTAL_LEAVE)
    s = seniority(date(2024, 1, 1), date(2024, 12, 31), periods=[period])
    assert s.excluded_days == Fraction(10)
    assert (s.months, s.days) == (11, 21)
    # Half a day is enough to miss the anniversary.
    half = Period(date(2024, 3, 1), date(2024, 3, 1), PeriodKind.PARENTAL_LEAVE)
    assert not seniority(date(2024, 1, 1), date(2024, 12, 31), periods=[half]).reaches(12)


def test_periods_are_clipped_to_the_seniority_window() -> None:
    period = Period(date(2024, 12, 1), date(2025, 2, 28), PeriodKind.UNPAID_LEAVE)
    s = seniority(date(2024, 1, 1), date(2024, 12, 31), periods=[period])
    assert s.excluded_days == 31


def test_overlapping_periods_are_refused() -> None:
    a = Period(date(2024, 3, 1), date(2024, 3, 10), PeriodKind.UNPAID_LEAVE)
    b = Period(date(2024, 3, 10), date(2024, 3, 12), PeriodKind.NON_PROFESSIONAL_SICKNESS)
    with pytest.raises(InvalidInput):
        seniority(date(2024, 1, 1), date(2024, 12, 31), periods=[b, a])


def test_sibling_take_over_runs_from_the_oldest_running_contract() -> None:
    s = seniority(date(2025, 1, 6), date(2025, 3, 5), family_first_hired=date(2023, 9, 4))
    assert (s.start, s.months, s.days) == (date(2023, 9, 4), 18, 2)
    # A younger sibling contract changes nothing.
    later = seniority(date(2025, 1, 6), date(2025, 3, 5), family_first_hired=date(2025, 2, 3))
    assert (later.start, later.months, later.days) == (date(2025, 1, 6), 2, 0)


def test_invalid_inputs() -> None:
    with pytest.raises(InvalidInput):
        seniority(date(2025, 1, 6), date(2025, 1, 5))
    with pytest.raises(InvalidInput):
        Period(date(2024, 3, 2), date(2024, 3, 1), PeriodKind.UNPAID_LEAVE)
    with pytest.raises(InvalidInput) as err:
        Period(date(2024, 3, 1), date(2024, 3, 2), "holiday")
    assert err.value.field == "periods.kind"
