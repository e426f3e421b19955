"""Durée du travail — the vector route's warnings of days over 13 h and weeks over 48 h
(CCN 3239 art. 96.1, 96.3), worded by the single-contract API's functions, and the weeks
worked carried to next month for the 4-month average."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import numpy as np

from amcalc.bulk.arrays import EPOCH
from amcalc.bulk.rows import MAX_WEEK, Rows
from amcalc.bulk.schema import Ints
from amcalc.duration import format_hours
from amcalc.explain import french_date
from amcalc.month import DAY_REST_WARNING, HISTORY_WEEKS, MonthLedger, average_week_warning, long_week_warning

__all__ = ["recent_weeks", "row_warnings"]


@lru_cache(maxsize=1 << 16)
def _day_rest_text(day: int, seconds: int) -> str:
    """:data:`~amcalc.month.DAY_REST_WARNING` for a day number and its seconds of care."""
    return DAY_REST_WARNING.format(day=_french_day(day), hours=_hours_text(seconds))


@lru_cache(maxsize=1 << 12)
def _french_day(day: int) -> str:
    return french_date(EPOCH + timedelta(days=day))


@lru_cache(maxsize=1 << 16)
def _hours_text(seconds: int) -> str:
    return format_hours(seconds)


def row_warnings(rows: Rows, long_days: list[Ints], given: Ints, carried: Ints,
                  fast: Any) -> dict[int, list[str]]:
    """Row → its warnings in the order of :func:`amcalc.month.month_pay`: weeks over 48 h,
    days over 13 h, then the 4-month average (art. 96.3, 96.1), worded by its functions.
    ``given``, ``carried``: (row, Monday, seconds) of the month's weeks and of the weeks
    carried from last month; the average can pass 48 h only in a row with a week over it
    (the usual week, unknown weeks' value, is at most 48 h on this route)."""
    warnings = _long_day_warnings(long_days, fast)
    heavy = np.union1d(given[given[:, 2] > MAX_WEEK, 0], carried[carried[:, 2] > MAX_WEEK, 0])
    if not len(heavy):
        return warnings
    given_weeks, carried_weeks = _weeks_by_row(given, heavy), _weeks_by_row(carried, heavy)
    for row in heavy.tolist():
        weeks = given_weeks.get(row, [])
        last = EPOCH + timedelta(days=int(rows.first[row] + rows.length[row] - 1))
        # one weekday schedule: the contract's average week (annual hours / weeks) is its week
        average = average_week_warning(weeks, last, int(rows.schedule[row].sum()), None,
                                       MonthLedger(None, tuple(carried_weeks.get(row, []))))
        warnings[row] = ([long_week_warning(monday, s) for monday, s in weeks if s > MAX_WEEK]
                         + warnings.get(row, []) + ([average] if average else []))
    return warnings


def _weeks_by_row(weeks: Ints, rows: Ints) -> dict[int, list[tuple[date, int]]]:
    """Row → (Monday, seconds) by Monday, of the (row, Monday, seconds) ``weeks`` of ``rows``,
    in one pass."""
    mine = weeks[np.isin(weeks[:, 0], rows)]
    grouped: dict[int, list[tuple[date, int]]] = {}
    for row, day, seconds in mine[np.lexsort((mine[:, 1], mine[:, 0]))].tolist():
        grouped.setdefault(row, []).append((EPOCH + timedelta(days=day), seconds))
    return grouped


def recent_weeks(rows: Rows, given: Ints, carried: Ints) -> Ints:
    """(row, Monday, seconds) of the weeks to carry to next month, by row and Monday: those
    carried and those given this month (which win for the same Monday), of the last 18 weeks
    (:attr:`amcalc.month.MonthLedger.weekly_hours`, as ``month_pay`` keeps them)."""
    weeks = np.concatenate([carried, given])
    source = np.repeat([0, 1], [len(carried), len(given)])
    order = np.lexsort((source, weeks[:, 1], weeks[:, 0]))
    weeks = weeks[order]
    last_of_week = np.ones(len(weeks), bool)  # the last entry of each (row, Monday): this month's
    last_of_week[:-1] = (weeks[1:, 0] != weeks[:-1, 0]) | (weeks[1:, 1] != weeks[:-1, 1])
    weeks = weeks[last_of_week]
    last = rows.first[weeks[:, 0]] + rows.length[weeks[:, 0]] - 1
    return weeks[weeks[:, 1] > last - 7 * HISTORY_WEEKS]


def _long_day_warnings(long_days: list[Ints], fast: Any) -> dict[int, list[str]]:
    """Row → its art. 96.1 warnings in day order, from (row, day, seconds) triples, in the
    words of :func:`amcalc.month.day_rest_warning` (each day and duration put in French once)."""
    if not long_days:
        return {}
    triples = np.concatenate(long_days)
    triples = triples[fast[triples[:, 0]]]
    triples = triples[np.lexsort((triples[:, 1], triples[:, 0]))]
    rows, days, seconds = triples.T.tolist()
    texts = [_day_rest_text(d, s) for d, s in zip(days, seconds, strict=True)]
    bounds = [*np.flatnonzero(np.diff(triples[:, 0], prepend=-1)).tolist(), len(texts)]
    return {rows[a]: texts[a:b] for a, b in zip(bounds, bounds[1:], strict=False)}
