"""The output's lists and structures as a CSV's JSON cells (``as_json``): Arrow's kernels write
integers, dates, texts without escapes, lists and structures; the text must be what
``json.dumps`` writes of each cell's Python value (the reference), whatever the route taken."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")

from amcalc.bulk import payroll  # noqa: E402
from amcalc.bulk.bench import random_rows  # noqa: E402
from amcalc.bulk.json_cells import as_json  # noqa: E402


def reference(column: Any) -> list[str | None]:
    """Each cell by ``json.dumps`` of its Python value (dates and decimals as their text)."""
    return [None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
            for value in column.to_pylist()]


COLUMNS = {
    # one column a character to escape: a column is quoted as it is only when none of its texts has one
    **{f"a text with {name}": pa.array([["plain", f"a{text}b"], [], None], pa.list_(pa.string()))
       for name, text in (("a quote", '"'), ("a backslash", "\\"), ("a tab", "\t"), ("a line feed", "\n"),
                          ("a control character", "\x01"), ("the last control character", "\x1f"))},
    "texts not escaped (DEL, U+2028, accents)": pa.array([["\x7f é \u2028", " "]], pa.list_(pa.string())),
    "texts as they are, a slice": pa.array([["x"], ["plain", "é"], [], None, ["y"]], pa.list_(pa.string())).slice(1),
    "null texts in a list": pa.array([["a", None], [None]], pa.large_list(pa.string())),
    "dates at the calendar's ends, integers, flags": pa.array([
        {"w": date(1, 1, 1), "n": -5, "b": True}, None, {"w": date(9999, 12, 31), "n": None, "b": None}]),
    "lists of structures, an empty structure list": pa.array(
        [[{"week": date(2025, 3, 10), "seconds": 180000}, {"week": date(2025, 3, 17), "seconds": 0}], [], None],
        pa.list_(pa.struct([("week", pa.date32()), ("seconds", pa.int64())]))),
    "a field name to escape": pa.array([{"s": "x"}], pa.struct([pa.field('we"ird', pa.string())])),
    "decimals and floats (the encoder)": pa.array([{"d": Decimal("1.50"), "f": 2.5}, {"d": None, "f": None}]),
    # a day beyond Python's calendar under a null structure is no value: no error, as its cell's value
    "a day beyond the calendar under a null structure": pa.StructArray.from_arrays(
        [pa.array([2**31 - 1, 3], pa.int32()).cast(pa.date32())], names=["d"], mask=pa.array([True, False])),
    "… in a list": pa.ListArray.from_arrays([0, 2, 2], pa.StructArray.from_arrays(
        [pa.array([2**31 - 1, 3], pa.int32()).cast(pa.date32())], names=["d"], mask=pa.array([True, False]))),
}


@pytest.mark.parametrize("name", COLUMNS)
def test_a_cell_is_the_json_of_its_value(name: str) -> None:
    assert as_json(COLUMNS[name]).to_pylist() == reference(COLUMNS[name])


def test_the_output_columns_of_both_routes_are_their_values_json() -> None:
    result = payroll(random_rows(3000, seed=4, rare=3), chunk_rows=1000)
    for name in ("warnings", "illness_ledger", "recent_weeks"):
        column = result.column(name).combine_chunks()
        assert as_json(column).to_pylist() == reference(column)
        assert as_json(column.slice(999, 1001)).to_pylist() == reference(column.slice(999, 1001))


def test_a_date_beyond_python_s_calendar_is_an_error_as_with_its_value() -> None:
    days = pa.array([[2**31 - 1], [0]], pa.list_(pa.int32())).cast(pa.list_(pa.date32()))
    with pytest.raises(OverflowError):
        as_json(days)
