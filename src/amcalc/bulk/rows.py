"""Lignes du lot — a record batch decoded into the kernels' integers: the contract-months
(:class:`Rows`, and which may take the vector route) and their events (:class:`Events`:
absences, worked weeks, weeks without care, the art. 105 counters carried)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
import pyarrow as pa

from amcalc.absences import AbsenceCause, is_deducted
from amcalc.bulk.arrays import NEVER, Ints, distinct_values, null_mask, repeated_rows, row_sum
from amcalc.bulk.illness_counters import carried_counters
from amcalc.bulk.month_facts import MonthFacts, floor_bound, floor_on, month_facts
from amcalc.bulk.schema import FIRST_DAY, LAST_DAY, Column, decode, decode_columns, every_row, filled, weekday_columns
from amcalc.contract import ContractKind
from amcalc.duration import SECONDS_PER_HOUR
from amcalc.extra_hours import CONVENTIONAL_WEEK_SECONDS
from amcalc.inputs import FIRST_DATE, LAST_DATE
from amcalc.month import MAX_DAY_SECONDS
from amcalc.month.working_time import MAX_AVERAGE_WEEK_SECONDS

__all__ = ["CAUSES", "MAX_WEEK", "Events", "Rows", "date_values"]


MAX_WEEK = MAX_AVERAGE_WEEK_SECONDS  # CCN 3239 art. 96.3: a schedule beyond takes the scalar route
# the months the single-contract API computes (amcalc.inputs.parse_month); the others: its error
_FIRST_MONTH, _LAST_MONTH = FIRST_DATE.year * 12, LAST_DATE.year * 12 + 11
# the vector route looks public holidays up to a week before its month and two months after
# (a week across two months, the child's return): at the calendar's ends, the scalar route
_VECTOR_MONTHS = (_FIRST_MONTH + 1, _LAST_MONTH - 2)
_MAX_WORKED_WEEK = 7 * 24 * SECONDS_PER_HOUR  # a weekly total beyond: the scalar route
_KINDS = list(ContractKind)
CAUSES = list(AbsenceCause)
_OCCASIONAL = _KINDS.index(ContractKind.OCCASIONAL)


def _deducted_table() -> Any:
    """cause × 2 + full_year → deducted (art. 111), from :func:`is_deducted`; −1 where the
    rule needs more than the cause (art. 105 counters), and for an unknown cause (−1: the
    last line)."""
    table = np.full((len(CAUSES) + 1, 2), -1, dtype=np.int64)
    for i, cause in enumerate(CAUSES):
        for full_year in (False, True):
            deducted = is_deducted(cause, full_year)
            if deducted is not None:
                table[i, int(full_year)] = int(deducted)
    return table.ravel()


_DEDUCTED = _deducted_table()
_UNJUSTIFIED = CAUSES.index(AbsenceCause.AM_UNJUSTIFIED)
_CERTIFIED = CAUSES.index(AbsenceCause.CHILD_ILLNESS_CERTIFIED)


def _all_of(n: int, *conditions: Any) -> Any:
    """A fresh bool array of the n rows that meet every condition (a bool array, or ``True``
    for all rows): the ``True`` and the shared ``ok`` of the columns whose every value reads
    (:func:`every_row`) left out (numpy's ``&`` walks a broadcast scalar row by row, as slowly
    as an array ten times larger), the others combined in place.

    >>> _all_of(3, True, np.array([True, True, False]), np.array([False, True, True])).tolist()
    [False, True, False]
    >>> _all_of(2, True, True).tolist(), _all_of(2, every_row(2), np.array([True, False])).tolist()
    ([True, True], [True, False])
    """
    every = every_row(n)
    arrays = [c for c in conditions if c is not True and c is not every]
    if not arrays:
        return np.ones(n, bool)
    every = arrays[0] & arrays[1] if len(arrays) > 1 else arrays[0].copy()
    for condition in arrays[2:]:
        every &= condition
    return every


def _within(values: Ints, low: int | None, high: int, greatest: int | None = None) -> Any:
    """Whether each of ``values`` is within ``low`` (``None``: no least) … ``high``: ``True``
    for all at once when the least and the greatest are (reductions, no comparison a row; the
    greatest not looked for when a bound known, ``greatest``, is within).

    >>> _within(np.array([3, 9]), 1, 9), _within(np.array([3, 10]), 1, 9).tolist()
    (True, [True, False])
    >>> _within(np.array([-5, 9]), None, 9), _within(np.array([-5, 10]), None, 9).tolist()
    (True, [True, False])
    >>> _within(np.array([3, 9]), None, 9, greatest=9), _within(np.array([3, 10]), None, 9, greatest=12).tolist()
    (True, [True, False])
    """
    if not len(values):
        return True
    below_high = (greatest is not None and greatest <= high) or int(values.max()) <= high
    if below_high and (low is None or low <= int(values.min())):
        return True
    return values <= high if low is None else (values >= low) & (values <= high)


def _days_within(schedule: Ints, bounds: list[int] | None) -> Any:
    """Rows without a day over 13 h (no pass over the matrix when each weekday's decoded bound,
    ``bounds``, is within; one when none has one)."""
    if (bounds is not None and max(bounds) <= MAX_DAY_SECONDS) or int(schedule.max(initial=0)) <= MAX_DAY_SECONDS:
        return True
    return (schedule <= MAX_DAY_SECONDS).all(axis=1)


def _known(bounds: list[int | None]) -> list[int] | None:
    """``bounds``, or ``None`` when one is unknown."""
    known = [bound for bound in bounds if bound is not None]
    return known if len(known) == len(bounds) else None


class Rows:
    """The decoded columns of a batch, and the rows the vector route may take."""

    def __init__(self, batch: pa.RecordBatch) -> None:
        self.n = batch.num_rows
        self.fast = self._decode(batch)  # the rows whose every value reads
        self.fast &= self._simple()
        if self.fast.any():
            self._place_in_months()

    def _decode(self, batch: pa.RecordBatch) -> Any:
        """The columns decoded; the rows whose every value reads (the contract's terms, the
        schedule, the month and dates within the calendar)."""
        n, names = self.n, batch.schema.names

        def column(name: str) -> pa.Array | None:
            return batch.column(name) if name in names else None

        self.rate, self.majorated, self.complementary, self.maintenance = decode_columns(
            [column(name) for name in ("hourly_rate", "majorated_rate", "complementary_rate", "maintenance_per_hour")],
            "money", n)
        self.territory = decode(column("territory"), "territory", n)
        self.kind = decode(column("kind"), "kind", n)
        self.schedule = np.empty((n, 7), np.int64)
        self.weekdays = decode_columns(weekday_columns(batch), "hours", n, self.schedule)
        self.weeks = _whole(column("weeks"), n)
        self._read_months(column("month"), n)
        self.start, start_ok, self.hiring_span = _calendar_days(column("start"), n, -NEVER)
        self.end, end_ok, _ = _calendar_days(column("end"), n, NEVER)
        self.am_ge, am_ge_ok = _flags(column("am_ge"), n)
        self.majorated_e4 = (np.where(self.majorated.null, 1000, self.majorated.values) if self.majorated.null.any()
                             else self.majorated.values)
        self.weekly = row_sum(self.schedule)  # seconds of the usual week
        self.full_year = self.weeks == 52
        self.occasional = self.kind.values == _OCCASIONAL
        return _all_of(n, self.rate.ok, ~self.rate.null if self.rate.null.any() else True, self.majorated.ok, self.complementary.ok,
                       self.maintenance.ok, self.territory.ok, self.kind.ok, *(d.ok for d in self.weekdays),
                       self.month_ok, start_ok, end_ok, am_ge_ok)

    def _simple(self) -> Any:
        """The rows within the vector route's bounds: amounts and rates within its integers,
        regular care over 52 weeks or 46 or less, days of at most 13 h, a usual week within
        48 h, a month whose lookups stay in the calendar."""
        weekly, bounds = self.weekly, _known([d.greatest for d in self.weekdays])
        majorated = self.majorated.greatest  # ≥ 1000 where null
        self.least_rate = int(self.rate.values.min()) if self.n else 0  # the least floors below compare
        return _all_of(
            self.n, _within(self.rate.values, None if self.least_rate >= 1 else 1, 10**7, self.rate.greatest),
            _within(self.majorated_e4, 1000, 40_000, None if majorated is None else max(majorated, 1000)),
            _within(self.complementary.values, None, 40_000, self.complementary.greatest),
            _within(self.maintenance.values, None, 10**6, self.maintenance.greatest),
            self.full_year | ((self.weeks >= 1) & (self.weeks <= 46)),
            _days_within(self.schedule, bounds), _within(weekly, 1, MAX_WEEK, None if bounds is None else sum(bounds)),
            _of_months(self.months, self.month_which, _VECTOR_MONTHS),
            # occasional care (art. 97.2, 108.2): paid by the hour; on this route only when no
            # planned week passes 45 h (its weeks not given then have no majorated hours)
            ~self.occasional | _within(weekly, None, CONVENTIONAL_WEEK_SECONDS) if self.occasional.any() else True)

    def _place_in_months(self) -> None:
        """Each fast row's month (its group of month and territory, their facts), and the
        rows the month's least rate, the contract's dates or its hiring floor refuse."""
        rate = self.rate.values
        # a group by month (its index among the batch's months) and territory; the other rows
        # in the group of the first fast row's month (any month they give may have no facts)
        code = self.month_which * 3
        code += self.territory.values
        if not self.fast.all():
            code[np.flatnonzero(~self.fast)] = self.month_which[np.argmax(self.fast)] * 3
        groups, self.group = _groups_of(code, 3 * len(self.months))
        found = _groups_facts(tuple(self.months.tolist()), tuple(groups.tolist()))
        self.facts = list(found.facts)
        g = self.group
        self.first: Ints = np.take(found.first, g)
        self.length: Ints = np.take(found.length, g)
        if not found.usable.all():
            self.fast &= found.usable[g]
        self._within_contract()
        self._refuse_below(found.min_rate, rate)
        self._refuse_below_hiring_floor(rate)

    def _within_contract(self) -> None:
        """The rows whose contract runs in their month (hired by its last day, not left before
        its first, hired before leaving), and those hired or leaving in it (``partial``: art.
        111 proration, PartialMonth.PRORATA): the dates compared on the rows hired after the
        month's first day or with an end only (the others run the whole month)."""
        self.partial = self.start > self.first
        dated = np.flatnonzero(self.partial | (self.end != NEVER))
        start, end, first = self.start[dated], self.end[dated], self.first[dated]
        last = first + self.length[dated] - 1
        self.fast[dated] &= (start <= last) & (end >= first) & (start <= end)
        self.partial[dated] |= end < last

    def _refuse_below(self, least: Ints, rate: Ints) -> None:
        """The rows paid less than their month's least rate (art. 107; ``least``: (groups × 2),
        without and with the AM's agreement for hours of care), looked up only for the rows
        paid less than the highest of the batch's months."""
        highest = int(least.max())
        if self.least_rate >= highest:
            return
        check = np.flatnonzero(rate < highest)
        check = check[self.fast[check]]
        if len(check):
            self.fast[check] = rate[check] >= least[self.group[check], self.am_ge[check].astype(np.int64)]

    def _refuse_below_hiring_floor(self, rate: Ints) -> None:
        """The rows hired at a rate below the least rate in force on their hiring day, looked up
        only for the rows paid less than the highest floor of the batch's hiring days (their
        first and last, ``hiring_span``, from the decoding when every row gives one)."""
        start, span = self.start, self.hiring_span
        if span is None:
            hired = start != -NEVER
            if not hired.any():
                return
            span = int(start.min() if hired.all() else start[hired].min()), int(start.max())
        highest = floor_bound(*span)
        if self.least_rate >= highest:
            return
        check = np.flatnonzero(rate < highest)
        check = check[start[check] != -NEVER]
        if len(check):
            self.fast[check[rate[check] < floor_on(start[check], self.am_ge[check])]] = False

    def _read_months(self, array: pa.Array | None, n: int) -> None:
        """The batch's months (``months``: their keys, year × 12 + month − 1, each row's index
        among them ``month_which``), each row's key and first day (``month_days``), and where
        it is usable: a date32 on the first day of its month, or its text, within the calendar
        (as :func:`amcalc.inputs.parse_month`), checked once a month."""
        if array is not None and pa.types.is_date32(array.type):
            days = date_values(array, 0)
            distinct, which = distinct_values(days)  # a few months: convert those
            months = distinct.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) + 1970 * 12
            first = _first_days(months) == distinct  # each the first day of its month
            ok = every_row(n) if first.all() else np.take(first, which)
            if array.null_count:
                ok = ok & ~null_mask(array)
            month_days = days  # where ok, the first day of the month
        else:
            column = decode(array, "month", n)
            months, which = distinct_values(column.values)
            ok = column.ok & ~column.null
            month_days = np.take(_first_days(months), which)
        self.months, self.month_which = months, which
        self.month_key: Ints = np.take(months, which)
        self.month_ok = _all_of(n, ok, _of_months(months, which, (_FIRST_MONTH, _LAST_MONTH)))
        # elsewhere the first day of month 0 (year 0): the value the output's null month holds
        self.month_days = month_days if self.month_ok.all() else np.where(self.month_ok, month_days, _NO_MONTH)


def _groups_of(code: Ints, count: int) -> tuple[Ints, Ints]:
    """The distinct group codes (``code``, fresh, each 0 ≤ code < ``count``) and each row's
    index among them (:func:`distinct_values`): the range known, one count of the codes and no
    bounds looked for; every code present (a batch of every month and territory), each one its
    own index, ``code`` itself.

    >>> [a.tolist() for a in _groups_of(np.array([2, 0, 1, 2]), 3)], [a.tolist() for a in _groups_of(np.array([5, 2]), 6)]
    ([[0, 1, 2], [2, 0, 1, 2]], [[2, 5], [1, 0]])
    """
    if count <= 3:  # one month: a few territories, often one (no count)
        return distinct_values(code)
    present = np.bincount(code, minlength=count) > 0
    if present.all():
        return np.arange(count), code
    return np.flatnonzero(present), np.take(np.cumsum(present) - 1, code)


class _GroupsFacts:
    """The facts of a batch's groups (month, territory) and their tables, each a read-only
    array of one line a group: shared by the batches of the same months."""

    def __init__(self, facts: list[MonthFacts]) -> None:
        self.facts = tuple(facts)
        self.first = _read_only(np.array([f.first for f in facts], np.int64))
        self.length = _read_only(np.array([f.length for f in facts], np.int64))
        self.usable = _read_only(np.array([f.usable for f in facts]))
        self.min_rate = _read_only(np.array([f.min_rate for f in facts], np.int64))


@lru_cache(maxsize=64)
def _groups_facts(months: tuple[int, ...], groups: tuple[int, ...]) -> _GroupsFacts:
    """The facts of the groups ``groups`` (month index × 3 + territory) of the batch's
    ``months`` (keys): made once for the chunks of a file, which give the same months."""
    return _GroupsFacts([month_facts(months[k // 3], k % 3) for k in groups])


def _read_only(array: Any) -> Any:
    array.flags.writeable = False
    return array


def _first_days(months: Ints) -> Ints:
    """The first day (day number) of each month key."""
    return (months - 1970 * 12).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


_NO_MONTH = int(_first_days(np.zeros(1, np.int64))[0])


def _of_months(months: Ints, which: Ints, bounds: tuple[int, int]) -> Any:
    """Whether each row's month (``months[which]``) is within ``bounds``, checked once a month."""
    within = (months >= bounds[0]) & (months <= bounds[1])
    return True if within.all() else np.take(within, which)


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
        return filled(decoded, 0).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return np.zeros(n, np.int64)


def _flags(array: pa.Array | None, n: int) -> tuple[Any, Any]:
    """A bool column (``am_ge``, false where null) and where it is usable."""
    decoded = _text_decoded(array, "flag", n)
    if isinstance(decoded, Column):
        return decoded.values.astype(bool) & ~decoded.null, decoded.ok
    if decoded is not None and pa.types.is_boolean(decoded.type):
        return _bools(decoded), every_row(n)
    return np.zeros(n, bool), np.full(n, decoded is None or pa.types.is_null(decoded.type))


def _bools(array: pa.Array) -> Any:
    """The values of a bool column, false where null, unpacked from its bits (Arrow's
    ``to_numpy`` takes 8 times as long).

    >>> _bools(pa.array([True, None, False, True, True]).slice(1)).tolist()
    [False, False, True, True]
    """
    data = array.buffers()[1]
    if data is None or not len(array):
        return np.zeros(len(array), bool)
    bits = np.unpackbits(np.frombuffer(data, np.uint8), count=array.offset + len(array),
                         bitorder="little")[array.offset:].view(bool)
    return bits & ~null_mask(array) if array.null_count else bits


def _dates(array: pa.Array | Column | None, n: int, missing: int) -> tuple[Ints, Any]:
    """Days since 1970 of a date32 column or of decoded text (``missing`` where null); ``ok``
    false for other types."""
    if isinstance(array, Column):
        return np.where(array.null, missing, array.values), array.ok
    if array is None or pa.types.is_null(array.type):
        return np.full(n, missing, np.int64), every_row(n)
    if not pa.types.is_date32(array.type):
        return np.full(n, missing, np.int64), np.zeros(n, bool)
    return date_values(array, missing), every_row(n)


def _calendar_days(array: pa.Array | None, n: int, missing: int) -> tuple[Ints, Any, tuple[int, int] | None]:
    """:func:`_dates` of a text or date32 column (``start``, ``end``), usable only within the
    calendar (years 1 to 9999, as the single-contract API's dates): a text date always is, a
    date32 column checked by two reductions over its buffer, row by row only when one is out;
    and the first and last day when those reductions give them (a date32 column without null)."""
    decoded = _text_decoded(array, "date", n)
    days, ok = _dates(decoded, n, missing)
    if isinstance(decoded, Column) or decoded is None or not pa.types.is_date32(decoded.type):
        return days, ok, None
    given = _date32_slots(decoded)
    if given is None or not len(given):
        return days, ok, None
    first, last = int(given.min()), int(given.max())
    span = None if decoded.null_count else (first, last)
    if FIRST_DAY <= first and last <= LAST_DAY:
        return days, ok, span
    return days, ok & ((days == missing) | ((days >= FIRST_DAY) & (days <= LAST_DAY))), span


def date_values(array: pa.Array, missing: int) -> Ints:
    """Days since 1970 of a date32 column, read from its buffer (``missing`` where null).

    >>> date_values(pa.array([2, None, None], pa.date32()), -1).tolist()
    [2, -1, -1]
    >>> date_values(pa.array([None, 1], pa.date32()).slice(1), -1).tolist()
    [1]
    >>> date_values(pa.array([None, 5, None, 7], pa.date32()).slice(1), -1).tolist()
    [5, -1, 7]
    """
    days = _date32_slots(array)
    if days is None:
        return np.full(len(array), missing, np.int64)
    if not array.null_count:
        return days.astype(np.int64)
    null = null_mask(array)
    if array.null_count * 2 <= len(array):
        return np.where(null, np.int64(missing), days)
    # mostly null (an ``end``: most contracts run on): the few days given set, not a choice a row
    values = np.full(len(array), missing, np.int64)
    given = np.flatnonzero(~null)
    values[given] = days[given]
    return values


def _date32_slots(array: pa.Array) -> Ints | None:
    """The day numbers in a date32 column's buffer, a view, nulls' slots included (whatever
    they hold); ``None`` without a buffer."""
    data = array.buffers()[1]
    return None if data is None else np.frombuffer(data, np.int32, count=len(array), offset=array.offset * 4)


def _entries(array: pa.Array | None, fields: Sequence[str]) -> tuple[Ints, dict[str, pa.Array]] | None:
    """Parent rows and struct fields of a list<struct> column; ``None`` when malformed."""
    if array is None or pa.types.is_null(array.type):
        return np.zeros(0, np.int64), {}
    if not pa.types.is_list(array.type) and not pa.types.is_large_list(array.type):
        return None
    kind = array.type.value_type
    if fields and (not pa.types.is_struct(kind) or {kind.field(i).name for i in range(kind.num_fields)} - set(fields)):
        return None
    offsets = array.offsets
    if offsets[0] == offsets[-1]:  # no entry in these rows: no compute call
        parents, values = np.zeros(0, np.int64), array.values.slice(0, 0)
    else:
        parents = _parents(array)
        start = offsets[0].as_py()
        values = array.values.slice(start, offsets[-1].as_py() - start)  # the entries of ``parents``
        if array.null_count:  # a null list has no entry, whatever its child array holds
            given = ~null_mask(array)[parents]
            if not given.all():
                parents, values = parents[given], values.filter(pa.array(given))
    if not fields:
        return parents, {"": values}
    names = {kind.field(i).name: i for i in range(kind.num_fields)}
    return parents, {f: values.field(names[f]) for f in fields if f in names}


def _parents(array: pa.Array) -> Ints:
    """Each entry's row in a list column (as ``list_parent_indices``): when the entries are
    many, the rows' ends counted and summed (~2 ns a row; the compute call ~7 ns an entry)."""
    offsets = array.offsets.to_numpy()
    start, entries = int(offsets[0]), int(offsets[-1]) - int(offsets[0])
    if entries * 4 <= len(array):
        return pa.compute.list_parent_indices(array).to_numpy().astype(np.int64)
    ends = np.bincount(offsets[1:-1] - start if start else offsets[1:-1], minlength=entries + 1)[:entries]
    return np.cumsum(ends, out=ends)


class Events:
    """The rows' events, flattened: absences, worked weeks, weeks without care."""

    def __init__(self, batch: pa.RecordBatch, rows: Rows) -> None:
        names = batch.schema.names
        n = rows.n
        self.bad = np.zeros(n, bool)
        self.has = np.zeros(n, bool)

        def column(name: str) -> pa.Array | None:
            return batch.column(name) if name in names else None

        fast = bool(rows.fast.any())  # the day numbers below are of the months of the vector route
        # the lists' entries and their texts first, Arrow's calls one after the other: the first
        # after numpy's work pays ~0.1 ms to bring Arrow's dispatch back into the caches
        self.a_row, absences = self._rows_of(_entries(column("absences"), ("date", "hours", "cause")))
        self.w_row, worked = self._rows_of(_entries(column("worked_hours"), ("week", "hours")))
        self.c_row, without_care = self._rows_of(_entries(column("non_care_weeks"), ()))
        self.h_row, holidays = self._rows_of(_entries(column("worked_holidays"), ()))
        a_hours, a_cause, w_hours = _NO_TEXT, _NO_ENTRY, _NO_TEXT
        if len(self.a_row):
            a_hours = decode(_given(absences.get("hours")), "hours", len(self.a_row))  # null: the whole day
            a_cause = _causes(absences.get("cause"), len(self.a_row))
        if len(self.w_row):
            w_hours = decode(worked.get("hours"), "hours", len(self.w_row))
        self._absences(rows, absences, a_hours, a_cause, fast)
        self.asks = np.zeros(n, bool)
        self.asks[self.a_row[self.a_asks]] = True
        self._worked_weeks(rows, worked, w_hours, fast)
        self._weeks_without_care(rows, without_care, fast)
        self._holidays_worked(rows, holidays, fast)
        by_week_or_holiday = np.zeros(n, bool)
        by_week_or_holiday[self.w_row] = by_week_or_holiday[self.h_row] = True
        self.days_only = self.has & ~by_week_or_holiday  # absences and weeks without care only

        # the weeks worked in the last months, carried from last month (art. 96.3 average)
        self.r_row, self.r_week, self.r_seconds = self._recent_weeks(column("recent_weeks"))

        # art. 105 counters carried from last month, as arrays; as ledgers for the rows that ask
        # art. 105 and those the arrays do not settle (a row refused: the scalar route)
        self.carried, self.ledgers = carried_counters(column("illness_ledger"), rows.start, rows.fast, self.asks,
                                                      self.bad)

    def _rows_of(self, entries: tuple[Ints, dict[str, pa.Array]] | None) -> tuple[Ints, dict[str, pa.Array]]:
        """The rows of a kind of event and its fields; a column that does not read (``None``)
        sends every row to the scalar route, which words its error."""
        if entries is None:
            self.bad[:] = True
            return np.zeros(0, np.int64), {}
        self.has[entries[0]] = True
        return entries

    def _worked_weeks(self, rows: Rows, fields: dict[str, pa.Array], hours: Column, fast: bool) -> None:
        """The hours worked in civil weeks of the month (``w_row``; a week may straddle two
        months): their seconds and the day of the month of their Monday, −6 to 30."""
        count = len(self.w_row)
        self.w_seconds, self.w_start = _NO_ENTRY, _NO_ENTRY
        if not count:
            return
        week, week_ok = _dates(fields.get("week"), count, 0)
        self.w_seconds = hours.values
        start = week - rows.first[self.w_row] if fast else week
        overlaps = (start > -7) & (start < (rows.length[self.w_row] if fast else 0))
        wrong = (~week_ok | _null_of(fields.get("week"), count) | ((week + 3) % 7 != 0)
                 | ~overlaps | ~hours.ok | hours.null | (hours.values > _MAX_WORKED_WEEK))
        self.bad[self.w_row[wrong]] = True
        self.w_start = np.clip(start, -6, 30)

    def _weeks_without_care(self, rows: Rows, fields: dict[str, pa.Array], fast: bool) -> None:
        """The weeks without care (``c_row``): Mondays, of care over 46 weeks or less only."""
        count = len(self.c_row)
        self.c_start = self.c_monday = _NO_ENTRY
        if not count:
            return
        monday, monday_ok = _dates(fields.get(""), count, 0)
        self.c_monday = monday
        wrong = ~monday_ok | _null_of(fields.get(""), count) | ((monday + 3) % 7 != 0) | rows.full_year[self.c_row]
        self.bad[self.c_row[wrong]] = True
        self.c_start = monday - rows.first[self.c_row] if fast else monday

    def _holidays_worked(self, rows: Rows, fields: dict[str, pa.Array], fast: bool) -> None:
        """The public holidays worked by agreement (``h_row``, art. 47, 101): days of the month."""
        count = len(self.h_row)
        self.h_day = _NO_ENTRY
        if not count:
            return
        day, day_ok = _dates(fields.get(""), count, 0)
        self.h_day = day - rows.first[self.h_row] if fast else day
        wrong = (~day_ok | _null_of(fields.get(""), count) | (self.h_day < 0)
                 | (self.h_day >= (rows.length[self.h_row] if fast else 0)))
        self.bad[self.h_row[wrong]] = True
        self.h_day = np.clip(self.h_day, 0, 30)

    @cached_property
    def non_care_weeks(self) -> Ints:
        """The weeks without care as one sorted key each, row × 2³² + its Monday's day number
        (a stable sort: one pass over keys that come sorted, where the default sort takes 40 ×)."""
        return np.sort(self.c_row * (1 << 32) + self.c_monday, kind="stable")

    def _absences(self, rows: Rows, fields: dict[str, pa.Array], hours: Column, cause: Ints, fast: bool) -> None:
        """The absences (``a_row``): a day of the month, a simple cause, whole or part of the
        day; marks ``bad`` the rows whose absences the vector route does not take."""
        count = len(self.a_row)
        self.a_day = self.a_seconds = self.a_cause = self.a_deducted = _NO_ENTRY
        self.a_whole = self.a_certified = self.a_asks = _NO_FLAG
        if not count:
            return
        day, date_ok = _dates(fields.get("date"), count, 0)
        self.a_day = day - rows.first[self.a_row] if fast else day
        self.a_seconds, self.a_whole = hours.values, hours.null
        self.a_cause = cause
        full_year = rows.full_year[self.a_row]
        self.a_deducted = np.take(_DEDUCTED, cause * 2 + full_year)
        # art. 105 decides certified illness days, art. 47 may cost a holiday near an
        # unjustified absence: those rows ask the calendar (calendar_answers)
        self.a_certified = cause == _CERTIFIED
        self.a_asks = self.a_certified | (cause == _UNJUSTIFIED)
        in_month = (self.a_day >= 0) & (self.a_day < 31)
        if fast:
            in_month &= self.a_day < rows.length[self.a_row]
            # certified illness without a hiring date (its error) or for a part of a day of a
            # part-year contract (a fraction of a day): the scalar route
            certified = np.flatnonzero(self.a_certified)
            row = self.a_row[certified]
            self.bad[row[(rows.start[row] == -NEVER) | (~hours.null[certified] & ~full_year[certified])]] = True
        wrong = (~date_ok | _null_of(fields.get("date"), count) | ~hours.ok | (cause < 0)
                 | ((self.a_deducted < 0) & ~self.a_certified) | ~in_month | (~hours.null & (hours.values == 0)))
        self.bad[self.a_row[wrong]] = True
        self.a_day = np.clip(self.a_day, 0, 30)

    def _recent_weeks(self, array: pa.Array | None) -> tuple[Ints, Ints, Ints]:
        """The ``recent_weeks`` given: rows, Mondays (day numbers) and seconds; a row with a
        week that is not a Monday, given twice or out of bounds takes the scalar route
        (:func:`amcalc.month.recent_weeks_of` words its error)."""
        entries = _entries(array, ("week", "seconds"))
        if entries is None:
            self.bad[:] = True
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
        row, fields = entries
        week, week_ok = _dates(fields.get("week"), len(row), 0)
        seconds, seconds_ok = _whole_seconds(fields.get("seconds"), len(row))
        self.bad[row[~week_ok | _null_of(fields.get("week"), len(row)) | ((week + 3) % 7 != 0) | ~seconds_ok]] = True
        self.bad[repeated_rows(row, week)] = True
        return row, week, seconds


_NO_ENTRY, _NO_FLAG = np.zeros(0, np.int64), np.zeros(0, bool)  # the events of a kind not given
_NO_TEXT = Column(_NO_ENTRY, _NO_FLAG, _NO_FLAG)


def _whole_seconds(array: pa.Array | None, n: int) -> tuple[Ints, Any]:
    """An integer column of seconds, and where it is usable (not null, 0 to a week)."""
    if array is None or not pa.types.is_integer(array.type):
        return np.zeros(n, np.int64), np.zeros(n, bool)
    values = filled(array, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    return values, (values >= 0) & (values <= _MAX_WORKED_WEEK)


def _given(array: pa.Array | None) -> pa.Array | None:
    """``array``, or ``None`` when every value is null: :func:`decode` reads both alike, the
    latter without a compute call (whole-day absences: no hours)."""
    return None if array is None or array.null_count == len(array) else array


def _null_of(array: pa.Array | None, n: int) -> Any:
    return np.ones(n, bool) if array is None else null_mask(array)


def _causes(array: pa.Array | None, n: int) -> Ints:
    """Index of each cause in :class:`AbsenceCause`, −1 when unknown (or null).

    >>> _causes(pa.array(["unpaid_leave", None, "sick", "unpaid_leave"]), 4).tolist()
    [0, -1, -1, 0]
    """
    if array is None or not n or not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return np.full(n, -1, np.int64)
    found = pa.compute.index_in(array, value_set=_cause_names(array.type))
    return filled(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)  # null where unknown or null


@lru_cache(maxsize=4)
def _cause_names(text: pa.DataType) -> pa.Array:
    """The causes' names, in the order of :class:`AbsenceCause`, as a ``text`` array."""
    return pa.array([c.value for c in CAUSES], text)
