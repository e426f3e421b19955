"""The output's text and list columns are built from their buffers (issue 19): the rows that
have a value placed over the chunk's rows without a pass over every row. Checked against
Arrow's own builder from Python lists, for any rows, texts (accents, empty, missing) and
chunk lengths."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from amcalc.bulk.schema import row_offsets, strings_columns  # noqa: E402

TEXTS = st.one_of(st.none(), st.text(alphabet="aé€ 0", max_size=5))


@st.composite
def rows_of_a_chunk(draw: st.DrawFn, distinct: bool) -> tuple[int, list[int]]:
    """A chunk's length and some of its rows, in increasing order (each once when ``distinct``)."""
    n = draw(st.integers(1, 40))
    rows = draw(st.lists(st.integers(0, n - 1), max_size=60, unique=distinct))
    return n, sorted(rows)


@given(rows_of_a_chunk(distinct=True), st.data())
def test_text_columns_hold_each_row_s_text(chunk: tuple[int, list[int]], data: st.DataObject) -> None:
    n, rows = chunk
    columns = [data.draw(st.lists(TEXTS, min_size=len(rows), max_size=len(rows))) for _ in range(3)]
    built = strings_columns(rows, columns, n)
    for texts, column in zip(columns, built, strict=True):
        column.validate(full=True)
        by_row = dict(zip(rows, texts, strict=True))
        assert column.equals(pa.array([by_row.get(i) for i in range(n)], pa.string()))


@given(rows_of_a_chunk(distinct=False))
def test_list_offsets_give_each_row_its_values(chunk: tuple[int, list[int]]) -> None:
    n, rows = chunk
    values = list(range(len(rows)))  # value k belongs to rows[k]
    column = pa.Array.from_buffers(pa.list_(pa.int64()), n, [None, row_offsets(np.array(rows, np.int64), n)],
                                   children=[pa.array(values, pa.int64())])
    column.validate(full=True)
    assert column.to_pylist() == [[k for k, row in enumerate(rows) if row == i] for i in range(n)]
