"""The bulk decoder writes a column's values straight into a column of a table (the
week's schedule, one column a weekday): the same values, ok and null flags as alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from amcalc.bulk.schema import decode  # noqa: E402

# hours as seconds: 8.50 h = 30 600 s, 9 h = 32 400 s, 0.25 h = 900 s, 2 h = 7 200 s;
# 0.001 h = 3.6 s is not a whole second: not ok, 0; a null: null, ok, 0; a decimal is read
# when 0 ≤ its digits < 10**12: 9 999 999 999.99 h = 35 999 999 999 964 s; −1, 10**10
# (10**12 as digits) and 2**64 h (beyond the low word) are not ok, 0
COLUMNS = [
    (pa.array([Decimal("-1.00"), Decimal("9999999999.99"), Decimal(10**10), Decimal(2**64)], pa.decimal128(38, 2)),
     [0, 35999999999964, 0, 0], [False, True, False, False], [False] * 4),
    (pa.array([Decimal("8.50"), Decimal("0.25"), Decimal("0")], pa.decimal128(4, 2)), [30600, 900, 0],
     [True, True, True], [False, False, False]),
    (pa.array([Decimal("8.50"), None, Decimal("0.25")], pa.decimal128(4, 2)), [30600, 0, 900],
     [True, True, True], [False, True, False]),
    (pa.array([Decimal("0.001"), Decimal("2.000"), Decimal("0.250")], pa.decimal128(6, 3)), [0, 7200, 900],
     [False, True, True], [False, False, False]),
    (pa.array(["9", "8.5", "0.25"]), [32400, 30600, 900], [True, True, True], [False, False, False]),
    (pa.array([2, 0, 1], pa.int64()), [7200, 0, 3600], [True, True, True], [False, False, False]),
    (None, [0, 0, 0], [True, True, True], [True, True, True]),
    (pa.array([Decimal("10"), Decimal("0.5")], pa.decimal128(38, 2)), [36000, 1800], [True, True], [False, False]),
    (pa.array([Decimal(10**10), Decimal("1")], pa.decimal128(38, 2)), [0, 3600], [False, True], [False, False]),
    (pa.array([Decimal("-0.01"), Decimal("1")], pa.decimal128(38, 2)), [0, 3600], [False, True], [False, False]),
    # −2**64 + 1 as digits: its low word is 1, its high word −1
    (pa.array([Decimal(-(2**64) + 1).scaleb(-2), Decimal("1")], pa.decimal128(38, 2)), [0, 3600], [False, True],
     [False, False]),
]


def _with_a_value_under_its_null() -> object:
    """[8.50, null, 0.25] h whose null slot holds 7.00 in its buffer (Arrow leaves it undefined)."""
    words = np.array([850, 0, 700, 0, 25, 0], np.int64)
    validity = pa.py_buffer(np.packbits([1, 0, 1], bitorder="little").tobytes())
    return pa.Array.from_buffers(pa.decimal128(4, 2), 3, [validity, pa.py_buffer(words.tobytes())], null_count=1)


COLUMNS.append((_with_a_value_under_its_null(), [30600, 0, 900], [True, True, True], [False, True, False]))
# a text column mostly null (whole-day absences), decoded from its given texts only: 8.5 h =
# 30 600 s; "" reads as null; "x" does not parse (not ok, 0)
COLUMNS.append((pa.array([None, "8.5", None, "", None, "x", None]), [0, 30600, 0, 0, 0, 0, 0],
                [True, True, True, True, True, False, True], [True, False, True, True, True, False, True]))


@pytest.mark.parametrize(("array", "seconds", "ok", "null"), COLUMNS)
def test_a_column_decoded_into_a_table_column(array: object, seconds: list[int], ok: list[bool],
                                              null: list[bool]) -> None:
    n = len(seconds)
    table = np.full((n, 7), -1, np.int64)
    column = decode(array, "hours", n, table[:, 2])
    assert table[:, 2].tolist() == seconds
    assert np.shares_memory(column.values, table) and column.values.tolist() == seconds
    assert (column.ok.tolist(), column.null.tolist()) == (ok, null)
    assert (table[:, [0, 1, 3, 4, 5, 6]] == -1).all()  # the other columns untouched
    alone = decode(array, "hours", n)
    assert (alone.values.tolist(), alone.ok.tolist(), alone.null.tolist()) == (seconds, ok, null)


def test_a_column_all_zero_decoded_into_a_table_column_overwrites_it() -> None:
    # a weekday not worked (every value 0.00 h, one null): 0 s in every row, its column of the
    # table overwritten (it held −1), each value ok; a 0 high word and 0 low word everywhere
    zeros = pa.array([Decimal("0.00"), None, Decimal("0.00")], pa.decimal128(4, 2))
    table = np.full((3, 7), -1, np.int64)
    column = decode(zeros, "hours", 3, table[:, 6])
    assert table[:, 6].tolist() == [0, 0, 0] and table[:, 5].tolist() == [-1, -1, -1]
    assert column.ok.tolist() == [True, True, True] and column.null.tolist() == [False, True, False]
    alone = decode(zeros, "money", 3)
    assert alone.values.tolist() == [0, 0, 0] and alone.ok.tolist() == [True] * 3


@pytest.mark.parametrize(("texts", "indices", "values", "null"), [
    # the territories in their order (metropole 0, alsace 1, moselle 2): each index its value
    (["metropole", "alsace", "moselle"], [2, 0, 0, 1], [2, 0, 0, 1], [False] * 4),
    # another order: looked up (moselle 2, metropole 0)
    (["moselle", "metropole"], [1, 0, 1], [0, 2, 0], [False] * 3),
    # a null index: null, 0 (not the index the dictionary would give it)
    (["metropole", "alsace", "moselle"], [2, None, 1], [2, 0, 1], [False, True, False]),
])
def test_a_dictionary_column_of_choices_decoded(texts: list[str], indices: list[int | None], values: list[int],
                                                null: list[bool]) -> None:
    array = pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), pa.array(texts))
    column = decode(array, "territory", len(indices))
    assert column.values.tolist() == values and column.null.tolist() == null
    assert column.ok.tolist() == [True] * len(indices)
