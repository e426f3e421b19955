"""La semaine de l'assistant maternel — her usual week across all her contracts (CASF L421-4,
L423-21, L423-22; CCN 3239 art. 46, 96.1, 96.3, 100).

Each contract brings a child's presence, weekday by weekday, as time ranges
(half-open: a child leaving at 12:00 and one arriving at 12:00 are not
together). The week repeats itself. What the law counts across contracts:

- the children present at each moment, her own children under 3 (and under 11)
  included while she is at work, against the agrément, the 4 under 3 and the
  6 minors under 11 (CASF L421-4);
- her working day, from its first start to its last end (a break inside a day
  is not rest), and the 11 consecutive hours of rest between two working days
  (CCN 3239 art. 96.1; CASF L423-21);
- her hours of work in the week, a moment counted once however many children
  are there: 48 h at most without her written consent, otherwise 2 250 h a
  year (CCN 3239 art. 96.3; CASF L423-22);
- at most 6 working days in a row and a weekly rest of 35 consecutive hours,
  the same for all employers (CCN 3239 art. 46, 100; CASF L423-22).

A limit broken is a :class:`Violation` (when, rule, article, French text) in the
answer, never an exception: an exception is for input that cannot be read.

>>> week = check_week([
...     Presence.from_schedule("early", {d: "06:30-14:00" for d in ("mon", "tue", "wed")}),
...     Presence.from_schedule("late", {d: "12:30-20:00" for d in ("mon", "tue", "wed")}),
... ])
>>> week.weekly_hours, week.max_children, week.rules
(Fraction(81, 2), 2, ('daily_rest',))
>>> print(week.violations[0].message)
10,50 h de repos entre la fin de la journée du lundi (20h00) et le début de celle du mardi (06h30) : moins de 11 heures consécutives (CCN 3239 art. 96.1 ; CASF L423-21).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.am.agrement import MAX_MINORS_UNDER_11, MAX_UNDER_3, Agrement, whole_number
from amcalc.calendar import WEEKDAYS
from amcalc.contract import MAX_AVERAGE_WEEKLY_HOURS, WeeklySchedule
from amcalc.duration import SECONDS_PER_HOUR, format_hours, format_time
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, number
from amcalc.month import MAX_DAY_SECONDS

__all__ = [
    "MAX_ANNUAL_HOURS_WITH_CONSENT",
    "MIN_DAILY_REST_SECONDS",
    "MIN_WEEKLY_REST_SECONDS",
    "Presence",
    "Violation",
    "WeekCheck",
    "WeekRule",
    "check_week",
    "week_moment",
]

DAY = 24 * SECONDS_PER_HOUR
WEEK = 7 * DAY
MIN_DAILY_REST_SECONDS = DAY - MAX_DAY_SECONDS
"""11 consecutive hours between two working days (CCN 3239 art. 96.1; CASF L423-21)."""
MIN_WEEKLY_REST_SECONDS = 35 * SECONDS_PER_HOUR
"""The weekly rest, in consecutive hours (CCN 3239 art. 46, 100; CASF L423-22)."""
MAX_ANNUAL_HOURS_WITH_CONSENT = 2250
"""Hours a year beyond which even her consent does not reach (CASF L423-22)."""
MAX_CONSECUTIVE_DAYS = 6  # CASF L423-22
_DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


class WeekRule(StrEnum):
    """The limits an AM's week is checked against (values as in scenario files)."""

    AGREMENT = "agrement"
    UNDER_3 = "under_3"
    UNDER_11 = "under_11"
    AGREMENT_AGE = "agrement_age"
    AGREMENT_VALIDITY = "agrement_validity"
    DAILY_REST = "daily_rest"
    WEEKLY_HOURS = "weekly_hours"
    ANNUAL_HOURS = "annual_hours"
    CONSECUTIVE_DAYS = "consecutive_days"
    WEEKLY_REST = "weekly_rest"

    @property
    def article(self) -> str:
        return _ARTICLES[self]


_ARTICLES = {
    WeekRule.AGREMENT: "CASF L421-4", WeekRule.UNDER_3: "CASF L421-4", WeekRule.UNDER_11: "CASF L421-4",
    WeekRule.AGREMENT_AGE: "CASF L421-3, L421-4", WeekRule.AGREMENT_VALIDITY: "CASF L421-3",
    WeekRule.DAILY_REST: "CCN 3239 art. 96.1 ; CASF L423-21",
    WeekRule.WEEKLY_HOURS: "CCN 3239 art. 96.3 ; CASF L423-22", WeekRule.ANNUAL_HOURS: "CASF L423-22",
    WeekRule.CONSECUTIVE_DAYS: "CASF L423-22", WeekRule.WEEKLY_REST: "CCN 3239 art. 46, 100 ; CASF L423-22",
}


@attrs.frozen
class Violation:
    """A limit the week breaks: ``when`` (in French), the ``rule``, its article and the
    French ``message`` that shows the figures."""

    rule: WeekRule
    when: str
    message: str

    @property
    def article(self) -> str:
        return self.rule.article


@attrs.frozen
class Presence:
    """A child's usual week with the AM: ``ranges`` in seconds from Monday 00:00, half-open,
    sorted; ``under_3`` and ``under_11`` say which limits of CASF L421-4 the child counts in."""

    child: str
    ranges: tuple[tuple[int, int], ...]
    under_3: bool = True
    under_11: bool = True

    @classmethod
    def from_schedule(cls, child: str, schedule: WeeklySchedule | Mapping[str, object], *,
                      under_3: bool = True, under_11: bool = True, field: str = "schedule") -> Presence:
        """From a weekday table of time ranges (``{"mon": "08:00-17:00", …}``) or a contract's
        :class:`~amcalc.contract.WeeklySchedule`; every day of care needs its time range."""
        parsed = schedule if isinstance(schedule, WeeklySchedule) else WeeklySchedule.from_mapping(schedule, field)
        ranges = []
        for index, (seconds, times) in enumerate(zip(parsed.seconds_by_weekday, parsed.ranges, strict=True)):
            if seconds and times is None:
                raise InvalidInput(f"{field}.{WEEKDAYS[index]}", "donnez la plage horaire (\"08:00-17:00\") : "
                                   "le contrôle de la semaine suit les heures d'arrivée et de départ.")
            if times is not None:
                ranges.append((index * DAY + times[0], index * DAY + times[1]))
        return cls(child, tuple(ranges), under_3, under_11)


@attrs.frozen(kw_only=True)
class WeekCheck(Explained):
    """The week checked: her ``weekly_hours`` (a moment counted once), the most children
    present at once (her own included) and the limits broken."""

    weekly_hours: Fraction
    max_children: int
    violations: tuple[Violation, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def rules(self) -> tuple[str, ...]:
        """The rules broken, sorted, each once."""
        return tuple(sorted({v.rule.value for v in self.violations}))


def check_week(
    presences: Iterable[Presence],
    *,
    agrement: Agrement | None = None,
    own_children_under_3: int = 0,
    own_children_under_11: int | None = None,
    consent_over_48: bool = False,
    weeks_worked: int = 47,
    at_work: Iterable[tuple[int, int]] = (),
) -> WeekCheck:
    """Contrôle de la semaine (CASF L421-4, L423-21, L423-22 ; CCN 3239 art. 46, 96, 100):
    the children's ``presences``, her own children under 3 (and under 11, those under 3
    included; default: the under-3s) present while she works, her written consent to more
    than 48 h and the weeks she works in a year (default 47: 52 less 5 weeks of paid leave).
    ``at_work``: further ranges (week seconds) when she is at work without a child of her
    contracts, as in a MAM where hers are delegated; her own children count then too.

    >>> print(check_week([], own_children_under_3=2, agrement=Agrement.of(children=1),
    ...                  at_work=[(8 * 3600, 12 * 3600)]).violations[0].message)
    Lundi de 08h00 à 12h00 : 2 enfants (dont 2 de l'assistant maternel) pour un agrément de 1 (CASF L421-4).
    """
    children = tuple(presences)
    work = _checked_ranges(at_work)
    limits = agrement or Agrement()
    own_3 = whole_number(own_children_under_3, "own_children_under_3")
    own_11 = own_3 if own_children_under_11 is None else whole_number(own_children_under_11,
                                                                      "own_children_under_11")
    if own_11 < own_3:
        raise InvalidInput("own_children_under_11", "les enfants de moins de 11 ans comprennent ceux de "
                                                    "moins de 3 ans.")
    weeks = whole_number(weeks_worked, "weeks_worked", 1)
    if weeks > 52:
        raise InvalidInput("weeks_worked", f"une année compte 52 semaines ({weeks} données).")
    if not isinstance(consent_over_48, bool):
        raise InvalidInput("consent_over_48", "vrai ou faux est attendu.")
    _check_ids(children)
    segments = _segments(children, own_3, own_11, work)
    days = _working_days(children, work)
    worked = sum(end - start for start, end in merge_ranges([*work, *(r for c in children for r in c.ranges)]))
    violations = [
        *_capacity(segments, 0, limits.children, WeekRule.AGREMENT, own_3,
                   f"pour un agrément de {limits.children}"),
        *_capacity(segments, 1, MAX_UNDER_3, WeekRule.UNDER_3, own_3, "de moins de 3 ans, au-delà de 4"),
        *_capacity(segments, 2, MAX_MINORS_UNDER_11, WeekRule.UNDER_11, own_11,
                   "de moins de 11 ans, au-delà de 6"),
        *_rests(days),
        *_hours(worked, consent_over_48, weeks),
    ]
    most = max((counts[0] for _, _, counts in segments), default=0)
    steps = (
        Step("Heures de travail de la semaine", "réunion des plages d'accueil de tous les contrats "
             "(un moment compté une fois)", format_hours(worked), WeekRule.WEEKLY_HOURS.article),
        Step("Enfants présents en même temps", "au plus, ses propres enfants de moins de 3 ans compris",
             str(most), WeekRule.AGREMENT.article),
    )
    explanation = Explanation(
        title="Semaine habituelle de l'assistant maternel, tous contrats confondus",
        reference="CASF L421-4, L423-21, L423-22 ; CCN 3239 art. 46, 96.1, 96.3, 100",
        steps=steps,
        notes=tuple(v.message for v in violations) or ("Aucune limite n'est dépassée.",),
    )
    return WeekCheck(weekly_hours=Fraction(worked, SECONDS_PER_HOUR), max_children=most,
                     violations=tuple(violations), explanation=explanation)


def _check_ids(children: Sequence[Presence]) -> None:
    seen: set[str] = set()
    for child in children:
        if child.child in seen:
            raise InvalidInput("contracts", f"l'enfant {child.child!r} figure deux fois.")
        seen.add(child.child)
        for start, end in child.ranges:
            if not 0 <= start < end <= WEEK:
                raise InvalidInput("contracts", f"plage impossible pour l'enfant {child.child!r}.")


def _checked_ranges(ranges: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    found = tuple(ranges)
    if not all(0 <= start < end <= WEEK for start, end in found):
        raise InvalidInput("at_work", "plage de travail impossible dans la semaine.")
    return found


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Half-open ranges merged where they overlap (ranges that only touch stay apart)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


Segment = tuple[int, int, tuple[int, int, int]]


def _segments(children: Sequence[Presence], own_3: int, own_11: int,
              work: Sequence[tuple[int, int]] = ()) -> list[Segment]:
    """The week cut where a child arrives or leaves (or she starts or stops work): (start,
    end, (children, under 3, under 11)) for each moment she is at work, her own children
    counted then."""
    cuts = sorted({t for c in children for r in c.ranges for t in r} | {t for r in work for t in r})
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        here = [c for c in children if any(s <= start < e for s, e in c.ranges)]
        if here or any(s <= start < e for s, e in work):
            counts = (len(here) + own_3, sum(c.under_3 for c in here) + own_3,
                      sum(c.under_11 for c in here) + own_11)
            segments.append((start, end, counts))
    return segments


def _capacity(segments: Sequence[Segment], index: int, limit: int, rule: WeekRule, own: int,
              what: str) -> list[Violation]:
    """One violation per stretch of time with more than ``limit`` children of a kind."""
    stretches: list[tuple[int, int, int]] = []
    for start, end, counts in segments:
        if counts[index] <= limit:
            continue
        if stretches and stretches[-1][1] == start:
            stretches[-1] = (stretches[-1][0], end, max(stretches[-1][2], counts[index]))
        else:
            stretches.append((start, end, counts[index]))
    mine = f" (dont {own} de l'assistant maternel)" if own else ""
    found = []
    for start, end, count in stretches:
        when = week_moment(start, end)
        found.append(Violation(rule, when, f"{when.capitalize()} : {count} enfants{mine} {what} "
                                           f"({rule.article})."))
    return found


def week_moment(start: int, end: int) -> str:
    """A stretch of the week in French (week seconds, within one day).

    >>> week_moment(DAY + 8 * 3600, DAY + 12 * 3600 + 1800)
    'mardi de 08h00 à 12h30'
    """
    day = _DAY_NAMES[start // DAY]
    return f"{day} de {format_time(start % DAY)} à {format_time(end - start // DAY * DAY)}"


def _working_days(children: Sequence[Presence],
                  work: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, int]]:
    """(weekday, first start, last end) of each working day, in week seconds."""
    days: dict[int, tuple[int, int]] = {}
    for start, end in [*work, *(r for c in children for r in c.ranges)]:
        first, last = days.get(start // DAY, (start, end))
        days[start // DAY] = (min(first, start), max(last, end))
    return [(day, *days[day]) for day in sorted(days)]


def _rests(days: Sequence[tuple[int, int, int]]) -> list[Violation]:
    """Daily rest between working days, the longest rest and the days in a row, the week
    repeating itself (Sunday to Monday included)."""
    if not days:
        return []
    found = []
    gaps = []
    for (day, _, end), (next_day, next_start, _) in zip(days, [*days[1:], days[0]], strict=True):
        gap = next_start + (WEEK if next_day <= day else 0) - end
        gaps.append((gap, day, end, next_day, next_start))
        if gap < MIN_DAILY_REST_SECONDS:
            found.append(Violation(
                WeekRule.DAILY_REST, f"entre le {_DAY_NAMES[day]} et le {_DAY_NAMES[next_day]}",
                f"{format_hours(gap)} de repos entre la fin de la journée du {_DAY_NAMES[day]} "
                f"({format_time(end % DAY)}) et le début de celle du {_DAY_NAMES[next_day]} "
                f"({format_time(next_start % DAY)}) : moins de 11 heures consécutives "
                f"({WeekRule.DAILY_REST.article})."))
    longest, day, end, next_day, next_start = max(gaps)
    if longest < MIN_WEEKLY_REST_SECONDS:
        found.append(Violation(
            WeekRule.WEEKLY_REST, "semaine",
            f"Le plus long repos de la semaine dure {format_hours(longest)} (du {_DAY_NAMES[day]} "
            f"{format_time(end % DAY)} au {_DAY_NAMES[next_day]} {format_time(next_start % DAY)}) : "
            f"moins de 35 heures consécutives, le même jour de repos pour tous les employeurs "
            f"({WeekRule.WEEKLY_REST.article})."))
    in_a_row = len(days) if len(days) == 7 else max(_run_lengths({d for d, _, _ in days}))
    if in_a_row > MAX_CONSECUTIVE_DAYS:
        found.append(Violation(
            WeekRule.CONSECUTIVE_DAYS, "semaine",
            f"{in_a_row} jours de travail consécutifs : au plus {MAX_CONSECUTIVE_DAYS} "
            f"({WeekRule.CONSECUTIVE_DAYS.article})."))
    return found


def _run_lengths(worked: set[int]) -> list[int]:
    """Lengths of the runs of worked weekdays, the week repeating (not all 7 worked)."""
    start = next(d for d in range(7) if d not in worked)
    runs, run = [0], 0
    for step in range(1, 8):
        if (start + step) % 7 in worked:
            run += 1
            runs.append(run)
        else:
            run = 0
    return runs


def _hours(worked: int, consent: bool, weeks: int) -> list[Violation]:
    """48 h a week without consent; with it, 2 250 h a year (CCN 3239 art. 96.3; CASF L423-22)."""
    if worked <= MAX_AVERAGE_WEEKLY_HOURS * SECONDS_PER_HOUR:
        return []
    if not consent:
        return [Violation(WeekRule.WEEKLY_HOURS, "semaine",
                          f"{format_hours(worked)} de travail par semaine : au-delà de "
                          f"{MAX_AVERAGE_WEEKLY_HOURS} h, il faut l'accord écrit de l'assistant "
                          f"maternel ({WeekRule.WEEKLY_HOURS.article}).")]
    year = Fraction(worked * weeks, SECONDS_PER_HOUR)
    if year <= MAX_ANNUAL_HOURS_WITH_CONSENT:
        return []
    return [Violation(WeekRule.ANNUAL_HOURS, "année",
                      f"{format_hours(worked)} × {weeks} semaines = {number(year)} h par an : au-delà "
                      f"de 2 250 h, même avec son accord ({WeekRule.ANNUAL_HOURS.article}).")]
