"""Durée du travail — the vector route's warnings of days over 13 h and weeks over 48 h
(CCN 3239 art. 96.1, 96.3), worded by the single-contract API's functions, and the weeks
worked carried to next month for the 4-month average."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import attrs
import numpy as np

from amcalc.bulk.arrays import EPOCH, Ints, day_number, distinct_values, in_order
from amcalc.bulk.month_facts import MonthFacts
from amcalc.bulk.rows import MAX_WEEK, Rows
from amcalc.duration import format_hours
from amcalc.explain import french_date
from amcalc.month import DAY_REST_WARNING, HISTORY_WEEKS, MonthLedger, average_week_warning, long_week_warning
from amcalc.month.working_time import MAX_AVERAGE_WEEK_SECONDS, four_month_window

__all__ = ["RowWarnings", "by_row_and_day", "in_row_and_day_order", "of_rows", "recent_weeks", "row_warnings"]


@attrs.frozen
class RowWarnings:
    """Warnings of a batch's rows as the ``warnings`` column stores them: the row of each
    (``rows``, in order) and its text in UTF-8 (``texts``, an array of bytes objects), a
    row's in its order. Texts are put together as bytes, one numpy operation for them all,
    and the column copies them without encoding each."""

    rows: Ints
    texts: Any

    @classmethod
    def none(cls) -> RowWarnings:
        """No warning."""
        return cls(np.zeros(0, np.int64), np.array([], object))

    @classmethod
    def of(cls, warnings: Mapping[int, Sequence[str]]) -> RowWarnings:
        """The warnings of a mapping row → its texts.

        >>> RowWarnings.of({4: ["b", "é"], 1: ["a"]})
        RowWarnings(rows=array([1, 4, 4]), texts=array([b'a', b'b', b'\\xc3\\xa9'], dtype=object))
        """
        rows = sorted(warnings)
        return cls(np.repeat(np.array(rows, np.int64), [len(warnings[i]) for i in rows]),
                   np.array([text.encode() for i in rows for text in warnings[i]], object))

    @classmethod
    def merged(cls, parts: Sequence[RowWarnings]) -> RowWarnings:
        """The warnings of ``parts`` by row, a row's in the order of the parts, then in their own.

        >>> RowWarnings.merged([RowWarnings.of({3: ["x"]}), RowWarnings.of({0: ["y"], 3: ["z"]})]).texts.tolist()
        [b'y', b'x', b'z']
        """
        given = [part for part in parts if len(part.rows)]
        if len(given) <= 1:
            return given[0] if given else cls.none()
        rows = np.concatenate([part.rows for part in given])
        order = np.argsort(rows, kind="stable")  # a row's texts keep the order they are given in
        return cls(rows[order], np.concatenate([part.texts for part in given])[order])


def row_warnings(rows: Rows, long_days: list[Ints], given: Ints, carried: Ints, recent: Ints,
                 fast: Any) -> RowWarnings:
    """The rows' warnings in the order of :func:`amcalc.month.month_pay`: weeks over 48 h,
    days over 13 h, then the 4-month average (art. 96.3, 96.1), worded by its functions.
    ``given``, ``carried``: (row, Monday, seconds) of the month's weeks and of the weeks
    carried from last month, ``recent`` those :func:`recent_weeks` keeps of them; the
    average can pass 48 h only in a row with a week over it (the usual week, unknown
    weeks' value, is at most 48 h on this route)."""
    days = _long_day_warnings(long_days, fast)
    long_weeks = np.compress(given[:, 2] > MAX_WEEK, given, axis=0)
    heavy = np.union1d(long_weeks[:, 0], carried[:, 0][carried[:, 2] > MAX_WEEK])
    if not len(heavy):
        return days
    long_weeks = in_row_and_day_order(long_weeks)
    weeks = RowWarnings(long_weeks[:, 0], np.array([_long_week_text(monday, seconds)
                                                    for monday, seconds in long_weeks[:, 1:].tolist()], object))
    return RowWarnings.merged([weeks, days, _average_warnings(rows, given, carried, recent, heavy)])


@lru_cache(maxsize=1 << 12)
def _long_week_text(monday: int, seconds: int) -> bytes:
    """:func:`~amcalc.month.long_week_warning` of a week (its Monday a day number), in UTF-8."""
    return long_week_warning(EPOCH + timedelta(days=monday), seconds).encode()


def _average_warnings(rows: Rows, given: Ints, carried: Ints, recent: Ints, heavy: Ints) -> RowWarnings:
    """The warning of :func:`amcalc.month.average_week_warning` of the ``heavy`` rows (sorted)
    whose civil weeks of the last 4 months average more than 48 h (art. 96.3). On arrays,
    each row's sum over its window (the Mondays of ``four_month_window``) of the hours
    carried or given (``recent``: :func:`recent_weeks`, as :func:`~amcalc.month.weekly_history`
    keeps them), else of the usual week; the few rows over 48 h worded by that function."""
    mine = np.zeros(len(rows.first), bool)
    mine[heavy] = True
    known = of_rows(recent, mine)
    first, last, size = np.take(_windows(tuple(rows.facts)), np.take(rows.group, heavy), axis=0).T
    usual = rows.weekly[heavy]
    at = np.searchsorted(heavy, known[:, 0])
    # the known weeks are Mondays, and the window has every Monday from its first to its last
    inside = (known[:, 1] >= first[at]) & (known[:, 1] <= last[at])
    total = usual * size  # the window's weeks at the usual week, then those known instead
    np.add.at(total, at[inside], known[inside, 2] - usual[at[inside]])
    over = heavy[total > MAX_AVERAGE_WEEK_SECONDS * size]
    if not len(over):
        return RowWarnings.none()
    given_weeks, carried_weeks = _weeks_by_row(given, over), _weeks_by_row(carried, over)
    warnings: dict[int, list[str]] = {}
    for row in over.tolist():
        last_day = EPOCH + timedelta(days=int(rows.first[row] + rows.length[row] - 1))
        # one weekday schedule: the contract's average week (annual hours / weeks) is its week
        average = average_week_warning(given_weeks.get(row, []), last_day, int(rows.weekly[row]), None,
                                       MonthLedger(None, tuple(carried_weeks.get(row, []))))
        if average:
            warnings[row] = [average]
    return RowWarnings.of(warnings)


@lru_cache(maxsize=64)
def _last_days(facts: tuple[MonthFacts, ...]) -> Ints:
    """The last day (day number) of each month (group) of a batch, once per set of months (a
    row's month is its group's: ``rows.first + rows.length - 1`` at ``rows.group``)."""
    table = np.array([month.first + month.length - 1 for month in facts], np.int64)
    table.flags.writeable = False
    return table


@lru_cache(maxsize=64)
def _windows(facts: tuple[MonthFacts, ...]) -> Ints:
    """:func:`_window` of the last day of each month (group) of a batch, a line a group."""
    table = np.array([_window(day) for day in _last_days(facts).tolist()], np.int64)
    table.flags.writeable = False
    return table


@lru_cache(maxsize=1 << 12)
def _window(last: int) -> tuple[int, int, int]:
    """The first and last Mondays (day numbers) of the 4 months up to the day number ``last``
    and their count (art. 96.3): ``four_month_window``'s Mondays, which follow each other."""
    mondays = four_month_window(EPOCH + timedelta(days=last))
    return day_number(mondays[-1]), day_number(mondays[0]), len(mondays)


def _weeks_by_row(weeks: Ints, rows: Ints) -> dict[int, list[tuple[date, int]]]:
    """Row → (Monday, seconds) by Monday, of the (row, Monday, seconds) ``weeks`` of ``rows``,
    in one pass."""
    mine = np.compress(np.isin(weeks[:, 0], rows), weeks, axis=0)
    grouped: dict[int, list[tuple[date, int]]] = {}
    for row, day, seconds in np.take(mine, by_row_and_day(mine), axis=0).tolist():
        grouped.setdefault(row, []).append((EPOCH + timedelta(days=day), seconds))
    return grouped


def recent_weeks(rows: Rows, given: Ints, carried: Ints) -> Ints:
    """(row, Monday, seconds) of the weeks to carry to next month, by row and Monday: those
    carried and those given this month (which win for the same Monday), of the last 18 weeks
    (:attr:`amcalc.month.MonthLedger.weekly_hours`, as ``month_pay`` keeps them)."""
    weeks = _one_a_week(given, carried)
    last = np.take(_last_days(tuple(rows.facts)), np.take(rows.group, weeks[:, 0]))
    return np.compress(weeks[:, 1] > last - 7 * HISTORY_WEEKS, weeks, axis=0)


def _one_a_week(given: Ints, carried: Ints) -> Ints:
    """The (row, Monday, seconds) of ``carried`` and ``given`` by row and Monday, one a
    (row, Monday): the given one where both have it. Nothing carried (a file's first month)
    and the weeks given one after another without repeat (as the paths by day give them):
    those weeks as they are, not merged."""
    if not len(carried):
        key = _row_day_key(given, None) if len(given) else given[:, 0]
        if key is not None and in_order(key, strictly=True):
            return given
    weeks = np.concatenate([carried, given])
    weeks = in_row_and_day_order(weeks, np.repeat([0, 1], [len(carried), len(given)]))
    last_of_week = np.ones(len(weeks), bool)  # the last entry of each (row, Monday): this month's
    last_of_week[:-1] = (weeks[1:, 0] != weeks[:-1, 0]) | (weeks[1:, 1] != weeks[:-1, 1])
    return np.compress(last_of_week, weeks, axis=0)


def of_rows(triples: Ints, kept: Any) -> Ints:
    """The (row, day, …) ``triples`` of the rows ``kept`` (a mask of the batch), in their order.

    >>> of_rows(np.array([[0, 7, 10], [2, 7, 20], [1, 14, 30]]), np.array([True, False, True])).tolist()
    [[0, 7, 10], [2, 7, 20]]
    """
    return np.compress(np.take(kept, triples[:, 0]), triples, axis=0)


def by_row_and_day(triples: Ints, then: Ints | None = None) -> Ints:
    """The stable order of (row, day, …) ``triples`` by row, day, then ``then`` (0 or 1): one
    int64 key sorted, some 30 times cheaper than ``np.lexsort`` on the columns. (The triples
    are put in that order by ``np.take(triples, order, axis=0)``, and kept where a mask is true
    by ``np.compress``: 4 times cheaper than indexing a 2-D array, ``triples[order]``.)"""
    if not len(triples):
        return np.zeros(0, np.int64)
    key = _row_day_key(triples, then)
    if key is None:  # too many rows and days for one int64 key
        rows, days = triples[:, 0], triples[:, 1]
        return np.lexsort((days, rows) if then is None else (then, days, rows))
    return np.argsort(key, kind="stable")


def in_row_and_day_order(triples: Ints, then: Ints | None = None) -> Ints:
    """The (row, day, …) ``triples`` in the order of :func:`by_row_and_day`: themselves when
    they come in it (the paths by day give a row's days and weeks one after another), else
    taken in it.

    >>> in_row_and_day_order(np.array([[1, 7, 10], [0, 14, 20], [0, 7, 30]])).tolist()
    [[0, 7, 30], [0, 14, 20], [1, 7, 10]]
    """
    if not len(triples):
        return triples
    key = _row_day_key(triples, then)
    if key is not None and in_order(key):
        return triples
    order = by_row_and_day(triples, then) if key is None else np.argsort(key, kind="stable")
    return np.take(triples, order, axis=0)


def _row_day_key(triples: Ints, then: Ints | None) -> Ints | None:
    """One int64 key of each (row, day, …) triple (and ``then``) in that order; None when the
    rows and days span too much for one."""
    rows, days = triples[:, 0], triples[:, 1]
    low = int(days.min())
    span = (int(days.max()) - low + 1) * (1 if then is None else 2)
    if (int(rows.max()) + 1) * span >= 1 << 63:
        return None
    key = rows * span + (days - low) * (1 if then is None else 2)
    return key if then is None else key + then


def _long_day_warnings(long_days: list[Ints], fast: Any) -> RowWarnings:
    """The art. 96.1 warnings, by row and day, from (row, day, seconds) triples: the words of
    :data:`amcalc.month.DAY_REST_WARNING`, each day and duration put in French once."""
    if not long_days:
        return RowWarnings.none()
    triples = np.concatenate(long_days)
    triples = of_rows(triples, fast)
    triples = in_row_and_day_order(triples)
    days, day_at = distinct_values(triples[:, 1])
    hours, hours_at = distinct_values(triples[:, 2])
    return RowWarnings(triples[:, 0], np.array([_day_text(day) for day in days.tolist()], object)[day_at]
                       + np.array([_hours_text(seconds) for seconds in hours.tolist()], object)[hours_at])


# DAY_REST_WARNING cut at its hours: the day's part, then the hours and the words after them
_DAY_PART, _REST_PART = DAY_REST_WARNING.split("{hours}")


@lru_cache(maxsize=1 << 12)
def _day_text(day: int) -> bytes:
    """The words of :data:`~amcalc.month.DAY_REST_WARNING` up to the hours, for a day number, in UTF-8."""
    return _DAY_PART.format(day=french_date(EPOCH + timedelta(days=day))).encode()


@lru_cache(maxsize=1 << 12)
def _hours_text(seconds: int) -> bytes:
    """The words of :data:`~amcalc.month.DAY_REST_WARNING` from the hours on, for a day's care, in UTF-8."""
    return (format_hours(seconds) + _REST_PART.format()).encode()
