from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc import Contract, ContractKind, mensualise
from amcalc.errors import InvalidInput
from amcalc.explain import UNTRACED

# Weekly durations in quarter hours keep inputs realistic and exact.
quarters = st.integers(min_value=4, max_value=48 * 4)
rates = st.integers(min_value=30000, max_value=90000)  # 3.0000 € to 9.0000 €
weeks = st.sampled_from([52, *range(1, 47)])


def contract(rate_e4: int, weekly_quarters: int, n_weeks: int, days: int = 5) -> Contract:
    return Contract.from_weekly_hours(
        hourly_rate=Decimal(rate_e4).scaleb(-4), weeks=n_weeks,
        weekly_hours=str(Decimal(weekly_quarters) / 4), days_per_week=days,
    )


def test_examples_of_the_rules() -> None:
    # rules.md §3.3: 40 h × 52/12 = 173.33 h at 4.00 € = 693.33 €; 40 h × 36/12 = 120 h → 480.00 €.
    m = mensualise(contract(40000, 160, 52, 4))
    assert (m.monthly_hours, m.monthly_salary) == (Fraction(520, 3), Decimal("693.33"))
    assert mensualise(contract(40000, 160, 36, 4)).monthly_salary == Decimal("480.00")


def test_several_rhythms() -> None:
    # rules.md §3.3: 36 × 20 h + 8 × 45 h = 1 080 h → 90 h a month.
    m = mensualise(Contract.from_rhythms(hourly_rate="3.70", weeks=44, rhythms=[
        {"weeks": 36, "weekly_hours": "20", "days_per_week": 4},
        {"weeks": 8, "weekly_hours": "45", "days_per_week": 5},
    ]))
    assert m.monthly_hours == 90 and m.monthly_days == Fraction(184, 12)
    assert (m.declared_hours, m.declared_days) == (90, 16)


def test_occasional_care_is_not_mensualised() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4", weeks=10, weekly_hours="9", days_per_week=1,
                                   kind=ContractKind.OCCASIONAL)
    with pytest.raises(InvalidInput) as err:
        mensualise(c)
    assert "108.2" in str(err.value)


def test_explanation_cites_the_article_and_figures() -> None:
    text = mensualise(contract(40000, 160, 52, 4)).explain()
    assert "CCN 3239 art. 109.1" in text and "173,33 h" in text and "693,33 €" in text
    html = mensualise(contract(40000, 160, 36, 4))._repr_html_()
    assert "109.2" in html and "480,00 €" in html


@given(rates, quarters, weeks)
def test_twelve_months_of_hours_equal_the_contract_year(rate: int, q: int, n: int) -> None:
    m = mensualise(contract(rate, q, n))
    assert 12 * m.monthly_hours == Fraction(q, 4) * n


@given(rates, quarters, weeks, st.integers(0, 5000), st.integers(0, 40))
def test_salary_never_decreases_with_rate_or_hours(rate: int, q: int, n: int, more_rate: int, more_q: int) -> None:
    base = mensualise(contract(rate, q, n)).monthly_salary
    assert mensualise(contract(rate + more_rate, q, n)).monthly_salary >= base
    if q + more_q <= 48 * 4:
        assert mensualise(contract(rate, q + more_q, n)).monthly_salary >= base


@st.composite
def balanced_rhythms(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, int]]]:
    """Rhythms (q0 + d) and (q0 - d) for w weeks each, and q0 for the rest:
    the same annual hours as q0 every week."""
    n = draw(st.integers(2, 46))
    q0 = draw(st.integers(8, 44 * 4))
    w = draw(st.integers(1, n // 2))
    d = draw(st.integers(1, min(q0 - 4, 48 * 4 - q0)))
    rhythms = [(q0 + d, w), (q0 - d, w)] + ([(q0, n - 2 * w)] if n > 2 * w else [])
    return q0, n, rhythms


@given(rates, balanced_rhythms())
def test_several_rhythms_equal_one_rhythm_with_the_same_annual_hours(
    rate: int, drawn: tuple[int, int, list[tuple[int, int]]]
) -> None:
    q0, n, rhythms = drawn
    several = Contract.from_rhythms(
        hourly_rate=Decimal(rate).scaleb(-4), weeks=n,
        rhythms=[{"weeks": w, "weekly_hours": str(Decimal(q) / 4), "days_per_week": 5} for q, w in rhythms],
    )
    a, b = mensualise(several), mensualise(contract(rate, q0, n))
    assert (a.monthly_hours, a.monthly_salary, a.monthly_days, a.declared_hours, a.declared_days) == (
        b.monthly_hours, b.monthly_salary, b.monthly_days, b.declared_hours, b.declared_days)


@given(rates, quarters, weeks)
def test_untraced_gives_the_same_figures_without_explanation(rate: int, q: int, n: int) -> None:
    traced, untraced = mensualise(contract(rate, q, n)), mensualise(contract(rate, q, n), trace=False)
    assert (untraced.monthly_hours, untraced.monthly_salary, untraced.monthly_days, untraced.declared_hours,
            untraced.declared_days) == (traced.monthly_hours, traced.monthly_salary, traced.monthly_days,
                                        traced.declared_hours, traced.declared_days)
    assert untraced.explanation is UNTRACED and traced.explanation is not UNTRACED
