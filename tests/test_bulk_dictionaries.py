"""Dictionary columns take the fast route (issue 15): polars' Categorical and
Enum columns (``pl.from_arrow`` makes one of a repeated text) and Arrow
dictionaries of any index type are read as their text, on the vector route, at
its speed; and the output maps to Spark's types without casts (``route`` is plain
text: Spark has no dictionary type)."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

pa = pytest.importorskip("pyarrow")

from amcalc.bulk import OUTPUT_SCHEMA, payroll  # noqa: E402

# 9 h Mon and Tue, 52 weeks, 4.00 €: 78 h a month, 312.00 €
ROW = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", "mon": "9", "tue": "9", "territory": "moselle",
       "kind": "cdi"}
INDEX_TYPES = [pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32(), pa.uint64()]
VALUE_TYPES = [pa.string(), pa.large_string(), pa.string_view()]


@pytest.mark.parametrize("index", INDEX_TYPES, ids=str)
@pytest.mark.parametrize("value", VALUE_TYPES, ids=str)
def test_a_dictionary_column_of_any_index_type_takes_the_vector_route(index: pa.DataType,
                                                                      value: pa.DataType) -> None:
    n = 50
    columns = {k: pa.array([v] * n) for k, v in ROW.items()}
    for name in ("territory", "kind", "month", "hourly_rate"):
        plain = columns[name].dictionary_encode()
        values = pa.array(plain.dictionary.to_pylist(), value)
        columns[name] = pa.DictionaryArray.from_arrays(plain.indices.cast(index), values)
    result = payroll(pa.table(columns))
    assert result.column("route").to_pylist() == ["vector"] * n
    assert result.column("gross_salary").to_pylist() == [Decimal("312.00")] * n


def test_a_categorical_polars_frame_takes_the_vector_route_at_its_speed() -> None:
    pl = pytest.importorskip("polars")
    n = 100_000
    frame = pl.DataFrame({k: [v] * n for k, v in ROW.items()}).with_columns(
        pl.col("territory").cast(pl.Categorical), pl.col("kind").cast(pl.Enum(["cdi", "cdd", "occasional"])))
    small = payroll(frame.head(200))
    assert small.column("route").to_pylist() == ["vector"] * 200  # 94 s for 10^5 rows on the scalar route
    began = time.perf_counter()
    result = payroll(frame)
    assert time.perf_counter() - began < 10  # 0.3 s on the test machine
    assert result.column("error_code").null_count == n


def test_the_output_schema_has_no_dictionary_for_spark() -> None:
    def plain(kind: pa.DataType) -> bool:
        if pa.types.is_dictionary(kind):
            return False
        if pa.types.is_list(kind):
            return plain(kind.value_type)
        if pa.types.is_struct(kind):
            return all(plain(f.type) for f in kind)
        return True

    assert all(plain(field.type) for field in OUTPUT_SCHEMA)
    assert OUTPUT_SCHEMA.field("route").type == pa.string()
