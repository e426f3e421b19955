"""Faits du mois — what the calendar and the law say of a (month, territory), once for
all its rows: weekday counts, the weekday of each day, public holidays, contribution
lines, entretien minimums and the least hourly rate in force (CCN 3239 art. 107)."""

from __future__ import annotations

import calendar as _stdlib_calendar
import threading
from bisect import bisect_right
from datetime import date, timedelta
from fractions import Fraction
from functools import cache, lru_cache
from math import ceil
from typing import Any

import attrs
import numpy as np

from amcalc import parameters
from amcalc.bulk.arrays import EPOCH, NEVER, Ints, day_number, distinct_values, is_in
from amcalc.calendar import Territory, public_holidays
from amcalc.errors import ParameterUnavailable
from amcalc.maintenance import MaintenanceRates
from amcalc.minimum_rate import minimum_rate
from amcalc.money import RATE_SCALE
from amcalc.net_salary import ContributionKernel, contribution_kernel

__all__ = ["TERRITORIES", "MonthFacts", "are_holidays", "floor_bound", "floor_on", "holiday_numbers", "month_facts"]


TERRITORIES = list(Territory)


@attrs.frozen(eq=False)
class MonthFacts:
    """The facts of a (month, territory), as day numbers and numpy tables; ``usable`` is false
    when a parameter is missing or changes within the month (its rows: the scalar route).
    One object per (month, territory) (:func:`month_facts` is cached): equal and hashed by
    identity, so a batch's months key the tables stacked from them."""

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


_FACTS_LOCK = threading.Lock()


def month_facts(key: int, territory_index: int) -> MonthFacts:
    """The facts of the month ``key`` (year × 12 + month − 1) in a territory, computed by one
    thread at a time: two threads starting a payroll together would each compute the same
    months (Python work, under the GIL: twice the time, not half)."""
    with _FACTS_LOCK:
        return _month_facts(key, territory_index)


_DAY_NUMBERS = np.arange(31)


@lru_cache(maxsize=4096)
def _month_facts(key: int, territory_index: int) -> MonthFacts:
    year, month = divmod(key, 12)
    month += 1
    territory = TERRITORIES[territory_index]
    length = _stdlib_calendar.monthrange(year, month)[1]
    first = date(year, month, 1)
    in_month, weekday, counts = _month_shape(first.weekday(), length)
    first_day = day_number(first)
    holiday, work_counts = _NO_HOLIDAY, counts
    days_off = _holidays_by_month(year, territory_index).get(month)
    if days_off:
        holiday = np.zeros(31, bool)
        holiday[list(days_off)] = True
        work_counts = counts.copy()
        for day in days_off:
            work_counts[weekday[day]] -= 1
    try:
        table = contribution_kernel(first, territory)
        changes, rates, least = _month_terms(key)
    except ParameterUnavailable:
        empty = np.zeros((8, 2), np.int64)
        return MonthFacts(False, first_day, length, counts, work_counts, weekday, in_month,
                           holiday, empty, empty[:2], 0, 0, (1, 0, 0, 0), np.full(2, NEVER))
    return MonthFacts(
        not changes, first_day, length, counts, work_counts, weekday, in_month, holiday,
        *_kernel_tables(table), table.reduction_rate, table.ceiling_cents,
        (rates.scale, rates.agreed, rates.prorated, rates.floor), least,
    )


@lru_cache(maxsize=256)
def _kernel_tables(kernel: ContributionKernel) -> tuple[Any, Any]:
    """A kernel's contribution lines padded to 8 and its legal old-age lines, as tables
    (read-only: shared by the months it is in force)."""
    padding = ((0, 1),) * (8 - len(kernel.lines))  # rate 0: withholds nothing
    tables = np.array(kernel.lines + padding, np.int64), np.array(kernel.legal_old_age, np.int64)
    for table in tables:
        table.flags.writeable = False
    return tables


_NO_HOLIDAY = np.zeros(31, bool)
_NO_HOLIDAY.flags.writeable = False


@lru_cache(maxsize=256)
def _holidays_by_month(year: int, territory_index: int) -> dict[int, tuple[int, ...]]:
    """The public holidays of ``year`` in a territory: month → the days (from 0) that are."""
    days: dict[int, tuple[int, ...]] = {}
    for day in public_holidays(year, TERRITORIES[territory_index]):
        days[day.month] = (*days.get(day.month, ()), day.day - 1)
    return days


@cache
def _month_shape(first_weekday: int, length: int) -> tuple[Any, Any, Any]:
    """The days of a month of ``length`` days starting on ``first_weekday`` (read-only, shared
    by the months of that shape): whether each of 31 is in it, its weekday (0 past its end),
    and how many days of each weekday it has."""
    in_month = _DAY_NUMBERS < length
    weekday = np.where(in_month, (first_weekday + _DAY_NUMBERS) % 7, 0)
    counts = np.bincount(weekday[in_month], minlength=7).astype(np.int64)
    for table in (in_month, weekday, counts):
        table.flags.writeable = False
    return in_month, weekday, counts


@lru_cache(maxsize=4096)
def _month_terms(key: int) -> tuple[bool, MaintenanceRates, Any]:
    """The month's terms that no territory changes (asked once for all territories):
    whether the maintenance parameters change within it, their terms on its first day,
    and the least rates (:attr:`MonthFacts.min_rate`)."""
    year, month = divmod(key, 12)
    first = date(year, month + 1, 1)
    last = date(year, month + 1, _stdlib_calendar.monthrange(year, month + 1)[1])
    changes = any(parameters.get(n).changes_in(first, last) for n in
                  ("minimum_garanti", "maintenance_minimum_share", "maintenance_daily_floor"))
    least = [max(_floor_at(first, am_ge), _floor_at(last, am_ge)) for am_ge in (False, True)]
    return changes, MaintenanceRates.at(first), np.array(least, np.int64)


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
        starts.append(day_number(day))
    return np.array(starts, np.int64), np.array(floors, np.int64)


def _floor_at(day: date, am_ge: bool) -> int:
    """:func:`_least_rate` on ``day``, from the table of its changes (the rate asked only
    on the days the parameters change); NEVER before the first."""
    starts, floors = _start_floor(am_ge)
    index = bisect_right(starts, day_number(day)) - 1  # a few dates: 5 × faster than np.searchsorted
    return int(floors[index]) if index >= 0 else NEVER


def floor_bound(first_day: int, last_day: int) -> int:
    """A rate not below any hiring floor (:func:`floor_on`, either ``am_ge``) of the days from
    ``first_day`` to ``last_day``: the highest in force in between; NEVER when a day precedes
    the first floor known."""
    bound = 0
    for am_ge in (False, True):
        starts, floors = _start_floor(am_ge)
        if not len(starts) or first_day < starts[0]:
            return NEVER
        bound = max(bound, int(floors[:np.searchsorted(starts, last_day, side="right")].max()))
    return bound


def floor_on(days: Ints, am_ge: Any) -> Ints:
    """The hiring floor of each row, looked up once per distinct (day, am_ge)."""
    keys, which = distinct_values(days * 2 + am_ge.view(np.int8))
    flag, day = (keys & 1).astype(bool), keys >> 1
    table = np.empty(len(keys), np.int64)
    for am in (False, True):
        starts, floors = _start_floor(am)
        index = np.searchsorted(starts, day[flag == am], side="right") - 1
        table[flag == am] = np.where(index >= 0, floors[np.maximum(index, 0)], NEVER)
    return table[which]


@lru_cache(maxsize=256)
def holiday_numbers(year: int, territory_index: int) -> Any:
    """The public holidays of ``year`` in a territory, as day numbers (sorted)."""
    return np.array(sorted(day_number(d) for d in public_holidays(year, TERRITORIES[territory_index])), np.int64)


def are_holidays(days: Ints, territory: Ints) -> Any:
    """Whether each day (a day number) is a public holiday of its row's territory (days of
    any month: those of a week that straddles two months): one search among the holidays
    of the years the days span, keyed by territory.

    >>> are_holidays(np.array([[day_number(date(2025, 12, 26)), day_number(date(2026, 1, 1))]]),
    ...              np.array([[TERRITORIES.index(Territory.ALSACE), TERRITORIES.index(Territory.METROPOLE)]])).tolist()
    [[True, True]]
    """
    if not days.size:
        return np.zeros(days.shape, bool)
    first, last = (EPOCH + timedelta(days=int(day)) for day in (days.min(), days.max()))
    return is_in(days * len(TERRITORIES) + territory, _holiday_keys(first.year, last.year))


@lru_cache(maxsize=64)
def _holiday_keys(first_year: int, last_year: int) -> Ints:
    """The public holidays of the years ``first_year`` to ``last_year`` in every territory,
    as day number × territories + territory index, sorted."""
    kinds = len(TERRITORIES)
    return np.sort(np.concatenate([holiday_numbers(year, k) * kinds + k
                                   for year in range(first_year, last_year + 1) for k in range(kinds)]))
