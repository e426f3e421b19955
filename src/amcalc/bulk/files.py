"""Fichiers de paie — CSV or Parquet in, CSV or Parquet out, chunk by chunk.

The file is read in batches, computed and written as it goes, so memory stays
bounded whatever its size: a background thread reads ahead (at most
:data:`READ_AHEAD` batches), the engine's threads compute, and another
background thread writes (at most :data:`WRITE_BEHIND` batches waiting), so
that reading, computing and writing overlap. CSV columns are all read as text
and parsed by the engine (hours and amounts exactly, never as floats; dates,
``weeks`` and ``am_ge`` too), so that a bad cell is an error in its row, never
the end of the run; ``id`` is copied as written. CSV has no lists: the events
and the counters carried from last month are JSON cells
(:mod:`amcalc.bulk.json_cells`), and the output's lists and structures
(``warnings``, ``illness_ledger``, ``recent_weeks``) are written as JSON text
that next month's CSV takes as it is. Parquet output
is written with :data:`PARQUET_OPTIONS`. A file that cannot be read raises
:class:`~amcalc.errors.UnreadableFile`, and no output is left (see
:func:`payroll_file`).
"""

from __future__ import annotations

import codecs
import errno
import os
import queue
import re
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO, cast

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv
import pyarrow.parquet as pq

from amcalc.bulk import CHUNK_ROWS, PayrollStats, empty_output, payroll_batches
from amcalc.bulk.json_cells import as_json
from amcalc.bulk.scalar import stop_workers
from amcalc.errors import InvalidInput, UnreadableFile

__all__ = ["EXCEL_DELIMITER", "PARQUET_OPTIONS", "READ_AHEAD", "WRITE_BEHIND", "Interrupted", "Progress",
           "UnwritableFile", "neutralised", "payroll_file", "stopped_by_signals"]

EXCEL_DELIMITER = ";"
"""The separator of French Excel's CSV (the decimal comma takes the comma)."""


class UnwritableFile(InvalidInput):
    """The output cannot be written (the input itself, a missing folder, no right to write,
    a full disk): the run stops, the input and a file already at the output's name are left
    as they were."""

    code = "unwritable_file"

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

_WHOLE_ROW_GROUP = 4
"""Row groups of at most this many chunks are read at once (Arrow decodes their columns in parallel)."""
_CSV_BLOCK = 1 << 22
_CSV_COLUMN = re.compile(r"In CSV column #(\d+)")
_CSV_LINE = re.compile(r"Expected (?P<expected>\d+) columns, got (?P<got>\d+): (?P<text>.*)", re.DOTALL)


def _cut(text: str, size: int = 160) -> str:
    """pyarrow's reason on one line, printable, at most ``size`` characters."""
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text if len(text) <= size else text[:size] + "…"


def _format(path: Path, field: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix == ".csv":
        return "csv"
    raise InvalidInput(field, f"{path.name} : format inconnu (.csv ou .parquet attendu).")


@attrs.define
class _Source:
    """The input file being read, and where: its read errors become :class:`UnreadableFile`
    (field ``input``) with a French message and pyarrow's reason."""

    path: Path
    excel: bool = False
    csv: bool = attrs.field(init=False)
    names: list[str] = attrs.field(factory=list)
    part: str = ""

    def __attrs_post_init__(self) -> None:
        self.csv = _format(self.path, "input") == "csv"

    @contextmanager
    def reading(self) -> Iterator[None]:
        try:
            yield
        except MemoryError:
            raise
        except (pa.ArrowException, OSError) as err:
            raise UnreadableFile("input", self._why(err)) from err

    def _why(self, err: BaseException) -> str:
        name, reason = self.path.name, str(err).strip().rstrip(".")
        if isinstance(err, FileNotFoundError):
            return f"{self.path} est introuvable."
        if not self.csv and self.part:
            return f"{name} : {self.part} illisible, fichier tronqué ou abîmé (pyarrow : {_cut(reason)})."
        if not self.csv:
            return (f"{name} n'est pas un fichier Parquet lisible : fichier tronqué, abîmé ou d'un autre "
                    f"format (pyarrow : {_cut(reason)}).")
        if line := _CSV_LINE.search(reason):
            return (f"{name} : une ligne a {line['got']} champ(s) au lieu des {line['expected']} de "
                    f"l'en-tête, {_cut(line['text'])!r} (colonnes séparées par des virgules, "
                    "guillemets fermés).")
        if "Empty CSV file" in reason:
            return f"{name} est vide : sa première ligne doit nommer les colonnes (hourly_rate, weeks, month, mon…)."
        if "UTF8" in reason:
            found = _CSV_COLUMN.search(reason)
            where = f" (colonne {self.names[int(found[1])]})" if found and int(found[1]) < len(self.names) else ""
            return f"{name} n'est pas encodé en UTF-8{where} : enregistrez-le en UTF-8 (pyarrow : {_cut(reason)})."
        return f"{name} n'est pas un fichier CSV lisible (pyarrow : {_cut(reason)})."

    def open_csv(self) -> pv.CSVStreamingReader:
        """Every column as text, parsed by the engine (a bad cell is an error in its row);
        the header is read first, to name the columns."""
        with self.path.open("rb") as file:
            header = file.readline(1 << 16)
        if not self.excel and b";" in header and b"," not in header:  # the French spreadsheets' default
            raise UnreadableFile("input", f"{self.path.name} : les colonnes doivent être séparées par des "
                                          "virgules, pas par des points-virgules (un CSV d'Excel en français "
                                          "se lit avec --excel).")
        read = pv.ReadOptions(block_size=_CSV_BLOCK, encoding=self._encoding() if self.excel else "utf8")
        parse = pv.ParseOptions(delimiter=EXCEL_DELIMITER if self.excel else ",")
        with pv.open_csv(self.path, read_options=read, parse_options=parse) as header_block:
            self.names = header_block.schema.names
        return pv.open_csv(self.path, read_options=read, parse_options=parse,
                           convert_options=pv.ConvertOptions(column_types=dict.fromkeys(self.names, pa.string())))

    def _encoding(self) -> str:
        """A French Excel CSV's encoding: UTF-8 after its byte order mark (« CSV UTF-8 ») or when
        its first megabyte is UTF-8, Windows-1252 otherwise (« CSV (séparateur : point-virgule) »)."""
        with self.path.open("rb") as file:
            start = file.read(1 << 20)
        if start.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        try:
            start.decode("utf-8")
        except UnicodeDecodeError as err:
            if err.start < len(start) - 3:  # not a character cut by the megabyte's end
                return "cp1252"
        return "utf8"


def _read(path: Path, batch_rows: int, excel: bool = False) -> Iterator[pa.RecordBatch]:
    source = _Source(path, excel)
    with source.reading():
        if source.csv:
            yield from source.open_csv()
            return
        # row group by row group, without pre-buffering (which kept the file's pages in memory);
        # decoded by Arrow's threads: in this thread alone a first row group took up to 8 times
        # longer now and then, while the engine waited for it (benchmarks/README.md)
        with pq.ParquetFile(path, pre_buffer=False) as file:
            first = 0
            for group in range(file.num_row_groups):
                rows = file.metadata.row_group(group).num_rows
                source.part = (f"groupe de lignes {group + 1} sur {file.num_row_groups} "
                               f"(lignes {first + 1} à {first + rows})")
                first += rows
                if rows <= _WHOLE_ROW_GROUP * batch_rows:
                    yield from file.read_row_group(group, use_threads=True).to_batches(max_chunksize=batch_rows)
                else:  # a large row group in pieces: memory stays bounded
                    yield from file.iter_batches(batch_size=batch_rows, row_groups=[group])


def _input_schema(path: Path, excel: bool = False) -> pa.Schema:
    source = _Source(path, excel)
    with source.reading():
        return source.open_csv().schema if source.csv else pq.read_schema(path)


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


def _csv_ready(batch: pa.RecordBatch, excel: bool = False, formulas: bool = False) -> pa.RecordBatch:
    """CSV has no lists, structs nor dictionaries: lists and structures as JSON text
    (:func:`~amcalc.bulk.json_cells.as_json`), routes as text; an ``id`` that CSV cannot
    hold as it is (lists, structures, bytes) is refused, not altered. Text that a
    spreadsheet would take for a formula is neutralised unless ``formulas``
    (:func:`neutralised`); ``excel`` writes decimals with a comma."""
    if "id" in batch.schema.names and not _csv_cell(batch.schema.field("id").type):
        raise InvalidInput("id", f"un id de type {batch.schema.field('id').type} ne s'écrit pas en CSV : "
                                 "écrivez le résultat en Parquet (.parquet), ou donnez un id texte ou nombre.")
    columns = [as_json(c) if pa.types.is_nested(c.type) else
               c.cast(pa.string()) if pa.types.is_dictionary(c.type) else c
               for c in batch.columns]
    if excel:
        columns = [pc.replace_substring(c.cast(pa.string()), ".", ",") if _has_decimals(c.type) else c
                   for c in columns]
    if not formulas:
        columns = [neutralised(c) if pa.types.is_string(c.type) or pa.types.is_large_string(c.type) else c
                   for c in columns]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _has_decimals(kind: pa.DataType) -> bool:
    return bool(pa.types.is_decimal(kind) or pa.types.is_floating(kind))


_FORMULA_START = "^[=+\\-@\t\r]"
_PLAIN_NUMBER = "^[+-]?[0-9]+([.,][0-9]+)?$"


def neutralised(column: pa.Array) -> pa.Array:
    """A text column with every cell a spreadsheet would evaluate — one that starts with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return (OWASP, CSV injection; CWE-1236) and is not
    a plain number such as ``-12.5`` — preceded by a single quote, which spreadsheets show as
    text and do not evaluate.

    >>> neutralised(pa.array(["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "-12.5", "lea", None])).to_pylist()
    ["'=1+1", "'+cmd|' /C calc'!A0", "'@SUM(A1)", '-12.5', 'lea', None]
    """
    risky = pc.and_(pc.match_substring_regex(column, _FORMULA_START),
                    pc.invert(pc.match_substring_regex(column, _PLAIN_NUMBER)))
    return pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)


def _csv_cell(kind: pa.DataType) -> bool:
    if pa.types.is_dictionary(kind):
        return _csv_cell(kind.value_type)
    return not (pa.types.is_nested(kind) or pa.types.is_binary(kind) or pa.types.is_large_binary(kind)
                or pa.types.is_fixed_size_binary(kind) or pa.types.is_binary_view(kind))


_WHY_NOT_WRITTEN = {
    errno.ENOENT: "le dossier {folder} n'existe pas",
    errno.ENOTDIR: "{folder} n'est pas un dossier",
    errno.EACCES: "le droit d'écrire dans {folder} manque",
    errno.EPERM: "le droit d'écrire dans {folder} manque",
    errno.EROFS: "{folder} est en lecture seule",
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota du disque est atteint",
    errno.EISDIR: "{name} est un dossier",
    errno.EFBIG: "le fichier dépasse la taille permise",
}
_ERRNO = re.compile(r"\[errno (\d+)\]", re.IGNORECASE)


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    """An :class:`OSError` while ``target`` is written (pyarrow's included) as
    :class:`UnwritableFile`, in French, with the system's error code (``ENOSPC``…)."""
    try:
        yield
    except OSError as err:
        number = err.errno or int((_ERRNO.search(str(err)) or [0, 0])[1])
        why = _WHY_NOT_WRITTEN.get(number, "erreur du système")
        code = f" ({errno.errorcode[number]})" if number in errno.errorcode else ""
        raise UnwritableFile("output", f"{target.name} n'a pas pu être écrit : "
                                       f"{why.format(folder=target.parent, name=target.name)}{code}.") from err


@attrs.define
class _Sink:
    """The file written (``path``, a temporary name of ``target``), opened with the first
    batch's schema."""

    path: Path
    target: Path
    csv: bool
    excel: bool = False
    formulas: bool = False
    writer: Any = None
    file: Any = None

    def write(self, batch: pa.RecordBatch) -> None:
        with _writing(self.target):
            if self.csv:
                batch = _csv_ready(batch, self.excel, self.formulas)
                self.writer = self.writer or self._csv_writer(batch.schema)
            else:
                self.writer = self.writer or pq.ParquetWriter(self.path, batch.schema, **PARQUET_OPTIONS)
            self.writer.write_batch(batch)

    def _csv_writer(self, schema: pa.Schema) -> pv.CSVWriter:
        if not self.excel:
            return pv.CSVWriter(self.path, schema)
        self.file = pa.OSFile(str(self.path), "wb")
        self.file.write(codecs.BOM_UTF8)  # French Excel reads UTF-8 after its byte order mark
        return pv.CSVWriter(self.file, schema, write_options=pv.WriteOptions(delimiter=EXCEL_DELIMITER))

    def close(self) -> None:
        with _writing(self.target):
            if self.writer is not None:
                self.writer.close()
            if self.file is not None:
                self.file.close()


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
    source = _Source(path)
    with source.reading():
        return None if source.csv else int(pq.read_metadata(path).num_rows)


class Interrupted(Exception):
    """A run stopped by a signal (SIGTERM, SIGINT): ``signal`` is its number."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal.Signals(signal_number).name)
        self.signal = signal_number


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """SIGTERM (``timeout``, ``kill``, a stopped cron job) and SIGINT (Ctrl-C) stop the run
    cleanly within the block: the worker processes are ended at once
    (:func:`~amcalc.bulk.scalar.stop_workers`), then :class:`Interrupted` is raised where
    the run is, so that its threads stop and the temporary output is deleted. For the main
    thread of a command; the previous handlers are put back at the end."""

    def stop(number: int, frame: object) -> None:
        for name in (signal.SIGTERM, signal.SIGINT):  # a second signal does not cut the cleaning
            signal.signal(name, signal.SIG_IGN)
        stop_workers()
        raise Interrupted(number)

    previous = {name: signal.signal(name, stop) for name in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(name, handler)


@contextmanager
def _complete_or_absent(target: Path) -> Iterator[Path]:
    """A file name next to ``target`` to write to, renamed ``target`` once the block ends
    without error and deleted otherwise: ``target`` is never a half-written file that would
    look complete (a run stopped by an unreadable input, a full disk, Ctrl-C; even a killed
    process leaves at most a hidden ``.part`` file), and a file already there stays as it
    was until the new one is complete. Deleting the output on error instead would not cover
    a killed process and would lose the earlier file."""
    part = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        yield part
        with _writing(target):
            os.replace(part, target)
    except BaseException:
        with suppress(OSError):
            part.unlink(missing_ok=True)
        raise


def _not_the_input(source: Path, target: Path) -> None:
    """:class:`UnwritableFile` when ``target`` is ``source`` under another name (the same
    path, a link to it, a hard link: the same file), before anything is read or written."""
    same = source.resolve() == target.resolve()
    with suppress(OSError):
        same = same or os.path.samefile(source, target)
    if same:
        raise UnwritableFile("output", f"{target.name} est le fichier d'entrée {source.name} : le résultat "
                                       "l'effacerait. Donnez un autre nom au résultat.")


def payroll_file(source: str | Path, target: str | Path, *, threads: int = 2, processes: int = 0,
                 chunk_rows: int = CHUNK_ROWS, progress: bool = False,
                 stream: TextIO | None = None, keep_extra: bool = False, excel: bool = False,
                 formulas: bool = False) -> PayrollStats:
    """Compute every row of ``source`` (``.csv`` or ``.parquet``) into ``target``
    (``.csv`` or ``.parquet``), batch by batch (``threads``, ``processes`` and
    ``keep_extra`` as in :func:`~amcalc.bulk.payroll_batches`: the columns are checked
    by name before any row is computed); returns the run's :class:`PayrollStats`.
    ``progress`` draws a bar on ``stream`` (stderr by default). Reading and
    writing run in their own threads; an error in either is raised here.

    A bad value is an error in its row; a file that cannot be read (not Parquet,
    truncated or corrupt, a CSV without header, with a malformed line or not in UTF-8)
    raises :class:`~amcalc.errors.UnreadableFile` (field ``input``), whether it is found
    on opening or in the middle of the file. The results are written to a temporary
    file next to ``target``, renamed ``target`` at the end of a complete run only
    (deleted on any error): ``target`` is never a half-written file. A ``target`` that
    is ``source`` under another name (a link, the same inode) or that cannot be written
    raises :class:`UnwritableFile` (field ``output``): the input is never written.

    A CSV written is safe to open in a spreadsheet: text cells that it would evaluate
    as formulas are neutralised (:func:`neutralised`) unless ``formulas``. With ``excel``,
    CSV files are French Excel's: read with ``;`` between columns, in UTF-8 (with or
    without its byte order mark) or Windows-1252, decimal commas accepted; written with
    ``;``, in UTF-8 with its byte order mark, decimals with a comma."""
    source, target = Path(source), Path(target)
    _format(source, "input")
    csv = _format(target, "output") == "csv"
    _not_the_input(source, target)
    stats = PayrollStats()
    bar = Progress(stream or sys.stderr, _rows_in(source)) if progress else None
    with _complete_or_absent(target) as part:
        sink = _Sink(part, target, csv, excel, formulas)
        rows = _ahead(lambda: _read(source, chunk_rows, excel=excel), READ_AHEAD)
        results = payroll_batches(rows, chunk_rows=chunk_rows, threads=threads, processes=processes,
                                  stats=stats, keep_extra=keep_extra)
        written = _Behind(sink.write, sink.close, WRITE_BEHIND)
        try:
            for batch in results:
                written.put(batch)
                if bar:
                    bar.show(stats)
            if stats.rows == 0:  # an empty input still gives a file with the output's columns
                empty = empty_output(_input_schema(source, excel), keep_extra)
                written.put(pa.RecordBatch.from_pylist([], schema=empty.schema))
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
