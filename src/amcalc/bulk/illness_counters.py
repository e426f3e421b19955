"""Les compteurs de l'article 105 — a batch's art. 105 counters as arrays (CCN 3239 art.
105: the unpaid short days and the long absence of each contract year, the absence still
open at the month's end), and the ``illness_ledger`` column a row carries from last month
read into them: each contract year checked as
:meth:`~amcalc.child_illness.ChildIllnessLedger.from_mapping` checks it, the years' starts
from :func:`~amcalc.child_illness.contract_year_start` itself. A row these checks do not
settle, a row that asks art. 105 this month, or a column of another type is read by that
method, row by row; a row it refuses takes the scalar route, which words the error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache, lru_cache
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from amcalc.bulk.arrays import EPOCH, NEVER, Ints, day_number, day_or_none, null_mask, repeated_rows
from amcalc.bulk.schema import ILLNESS_LEDGER
from amcalc.child_illness import SHORT_ABSENCE_DAYS, ChildIllnessLedger, contract_year_start
from amcalc.errors import AmcalcError
from amcalc.inputs import FIRST_DATE, LAST_DATE

__all__ = ["NO_DAY", "YEAR_STARTS_FROM", "Counters", "carried_counters", "year_starts"]


NO_DAY = -(1 << 20)
"""No day, in :class:`Counters` (no long absence, no absence open): before any date32 of the calendar."""


@attrs.frozen
class Counters:
    """Art. 105 counters of rows as arrays, the fields of the ``illness_ledger`` column
    (:meth:`~amcalc.child_illness.ChildIllnessLedger.as_mapping`): each row's absence still
    open at the month's end (day numbers, :data:`NO_DAY` where none) and one line a contract year."""

    row: Ints  # the batch rows that have counters
    open_start: Ints
    open_last: Ints
    year_row: Ints  # each contract year's row,
    year_start: Ints  # … first day,
    short_days: Ints  # … short days left unpaid,
    long_absence: Ints  # … and the start of its long absence (or NO_DAY)

    @classmethod
    def of_ledgers(cls, ledgers: Mapping[int, ChildIllnessLedger]) -> Counters:
        """The counters of ``ledgers`` (row → ledger) as arrays."""
        opened = [(row, *(map(day_number, book.open_run) if book.open_run else (NO_DAY, NO_DAY)))
                  for row, book in ledgers.items()]
        years = [(row, day_number(u.year_start), u.short_days,
                  day_number(u.long_absence) if u.long_absence else NO_DAY)
                 for row, book in ledgers.items() for u in book.years]
        return cls(*np.array(opened, np.int64).reshape(-1, 3).T, *np.array(years, np.int64).reshape(-1, 4).T)

    def of_rows(self, kept: Any) -> Counters:
        """Only the rows where ``kept`` (a mask of the batch) is true."""
        mine, years = kept[self.row], kept[self.year_row]
        return Counters(self.row[mine], self.open_start[mine], self.open_last[mine], self.year_row[years],
                        self.year_start[years], self.short_days[years], self.long_absence[years])

    def any(self) -> bool:
        """Whether some row has counters (a contract year or an absence open)."""
        return bool(len(self.row) or len(self.year_row))

    @classmethod
    def none(cls) -> Counters:
        return cls(*(np.zeros(0, np.int64) for _ in range(7)))

    def closed(self) -> Counters:
        """The same counters without the absence open at last month's end (a month without
        certified illness ends it)."""
        return attrs.evolve(self, open_start=np.full(len(self.row), NO_DAY), open_last=np.full(len(self.row), NO_DAY))


def carried_counters(array: pa.Array | None, hired: Ints, fast: Any, asks: Any,
                     bad: Any) -> tuple[Counters, dict[int, ChildIllnessLedger]]:
    """The counters carried by the rows of the vector route (``fast``) in the ``illness_ledger``
    column: as arrays for the rows whose counters the checks below settle, as
    :class:`ChildIllnessLedger` for the others and for the rows that ``asks`` art. 105 this
    month (read by ``from_mapping``, as :func:`~amcalc.bulk.engine.month_of_row`); marks
    ``bad`` the rows it refuses. ``hired``: each row's hiring day (``-NEVER`` when unknown)."""
    if array is None or array.null_count == len(array):
        return Counters.none(), {}
    given = ~null_mask(array) & fast
    if array.type == ILLNESS_LEDGER:
        counters, settled = _read(array, hired, given & ~asks)
    else:
        counters, settled = Counters.none(), np.zeros(len(given), bool)
    ledgers: dict[int, ChildIllnessLedger] = {}
    rows = np.flatnonzero(given & ~settled)
    for row, value in zip(rows.tolist(), array.take(pa.array(rows)).to_pylist(), strict=True):
        try:
            ledgers[row] = ChildIllnessLedger.from_mapping(value, day_or_none(hired[row]))
        except AmcalcError:
            bad[row] = True
    return counters, ledgers


_FIRST, _LAST = day_number(FIRST_DATE), day_number(LAST_DATE)  # the dates parse_date takes


def _read(array: pa.StructArray, hired: Ints, wanted: Any) -> tuple[Counters, Any]:
    """The counters of the rows ``wanted`` that pass ``from_mapping``'s checks, and which rows
    those are: a hiring day; each contract year given once, opening on the hiring day or an
    anniversary, with 0 to :data:`~amcalc.child_illness.SHORT_ABSENCE_DAYS` short days and its
    long absence inside it; the open absence's two days given together, from the hiring on."""
    open_start, start_given = _days(array.field("open_start"))
    open_last, last_given = _days(array.field("open_last"))
    ok = wanted & (hired != -NEVER) & (start_given == last_given)
    ok &= ~start_given | ((open_start >= np.maximum(hired, _FIRST)) & (open_start <= open_last) & (open_last <= _LAST))
    years = array.field("years")
    row = pc.list_parent_indices(years).to_numpy().astype(np.int64) if len(years) else np.zeros(0, np.int64)
    entries = pc.list_flatten(years)
    year_start, start_ok = _days(entries.field("year_start"))
    short = entries.field("short_days")
    short_days = np.asarray(short.fill_null(0).to_numpy(zero_copy_only=False), np.int64)
    long_absence, long_given = _days(entries.field("long_absence"))
    mine = hired[row]
    placed = start_ok & (year_start >= np.maximum(mine, _FIRST)) & (year_start <= _LAST) & (mine >= YEAR_STARTS_FROM)

    def year_of(day: Ints) -> Ints:  # the contract year holding ``day`` (its value read where placed only)
        return year_starts(np.where(placed, mine, day), np.maximum(day, year_start))

    inside = ~long_given | ((long_absence >= year_start) & (long_absence <= _LAST) & (year_of(long_absence) == year_start))
    right = (~null_mask(entries) & placed & (year_of(year_start) == year_start) & inside
             & (short_days >= 0) & (short_days <= SHORT_ABSENCE_DAYS))
    ok[row[~right]] = False
    ok[repeated_rows(row, year_start)] = False  # a contract year given twice
    rows = np.flatnonzero(ok)
    kept = ok[row]
    return Counters(rows, np.where(start_given, open_start, NO_DAY)[rows], np.where(last_given, open_last, NO_DAY)[rows],
                    row[kept], year_start[kept], short_days[kept],
                    np.where(long_given, long_absence, NO_DAY)[kept]), ok


def _days(array: pa.Array) -> tuple[Ints, Any]:
    """Day numbers of a date32 column and where they are given (not null)."""
    values = np.asarray(array.fill_null(0).cast(pa.int32()).to_numpy(zero_copy_only=False), np.int64)
    return values, ~null_mask(array)


def year_starts(hired: Ints, day: Ints) -> Ints:
    """:func:`~amcalc.child_illness.contract_year_start` on day numbers (``day`` ≥ ``hired``,
    from the year 5): the latest of the contract years' starts not after the day — the start
    of the year holding 31 December of the day's year, or of the year before."""
    year = day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    hiring_month = hired.astype("datetime64[D]").astype("datetime64[M]")
    month_day = ((hiring_month.astype(np.int64) % 12) * 31
                 + (hired - hiring_month.astype("datetime64[D]").astype(np.int64)))
    years = np.unique(np.concatenate([year, year - 1]))
    starts = _starts_of(tuple(years.tolist()))
    this = starts[np.searchsorted(years, year), month_day]
    before = starts[np.searchsorted(years, year - 1), month_day]
    return np.where(this <= day, this, before)


@lru_cache(maxsize=16)
def _starts_of(years: tuple[int, ...]) -> Ints:
    """The tables of :func:`_starts_in` of ``years``, one line a year (a batch's few years:
    stacked once, not at each call)."""
    table = np.stack([_starts_in(y) for y in years]) if years else np.zeros((0, 372), np.int64)
    table.flags.writeable = False
    return table


@lru_cache(maxsize=1 << 12)
def _starts_in(year: int) -> Ints:
    """For each hiring day of the year (month × 31 + day − 1), the first day of the contract
    year holding 31 December ``year`` (its anniversary that year: 28 February for a hiring on
    29 February of a common year)."""
    last = date(year, 12, 31)
    hirings, places = _hirings()
    starts = np.full(372, NO_DAY, np.int64)
    starts[places] = np.array([contract_year_start(h, last).toordinal() for h in hirings], np.int64) - _EPOCH_ORDINAL
    return starts


@cache
def _hirings() -> tuple[tuple[date, ...], Ints]:
    """The hiring days of :func:`_starts_in`'s table, in the year 4 (a leap year), and their
    places in it (month × 31 + day − 1)."""
    hirings = tuple(date(4, month, day) for month in range(1, 13) for day in range(1, _LEAP_MONTHS[month - 1] + 1))
    return hirings, np.array([(h.month - 1) * 31 + h.day - 1 for h in hirings])


_LEAP_MONTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_EPOCH_ORDINAL = EPOCH.toordinal()
YEAR_STARTS_FROM = day_number(date(5, 1, 1))
"""The first day :func:`year_starts` places (its table's hirings are in the year 4, a leap year)."""
