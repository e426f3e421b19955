"""Régularisation, 46 weeks or less (CCN 3239 art. 109.2, 124)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc import Contract, mensualise
from amcalc.contract import Accueil
from amcalc.errors import InvalidInput
from amcalc.termination import final_regularisation, regularisation


def test_balance_in_the_am_favour_is_paid() -> None:
    r = regularisation(hourly_rate="3.00", hours_paid="1200", hours_due="1440")
    f = final_regularisation([r])
    assert (f.hours, f.balance, f.amount, f.not_recovered) == (240, Decimal("720.00"),
                                                               Decimal("720.00"), Decimal("0.00"))


def test_balance_in_the_parent_favour_is_not_recovered() -> None:
    r = regularisation(hourly_rate="3.90", hours_paid="1560", hours_due="1512")
    assert (r.hours, r.balance) == (-48, Decimal("-187.20"))
    f = final_regularisation([r])
    assert (f.amount, f.not_recovered) == (Decimal("0.00"), Decimal("187.20"))
    assert "pas récupéré" in f.explain() and "124" in f.explain()


def test_annual_statements_are_set_off_at_the_end() -> None:
    # Year 1: +150 h × 3.80 = 570.00; year 2: −48 h × 3.90 = −187.20; year 3: −100 h × 4.00 = −400.00.
    years = [
        regularisation(hourly_rate="3.80", hours_paid="900", hours_due="1050"),
        regularisation(hourly_rate="3.90", hours_paid="1560", hours_due="1512"),
        regularisation(hourly_rate="4.00", hours_paid="1000", hours_due="900"),
    ]
    f = final_regularisation(years)
    assert (f.hours, f.balance, f.amount, f.not_recovered) == (2, Decimal("-17.20"), Decimal("0.00"),
                                                              Decimal("17.20"))
    f2 = final_regularisation(years[:2])
    assert (f2.balance, f2.amount) == (Decimal("382.80"), Decimal("382.80"))


def test_minutes_and_four_decimal_rates() -> None:
    # 113.75 h × 3.20 = 364.00; 10.5 h × 3.8525 = 40.45125 → 40.45.
    assert regularisation(hourly_rate="3.20", hours_paid="843", hours_due="956.75").balance == Decimal("364.00")
    r = regularisation(hourly_rate="3.8525", hours_paid="90", hours_due="100.5")
    assert (r.hours, r.balance) == (Fraction(21, 2), Decimal("40.45"))


def test_not_for_52_weeks_and_invalid_inputs() -> None:
    with pytest.raises(InvalidInput) as err:
        regularisation(hourly_rate="3.80", hours_paid="900", hours_due="1050", accueil=Accueil.FULL_YEAR)
    assert err.value.field == "weeks"
    with pytest.raises(InvalidInput):
        regularisation(hourly_rate="3.80", hours_paid="-1", hours_due="1050")
    with pytest.raises(InvalidInput):
        final_regularisation([])


hours = st.integers(0, 3000 * 100).map(lambda h: Decimal(h) / 100)


@given(st.integers(1, 200000).map(lambda r: Decimal(r) / 10000), hours, hours)
def test_a_regularisation_in_the_parent_favour_pays_nothing(rate: Decimal, paid: Decimal,
                                                            due: Decimal) -> None:
    f = final_regularisation([regularisation(hourly_rate=rate, hours_paid=paid, hours_due=due)])
    assert f.amount >= 0
    if due <= paid:
        assert f.amount == Decimal("0.00")
        assert f.not_recovered == -f.balance
    else:
        assert f.amount == f.balance and f.not_recovered == 0
    assert f.hours == Fraction(due - paid)


def test_mensualised_hours_are_thirds_of_an_hour() -> None:
    # 46 h × 32 weeks / 12 = 122 h 40 min a month, 1 226 h 40 min over 10 months: at 4.50 €,
    # 5 520.00 € paid against 1 200 h × 4.50 € = 5 400.00 € due: −120.00 € exactly
    # (rounding the hours to 1 226.67 would give 26.67 h × 4.50 € = 120.015 → −120.02 €).
    for paid in ("1226:40", "1226h40", Fraction(3680, 3)):
        r = regularisation(hourly_rate="4.50", hours_paid=paid, hours_due="1200")
        assert (r.salary_paid, r.salary_due, r.balance) == (
            Decimal("5520.00"), Decimal("5400.00"), Decimal("-120.00"))
        assert r.hours == Fraction(-80, 3)
    c = Contract.from_weekly_hours(hourly_rate="4.50", weeks=32, weekly_hours="46", days_per_week=4)
    from_contract = regularisation(hourly_rate=c.hourly_rate, hours_due="1200",
                                   hours_paid=10 * mensualise(c).monthly_hours)
    assert from_contract.balance == Decimal("-120.00")


def test_a_rate_change_is_right_when_salaries_are_compared() -> None:
    # 120 h a month: 6 months at 4.00 € (480.00 €) and 6 at 4.20 € (504.00 €): 5 904.00 € paid.
    # Due: 700 h at 4.00 € + 760 h at 4.20 € = 2 800.00 + 3 192.00 = 5 992.00 €: +88.00 €
    # (one rate for the 20 h of difference would give 80.00 € or 84.00 €).
    r = regularisation(salary_paid="5904.00", salary_due="5992.00")
    assert (r.balance, r.hours) == (Decimal("88.00"), None)
    assert final_regularisation([r]).amount == Decimal("88.00")
    with pytest.raises(InvalidInput):
        regularisation(salary_paid="5904.00", salary_due="5992.00", hourly_rate="4.00")
