"""Indemnité d'entretien (CCN 3239 art. 114.1): the day kernel shared with the bulk engine."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
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


def test_a_month_on_one_set_of_terms_or_on_each_days_terms_gives_the_same_entretien(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from amcalc import Absence, Contract, month_pay
    contract = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 9, 2),
                                      schedule={"mon": "11", "tue": "5", "thu": "9", "fri": "10"},
                                      maintenance_per_hour="0.40")
    months = [("2025-06", {}), ("2024-11", {"worked_days": {date(2024, 11, 12): "12"}}),
              ("2026-01", {"absences": [Absence.of(date(2026, 1, 6), "unpaid_leave", "2")]})]
    assert MaintenanceRates.throughout(date(2025, 6, 2), date(2025, 6, 30)) == RATES
    assert MaintenanceRates.throughout(date(2024, 10, 31), date(2024, 11, 4)) is None  # MG 4.15 → 4.22 €
    once = [month_pay(contract, m, trace=False, **events).maintenance for m, events in months]  # type: ignore[arg-type]
    monkeypatch.setattr(MaintenanceRates, "throughout", classmethod(lambda cls, first, last: None))
    each_day = [month_pay(contract, m, trace=False, **events).maintenance for m, events in months]  # type: ignore[arg-type]
    assert once == each_day
    # June 2025 by hand (MG 4.22 €, floor 2.65 €, 0.40 € agreed an hour; 9 June, Whit Monday, off):
    # 4 Mondays of 11 h at max(4.40, 0.9 × 4.22 × 11 / 9 = 4.642) + 4 Tuesdays of 5 h at the floor 2.65
    # + 4 Thursdays of 9 h at max(3.60, 3.798) + 4 Fridays of 10 h at max(4.00, 4.22)
    # = 18.568 + 10.60 + 15.192 + 16.88 = 61.24 exactly
    assert once[0] == Decimal("61.24")
