"""The Spark recipe of docs/howto/bulk.md, run (issue 15): ``mapInArrow`` hands
each task an iterator of record batches, which ``payroll_batches`` takes; the
output schema maps to Spark's types without a cast, and 10^5 contract-months
computed on a local Spark give every column of the single-machine engine.
Needs the ``spark`` extra (pyspark) and a Java runtime (.ci/run installs one)."""

from __future__ import annotations

import os
import shutil
import sys
from functools import partial
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql.pandas.types import from_arrow_schema  # noqa: E402

from amcalc.bulk import output_schema, payroll, payroll_batches  # noqa: E402
from amcalc.bulk.bench import random_rows  # noqa: E402

ROWS = 100_000


@pytest.fixture(scope="module")
def spark() -> Any:
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers import amcalc as the tests do
    session = (SparkSession.builder.master("local[2]").appName("amcalc-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g").getOrCreate())
    yield session
    session.stop()


def test_the_spark_recipe_gives_every_column_of_the_engine(spark: Any) -> None:
    rows = random_rows(ROWS, seed=615)
    rows = rows.set_column(rows.schema.get_field_index("territory"), "territory",
                           rows.column("territory").cast(pa.string()))  # as a Parquet file read by Spark
    expected = payroll(rows)
    schema = from_arrow_schema(output_schema(rows.schema.field("id").type))  # no cast needed
    frame = spark.createDataFrame(rows).repartition(4, "id").sortWithinPartitions("id")
    got = frame.mapInArrow(partial(payroll_batches, threads=1), schema).toArrow().sort_by("id")
    assert got.num_rows == ROWS
    assert got.schema.names == expected.schema.names
    for name in expected.schema.names:
        assert got.column(name).to_pylist() == expected.column(name).to_pylist(), name
