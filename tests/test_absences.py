"""Méthode réelle (CCN 3239 art. 111) and who pays which absence (rules.md §4)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc.absences import AbsenceCause, absence_deduction, deduction_cents
from amcalc.errors import InvalidInput


def test_rules_example_52_weeks() -> None:
    # rules.md §4.1: 693.33 €, 176 h due, 16 h absent → −63.03 € → 630.30 €.
    d = absence_deduction(monthly_salary="693.33", absent="16", scheduled="176")
    assert (d.deduction, d.salary_after) == (Decimal("63.03"), Decimal("630.30"))


def test_whole_month_absent_deducts_everything() -> None:
    d = absence_deduction(monthly_salary="456.00", absent="17", scheduled="17")
    assert d.salary_after == Decimal("0.00")


def test_half_cent_rounds_up() -> None:
    # 100.01 € × 1/2 = 50.005 € → 50.01 €.
    assert absence_deduction(monthly_salary="100.01", absent="1", scheduled="2").deduction == Decimal("50.01")


@pytest.mark.parametrize(("absent", "scheduled", "field"), [("18", "17", "absent"), ("0", "0", "scheduled")])
def test_impossible_counts(absent: str, scheduled: str, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        absence_deduction(monthly_salary="456.00", absent=absent, scheduled=scheduled)
    assert err.value.field == field


def test_who_pays() -> None:
    paid = {c for c in AbsenceCause if c.paid_by_parent}
    assert paid == {AbsenceCause.FAMILY_EVENT, AbsenceCause.CHILD_ABSENCE, AbsenceCause.PAID_LEAVE}
    assert AbsenceCause.AM_SICKNESS.reference == "CCN 3239 art. 49, 104"


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.data())
def test_deduction_never_exceeds_the_base(base: int, scheduled: int, data: st.DataObject) -> None:
    absent = data.draw(st.integers(0, scheduled))
    assert 0 <= deduction_cents(base, absent, scheduled) <= base
