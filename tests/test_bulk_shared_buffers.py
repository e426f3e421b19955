"""The results' memory (issue 19): buffers that are the same for every chunk of a length —
the ``route`` of a chunk whose rows all took one route, a column all 0, a column all null —
are shared by the chunks, read-only; changing a copy of one result changes no other."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from amcalc.bulk import payroll  # noqa: E402
from amcalc.bulk.schema import ILLNESS_LEDGER, RECENT_WEEKS, null_array  # noqa: E402

MARCH = datetime.date(2025, 3, 1)


def rows(n: int, month: object = "2025-03") -> pa.Table:
    """n contract-months alike: 4.00 € an hour, 52 weeks, 9 h on Monday and Tuesday."""
    return pa.table({"id": list(range(n)), "hourly_rate": ["4.00"] * n, "weeks": [52] * n,
                     "month": [month] * n, "mon": ["9"] * n, "tue": ["9"] * n})


def shared(result: pa.Table, name: str) -> list[pa.Buffer]:
    """The buffers of column ``name`` found in both of the result's two chunks."""
    first, second = (chunk.buffers() for chunk in result.column(name).chunks)
    return [a for a, b in zip(first, second, strict=True) if a is not None and b is not None and a.address == b.address]


def test_the_buffers_the_chunks_share_are_read_only() -> None:
    result = payroll(rows(6), chunk_rows=3)
    assert result.column("route").num_chunks == 2
    for name in ("route", "holiday_pay", "freshness", "error_code"):
        buffers = shared(result, name)
        assert buffers, name
        for buffer in buffers:
            assert not buffer.is_mutable
            view = np.frombuffer(buffer, np.uint8)
            assert not view.flags.writeable
            with pytest.raises(ValueError, match="read-only"):
                view[:] = 1


def test_a_copy_changed_leaves_every_chunk_right() -> None:
    result = payroll(rows(6), chunk_rows=3)
    for name in ("route", "holiday_pay"):  # texts and decimals: copied out as Python objects
        copy = result.column(name).chunk(0).to_numpy(zero_copy_only=False)
        copy[:] = None
    days = result.column("scheduled_days").chunk(0).to_numpy()  # integers without null: a view, read-only
    with pytest.raises(ValueError, match="read-only"):
        days[0] = 7
    # 9 h × 2 days = 18 h a week, × 52 / 12 = 78 h a month at 4.00 €: 312.00 €; no paid leave
    assert result.column("base_salary").to_pylist() == [Decimal("312.00")] * 6
    assert result.column("holiday_pay").to_pylist() == [Decimal("0.00")] * 6
    assert result.column("route").to_pylist() == ["vector"] * 6
    assert result.column("error_code").to_pylist() == [None] * 6


def test_a_month_given_as_first_days_is_the_input_column_itself() -> None:
    source = rows(4, MARCH)
    result = payroll(source)
    assert result.column("month").to_pylist() == [MARCH] * 4
    assert result.column("month").chunk(0).buffers()[1].address == source.column("month").chunk(0).buffers()[1].address
    assert payroll(source.slice(1)).column("month").to_pylist() == [MARCH] * 3  # a slice: read from its offset
    given = source.set_column(3, "month", pa.array([MARCH, MARCH, datetime.date(2025, 4, 2), MARCH], pa.date32()))
    assert payroll(given).column("month").to_pylist() == [MARCH, MARCH, None, MARCH]  # not a first day: refused


def test_a_month_given_as_first_days_stays_the_input_column_beside_a_scalar_row() -> None:
    source = rows(4, MARCH).set_column(4, "mon", pa.array(["9", "9", "14", "9"]))  # 14 h a day: the scalar route
    result = payroll(source)
    assert result.column("route").to_pylist() == ["vector", "vector", "scalar", "vector"]
    assert result.column("month").to_pylist() == [MARCH] * 4
    assert result.column("month").chunk(0).buffers()[1].address == source.column("month").chunk(0).buffers()[1].address
    # (14 + 9) h a week × 52 / 12 = 99.67 h a month at 4.00 €: 398.67 €
    assert result.column("base_salary").to_pylist()[2] == Decimal("398.67")


@pytest.mark.parametrize("kind", [pa.string(), pa.date32(), pa.int64(), ILLNESS_LEDGER, RECENT_WEEKS,
                                  pa.list_(pa.string())])
@pytest.mark.parametrize("n", [0, 1, 9, 64])
def test_a_shared_null_column_is_arrows_column_of_nulls(kind: pa.DataType, n: int) -> None:
    column = null_array(kind, n)
    column.validate(full=True)
    assert column.equals(pa.nulls(n, kind))
    assert column.null_count == n
