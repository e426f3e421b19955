"""Bulk payroll files (issue 6): Parquet → Parquet gives exactly the in-memory
``payroll`` table, whatever the row groups; the written file is read back as
``decimal128(12, 2)`` and ``date32`` by pyarrow, polars, pandas (and duckdb when
installed); reading, computing and writing overlap in threads with a bounded
number of batches in flight, and an error on either side is raised, never a hang."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pv = pytest.importorskip("pyarrow.csv")

import amcalc.bulk  # noqa: E402
from amcalc.bulk import PayrollStats, output_schema, payroll  # noqa: E402
from amcalc.bulk import files as bulk_files  # noqa: E402
from amcalc.bulk.bench import random_rows  # noqa: E402
from amcalc.bulk.files import READ_AHEAD, WRITE_BEHIND, payroll_file  # noqa: E402

MONEY_COLUMNS = ("base_salary", "absence_deduction", "complementary_pay", "majorated_pay", "holiday_pay",
                 "gross_salary", "contributions", "net_salary", "maintenance")


def finishes(run: Callable[[], object], seconds: float = 60) -> BaseException | None:
    """Run ``run`` in a thread and return what it raised; fail if it hangs."""
    raised: list[BaseException] = []

    def target() -> None:
        try:
            run()
        except BaseException as err:  # returned to the test
            raised.append(err)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "payroll_file hung"
    return raised[0] if raised else None


def no_pipeline_threads_left() -> bool:
    return not any(t.name in ("amcalc-read", "amcalc-write") for t in threading.enumerate())


@pytest.fixture(scope="module")
def rows() -> Any:
    # every tenth row occasional care: the scalar route (the realistic mix takes none)
    table = random_rows(1_000, seed=21)
    return table.append_column("kind", pa.array(["occasional" if i % 10 == 0 else "cdi" for i in range(1_000)]))


@pytest.fixture(scope="module")
def expected(rows: Any) -> Any:
    return payroll(rows)


# --- the same table as in memory ----------------------------------------------------------------


@pytest.mark.parametrize("row_group_rows", [100, 1_000, 333])
def test_a_parquet_round_trip_gives_the_in_memory_table(tmp_path: Path, rows: Any, expected: Any,
                                                         row_group_rows: int) -> None:
    # 128-row chunks: row groups of 100 and 333 rows are read whole, one of 1 000 in pieces
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source, row_group_size=row_group_rows)
    assert pq.ParquetFile(source).num_row_groups == -(-1_000 // row_group_rows)
    stats = payroll_file(source, target, chunk_rows=128)
    back = pq.read_table(target)
    assert back.schema.equals(expected.schema)
    assert back.equals(expected)
    assert stats.rows == 1_000
    assert stats.errors == 1_000 - expected.column("error_code").null_count > 0
    assert stats.scalar_rows == expected.column("route").to_pylist().count("scalar") > 0


def test_money_is_decimal_and_dates_are_date32_after_the_round_trip(tmp_path: Path, rows: Any,
                                                                   expected: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source)
    payroll_file(source, target)
    back = pq.read_table(target)
    for name in MONEY_COLUMNS:
        assert back.schema.field(name).type == pa.decimal128(12, 2), name
        assert back.column(name).equals(expected.column(name)), name
    for name in ("month", "resume_or_end_on"):
        assert back.schema.field(name).type == pa.date32(), name
    assert back.schema.field("route").type == pa.dictionary(pa.int8(), pa.string())
    assert back.schema.field("warnings").type == pa.list_(pa.string())


def test_the_written_file_keeps_cents_as_integers_and_statistics_on_id_and_month(tmp_path: Path,
                                                                                rows: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source)
    payroll_file(source, target)
    group = pq.read_metadata(target).row_group(0)
    columns = {group.column(i).path_in_schema: group.column(i) for i in range(group.num_columns)}
    assert {columns[name].physical_type for name in MONEY_COLUMNS} == {"INT64"}
    assert columns["id"].is_stats_set and columns["month"].is_stats_set
    assert columns["month"].statistics.min <= columns["month"].statistics.max
    assert "RLE_DICTIONARY" in columns["route"].encodings
    assert columns["gross_salary"].compression == "SNAPPY"


def test_polars_and_pandas_read_the_money_back_as_decimal(tmp_path: Path, rows: Any,
                                                                 expected: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source)
    payroll_file(source, target)
    want = expected.column("net_salary").to_pylist()
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(target)
    assert frame.schema["net_salary"] == pl.Decimal(12, 2) and frame.schema["month"] == pl.Date
    assert frame["net_salary"].to_list() == want
    pd = pytest.importorskip("pandas")
    data = pd.read_parquet(target, dtype_backend="pyarrow")
    assert data.dtypes["net_salary"] == pd.ArrowDtype(pa.decimal128(12, 2))
    assert data.dtypes["month"] == pd.ArrowDtype(pa.date32())
    assert [None if pd.isna(v) else v for v in data["net_salary"]] == want


def test_an_empty_file_gives_an_empty_file_with_the_output_schema(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    empty = random_rows(10, seed=1).slice(0, 0)
    pq.write_table(empty, source)
    stats = payroll_file(source, target)
    back = pq.read_table(target)
    assert stats == PayrollStats()
    assert back.num_rows == 0 and back.schema.equals(output_schema(pa.int64()))
    assert back.schema.equals(payroll(empty).schema)


def test_an_empty_csv_gives_a_csv_with_the_output_header(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.csv", tmp_path / "paie.csv"
    source.write_text("hourly_rate,weeks,month,mon\n", "utf-8")
    assert payroll_file(source, target).rows == 0
    header = [f'"{n}"' for n in output_schema().names if n != "illness_ledger"]  # a struct: not in CSV
    assert target.read_text("utf-8").splitlines()[0].split(",") == header


def test_a_csv_in_several_batches_keeps_its_rows_in_order(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.csv", tmp_path / "paie.parquet"
    lines = ["id,hourly_rate,weeks,month,mon,tue"]
    lines += [f"r{i},{4 + i % 3}.00,52,2025-0{1 + i % 9},9,{'abc' if i % 50 == 7 else 9}" for i in range(700)]
    source.write_text("\n".join(lines) + "\n", "utf-8")
    stats = payroll_file(source, target, chunk_rows=64)
    back = pq.read_table(target)
    assert back.column("id").to_pylist() == [f"r{i}" for i in range(700)]
    assert stats.rows == 700 and stats.errors == 14 == 700 - back.column("error_code").null_count
    # 18 h a week × 52 / 12 = 78 h a month, at 4.00 €
    assert back.column("base_salary")[0].as_py() == pa.scalar(312, pa.decimal128(12, 2)).as_py()


def test_the_progress_bar_ends_at_every_row(tmp_path: Path, rows: Any, expected: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source, row_group_size=300)
    shown = io.StringIO()
    stats = payroll_file(source, target, chunk_rows=128, progress=True, stream=shown)
    last = shown.getvalue().rstrip("\n").split("\r")[-1]
    errors = 1_000 - expected.column("error_code").null_count
    assert last.startswith("[" + "#" * 30 + "] 100% 1 000 lignes") and last.endswith(f" {errors} erreurs")
    assert stats.rows == 1_000


# --- errors propagate ----------------------------------------------------------------------------


def test_a_bad_parquet_file_raises_without_hanging(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    source.write_bytes(b"PAR1" + b"\x00" * 64 + b"PAR1")
    raised = finishes(lambda: payroll_file(source, target))
    assert isinstance(raised, pa.ArrowException | OSError), raised
    assert no_pipeline_threads_left()


def test_an_error_reading_in_the_middle_of_the_file_is_raised(tmp_path: Path, rows: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(path: Path, batch_rows: int) -> Iterator[Any]:
        yield from rows.to_batches(max_chunksize=100)[:3]
        raise OSError("disque illisible")

    monkeypatch.setattr(bulk_files, "_read", failing)
    raised = finishes(lambda: payroll_file(tmp_path / "mois.parquet", tmp_path / "paie.parquet", chunk_rows=100))
    assert isinstance(raised, OSError) and str(raised) == "disque illisible"
    assert no_pipeline_threads_left()


def test_an_error_computing_is_raised_and_both_threads_stop(tmp_path: Path, rows: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "mois.parquet"
    pq.write_table(rows, source, row_group_size=50)
    compute = amcalc.bulk.compute
    calls = iter(range(10**6))

    def failing(chunk: Any, scalar: Any) -> Any:
        if next(calls) == 5:
            raise RuntimeError("panne de calcul")
        return compute(chunk, scalar)

    monkeypatch.setattr(amcalc.bulk, "compute", failing)
    raised = finishes(lambda: payroll_file(source, tmp_path / "paie.parquet", chunk_rows=50))
    assert isinstance(raised, RuntimeError) and str(raised) == "panne de calcul"
    assert no_pipeline_threads_left()


def test_an_error_writing_is_raised_without_hanging(tmp_path: Path, rows: Any) -> None:
    source = tmp_path / "mois.parquet"
    pq.write_table(rows, source, row_group_size=50)
    raised = finishes(lambda: payroll_file(source, tmp_path / "absent" / "paie.parquet", chunk_rows=50))
    assert isinstance(raised, OSError), raised
    assert no_pipeline_threads_left()


# --- memory: a bounded number of batches in flight (counted, not timed) ---------------------------


def test_reading_runs_at_most_a_few_batches_ahead_of_writing(tmp_path: Path, rows: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    batches = rows.to_batches(max_chunksize=20)  # 50 batches
    read, written, ahead = [0], [0], []

    def counted(path: Path, batch_rows: int) -> Iterator[Any]:
        for batch in batches:
            read[0] += 1
            yield batch

    write = bulk_files._Sink.write

    def slow_write(sink: Any, batch: Any) -> None:
        ahead.append(read[0] - written[0])
        time.sleep(0.005)  # a slow disk: an unbounded reader would run to the end meanwhile
        write(sink, batch)
        written[0] += 1

    monkeypatch.setattr(bulk_files, "_read", counted)
    monkeypatch.setattr(bulk_files._Sink, "write", slow_write)
    stats = payroll_file(tmp_path / "mois.parquet", tmp_path / "paie.parquet", chunk_rows=20, threads=2)
    assert stats.rows == 1_000 and written[0] == len(batches) == 50
    # queued to read, held by the reader and by the chunker, in the pool, queued to write, being written
    bound = READ_AHEAD + 1 + 1 + 2 * 2 + WRITE_BEHIND + 1
    assert max(ahead) <= bound < 50
