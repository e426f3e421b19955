"""Paie en masse — the ``month`` calculation for millions of contract-months,
Arrow in, Arrow out (optional extra ``amcalc[bulk]``: numpy and pyarrow).

Each input row is a contract-month with the columns of
:data:`~amcalc.bulk.schema.INPUT_COLUMNS` (the keys of the ``month``
scenario calculation); each output row has the figures of
:func:`amcalc.month.month_pay` for it, to the same cent, in
:data:`~amcalc.bulk.schema.OUTPUT_SCHEMA`. A bad row gets its error code and
message in its row; every other row is computed; rows keep their order, and
results do not depend on how the input is split into batches.

>>> import pyarrow as pa
>>> rows = pa.table({
...     "hourly_rate": ["4.00", "3.10"], "weeks": [52, 52],
...     "mon": ["10", "10"], "tue": ["10", "10"], "thu": ["10", "10"], "fri": ["10", "10"],
...     "month": ["2024-12", "2024-12"]})
>>> result = payroll(rows)
>>> result.column("gross_salary").to_pylist()
[Decimal('693.33'), None]
>>> result.column("error_code").to_pylist(), result.column("route").to_pylist()
([None, 'below_minimum_rate'], ['vector', 'scalar'])
"""

from __future__ import annotations

from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import attrs
import pyarrow as pa

from amcalc.bulk.engine import ScalarPool, compute_rows, month_of_row
from amcalc.bulk.schema import INPUT_COLUMNS, OUTPUT_SCHEMA, extra_columns, output_schema

__all__ = [
    "INPUT_COLUMNS",
    "OUTPUT_SCHEMA",
    "PayrollStats",
    "month_of_row",
    "output_schema",
    "payroll",
    "payroll_batches",
]

CHUNK_ROWS = 65_536
"""Rows computed at once: memory stays bounded by a few chunks, whatever the input size."""

TABLE_CHUNK_ROWS = 131_072
"""Rows computed at once by :func:`payroll` for a table in memory large enough to give each
thread two such chunks: the threads then take the interpreter's lock less often a row
(× 1.2–1.3 on two threads, benchmarks/README.md); a stream or a file keeps
:data:`CHUNK_ROWS`, so that reading and writing overlap the computation from the start."""


@attrs.define
class PayrollStats:
    """What a run did: rows, rows in error, rows that took the scalar route."""

    rows: int = 0
    errors: int = 0
    scalar_rows: int = 0

    @property
    def scalar_share(self) -> float:
        """Share of rows computed by :func:`amcalc.month.month_pay` itself (not money)."""
        return self.scalar_rows / self.rows if self.rows else 0.0


def _batches(source: Any) -> Iterator[pa.RecordBatch]:
    if isinstance(source, pa.RecordBatch):
        yield source
    elif isinstance(source, pa.Table):
        yield from source.to_batches()
    elif isinstance(source, pa.RecordBatchReader):
        yield from source
    elif hasattr(source, "__arrow_c_stream__"):
        yield from pa.RecordBatchReader.from_stream(source)
    else:
        yield from source


def _chunks(source: Any, chunk_rows: int) -> Iterator[pa.RecordBatch]:
    for batch in _batches(source):
        for offset in range(0, batch.num_rows, chunk_rows):
            yield batch.slice(offset, chunk_rows)


def payroll_batches(
    source: Any, *, chunk_rows: int = CHUNK_ROWS, threads: int = 2, processes: int = 0,
    stats: PayrollStats | None = None, keep_extra: bool = False,
) -> Generator[pa.RecordBatch, None, None]:
    """Results batch by batch, in the input's order, for a ``pyarrow.Table``, a
    record batch, a ``RecordBatchReader``, any object with ``__arrow_c_stream__``
    (polars, pandas with pyarrow…) or an iterable of record batches.

    At most ``2 × threads`` chunks of ``chunk_rows`` rows are in flight: memory
    does not grow with the input. With ``processes`` > 0, the scalar route's rows
    go to that many worker processes when a chunk has many of them (see
    :class:`~amcalc.bulk.engine.ScalarPool`; a script doing so needs the usual
    ``if __name__ == "__main__":`` guard of multiprocessing). ``stats`` is updated
    as batches come out.

    The columns are checked by name first (:func:`~amcalc.bulk.schema.extra_columns`): a
    column the engine does not read is an :class:`~amcalc.errors.InvalidInput` naming the
    closest known one, or, with ``keep_extra``, is copied to the output as it is, after
    ``id``; a missing required column is one error.
    """
    counts = stats if stats is not None else PayrollStats()
    scalar = ScalarPool(processes)
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        pending: deque[Future[tuple[list[pa.RecordBatch], int]]] = deque()
        extra: list[pa.Field] | None = None
        try:
            for chunk in _chunks(source, max(1, chunk_rows)):
                if extra is None:
                    extra = extra_columns(chunk.schema, keep_extra)
                pending.append(pool.submit(compute_rows, chunk, scalar, extra))
                # a result goes out as soon as it is done (a file's writer starts sooner, lags less)
                while pending and (pending[0].done() or len(pending) >= 2 * max(1, threads)):
                    yield from _done(pending.popleft(), counts)
            while pending:
                yield from _done(pending.popleft(), counts)
        finally:  # stopped early (an error, a signal): the chunks not started are not computed
            for future in pending:
                future.cancel()


def _done(future: Future[tuple[list[pa.RecordBatch], int]], stats: PayrollStats) -> list[pa.RecordBatch]:
    batches, scalar_rows = future.result()
    for batch in batches:
        stats.rows += batch.num_rows
        stats.errors += batch.num_rows - batch.column("error_code").null_count
    stats.scalar_rows += scalar_rows
    return batches


def payroll(source: Any, *, chunk_rows: int | None = None, threads: int = 2, processes: int = 0,
            stats: PayrollStats | None = None, keep_extra: bool = False) -> pa.Table:
    """Paie du mois en masse (CCN 3239 art. 47, 96, 101, 105, 109–111, 114): the results
    of every row of ``source`` as a ``pyarrow.Table`` (which polars, pandas and
    duckdb take without copy through ``__arrow_c_stream__``). Arguments as in
    :func:`payroll_batches`; ``chunk_rows`` by default :func:`chunk_rows_for` the source."""
    size = chunk_rows_for(source, threads) if chunk_rows is None else chunk_rows
    batches = list(payroll_batches(source, chunk_rows=size, threads=threads, processes=processes,
                                   stats=stats, keep_extra=keep_extra))
    if batches:
        return pa.Table.from_batches(batches)
    schema = _input_schema(source)
    return empty_output(schema, keep_extra) if schema is not None else OUTPUT_SCHEMA.empty_table()


def chunk_rows_for(source: Any, threads: int = 2) -> int:
    """The rows :func:`payroll` computes at once for ``source``: :data:`TABLE_CHUNK_ROWS` for a
    table or record batch in memory of at least two such chunks a thread, else :data:`CHUNK_ROWS`
    (a stream, whose size is unknown, or a table too small to keep every thread busy).

    >>> chunk_rows_for(pa.table({"id": range(4 * TABLE_CHUNK_ROWS)}), threads=2)
    131072
    >>> chunk_rows_for(pa.table({"id": range(4 * TABLE_CHUNK_ROWS - 1)}), threads=2)
    65536
    """
    large = isinstance(source, (pa.Table, pa.RecordBatch)) and source.num_rows >= 2 * max(1, threads) * TABLE_CHUNK_ROWS
    return TABLE_CHUNK_ROWS if large else CHUNK_ROWS


def empty_output(schema: pa.Schema, keep_extra: bool = False) -> pa.Table:
    """The result of an input of ``schema`` without rows: no row, the output's columns."""
    id_type = schema.field("id").type if "id" in schema.names else None
    extra = extra_columns(schema, keep_extra) if schema.names else []
    return output_schema(id_type, extra).empty_table()


def _input_schema(source: Any) -> pa.Schema | None:
    return getattr(source, "schema", None) if isinstance(
        source, (pa.Table, pa.RecordBatch, pa.RecordBatchReader)) else None
