"""Fichiers de paie — CSV or Parquet in, CSV or Parquet out, chunk by chunk.

The file is read in batches, computed and written as it goes, so memory stays
bounded whatever its size: a background thread reads ahead (at most
:data:`READ_AHEAD` batches), the engine's threads compute, and another
background thread writes (at most :data:`WRITE_BEHIND` batches waiting), so
that reading, computing and writing overlap. CSV columns are read as text
(hours and amounts are parsed exactly, never as floats), dates as dates; CSV
has no list columns, so its rows carry no events (use Parquet or Arrow for
absences and worked hours). Output lists (``warnings``) are written to CSV as
their count. Parquet output is written with :data:`PARQUET_OPTIONS`.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv
import pyarrow.parquet as pq

from amcalc.bulk import CHUNK_ROWS, PayrollStats, payroll_batches
from amcalc.bulk.schema import INPUT_COLUMNS, output_schema
from amcalc.calendar import WEEKDAYS
from amcalc.errors import InvalidInput

__all__ = ["PARQUET_OPTIONS", "READ_AHEAD", "WRITE_BEHIND", "Progress", "payroll_file"]

READ_AHEAD = 2
"""Input batches read ahead of the computation."""
WRITE_BEHIND = 2
"""Result batches waiting for the writer."""

PARQUET_OPTIONS: dict[str, Any] = {
    # dictionary encoding where a column has few distinct values (smaller and as fast);
    # money, ids and the rare extra-hours columns stay plain (a dictionary costs time there)
    "use_dictionary": ["month", "route", "error_code", "error_field", "error_message", "scheduled_seconds",
                       "scheduled_days", "worked_seconds", "declared_hours", "declared_days", "warnings",
                       "resume_or_end_on"],
    "write_statistics": ["id", "month"],  # min/max for the readers' row-group filters
    "store_decimal_as_integer": True,  # decimal128(12, 2) as INT64 cents, read back as decimal128(12, 2)
    "compression": "snappy",
}
"""Properties of the Parquet files written (see docs/howto/bulk.md)."""

_TEXT_COLUMNS = ("hourly_rate", "month", "kind", "territory", "majorated_rate", "complementary_rate",
                 "maintenance_per_hour", *WEEKDAYS)
_DATE_COLUMNS = ("start", "end")
_WHOLE_ROW_GROUP = 4
"""Row groups of at most this many chunks are read at once (Arrow decodes their columns in parallel)."""


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    raise InvalidInput("path", f"{path.name} : format inconnu (.csv ou .parquet attendu).")


def _open_csv(path: Path) -> pv.CSVStreamingReader:
    types = {c: pa.string() for c in _TEXT_COLUMNS} | {c: pa.date32() for c in _DATE_COLUMNS}
    types |= {"weeks": pa.int64(), "am_ge": pa.bool_()}
    return pv.open_csv(path, read_options=pv.ReadOptions(block_size=1 << 22),
                       convert_options=pv.ConvertOptions(column_types=types))


def _read(path: Path, batch_rows: int) -> Iterator[pa.RecordBatch]:
    if _format(path) == "csv":
        yield from _open_csv(path)
        return
    # row group by row group, without pre-buffering (which kept the file's pages in memory)
    with pq.ParquetFile(path, pre_buffer=False) as file:
        for group in range(file.num_row_groups):
            if file.metadata.row_group(group).num_rows <= _WHOLE_ROW_GROUP * batch_rows:
                yield from file.read_row_group(group, use_threads=True).to_batches(max_chunksize=batch_rows)
            else:  # a large row group in pieces: memory stays bounded
                yield from file.iter_batches(batch_size=batch_rows, row_groups=[group])


def _input_schema(path: Path) -> pa.Schema:
    if _format(path) == "csv":
        return _open_csv(path).schema
    return pq.read_schema(path)


@attrs.frozen
class _Failed:
    """An exception raised in a background thread, handed to the other side."""

    error: BaseException


_END = object()


class _Channel:
    """At most ``size`` items between two threads; either side may stop early (an
    error, a consumer that leaves) without leaving the other blocked."""

    def __init__(self, size: int) -> None:
        self._items: queue.Queue[object] = queue.Queue(max(1, size))
        self._stopped = threading.Event()

    def send(self, item: object) -> bool:
        """Hand ``item`` over; False when the other side has stopped."""
        if self._stopped.is_set():
            return False
        self._items.put(item)  # at most one put after stop(): stop() made room for it
        return not self._stopped.is_set()

    def receive(self) -> object:
        return self._items.get()

    def stop(self) -> None:
        self._stopped.set()
        while True:
            try:
                self._items.get_nowait()
            except queue.Empty:
                return


def _ahead(batches: Callable[[], Iterator[pa.RecordBatch]], depth: int) -> Generator[pa.RecordBatch, None, None]:
    """The batches of ``batches()``, produced in a background thread at most ``depth`` ahead;
    its exception is raised here."""
    channel = _Channel(depth)

    def produce() -> None:
        try:
            for batch in batches():
                if not channel.send(batch):
                    return
            channel.send(_END)
        except BaseException as err:  # handed to the consuming thread
            channel.send(_Failed(err))

    thread = threading.Thread(target=produce, name="amcalc-read", daemon=True)
    thread.start()
    try:
        while (item := channel.receive()) is not _END:
            if isinstance(item, _Failed):
                raise item.error
            yield cast(pa.RecordBatch, item)
    finally:
        channel.stop()
        thread.join()


class _Behind:
    """A writer in a background thread, at most ``depth`` batches behind; its exception
    is raised by the next :meth:`put` or by :meth:`close`."""

    def __init__(self, write: Callable[[pa.RecordBatch], None], close: Callable[[], None], depth: int) -> None:
        self._channel = _Channel(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._consume, args=(write, close), name="amcalc-write",
                                        daemon=True)
        self._thread.start()

    def _consume(self, write: Callable[[pa.RecordBatch], None], close: Callable[[], None]) -> None:
        try:
            try:
                while (item := self._channel.receive()) is not _END:
                    write(cast(pa.RecordBatch, item))
            finally:
                close()
        except BaseException as err:  # raised in the calling thread
            self._error = err
            self._channel.stop()

    def put(self, batch: pa.RecordBatch) -> None:
        if not self._channel.send(batch):
            self._raise()

    def close(self) -> None:
        """Write what is waiting, close the file, raise the writer's error if any."""
        self.abandon()
        self._raise()

    def abandon(self) -> None:
        """Close the file after what is waiting, without raising (another error is on its way)."""
        self._channel.send(_END)
        self._thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error


def _csv_ready(batch: pa.RecordBatch) -> pa.RecordBatch:
    """CSV has no lists, structs nor dictionaries: warnings as their count, routes as text,
    and no ``illness_ledger`` (CSV input has no absences: nothing to carry)."""
    kept = [f.name for f in batch.schema if not pa.types.is_struct(f.type)]
    columns = [pc.list_value_length(c) if pa.types.is_list(c.type) else
               c.cast(pa.string()) if pa.types.is_dictionary(c.type) else c
               for c in (batch.column(name) for name in kept)]
    return pa.RecordBatch.from_arrays(columns, names=kept)


@attrs.define
class _Sink:
    """The target file, opened with the first batch's schema."""

    path: Path
    csv: bool
    writer: Any = None

    def write(self, batch: pa.RecordBatch) -> None:
        if self.csv:
            batch = _csv_ready(batch)
            self.writer = self.writer or pv.CSVWriter(self.path, batch.schema)
        else:
            self.writer = self.writer or pq.ParquetWriter(self.path, batch.schema, **PARQUET_OPTIONS)
        self.writer.write_batch(batch)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


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
    ``progress`` draws a bar on ``stream`` (stderr by default). Reading and
    writing run in their own threads; an error in either is raised here."""
    source, target = Path(source), Path(target)
    _format(source)
    sink = _Sink(target, _format(target) == "csv")
    stats = PayrollStats()
    bar = Progress(stream or sys.stderr, _rows_in(source)) if progress else None
    rows = _ahead(lambda: _read(source, chunk_rows), READ_AHEAD)
    results = payroll_batches(rows, chunk_rows=chunk_rows, threads=threads, processes=processes, stats=stats)
    written = _Behind(sink.write, sink.close, WRITE_BEHIND)
    try:
        for batch in results:
            written.put(batch)
            if bar:
                bar.show(stats)
        if stats.rows == 0:  # an empty input still gives a file with the output's columns
            schema = _input_schema(source)
            id_type = schema.field("id").type if "id" in schema.names else None
            written.put(pa.RecordBatch.from_pylist([], schema=output_schema(id_type)))
    except BaseException:
        written.abandon()
        raise
    finally:
        results.close()  # its pool first, then the reading thread
        rows.close()
        if bar:
            bar.close()
    written.close()
    return stats


assert set(_TEXT_COLUMNS) <= set(INPUT_COLUMNS) | set(WEEKDAYS)
