"""Engagement réciproque (CCN 3239 art. 93)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from amcalc.errors import InvalidInput
from amcalc.termination import EngagementCause, Party, engagement_withdrawal


def test_half_a_month_paid_by_the_party_that_withdraws() -> None:
    # 693.33 / 2 = 346.665 → 346.67 (half-up).
    e = engagement_withdrawal(monthly_salary="693.33", withdrawn_by="parent")
    assert (e.due, e.amount, e.payer, e.payee) == (True, Decimal("346.67"), Party.PARENT, Party.AM)
    e = engagement_withdrawal(monthly_salary="480.00", withdrawn_by=Party.AM)
    assert (e.amount, e.payer, e.payee) == (Decimal("240.00"), Party.AM, Party.PARENT)


@pytest.mark.parametrize("cause", ["child_death", "agrement_withdrawal"])
def test_causes_that_waive_the_indemnity(cause: str) -> None:
    e = engagement_withdrawal(monthly_salary="693.33", withdrawn_by="parent", cause=cause)
    assert (e.due, e.amount) == (False, Decimal("0.00"))
    assert e.refusal and "art. 93" in e.refusal


def test_inaptitude_waives_it_only_from_1_may_2026() -> None:
    after = engagement_withdrawal(monthly_salary="540.00", withdrawn_by="am",
                                  cause=EngagementCause.INAPTITUDE, on=date(2026, 5, 1))
    before = engagement_withdrawal(monthly_salary="540.00", withdrawn_by="am",
                                   cause=EngagementCause.INAPTITUDE, on=date(2026, 4, 30))
    assert (after.due, after.amount) == (False, Decimal("0.00"))
    assert (before.due, before.amount) == (True, Decimal("270.00"))
    with pytest.raises(InvalidInput) as err:
        engagement_withdrawal(monthly_salary="540.00", withdrawn_by="am", cause="inaptitude")
    assert err.value.field == "on"


def test_invalid_party() -> None:
    with pytest.raises(InvalidInput) as err:
        engagement_withdrawal(monthly_salary="540.00", withdrawn_by="both")
    assert err.value.field == "withdrawn_by"
