"""Les jours non payés du mois — who pays a day of the plan not worked: a public holiday off
next to an unjustified absence (CCN 3239 art. 47), a certified child illness within the limits
of art. 105 (grouped into absences until the child's planned return), the other absences
as art. 111 and each cause say, and in occasional care the absences the parent keeps paying
(art. 102.1.2.3, 108.2, 109.3)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, timedelta

import attrs

from amcalc.absences import AbsenceCause, is_deducted
from amcalc.child_illness import (
    LONG_ABSENCE_TEXT,
    ChildIllnessLedger,
    IllnessAbsence,
    IllnessDay,
    LongAbsenceRule,
    assess_illness,
    hiring_date_needed,
)
from amcalc.duration import format_hours
from amcalc.explain import Step, french_date
from amcalc.holiday_pay import is_may_day
from amcalc.month.events import Absence, MonthLedger
from amcalc.month.planned_days import CalendarDay, MonthCalendar

__all__ = ["RETURN_SEARCH_DAYS", "absence_steps", "child_illness_days", "is_unpaid", "kept_when_occasional",
           "unpaid_holidays_of"]

RETURN_SEARCH_DAYS = 31
"""How far after an illness the child's planned return is looked for (art. 105); none within
a month: the absence is taken to run one day further."""


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
    for distance in range(1, RETURN_SEARCH_DAYS + 1):
        other = day + timedelta(days=distance)
        d = cal.day(other)
        if (d.status == "work" and (d.absence is None or other > last)) or d.status == "unknown":
            return other
    return day + timedelta(days=RETURN_SEARCH_DAYS + 1)


def kept_when_occasional(cause: AbsenceCause) -> bool | None:
    """Accueil occasionnel: whether an absence is paid as its planned hours (the parent
    keeps paying it, paid leave aside, being 10 % at the end: CCN 3239 art. 102.1.2.3,
    108.2, 109.3); ``None`` for certified child illness, paid only beyond the limits of
    art. 105."""
    if cause is AbsenceCause.CHILD_ILLNESS_CERTIFIED:
        return None
    return cause.paid_by_parent and cause is not AbsenceCause.PAID_LEAVE


def is_unpaid(absence: Absence, full_year: bool, unpaid_illness: AbstractSet[date]) -> bool:
    """Whether the salary does not pay ``absence`` (art. 111 and its cause); a certified child
    illness when its day is among ``unpaid_illness`` (art. 105)."""
    deducted = is_deducted(absence.cause, full_year)
    return absence.day in unpaid_illness if deducted is None else deducted


def absence_steps(month_days: Sequence[CalendarDay], unpaid_holidays: AbstractSet[date],
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
            unpaid = is_unpaid(d.absence, full_year, unpaid_illness)
            why = d.absence.cause.label
            if d.absence.cause is AbsenceCause.PAID_LEAVE:
                why += (" : salaire mensualisé maintenu (52 semaines)" if full_year else
                        " hors semaines sans accueil : déduit, l'indemnité de congés payés est "
                        "versée à part (art. 102.1.2.2)")
            lines.append(Step(f"{french_date(d.day)} ({format_hours(d.absent_seconds)})", why,
                              "non rémunéré" if unpaid else "rémunéré", d.absence.cause.reference))
    return lines
