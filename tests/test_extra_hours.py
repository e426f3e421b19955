"""Heures complémentaires et majorées (CCN 3239 art. 96.4, 110) — expectations derived by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from amcalc.errors import InvalidInput
from amcalc.extra_hours import extra_hours, split_week

H = 3600


def test_complementary_only_at_normal_rate() -> None:
    # 44 h on a 40 h contract: 4 h × 4.00 € = 16.00 €, nothing above 45 h.
    w = extra_hours(hourly_rate="4.00", contract_weekly_hours="40", worked_hours="44")
    assert (w.complementary_hours, w.majorated_hours) == (4, 0)
    assert (w.complementary_pay, w.majorated_pay) == (Decimal("16.00"), Decimal("0.00"))


def test_half_hour_rounds_half_up_not_half_even() -> None:
    # 0.5 h × 3.85 € = 1.925 € → 1.93 € (half-even would give 1.92 €).
    w = extra_hours(hourly_rate="3.85", contract_weekly_hours="40", worked_hours="40.5")
    assert w.complementary_pay == Decimal("1.93")


def test_contract_above_45_hours_majorates_only_beyond_the_contract() -> None:
    # The contract's own 46th hour is paid by the salary: 50 h worked → 4 h majorées.
    w = extra_hours(hourly_rate="4.00", contract_weekly_hours="46", worked_hours="50")
    assert (w.complementary_hours, w.majorated_hours) == (0, 4)
    assert w.majorated_pay == Decimal("17.60")  # 4 × 4.00 × 1.10


def test_less_than_contract_gives_nothing() -> None:
    w = extra_hours(hourly_rate="4.00", contract_weekly_hours="40", worked_hours="30")
    assert (w.complementary_hours, w.majorated_hours, w.complementary_pay) == (0, 0, Decimal("0.00"))


def test_majoration_below_ten_percent_is_refused() -> None:
    with pytest.raises(InvalidInput) as err:
        extra_hours(hourly_rate="4.00", contract_weekly_hours="40", worked_hours="50",
                    majorated_rate="0.05")
    assert err.value.field == "majorated_rate" and "110.1" in err.value.message


def test_split_week_kernel() -> None:
    assert split_week(47 * H, 40 * H) == (5 * H, 2 * H)
    assert split_week(50 * H, 32 * H) == (13 * H, 5 * H)
    assert split_week(40 * H, 0) == (40 * H, 0)  # a week without planned care


def test_explanation_cites_the_articles() -> None:
    text = extra_hours(hourly_rate="4.00", contract_weekly_hours="40", worked_hours="47").explain()
    assert "art. 110.1" in text and "Heures majorées" in text
    assert Fraction(2) == extra_hours(hourly_rate="4.00", contract_weekly_hours="40",
                                      worked_hours="47").majorated_hours
