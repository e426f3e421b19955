"""Properties of the family's cost that must hold for every household and month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from amcalc import Contract, month_pay
from amcalc.family import Care, Child, ChildcareCost, Household, cmg, family_month

MONTHS = st.sampled_from(["2025-04", "2025-07", "2025-09", "2025-12", "2026-02"])
MONEY = st.integers(min_value=0, max_value=250_000).map(lambda cents: Decimal(cents) / 100)
HOURS = st.integers(min_value=1, max_value=260)
TODDLER = Child.of(born="2024-01-20")


def household(resources: Decimal, children: int, single: bool, aeeh: int) -> Household:
    return Household.of(resources=str(resources * 40), dependent_children=children, single_parent=single,
                        aeeh_children=min(aeeh, children))


def month_cost(net: Decimal, hours: int, maintenance: Decimal) -> ChildcareCost:
    # a gross about net ÷ 0.78 and a day of activity per 9 hours: within the old daily test
    return ChildcareCost.of(net_salary=str(net), hours=str(hours), maintenance=str(maintenance),
                            gross_salary=str((net / Decimal("0.78")).quantize(Decimal("0.01"))),
                            declared_days=min(31, max(1, hours // 9)))


@settings(max_examples=150, deadline=None)
@given(MONTHS, MONEY, MONEY, st.integers(1, 12), st.booleans(), st.integers(0, 2), MONEY, HOURS, MONEY)
def test_more_income_never_more_cmg(month: str, low: Decimal, extra: Decimal, children: int, single: bool,
                                    aeeh: int, net: Decimal, hours: int, maintenance: Decimal) -> None:
    if aeeh and month < "2025-09":
        aeeh = 0  # the old rule does not model the AEEH
    cost = month_cost(net, hours, (maintenance / 10).quantize(Decimal("0.01")))
    poorer = cmg(household(low, children, single, aeeh), TODDLER, cost, month)
    richer = cmg(household(low + extra, children, single, aeeh), TODDLER, cost, month)
    assert richer.amount <= poorer.amount


@settings(max_examples=150, deadline=None)
@given(MONTHS, MONEY, st.integers(1, 12), st.booleans(), MONEY, HOURS, MONEY, MONEY)
def test_cmg_within_the_cost_and_remains_never_negative(month: str, resources: Decimal, children: int,
                                                        single: bool, net: Decimal, hours: int,
                                                        maintenance: Decimal, aid: Decimal) -> None:
    family = household(resources, children, single, 0)
    cost = month_cost(net, hours, (maintenance / 10).quantize(Decimal("0.01")))
    result = cmg(family, TODDLER, cost, month)
    assert Decimal("0.00") <= result.amount <= cost.cmg_cost
    if result.cost_counted is not None:
        assert result.amount <= result.cost_counted
    if result.contributions_taken_over == 1:
        remains = family_month(family, [Care(TODDLER, cost, str((aid / 20).quantize(Decimal("0.01"))))], month).remains
        assert remains >= 0
        assert remains.as_tuple().exponent == -2


@settings(max_examples=25, deadline=None)
@given(st.integers(380, 700), st.integers(5, 11), st.sampled_from([date(2025, 10, 1), date(2026, 1, 1)]),
       st.sampled_from(["0", "0.35"]))
def test_month_pay_and_its_own_figures_give_the_same_cmg(rate_cents: int, daily: int, start: date,
                                                         maintenance: str) -> None:
    contract = Contract.from_schedule(
        hourly_rate=str(Decimal(rate_cents) / 100), weeks=52, start=start, maintenance_per_hour=maintenance,
        schedule={day: str(daily) for day in ("mon", "tue", "thu", "fri")})
    pay = month_pay(contract, f"{start.year}-{start.month + 1:02d}")
    family = Household.of(resources="36000.00", dependent_children=1)
    from_month = cmg(family, TODDLER, ChildcareCost.of_month(pay), (start.year, start.month + 1))
    hours = pay.pajemploi.declared_hours + pay.pajemploi.complementary_hours + pay.pajemploi.majorated_hours
    given_figures = ChildcareCost.of(net_salary=str(pay.net_salary), hours=str(hours),
                                     maintenance=str(pay.maintenance), meals=str(pay.meals))
    assert from_month.amount == cmg(family, TODDLER, given_figures, (start.year, start.month + 1)).amount
