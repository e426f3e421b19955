"""Fichiers de paie — CSV or Parquet in, CSV or Parquet out, chunk by chunk.

The file is read in batches, computed and written as it goes, so memory stays
bounded whatever its size. CSV columns are read as text (hours and amounts
are parsed exactly, never as floats), dates as dates; CSV has no list
columns, so its rows carry no events (use Parquet or Arrow for absences and
worked hours). Output lists (``warnings``) are written to CSV as their count.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv
import pyarrow.parquet as pq

from amcalc.bulk import CHUNK_ROWS, PayrollStats, payroll_batches
from amcalc.bulk.schema import INPUT_COLUMNS
from amcalc.calendar import WEEKDAYS
from amcalc.errors import InvalidInput

__all__ = ["Progress", "payroll_file"]

_TEXT_COLUMNS = ("hourly_rate", "month", "kind", "territory", "majorated_rate", "complementary_rate",
                 "maintenance_per_hour", *WEEKDAYS)
_DATE_COLUMNS = ("start", "end")


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    raise InvalidInput("path", f"{path.name} : format inconnu (.csv ou .parquet attendu).")


def _read(path: Path, batch_rows: int) -> Iterator[pa.RecordBatch]:
    if _format(path) == "parquet":
        # row group by row group: pre-buffering would keep the file's pages read ahead in memory
        yield from pq.ParquetFile(path, pre_buffer=False).iter_batches(batch_size=batch_rows)
        return
    types = {c: pa.string() for c in _TEXT_COLUMNS} | {c: pa.date32() for c in _DATE_COLUMNS}
    types |= {"weeks": pa.int64(), "am_ge": pa.bool_()}
    reader = pv.open_csv(path, read_options=pv.ReadOptions(block_size=1 << 22),
                         convert_options=pv.ConvertOptions(column_types=types))
    yield from reader


def _csv_ready(batch: pa.RecordBatch) -> pa.RecordBatch:
    """CSV has no lists nor dictionaries: warnings as their count, routes as text."""
    columns = [pc.list_value_length(c) if pa.types.is_list(c.type) else
               c.cast(pa.string()) if pa.types.is_dictionary(c.type) else c for c in batch.columns]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


@attrs.define
class Progress:
    """A one-line progress bar on a terminal (stderr): rows done, rate, errors."""

    stream: TextIO
    total: int | None
    began: float = attrs.field(factory=time.perf_counter)

    def show(self, stats: PayrollStats) -> None:
        elapsed = max(time.perf_counter() - self.began, 1e-9)
        done = f"{stats.rows:,}".replace(",", " ")
        part = ""
        if self.total:
            share = stats.rows / self.total
            bar = "#" * int(share * 30)
            part = f"[{bar:<30}] {share:4.0%} "
        self.stream.write(f"\r{part}{done} lignes, {stats.rows / elapsed:,.0f}/s, "
                          f"{stats.errors} erreurs".replace(",", " "))
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def _rows_in(path: Path) -> int | None:
    return pq.ParquetFile(path).metadata.num_rows if _format(path) == "parquet" else None


def payroll_file(source: str | Path, target: str | Path, *, threads: int = 2, processes: int = 0,
                 chunk_rows: int = CHUNK_ROWS, progress: bool = False,
                 stream: TextIO | None = None) -> PayrollStats:
    """Compute every row of ``source`` (``.csv`` or ``.parquet``) into ``target``
    (``.csv`` or ``.parquet``), batch by batch (``threads`` and ``processes`` as in
    :func:`~amcalc.bulk.payroll_batches`); returns the run's :class:`PayrollStats`.
    ``progress`` draws a bar on ``stream`` (stderr by default)."""
    source, target = Path(source), Path(target)
    target_format = _format(target)
    stats = PayrollStats()
    bar = Progress(stream or sys.stderr, _rows_in(source)) if progress else None
    writer: Any = None
    try:
        for batch in payroll_batches(_read(source, chunk_rows), chunk_rows=chunk_rows, threads=threads,
                                     processes=processes, stats=stats):
            if target_format == "csv":
                batch = _csv_ready(batch)
                if writer is None:
                    writer = pv.CSVWriter(target, batch.schema)
            elif writer is None:
                writer = pq.ParquetWriter(target, batch.schema)
            writer.write_batch(batch)
            if bar:
                bar.show(stats)
    finally:
        if writer is not None:
            writer.close()
        if bar:
            bar.close()
    if writer is None:  # an empty input still gives a file with the output's columns
        from amcalc.bulk.schema import output_schema

        empty = output_schema().empty_table()
        if target_format == "csv":
            pv.write_csv(pa.Table.from_batches([_csv_ready(b) for b in empty.to_batches()],
                                                 schema=_csv_ready(empty.to_batches()[0]).schema
                                                 if empty.to_batches() else None)
                         if empty.to_batches() else empty.drop_columns(["warnings"]), target)
        else:
            pq.write_table(empty, target)
    return stats


assert set(_TEXT_COLUMNS) <= set(INPUT_COLUMNS) | set(WEEKDAYS)
