"""Le moteur colonne — one record batch of contract-months in, one of results out.

:func:`compute` decodes the batch (:mod:`amcalc.bulk.rows`), computes the rows
it can on numpy arrays with the single-contract API's kernels
(:mod:`amcalc.bulk.vector`, the calendar from :mod:`amcalc.bulk.month_facts`),
hands the others to that API itself (:mod:`amcalc.bulk.scalar`) and builds the
output columns (:data:`~amcalc.bulk.schema.OUTPUT_SCHEMA`).

Rows take the **vector** route when they are common and simple: regular care
(CDI or CDD) or occasional care (paid by the hour, art. 108.2; no planned week
over 45 h) on one weekday schedule of at most 13 h a day, in a whole month
or one where the contract starts or ends (art. 111 proration,
:attr:`~amcalc.month.PartialMonth.PRORATA`), absences inside the month (whole
days for 46 weeks or less) — certified child illness (art. 105, from the
counters of the ``illness_ledger`` column, as :func:`~amcalc.month.month_pay` from
its ``ledger``) and the holidays next to an unjustified absence (art. 47) answered
on arrays as ``month_pay``'s calendar answers them —, worked hours of
the civil weeks of the month, a week across two months shared day by day (days
over 13 h and weeks over 48 h get the
warnings of :func:`amcalc.month.day_rest_warning`,
:func:`~amcalc.month.long_week_warning` and :func:`~amcalc.month.average_week_warning`),
weeks without care, public holidays worked (art. 47, 101), and a gross under
the social security ceiling; rows that
:func:`~amcalc.month.month_pay` refuses for an absence on a day without care or
a weekly total without a day of care get its error, worded by the same functions.
Every other row — and any row that does not parse — takes the **scalar** route,
:func:`amcalc.month.month_pay` itself (figures only, ``trace=False``; in worker
processes with :class:`ScalarPool`), which also gives a bad row its error code
and message. Both routes give the same cents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import attrs
import numpy as np
import pyarrow as pa

from amcalc.bulk.arrays import Ints, day_number
from amcalc.bulk.calendar_answers import Art105
from amcalc.bulk.family_columns import family_columns, has_household
from amcalc.bulk.illness_counters import NO_DAY, Counters
from amcalc.bulk.json_cells import json_columns
from amcalc.bulk.rows import Events, Rows, date_values
from amcalc.bulk.scalar import ScalarPool, ScalarResult, figures, month_of_row, scalar_rows
from amcalc.bulk.schema import (
    ILLNESS_LEDGER,
    NUMBER_FIELDS,
    OUTPUT_SCHEMA,
    RECENT_WEEKS,
    int_array,
    null_array,
    number_columns,
    output_schema,
    row_offsets,
    strings_columns,
    utf8_strings,
    validity_buffer,
)
from amcalc.bulk.vector import VectorResult, vector_route
from amcalc.bulk.working_time import RowWarnings, by_row_and_day
from amcalc.parameters import FRESHNESS_WARNING, VERIFIED_UP_TO

__all__ = ["ScalarPool", "ScalarResult", "compute", "compute_rows", "figures", "month_of_row", "scalar_rows"]


_ROUTES = np.frombuffer(b"vectorscalar", np.uint8).reshape(2, 6)  # the two routes' names, 6 bytes each
_FRESHNESS = pa.array([FRESHNESS_WARNING])


def _plain_type(kind: pa.DataType) -> pa.DataType:
    """``kind`` with string views and large strings and lists as plain ones (polars exports views),
    dictionaries (polars' Categorical and Enum) of any index type with int32 indices."""
    if pa.types.is_string_view(kind) or pa.types.is_large_string(kind):
        return pa.string()
    if pa.types.is_dictionary(kind):
        return pa.dictionary(pa.int32(), _plain_type(kind.value_type))
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_list_view(kind):
        return pa.list_(_plain_type(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([f.with_type(_plain_type(f.type)) for f in kind])
    return kind


_SCHEMAS_SEEN: list[tuple[pa.Schema, list[tuple[int, pa.DataType]]]] = []
"""The schemas met (each chunk of a run has the same) and the columns each must have cast:
found by comparing schemas (hashing one walks its fields' text: 17 µs a chunk)."""


def _not_plain(schema: pa.Schema) -> list[tuple[int, pa.DataType]]:
    """The columns of ``schema`` whose type is not plain, and their plain type."""
    for seen, columns in _SCHEMAS_SEEN:
        if seen.equals(schema):
            return columns
    columns = [(i, t) for i, f in enumerate(schema) if (t := _plain_type(f.type)) != f.type]
    _SCHEMAS_SEEN[:] = [*_SCHEMAS_SEEN[-63:], (schema, columns)]
    return columns


def _plain(batch: pa.RecordBatch) -> pa.RecordBatch:
    for i, kind in _not_plain(batch.schema):
        batch = batch.set_column(i, batch.schema.field(i).name, _plain_column(batch.column(i), kind))
    return batch


def _plain_column(column: pa.Array, kind: pa.DataType) -> pa.Array:
    """``column`` as ``kind``; a dictionary's indices and values cast apart (Arrow does not
    cast a dictionary of string views)."""
    if column.type == kind:
        return column
    if pa.types.is_dictionary(kind):
        return pa.DictionaryArray.from_arrays(_int32_indices(column.indices),
                                              _plain_column(column.dictionary, kind.value_type),
                                              safe=False)  # the indices of a valid dictionary: not checked again
    return column.cast(kind)


_NARROW_INDICES = {pa.int8(): np.int8, pa.int16(): np.int16, pa.uint8(): np.uint8, pa.uint16(): np.uint16}
"""Index types every value of which is an int32: widened by numpy (an Arrow cast, the chunk's
first compute call, costs ~0.18 ms a 65 536-row chunk in a run's flow; numpy's ~0.1 ms)."""


def _int32_indices(indices: pa.Array) -> pa.Array:
    """A dictionary's ``indices`` as int32: widened from their buffer when they are of a narrow
    type without null (polars, pandas, a small dictionary written by Arrow), else cast.

    >>> _int32_indices(pa.array([0, 2, 1, 2], pa.int8()).slice(1)).to_pylist()
    [2, 1, 2]
    """
    if indices.type == pa.int32():
        return indices
    narrow = _NARROW_INDICES.get(indices.type)
    if narrow is None or indices.null_count:
        return indices.cast(pa.int32())
    given = np.frombuffer(indices.buffers()[1], narrow, len(indices), indices.offset * np.dtype(narrow).itemsize)
    return pa.Array.from_buffers(pa.int32(), len(indices), [None, pa.py_buffer(given.astype(np.int32))])


_IN_PROCESS = ScalarPool()


def compute(batch: pa.RecordBatch, pool: ScalarPool = _IN_PROCESS) -> tuple[pa.RecordBatch, int]:
    """The results of ``batch`` (same rows, same order) and how many took the scalar route
    (computed by ``pool``: in this process by default)."""
    given = _plain(batch)
    batch, unreadable = json_columns(given)  # a CSV's JSON cells
    rows = Rows(batch)
    vector = _vector_rows(batch, rows, unreadable)
    found = _Found.of(rows, vector)
    scalar = ~vector.computed
    scalar[list(found.errors)] = False
    indices, records = _records(given, np.flatnonzero(scalar), found.errors)
    found.add_all(indices, pool.run(records))
    return _output(batch, found, scalar), len(indices)


def _vector_rows(batch: pa.RecordBatch, rows: Rows, unreadable: Any) -> VectorResult:
    """The rows of the vector route computed (none when no row is one it takes); the rows
    whose JSON cells are ``unreadable`` left to the scalar route, which words their error."""
    if not rows.fast.any():
        n = batch.num_rows
        return VectorResult(np.zeros(n, bool), {name: np.zeros(n, np.int64) for name in NUMBER_FIELDS},
                            RowWarnings.none(), {}, Art105({}, {}), np.zeros((0, 3), np.int64))
    events = Events(batch, rows)
    events.bad |= unreadable
    return vector_route(rows, events)


@attrs.define
class _Found:
    """What a batch's rows gave by either route, from which the output columns are built."""

    figures: dict[str, Ints]
    errors: dict[int, tuple[str, str | None, str]]
    illness: Art105
    recent_weeks: list[Ints]  # (row, Monday, seconds): the vector route's by row and Monday, then a scalar row's each
    warnings: RowWarnings  # the vector route's
    scalar_warnings: dict[int, tuple[str, ...]]
    month_days: Ints  # each row's first day (a day number), where ``month_valid``
    month_valid: Any
    months_as_read: bool = True  # ``month_days`` and ``month_valid`` are the batch's, no scalar row set them

    @classmethod
    def of(cls, rows: Rows, vector: VectorResult) -> _Found:
        """The vector route's rows, each row's month as the batch gives it (its arrays, not copied)."""
        return cls(vector.figures, dict(vector.refused), vector.illness, [vector.recent_weeks],
                   vector.warnings, {}, rows.month_days, rows.month_ok)

    def add_all(self, rows: Sequence[int], results: Iterable[ScalarResult]) -> None:
        """The ``rows`` as the scalar route computed them; the months, which they may set, copied
        first (the batch's own arrays: a view of a ``date32`` column is read-only)."""
        if rows:
            self.month_days, self.month_valid = self.month_days.copy(), self.month_valid.copy()
            self.months_as_read = False
        for i, result in zip(rows, results, strict=True):
            self.add(i, result)

    def add(self, i: int, result: ScalarResult) -> None:
        """Row ``i`` as the scalar route computed it."""
        if result.error is not None:
            self.errors[i] = result.error
            return
        for name, value in result.figures.items():
            self.figures[name][i] = value
        self.month_days[i], self.month_valid[i] = result.month_day, True
        if result.warnings:
            self.scalar_warnings[i] = result.warnings
        if result.resume is not None:
            self.illness.resume[i] = result.resume
        if result.ledger is not None:
            self.illness.ledgers[i] = result.ledger
        if result.recent_weeks:
            self.recent_weeks.append(np.array([(i, day_number(w), s) for w, s in result.recent_weeks], np.int64))


def _output(batch: pa.RecordBatch, found: _Found, scalar: Any) -> pa.RecordBatch:
    """The output columns (:data:`~amcalc.bulk.schema.OUTPUT_SCHEMA`, and the family's when the
    batch gives a household) of what the rows gave."""
    n = batch.num_rows
    valid = np.ones(n, bool)
    valid[list(found.errors)] = False
    columns: dict[str, pa.Array] = {}
    if "id" in batch.schema.names:
        columns["id"] = batch.column("id")
    columns["month"] = _month_column(batch, found)
    columns["route"] = _route_column(scalar)
    columns.update(_error_columns(found.errors, n))
    columns.update(number_columns(found.figures, valid))
    columns["warnings"] = _warnings(RowWarnings.merged([found.warnings, RowWarnings.of(found.scalar_warnings)]),
                                    valid)
    columns["freshness"] = _freshness(found.month_days, valid, found.month_valid)
    columns["resume_or_end_on"] = _resume_column(found.illness.resume, n)
    columns["illness_ledger"] = _ledger_column(found.illness.counters(n), n)
    columns["recent_weeks"] = _recent_weeks_column(found.recent_weeks, n)
    id_type = batch.schema.field("id").type if "id" in columns else None
    result = pa.RecordBatch.from_arrays(list(columns.values()), schema=_output_schema(id_type))
    if has_household(batch):
        result = pa.RecordBatch.from_arrays([*result.columns, *family_columns(batch, result)],
                                            schema=_output_schema(id_type, family=True))
    return result


_output_schema = lru_cache(maxsize=64)(output_schema)  # the same for each chunk of a run: built once


_NOT_A_DATE = ("invalid_input", None, "une date de la ligne est hors du calendrier (années 1 à 9999).")


def _records(batch: pa.RecordBatch, rows: Ints, errors: dict[int, tuple[str, str | None, str]]
             ) -> tuple[list[int], list[dict[str, Any]]]:
    """The rows of the scalar route as Python mappings; a row Python cannot hold (a date32
    beyond the year 9999) gets its error in ``errors`` instead."""
    if not len(rows):
        return [], []
    try:
        return rows.tolist(), batch.take(pa.array(rows)).to_pylist()
    except (ValueError, OverflowError):
        kept, records = [], []
        for i in rows.tolist():
            try:
                records.append(batch.slice(i, 1).to_pylist()[0])
                kept.append(i)
            except (ValueError, OverflowError):
                errors[i] = _NOT_A_DATE
        return kept, records


def compute_rows(batch: pa.RecordBatch, pool: ScalarPool = _IN_PROCESS, extra: Sequence[pa.Field] = ()
                 ) -> tuple[list[pa.RecordBatch], int]:
    """:func:`compute`, with a row that still breaks it isolated — the batch is split in
    halves until that row is alone, then reported in its row (``internal_error``): no cell
    stops a run, every other row is computed —, and the ``extra`` input columns passed
    through after ``id``."""
    results, scalar_rows_ = _isolated(batch, pool)
    if not extra:
        return results, scalar_rows_
    offset, passed = 0, []
    for result in results:
        given = batch.slice(offset, result.num_rows)
        offset += result.num_rows
        at = int("id" in result.schema.names)
        columns = [*result.columns[:at], *(given.column(f.name) for f in extra), *result.columns[at:]]
        id_type = result.schema.field("id").type if at else None
        passed.append(pa.RecordBatch.from_arrays(columns, schema=output_schema(
            id_type, extra, family=has_household(batch))))
    return passed, scalar_rows_


def _isolated(batch: pa.RecordBatch, pool: ScalarPool) -> tuple[list[pa.RecordBatch], int]:
    try:
        result, scalar_rows_ = compute(batch, pool)
        return [result], scalar_rows_
    except Exception:  # noqa: BLE001 — a row is never lost: reported in its row
        if batch.num_rows <= 1:
            return [_failed_rows(batch)], batch.num_rows
        half = batch.num_rows // 2
        first, first_scalar = _isolated(batch.slice(0, half), pool)
        second, second_scalar = _isolated(batch.slice(half), pool)
        return first + second, first_scalar + second_scalar


def _failed_rows(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Rows reported as not computed: ``id`` kept, an ``internal_error``, no figure."""
    n = batch.num_rows
    has_id = "id" in batch.schema.names
    schema = output_schema(batch.schema.field("id").type if has_id else None, family=has_household(batch))
    message = "ligne non calculée : une de ses valeurs sort des bornes du calcul ; vérifiez-la."
    columns = {f.name: null_array(f.type, n) for f in schema if f.name != "route"}
    columns["route"] = _route_column(np.ones(n, bool))
    columns["error_code"] = pa.array(["internal_error"] * n, pa.string())
    columns["error_message"] = pa.array([message] * n, pa.string())
    if has_id:
        columns["id"] = batch.column("id")
    return pa.RecordBatch.from_arrays([columns[name] for name in schema.names], schema=schema)


def _route_column(scalar: Any) -> pa.Array:
    """The ``route`` column: "scalar" where ``scalar``, else "vector", built from its buffers
    (both names 6 bytes long: no compute call, which costs more than a small batch's rows);
    the offsets, and the texts of a batch whose rows all took one route, shared read-only by
    the batches of a length (:func:`_one_route`)."""
    scalar = np.asarray(scalar, bool)
    if not scalar.any() or scalar.all():
        return _one_route(len(scalar), bool(scalar.all()))
    data = np.take(_ROUTES, scalar.view(np.int8), axis=0)
    return pa.Array.from_buffers(pa.string(), len(scalar), [None, _route_offsets(len(scalar)), pa.py_buffer(data)])


@lru_cache(maxsize=16)
def _route_offsets(n: int) -> pa.Buffer:
    """0, 6, 12 … 6n: the offsets of a ``route`` column of n rows (read-only)."""
    offsets = np.arange(0, 6 * n + 1, 6, dtype=np.int32)
    offsets.flags.writeable = False
    return pa.py_buffer(offsets)


@lru_cache(maxsize=16)
def _one_route(n: int, scalar: bool) -> pa.Array:
    """A ``route`` column of n rows all "scalar" or all "vector" (its buffers read-only)."""
    data = np.tile(_ROUTES[int(scalar)], n)
    data.flags.writeable = False
    return pa.Array.from_buffers(pa.string(), n, [None, _route_offsets(n), pa.py_buffer(data)])


def _month_column(batch: pa.RecordBatch, found: _Found) -> pa.Array:
    """The ``month`` column: each row's first day, null where its month is not known; the
    input's own column (no copy) when it is that already (a ``date32`` of first days: a
    result file read again, a month given as a date) — compared only when a scalar row may
    have set a month (the days read from a ``date32`` without null are its values)."""
    given = batch.column("month")
    if (given.type == pa.date32() and len(given) and not given.null_count and found.month_valid.all()
            and (found.months_as_read or np.array_equal(date_values(given, 0), found.month_days))):
        return given
    return int_array(found.month_days, found.month_valid, pa.date32())


def _ledger_column(counters: Counters, n: int) -> pa.Array:
    """The ``illness_ledger`` column: each row's counters for next month (the fields of
    :meth:`~amcalc.child_illness.ChildIllnessLedger.as_mapping`, its contract years in order),
    null where none; built from its buffers."""
    if not len(counters.row):
        return null_array(ILLNESS_LEDGER, n)
    has = np.zeros(n, bool)
    has[counters.row] = True
    missing = validity_buffer(has)
    order = np.lexsort((counters.year_start, counters.year_row))
    long_absence = counters.long_absence[order]
    years = pa.Array.from_buffers(_YEAR, len(order), [None], children=[
        int_array(counters.year_start[order], True, pa.date32()), int_array(counters.short_days[order], True, pa.int32()),
        int_array(long_absence, long_absence != NO_DAY, pa.date32())])
    offsets = row_offsets(counters.year_row[order], n)
    return pa.Array.from_buffers(ILLNESS_LEDGER, n, [missing], children=[
        pa.Array.from_buffers(_YEARS, n, [missing, offsets], children=[years]), *_open_absence(counters, n)])


def _open_absence(counters: Counters, n: int) -> list[pa.Array]:
    """The ``open_start`` and ``open_last`` fields of the ``illness_ledger`` column: the first
    and last day of the certified absence still running at the month's end, null where none
    (both all null, shared, when no row has one)."""
    running = counters.open_start != NO_DAY
    if not running.any():
        return [null_array(pa.date32(), n)] * 2
    is_open = np.zeros(n, bool)
    is_open[counters.row] = running
    days = np.zeros((2, n), np.int32)  # date32 day numbers, written once: both columns' data
    days[:, counters.row] = counters.open_start, counters.open_last
    return [int_array(day, is_open, pa.date32()) for day in days]


_YEARS = ILLNESS_LEDGER.field("years").type
_YEAR = _YEARS.value_type


def _recent_weeks_column(parts: list[Ints], n: int) -> pa.Array:
    """The ``recent_weeks`` column from (row, Monday, seconds), null where a row has none:
    the vector route's, by row and Monday, then the scalar route's rows, if any."""
    weeks = np.concatenate(parts) if len(parts) > 1 else parts[0]  # the vector route's alone: not copied
    if not len(weeks):
        return null_array(RECENT_WEEKS, n)
    if len(parts) > 1:
        weeks = np.take(weeks, by_row_and_day(weeks), axis=0)
    has = np.zeros(n, bool)
    has[weeks[:, 0]] = True
    values = pa.Array.from_buffers(RECENT_WEEKS.value_type, len(weeks), [None], children=[
        int_array(weeks[:, 1], True, pa.date32()), int_array(weeks[:, 2], True, pa.int64())])
    return pa.Array.from_buffers(RECENT_WEEKS, n, [validity_buffer(has), row_offsets(weeks[:, 0], n)],
                                 children=[values])


def _resume_column(resume: Mapping[int, date], n: int) -> pa.Array:
    """The ``resume_or_end_on`` column: the art. 105 day of the rows that have one, else null."""
    if not resume:
        return null_array(pa.date32(), n)
    days = np.zeros(n, np.int64)
    days[list(resume)] = [day_number(day) for day in resume.values()]
    has = np.zeros(n, bool)
    has[list(resume)] = True
    return int_array(days, has, pa.date32())


def _error_columns(errors: Mapping[int, tuple[str, str | None, str]], n: int) -> dict[str, pa.Array]:
    names = ("error_code", "error_field", "error_message")
    if not errors:
        return dict.fromkeys(names, null_array(pa.string(), n))
    rows = sorted(errors)
    return dict(zip(names, strings_columns(rows, list(zip(*(errors[i] for i in rows), strict=True)), n),
                    strict=True))


def _warnings(warnings: RowWarnings, valid: Any) -> pa.Array:
    """The ``warnings`` column: each row's texts (none for most), null where not ``valid``;
    built from its buffers."""
    n = len(valid)
    texts = utf8_strings(warnings.texts.tolist()) if len(warnings.rows) else _NO_TEXT
    return pa.Array.from_buffers(_WARNINGS, n, [validity_buffer(valid), row_offsets(warnings.rows, n)],
                                 children=[texts])


_WARNINGS = OUTPUT_SCHEMA.field("warnings").type
_NO_TEXT = pa.array([], pa.string())


def _first_stale_month(verified_up_to: date) -> int:
    """The first day (a day number) of the first month that ends after ``verified_up_to``: the
    month of the day after it (a month ends after that day when it begins on or after this one).

    >>> [_first_stale_month(d) == day_number(m) for d, m in ((date(2026, 12, 31), date(2027, 1, 1)),
    ...                                                     (date(2026, 6, 15), date(2026, 6, 1)))]
    [True, True]
    """
    return day_number((verified_up_to + timedelta(days=1)).replace(day=1))


_FIRST_STALE_MONTH = _first_stale_month(VERIFIED_UP_TO)


def _freshness(month_days: Ints, *computed: Any) -> pa.Array:
    """The ``freshness`` column: the warning of a month ending after the day up to which the
    values were verified (as :attr:`amcalc.explain.Explanation.freshness`) where every mask of
    ``computed`` holds, else null (all null, without a mask, when no month is that late)."""
    n = len(month_days)
    if not n or np.max(month_days) < _FIRST_STALE_MONTH:
        return null_array(pa.string(), n)
    stale = np.greater_equal(month_days, _FIRST_STALE_MONTH)
    for mask in computed:
        stale &= mask
    if not stale.any():
        return null_array(pa.string(), n)
    # plain text, as Spark reads it (a dictionary column is not Spark's type)
    return _FRESHNESS.take(pa.array(np.zeros(len(stale), np.int8), mask=~stale))
