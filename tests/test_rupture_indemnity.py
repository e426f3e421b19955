"""Indemnité de rupture (CCN 3239 art. 121.1, 119.4.2, 119.5)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.termination import NineMonthsOn, Period, RuptureBase, rupture_indemnity

LONG = {"hired": date(2022, 1, 3), "end": date(2025, 12, 31)}


def test_rules_example_20000() -> None:
    r = rupture_indemnity("withdrawal", total_gross="20000.00", **LONG)
    assert (r.eligible, r.indemnity, r.eightieths, r.refusal) == (True, Decimal("250.00"), 1, None)


def test_half_cent_rounds_up_once() -> None:
    # 2.00 / 80 = 0.025: half-up gives 0.03 (half-even would give 0.02).
    assert rupture_indemnity("withdrawal", total_gross="2.00", **LONG).indemnity == Decimal("0.03")
    # 13 457.90 / 80 = 168.22375 → 168.22.
    assert rupture_indemnity("withdrawal", total_gross="13457.90", **LONG).indemnity == Decimal("168.22")


def test_nine_months_assessed_on_the_last_day_by_default() -> None:
    ok = rupture_indemnity("withdrawal", hired=date(2024, 1, 1), end=date(2024, 9, 30), total_gross="6000")
    short = rupture_indemnity("withdrawal", hired=date(2024, 1, 1), end=date(2024, 9, 29), total_gross="6000")
    assert (ok.eligible, ok.indemnity) == (True, Decimal("75.00"))
    assert (short.eligible, short.indemnity) == (False, Decimal("0.00"))
    assert short.refusal and "moins de 9 mois" in short.refusal and "121.1" in short.refusal


def test_nine_months_on_the_notification_date_option() -> None:
    args = {"hired": date(2024, 1, 1), "end": date(2024, 10, 15), "total_gross": "6000"}
    assert rupture_indemnity("withdrawal", **args).eligible
    r = rupture_indemnity("withdrawal", nine_months_on=NineMonthsOn.NOTIFICATION,
                          notified=date(2024, 9, 15), **args)
    assert not r.eligible
    with pytest.raises(InvalidInput) as err:
        rupture_indemnity("withdrawal", nine_months_on=NineMonthsOn.NOTIFICATION, **args)
    assert err.value.field == "notified"


def test_excluded_periods_delay_the_nine_months() -> None:
    sick = Period(date(2024, 3, 4), date(2024, 3, 8), "non_professional_sickness")
    r = rupture_indemnity("withdrawal", hired=date(2024, 1, 1), end=date(2024, 10, 3),
                          total_gross="6000", periods=[sick])
    assert not r.eligible  # 9 months and 3 days minus 5 days


def test_child_death_without_then_with_the_nine_month_condition() -> None:
    args = {"hired": date(2024, 9, 2), "end": date(2025, 4, 30), "total_gross": "4200.00"}
    r = rupture_indemnity("child_death", **args)
    assert (r.eligible, r.indemnity) == (True, Decimal("52.50"))
    strict = rupture_indemnity("child_death", child_death_nine_months=True, **args)
    assert (strict.eligible, strict.indemnity) == (False, Decimal("0.00"))


def test_inaptitude_one_or_two_eightieths_from_1_may_2026() -> None:
    args = {"hired": date(2023, 9, 4), "end": date(2026, 6, 15), "total_gross": "24000.00"}
    assert rupture_indemnity("inaptitude", **args).indemnity == Decimal("300.00")
    assert rupture_indemnity("professional_inaptitude", **args).indemnity == Decimal("600.00")
    short = rupture_indemnity("professional_inaptitude", hired=date(2026, 1, 5), end=date(2026, 6, 15),
                              total_gross="3000.00")
    assert not short.eligible  # the 9-month condition applies to both
    with pytest.raises(UnsupportedCase):
        rupture_indemnity("inaptitude", hired=date(2023, 9, 4), end=date(2026, 4, 30), total_gross="1")


@pytest.mark.parametrize(("reason", "article"), [
    ("resignation", "63.2.1"), ("serious_misconduct", "121.1"), ("agrement_withdrawal", "119.3"),
    ("am_birth_or_adoption", "103"), ("trial_period", "44.1.3"), ("am_death", "63.3.2"),
    ("fixed_term_end", "L1243-8"), ("retirement", "121.2"),
])
def test_not_due_is_an_answer_with_its_article(reason: str, article: str) -> None:
    r = rupture_indemnity(reason, total_gross="30000.00", **LONG)
    assert (r.eligible, r.indemnity, r.eightieths) == (False, Decimal("0.00"), 0)
    assert r.refusal and article in r.refusal
    assert "Non due" in r.explain()


def test_final_indemnities_in_the_base_option() -> None:
    args = {"total_gross": "10000.00", "notice_compensation": "500.00",
            "final_leave_compensation": "1000.00", **LONG}
    r = rupture_indemnity("withdrawal", **args)
    assert (r.base, r.indemnity) == (Decimal("11500.00"), Decimal("143.75"))
    before = rupture_indemnity("withdrawal", base=RuptureBase.SALARIES_BEFORE_END, **args)
    assert (before.base, before.indemnity) == (Decimal("10000.00"), Decimal("125.00"))


def test_invalid_inputs() -> None:
    with pytest.raises(InvalidInput) as err:
        rupture_indemnity("withdrawal", hired=date(2024, 9, 2), end=date(2024, 6, 28), total_gross="5000")
    assert err.value.field == "end"
    with pytest.raises(InvalidInput) as err:
        rupture_indemnity("withdrawal", total_gross="-1", **LONG)
    assert err.value.field == "total_gross"
    with pytest.raises(InvalidInput):
        rupture_indemnity("withdrawal", total_gross="100.001", **LONG)


@given(st.integers(0, 10**9), st.sampled_from(["withdrawal", "child_death", "professional_inaptitude"]))
def test_the_indemnity_is_exactly_its_share_of_the_base_rounded_once(cents: int, reason: str) -> None:
    base = Decimal(cents) / 100
    r = rupture_indemnity(reason, hired=date(2023, 1, 2), end=date(2026, 6, 30), total_gross=base)
    exact = base * r.eightieths / 80
    assert r.indemnity == exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert abs(r.indemnity - exact) <= Decimal("0.005")
    assert r.eightieths == (2 if reason == "professional_inaptitude" else 1)


def test_a_cdd_never_owes_the_rupture_indemnity() -> None:
    # Art. 121.1 concerns the retrait of the child in a CDI (rules.md §8.9).
    r = rupture_indemnity("serious_misconduct", hired=date(2024, 9, 2), end=date(2025, 6, 30),
                          total_gross="8000.00", kind="cdd")
    assert (r.eligible, r.indemnity) == (False, Decimal("0.00")) and "121.1" in (r.refusal or "")
    with pytest.raises(InvalidInput) as err:  # a CDD does not end by a retrait
        rupture_indemnity("withdrawal", hired=date(2024, 9, 2), end=date(2025, 6, 30),
                          total_gross="8000.00", kind="cdd")
    assert err.value.field == "reason"
