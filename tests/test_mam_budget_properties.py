"""Properties of the MAM's money that must hold for every budget, house and loan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from amcalc import Contract, month_pay
from amcalc.mam import Budget, MamMember, SplitRule, largest_remainders, mam_month, pala_loan, split_charges
from amcalc.month import MonthPay

CENTS = st.integers(min_value=0, max_value=5_000_000)
WEIGHTS = st.lists(st.fractions(min_value=0, max_value=500, max_denominator=3600), min_size=1, max_size=6).filter(
    lambda ws: sum(ws) > 0)


@settings(max_examples=300, deadline=None)
@given(CENTS, WEIGHTS)
def test_largest_remainders_add_up_and_stay_within_a_cent(total: int, weights: list[Fraction]) -> None:
    cents = largest_remainders(total, weights)
    assert sum(cents) == total
    whole = sum(weights, Fraction(0))
    for share, weight in zip(cents, weights, strict=True):
        assert share >= 0
        assert abs(share - total * weight / whole) < 1
        if weight == 0:
            assert share == 0


@settings(max_examples=150, deadline=None)
@given(st.lists(CENTS, min_size=1, max_size=15), st.lists(st.integers(1, 6), min_size=1, max_size=6),
       st.sampled_from([SplitRule.EQUAL, SplitRule.AGREMENT_PLACES]))
def test_shares_always_add_up_to_the_charges(lines: list[int], places: list[int], rule: SplitRule) -> None:
    names = ("rent", "energy", "insurance", "upkeep", "taxes", "food", "supplies", "educational_material", "outings",
             "liability_insurance", "office", "phone", "post", "documentation", "travel")
    budget = Budget.of({name: str(Decimal(cents) / 100) for name, cents in zip(names, lines, strict=False)})
    members = [MamMember.of(name=f"AM {i}", places=p) for i, p in enumerate(places)]
    split = split_charges(budget, members, rule=rule)
    assert sum(s.share for s in split.shares) == budget.total
    assert all(s.share >= 0 for s in split.shares)
    if rule is SplitRule.EQUAL:
        assert max(s.share for s in split.shares) - min(s.share for s in split.shares) <= Decimal("0.01")


def _month_of(days: tuple[str, ...], hours: str) -> MonthPay:
    contract = Contract.from_schedule(hourly_rate="4.50", weeks=46, start=date(2025, 9, 1),
                                      schedule=dict.fromkeys(days, hours), maintenance_per_hour="0.45")
    return month_pay(contract, "2025-10")


MONTH_PAYS = (_month_of(("mon", "tue", "thu", "fri"), "9"), _month_of(("mon", "wed", "fri"), "7.5"))


@settings(max_examples=150, deadline=None)
@given(CENTS, st.lists(st.tuples(st.integers(1, 6), st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=6),
       st.sampled_from(list(SplitRule)))
def test_every_rule_shares_the_month_exactly(total: int, houses: list[tuple[int, int, int]], rule: SplitRule) -> None:
    members = [MamMember.of(name=f"AM {i}", places=p, months=[MONTH_PAYS[0]] * a + [MONTH_PAYS[1]] * b)
               for i, (p, a, b) in enumerate(houses)]
    assume(sum(rule.weight(m) for m in members) > 0)
    budget = Budget.of({"rent": str(Decimal(total) / 100)})
    month = mam_month(budget, members, "2025-10", rule=rule)
    assert sum(line.share for line in month.members) == budget.total
    assert all(line.share >= 0 for line in month.members)
    for line, member in zip(month.members, members, strict=True):
        assert line.remains == line.received - line.share  # no loan
        assert line.break_even.missing - line.break_even.margin == line.share - member.maintenance


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=1_000_000), st.integers(min_value=1, max_value=120))
def test_a_pala_schedule_sums_to_the_loan(cents: int, instalments: int) -> None:
    assume(cents >= instalments)  # less than a cent a month is refused
    amount = Decimal(cents) / 100
    loan = pala_loan(str(amount), works=str(amount * 2), granted_on="2025-05-05", instalments=instalments)
    schedule = loan.schedule()
    assert len(schedule) == instalments
    assert sum(paid for _, paid in schedule) == amount
    assert {paid for _, paid in schedule[:-1]} <= {loan.regular_instalment}
    assert Decimal(0) <= loan.last_instalment - loan.regular_instalment < Decimal(instalments) / 100
