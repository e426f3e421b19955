"""Calendrier — public holidays, jours ouvrables and a month's scheduled units.

Public holidays come from the ``holidays`` package — France's module alone,
not the ~280 country modules ``holidays.country_holidays`` imports on first
use —, one object per territory whose years are added as they are asked for,
each year's holidays cached; a month's plan for a weekday schedule is cached
per (territory, year, month, schedule), so a payroll run never asks for a
holiday day by day.

>>> from datetime import date
>>> sorted(public_holidays(2024, Territory.ALSACE))[1:3]
[datetime.date(2024, 3, 29), datetime.date(2024, 4, 1)]
>>> jours_ouvrables(date(2024, 4, 29), date(2024, 5, 11))
9
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from functools import cache, lru_cache, partial
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import cast

import attrs
import holidays

from amcalc.errors import InvalidInput
from amcalc.inputs import FIRST_DATE, LAST_DATE, parse_choice, parse_date, parse_whole

__all__ = [
    "WEEKDAYS",
    "MonthPlan",
    "PlannedDay",
    "Territory",
    "jours_ouvrables",
    "month_plan",
    "public_holidays",
]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday keys of the scenario format, Monday first (``date.weekday()`` order)."""


class Territory(StrEnum):
    """Where the AM works. Alsace and Moselle add Good Friday and 26 December
    (Code du travail L3134-13); whether that local law reaches an AM is an
    open question (rules.md §4.7), so it is an opt-in choice of territory."""

    METROPOLE = "metropole"
    ALSACE = "alsace"
    MOSELLE = "moselle"


_SUBDIVISION = {Territory.METROPOLE: None, Territory.ALSACE: "6AE", Territory.MOSELLE: "57"}


def public_holidays(year: int, territory: Territory = Territory.METROPOLE) -> Mapping[date, str]:
    """Public holidays of ``year`` (Code du travail L3133-1), French names, cached."""
    year = parse_whole(year, "year")
    if not FIRST_DATE.year <= year <= LAST_DATE.year:
        raise InvalidInput("year", f"l'année {year} est hors des dates calculées (de 1900 à 2199).")
    return _public_holidays(year, parse_choice(Territory, territory, "territory"))


@lru_cache(maxsize=256)
def _public_holidays(year: int, territory: Territory) -> Mapping[date, str]:
    with _EXPANDING:
        found = _holidays_of(territory)
        _ = date(year, 1, 1) in found  # a year asked for the first time: its holidays added
        # read by their year, not by their place in the object (a year's may have come with another's)
        return MappingProxyType(dict(sorted((day, name) for day, name in found.items() if day.year == year)))


_EXPANDING = threading.Lock()
"""One thread at a time adds a year to a territory's holidays."""


@cache
def _holidays_of(territory: Territory) -> holidays.HolidayBase:
    """The territory's holidays, one object whose years are added as they are asked for
    (``expand``): the object's set-up (its translations) costs as much as a year's holidays."""
    return _france()(subdiv=_SUBDIVISION[territory], language="fr")


@cache
def _france() -> Callable[..., holidays.HolidayBase]:
    """France's class of ``holidays``, its module run on its own: importing it by name
    first imports ``holidays.countries``, which imports every country (~80 ms), while
    France's module needs only the package's base modules (~5 ms). Should the package
    move it, the package's own way stands in."""
    package = Path(holidays.__file__).parent
    spec = importlib.util.spec_from_file_location("holidays_france", package / "countries" / "france.py")
    if spec is None or spec.loader is None or not Path(str(spec.origin)).is_file():
        return partial(holidays.country_holidays, "FR")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast("Callable[..., holidays.HolidayBase]", module.France)


def holiday_name(day: date, territory: Territory = Territory.METROPOLE) -> str | None:
    """The holiday's French name, or ``None`` on an ordinary day."""
    return public_holidays(day.year, territory).get(day)


def jours_ouvrables(
    first: date, last: date, territory: Territory = Territory.METROPOLE
) -> int:
    """Jours ouvrables from ``first`` to ``last`` inclusive: every day but Sunday
    (weekly rest) and public holidays (CCN 3239 art. 48.1.1.3); counted, not walked.

    >>> jours_ouvrables(date(2025, 5, 1), date(2025, 5, 31))  # 31 − 4 Sundays − 1, 8, 29 May
    24
    """
    first, last = parse_date(first, "first"), parse_date(last, "last")
    territory = parse_choice(Territory, territory, "territory")
    if last < first:
        return 0
    first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    sundays = (last - first_sunday).days // 7 + 1 if first_sunday <= last else 0
    holidays_off = sum(1 for year in range(first.year, last.year + 1)
                       for day in public_holidays(year, territory)
                       if first <= day <= last and day.weekday() != 6)
    return (last - first).days + 1 - sundays - holidays_off


@attrs.frozen
class PlannedDay:
    """A usual working day of the month, with its scheduled seconds."""

    day: date
    seconds: int
    holiday: str | None


@attrs.frozen
class MonthPlan:
    """The days of a month that the weekday schedule makes working days."""

    year: int
    month: int
    days: tuple[PlannedDay, ...]
    _by_number: tuple[PlannedDay | None, ...] = attrs.field(init=False, eq=False, repr=False)

    @_by_number.default
    def _number_days(self) -> tuple[PlannedDay | None, ...]:
        by_number: list[PlannedDay | None] = [None] * 32
        for planned in self.days:
            by_number[planned.day.day] = planned
        return tuple(by_number)

    @property
    def seconds(self) -> int:
        return sum(d.seconds for d in self.days)

    def get(self, day: date) -> PlannedDay | None:
        """The plan of ``day`` (``None``: not a usual working day of this month)."""
        planned = self._by_number[day.day]
        return planned if planned is not None and planned.day == day else None


@lru_cache(maxsize=65536)
def month_plan(
    year: int,
    month: int,
    weekday_seconds: tuple[int, ...],
    territory: Territory = Territory.METROPOLE,
) -> MonthPlan:
    """Usual working days of ``year-month`` for a schedule of seconds per weekday
    (Monday first), holidays included and flagged."""
    days = [planned for weekday in range(7) if weekday_seconds[weekday]
            for planned in _weekday_plan(year, month, weekday, weekday_seconds[weekday], territory)]
    days.sort(key=attrgetter("day"))
    return MonthPlan(year, month, tuple(days))


@lru_cache(maxsize=65536)
def _weekday_plan(year: int, month: int, weekday: int, seconds: int,
                  territory: Territory) -> tuple[PlannedDay, ...]:
    """The days of ``year-month`` falling on ``weekday`` (0: Monday) with their ``seconds``,
    holidays flagged: shared by the month plans of every schedule with that weekday."""
    holidays_of_year = public_holidays(year, territory)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    days = []
    while day.month == month:
        days.append(PlannedDay(day, seconds, holidays_of_year.get(day)))
        day += timedelta(weeks=1)
    return tuple(days)
