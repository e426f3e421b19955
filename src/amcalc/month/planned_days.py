"""Les jours prévus — the contract's days around the month as it planned them: each day of a
civil week touching the month on the weekday schedule of the week's rhythm (CCN 3239 art. 97,
109.2), its public holidays chômés on usual working days (art. 47), the weeks without care of
a contract of 46 weeks or less (art. 97.1), the days outside the contract and the absences
given; the plan of art. 111's denominator, and what the walk of the month starts from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache

import attrs

from amcalc.absences import AbsenceCause
from amcalc.calendar import MonthPlan, PlannedDay, Territory, month_plan
from amcalc.month.events import Absence

__all__ = ["NEIGHBOUR_SEARCH_DAYS", "CalendarDay", "MonthCalendar", "PlainWeek", "monday_of", "week_plan"]

NEIGHBOUR_SEARCH_DAYS = 14
"""How far, each way, the nearest working day of a public holiday is looked for (art. 47):
beyond two weeks without care the holiday is not next to an absence."""


@attrs.frozen
class CalendarDay:
    """One day of a civil week touching the month, as the contract planned it."""

    day: date
    scheduled: int  # the schedule's seconds that weekday (0: not a usual working day)
    holiday: str | None
    status: str  # work, off, outside, non_care, holiday, unknown (week of no given rhythm)
    absence: Absence | None = None

    @property
    def planned(self) -> int:
        """Seconds planned to be worked (absences and chômé days removed)."""
        if self.status != "work":
            return 0
        return self.scheduled - (self.absent_seconds if self.absence else 0)

    @property
    def absent_seconds(self) -> int:
        if self.absence is None:
            return 0
        return self.scheduled if self.absence.seconds is None else self.absence.seconds


class MonthCalendar:
    """The contract's days around the month, built from cached month plans: what
    :func:`month_pay` and the bulk engine's rows with art. 47 or art. 105 questions
    ask of a day (its status: work, off, outside, non_care, holiday, unknown)."""

    def __init__(self, start: date | None, end: date | None, territory: Territory,
                 schedules: Sequence[tuple[int, ...]], week_rhythm: Mapping[date, int],
                 non_care: frozenset[date], worked_holidays: frozenset[date],
                 absences: Mapping[date, Absence]) -> None:
        self.start, self.end, self.territory = start, end, territory
        self.schedules, self.week_rhythm = schedules, week_rhythm
        self.non_care, self.worked_holidays, self.absences = non_care, worked_holidays, absences
        self._plans: dict[tuple[int, int, int], MonthPlan] = {}
        self._weeks: dict[date, tuple[CalendarDay, ...]] = {}
        self._absence_weeks = {monday_of(d) for d in absences}

    def rhythm(self, day: date) -> int | None:
        """Index of the rhythm of ``day``'s civil week (``None``: not known, several rhythms)."""
        return 0 if len(self.schedules) == 1 else self.week_rhythm.get(monday_of(day))

    def planned_day(self, day: date) -> PlannedDay | None:
        index = self.rhythm(day)
        if index is None:
            return None
        key = (day.year, day.month, index)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = month_plan(day.year, day.month, self.schedules[index], self.territory)
        return plan.get(day)

    def day(self, day: date) -> CalendarDay:
        return self.week(day - timedelta(days=day.weekday()))[day.weekday()]

    def week(self, monday: date) -> tuple[CalendarDay, ...]:
        """The seven days of the civil week starting on ``monday``, with their absences."""
        known = self._weeks.get(monday)
        if known is None:
            known = self._weeks[monday] = self._week(monday)
        return known

    def plain_week(self, monday: date) -> PlainWeek:
        """What the days of the civil week starting on ``monday`` depend on, absences aside
        (the bounds and worked holidays only where they fall in the week: weeks are shared)."""
        index = self.rhythm(monday)
        start, end, holidays = self.start, self.end, self.worked_holidays
        sunday = monday + _SIX_DAYS
        return (monday, None if index is None else self.schedules[index], self.territory,
                start if start and start > monday else None, end if end and end < sunday else None,
                monday in self.non_care, frozenset(d for d in holidays if monday <= d <= sunday) if holidays else _NONE)

    def _week(self, monday: date) -> tuple[CalendarDay, ...]:
        days = week_plan(*self.plain_week(monday))
        if monday not in self._absence_weeks:
            return days
        return tuple(CalendarDay(d.day, d.scheduled, d.holiday, d.status, self.absences.get(d.day))
                     if d.status == "work" else d for d in days)

    def neighbour_worked(self, day: date, step: int) -> bool:
        """Whether the nearest scheduled working day before (-1) or after (+1) ``day``
        was not an unjustified absence (art. 47 condition); unknown days count as worked."""
        for distance in range(1, NEIGHBOUR_SEARCH_DAYS + 1):
            other = self.day(day + timedelta(days=step * distance))
            if other.status == "work":
                return not (other.absence and other.absence.cause is AbsenceCause.AM_UNJUSTIFIED)
            if other.status in ("outside", "unknown"):
                return True
        return True


def monday_of(day: date) -> date:
    """The Monday of ``day``'s civil week."""
    return day - timedelta(days=day.weekday())


_NONE: frozenset[date] = frozenset()

_SIX_DAYS = timedelta(days=6)

PlainWeek = tuple[date, tuple[int, ...] | None, Territory, date | None, date | None, bool, frozenset[date]]
"""What :func:`week_plan` builds a week from (:meth:`MonthCalendar.plain_week`)."""


@lru_cache(maxsize=4096)
def week_plan(monday: date, schedule: tuple[int, ...] | None, territory: Territory, start: date | None,
               end: date | None, non_care: bool, worked_holidays: frozenset[date]) -> tuple[CalendarDay, ...]:
    """The seven days of a civil week without their absences: each day's status on the weekday
    ``schedule`` (``None``: the week's rhythm is not known), the contract's ``start`` and ``end``,
    a week without care (``non_care``) and the holidays worked by agreement."""
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        planned = None if schedule is None else month_plan(day.year, day.month, schedule, territory).get(day)
        if planned is None:
            days.append(CalendarDay(day, 0, None, "off" if schedule is not None else "unknown"))
        elif (start and day < start) or (end and day > end):
            days.append(CalendarDay(day, planned.seconds, planned.holiday, "outside"))
        elif non_care:
            days.append(CalendarDay(day, planned.seconds, planned.holiday, "non_care"))
        elif planned.holiday and day not in worked_holidays:
            days.append(CalendarDay(day, planned.seconds, planned.holiday, "holiday"))
        else:
            days.append(CalendarDay(day, planned.seconds, planned.holiday, "work"))
    return tuple(days)
