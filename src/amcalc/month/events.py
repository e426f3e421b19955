"""Les événements du mois — what happened in the month as the caller gives it: the absences
and their causes (CCN 3239 art. 47, 105, 111), the weekly totals actually worked (art. 96.4,
110), the rhythm each civil week follows (art. 97, 109.2), the option for a month the
contract starts or ends (rules.md §4.2), and what a month hands to the next
(:class:`MonthLedger`: art. 105 counters, art. 96.3 weekly hours)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

import attrs

from amcalc.absences import AbsenceCause
from amcalc.child_illness import ChildIllnessLedger
from amcalc.duration import SECONDS_PER_HOUR, parse_hours
from amcalc.errors import InvalidInput
from amcalc.explain import french_date
from amcalc.inputs import parse_date, parse_tables
from amcalc.serialization import Serializable
from amcalc.serialization.events import AbsenceForm

__all__ = ["Absence", "MonthLedger", "PartialMonth", "events_from_tables", "recent_weeks_of", "rhythm_weeks_of"]


class PartialMonth(StrEnum):
    """Pay of a month in which the contract starts or ends (rules.md §4.2 [U]).

    ``PRORATA`` (default, practice): the art. 111 formula, the days before the
    hiring or after the end counting as units not worked. ``ACTUAL_HOURS``:
    hourly rate × the hours planned within the contract's days of the month.
    """

    PRORATA = "prorata"
    ACTUAL_HOURS = "actual_hours"


@attrs.frozen(kw_only=True)
class Absence(AbsenceForm):
    """A scheduled day (or part of it, ``seconds``) not worked, and why."""

    day: date
    cause: AbsenceCause
    seconds: int | None = None

    @classmethod
    def of(cls, day: object, cause: object, hours: object | None = None) -> Absence:
        """From scenario values: ``Absence.of(date(2025, 1, 16), "unpaid_leave", "3")``."""
        day = parse_date(day, "absences.date")
        choices = [c.value for c in AbsenceCause]
        if cause not in choices:
            raise InvalidInput("absences.cause", f"{cause!r} inconnu : {', '.join(choices)}.")
        seconds = None if hours is None else parse_hours(hours, "absences.hours")
        if seconds == 0:
            raise InvalidInput("absences.hours", "une absence de 0 heure n'en est pas une.")
        return cls(day=day, cause=AbsenceCause(str(cause)), seconds=seconds)


def events_from_tables(
    absences: Iterable[Mapping[str, Any]], worked_hours: Iterable[Mapping[str, Any]],
) -> tuple[list[Absence], dict[date, object]]:
    """Absences ``{date, hours?, cause}`` and weekly totals ``{week, hours}`` written as
    tables (scenario files, columnar rows), ready for :func:`month_pay`."""
    parsed = []
    for i, a in enumerate(absences):
        if set(a) - {"date", "hours", "cause"}:
            raise InvalidInput(f"absences[{i}]", "clés attendues : date, hours, cause.")
        parsed.append(Absence.of(a.get("date"), a.get("cause"), a.get("hours")))
    weeks: dict[date, object] = {}
    for i, w in enumerate(worked_hours):
        if set(w) != {"week", "hours"}:
            raise InvalidInput(f"worked_hours[{i}]", "clés attendues : week, hours.")
        if w["week"] in weeks:
            raise InvalidInput(f"worked_hours[{i}]", f"deux totaux pour la semaine du {w['week']}.")
        weeks[w["week"]] = w["hours"]
    return parsed, weeks


@attrs.frozen
class MonthLedger(Serializable):
    """What a month hands to the next: the art. 105 counters and recent weekly hours
    (Monday, seconds actually worked) for the 48-hour average (art. 96.3)."""

    child_illness: ChildIllnessLedger | None = None
    weekly_hours: tuple[tuple[date, int], ...] = ()


def recent_weeks_of(entries: Iterable[object], field: str = "recent_weeks") -> tuple[tuple[date, int], ...]:
    """Semaines récentes — the hours actually worked in the civil weeks of the last
    months, ``[{"week": Monday, "seconds": n}, …]``, as :attr:`MonthLedger.weekly_hours`
    keeps them for the 4-month average (CCN 3239 art. 96.3).

    >>> recent_weeks_of([{"week": date(2025, 3, 10), "seconds": 180000}])
    ((datetime.date(2025, 3, 10), 180000),)
    """
    weeks: dict[date, int] = {}
    for i, entry in enumerate(entries):
        where = f"{field}[{i}]"
        if not isinstance(entry, Mapping) or set(entry) != {"week", "seconds"}:
            raise InvalidInput(where, "clés attendues : week (un lundi), seconds (les secondes travaillées).")
        monday, seconds = entry["week"], entry["seconds"]
        if not isinstance(monday, date) or monday.weekday() != 0:
            raise InvalidInput(f"{where}.week", f"un lundi est attendu, pas {monday!r}.")
        if isinstance(seconds, bool) or not isinstance(seconds, int) or not 0 <= seconds <= 7 * 24 * SECONDS_PER_HOUR:
            raise InvalidInput(f"{where}.seconds", f"de 0 à {7 * 24 * SECONDS_PER_HOUR} secondes dans une "
                                                   f"semaine, pas {seconds!r}.")
        if monday in weeks:
            raise InvalidInput(f"{where}.week", f"deux totaux pour la semaine du {french_date(monday)}.")
        weeks[monday] = seconds
    return tuple(sorted(weeks.items()))


def rhythm_weeks_of(inputs: Mapping[str, Any]) -> dict[date, int] | None:
    """``rhythm_weeks = [{ week = 2025-09-01, rhythm = 0 }, …]``: the index in ``patterns``
    of the rhythm each civil week follows (CCN 3239 art. 97, 109.2), as :func:`~amcalc.month.walk_month`
    takes it; ``None`` when not given."""
    if "rhythm_weeks" not in inputs:
        return None
    weeks: dict[date, int] = {}
    for i, entry in enumerate(parse_tables(inputs, "rhythm_weeks")):
        if set(entry) != {"week", "rhythm"}:
            raise InvalidInput(f"rhythm_weeks[{i}]", "clés attendues : week (un lundi), rhythm (0, 1…).")
        weeks[entry["week"]] = entry["rhythm"]
    return weeks
