"""Le moteur colonne — one record batch of contract-months in, one of results out.

Every figure comes from the kernels of the single-contract API (integer
arithmetic on cents, seconds and 1/10 000 €, :func:`amcalc.money.half_up_div`),
called here on numpy arrays: :func:`~amcalc.mensualisation.monthly_salary_cents`,
:func:`~amcalc.absences.deduction_cents`, :func:`~amcalc.extra_hours.split_week`,
:func:`~amcalc.month.spread_seconds`, :func:`~amcalc.extra_hours.hours_pay_cents`,
:func:`~amcalc.maintenance.day_allowance`,
:meth:`~amcalc.net_salary.ContributionKernel.withheld` and the Pajemploi
kernels of :mod:`amcalc.month`. Calendar facts come once per (month,
territory): weekday counts, the weekday of each day, public holidays.

Rows take the **vector** route when they are common and simple: regular care
(CDI or CDD) on one weekday schedule of at most 13 h a day, in a whole month
or one where the contract starts or ends (art. 111 proration,
:attr:`~amcalc.month.PartialMonth.PRORATA`), absences inside the month (whole
days for 46 weeks or less) — certified child illness (art. 105, counters of the
month's contract year from zero, as :func:`~amcalc.month.month_pay` without a
ledger) and the holidays next to an unjustified absence (art. 47) answered
row by row by ``month_pay``'s own calendar and functions —, worked hours of
civil weeks inside the month (days over 13 h and weeks over 48 h get the warnings of :func:`amcalc.month.day_rest_warning`,
:func:`~amcalc.month.long_week_warning` and :func:`~amcalc.month.average_week_warning`),
weeks without care, and a gross under the social security ceiling; rows that
:func:`~amcalc.month.month_pay` refuses for an absence on a day without care or
a weekly total without a day of care get its error, worded by the same functions.
Every other row — and any row that does not parse — takes the **scalar** route,
:func:`amcalc.month.month_pay` itself (figures only, ``trace=False``; in worker
processes with :class:`ScalarPool`), which also gives a bad row its error code
and message. Both routes give the same cents.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import multiprocessing
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from itertools import groupby
from math import ceil
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

import attrs
import numpy as np
import pyarrow as pa

from amcalc import parameters
from amcalc.absences import AbsenceCause, deduction_cents, is_deducted
from amcalc.bulk.schema import (
    ILLNESS_LEDGER,
    NUMBER_FIELDS,
    OUTPUT_SCHEMA,
    Column,
    Ints,
    decimal_array,
    decode,
    int_array,
    output_schema,
    string_array,
    typed_cell,
    weekday_columns,
)
from amcalc.calendar import WEEKDAYS, Territory, public_holidays
from amcalc.child_illness import ChildIllnessLedger, LongAbsenceRule
from amcalc.contract import Contract, ContractKind
from amcalc.duration import SECONDS_PER_HOUR, format_hours
from amcalc.errors import AmcalcError, InvalidInput, ParameterUnavailable
from amcalc.explain import french_date
from amcalc.extra_hours import hours_pay_cents, split_week
from amcalc.maintenance import MaintenanceRates, day_allowance
from amcalc.mensualisation import declared_hours, monthly_salary_cents
from amcalc.minimum_rate import minimum_rate
from amcalc.money import RATE_SCALE, choose, half_up_div, scaled
from amcalc.month import (
    DAY_REST_WARNING,
    MAX_DAY_SECONDS,
    Absence,
    MonthCalendar,
    MonthLedger,
    MonthPay,
    absence_not_on_care_day,
    absence_over_schedule,
    activity_days_declared,
    average_week_warning,
    child_illness_days,
    events_from_tables,
    long_week_warning,
    month_pay,
    normal_hours_declared,
    spread_seconds,
    unpaid_holidays_of,
    week_without_care_day,
)
from amcalc.net_salary import ContributionKernel, contribution_kernel

__all__ = ["ScalarPool", "ScalarResult", "compute", "figures", "month_of_row", "scalar_rows"]

kernel: Any = SimpleNamespace(
    ContributionKernel=ContributionKernel, MaintenanceRates=MaintenanceRates,
    activity_days_declared=activity_days_declared, choose=choose, day_allowance=day_allowance,
    declared_hours=declared_hours, deduction_cents=deduction_cents, half_up_div=half_up_div,
    hours_pay_cents=hours_pay_cents, monthly_salary_cents=monthly_salary_cents,
    normal_hours_declared=normal_hours_declared, spread_seconds=spread_seconds, split_week=split_week,
)
"""The shared kernels, typed for ``int``: here they run on numpy int64 arrays unchanged."""

_EPOCH = date(1970, 1, 1)
_HOUR = SECONDS_PER_HOUR
_MAX_WEEK = 48 * _HOUR  # CCN 3239 art. 96.3: a schedule beyond takes the scalar route
_MAX_WORKED_WEEK = 7 * 24 * _HOUR  # a weekly total beyond: the scalar route
_TERRITORIES = list(Territory)
_KINDS = list(ContractKind)
_CAUSES = list(AbsenceCause)
_REGULAR = np.array([k is not ContractKind.OCCASIONAL for k in _KINDS])
_NEVER = np.iinfo(np.int64).max // 4
_Error = tuple[str, str | None, str]  # code, field, French message of a refused row
_CONTRACT_KEYS = ("hourly_rate", "weeks", "start", "end", "kind", "territory", "am_ge",
                  "majorated_rate", "complementary_rate", "maintenance_per_hour")


def _deducted_table() -> Any:
    """[cause, full_year] → deducted (art. 111), from :func:`is_deducted`; −1 where the
    rule needs more than the cause (art. 105 counters)."""
    table = np.full((len(_CAUSES), 2), -1, dtype=np.int64)
    for i, cause in enumerate(_CAUSES):
        for full_year in (False, True):
            deducted = is_deducted(cause, full_year)
            if deducted is not None:
                table[i, int(full_year)] = int(deducted)
    return table


_DEDUCTED = _deducted_table()
_UNJUSTIFIED = _CAUSES.index(AbsenceCause.AM_UNJUSTIFIED)
_CERTIFIED = _CAUSES.index(AbsenceCause.CHILD_ILLNESS_CERTIFIED)


def _days(day: date) -> int:
    return (day - _EPOCH).days


# --- calendar and legal facts per (month, territory) ------------------------------------------


@attrs.frozen
class _MonthFacts:
    usable: bool
    first: int
    length: int
    counts: Any  # (7,) days of each weekday
    work_counts: Any  # (7,) the same, public holidays removed
    weekday: Any  # (31,) weekday of each day (0 past the month's end)
    in_month: Any  # (31,) bool
    holiday: Any  # (31,) bool
    lines: Any  # (8, 2) contribution (rate, base share), padded with zero rates
    legal: Any  # (2, 2) legal old-age lines
    reduction: int
    ceiling: int
    maintenance: tuple[int, int, int, int]
    min_rate: Any  # (2,) least rate_e4 in force on the first and last day (am_ge false, true)


@lru_cache(maxsize=4096)
def _month_facts(key: int, territory_index: int) -> _MonthFacts:
    year, month = divmod(key, 12)
    month += 1
    territory = _TERRITORIES[territory_index]
    length = _stdlib_calendar.monthrange(year, month)[1]
    first, last = date(year, month, 1), date(year, month, length)
    weekday = np.zeros(31, np.int64)
    in_month = np.zeros(31, bool)
    holiday = np.zeros(31, bool)
    holidays_of_year = public_holidays(year, territory)
    for number in range(length):
        day = first + timedelta(days=number)
        weekday[number], in_month[number] = day.weekday(), True
        holiday[number] = day in holidays_of_year
    counts = np.bincount(weekday[in_month], minlength=7).astype(np.int64)
    work_counts = np.bincount(weekday[in_month & ~holiday], minlength=7).astype(np.int64)
    empty = np.zeros((8, 2), np.int64)
    try:
        table = contribution_kernel(first, territory)
        changes = any(parameters.get(n).changes_in(first, last) for n in
                      ("minimum_garanti", "maintenance_minimum_share", "maintenance_daily_floor"))
        rates = MaintenanceRates.at(first)
        least = [max(_least_rate(first, am_ge), _least_rate(last, am_ge)) for am_ge in (False, True)]
    except ParameterUnavailable:
        return _MonthFacts(False, _days(first), length, counts, work_counts, weekday, in_month,
                           holiday, empty, empty[:2], 0, 0, (1, 0, 0, 0), np.full(2, _NEVER))
    lines = empty.copy()
    lines[:, 1] = 1
    lines[:len(table.lines)] = table.lines
    return _MonthFacts(
        not changes, _days(first), length, counts, work_counts, weekday, in_month, holiday,
        lines, np.array(table.legal_old_age, np.int64), table.reduction_rate, table.ceiling_cents,
        (rates.scale, rates.agreed, rates.prorated, rates.floor), np.array(least, np.int64),
    )


def _least_rate(day: date, am_ge: bool) -> int:
    """The least rate in 1/10 000 € that is not below the minimum in force on ``day``."""
    return ceil(Fraction(minimum_rate(day, am_ge=am_ge).effective) * RATE_SCALE)


@lru_cache(maxsize=2)
def _start_floor(am_ge: bool) -> tuple[Any, Any]:
    """The minimum rate (rate_e4, rounded up) from each date it changes, for the hiring check."""
    names = ("smic_horaire", "legal_minimum_factor",
             "conventional_minimum_rate_am_ge" if am_ge else "conventional_minimum_rate")
    changes = sorted({v.start for name in names for v in parameters.get(name).values})
    starts, floors = [], []
    for day in changes:
        try:
            floors.append(_least_rate(day, am_ge))
        except ParameterUnavailable:
            continue
        starts.append(_days(day))
    return np.array(starts, np.int64), np.array(floors, np.int64)


def _floor_on(days: Ints, am_ge: Any) -> Ints:
    """The hiring floor of each row, looked up once per distinct (day, am_ge)."""
    keys, which = _distinct(days * 2 + am_ge.view(np.int8))
    flag, day = (keys & 1).astype(bool), keys >> 1
    table = np.empty(len(keys), np.int64)
    for am in (False, True):
        starts, floors = _start_floor(am)
        index = np.searchsorted(starts, day[flag == am], side="right") - 1
        table[flag == am] = np.where(index >= 0, floors[np.maximum(index, 0)], _NEVER)
    return table[which]


def _days_within(schedule: Ints) -> Any:
    """Rows without a day over 13 h (one pass over the matrix when none has one)."""
    if int(schedule.max(initial=0)) <= MAX_DAY_SECONDS:
        return True
    return (schedule <= MAX_DAY_SECONDS).all(axis=1)


def _distinct(values: Ints) -> tuple[Ints, Ints]:
    """Distinct values and each one's index among them: a bincount over a small range, else
    a sort."""
    if len(values) and int(values.max()) - int(values.min()) < 1 << 16:
        return _group(values)
    distinct, which = np.unique(values, return_inverse=True)
    return distinct, which.ravel()


def _row_sum(a: Ints) -> Ints:
    """Σ of each row of an int64 matrix (``einsum``: several times faster than ``sum(axis=1)``
    over 7 or 31 columns)."""
    return np.einsum("ij->i", a)


def _row_dot(a: Ints, b: Ints) -> Ints:
    """Σ a × b of each row of two int64 matrices."""
    return np.einsum("ij,ij->i", a, b)


def _group(keys: Ints) -> tuple[Ints, Ints]:
    """Distinct small keys and each row's index among them (a bincount, not a sort)."""
    low = int(keys.min())
    present = np.bincount(keys - low) > 0
    distinct = np.flatnonzero(present) + low
    lookup = np.cumsum(present) - 1
    return distinct, lookup[keys - low]


# --- the batch -----------------------------------------------------------------------------------


class _Rows:
    """The decoded columns of a batch, and the rows the vector route may take."""

    def __init__(self, batch: pa.RecordBatch) -> None:
        n = batch.num_rows
        names = batch.schema.names

        def column(name: str) -> pa.Array | None:
            return batch.column(name) if name in names else None

        self.n = n
        self.rate = decode(column("hourly_rate"), "money", n)
        self.majorated = decode(column("majorated_rate"), "money", n)
        self.complementary = decode(column("complementary_rate"), "money", n)
        self.maintenance = decode(column("maintenance_per_hour"), "money", n)
        self.territory = decode(column("territory"), "territory", n)
        self.kind = decode(column("kind"), "kind", n)
        days = [decode(c, "hours", n) for c in weekday_columns(batch)]
        self.schedule = np.stack([d.values for d in days], axis=1)
        self.weeks = _whole(column("weeks"), n)
        self.month_key, self.month_ok = self._months(column("month"), n)
        self.start, start_ok = _dates(_text_decoded(column("start"), "date", n), n, -_NEVER)
        self.end, end_ok = _dates(_text_decoded(column("end"), "date", n), n, _NEVER)
        self.am_ge, am_ge_ok = _flags(column("am_ge"), n)
        majorated = np.where(self.majorated.null, 1000, self.majorated.values)
        self.majorated_e4 = majorated
        weekly = _row_sum(self.schedule)
        rate = self.rate.values
        self.fast = (
            self.rate.ok & ~self.rate.null & (rate > 0) & (rate <= 10**7)
            & self.majorated.ok & (majorated >= 1000) & (majorated <= 40_000)
            & self.complementary.ok & (self.complementary.values <= 40_000)
            & self.maintenance.ok & (self.maintenance.values <= 10**6)
            & self.territory.ok & self.kind.ok & _REGULAR[self.kind.values]
            & ((self.weeks == 52) | ((self.weeks >= 1) & (self.weeks <= 46)))
            & np.logical_and.reduce([d.ok for d in days])
            & _days_within(self.schedule) & (weekly > 0) & (weekly <= _MAX_WEEK)
            & self.month_ok & start_ok & end_ok & am_ge_ok
        )
        self.full_year = self.weeks == 52
        if not self.fast.any():
            return
        self.key = np.where(self.fast, self.month_key, self.month_key[self.fast][0])
        self.groups, self.group = _group(self.key * 3 + self.territory.values * self.fast)
        facts = [_month_facts(int(k) // 3, int(k) % 3) for k in self.groups]
        self.facts = facts
        g = self.group
        self.first = np.array([f.first for f in facts], np.int64)[g]
        self.length = np.array([f.length for f in facts], np.int64)[g]
        least = np.array([f.min_rate for f in facts], np.int64).ravel()[g * 2 + self.am_ge.view(np.int8)]
        usable = np.array([f.usable for f in facts])
        last = self.first + self.length - 1
        hired = self.start != -_NEVER
        self.fast &= ((usable[g] if not usable.all() else True) & (rate >= least)
                      & (self.start <= last) & (self.end >= self.first) & (self.start <= self.end)
                      & (~hired | (rate >= _floor_on(np.where(hired, self.start, self.first), self.am_ge))))
        # hiring or leaving in the month: art. 111 proration (PartialMonth.PRORATA)
        self.partial = (self.start > self.first) | (self.end < last)
        self.batch = batch

    @staticmethod
    def _months(array: pa.Array | None, n: int) -> tuple[Ints, Any]:
        if array is not None and pa.types.is_date32(array.type):
            days = np.where(_null(array), 0, _date_values(array)) if array.null_count else _date_values(array)
            distinct, which = _distinct(days)  # a few months: convert those
            months = distinct.astype("datetime64[D]").astype("datetime64[M]")
            key = np.take(months.astype(np.int64) + 1970 * 12, which)
            ok = np.take(months.astype("datetime64[D]").astype(np.int64) == distinct, which)
            return key, ok & ~_null(array) if array.null_count else ok
        column = decode(array, "month", n)
        return column.values, column.ok & ~column.null


def _null(array: pa.Array) -> Any:
    return array.is_null().to_numpy(zero_copy_only=False)


def _is_text(array: pa.Array | None) -> bool:
    return array is not None and (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)
                                  or pa.types.is_dictionary(array.type))


def _text_decoded(array: pa.Array | None, kind: str, n: int) -> pa.Array | Column | None:
    """A text column (CSV) of dates, whole numbers or flags decoded (:func:`decode`), others as
    they are; a row whose text does not parse takes the scalar route, which words its error."""
    return decode(array, kind, n) if _is_text(array) else array


def _whole(array: pa.Array | None, n: int) -> Ints:
    """An integer column (``weeks``), 0 where null or not an integer (the scalar route then)."""
    decoded = _text_decoded(array, "whole", n)
    if isinstance(decoded, Column):
        return np.where(decoded.ok & ~decoded.null, decoded.values, 0)
    if decoded is not None and pa.types.is_integer(decoded.type):
        return decoded.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    return np.zeros(n, np.int64)


def _flags(array: pa.Array | None, n: int) -> tuple[Any, Any]:
    """A bool column (``am_ge``, false where null) and where it is usable."""
    decoded = _text_decoded(array, "flag", n)
    if isinstance(decoded, Column):
        return decoded.values.astype(bool) & ~decoded.null, decoded.ok
    if decoded is not None and pa.types.is_boolean(decoded.type):
        return decoded.fill_null(False).to_numpy(zero_copy_only=False).astype(bool), np.ones(n, bool)
    return np.zeros(n, bool), np.full(n, decoded is None or pa.types.is_null(decoded.type))


def _dates(array: pa.Array | Column | None, n: int, missing: int) -> tuple[Ints, Any]:
    """Days since 1970 of a date32 column or of decoded text (``missing`` where null); ``ok``
    false for other types."""
    if isinstance(array, Column):
        return np.where(array.null, missing, array.values), array.ok
    if array is None or pa.types.is_null(array.type):
        return np.full(n, missing, np.int64), np.ones(n, bool)
    if not pa.types.is_date32(array.type):
        return np.full(n, missing, np.int64), np.zeros(n, bool)
    days = _date_values(array)
    return np.where(_null(array), missing, days) if array.null_count else days, np.ones(n, bool)


def _date_values(array: pa.Array) -> Ints:
    """Days since 1970 of a date32 column, read from its buffer (any value where null)."""
    data = array.buffers()[1]
    if data is None:
        return np.zeros(len(array), np.int64)
    return np.frombuffer(data, np.int32, count=len(array), offset=array.offset * 4).astype(np.int64)


def _entries(array: pa.Array | None, fields: Sequence[str]) -> tuple[Ints, dict[str, pa.Array]] | None:
    """Parent rows and struct fields of a list<struct> column; ``None`` when malformed."""
    if array is None or pa.types.is_null(array.type):
        return np.zeros(0, np.int64), {}
    if not pa.types.is_list(array.type) and not pa.types.is_large_list(array.type):
        return None
    parents = pa.compute.list_parent_indices(array).to_numpy().astype(np.int64)
    values = pa.compute.list_flatten(array)
    if not fields:
        return parents, {"": values}
    kind = values.type
    if not pa.types.is_struct(kind) or {kind.field(i).name for i in range(kind.num_fields)} - set(fields):
        return None
    names = {kind.field(i).name: i for i in range(kind.num_fields)}
    return parents, {f: values.field(names[f]) for f in fields if f in names}


class _Events:
    """The rows' events, flattened: absences, worked weeks, weeks without care."""

    def __init__(self, batch: pa.RecordBatch, rows: _Rows) -> None:
        names = batch.schema.names
        n = rows.n
        self.bad = np.zeros(n, bool)
        self.has = np.zeros(n, bool)

        def column(name: str) -> pa.Array | None:
            return batch.column(name) if name in names else None

        def rows_of(entries: tuple[Ints, dict[str, pa.Array]] | None) -> tuple[Ints, dict[str, pa.Array]]:
            if entries is None:
                self.bad[:] = True
                return np.zeros(0, np.int64), {}
            self.has[entries[0]] = True
            return entries

        def mark(parents: Ints, bad: Any) -> None:
            self.bad[parents[bad]] = True

        # absences: a day of the month, a simple cause, whole or part of the day
        self.a_row, fields = rows_of(_entries(column("absences"), ("date", "hours", "cause")))
        count = len(self.a_row)
        day, date_ok = _dates(fields.get("date"), count, 0)
        hours = decode(fields.get("hours"), "hours", count)
        cause = _causes(fields.get("cause"), count)
        self.a_day = day - rows.first[self.a_row] if count and rows.fast.any() else day
        self.a_seconds, self.a_whole = hours.values, hours.null
        full_year = rows.full_year[self.a_row].astype(np.int64)
        self.a_cause = cause
        self.a_deducted = _DEDUCTED[np.maximum(cause, 0), full_year]
        # art. 105 decides certified illness days, art. 47 may cost a holiday near an
        # unjustified absence: those rows ask month_pay's calendar (_calendar_answers)
        self.a_certified = cause == _CERTIFIED
        self.a_asks = self.a_certified | (cause == _UNJUSTIFIED)
        in_month = (self.a_day >= 0) & (self.a_day < 31)
        if count and rows.fast.any():
            in_month &= self.a_day < rows.length[self.a_row]
            # certified illness without a hiring date (its error) or for a part of a day of a
            # part-year contract (a fraction of a day): the scalar route
            hired = rows.start[self.a_row] != -_NEVER
            part_day = ~hours.null & ~rows.full_year[self.a_row]
            self.bad[self.a_row[self.a_certified & (~hired | part_day)]] = True
        mark(self.a_row, ~date_ok | _null_of(fields.get("date"), count) | ~hours.ok | (cause < 0)
             | ((self.a_deducted < 0) & ~self.a_certified) | ~in_month
             | (~hours.null & (hours.values == 0)))
        self.a_day = np.clip(self.a_day, 0, 30)
        self.asks = np.zeros(n, bool)
        self.asks[self.a_row[self.a_asks]] = True

        # worked hours of civil weeks inside the month
        self.w_row, fields = rows_of(_entries(column("worked_hours"), ("week", "hours")))
        count = len(self.w_row)
        week, week_ok = _dates(fields.get("week"), count, 0)
        hours = decode(fields.get("hours"), "hours", count)
        self.w_seconds = hours.values
        start = week - rows.first[self.w_row] if count and rows.fast.any() else week
        inside = (start >= 0) & (start + 6 < (rows.length[self.w_row] if count and rows.fast.any() else 0))
        mark(self.w_row, ~week_ok | _null_of(fields.get("week"), count) | ((week + 3) % 7 != 0)
             | ~inside | ~hours.ok | hours.null | (hours.values > _MAX_WORKED_WEEK))
        self.w_start = np.clip(start, 0, 24)

        # weeks without care: Mondays, 46 weeks or less only
        self.c_row, fields = rows_of(_entries(column("non_care_weeks"), ()))
        count = len(self.c_row)
        monday, monday_ok = _dates(fields.get(""), count, 0)
        mark(self.c_row, ~monday_ok | _null_of(fields.get(""), count) | ((monday + 3) % 7 != 0)
             | rows.full_year[self.c_row])
        self.c_start = monday - rows.first[self.c_row] if count and rows.fast.any() else monday
        others = np.zeros(n, bool)
        others[self.w_row] = others[self.c_row] = True
        self.absences_only = self.has & ~others

        # art. 105 counters carried from last month: read by the single-contract API's own
        # parser, row by row (few rows carry some); a row it refuses takes the scalar route
        self.ledgers = _carried_ledgers(column("illness_ledger"), rows, self.bad)

        # public holidays worked by agreement: the scalar route
        holidays = _entries(column("worked_holidays"), ())
        if holidays is None:
            self.bad[:] = True
        else:
            self.bad[holidays[0]] = True


def _carried_ledgers(array: pa.Array | None, rows: _Rows, bad: Any) -> dict[int, ChildIllnessLedger]:
    """Row → its :class:`ChildIllnessLedger`, for the rows of the vector route that carry one
    (:meth:`ChildIllnessLedger.from_mapping`, as :func:`month_of_row`); marks ``bad`` the
    rows it refuses."""
    if array is None or array.null_count == len(array):
        return {}
    given = np.flatnonzero(~_null(array) & rows.fast)
    ledgers = {}
    for row, value in zip(given.tolist(), array.take(pa.array(given)).to_pylist(), strict=True):
        try:
            ledgers[row] = ChildIllnessLedger.from_mapping(value, _day_or_none(rows.start[row]))
        except AmcalcError:
            bad[row] = True
    return ledgers


def _null_of(array: pa.Array | None, n: int) -> Any:
    return np.ones(n, bool) if array is None else _null(array)


def _causes(array: pa.Array | None, n: int) -> Ints:
    """Index of each cause in :class:`AbsenceCause`, −1 when unknown."""
    if array is None or not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return np.full(n, -1, np.int64)
    encoded = pa.compute.dictionary_encode(array)
    values = [c.value for c in _CAUSES]
    table = np.array([values.index(t) if t in values else -1 for t in encoded.dictionary.to_pylist()]
                     + [-1], np.int64)
    return table[encoded.indices.fill_null(len(encoded.dictionary)).to_numpy(zero_copy_only=False)]


# --- the vector route ----------------------------------------------------------------------------


def _per_row(facts: Sequence[_MonthFacts], name: str, group: Ints) -> Ints:
    """A fact of each row's month, gathered by ``np.take`` (several times faster than
    fancy indexing for the (groups × 7) tables)."""
    return np.take(np.array([getattr(f, name) for f in facts], np.int64), group, axis=0)


def _per_group(values: Ints, group: Ints) -> Any:
    """``values`` (one per month group) for each row, or one int when every group has the same."""
    if (values == values[0]).all():
        return int(values[0])
    return np.take(values, group)


def _maintenance_rates(facts: Sequence[_MonthFacts], group: Ints) -> Any:
    """A :class:`MaintenanceRates` of (rows × 1) arrays."""
    terms = _per_row(facts, "maintenance", group)
    return kernel.MaintenanceRates(*(terms[:, k:k + 1] for k in range(4)))


def _vector(rows: _Rows, events: _Events) -> tuple[Ints, dict[str, Ints], dict[int, list[str]],
                                                   dict[int, _Error], _Art105]:
    """Figures of the rows still on the vector route, those rows (indices), their warnings,
    the errors of the rows refused by the single-contract API's checks, and what art. 105
    says of them (the dates pay must resume, the counters for next month)."""
    n = rows.n
    # the columns filled part by part below; the others are computed whole at the end
    out = {name: np.zeros(n, np.int64) for name in ("maintenance", "worked_seconds", "holiday_pay")}
    fast = rows.fast & ~events.bad
    facts, g = rows.facts, rows.group
    sched = rows.schedule
    comp_s, maj_s = np.zeros(n, np.int64), np.zeros(n, np.int64)
    absent, unpaid_days = np.zeros(n, np.int64), np.zeros(n, np.int64)

    # rows without events: the weekday counts of the month are enough
    plain = np.flatnonzero(fast & ~events.has & ~rows.partial)
    if len(plain):
        g_plain, sched_plain = g[plain], np.take(sched, plain, axis=0)
        work = _per_row(facts, "work_counts", g_plain)
        terms = np.array([f.maintenance for f in facts], np.int64)
        scale, *others = (_per_group(terms[:, k], g_plain) for k in range(4))
        rates = kernel.MaintenanceRates(scale, *(t if isinstance(t, int) else t[:, None] for t in others))
        allowance = kernel.day_allowance(sched_plain, rows.maintenance.values[plain, None], rates)
        out["maintenance"][plain] = kernel.half_up_div(_row_dot(work, allowance) * 100, scale)
        out["worked_seconds"][plain] = _row_dot(work, sched_plain)

    # rows of a whole month with absences only: the absent days looked up
    quick = events.absences_only & ~rows.partial & ~events.asks
    light = np.flatnonzero(fast & quick)
    refused: dict[int, _Error] = {}
    if len(light):
        bad, refused = _absences_only(rows, events, light, out, absent, unpaid_days)
        fast[light[bad]] = False

    # rows with other events: the month's days, one column each
    busy = np.flatnonzero(fast & (events.has | rows.partial) & ~quick)
    long_days: list[Ints] = []
    long_weeks: list[Ints] = []
    # the counters carried from last month go on, without the absence then in progress
    illness = _Art105({}, {row: attrs.evolve(book, open_run=None) for row, book in events.ledgers.items()})
    if len(busy):
        bad, busy_refused = _with_events(rows, events, busy, out, comp_s, maj_s, absent, unpaid_days,
                                         long_days, long_weeks, illness)
        refused.update(busy_refused)
        fast[busy[bad]] = False

    # the figures of each row, from the kernels
    rate = rows.rate.values
    counts = _per_row(facts, "counts", g)
    days_per_week = (sched > 0).astype(np.int64)
    annual = _row_sum(sched) * rows.weeks
    annual_days = _row_sum(days_per_week) * rows.weeks
    base = kernel.monthly_salary_cents(annual, rate)
    scheduled = _row_dot(counts, sched)
    scheduled_days = _row_dot(counts, days_per_week)
    # the kernels of absences and extra hours on the rows that have some (0 for the others)
    absences = np.flatnonzero((absent != 0) | (unpaid_days != 0))
    deduction = _on_rows(absences, n, lambda b, a, s, u, d, full_year: kernel.choose(
        full_year, kernel.deduction_cents(b, a, np.maximum(s, 1)), kernel.deduction_cents(b, u, np.maximum(d, 1))),
        base, absent, scheduled, unpaid_days, scheduled_days, rows.full_year)
    extra = np.flatnonzero((comp_s != 0) | (maj_s != 0))
    comp_pay = _on_rows(extra, n, kernel.hours_pay_cents, comp_s, rate, RATE_SCALE + rows.complementary.values)
    maj_pay = _on_rows(extra, n, kernel.hours_pay_cents, maj_s, rate, RATE_SCALE + rows.majorated_e4)
    gross = base - deduction + comp_pay + maj_pay
    lines = np.array([f.lines for f in facts], np.int64)
    used = np.flatnonzero((lines[:, :, 0] != 0).any(axis=0))
    lines = lines[:, :used[-1] + 1 if len(used) else 0]  # the padding after the last line withholds 0
    legal = np.array([f.legal for f in facts], np.int64)
    # each line's rate × base share per month, as (product, 1): the kernel only multiplies them;
    # a product the same in every month of the batch stays one int
    contributions = kernel.ContributionKernel(
        tuple((_per_group(lines[:, k, 0] * lines[:, k, 1], g), 1) for k in range(lines.shape[1])),
        _per_group(np.array([f.reduction for f in facts], np.int64), g),
        tuple((_per_group(legal[:, k, 0] * legal[:, k, 1], g), 1) for k in range(legal.shape[1])),
        _per_group(np.array([f.ceiling for f in facts], np.int64), g),
    )
    fast &= gross <= contributions.ceiling_cents
    withheld = contributions.withheld(gross, comp_pay + maj_pay)
    out.update(
        base_salary=base, scheduled_seconds=scheduled, scheduled_days=scheduled_days,
        absence_deduction=deduction, complementary_seconds=comp_s, complementary_pay=comp_pay,
        majorated_seconds=maj_s, majorated_pay=maj_pay, gross_salary=gross,
        contributions=withheld, net_salary=gross - withheld,
        declared_hours=kernel.normal_hours_declared(base, deduction, np.maximum(rate, 1),
                                             kernel.declared_hours(annual), rows.partial.astype(np.int64)),
        declared_days=kernel.activity_days_declared(annual_days, unpaid_days, deduction),
        declared_complementary_hours=_on_rows(extra, n, kernel.half_up_div, comp_s, _HOUR),
        declared_majorated_hours=_on_rows(extra, n, kernel.half_up_div, maj_s, _HOUR),
    )
    return (np.flatnonzero(fast), out, _row_warnings(rows, long_days, long_weeks, fast), refused,
            illness.of_rows(fast))


def _on_rows(index: Ints, n: int, function: Any, *columns: Any) -> Ints:
    """``function`` of the ``columns`` (arrays of n rows, or ints) on the rows ``index``; 0 on
    the others, where ``function`` gives 0 (no absence, no extra hour: nothing to pay or deduct)."""
    result = np.zeros(n, np.int64)
    if len(index):
        result[index] = function(*(c[index] if isinstance(c, np.ndarray) else c for c in columns))
    return result


@lru_cache(maxsize=1 << 12)
def _french_day(day: int) -> str:
    return french_date(_EPOCH + timedelta(days=day))


@lru_cache(maxsize=1 << 16)
def _hours_text(seconds: int) -> str:
    return format_hours(seconds)


def _row_warnings(rows: _Rows, long_days: list[Ints], long_weeks: list[Ints],
                  fast: Any) -> dict[int, list[str]]:
    """Row → its warnings in the order of :func:`amcalc.month.month_pay`: weeks over 48 h,
    days over 13 h, then the 4-month average (art. 96.3, 96.1), worded by its functions."""
    warnings = _long_day_warnings(long_days, fast)
    if not long_weeks:
        return warnings
    triples = np.concatenate(long_weeks)
    triples = triples[fast[triples[:, 0]]]
    triples = triples[np.lexsort((triples[:, 1], triples[:, 0]))]
    for row, group in groupby(triples.tolist(), key=itemgetter(0)):
        weeks = [(_EPOCH + timedelta(days=day), seconds) for _, day, seconds in group]
        last = _EPOCH + timedelta(days=int(rows.first[row] + rows.length[row] - 1))
        # one weekday schedule: the contract's average week (annual hours / weeks) is its week
        average = average_week_warning(weeks, last, int(rows.schedule[row].sum()))
        warnings[row] = ([long_week_warning(monday, s) for monday, s in weeks if s > _MAX_WEEK]
                         + warnings.get(row, []) + ([average] if average else []))
    return warnings


def _long_day_warnings(long_days: list[Ints], fast: Any) -> dict[int, list[str]]:
    """Row → its art. 96.1 warnings in day order, from (row, day, seconds) triples, in the
    words of :func:`amcalc.month.day_rest_warning` (each day and duration put in French once)."""
    if not long_days:
        return {}
    triples = np.concatenate(long_days)
    triples = triples[fast[triples[:, 0]]]
    triples = triples[np.lexsort((triples[:, 1], triples[:, 0]))]
    rows, days, seconds = triples.T.tolist()
    texts = [DAY_REST_WARNING.format(day=_french_day(d), hours=_hours_text(s))
             for d, s in zip(days, seconds, strict=True)]
    bounds = [*np.flatnonzero(np.diff(triples[:, 0], prepend=-1)).tolist(), len(texts)]
    return {rows[a]: texts[a:b] for a, b in zip(bounds, bounds[1:], strict=False)}


def _with_events(rows: _Rows, events: _Events, busy: Ints, out: dict[str, Ints], comp_s: Ints,
                 maj_s: Ints, absent: Ints, unpaid_days: Ints, long_days: list[Ints],
                 long_weeks: list[Ints], illness: _Art105) -> tuple[Any, dict[int, _Error]]:
    """Rows with events or a partial month, as a (rows × 31 days) plan; fills ``long_days``
    ((row, day, seconds) of care over 13 h, art. 96.1) and ``long_weeks`` ((row, Monday,
    seconds) of every weekly total of the rows with one over 48 h, art. 96.3) and returns the rows to hand to the scalar
    route after all (what the columns alone could not settle), and the errors of the rows
    :func:`~amcalc.month.month_pay` refuses for an absence on a day without care or a weekly
    total without a day of care (their messages from the same functions); fills ``illness``
    (art. 105)."""
    m = len(busy)
    local = np.full(rows.n, -1, np.int64)
    local[busy] = np.arange(m)
    facts, g = rows.facts, rows.group[busy]
    weekday = np.array([f.weekday for f in facts], np.int64)[g]
    in_month = np.array([f.in_month for f in facts])[g]
    holiday = np.array([f.holiday for f in facts])[g]
    sched = np.take_along_axis(rows.schedule[busy], weekday, axis=1) * in_month
    first = rows.first[busy]
    day_index = np.arange(31)
    # days before the hiring or after the end: units not worked (art. 111, PartialMonth.PRORATA)
    outside = ((day_index < (rows.start[busy] - first)[:, None])
               | (day_index > (rows.end[busy] - first)[:, None]))
    bad = np.zeros(m, bool)

    non_care = np.zeros((m, 31), bool)
    keep = local[events.c_row] >= 0
    c_row, c_start = local[events.c_row[keep]], events.c_start[keep]
    for k in range(7):
        day = c_start + k
        inside = (day >= 0) & (day < 31)
        non_care[c_row[inside], day[inside]] = True
    non_care &= in_month
    working = (sched > 0) & ~non_care & ~holiday & ~outside

    keep = local[events.a_row] >= 0
    a_row, a_day = local[events.a_row[keep]], events.a_day[keep]
    whole, deducted = events.a_whole[keep], events.a_deducted[keep] > 0  # certified: decided below
    day_sched = sched[a_row, a_day]
    seconds = np.where(whole, day_sched, events.a_seconds[keep])
    partial_unpaid = deducted & (seconds != day_sched) & ~rows.full_year[busy][a_row]
    not_care_day = ~working[a_row, a_day]
    over = ~not_care_day & (seconds > day_sched)
    bad[a_row[not_care_day | over | partial_unpaid]] = True
    refused = _absence_refusals(a_row, first[a_row] + a_day, not_care_day, over, day_sched)
    repeated = _repeated(a_row, a_day)
    bad[repeated] = True
    # art. 105 and art. 47: certified illness days, and holidays next to an unjustified absence
    asks = events.a_asks[keep] & ~bad[a_row]
    usual_holidays = holiday & (sched > 0)
    asks &= events.a_certified[keep] | usual_holidays.any(axis=1)[a_row]
    unpaid = np.zeros((m, 31), np.int64)
    if asks.any():
        answers = _calendar_answers(rows, busy, a_row, a_day, events, keep, np.unique(a_row[asks]),
                                    usual_holidays)
        bad[answers.unanswered] = True
        deducted = np.where(events.a_certified[keep], answers.unpaid_illness, deducted)
        unpaid[answers.holiday_row, answers.holiday_day] = sched[answers.holiday_row, answers.holiday_day]
        illness.update(answers.illness)
    missing = np.zeros((m, 31), np.int64)
    missing[a_row, a_day] = seconds
    unpaid[a_row, a_day] = seconds * deducted
    if outside.any():
        unpaid = np.where(outside, sched, unpaid)
    actual = working * (sched - missing)  # the plan; the weeks given replace their days below

    keep = local[events.w_row] >= 0
    w_row, w_start, worked = local[events.w_row[keep]], events.w_start[keep], events.w_seconds[keep]
    if len(w_row):
        repeated = np.concatenate([repeated, _repeated(w_row, w_start)])
        bad[repeated] = True
        days = w_start[:, None] + np.arange(7)
        weights = actual[w_row[:, None], days]
        threshold = _row_sum(weights)
        usual = sched[w_row[:, None], days] * ~outside[w_row[:, None], days]
        weights = np.where((threshold == 0)[:, None], usual, weights)
        empty = _row_sum(weights) == 0
        wrong = np.flatnonzero(empty & (worked > 0))
        bad[w_row[wrong]] = True
        wrong = wrong[np.lexsort((w_start[wrong], w_row[wrong]))]  # the first week of each row
        for k in wrong[np.unique(w_row[wrong], return_index=True)[1]].tolist():
            monday = _EPOCH + timedelta(days=int(first[w_row[k]] + w_start[k]))
            refused.setdefault(int(w_row[k]), week_without_care_day(monday))
        weights[empty, 0] = 1
        parts = np.stack(kernel.spread_seconds(worked, [weights[:, k] for k in range(7)]), axis=1)
        week, col = np.nonzero(parts > MAX_DAY_SECONDS)  # art. 96.1 warnings
        long_days.append(np.stack([busy[w_row[week]], first[w_row[week]] + days[week, col],
                                   parts[week, col]], axis=1))
        heavy = np.isin(w_row, w_row[worked > _MAX_WEEK])  # art. 96.3: every week of those rows
        long_weeks.append(np.stack([busy[w_row[heavy]], first[w_row[heavy]] + w_start[heavy],
                                    worked[heavy]], axis=1))
        actual[w_row[:, None], days] = parts
        comp, maj = kernel.split_week(worked, threshold)
        np.add.at(comp_s, busy[w_row], comp)
        np.add.at(maj_s, busy[w_row], maj)

    rates = _maintenance_rates(facts, g)
    allowance = kernel.day_allowance(actual, rows.maintenance.values[busy, None], rates)
    out["maintenance"][busy] = kernel.half_up_div(_row_sum(allowance) * 100, rates.scale[:, 0])
    out["worked_seconds"][busy] = _row_sum(actual)
    absent[busy] = _row_sum(unpaid)
    unpaid_days[busy] = np.count_nonzero((unpaid == sched) & (unpaid > 0), axis=1)
    for row in np.unique(repeated).tolist():  # refused earlier, by the scalar route
        refused.pop(row, None)
    errors = {int(busy[row]): (e.code, e.field, e.message) for row, e in refused.items()}
    return bad, errors


@attrs.frozen
class _Art105:
    """What art. 105 says of rows: the date pay must resume (or the contract end), and
    the counters to carry to next month (:attr:`MonthPay.ledger`'s ``child_illness``)."""

    resume: dict[int, date]
    ledgers: dict[int, ChildIllnessLedger]

    def update(self, other: _Art105) -> None:
        self.resume.update(other.resume)
        self.ledgers.update(other.ledgers)

    def of_rows(self, kept: Any) -> _Art105:
        """Only the rows ``kept`` (a mask of the batch)."""
        return _Art105({r: d for r, d in self.resume.items() if kept[r]},
                       {r: b for r, b in self.ledgers.items() if kept[r]})


@attrs.frozen
class _Answers:
    """What art. 105 and art. 47 say of the rows that ask (see :func:`_calendar_answers`)."""

    unpaid_illness: Any  # per absence: a certified illness day left unpaid
    holiday_row: Ints  # (local row, day of the month) of each holiday left unpaid
    holiday_day: Ints
    illness: _Art105  # of the batch rows that ask
    unanswered: Ints  # local rows the calendar could not settle: the scalar route


def _calendar_answers(rows: _Rows, busy: Ints, a_row: Ints, a_day: Ints, events: _Events, keep: Any,
                      asking: Ints, holidays: Any) -> _Answers:
    """Art. 105 (certified illness days) and art. 47 (holidays next to an unjustified
    absence) for the rows ``asking`` (local indices into ``busy``, in order), answered by
    :func:`~amcalc.month.month_pay`'s own calendar and functions —
    :class:`~amcalc.month.MonthCalendar`, :func:`~amcalc.month.child_illness_days`,
    :func:`~amcalc.month.unpaid_holidays_of` — with its defaults, row by row (these rows are
    rare). ``a_row``, ``a_day``: the busy rows' absences (``keep`` of :class:`_Events`'s);
    ``holidays``: (busy rows × 31) the public holidays on their usual working days."""
    asks = np.zeros(len(busy), bool)
    asks[asking] = True
    mine = np.flatnonzero(asks[a_row])
    mine = mine[np.argsort(a_row[mine], kind="stable")]  # the asking rows' absences, row by row
    absences = _absence_objects(rows.first[busy[a_row[mine]]] + a_day[mine], events, np.flatnonzero(keep)[mine])
    absence_bounds = _bounds(np.searchsorted(asking, a_row[mine]), len(asking))
    holiday_of, holiday_at = np.nonzero(holidays[asking])
    holiday_bounds, holiday_days = _bounds(holiday_of, len(asking)), holiday_at.tolist()
    batch_rows = busy[asking]
    non_care = _non_care_mondays(rows, events, batch_rows)
    unpaid_illness: list[bool] = []
    holiday_row: list[int] = []
    holiday_day: list[int] = []
    illness = _Art105({}, {})
    unanswered: list[int] = []
    facts = zip(asking.tolist(), batch_rows.tolist(), rows.first[batch_rows].tolist(),
                rows.length[batch_rows].tolist(), rows.start[batch_rows].tolist(),
                rows.end[batch_rows].tolist(), rows.territory.values[batch_rows].tolist(),
                rows.schedule[batch_rows].tolist(), strict=True)
    for i, (local, row, first_day, length, start, end, territory, schedule) in enumerate(facts):
        first = _EPOCH + timedelta(days=first_day)
        its_absences = absences[absence_bounds[i]:absence_bounds[i + 1]]
        cal = MonthCalendar(_day_or_none(start), _day_or_none(end), _TERRITORIES[territory], [tuple(schedule)],
                            {}, non_care.get(row, frozenset()), frozenset(), {a.day: a for a in its_absences})
        # the month's days that can be unpaid holidays: holidays of usual working days
        candidates = holiday_days[holiday_bounds[i]:holiday_bounds[i + 1]]
        try:
            unpaid, unpaid_holidays, back, book = _row_answers(cal, first, length, candidates,
                                                               events.ledgers.get(row))
        except AmcalcError:
            unanswered.append(local)
            unpaid, unpaid_holidays, back, book = set(), set(), None, None
        unpaid_illness += [a.day in unpaid for a in its_absences]
        holiday_row += [local] * len(unpaid_holidays)
        holiday_day += [(h - first).days for h in unpaid_holidays]
        if back is not None:
            illness.resume[row] = back
        if book is not None:
            illness.ledgers[row] = book
    unpaid_absence = np.zeros(len(a_row), bool)
    unpaid_absence[mine] = unpaid_illness
    return _Answers(unpaid_absence, np.array(holiday_row, np.int64), np.array(holiday_day, np.int64),
                    illness, np.array(unanswered, np.int64))


def _absence_objects(days: Ints, events: _Events, which: Ints) -> list[Absence]:
    """The events' absences ``which`` as :class:`~amcalc.month.Absence` (``days``: their days
    since 1970)."""
    return [Absence(day=_EPOCH + timedelta(days=day), cause=_CAUSES[cause], seconds=None if whole else seconds)
            for day, cause, whole, seconds in zip(days.tolist(), events.a_cause[which].tolist(),
                                                  events.a_whole[which].tolist(),
                                                  events.a_seconds[which].tolist(), strict=True)]


def _bounds(groups: Ints, n: int) -> list[int]:
    """Where each group 0 … n − 1 starts in the sorted ``groups``, then the end: group k
    spans [bounds[k], bounds[k + 1])."""
    bounds: list[int] = np.searchsorted(groups, np.arange(n + 1)).tolist()
    return bounds


def _row_answers(cal: MonthCalendar, first: date, length: int, candidates: list[int],
                 carried: ChildIllnessLedger | None) -> tuple[set[date], set[date], date | None,
                                                            ChildIllnessLedger | None]:
    """One row's unpaid certified illness days (art. 105, from the counters ``carried``),
    unpaid holidays among the ``candidates`` (days of the month, art. 47), the date pay
    must resume and the counters for next month, by :func:`~amcalc.month.month_pay`'s
    functions with its defaults (``month_of_row`` gives no option: the 14-day rule, one
    long absence a year)."""
    last = first + timedelta(days=length - 1)
    illness, back, book, _ = child_illness_days(cal.start, cal, first, last, cal.absences,
                                                MonthLedger(carried) if carried else None,
                                                LongAbsenceRule.FOURTEEN_DAYS, True)
    unjustified = any(a.cause is AbsenceCause.AM_UNJUSTIFIED for a in cal.absences.values())
    holidays = (unpaid_holidays_of(cal, [cal.day(first + timedelta(days=d)) for d in candidates])
                if unjustified else set())
    return {d.day for d in illness if not d.paid}, holidays, back, book


def _non_care_mondays(rows: _Rows, events: _Events, batch_rows: Ints) -> dict[int, frozenset[date]]:
    """Batch row → the Mondays of its weeks without care, for the rows ``batch_rows``."""
    wanted = np.zeros(rows.n, bool)
    wanted[batch_rows] = True
    care = wanted[events.c_row]
    mondays: dict[int, set[date]] = {}
    for row, day in zip(events.c_row[care].tolist(),
                        (rows.first[events.c_row[care]] + events.c_start[care]).tolist(), strict=True):
        mondays.setdefault(row, set()).add(_EPOCH + timedelta(days=day))
    return {row: frozenset(days) for row, days in mondays.items()}


def _day_or_none(days: int) -> date | None:
    return None if abs(days) == _NEVER else _EPOCH + timedelta(days=int(days))


def _absence_refusals(row: Ints, day: Ints, not_care_day: Any, over: Any,
                      day_sched: Ints) -> dict[int, InvalidInput]:
    """Row → the error :func:`~amcalc.month.month_pay` gives for its first absence (in the
    given order) on a day without care or longer than the day's schedule (``day``: days since
    1970 of each absence, ``row`` in order)."""
    refused: dict[int, InvalidInput] = {}
    wrong = np.flatnonzero(not_care_day | over)
    for k in wrong[np.unique(row[wrong], return_index=True)[1]].tolist():
        when = _EPOCH + timedelta(days=int(day[k]))
        refused[int(row[k])] = (absence_not_on_care_day(when) if not_care_day[k]
                                else absence_over_schedule(when, int(day_sched[k])))
    return refused


def _absences_only(rows: _Rows, events: _Events, light: Ints, out: dict[str, Ints], absent: Ints,
                   unpaid_days: Ints) -> tuple[Any, dict[int, _Error]]:
    """Rows of a whole month whose only events are absences that ask neither art. 105 nor
    art. 47, without a day-by-day plan:
    each absence's day is looked up in the month's calendar, and the month is the rows
    without events less the absent days. The same checks and figures as :func:`_with_events`;
    returns the rows to hand to the scalar route and the refused rows' errors."""
    m = len(light)
    local = np.full(rows.n, -1, np.int64)
    local[light] = np.arange(m)
    facts, g = rows.facts, rows.group[light]
    sched = rows.schedule[light]
    bad = np.zeros(m, bool)
    keep = local[events.a_row] >= 0
    a_row, a_day = local[events.a_row[keep]], events.a_day[keep]
    ga = g[a_row]
    weekday = np.array([f.weekday for f in facts], np.int64)[ga, a_day]
    holiday = np.array([f.holiday for f in facts])[ga, a_day]
    day_sched = sched[a_row, weekday]
    whole, deducted = events.a_whole[keep], events.a_deducted[keep].astype(bool)
    seconds = np.where(whole, day_sched, events.a_seconds[keep])
    partial_unpaid = deducted & (seconds != day_sched) & ~rows.full_year[light][a_row]
    not_care_day = (day_sched == 0) | holiday
    over = ~not_care_day & (seconds > day_sched)
    bad[a_row[not_care_day | over | partial_unpaid]] = True
    refused = _absence_refusals(a_row, rows.first[light][a_row] + a_day, not_care_day, over, day_sched)
    repeated = _repeated(a_row, a_day)
    bad[repeated] = True
    for row in np.unique(repeated).tolist():  # refused earlier, by the scalar route
        refused.pop(row, None)
    work = np.array([f.work_counts for f in facts], np.int64)[g]

    seconds = seconds * ~(not_care_day | over)  # those rows are refused: no figures
    per_hour = rows.maintenance.values[light]
    rates = _maintenance_rates(facts, g)
    usual = kernel.day_allowance(sched, per_hour[:, None], rates)
    one_day = kernel.MaintenanceRates(*(t[a_row, 0] for t in (rates.scale, rates.agreed, rates.prorated,
                                                                rates.floor)))
    change = (kernel.day_allowance(day_sched - seconds, per_hour[a_row], one_day)
              - usual[a_row, weekday]) * (seconds > 0)
    out["maintenance"][light] = kernel.half_up_div((_row_dot(work, usual) + _sum_by(a_row, change, m)) * 100,
                                                   rates.scale[:, 0])
    out["worked_seconds"][light] = _row_dot(work, sched) - _sum_by(a_row, seconds, m)
    absent[light] = _sum_by(a_row, seconds * deducted, m)
    unpaid_days[light] = _sum_by(a_row, (deducted & (seconds == day_sched) & (seconds > 0)).astype(np.int64), m)
    return bad, {int(light[row]): (e.code, e.field, e.message) for row, e in refused.items()}


def _sum_by(row: Ints, values: Ints, m: int) -> Ints:
    """Σ of ``values`` per row (0 to m − 1), exact in int64."""
    totals = np.zeros(m, np.int64)
    np.add.at(totals, row, values)
    return totals


def _repeated(row: Ints, day: Ints) -> Ints:
    """The rows given the same day (of the month, 0 to 30) twice."""
    keys = np.sort(row * 31 + day)
    return keys[1:][keys[1:] == keys[:-1]] // 31


# --- the scalar route ----------------------------------------------------------------------------


def month_of_row(row: Mapping[str, Any], *, trace: bool = True) -> MonthPay:
    """A row (a mapping of the input columns, e.g. a ``month`` scenario case's inputs)
    through the single-contract API: :func:`amcalc.month.month_pay` (``trace=False``:
    the figures only, as the scalar route of the engine computes them)."""
    data = {k: typed_cell(k, row[k]) for k in _CONTRACT_KEYS if row.get(k) is not None and row.get(k) != ""}
    schedule = row.get("schedule") or {d: row.get(d) for d in WEEKDAYS}
    data["schedule"] = {d: v for d, v in schedule.items() if v is not None and v != ""}
    contract = Contract.from_mapping(data)
    month = row.get("month")
    if isinstance(month, date):
        if month.day != 1:
            raise InvalidInput("month", f"donnez le premier jour du mois, pas le {month.isoformat()}.")
        month = (month.year, month.month)
    elif not isinstance(month, str):
        raise InvalidInput("month", f"mois attendu au format AAAA-MM, pas {month!r}.")
    absences, weeks = events_from_tables(row.get("absences") or (), row.get("worked_hours") or ())
    carried = row.get("illness_ledger")
    ledger = None if carried is None else MonthLedger(ChildIllnessLedger.from_mapping(carried, contract.start))
    return month_pay(contract, month, absences=absences, worked_weeks=weeks,
                     non_care_weeks=row.get("non_care_weeks") or (),
                     worked_holidays=row.get("worked_holidays") or (), ledger=ledger, trace=trace)


def _cents(amount: Decimal) -> int:
    return scaled(amount, 2, "amount")


def figures(m: MonthPay) -> dict[str, Any]:
    """The output columns of a month computed by the single-contract API (money in
    ``Decimal``), to compare a row's result with it."""
    p = m.pajemploi
    return {
        "base_salary": m.base_salary, "absence_deduction": m.absence_deduction,
        "complementary_pay": m.complementary_pay, "majorated_pay": m.majorated_pay,
        "holiday_pay": m.holiday_pay, "gross_salary": m.gross_salary,
        "contributions": m.net_detail.total_contributions, "net_salary": m.net_salary,
        "maintenance": m.maintenance,
        "scheduled_seconds": int(m.scheduled_hours * _HOUR), "worked_seconds": int(m.worked_hours * _HOUR),
        "complementary_seconds": int(m.complementary_hours * _HOUR),
        "majorated_seconds": int(m.majorated_hours * _HOUR),
        "scheduled_days": m.scheduled_days, "declared_hours": p.declared_hours,
        "declared_days": p.declared_days, "declared_complementary_hours": p.complementary_hours,
        "declared_majorated_hours": p.majorated_hours,
        "warnings": list(m.warnings), "resume_or_end_on": m.resume_or_end_on,
        "illness_ledger": m.ledger.child_illness.as_mapping() if m.ledger.child_illness else None,
    }


def _figures(m: MonthPay) -> dict[str, int]:
    """The integer columns of :func:`figures` (money in cents), as the scalar route stores them."""
    return {k: _cents(v) if isinstance(v, Decimal) else v for k, v in figures(m).items()
            if k not in ("warnings", "resume_or_end_on", "illness_ledger")}


# --- one batch -----------------------------------------------------------------------------------

_ROUTES = pa.array(["vector", "scalar"])
_INT32 = {"scheduled_days", "declared_hours", "declared_days", "declared_complementary_hours",
          "declared_majorated_hours"}


def _plain_type(kind: pa.DataType) -> pa.DataType:
    """``kind`` with string views and large strings and lists as plain ones (polars exports views)."""
    if pa.types.is_string_view(kind) or pa.types.is_large_string(kind):
        return pa.string()
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_list_view(kind):
        return pa.list_(_plain_type(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([f.with_type(_plain_type(f.type)) for f in kind])
    return kind


def _plain(batch: pa.RecordBatch) -> pa.RecordBatch:
    types = [_plain_type(f.type) for f in batch.schema]
    if all(t == f.type for t, f in zip(types, batch.schema, strict=True)):
        return batch
    return pa.RecordBatch.from_arrays([c.cast(t) for c, t in zip(batch.columns, types, strict=True)],
                                      names=batch.schema.names)


@attrs.frozen
class ScalarResult:
    """What the scalar route gives for a row: its figures (ints), first day, warnings,
    art. 105 date and counters, or its error (code, field, French message)."""

    figures: dict[str, int] = attrs.field(factory=dict)
    month_day: int = 0
    warnings: tuple[str, ...] = ()
    resume: date | None = None
    ledger: ChildIllnessLedger | None = None
    error: tuple[str, str | None, str] | None = None


def scalar_rows(records: Sequence[Mapping[str, Any]]) -> list[ScalarResult]:
    """Rows through :func:`amcalc.month.month_pay` (``trace=False``): the scalar route,
    in this process or in a worker process (:class:`ScalarPool`)."""
    results = []
    for record in records:
        try:
            m = month_of_row(record, trace=False)
        except AmcalcError as err:
            results.append(ScalarResult(error=(err.code, err.field, err.message)))
            continue
        except Exception as err:  # noqa: BLE001 — a row is never lost: reported in its row
            results.append(ScalarResult(error=("internal_error", None, f"{type(err).__name__}: {err}")))
            continue
        results.append(ScalarResult(_figures(m), _days(date(m.year, m.month, 1)), m.warnings,
                                    m.resume_or_end_on, m.ledger.child_illness))
    return results


class ScalarPool:
    """The scalar route's rows of a chunk, spread over ``processes`` worker processes
    when there are at least ``min_rows`` of them, in this process otherwise (or when
    ``processes`` is 0). The workers are started at the first need and kept for the
    life of the process (one pool per number of processes). The rows are computed by
    the same :func:`scalar_rows` either way: results do not depend on it."""

    def __init__(self, processes: int = 0, min_rows: int = 256) -> None:
        self.processes, self.min_rows = processes, min_rows

    def run(self, records: list[dict[str, Any]]) -> list[ScalarResult]:
        if self.processes < 1 or len(records) < self.min_rows:
            return scalar_rows(records)
        size = max(32, ceil(len(records) / (4 * self.processes)))
        try:
            parts = _workers(self.processes).map(
                scalar_rows, [records[k:k + size] for k in range(0, len(records), size)])
            return [result for part in parts for result in part]
        except BrokenProcessPool:  # a worker died (memory?): this process computes the rows
            _WORKERS.pop(self.processes, None)
            return scalar_rows(records)


_WORKERS: dict[int, ProcessPoolExecutor] = {}
_WORKERS_LOCK = threading.Lock()


def _workers(processes: int) -> ProcessPoolExecutor:
    """The shared pool of ``processes`` workers, forked from a server that has imported
    the engine once (spawned where there is no fork server): never a fork of this
    multi-threaded process."""
    with _WORKERS_LOCK:
        if processes not in _WORKERS:
            context: Any = multiprocessing.get_context("spawn")
            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["amcalc.bulk.engine"])
            _WORKERS[processes] = ProcessPoolExecutor(processes, mp_context=context)
        return _WORKERS[processes]


_IN_PROCESS = ScalarPool()


def compute(batch: pa.RecordBatch, pool: ScalarPool = _IN_PROCESS) -> tuple[pa.RecordBatch, int]:
    """The results of ``batch`` (same rows, same order) and how many took the scalar route
    (computed by ``pool``: in this process by default)."""
    batch = _plain(batch)
    n = batch.num_rows
    rows = _Rows(batch)
    if rows.fast.any():
        events = _Events(batch, rows)
        vector, out, vector_warnings, errors, illness = _vector(rows, events)
    else:
        vector, out = np.zeros(0, np.int64), {name: np.zeros(n, np.int64) for name in NUMBER_FIELDS}
        vector_warnings, errors, illness = {}, {}, _Art105({}, {})
    scalar = np.ones(n, bool)
    scalar[vector] = False
    scalar[list(errors)] = False
    valid = np.ones(n, bool)
    month = np.where(rows.month_ok, rows.month_key, 0)
    months, which = _distinct(month)
    month_days = (months - 1970 * 12).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)[which]
    month_valid = rows.month_ok.copy()
    warnings: dict[int, tuple[str, ...]] = {i: tuple(w) for i, w in vector_warnings.items()}
    indices = np.flatnonzero(scalar)
    records = batch.take(pa.array(indices)).to_pylist() if len(indices) else []
    for i, result in zip(indices.tolist(), pool.run(records), strict=True):
        if result.error is not None:
            errors[i] = result.error
            continue
        for name, value in result.figures.items():
            out[name][i] = value
        month_days[i], month_valid[i] = result.month_day, True
        if result.warnings:
            warnings[i] = result.warnings
        if result.resume is not None:
            illness.resume[i] = result.resume
        if result.ledger is not None:
            illness.ledgers[i] = result.ledger
    for i in errors:
        valid[i] = False
    columns: dict[str, pa.Array] = {}
    if "id" in batch.schema.names:
        columns["id"] = batch.column("id")
    columns["month"] = int_array(month_days, month_valid, pa.int32()).view(pa.date32())
    columns["route"] = pa.DictionaryArray.from_arrays(pa.array(scalar.astype(np.int8)), _ROUTES)
    columns.update(_error_columns(errors, n))
    for field in (f for f in OUTPUT_SCHEMA.names if f in NUMBER_FIELDS):
        values = out[field]
        if field in _INT32:
            columns[field] = int_array(values, valid, pa.int32())
        elif field.endswith("_seconds"):
            columns[field] = int_array(values, valid, pa.int64())
        else:
            columns[field] = decimal_array(values, valid)
    columns["warnings"] = _warnings(warnings, valid)
    resume_days = np.zeros(n, np.int64)
    has_resume = np.zeros(n, bool)
    for i, day in illness.resume.items():
        resume_days[i], has_resume[i] = _days(day), True
    columns["resume_or_end_on"] = int_array(resume_days, has_resume, pa.int32()).view(pa.date32())
    columns["illness_ledger"] = _ledger_column(illness.ledgers, n)
    schema = output_schema(batch.schema.field("id").type if "id" in batch.schema.names else None)
    return pa.RecordBatch.from_arrays(list(columns.values()), schema=schema), len(indices)


def _ledger_column(ledgers: Mapping[int, ChildIllnessLedger], n: int) -> pa.Array:
    """The ``illness_ledger`` column: each row's counters for next month, null where none."""
    if not ledgers:
        return pa.nulls(n, ILLNESS_LEDGER)
    rows = sorted(ledgers)
    place = np.full(n, -1, np.int64)
    place[rows] = np.arange(len(rows))
    values = pa.array([ledgers[r].as_mapping() for r in rows], ILLNESS_LEDGER)
    return values.take(pa.array(place, mask=place < 0))


def _error_columns(errors: Mapping[int, tuple[str, str | None, str]], n: int) -> dict[str, pa.Array]:
    names = ("error_code", "error_field", "error_message")
    if not errors:
        return {name: pa.nulls(n, pa.string()) for name in names}
    return {name: string_array({i: e[k] for i, e in errors.items()}, n) for k, name in enumerate(names)}


def _warnings(warnings: Mapping[int, tuple[str, ...]], valid: Any) -> pa.Array:
    counts = np.zeros(len(valid), np.int32)
    texts: list[str] = []
    for i in sorted(warnings):
        counts[i] = len(warnings[i])
        texts.extend(warnings[i])
    offsets = np.zeros(len(valid) + 1, np.int32)
    np.cumsum(counts, out=offsets[1:])
    invalid = ~np.asarray(valid)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(texts, pa.string()),
                                    mask=pa.array(invalid) if invalid.any() else None)
