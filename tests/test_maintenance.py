"""Indemnité d'entretien (CCN 3239 art. 114.1): the day kernel shared with the bulk engine."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc.maintenance import MaintenanceRates, day_allowance

RATES = MaintenanceRates.at(date(2025, 6, 2))


def by_hand(seconds: int, per_hour_e4: int) -> Fraction:
    """max(agreed € an hour × hours, share × MG × hours / 9, floor) on a day of care, else 0."""
    if seconds <= 0:
        return Fraction(0)
    hours = Fraction(seconds, 3600)
    agreed = Fraction(per_hour_e4, 10_000) * hours
    prorated = Fraction("0.90") * Fraction("4.22") * hours / 9  # MG on 2 June 2025: 4.22 €
    return max(agreed, prorated, Fraction("2.65"))


def test_a_short_day_gets_the_daily_floor_and_a_long_day_the_prorated_minimum() -> None:
    # art. 114.1 in 2025: 2.65 € at least; 0.90 × MG 4.22 € × 11 h / 9 = 4.642 €
    assert Fraction(day_allowance(5 * 3600, 0, RATES), RATES.scale) == Fraction("2.65")
    assert Fraction(day_allowance(11 * 3600, 0, RATES), RATES.scale) == Fraction("4.642")
    assert Fraction(day_allowance(10 * 3600, 5000, RATES), RATES.scale) == Fraction("5.00")
    assert day_allowance(0, 5000, RATES) == 0


@given(st.lists(st.tuples(st.integers(0, 24 * 3600), st.integers(0, 200_000)), min_size=1, max_size=30))
def test_the_kernel_is_the_largest_of_the_three_terms_on_ints_and_arrays(days: list[tuple[int, int]]) -> None:
    np = pytest.importorskip("numpy")
    for seconds, per_hour in days:
        assert Fraction(day_allowance(seconds, per_hour, RATES), RATES.scale) == by_hand(seconds, per_hour)
    seconds_a = np.array([s for s, _ in days], np.int64)
    per_hour_a = np.array([p for _, p in days], np.int64)
    assert day_allowance(seconds_a, per_hour_a, RATES).tolist() == [
        day_allowance(s, p, RATES) for s, p in days]
