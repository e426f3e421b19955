"""The boundary: what a user may pass for a date, a month, a number, and what is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc import jours_ouvrables, maintenance_minimum, minimum_rate
from amcalc.errors import InvalidInput
from amcalc.inputs import parse_date, parse_month
from amcalc.money import parse_money


@pytest.mark.parametrize("value", [date(2025, 9, 1), "2025-09-01", " 2025-09-01 ",
                                   datetime(2025, 9, 1)])
def test_a_date_is_a_date_iso_text_or_a_midnight_datetime(value: object) -> None:
    assert parse_date(value, "on") == date(2025, 9, 1)


@pytest.mark.parametrize("value", [datetime(2025, 9, 1, 8, 30), datetime(2025, 9, 1, tzinfo=UTC),
                                   "01/09/2025", "2025-9-1", "20250901", "2025-02-30", 20250901, None,
                                   date(1899, 12, 31), date(9999, 12, 31), "9999-12-31"])
def test_anything_else_is_refused_naming_the_field(value: object) -> None:
    with pytest.raises(InvalidInput) as err:
        parse_date(value, "sent")
    assert err.value.field == "sent"


def test_months_numbers_and_days() -> None:
    assert parse_month(date(2025, 3, 17)) == parse_month("2025-03") == (2025, 3)
    with pytest.raises(InvalidInput):
        parse_month("2025-03-01")
    assert parse_money("3.8512", "hourly_rate", places=4) == Decimal("3.8512")  # 4 decimals
    for huge in ("1e999", "1e999999999", "1e-999999999"):
        with pytest.raises(InvalidInput):
            parse_money(huge, "total_gross")
    for hours in ("25", "1000000"):  # a day has 24 hours
        with pytest.raises(InvalidInput) as err:
            maintenance_minimum(date(2025, 6, 2), hours=hours)
        assert err.value.field == "hours"
    assert minimum_rate("2025-04-01") == minimum_rate(date(2025, 4, 1))


def test_jours_ouvrables_are_counted_not_walked() -> None:
    # May 2025: 31 days − 4 Sundays − 1 May, 8 May, Ascension 29 May = 24.
    assert jours_ouvrables(date(2025, 5, 1), date(2025, 5, 31)) == 24
    # Three centuries in one call: 1900-01-01 → 2199-12-31 has 300 × 365 + 73 leap days
    # = 109 573 days, 15 653 of them Sundays; at most 11 holidays a year fall on another day.
    total = jours_ouvrables(date(1900, 1, 1), date(2199, 12, 31))
    assert 109_573 - 15_653 - 11 * 300 <= total < 109_573 - 15_653


@given(st.integers(0, 999_999), st.integers(0, 2))
def test_whole_hours_read_the_same_written_plain_or_with_decimals(whole: int, zeros: int) -> None:
    from amcalc.duration import parse_hours
    written = "0" * zeros + str(whole)
    assert parse_hours(written, "hours") == parse_hours(f"{written}.00", "hours") == whole * 3600
