"""Le mois jour par jour — the seconds actually worked each day of the month, over the
contract's plan of its days (:mod:`~amcalc.month.planned_days`) (CCN 3239 art. 96.4, 97, 110,
111): the absences, weeks without care, worked holidays and rhythm of each civil week touching
the month, checked; the hours given spread over the week's days and its extra hours attributed
to them; the refusals of events that do not fit the plan. Every step of the month's pay stands
on this walk."""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache

import attrs

from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.duration import SECONDS_PER_HOUR, format_hours, parse_hours
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.explain import french_date
from amcalc.extra_hours import CONVENTIONAL_WEEK_SECONDS, split_week
from amcalc.inputs import parse_date, parse_items, parse_month, parse_table
from amcalc.money import maximum, minimum
from amcalc.month.events import Absence
from amcalc.month.planned_days import CalendarDay, MonthCalendar, PlainWeek, monday_of, week_plan

__all__ = [
    "MonthWalk",
    "WeekWalk",
    "absence_not_on_care_day",
    "absence_over_schedule",
    "band_seconds",
    "month_bounds",
    "spread_seconds",
    "walk_month",
    "week_without_care_day",
]


def spread_seconds(total: int, weights: Sequence[int]) -> list[int]:
    """Spread ``total`` seconds over days in proportion to ``weights`` (cumulative floor,
    so the parts are whole seconds and add up exactly to ``total``). Like the month's
    other integer kernels, it also runs on numpy arrays (one element per contract) unchanged."""
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


def month_bounds(contract: Contract, month: str | tuple[int, int]) -> tuple[int, int, date, date]:
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
    year, number_, first, last = month_bounds(contract, month)
    non_care = _non_care_mondays(non_care_weeks, contract.accueil is Accueil.FULL_YEAR)
    first_monday = monday_of(first)
    month_mondays = [first_monday + timedelta(weeks=k) for k in range((last - first_monday).days // 7 + 1)]
    span_first, span_last = month_mondays[0], month_mondays[-1] + timedelta(days=6)
    absence_map = _absences_by_day(absences, span_first, span_last, f"{year}-{number_:02d}")
    week_rhythm = _rhythm_weeks(contract, rhythm_weeks, month_mondays)
    schedules = tuple(r.schedule.seconds_by_weekday if r.schedule else () for r in contract.rhythms)
    holidays_worked = frozenset(parse_date(day, "worked_holidays")
                                for day in parse_items(worked_holidays, object, "worked_holidays"))
    cal = MonthCalendar(contract.start, contract.end, contract.territory, schedules, week_rhythm, non_care,
                        holidays_worked, absence_map)
    _check_on_calendar(cal, holidays_worked, absence_map, first, last)
    weeks_given = {_check_monday(k, month_mondays): parse_hours(v, f"worked_hours[{k}]")
                   for k, v in parse_table(worked_weeks or {}, "worked_weeks", "{ lundi: heures }").items()}
    days_given = {_check_day(k, span_first, span_last): parse_hours(v, f"worked_days[{k}]")
                  for k, v in parse_table(worked_days or {}, "worked_days", "{ jour: heures }").items()}
    _check_days_given(days_given, weeks_given, absence_map)

    actual: dict[date, int] = {}
    comp_by_day: dict[date, int] = {}
    maj_by_day: dict[date, int] = {}
    weeks = []
    occasional = contract.kind is ContractKind.OCCASIONAL
    events = {monday_of(d) for d in (*absence_map, *days_given)}.union(weeks_given)
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


def _non_care_mondays(non_care_weeks: Iterable[date], full_year: bool) -> frozenset[date]:
    """The Mondays of the programmed weeks without care, which only care over 46 weeks or
    less has (CCN 3239 art. 97.1)."""
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
    return non_care


def _absences_by_day(absences: Iterable[Absence], span_first: date, span_last: date, month: str
                     ) -> dict[date, Absence]:
    """The absences by day, one a day, each in a civil week of the month."""
    by_day: dict[date, Absence] = {}
    for absence in parse_items(absences, Absence, "absences"):
        if absence.day in by_day:
            raise InvalidInput("absences", f"deux absences le {french_date(absence.day)}.")
        if not span_first <= absence.day <= span_last:
            raise InvalidInput("absences", f"le {french_date(absence.day)} n'est pas dans une semaine "
                                           f"du mois {month}.")
        by_day[absence.day] = absence
    return by_day


def _check_on_calendar(cal: MonthCalendar, holidays_worked: frozenset[date], absences: Mapping[date, Absence],
                       first: date, last: date) -> None:
    """Each holiday worked is a usual day of care of the month that is a public holiday; each
    absence falls on a day of care, within its planned hours."""
    for day in holidays_worked:
        planned = cal.planned_day(day) if first <= day <= last else None
        if planned is None or planned.holiday is None:
            raise InvalidInput("worked_holidays", f"le {french_date(day)} n'est pas un jour férié "
                                                  "habituellement travaillé du mois.")
    for absence in absences.values():
        d = cal.day(absence.day)
        if d.status != "work":
            raise absence_not_on_care_day(absence.day)
        if absence.seconds is not None and absence.seconds > d.scheduled:
            raise absence_over_schedule(absence.day, d.scheduled)


def _check_days_given(days_given: Mapping[date, int], weeks_given: Mapping[date, int],
                      absences: Mapping[date, Absence]) -> None:
    """Hours given day by day: not in a week given as a total, 24 h at most, none on a day
    absent as a whole."""
    for day, seconds in days_given.items():
        if monday_of(day) in weeks_given:
            raise InvalidInput("worked_days", f"la semaine du {french_date(monday_of(day))} est déjà "
                                              "donnée en total hebdomadaire.")
        if seconds > 24 * SECONDS_PER_HOUR:
            raise InvalidInput("worked_days", f"le {french_date(day)} : une journée ne dépasse pas 24 h.")
        whole_day = absences.get(day)
        if whole_day and whole_day.seconds is None and seconds:
            raise InvalidInput("worked_days", f"le {french_date(day)} est déclaré absent toute la journée.")


_NO_BAND = (0,) * 7


def _week_walk(days: tuple[CalendarDay, ...], week_total: int | None, days_given: Mapping[date, int],
               occasional: bool) -> tuple[WeekWalk, tuple[int, ...], tuple[int, ...]]:
    """A civil week as worked (its actual ``week_total`` or days given, else as planned), and the
    complementary and majorated seconds of each of its days (CCN 3239 art. 96.4, 110)."""
    monday = days[0].day
    planned = [d.planned for d in days]
    threshold = CONVENTIONAL_WEEK_SECONDS if occasional else sum(planned)
    per_day = _actual_week(days, planned, week_total, days_given, monday)
    comp, maj = split_week(sum(per_day), threshold)
    comp_days = tuple(band_seconds(per_day, threshold, comp)) if comp else _NO_BAND  # most weeks: none
    maj_days = tuple(band_seconds(per_day, max(CONVENTIONAL_WEEK_SECONDS, threshold), maj)) if maj else _NO_BAND
    given = week_total is not None or any(monday <= k <= monday + timedelta(days=6) for k in days_given)
    return WeekWalk(monday, days, tuple(per_day), threshold, comp, maj, given), comp_days, maj_days


@lru_cache(maxsize=4096)
def _planned_week_walk(plan: PlainWeek, occasional: bool) -> tuple[WeekWalk, tuple[int, ...], tuple[int, ...]]:
    """A civil week without events, as planned: walked once for every month and contract."""
    return _week_walk(week_plan(*plan), None, {}, occasional)


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
                           f"indiquez le lundi de la semaine civile (le {french_date(monday_of(day))}).")
    if day not in mondays:
        raise InvalidInput("worked_hours.week", f"la semaine du {french_date(day)} ne touche pas le mois.")
    return day


def _check_day(given: object, first: date, last: date) -> date:
    day = parse_date(given, "worked_days")
    if not first <= day <= last:
        raise InvalidInput("worked_days", f"{day!r} n'est pas un jour d'une semaine du mois.")
    return day


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
