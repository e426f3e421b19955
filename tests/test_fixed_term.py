"""Fin de CDD (Code du travail L1243-8, L1243-10, L3141-24)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from amcalc.errors import InvalidInput
from amcalc.termination import PrecarityException, fixed_term_end


def test_paris_example() -> None:
    # 10 % × 11 400 = 1 140; 10 % × (11 400 + 1 140) = 1 254.
    f = fixed_term_end(total_gross="11400.00")
    assert (f.precarity, f.leave_base, f.leave_compensation) == (Decimal("1140.00"), Decimal("12540.00"),
                                                                 Decimal("1254.00"))


def test_half_cents_round_up() -> None:
    f = fixed_term_end(total_gross="123.45")  # 12.345 → 12.35; 10 % × 135.80 = 13.58
    assert (f.precarity, f.leave_compensation) == (Decimal("12.35"), Decimal("13.58"))


def test_leave_already_paid_is_deducted_never_below_zero() -> None:
    assert fixed_term_end(total_gross="11400", leave_already_paid="950").leave_compensation == Decimal("304.00")
    assert fixed_term_end(total_gross="1000", leave_already_paid="150").leave_compensation == Decimal("0.00")


@pytest.mark.parametrize(("exception", "article"), [
    ("cdi_follows", "L1243-8"), ("equivalent_cdi_refused", "L1243-10 3°"),
    ("early_end_by_am", "L1243-10 4°"), ("serious_misconduct", "L1243-10 4°"),
    ("force_majeure", "L1243-10 4°"),
])
def test_precarity_exceptions(exception: str, article: str) -> None:
    f = fixed_term_end(total_gross="11400.00", precarity_exception=exception)
    assert f.precarity == Decimal("0.00")
    assert f.precarity_refusal and article in f.precarity_refusal
    # The leave compensation remains due, on the salaries alone.
    assert f.leave_compensation == Decimal("1140.00")


def test_invalid_inputs() -> None:
    with pytest.raises(InvalidInput) as err:
        fixed_term_end(total_gross="1000", precarity_exception="resignation")
    assert err.value.field == "precarity_exception"
    with pytest.raises(InvalidInput):
        fixed_term_end(total_gross="-5")
    assert PrecarityException("force_majeure") is PrecarityException.FORCE_MAJEURE
