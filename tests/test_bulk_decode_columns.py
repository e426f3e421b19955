"""Several decimal columns of a small batch (the weekdays, the rates) are decoded together,
as one block: each gets the values, ok and null flags the rule gives it alone — a value is
read when 0 ≤ its digits < 10**12 and it makes a whole number of units (seconds, 1/10 000 €),
a null is ok and 0, any other value is not ok and 0."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from amcalc.bulk.schema import _BLOCK_ROWS, decode, decode_columns  # noqa: E402

UNITS = {"hours": 3600, "money": 10_000}  # seconds an hour, 1/10 000 € a euro


def expected(values: list[Decimal | None], scale: int, kind: str) -> tuple[list[int], list[bool], list[bool]]:
    """The rule, value by value, on Python decimals."""
    units, ok, null = [], [], []
    for value in values:
        digits = None if value is None else int(value.scaleb(scale))
        exact = digits is not None and 0 <= digits < 10**12 and digits * UNITS[kind] % 10**scale == 0
        units.append(digits * UNITS[kind] // 10**scale if exact and digits is not None else 0)
        ok.append(value is None or exact)
        null.append(value is None)
    return units, ok, null


def test_the_week_of_a_row_decoded_together() -> None:
    # 9.50 h = 34 200 s; 0.25 h = 900 s; a null day: ok, null, 0; −1 h and 10**10 h (10**12
    # as digits): not ok, 0
    days = [pa.array([v], pa.decimal128(38, 2)) for v in
            (Decimal("9.50"), Decimal("0.25"), None, Decimal("-1"), Decimal(10**10), Decimal(0), Decimal(1))]
    table = np.full((1, 7), -1, np.int64)
    decoded = decode_columns(days, "hours", 1, table)
    assert table.tolist() == [[34200, 900, 0, 0, 0, 0, 3600]]
    assert [d.values.tolist() for d in decoded] == [[34200], [900], [0], [0], [0], [0], [3600]]
    assert [d.ok.tolist() for d in decoded] == [[True], [True], [True], [False], [False], [True], [True]]
    assert [d.null.tolist() for d in decoded] == [[False], [False], [True], [False], [False], [False], [False]]


def test_rates_of_one_scale_and_other_precisions_decoded_together() -> None:
    # 4.1234 € = 41 234 / 10 000 €; 0.10 = 1 000 (scale 4 in both types)
    rates = [pa.array([Decimal("4.1234")], pa.decimal128(8, 4)), pa.array([Decimal("0.1000")], pa.decimal128(6, 4))]
    assert [d.values.tolist() for d in decode_columns(rates, "money", 1)] == [[41234], [1000]]


def _column(values: list[Decimal | None], scale: int, offset: int) -> object:
    """``values`` as a decimal128 column of ``scale``, a slice starting at ``offset``."""
    padded = [Decimal(0)] * offset + [None if v is None else v.scaleb(-scale) for v in values]
    return pa.array(padded, pa.decimal128(38, scale)).slice(offset)


DIGITS = st.one_of(st.integers(0, 10**6), st.integers(-(10**13), 10**13), st.sampled_from([10**12 - 1, 10**12]))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(1, 6), st.integers(1, 8), st.integers(0, 4), st.integers(0, 3),
       st.sampled_from(["hours", "money"]))
def test_columns_decoded_together_as_each_alone(data: st.DataObject, k: int, n: int, scale: int, offset: int,
                                                kind: str) -> None:
    columns = [data.draw(st.lists(st.one_of(st.none(), DIGITS.map(Decimal)), min_size=n, max_size=n))
               for _ in range(k)]
    arrays = [_column(c, scale, offset) for c in columns]
    table = np.full((n, k), -1, np.int64)
    decoded = decode_columns(arrays, kind, n, table)
    for j, (column, values) in enumerate(zip(decoded, columns, strict=True)):
        units, ok, null = expected([None if v is None else v.scaleb(-scale) for v in values], scale, kind)
        assert (column.values.tolist(), column.ok.tolist(), column.null.tolist()) == (units, ok, null)
        assert table[:, j].tolist() == units
        alone = decode(arrays[j], kind, n)
        assert (alone.values.tolist(), alone.ok.tolist(), alone.null.tolist()) == (units, ok, null)
        # the bound the vector route's checks read instead of the values: none of them above it
        for bound in (column.greatest, alone.greatest):
            assert bound is None or bound >= max(units)


def test_a_large_batch_decoded_column_by_column_gives_the_same() -> None:
    n = _BLOCK_ROWS + 3
    rng = np.random.default_rng(7)
    columns = [[None if d < 0 else Decimal(int(d)) for d in rng.integers(-50, 5000, n)] for _ in range(3)]
    arrays = [_column(c, 2, 1) for c in columns]
    table = np.zeros((n, 3), np.int64)
    for j, column in enumerate(decode_columns(arrays, "hours", n, table)):
        units, ok, null = expected([None if v is None else v.scaleb(-2) for v in columns[j]], 2, "hours")
        assert (table[:, j].tolist(), column.ok.tolist(), column.null.tolist()) == (units, ok, null)


def test_a_large_column_s_bound_is_its_greatest_value() -> None:
    # 20 003 values (the words folded 1 024 at a time, and a remainder): 0.00 h to 200.02 h
    # in hundredths; the greatest, 200.02 h, is 200.02 × 3 600 = 720 072 s
    n = 20_003
    column = _column([Decimal(d) for d in range(n)], 2, 5)
    decoded = decode(column, "hours", n)
    assert decoded.values[[0, 1, -1]].tolist() == [0, 36, 720_072]
    assert decoded.greatest == 720_072 and bool(decoded.ok.all())
    # one value of 10**12 hundredths does not read: its row 0 and not ok, no bound known
    digits = [Decimal(d) for d in range(n)]
    digits[17_000] = Decimal(10**12)
    decoded = decode(_column(digits, 2, 5), "hours", n)
    assert decoded.greatest is None
    assert (decoded.values[17_000], bool(decoded.ok[17_000]), int(decoded.ok.sum())) == (0, False, n - 1)
