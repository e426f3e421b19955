"""Durée du travail — the vector route's warnings of days over 13 h and weeks over 48 h
(CCN 3239 art. 96.1, 96.3), worded by the single-contract API's functions, and the weeks
worked carried to next month for the 4-month average."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import numpy as np

from amcalc.bulk.arrays import EPOCH, Ints, day_number
from amcalc.bulk.rows import MAX_WEEK, Rows
from amcalc.duration import format_hours
from amcalc.explain import french_date
from amcalc.month import DAY_REST_WARNING, HISTORY_WEEKS, MonthLedger, average_week_warning, long_week_warning
from amcalc.month.working_time import MAX_AVERAGE_WEEK_SECONDS, four_month_window

__all__ = ["by_row_and_day", "recent_weeks", "row_warnings"]


# DAY_REST_WARNING cut at its hours: the day's part, then the hours and the words after them
_DAY_PART, _REST_PART = DAY_REST_WARNING.split("{hours}")


@lru_cache(maxsize=1 << 12)
def _day_text(day: int) -> str:
    """The words of :data:`~amcalc.month.DAY_REST_WARNING` up to the hours, for a day number."""
    return _DAY_PART.format(day=french_date(EPOCH + timedelta(days=day)))


@lru_cache(maxsize=1 << 12)
def _hours_text(seconds: int) -> str:
    """The words of :data:`~amcalc.month.DAY_REST_WARNING` from the hours on, for a day's care."""
    return format_hours(seconds) + _REST_PART.format()


def row_warnings(rows: Rows, long_days: list[Ints], given: Ints, carried: Ints,
                  fast: Any) -> dict[int, list[str]]:
    """Row → its warnings in the order of :func:`amcalc.month.month_pay`: weeks over 48 h,
    days over 13 h, then the 4-month average (art. 96.3, 96.1), worded by its functions.
    ``given``, ``carried``: (row, Monday, seconds) of the month's weeks and of the weeks
    carried from last month; the average can pass 48 h only in a row with a week over it
    (the usual week, unknown weeks' value, is at most 48 h on this route)."""
    warnings = _long_day_warnings(long_days, fast)
    long_weeks = given[given[:, 2] > MAX_WEEK]
    heavy = np.union1d(long_weeks[:, 0], carried[carried[:, 2] > MAX_WEEK, 0])
    if not len(heavy):
        return warnings
    weeks_texts: dict[int, list[str]] = {}
    for row, monday, seconds in long_weeks[by_row_and_day(long_weeks)].tolist():
        weeks_texts.setdefault(row, []).append(long_week_warning(EPOCH + timedelta(days=monday), seconds))
    averages = _average_warnings(rows, given, carried, heavy)
    for row in heavy.tolist():
        warnings[row] = weeks_texts.get(row, []) + warnings.get(row, []) + averages.get(row, [])
    return warnings


def _average_warnings(rows: Rows, given: Ints, carried: Ints, heavy: Ints) -> dict[int, list[str]]:
    """Row → the warning of :func:`amcalc.month.average_week_warning`, for the ``heavy`` rows
    (sorted) whose civil weeks of the last 4 months average more than 48 h (art. 96.3). On
    arrays, each row's sum over its window (the Mondays of ``four_month_window``) of the
    hours carried or given (:func:`recent_weeks`, as :func:`~amcalc.month.weekly_history`
    keeps them), else of the usual week; the few rows over 48 h worded by that function."""
    mine = np.zeros(len(rows.first), bool)
    mine[heavy] = True
    given, carried = given[mine[given[:, 0]]], carried[mine[carried[:, 0]]]
    lasts, which = np.unique(rows.first[heavy] + rows.length[heavy] - 1, return_inverse=True)
    windows = [_window_days(last) for last in lasts.tolist()]
    mondays = np.full((len(windows), max(map(len, windows))), np.iinfo(np.int64).min)  # padding: no day
    for k, window in enumerate(windows):
        mondays[k, :len(window)] = window
    size = np.array([len(w) for w in windows], np.int64)[which]
    usual = rows.weekly[heavy]
    known = recent_weeks(rows, given, carried)
    at = np.searchsorted(heavy, known[:, 0])
    inside = (mondays[which[at]] == known[:, 1:2]).any(axis=1)
    total = usual * size  # the window's weeks at the usual week, then those known instead
    np.add.at(total, at[inside], known[inside, 2] - usual[at[inside]])
    over = heavy[total > MAX_AVERAGE_WEEK_SECONDS * size]
    given_weeks, carried_weeks = _weeks_by_row(given, over), _weeks_by_row(carried, over)
    warnings: dict[int, list[str]] = {}
    for row in over.tolist():
        last = EPOCH + timedelta(days=int(rows.first[row] + rows.length[row] - 1))
        # one weekday schedule: the contract's average week (annual hours / weeks) is its week
        average = average_week_warning(given_weeks.get(row, []), last, int(rows.weekly[row]), None,
                                       MonthLedger(None, tuple(carried_weeks.get(row, []))))
        if average:
            warnings[row] = [average]
    return warnings


@lru_cache(maxsize=1 << 12)
def _window_days(last: int) -> tuple[int, ...]:
    """The Mondays (day numbers) of the 4 months up to the day number ``last`` (art. 96.3)."""
    return tuple(day_number(monday) for monday in four_month_window(EPOCH + timedelta(days=last)))


def _weeks_by_row(weeks: Ints, rows: Ints) -> dict[int, list[tuple[date, int]]]:
    """Row → (Monday, seconds) by Monday, of the (row, Monday, seconds) ``weeks`` of ``rows``,
    in one pass."""
    mine = weeks[np.isin(weeks[:, 0], rows)]
    grouped: dict[int, list[tuple[date, int]]] = {}
    for row, day, seconds in mine[by_row_and_day(mine)].tolist():
        grouped.setdefault(row, []).append((EPOCH + timedelta(days=day), seconds))
    return grouped


def recent_weeks(rows: Rows, given: Ints, carried: Ints) -> Ints:
    """(row, Monday, seconds) of the weeks to carry to next month, by row and Monday: those
    carried and those given this month (which win for the same Monday), of the last 18 weeks
    (:attr:`amcalc.month.MonthLedger.weekly_hours`, as ``month_pay`` keeps them)."""
    weeks = np.concatenate([carried, given])
    weeks = weeks[by_row_and_day(weeks, np.repeat([0, 1], [len(carried), len(given)]))]
    last_of_week = np.ones(len(weeks), bool)  # the last entry of each (row, Monday): this month's
    last_of_week[:-1] = (weeks[1:, 0] != weeks[:-1, 0]) | (weeks[1:, 1] != weeks[:-1, 1])
    weeks = weeks[last_of_week]
    last = rows.first[weeks[:, 0]] + rows.length[weeks[:, 0]] - 1
    return weeks[weeks[:, 1] > last - 7 * HISTORY_WEEKS]


def by_row_and_day(triples: Ints, then: Ints | None = None) -> Ints:
    """The stable order of (row, day, …) ``triples`` by row, day, then ``then`` (0 or 1): one
    int64 key sorted, some 30 times cheaper than ``np.lexsort`` on the columns."""
    if not len(triples):
        return np.zeros(0, np.int64)
    rows, days = triples[:, 0], triples[:, 1]
    low = int(days.min())
    span = (int(days.max()) - low + 1) * (1 if then is None else 2)
    if (int(rows.max()) + 1) * span >= 1 << 63:  # too many rows and days for one int64 key
        return np.lexsort((days, rows) if then is None else (then, days, rows))
    key = rows * span + (days - low) * (1 if then is None else 2)
    return np.argsort(key if then is None else key + then, kind="stable")


def _long_day_warnings(long_days: list[Ints], fast: Any) -> dict[int, list[str]]:
    """Row → its art. 96.1 warnings in day order, from (row, day, seconds) triples, in the
    words of :data:`amcalc.month.DAY_REST_WARNING` (each day and duration put in French once)."""
    if not long_days:
        return {}
    triples = np.concatenate(long_days)
    triples = triples[fast[triples[:, 0]]]
    triples = triples[by_row_and_day(triples)]
    days, day_at = np.unique(triples[:, 1], return_inverse=True)
    hours, hours_at = np.unique(triples[:, 2], return_inverse=True)
    texts = (np.array([_day_text(d) for d in days.tolist()], object)[day_at]
             + np.array([_hours_text(s) for s in hours.tolist()], object)[hours_at]).tolist()
    rows = triples[:, 0].tolist()
    bounds = [*np.flatnonzero(np.diff(triples[:, 0], prepend=-1)).tolist(), len(texts)]
    return {rows[a]: texts[a:b] for a, b in zip(bounds, bounds[1:], strict=False)}
