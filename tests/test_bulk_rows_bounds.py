"""The bounds `Rows` checks once a column when every value passes (two reductions) and row by
row when one does not: the same rows refused either way."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from amcalc.bulk.bench import random_rows  # noqa: E402
from amcalc.bulk.rows import Rows  # noqa: E402
from amcalc.bulk.schema import FIRST_DAY, LAST_DAY  # noqa: E402

N = 6


def _batch(**columns: object) -> object:
    """Six plain rows (no rare case), some columns replaced."""
    batch = random_rows(N, seed=5, rare=0).to_batches()[0]
    for name, array in columns.items():
        batch = batch.set_column(batch.schema.get_field_index(name), name, array)
    return batch


def _date32_with_a_value_under_its_null(days: list[int], null_at: int) -> object:
    """A date32 column of ``days`` whose row ``null_at`` is null, its slot in the buffer kept
    (Arrow leaves it undefined: here the value given, whatever it is)."""
    valid = [i != null_at for i in range(len(days))]
    validity = pa.py_buffer(np.packbits(valid, bitorder="little").tobytes())
    return pa.Array.from_buffers(pa.date32(), len(days), [validity, pa.py_buffer(np.array(days, np.int32))],
                                 null_count=1)


def test_plain_rows_are_all_fast() -> None:
    assert Rows(_batch()).fast.tolist() == [True] * N


@pytest.mark.parametrize("column", ["start", "end"])
def test_a_date32_beyond_the_calendar_refuses_its_row_only(column: str) -> None:
    # FIRST_DAY: 1 January of year 1, LAST_DAY: 31 December 9999; one day beyond either end
    # is not a date of the single-contract API: that row to the scalar route (its error), even
    # a hiring date before the month or an end after it, which the month alone would accept
    base = _batch().column(column)
    days = [None if d is None else d.toordinal() - 719163 for d in base.to_pylist()]  # 719163: 1970-01-01
    days[1], days[4] = (FIRST_DAY - 1, -(2**31)) if column == "start" else (LAST_DAY + 1, 2**31 - 1)
    fast = Rows(_batch(**{column: pa.array(days, pa.date32())})).fast
    assert fast.tolist() == [True, False, True, True, False, True]


def test_a_value_out_of_the_calendar_under_a_null_date_is_no_date() -> None:
    # no end date (null) in row 2, whatever its slot holds: the contract runs on
    ends = [LAST_DAY] * N
    ends[2] = LAST_DAY + 10**6
    assert Rows(_batch(end=_date32_with_a_value_under_its_null(ends, 2))).fast.tolist() == [True] * N


def test_rates_and_weeks_out_of_the_vector_route_s_bounds() -> None:
    # the route's bounds: 0 < rate ≤ 1 000 €; majorated 10 % to 400 %; a usual week within 48 h
    rates = pa.array([Decimal("4.0000"), Decimal("0.0000"), Decimal("1000.0000"), Decimal("1000.0001"),
                      Decimal("5.0000"), Decimal("5.0000")], pa.decimal128(8, 4))
    majorated = pa.array([Decimal("0.1000"), Decimal("0.1000"), Decimal("0.1000"), Decimal("0.1000"),
                          Decimal("0.0999"), Decimal("4.0001")], pa.decimal128(6, 4))
    fast = Rows(_batch(hourly_rate=rates, majorated_rate=majorated)).fast
    assert fast.tolist() == [True, False, True, False, False, False]
    # 48 h a week on Monday alone is a day over 13 h: the scalar route; 13 h on each of
    # Monday … Thursday = 52 h a week, over 48 h: the scalar route too
    mon = pa.array([Decimal("13.00"), Decimal("13.01"), *[Decimal("8.00")] * 4], pa.decimal128(4, 2))
    long_days = [Decimal("13.00")] + [Decimal("0.00")] * 5
    week = {day: pa.array(long_days, pa.decimal128(4, 2)) for day in ("tue", "wed", "thu")}
    week |= {day: pa.array([Decimal("0.00")] * N, pa.decimal128(4, 2)) for day in ("fri", "sat", "sun")}
    fast = Rows(_batch(mon=mon, **week)).fast
    assert fast.tolist() == [False, False, True, True, True, True]


def test_the_contract_s_dates_against_its_month() -> None:
    # every row in March 2025 (31 days), hired 2024-06-03 unless said: 0 runs the whole month;
    # 1 hired on 10 March and 2 leaving on 20 March run part of it (art. 111 proration);
    # 3 hired on 1 April (after the month), 4 left on 28 February (before it) and 5 hired
    # on 15 March but leaving on 12 March do not run in it: the scalar route words their case
    month = pa.array([date(2025, 3, 1)] * N, pa.date32())
    start = pa.array([date(2024, 6, 3), date(2025, 3, 10), date(2024, 6, 3), date(2025, 4, 1), date(2024, 6, 3),
                      date(2025, 3, 15)], pa.date32())
    end = pa.array([None, None, date(2025, 3, 20), None, date(2025, 2, 28), date(2025, 3, 12)], pa.date32())
    rows = Rows(_batch(month=month, start=start, end=end))
    assert rows.fast.tolist() == [True, True, True, False, False, False]
    assert rows.partial[:3].tolist() == [False, True, True]
    # hired on the month's first day and leaving on its last: the whole month
    whole = Rows(_batch(month=month, start=pa.array([date(2025, 3, 1)] * N, pa.date32()),
                        end=pa.array([date(2025, 3, 31)] * N, pa.date32())))
    assert whole.fast.tolist() == [True] * N and whole.partial.tolist() == [False] * N
