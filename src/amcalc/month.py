"""Le mois d'un contrat — one month's pay walked over the calendar (CCN 3239 art. 47, 96, 101,
105, 109–111, 114; rules.md §2, §4, §5, §9, §12).

The month starts from the mensualised salary (art. 109) and the contract's
plan for the month: the weekday schedule (of each civil week's rhythm, when the
contract has several) on the calendar of the contract's territory
(:func:`amcalc.calendar.month_plan`), chômé public holidays on usual working days
and weeks without care **included** (they are in the art. 111 denominator,
rules.md §4.1). Then:

- unpaid absences are deducted by the méthode réelle (art. 111: hours for
  52 weeks, days for 46 weeks or less), certified child illness within the
  limits of art. 105 (:mod:`amcalc.child_illness`, counters in the
  :class:`MonthLedger` carried from month to month);
- heures complémentaires and majorées are counted per civil week
  (:mod:`amcalc.extra_hours`) and paid in the month of each day worked;
- worked public holidays get their majoration (:mod:`amcalc.holiday_pay`);
- entretien is due per hour actually worked, never below the daily floor
  (art. 114.1), meals and mileage as agreed — none of them is salary;
- the net salary comes from :func:`amcalc.net_salary.net_salary` on the rates
  of the month (heures complémentaires and majorées earn their reduction);
- the Pajemploi figures are given.

>>> from datetime import date
>>> from amcalc.contract import Contract
>>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 11, 4),
...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
>>> m = month_pay(c, "2024-12", absences=[
...     Absence.of(date(2024, 12, d), "unpaid_leave") for d in (23, 24, 26, 27)])
>>> m.base_salary, m.absence_deduction, m.gross_salary, m.pajemploi.declared_hours
(Decimal('693.33'), Decimal('154.07'), Decimal('539.26'), 135)
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from amcalc import parameters
from amcalc.absences import AbsenceCause, deduction_cents, is_deducted
from amcalc.calendar import MonthPlan, PlannedDay, Territory, month_plan
from amcalc.child_illness import (
    LONG_ABSENCE_TEXT,
    ChildIllnessLedger,
    IllnessAbsence,
    IllnessDay,
    LongAbsenceRule,
    assess_illness,
    hiring_date_needed,
)
from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.contract_sheet import contract_header
from amcalc.duration import SECONDS_PER_HOUR, format_hours, parse_hours
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.explain import (
    UNTRACED,
    Explained,
    Explanation,
    ParameterUse,
    Section,
    Step,
    euros,
    explained_later,
    french_date,
    number,
    quantity,
    rate,
)
from amcalc.extra_hours import CONVENTIONAL_WEEK_SECONDS, hours_pay_cents, split_week
from amcalc.holiday_pay import holiday_uplift, holiday_uplift_parameter, is_may_day
from amcalc.inputs import parse_date, parse_items, parse_month, parse_table
from amcalc.maintenance import MaintenanceRates, day_allowance
from amcalc.mensualisation import Mensualisation, mensualisation_article, mensualise
from amcalc.minimum_rate import check_rate
from amcalc.money import (
    RATE_SCALE,
    choose,
    half_up_div,
    maximum,
    minimum,
    parse_money,
    round_to_cents,
    scaled,
    to_euros,
)
from amcalc.net_salary import NetSalary, net_salary_of_cents
from amcalc.serialization import Serializable
from amcalc.serialization.events import AbsenceForm

__all__ = [
    "DAY_REST_WARNING",
    "HISTORY_WEEKS",
    "Absence",
    "MonthLedger",
    "MonthWalk",
    "MonthPay",
    "PajemploiFigures",
    "PartialMonth",
    "WeekWalk",
    "absence_not_on_care_day",
    "absence_over_schedule",
    "activity_days_declared",
    "average_week_warning",
    "band_seconds",
    "day_rest_warning",
    "events_from_tables",
    "kept_when_occasional",
    "long_week_warning",
    "month_pay",
    "normal_hours_declared",
    "parse_month",
    "recent_weeks_of",
    "spread_seconds",
    "walk_month",
    "working_time_warnings",
    "week_without_care_day",
]

MAX_AVERAGE_WEEK_SECONDS = 48 * SECONDS_PER_HOUR  # CCN 3239 art. 96.3
MAX_DAY_SECONDS = 13 * SECONDS_PER_HOUR  # 24 h − 11 h of daily rest (CCN 3239 art. 96.1)
HISTORY_WEEKS = 18
"""Civil weeks a month hands to the next (:attr:`MonthLedger.weekly_hours`): enough for a
4-month average (CCN 3239 art. 96.3)."""


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


@attrs.frozen(kw_only=True)
class PajemploiFigures:
    """The month's declaration (CSS D133-13-17; Pajemploi's rounding usage).

    ``declared_hours`` are the "heures normales" (mensualised hours, or the
    salary kept after deduction ÷ hourly rate); complementary hours are
    declared with them within 45 h a week, majorated hours apart.
    ``paid_leave_days`` comes from the paid-leave ledger (``None`` here).
    """

    declared_hours: int
    declared_days: int
    complementary_hours: int
    majorated_hours: int
    maintenance: Decimal
    other_indemnities: Decimal
    net_salary: Decimal
    paid_leave_days: int | None = None


@attrs.frozen(kw_only=True)
class MonthPay(Explained):
    """A contract's month: salary lines, indemnities, Pajemploi figures, warnings.

    ``care_days``: the days of actual care of the month and the seconds worked each
    (chômé holidays, absences and paid leave left out), as the day-by-day walk found them.
    """

    year: int
    month: int
    base_salary: Decimal
    scheduled_hours: Fraction
    scheduled_days: int
    absent_units: Fraction
    absence_deduction: Decimal
    complementary_hours: Fraction
    complementary_pay: Decimal
    majorated_hours: Fraction
    majorated_pay: Decimal
    holiday_pay: Decimal
    gross_salary: Decimal
    net_salary: Decimal
    net_detail: NetSalary
    maintenance: Decimal
    meals: Decimal
    mileage: Decimal
    worked_hours: Fraction
    care_days: tuple[tuple[date, int], ...]
    pajemploi: PajemploiFigures
    warnings: tuple[str, ...]
    illness_days: tuple[IllnessDay, ...]
    resume_or_end_on: date | None
    ledger: MonthLedger
    explanation: Explanation = attrs.field(eq=False, repr=False)


# --- integer kernels -------------------------------------------------------------------------


def spread_seconds(total: int, weights: Sequence[int]) -> list[int]:
    """Spread ``total`` seconds over days in proportion to ``weights`` (cumulative floor,
    so the parts are whole seconds and add up exactly to ``total``). Like every kernel
    here, it also runs on numpy arrays (one element per contract) unchanged."""
    whole = sum(weights)
    parts, done, cumulative = [], 0, 0
    for weight in weights:
        cumulative += weight
        reached = total * cumulative // whole
        parts.append(reached - done)
        done = reached
    return parts


def band_seconds(day_seconds: Sequence[int], band_start: int, band_length: int) -> list[int]:
    """Seconds of each day (in chronological order) falling in the band
    [``band_start``, ``band_start`` + ``band_length``) of the week's hours."""
    parts, before = [], 0
    band_end = band_start + band_length
    for seconds in day_seconds:
        low, high = maximum(before, band_start), minimum(before + seconds, band_end)
        parts.append(maximum(high - low, 0))
        before += seconds
    return parts


def normal_hours_declared(base_cents: int, deduction: int, rate_e4: int, mensualised_hours: int,
                          partial: bool) -> int:
    """Pajemploi "heures normales": the mensualised hours when nothing is deducted in a
    whole month, else the salary kept ÷ the hourly rate, half-up (rules.md §12.2)."""
    kept = half_up_div((base_cents - deduction) * 100, rate_e4)
    return choose((deduction == 0) * (1 - partial), mensualised_hours, kept)


def _of(name: str) -> str:
    """« de mai », « d'octobre »."""
    return f"d'{name}" if name[0] in "aeiou" else f"de {name}"


def pajemploi_section(p: PajemploiFigures) -> Section:
    """The month's Pajemploi declaration, field by field, as it is typed (CSS D133-13-17);
    complementary hours are declared with the normal hours, majorated hours apart."""
    fields = [("Nombre d'heures normales", f"{p.declared_hours + p.complementary_hours}"
               + (f" ({p.declared_hours} + {p.complementary_hours} complémentaires)" if p.complementary_hours else "")),
              ("Nombre d'heures majorées", str(p.majorated_hours)),
              ("Nombre de jours d'activité", str(p.declared_days))]
    if p.paid_leave_days is not None:
        fields.append(("Nombre de jours de congés payés", str(p.paid_leave_days)))
    fields += [("Salaire net total", euros(p.net_salary)), ("Indemnités d'entretien", euros(p.maintenance)),
               ("Autres indemnités (repas, kilomètres)", euros(p.other_indemnities))]
    return Section("Déclaration Pajemploi du mois (à saisir)", tuple(fields))


def _declared_days_formula(monthly_days: Fraction, occasional: bool, unpaid: int) -> str:
    if occasional:
        return "jours d'accueil effectués"
    text = f"{int(monthly_days * 12)} j par an ÷ 12 = {quantity(monthly_days, 'j')}, arrondis au jour supérieur"
    if unpaid:
        text += f", moins {unpaid} jour{'s' if unpaid > 1 else ''} entièrement non rémunéré{'s' if unpaid > 1 else ''}"
    return text


def activity_days_declared(annual_days: int, unpaid_days: int, deduction: int) -> int:
    """Pajemploi days of activity: the mensualised days (annual ÷ 12) rounded up, less
    the days entirely unpaid when something is deducted, never below 0 (rules.md §12.2)."""
    unpaid = unpaid_days * (deduction != 0)
    return maximum(-((unpaid * 12 - annual_days) // 12), 0)


DAY_REST_WARNING = ("Le {day} : {hours} d'accueil ne laissent pas 11 heures consécutives de repos "
                    "quotidien (CCN 3239 art. 96.1 ; CASF L423-21).")
"""The words of :func:`day_rest_warning`, the day and the hours to fill in."""


def day_rest_warning(day: date, seconds: int) -> str:
    """The warning for a day of more than 13 h of care (CCN 3239 art. 96.1; CASF L423-21).

    >>> day_rest_warning(date(2025, 3, 12), 13 * 3600 + 40 * 60)[:36]
    "Le 12/03/2025 : 13,67 h d'accueil ne"
    """
    return DAY_REST_WARNING.format(day=french_date(day), hours=format_hours(seconds))


def absence_not_on_care_day(day: date) -> InvalidInput:
    """Refus d'une absence un jour sans accueil prévu (CCN 3239 art. 111: only a day of
    care can be missed): the error :func:`month_pay` raises, also given by the bulk engine.

    >>> absence_not_on_care_day(date(2025, 3, 10)).message[:35]
    "le 10/03/2025 n'est pas un jour d'a"
    """
    return InvalidInput("absences", f"le {french_date(day)} n'est pas un jour d'accueil prévu "
                                    "(jour non travaillé, férié chômé, semaine sans accueil ou hors "
                                    "contrat).")


def absence_over_schedule(day: date, scheduled: int) -> InvalidInput:
    """Refus d'une absence plus longue que la journée prévue (CCN 3239 art. 111): a partial
    absence over the day's ``scheduled`` seconds.

    >>> absence_over_schedule(date(2025, 3, 17), 9 * 3600).message
    'le 17/03/2025 ne prévoit que 9,00 h.'
    """
    return InvalidInput("absences.hours", f"le {french_date(day)} ne prévoit que {format_hours(scheduled)}.")


def week_without_care_day(monday: date) -> InvalidInput:
    """Refus d'un total hebdomadaire sans jour d'accueil (input check, no article): a civil week
    without a day of care in the contract cannot take a weekly total.

    >>> week_without_care_day(date(2025, 3, 3)).field
    'worked_hours'
    """
    return InvalidInput("worked_hours", f"la semaine du {french_date(monday)} n'a aucun jour "
                                        "d'accueil dans le contrat : donnez les heures par jour.")


def long_week_warning(monday: date, seconds: int) -> str:
    """Alerte semaine de plus de 48 h (CCN 3239 art. 96.3 ; CASF L423-22).

    >>> long_week_warning(date(2025, 3, 10), 50 * 3600)[:38]
    'Semaine du 10/03/2025 : 50,00 h de tra'
    """
    return (f"Semaine du {french_date(monday)} : {format_hours(seconds)} de travail. Au-delà de "
            "48 h, l'accord de l'assistant maternel est requis et la durée moyenne sur 4 mois ne "
            "peut dépasser 48 h (CCN 3239 art. 96.3 ; CASF L423-22).")


def average_week_warning(weeks: Sequence[tuple[date, int]], last: date, usual: int,
                         planned: Mapping[date, int] | None = None,
                         ledger: MonthLedger | None = None) -> str | None:
    """Alerte moyenne de plus de 48 h sur 4 mois (CCN 3239 art. 96.3 ; CASF L423-22): the
    warning when the civil weeks of the 4 months up to ``last`` average more than 48 h,
    ``None`` otherwise; actual hours of ``weeks`` (Monday, seconds) and of ``ledger``, else
    the week's ``planned`` rhythm, else ``usual``.

    >>> average_week_warning([(date(2025, 3, 10), 100 * 3600)], date(2025, 3, 31), 45 * 3600)[:27]
    'Moyenne de 48,06 h par sema'
    """
    average = _four_month_average(_history(ledger, weeks, last), last, usual, planned or {})
    if average <= MAX_AVERAGE_WEEK_SECONDS:
        return None
    return (f"Moyenne de {format_hours(average)} par semaine sur les 4 derniers mois : "
            "au-delà de 48 h (CCN 3239 art. 96.3 ; CASF L423-22).")


# --- the month ---------------------------------------------------------------------------------


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
        self._absence_weeks = {_monday(d) for d in absences}

    def rhythm(self, day: date) -> int | None:
        """Index of the rhythm of ``day``'s civil week (``None``: not known, several rhythms)."""
        return 0 if len(self.schedules) == 1 else self.week_rhythm.get(_monday(day))

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

    def plain_week(self, monday: date) -> _PlainWeek:
        """What the days of the civil week starting on ``monday`` depend on, absences aside
        (the bounds and worked holidays only where they fall in the week: weeks are shared)."""
        index = self.rhythm(monday)
        start, end, holidays = self.start, self.end, self.worked_holidays
        sunday = monday + _SIX_DAYS
        return (monday, None if index is None else self.schedules[index], self.territory,
                start if start and start > monday else None, end if end and end < sunday else None,
                monday in self.non_care, frozenset(d for d in holidays if monday <= d <= sunday) if holidays else _NONE)

    def _week(self, monday: date) -> tuple[CalendarDay, ...]:
        days = _week_plan(*self.plain_week(monday))
        if monday not in self._absence_weeks:
            return days
        return tuple(CalendarDay(d.day, d.scheduled, d.holiday, d.status, self.absences.get(d.day))
                     if d.status == "work" else d for d in days)

    def neighbour_worked(self, day: date, step: int) -> bool:
        """Whether the nearest scheduled working day before (-1) or after (+1) ``day``
        was not an unjustified absence (art. 47 condition); unknown days count as worked."""
        for distance in range(1, 15):
            other = self.day(day + timedelta(days=step * distance))
            if other.status == "work":
                return not (other.absence and other.absence.cause is AbsenceCause.AM_UNJUSTIFIED)
            if other.status in ("outside", "unknown"):
                return True
        return True


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


_NONE: frozenset[date] = frozenset()
_SIX_DAYS = timedelta(days=6)
_NO_BAND = (0,) * 7
_PlainWeek = tuple[date, tuple[int, ...] | None, Territory, date | None, date | None, bool, frozenset[date]]
"""What :func:`_week_plan` builds a week from (:meth:`MonthCalendar.plain_week`)."""


@lru_cache(maxsize=4096)
def _week_plan(monday: date, schedule: tuple[int, ...] | None, territory: Territory, start: date | None,
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


@attrs.frozen
class WeekWalk:
    """One civil week touching the month, as it was worked: its days, the seconds actually
    worked each, the week's threshold for extra hours (its planned hours; 45 h in occasional
    care) and its complementary and majorated seconds (CCN 3239 art. 96.4, 110)."""

    monday: date
    days: tuple[CalendarDay, ...]
    seconds: tuple[int, ...]
    threshold: int
    complementary: int
    majorated: int
    given: bool  # actual hours were given for the week (it joins the 4-month average)

    @property
    def worked(self) -> int:
        return sum(self.seconds)


@attrs.frozen(kw_only=True)
class MonthWalk:
    """Le mois jour par jour — the month's days as planned, worked, absent and paid, with their
    hours: the step :func:`month_pay` stands on, and from which an AM's days of actual care
    come (CGI art. 80 sexies). ``actual``, ``complementary`` and ``majorated``: seconds of each
    day of the month; ``weeks``: every civil week touching the month."""

    first: date
    last: date
    calendar: MonthCalendar = attrs.field(eq=False, repr=False)
    absences: Mapping[date, Absence]
    non_care: frozenset[date]
    holidays_worked: frozenset[date]
    week_rhythm: Mapping[date, int]
    schedules: tuple[tuple[int, ...], ...]
    weeks: tuple[WeekWalk, ...]
    actual: Mapping[date, int]
    complementary: Mapping[date, int]
    majorated: Mapping[date, int]

    @property
    def week_totals(self) -> tuple[tuple[date, int], ...]:
        """(Monday, seconds) of the weeks whose actual hours were given."""
        return tuple((w.monday, w.worked) for w in self.weeks if w.given)

    @property
    def care_days(self) -> tuple[tuple[date, int], ...]:
        """The days of the month actually worked and their seconds."""
        return tuple((day, seconds) for day, seconds in sorted(self.actual.items()) if seconds)


def _month_bounds(contract: Contract, month: str | tuple[int, int]) -> tuple[int, int, date, date]:
    """(year, month, first day, last day) of a month the contract can be walked over."""
    year, number_ = parse_month(month)
    first = date(year, number_, 1)
    last = date(year, number_, _stdlib_calendar.monthrange(year, number_)[1])
    if len(contract.rhythms) == 1 and contract.schedule is None:
        raise UnsupportedCase("schedule", "le calcul d'un mois suit l'emploi du temps jour par jour : "
                                          "donnez un emploi du temps hebdomadaire (schedule).")
    if (contract.start and contract.start > last) or (contract.end and contract.end < first):
        raise InvalidInput("month", f"le mois {year}-{number_:02d} est hors de la durée du contrat.")
    return year, number_, first, last


def walk_month(
    contract: Contract,
    month: str | tuple[int, int],
    *,
    absences: Iterable[Absence] = (),
    worked_weeks: Mapping[date, object] | None = None,
    worked_days: Mapping[date, object] | None = None,
    non_care_weeks: Iterable[date] = (),
    worked_holidays: Iterable[date] = (),
    rhythm_weeks: Mapping[date, int] | None = None,
) -> MonthWalk:
    """Le mois jour par jour (CCN 3239 art. 96.4, 97, 110, 111): the contract's calendar around
    the month and the seconds actually worked each day, the extra hours of each civil week
    attributed to its days — the events checked as :func:`month_pay` takes them.

    >>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 1, 6),
    ...     schedule={"mon": "9", "thu": "9"})
    >>> walk = walk_month(c, "2025-05", absences=[Absence.of(date(2025, 5, 5), "unpaid_leave")])
    >>> [day.day for day, _ in walk.care_days]  # 1, 8 and 29 May are holidays, 5 May absent
    [12, 15, 19, 22, 26]
    """
    year, number_, first, last = _month_bounds(contract, month)
    occasional = contract.kind is ContractKind.OCCASIONAL
    full_year = contract.accueil is Accueil.FULL_YEAR
    if isinstance(non_care_weeks, (str, Mapping)) or not isinstance(non_care_weeks, Iterable):
        raise InvalidInput("non_care_weeks", "une liste des lundis des semaines sans accueil est attendue.")
    non_care = frozenset(parse_date(monday, "non_care_weeks") for monday in non_care_weeks)
    for monday in non_care:
        if monday.weekday() != 0:
            raise InvalidInput("non_care_weeks", f"le {french_date(monday)} n'est pas un lundi : "
                               "indiquez le lundi de chaque semaine sans accueil.")
    if non_care and full_year:
        raise InvalidInput("non_care_weeks", "un accueil sur 52 semaines n'a pas de semaines sans "
                                             "accueil programmées (CCN 3239 art. 97.1) : déclarez des "
                                             "absences.")
    first_monday = _monday(first)
    month_mondays = [first_monday + timedelta(weeks=k) for k in range((last - first_monday).days // 7 + 1)]
    span_first, span_last = month_mondays[0], month_mondays[-1] + timedelta(days=6)
    absence_map: dict[date, Absence] = {}
    for absence in parse_items(absences, Absence, "absences"):
        if absence.day in absence_map:
            raise InvalidInput("absences", f"deux absences le {french_date(absence.day)}.")
        if not span_first <= absence.day <= span_last:
            raise InvalidInput("absences", f"le {french_date(absence.day)} n'est pas dans une semaine "
                                           f"du mois {year}-{number_:02d}.")
        absence_map[absence.day] = absence
    week_rhythm = _rhythm_weeks(contract, rhythm_weeks, month_mondays)
    schedules = tuple(r.schedule.seconds_by_weekday if r.schedule else () for r in contract.rhythms)
    holidays_worked = frozenset(parse_date(day, "worked_holidays")
                                for day in parse_items(worked_holidays, object, "worked_holidays"))
    cal = MonthCalendar(contract.start, contract.end, contract.territory, schedules, week_rhythm, non_care,
                        holidays_worked, absence_map)
    for day in holidays_worked:
        planned = cal.planned_day(day) if first <= day <= last else None
        if planned is None or planned.holiday is None:
            raise InvalidInput("worked_holidays", f"le {french_date(day)} n'est pas un jour férié "
                                                  "habituellement travaillé du mois.")
    for absence in absence_map.values():
        d = cal.day(absence.day)
        if d.status != "work":
            raise absence_not_on_care_day(absence.day)
        if absence.seconds is not None and absence.seconds > d.scheduled:
            raise absence_over_schedule(absence.day, d.scheduled)
    weeks_given = {_check_monday(k, month_mondays): parse_hours(v, f"worked_hours[{k}]")
                   for k, v in parse_table(worked_weeks or {}, "worked_weeks", "{ lundi: heures }").items()}
    days_given = {_check_day(k, span_first, span_last): parse_hours(v, f"worked_days[{k}]")
                  for k, v in parse_table(worked_days or {}, "worked_days", "{ jour: heures }").items()}
    for day, seconds in days_given.items():
        if _monday(day) in weeks_given:
            raise InvalidInput("worked_days", f"la semaine du {french_date(_monday(day))} est déjà "
                                              "donnée en total hebdomadaire.")
        if seconds > 24 * SECONDS_PER_HOUR:
            raise InvalidInput("worked_days", f"le {french_date(day)} : une journée ne dépasse pas 24 h.")
        whole_day = absence_map.get(day)
        if whole_day and whole_day.seconds is None and seconds:
            raise InvalidInput("worked_days", f"le {french_date(day)} est déclaré absent toute la journée.")

    actual: dict[date, int] = {}
    comp_by_day: dict[date, int] = {}
    maj_by_day: dict[date, int] = {}
    weeks = []
    events = {_monday(d) for d in (*absence_map, *days_given)}.union(weeks_given)
    for monday in month_mondays:
        if monday in events:
            week, comp_days, maj_days = _week_walk(cal.week(monday), weeks_given.get(monday), days_given,
                                                   occasional)
        else:  # a week as planned: shared by every month and contract with the same plan
            week, comp_days, maj_days = _planned_week_walk(cal.plain_week(monday), occasional)
        for i in range(max(0, (first - monday).days), min(7, (last - monday).days + 1)):  # the month's days
            day = week.days[i].day
            actual[day], comp_by_day[day], maj_by_day[day] = week.seconds[i], comp_days[i], maj_days[i]
        weeks.append(week)
    return MonthWalk(first=first, last=last, calendar=cal, absences=absence_map, non_care=non_care,
                     holidays_worked=holidays_worked, week_rhythm=week_rhythm, schedules=schedules,
                     weeks=tuple(weeks), actual=actual, complementary=comp_by_day, majorated=maj_by_day)


def _week_walk(days: tuple[CalendarDay, ...], week_total: int | None, days_given: Mapping[date, int],
               occasional: bool) -> tuple[WeekWalk, tuple[int, ...], tuple[int, ...]]:
    """A civil week as worked (its actual ``week_total`` or days given, else as planned), and the
    complementary and majorated seconds of each of its days (CCN 3239 art. 96.4, 110)."""
    monday = days[0].day
    week_plan = [d.planned for d in days]
    threshold = CONVENTIONAL_WEEK_SECONDS if occasional else sum(week_plan)
    per_day = _actual_week(days, week_plan, week_total, days_given, monday)
    comp, maj = split_week(sum(per_day), threshold)
    comp_days = tuple(band_seconds(per_day, threshold, comp)) if comp else _NO_BAND  # most weeks: none
    maj_days = tuple(band_seconds(per_day, max(CONVENTIONAL_WEEK_SECONDS, threshold), maj)) if maj else _NO_BAND
    given = week_total is not None or any(monday <= k <= monday + timedelta(days=6) for k in days_given)
    return WeekWalk(monday, days, tuple(per_day), threshold, comp, maj, given), comp_days, maj_days


@lru_cache(maxsize=4096)
def _planned_week_walk(plan: _PlainWeek, occasional: bool) -> tuple[WeekWalk, tuple[int, ...], tuple[int, ...]]:
    """A civil week without events, as planned: walked once for every month and contract."""
    return _week_walk(_week_plan(*plan), None, {}, occasional)


def working_time_warnings(contract: Contract, walk: MonthWalk, ledger: MonthLedger | None) -> list[str]:
    """Alertes de durée du travail du mois (CCN 3239 art. 96.1, 96.3; CASF L423-21, L423-22): weeks
    over 48 h, days over 13 h, a schedule leaving less than 11 h of rest, a 4-month average over
    48 h (with the previous months of ``ledger``)."""
    warnings = [long_week_warning(week.monday, week.worked) for week in walk.weeks
                if week.worked > MAX_AVERAGE_WEEK_SECONDS]
    warnings += [day_rest_warning(day, walk.actual[day])
                 for day in sorted(day for day, seconds in walk.actual.items() if seconds > MAX_DAY_SECONDS)]
    used = {walk.calendar.rhythm(week.monday) or 0 for week in walk.weeks}
    for weekday, seconds in sorted({(w, s) for i in used for w, s in enumerate(walk.schedules[i])
                                    if s > MAX_DAY_SECONDS}):
        warnings.append(f"L'emploi du temps prévoit {format_hours(seconds)} un jour de la semaine "
                        f"(n° {weekday + 1}) : le repos quotidien de 11 heures n'est pas respecté "
                        "(CCN 3239 art. 96.1).")
    usual = {m: contract.rhythms[i].weekly_seconds for m, i in walk.week_rhythm.items()}
    average = average_week_warning(walk.week_totals, walk.last, contract.annual_seconds // contract.weeks,
                                   usual, ledger)
    # with the AM's written consent the limit is 2 250 h over 12 months (CASF L423-22)
    return [*warnings, average] if average and not contract.consent_over_48 else warnings


def _week_step(week: WeekWalk, first: date, last: date) -> Step:
    """The explanation line of a week with extra hours (CCN 3239 art. 96.4, 110)."""
    straddles = any(s and not first <= d.day <= last for d, s in zip(week.days, week.seconds, strict=True))
    return Step(
        f"Semaine du {french_date(week.monday)}",
        f"{format_hours(week.worked)} effectuées pour {format_hours(week.threshold)} prévues"
        + (" (semaine à cheval : heures rattachées au mois de chaque jour)" if straddles else ""),
        f"{format_hours(week.complementary)} complémentaires, {format_hours(week.majorated)} majorées",
        "CCN 3239 art. 96.4, 110",
    )


def month_pay(
    contract: Contract,
    month: str | tuple[int, int],
    *,
    absences: Iterable[Absence] = (),
    worked_weeks: Mapping[date, object] | None = None,
    worked_days: Mapping[date, object] | None = None,
    non_care_weeks: Iterable[date] = (),
    worked_holidays: Iterable[date] = (),
    rhythm_weeks: Mapping[date, int] | None = None,
    meals: int = 0,
    meal_price: object = 0,
    kilometres: object = 0,
    mileage_rate: object = 0,
    ledger: MonthLedger | None = None,
    partial_month: PartialMonth = PartialMonth.PRORATA,
    illness_rule: LongAbsenceRule = LongAbsenceRule.FOURTEEN_DAYS,
    one_long_absence_per_year: bool = True,
    trace: bool = True,
) -> MonthPay:
    """Le mois d'un contrat : salaire, absences, heures en plus, fériés, entretien
    (CCN 3239 art. 47, 96, 101, 105, 109–111, 114).

    - ``absences``: :class:`Absence` entries, on scheduled days of the month (or of
      a civil week that straddles it, for that week's extra hours only);
    - ``worked_weeks``: Monday → hours actually worked that civil week, when they
      differ from the plan; the hours are spread over the week's planned days in
      proportion to their hours, chronologically, and the hours crossing the
      contract's weekly hours and 45 h are paid in the month of the day they fall
      on; ``worked_days``: day → hours actually worked that day (exact split);
    - ``non_care_weeks``: Mondays of programmed weeks without care (46 weeks or less);
    - ``worked_holidays``: public holidays worked by agreement (art. 47, 101);
    - ``rhythm_weeks``: Monday → index in ``contract.rhythms`` of the rhythm that civil
      week follows (school week, holiday week…). With several rhythms, **every** civil
      week touching the month must be given (no silent guess: the contract's calendar
      says which weeks follow which rhythm, art. 97, 109.2); weeks around the month
      may be added (they tell when the child was due back after an illness). The
      week's rhythm gives its planned days and hours (art. 111 denominator) and its
      threshold for heures complémentaires; the mensualised salary covers all rhythms;
    - ``meals`` × ``meal_price`` and ``kilometres`` × ``mileage_rate`` as agreed
      (art. 114.2, 57, 113);
    - ``ledger``: the previous month's :attr:`MonthPay.ledger`;
    - ``trace=False``: the figures only, the same amounts, without building the French
      explanation (``explanation`` is :data:`amcalc.explain.UNTRACED`) — for bulk runs;
      by default the explanation is written when it is first read (then kept).

    >>> from datetime import date
    >>> c = Contract.from_schedule(hourly_rate="4.20", weeks=52, start=date(2024, 1, 8),
    ...     schedule={"mon": "10", "tue": "10", "wed": "10", "thu": "10"},
    ...     maintenance_per_hour="0.50")
    >>> m = month_pay(c, "2024-10", worked_weeks={date(2024, 10, 14): "47"})
    >>> m.complementary_pay, m.majorated_pay, m.gross_salary, m.maintenance
    (Decimal('21.00'), Decimal('9.24'), Decimal('758.24'), Decimal('98.50'))
    """
    year, number_, first, last = _month_bounds(contract, month)
    in_first = max(first, contract.start) if contract.start else first
    in_last = min(last, contract.end) if contract.end else last
    for day in sorted({in_first, in_last}):  # the minimum in force in the month (art. 107)
        check_rate(contract.hourly_rate, day, am_ge=contract.am_ge, date_field="month")
    walk = walk_month(contract, (year, number_), absences=absences, worked_weeks=worked_weeks,
                      worked_days=worked_days, non_care_weeks=non_care_weeks, worked_holidays=worked_holidays,
                      rhythm_weeks=rhythm_weeks)
    illness_days, resume, illness_ledger, illness_notes = child_illness_days(
        contract.start, walk.calendar, first, last, walk.absences, ledger, illness_rule, one_long_absence_per_year)
    days = _MonthDays.of(contract, walk, {d.day for d in illness_days if not d.paid})
    salary = _salary_base(contract, walk, days, partial_month)
    extra = _extra_hours_pay(contract, walk)
    holidays = _worked_holidays_pay(contract, walk)
    gross = salary.base - salary.deduction + extra.complementary_pay + extra.majorated_pay + holidays.cents
    net = net_salary_of_cents(gross, extra.complementary_pay + extra.majorated_pay, first, contract.territory,
                              trace=trace)
    maintenance = _maintenance(contract, walk.actual)
    meal_total = _line(meals, meal_price, "meals", "meal_price")
    mileage_total = _line(kilometres, mileage_rate, "kilometres", "mileage_rate")
    pajemploi = _pajemploi(contract, days, salary, extra, maintenance, meal_total + mileage_total, net.net)
    warnings = working_time_warnings(contract, walk, ledger)
    result = MonthPay(
        year=year, month=number_, base_salary=to_euros(salary.base),
        scheduled_hours=Fraction(days.plan_seconds, SECONDS_PER_HOUR), scheduled_days=len(days.month_days),
        absent_units=salary.absent_units, absence_deduction=to_euros(salary.deduction),
        complementary_hours=Fraction(extra.complementary_seconds, SECONDS_PER_HOUR),
        complementary_pay=to_euros(extra.complementary_pay),
        majorated_hours=Fraction(extra.majorated_seconds, SECONDS_PER_HOUR),
        majorated_pay=to_euros(extra.majorated_pay),
        holiday_pay=to_euros(holidays.cents), gross_salary=to_euros(gross), net_salary=net.net, net_detail=net,
        maintenance=maintenance, meals=meal_total, mileage=mileage_total,
        worked_hours=Fraction(sum(walk.actual.values()), SECONDS_PER_HOUR), pajemploi=pajemploi,
        care_days=walk.care_days,
        warnings=tuple(warnings), illness_days=illness_days, resume_or_end_on=resume,
        ledger=MonthLedger(illness_ledger, _history(ledger, walk.week_totals, last)), explanation=UNTRACED,
    )
    if not trace:
        return result
    lines = _MonthLines(contract, walk, days, salary, extra, holidays, gross, net, pajemploi, result.warnings,
                        (meals, meal_price, meal_total), (kilometres, mileage_rate, mileage_total), partial_month,
                        tuple(illness_notes))
    return explained_later(result, lambda: _month_explanation(lines))


@attrs.frozen
class _MonthLines:
    """What the explanation of a month is written from, kept until it is read."""

    contract: Contract
    walk: MonthWalk
    days: _MonthDays
    salary: _SalaryBase
    extra: _ExtraHours
    holidays: _HolidayPay
    gross: int
    net: NetSalary
    pajemploi: PajemploiFigures
    warnings: tuple[str, ...]
    meals: tuple[int, object, Decimal]  # count, price, total
    mileage: tuple[object, object, Decimal]  # kilometres, rate, total
    partial_month: PartialMonth
    illness_notes: tuple[str, ...]


def _month_explanation(m: _MonthLines) -> Explanation:
    """The month in French (CCN 3239 art. 47, 96, 101, 105, 109–111, 114)."""
    contract, walk, days, pajemploi = m.contract, m.walk, m.days, m.pajemploi
    steps = [*_salary_steps(contract, days, m.salary), *_day_steps(walk, days, walk.first, walk.last),
             *_extra_hours_steps(contract, m.extra), *m.holidays.steps,
             *_gross_and_net_steps(m.salary, m.extra, m.holidays.cents, m.gross, m.net),
             *_indemnity_steps(contract, walk, pajemploi.maintenance, *m.meals, *m.mileage),
             *_pajemploi_steps(contract, days, m.salary, pajemploi)]
    notes = [*m.illness_notes, *_rhythm_notes(contract, walk),
             *_notes(contract, days.full_year, days.occasional, days.partial, m.partial_month)]
    return Explanation(
        title=f"Mois {_of(_MONTH_NAMES[walk.first.month - 1])} {walk.first.year} — accueil {contract.accueil}"
              + (" (occasionnel)" if days.occasional else ""),
        reference="CCN 3239 art. 47, 96, 101, 105, 109–111, 114",
        steps=tuple(steps),
        parameters=(*m.holidays.uses, *_maintenance_uses(walk.actual, pajemploi.maintenance)),
        notes=tuple([*notes, *(f"Avertissement : {w}" for w in m.warnings)]),
        header=contract_header(contract),
        sections=(pajemploi_section(pajemploi),),
        computed_for=walk.last,
    )


# --- the steps of month_pay --------------------------------------------------------------------


@attrs.frozen
class _MonthDays:
    """The month's days as the salary sees them: the plan, who is unpaid and why."""

    month_days: tuple[CalendarDay, ...]
    unpaid: tuple[int, ...]  # the seconds of each day the salary does not pay
    plan_seconds: int
    unpaid_holidays: frozenset[date]
    unpaid_illness: frozenset[date]
    occasional: bool
    full_year: bool
    partial: bool

    @classmethod
    def of(cls, contract: Contract, walk: MonthWalk, unpaid_illness: set[date]) -> _MonthDays:
        first, last = walk.first, walk.last  # the usual working days of the month, each week on its rhythm
        month_days = tuple(d for week in walk.weeks for d in week.days
                           if first <= d.day <= last and d.status not in ("off", "unknown"))
        holidays, illness = frozenset(unpaid_holidays_of(walk.calendar, month_days)), frozenset(unpaid_illness)
        full_year = contract.accueil is Accueil.FULL_YEAR
        return cls(month_days, tuple(_unpaid_seconds(d, holidays, full_year, illness) for d in month_days),
                   sum(d.scheduled for d in month_days), holidays, illness, contract.kind is ContractKind.OCCASIONAL,
                   full_year, any(d.status == "outside" for d in month_days))

    @property
    def fully_unpaid(self) -> int:
        """Days of the plan entirely unpaid (Pajemploi's days of activity)."""
        return sum(1 for d, unpaid in zip(self.month_days, self.unpaid, strict=True) if unpaid == d.scheduled)


def _unpaid_seconds(d: CalendarDay, unpaid_holidays: AbstractSet[date], full_year: bool,
                    unpaid_illness: AbstractSet[date]) -> int:
    """The seconds of ``d`` the salary does not pay (art. 47, 105, 111)."""
    if d.status == "outside" or d.day in unpaid_holidays:
        return d.scheduled
    if d.absence is None or not _is_unpaid(d.absence, full_year, unpaid_illness):
        return 0
    return d.absent_seconds


@attrs.frozen
class _SalaryBase:
    """The month's base salary and its deduction (art. 109, 111; art. 108.2 for occasional
    care), with what Pajemploi's "heures normales" are computed from. ``steps``: the line of
    occasional care or of the actual-hours option; a mensualised month's lines are written
    with its explanation (:func:`_salary_steps`)."""

    base: int
    deduction: int
    absent_units: Fraction
    monthly_days: Fraction
    monthly_hours: Fraction  # 0 in occasional care
    normal_declared: int
    normal_seconds: int  # occasional care: the seconds done, majorated hours aside
    steps: tuple[Step, ...]
    mensualised_base: bool


def _salary_base(contract: Contract, walk: MonthWalk, days: _MonthDays, partial_month: PartialMonth) -> _SalaryBase:
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    if days.occasional:
        base, step = _occasional_base(days.month_days, walk.actual, walk.majorated, rate_e4, contract,
                                      days.unpaid_illness, days.unpaid_holidays)
        normal = sum(walk.actual.values()) - sum(walk.majorated.values()) - sum(walk.complementary.values())
        return _SalaryBase(base, 0, Fraction(0), Fraction(sum(1 for s in walk.actual.values() if s)), Fraction(0),
                           half_up_div(normal, SECONDS_PER_HOUR), normal, (step,), False)
    mensualised = mensualise(contract, trace=False)
    steps: list[Step] = []
    on_actual_hours = days.partial and partial_month is PartialMonth.ACTUAL_HOURS
    if on_actual_hours:
        base, deduction, absent_units, steps = _actual_hours_base(contract, days, rate_e4)
    else:
        base, deduction, absent_units = _mensualised_base(mensualised, days)
    return _SalaryBase(base, deduction, absent_units, mensualised.monthly_days, mensualised.monthly_hours,
                       normal_hours_declared(base, deduction, rate_e4, mensualised.declared_hours, days.partial),
                       0, tuple(steps), not on_actual_hours)


def _hours_formula(contract: Contract, days: _MonthDays, salary: _SalaryBase) -> str:
    """How Pajemploi's "heures normales" were found (rules.md §12.2)."""
    if days.occasional:
        return f"{format_hours(salary.normal_seconds)} effectuées, hors heures majorées"
    if not (salary.deduction or days.partial):
        return f"{format_hours(salary.monthly_hours * SECONDS_PER_HOUR)} mensualisées"
    kept = Fraction((salary.base - salary.deduction) * 100 * SECONDS_PER_HOUR,
                    scaled(contract.hourly_rate, 4, "hourly_rate"))
    return (f"({euros(to_euros(salary.base))} − {euros(to_euros(salary.deduction))}) ÷ "
            f"{rate(contract.hourly_rate)} = {format_hours(kept)}")


def _actual_hours_base(contract: Contract, days: _MonthDays, rate_e4: int) -> tuple[int, int, Fraction, list[Step]]:
    """A month the contract starts or ends, paid on its actual hours (option of art. 111)."""
    inside = sum(d.scheduled for d in days.month_days if d.status in ("work", "holiday"))
    base = hours_pay_cents(inside, rate_e4, RATE_SCALE)
    absent_seconds = sum(u for d, u in zip(days.month_days, days.unpaid, strict=True) if d.status != "outside")
    step = Step("Salaire du mois incomplet (heures réelles)", f"{format_hours(inside)} prévues pendant le "
                f"contrat × {rate(contract.hourly_rate)}", euros(to_euros(base)), "option « heures réelles »")
    return (base, hours_pay_cents(absent_seconds, rate_e4, RATE_SCALE), Fraction(absent_seconds, SECONDS_PER_HOUR),
            [step])


def _scheduled_units(days: _MonthDays) -> tuple[Fraction, str]:
    """The art. 111 denominator: the month's planned hours (52 weeks) or days (46 weeks or less)."""
    if days.full_year:
        return Fraction(days.plan_seconds, SECONDS_PER_HOUR), "h"
    return Fraction(len(days.month_days)), "j"


def _mensualised_base(mensualised: Mensualisation, days: _MonthDays) -> tuple[int, int, Fraction]:
    """The mensualised salary less the méthode réelle's deduction (art. 109, 111): hours for
    52 weeks, days for 46 weeks or less."""
    base = scaled(mensualised.monthly_salary, 2, "monthly_salary")
    if not any(days.unpaid):  # nothing to deduct
        return base, 0, Fraction(0)
    if days.full_year:
        absent = Fraction(sum(days.unpaid), SECONDS_PER_HOUR)
    else:
        absent = sum((Fraction(u, d.scheduled) for d, u in zip(days.month_days, days.unpaid, strict=True) if u),
                     Fraction(0))
    share = absent / _scheduled_units(days)[0]
    return base, deduction_cents(base, share.numerator, share.denominator), absent


def _salary_steps(contract: Contract, days: _MonthDays, salary: _SalaryBase) -> list[Step]:
    """The lines of the base salary: the mensualised salary and its deduction (art. 109, 111)."""
    if not salary.mensualised_base:
        return list(salary.steps)
    steps = [Step("Salaire mensualisé", f"{number(salary.monthly_hours)} h × {rate(contract.hourly_rate)}",
                  euros(to_euros(salary.base)), mensualisation_article(contract))]
    absent = salary.absent_units
    if absent:
        scheduled, unit = _scheduled_units(days)
        agreed = "e" if unit == "h" else ""  # heures (f.), jours (m.)
        plural = "s" if absent > 1 else ""
        steps.append(Step(
            "Déduction (méthode réelle)",
            f"{euros(to_euros(salary.base))} × {quantity(absent, unit)} non travaillé{agreed}{plural}"
            f" / {quantity(scheduled, unit)} prévu{agreed}s dans le mois",
            euros(to_euros(salary.deduction)), "CCN 3239 art. 111"))
    return steps


@attrs.frozen
class _ExtraHours:
    """Heures complémentaires and majorées of the month and their pay (art. 96.4, 110)."""

    complementary_seconds: int
    majorated_seconds: int
    complementary_pay: int
    majorated_pay: int


def _extra_hours_pay(contract: Contract, walk: MonthWalk) -> _ExtraHours:
    occasional = contract.kind is ContractKind.OCCASIONAL
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    comp_s = 0 if occasional else sum(walk.complementary.values())  # occasional: paid by the hour
    maj_s = sum(walk.majorated.values())
    comp_rate = scaled(contract.complementary_rate, 4, "complementary_rate")
    maj_rate = scaled(contract.majorated_rate, 4, "majorated_rate")
    comp_pay = hours_pay_cents(comp_s, rate_e4, RATE_SCALE + comp_rate)
    maj_pay = hours_pay_cents(maj_s, rate_e4, RATE_SCALE + maj_rate)
    return _ExtraHours(comp_s, maj_s, comp_pay, maj_pay)


def _extra_hours_steps(contract: Contract, extra: _ExtraHours) -> list[Step]:
    steps = []
    if extra.complementary_seconds:
        steps.append(Step("Heures complémentaires", f"{format_hours(extra.complementary_seconds)} × "
                          f"{rate(contract.hourly_rate)} × (1 + {number(contract.complementary_rate * 100, 0)} %)",
                          euros(to_euros(extra.complementary_pay)), "CCN 3239 art. 96.4, 110.2"))
    if extra.majorated_seconds:
        steps.append(Step("Heures majorées", f"{format_hours(extra.majorated_seconds)} × "
                          f"{rate(contract.hourly_rate)} × (1 + {number(contract.majorated_rate * 100, 0)} %)",
                          euros(to_euros(extra.majorated_pay)), "CCN 3239 art. 96.4, 110.1"))
    return steps


@attrs.frozen
class _HolidayPay:
    """The uplift of the public holidays worked by agreement (art. 47, 101)."""

    cents: int
    steps: tuple[Step, ...]
    uses: tuple[ParameterUse, ...]


def _worked_holidays_pay(contract: Contract, walk: MonthWalk) -> _HolidayPay:
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    cents, steps, uses = 0, [], []
    for group in (True, False):  # 1 May, then the ordinary holidays: one line each
        worked_on = [d for d in sorted(walk.holidays_worked) if is_may_day(d) is group and walk.actual.get(d)]
        if not worked_on:
            continue
        uplift = holiday_uplift(worked_on[0])
        seconds = sum(walk.actual[d] for d in worked_on)
        line = hours_pay_cents(seconds, rate_e4, scaled(uplift.value, 4, "uplift"))
        cents += line
        uses.append(ParameterUse.of(holiday_uplift_parameter(worked_on[0]), uplift))
        steps.append(Step("Majoration " + ("du 1er mai travaillé" if group else "des jours fériés travaillés"),
                          f"{format_hours(seconds)} × {rate(contract.hourly_rate)} × "
                          f"{number(uplift.value * 100, 0)} %", euros(to_euros(line)),
                          "CCN 3239 art. 47, 101" + (" ; Code du travail L3133-6" if group else "")))
    return _HolidayPay(cents, tuple(steps), tuple(uses))


def _pajemploi(contract: Contract, days: _MonthDays, salary: _SalaryBase, extra: _ExtraHours,
               maintenance: Decimal, other: Decimal, net: Decimal) -> PajemploiFigures:
    """The month's declaration (CSS D133-13-17)."""
    fully_unpaid = 0 if days.occasional else days.fully_unpaid
    return PajemploiFigures(
        declared_hours=salary.normal_declared,
        declared_days=activity_days_declared(int(salary.monthly_days * 12), fully_unpaid, salary.deduction),
        complementary_hours=half_up_div(extra.complementary_seconds, SECONDS_PER_HOUR),
        majorated_hours=half_up_div(extra.majorated_seconds, SECONDS_PER_HOUR),
        maintenance=maintenance, other_indemnities=other, net_salary=net,
    )


def _day_steps(walk: MonthWalk, days: _MonthDays, first: date, last: date) -> list[Step]:
    """The absences and holidays of the month, the weeks without care, the weeks with extra hours."""
    steps = _absence_steps(days.month_days, days.unpaid_holidays, days.full_year, days.unpaid_illness)
    steps += [Step(f"Semaine sans accueil du {french_date(monday)}", "programmée au contrat : "
                   "comptée au dénominateur de l'art. 111, sans entretien", "non travaillée",
                   "CCN 3239 art. 111")
              for monday in sorted(walk.non_care) if first <= monday + timedelta(days=6) and monday <= last]
    return steps + [_week_step(week, first, last) for week in walk.weeks if week.complementary or week.majorated]


def _gross_and_net_steps(salary: _SalaryBase, extra: _ExtraHours, holiday_cents: int, gross: int,
                         net: NetSalary) -> list[Step]:
    terms = [euros(to_euros(salary.base))] + [f"{sign} {euros(to_euros(cents))}" for sign, cents in (
        ("−", salary.deduction), ("+", extra.complementary_pay), ("+", extra.majorated_pay),
        ("+", holiday_cents)) if cents]
    return [Step("Salaire brut du mois", " ".join(terms) if len(terms) > 1 else "salaire de base " + terms[0],
                 euros(to_euros(gross)), "CCN 3239 art. 109–111"),
            Step("Salaire net du mois", f"{euros(to_euros(gross))} − {euros(net.total_contributions)} de "
                 "cotisations salariales", euros(net.net), "CSS art. L136-8, D242-4, L241-17 ; CCN 3239 annexe 3")]


def _indemnity_steps(contract: Contract, walk: MonthWalk, maintenance: Decimal, meals: int, meal_price: object,
                     meal_total: Decimal, kilometres: object, mileage_rate: object,
                     mileage_total: Decimal) -> list[Step]:
    """Entretien, meals and mileage (art. 114.1, 114.2, 57, 113): not salary."""
    steps = []
    worked_total = sum(walk.actual.values())
    if worked_total:
        per_hour = (" au minimum conventionnel" if contract.maintenance_per_hour is None
                    else f" × {rate(contract.maintenance_per_hour)} par heure")
        steps.append(Step("Indemnité d'entretien", f"{format_hours(worked_total)} effectivement "
                          f"travaillées{per_hour}, chaque jour au moins le minimum journalier",
                          euros(maintenance), "CCN 3239 art. 114.1"))
    if meal_total:
        steps.append(Step("Frais de repas", f"{meals} × {euros(parse_money(meal_price, 'meal_price'))}",
                          euros(meal_total), "CCN 3239 art. 114.2"))
    if mileage_total:
        steps.append(Step("Indemnités kilométriques", f"{kilometres} km × {mileage_rate} €",
                          euros(mileage_total), "CCN 3239 art. 57, 113"))
    return steps


def _pajemploi_steps(contract: Contract, days: _MonthDays, salary: _SalaryBase,
                     pajemploi: PajemploiFigures) -> list[Step]:
    unpaid = (0 if days.occasional else days.fully_unpaid) if salary.deduction else 0
    return [Step("Pajemploi : heures normales déclarées",
                 f"{_hours_formula(contract, days, salary)}, arrondies à l'heure la plus proche",
                 f"{pajemploi.declared_hours} h", "usage Pajemploi"),
            Step("Pajemploi : jours d'activité déclarés",
                 _declared_days_formula(salary.monthly_days, days.occasional, unpaid),
                 f"{pajemploi.declared_days} j", "usage Pajemploi")]


def _rhythm_notes(contract: Contract, walk: MonthWalk) -> list[str]:
    if len(contract.rhythms) < 2:
        return []
    return ["Rythme de chaque semaine, selon le calendrier du contrat : " + " ; ".join(
        f"semaine du {french_date(m)} : rythme {walk.week_rhythm[m]} "
        f"({format_hours(contract.rhythms[walk.week_rhythm[m]].weekly_seconds)})"
        for m in (week.monday for week in walk.weeks)) + " ; le salaire mensualisé couvre tous les rythmes "
        "(CCN 3239 art. 97, 109.2)."]


_MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                "septembre", "octobre", "novembre", "décembre")


def _rhythm_weeks(contract: Contract, given: Mapping[date, int] | None,
                  mondays: Sequence[date]) -> dict[date, int]:
    """Monday → rhythm index, checked; with several rhythms every week of the month is needed."""
    count = len(contract.rhythms)
    for index, rhythm in enumerate(contract.rhythms):
        if count > 1 and rhythm.schedule is None:
            raise UnsupportedCase(f"patterns[{index}].schedule", "le calcul d'un mois suit "
                                  "l'emploi du temps jour par jour : donnez l'emploi du temps "
                                  "hebdomadaire (schedule) de chaque rythme.")
    weeks: dict[date, int] = {}
    for monday, index in parse_table(given or {}, "rhythm_weeks", "{ lundi: rythme }").items():
        if not isinstance(monday, date) or monday.weekday() != 0:
            raise InvalidInput("rhythm_weeks", f"{monday!r} : indiquez le lundi de chaque semaine civile.")
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
            raise InvalidInput("rhythm_weeks", f"semaine du {french_date(monday)} : {index!r} n'est pas "
                                               f"un rythme du contrat (0 à {count - 1}).")
        weeks[monday] = index
    if count == 1:
        return weeks
    missing = [m for m in mondays if m not in weeks]
    if missing:
        raise InvalidInput("rhythm_weeks", f"le contrat a {count} rythmes : indiquez celui de chaque "
                           "semaine du mois (semaine du " + ", ".join(french_date(m) for m in missing)
                           + ") — le calendrier du contrat dit quelles semaines suivent quel rythme "
                           "(CCN 3239 art. 97, 109.2).")
    return weeks


def _check_monday(given: object, mondays: Sequence[date]) -> date:
    day = parse_date(given, "worked_hours.week")
    if day.weekday() != 0:
        raise InvalidInput("worked_hours.week", f"le {french_date(day)} n'est pas un lundi : "
                           f"indiquez le lundi de la semaine civile (le {french_date(_monday(day))}).")
    if day not in mondays:
        raise InvalidInput("worked_hours.week", f"la semaine du {french_date(day)} ne touche pas le mois.")
    return day


def _check_day(given: object, first: date, last: date) -> date:
    day = parse_date(given, "worked_days")
    if not first <= day <= last:
        raise InvalidInput("worked_days", f"{day!r} n'est pas un jour d'une semaine du mois.")
    return day


def _is_unpaid(absence: Absence, full_year: bool, unpaid_illness: AbstractSet[date]) -> bool:
    deducted = is_deducted(absence.cause, full_year)
    return absence.day in unpaid_illness if deducted is None else deducted


def _actual_week(days: Sequence[CalendarDay], planned: list[int], week_total: int | None,
                 days_given: Mapping[date, int], monday: date) -> list[int]:
    """Seconds actually worked each day of the week (``planned``: each day's planned seconds)."""
    if week_total is None:
        return [days_given.get(d.day, p) for d, p in zip(days, planned, strict=True)] if days_given else planned
    weights = planned
    if not any(weights):  # a week without planned care: the usual weekdays within the contract
        weights = [d.scheduled if d.status in ("work", "non_care", "holiday") else 0 for d in days]
    if not any(weights):
        if week_total:
            raise week_without_care_day(monday)
        return [0] * 7
    return spread_seconds(week_total, weights)


def unpaid_holidays_of(cal: MonthCalendar, month_days: Iterable[CalendarDay]) -> set[date]:
    """Jours fériés chômés non payés (CCN 3239 art. 47): the usual working days of the
    month that are public holidays off, except 1 May, whose nearest scheduled working
    day before or after was an unjustified absence of the AM."""
    return {d.day for d in month_days
            if d.status == "holiday" and not is_may_day(d.day)
            and not (cal.neighbour_worked(d.day, -1) and cal.neighbour_worked(d.day, 1))}


def child_illness_days(
    hired: date | None, cal: MonthCalendar, first: date, last: date, absences: Mapping[date, Absence],
    ledger: MonthLedger | None, rule: LongAbsenceRule, one_long: bool,
) -> tuple[tuple[IllnessDay, ...], date | None, ChildIllnessLedger | None, list[str]]:
    """Absences de l'enfant malade du mois (CCN 3239 art. 105): the month's certified
    illness days grouped into absences (until the child's planned return), decided by
    :func:`amcalc.child_illness.assess_illness`; the date pay must resume, the ledger
    for the next month and the notes. ``hired``: the contract's start."""
    book = ledger.child_illness if ledger else None
    days = sorted(d for d, a in absences.items()
                  if a.cause is AbsenceCause.CHILD_ILLNESS_CERTIFIED and first <= d <= last)
    if not days:
        return (), None, (attrs.evolve(book, open_run=None) if book else None), []
    if book is None:
        if hired is None:
            raise hiring_date_needed()
        book = ChildIllnessLedger(hired)
    runs: list[list[date]] = []
    for day in days:
        if runs and not _work_between(cal, runs[-1][-1], day):
            runs[-1].append(day)
        else:
            runs.append([day])
    notes: list[str] = []
    periods = []
    open_run = None
    for run in runs:
        start = run[0]
        if book.open_run and run is runs[0] and not _work_between(cal, book.open_run[1], start, first):
            start = book.open_run[0]
            notes.append(f"L'absence pour maladie commencée le {french_date(start)} se poursuit ce mois : "
                         "si elle atteint 14 jours, les jours du mois précédent traités en courtes "
                         "absences sont à régulariser (CCN 3239 art. 105).")
        end = _next_work(cal, run[-1], last) - timedelta(days=1)
        if end >= last:  # the child is not back before next month: the absence may go on
            open_run = (start, run[-1])
        periods.append((IllnessAbsence(start, end), tuple(run)))
    decided, resume, book = assess_illness(book, periods, rule=rule, one_long_absence_per_year=one_long)
    notes.append("Maladie de l'enfant : jours consécutifs d'absence justifiée regroupés jusqu'au "
                 "retour prévu de l'enfant (jours non travaillés inclus) ; règle de l'absence longue : "
                 f"{LONG_ABSENCE_TEXT[rule]} (CCN 3239 art. 105).")
    return decided, (resume[0] if resume else None), ChildIllnessLedger(book.hired, book.years, open_run), notes


def _work_between(cal: MonthCalendar, before: date, after: date, floor: date | None = None) -> bool:
    """Whether a planned working day without absence lies strictly between two days
    (from ``floor`` when given: earlier days belong to an earlier month)."""
    day = max(before, (floor or before) - timedelta(days=1)) + timedelta(days=1)
    while day < after:
        d = cal.day(day)
        if d.status == "work" and d.absence is None:
            return True
        day += timedelta(days=1)
    return False


def _next_work(cal: MonthCalendar, day: date, last: date) -> date:
    """The next planned working day after ``day`` (the child's expected return)."""
    for distance in range(1, 32):
        other = day + timedelta(days=distance)
        d = cal.day(other)
        if (d.status == "work" and (d.absence is None or other > last)) or d.status == "unknown":
            return other
    return day + timedelta(days=32)


def _history(ledger: MonthLedger | None, weeks: Sequence[tuple[date, int]],
             last: date) -> tuple[tuple[date, int], ...]:
    known = dict(ledger.weekly_hours) if ledger else {}
    known.update(weeks)
    floor = last - timedelta(weeks=HISTORY_WEEKS)
    return tuple(sorted((k, v) for k, v in known.items() if k > floor))


def _four_month_average(history: Sequence[tuple[date, int]], last: date, usual: int,
                        planned: Mapping[date, int]) -> Fraction:
    """Average weekly seconds over the civil weeks starting in the last 4 months (actual
    hours when known, else the week's rhythm when given, else the average week ``usual``)."""
    known = {**planned, **dict(history)}
    if not known:  # every week the average week
        return Fraction(usual)
    window = _four_month_window(last)
    return Fraction(sum(known.get(m, usual) for m in window), len(window))


@lru_cache(maxsize=4096)
def _four_month_window(last: date) -> tuple[date, ...]:
    """Mondays of the civil weeks starting in the 4 months up to ``last``."""
    since = last - relativedelta(months=4)
    mondays = (_monday(last) - timedelta(weeks=k) for k in range(HISTORY_WEEKS))
    return tuple(m for m in mondays if m > since)


def kept_when_occasional(cause: AbsenceCause) -> bool | None:
    """Accueil occasionnel: whether an absence is paid as its planned hours (the parent
    keeps paying it, paid leave aside, being 10 % at the end: CCN 3239 art. 102.1.2.3,
    108.2, 109.3); ``None`` for certified child illness, paid only beyond the limits of
    art. 105."""
    if cause is AbsenceCause.CHILD_ILLNESS_CERTIFIED:
        return None
    return cause.paid_by_parent and cause is not AbsenceCause.PAID_LEAVE


def _occasional_base(month_days: Sequence[CalendarDay], actual: Mapping[date, int], maj: Mapping[date, int],
                     rate_e4: int, contract: Contract, unpaid_illness: AbstractSet[date],
                     unpaid_holidays: AbstractSet[date]) -> tuple[int, Step]:
    """Occasional care: hourly rate × hours done (art. 108.2, 109.3); the absences the
    parent keeps paying (certified illness beyond the limits of art. 105) and the holidays
    kept (art. 47: not next to an unjustified absence) are paid as planned hours."""
    done = sum(actual.values()) - sum(maj.values())
    kept = sum(d.absent_seconds for d in month_days if d.absence is not None and _kept(d.absence, unpaid_illness))
    kept += sum(d.scheduled for d in month_days if d.status == "holiday" and d.day not in unpaid_holidays)
    base = hours_pay_cents(done + kept, rate_e4, RATE_SCALE)
    return base, Step("Accueil occasionnel : heures effectuées ou maintenues",
                      f"{format_hours(done + kept)} × {rate(contract.hourly_rate)}",
                      euros(to_euros(base)), "CCN 3239 art. 108.2, 109.3")


def _kept(absence: Absence, unpaid_illness: AbstractSet[date]) -> bool:
    kept = kept_when_occasional(absence.cause)
    return absence.day not in unpaid_illness if kept is None else kept


def _absence_steps(month_days: Sequence[CalendarDay], unpaid_holidays: AbstractSet[date],
                   full_year: bool, unpaid_illness: AbstractSet[date]) -> list[Step]:
    """One line per absence or day off pay, saying who pays and why."""
    lines = []
    for d in month_days:
        if d.day in unpaid_holidays:
            lines.append(Step(f"{french_date(d.day)} ({d.holiday})", "férié chômé non maintenu : absence "
                              "injustifiée la veille ou le lendemain travaillé", "non rémunéré",
                              "CCN 3239 art. 47"))
        elif d.status == "holiday":
            lines.append(Step(f"{french_date(d.day)} ({d.holiday})", "férié chômé un jour habituellement "
                              "travaillé : salaire maintenu, compté au dénominateur, sans entretien",
                              "rémunéré", "CCN 3239 art. 47, 101" + (" ; Code du travail L3133-5"
                                                                     if is_may_day(d.day) else "")))
        elif d.status == "outside":
            lines.append(Step(french_date(d.day), "hors de la durée du contrat (embauche ou fin en "
                              "cours de mois)", "non rémunéré", "CCN 3239 art. 111 (pratique)"))
        elif d.absence is not None:
            unpaid = _is_unpaid(d.absence, full_year, unpaid_illness)
            why = d.absence.cause.label
            if d.absence.cause is AbsenceCause.PAID_LEAVE:
                why += (" : salaire mensualisé maintenu (52 semaines)" if full_year else
                        " hors semaines sans accueil : déduit, l'indemnité de congés payés est "
                        "versée à part (art. 102.1.2.2)")
            lines.append(Step(f"{french_date(d.day)} ({format_hours(d.absent_seconds)})", why,
                              "non rémunéré" if unpaid else "rémunéré", d.absence.cause.reference))
    return lines


def _maintenance(contract: Contract, actual: Mapping[date, int]) -> Decimal:
    """Entretien per hour actually worked, at least the daily minimum (art. 114.1)."""
    per_hour = (0 if contract.maintenance_per_hour is None
                else scaled(contract.maintenance_per_hour, 4, "maintenance_per_hour"))
    worked = [day for day, seconds in actual.items() if seconds]
    constant = MaintenanceRates.throughout(min(worked), max(worked)) if worked else None
    if constant is not None:  # the same terms all month: each length of day once
        units = sum(days * day_allowance(seconds, per_hour, constant)
                    for seconds, days in Counter(actual[day] for day in worked).items())
        return round_to_cents(Fraction(units, constant.scale))
    by_scale: dict[int, int] = {}  # the days' allowances, summed as integers per 1/scale €
    for day in worked:
        rates = MaintenanceRates.at(day)
        by_scale[rates.scale] = by_scale.get(rates.scale, 0) + day_allowance(actual[day], per_hour, rates)
    return round_to_cents(sum((Fraction(units, scale) for scale, units in by_scale.items()), Fraction(0)))


def _maintenance_uses(actual: Mapping[date, int], maintenance: Decimal) -> list[ParameterUse]:
    """The values of the entretien in force on the last day of care (art. 114.1)."""
    worked = [day for day, seconds in actual.items() if seconds]
    if not worked:
        return []
    last_day = max(worked)
    uses = {p.name: ParameterUse.of(p, p.at(last_day), " €")
            for p in (parameters.get("minimum_garanti"), parameters.get("maintenance_daily_floor"))}
    return list(uses.values())


_NO_LINE = to_euros(0)


def _line(quantity: object, price: object, quantity_field: str, price_field: str) -> Decimal:
    if type(quantity) is int and type(price) is int and quantity == price == 0:  # the defaults: none
        return _NO_LINE
    count = parse_money(quantity, quantity_field, places=2)
    unit = parse_money(price, price_field, places=4)
    return round_to_cents(Fraction(count) * Fraction(unit))


def _notes(contract: Contract, full_year: bool, occasional: bool, partial: bool,
           partial_month: PartialMonth) -> list[str]:
    notes = []
    if not occasional:
        notes.append("Déduction en " + ("heures (accueil sur 52 semaines)" if full_year else
                     "jours (accueil sur 46 semaines ou moins)") + " ; le dénominateur comprend "
                     "l'absence, les semaines sans accueil et les fériés chômés tombant un jour "
                     "habituellement travaillé (CCN 3239 art. 111).")
    if partial:
        chosen = ("prorata de l'art. 111" if partial_month is PartialMonth.PRORATA
                  else "heures réellement prévues pendant le contrat")
        notes.append(f"Mois d'embauche ou de fin de contrat : {chosen} (la CCN est muette ; usage : prorata "
                     "de l'art. 111).")
    if contract.territory is not Territory.METROPOLE:
        notes.append("Jours fériés locaux d'Alsace-Moselle (Vendredi saint, 26 décembre) appliqués à "
                     "votre demande : leur application à un assistant maternel est une question ouverte "
                     "(Code du travail L3134-1 exclut les emplois à domicile).")
    notes.append("L'entretien, les repas et les indemnités kilométriques ne sont pas du salaire : "
                 "ils n'entrent ni dans le brut ni dans l'assiette des congés payés (CCN 3239 art. 114, 57).")
    return notes
