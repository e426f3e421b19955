"""La durée du travail du mois — the limits of CCN 3239 art. 96.1 (11 hours of daily rest:
13 hours of care at most) and 96.3 (48 hours a week, 48 hours on average over 4 months;
CASF L423-21, L423-22), as warnings on the month walked, with the weekly hours a month hands
to the next for the 4-month average."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from amcalc.contract import MAX_AVERAGE_WEEKLY_HOURS, Contract
from amcalc.duration import SECONDS_PER_HOUR, format_hours
from amcalc.explain import french_date
from amcalc.month.events import MonthLedger
from amcalc.month.planned_days import monday_of
from amcalc.month.walk import MonthWalk

__all__ = [
    "DAY_REST_WARNING",
    "HISTORY_WEEKS",
    "MAX_AVERAGE_WEEK_SECONDS",
    "MAX_DAY_SECONDS",
    "average_week_warning",
    "day_rest_warning",
    "four_month_window",
    "long_week_warning",
    "weekly_history",
    "working_time_warnings",
]


MAX_AVERAGE_WEEK_SECONDS = MAX_AVERAGE_WEEKLY_HOURS * SECONDS_PER_HOUR  # CCN 3239 art. 96.3

MAX_DAY_SECONDS = 13 * SECONDS_PER_HOUR  # 24 h − 11 h of daily rest (CCN 3239 art. 96.1)

HISTORY_WEEKS = 18
"""Civil weeks a month hands to the next (:attr:`MonthLedger.weekly_hours`): enough for a
4-month average (CCN 3239 art. 96.3)."""

DAY_REST_WARNING = ("Le {day} : {hours} d'accueil ne laissent pas 11 heures consécutives de repos "
                    "quotidien (CCN 3239 art. 96.1 ; CASF L423-21).")
"""The words of :func:`day_rest_warning`, the day and the hours to fill in."""


def day_rest_warning(day: date, seconds: int) -> str:
    """The warning for a day of more than 13 h of care (CCN 3239 art. 96.1; CASF L423-21).

    >>> day_rest_warning(date(2025, 3, 12), 13 * 3600 + 40 * 60)[:36]
    "Le 12/03/2025 : 13,67 h d'accueil ne"
    """
    return DAY_REST_WARNING.format(day=french_date(day), hours=format_hours(seconds))


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
    average = _four_month_average(weekly_history(ledger, weeks, last), last, usual, planned or {})
    if average <= MAX_AVERAGE_WEEK_SECONDS:
        return None
    return (f"Moyenne de {format_hours(average)} par semaine sur les 4 derniers mois : "
            "au-delà de 48 h (CCN 3239 art. 96.3 ; CASF L423-22).")


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


def weekly_history(ledger: MonthLedger | None, weeks: Sequence[tuple[date, int]],
                   last: date) -> tuple[tuple[date, int], ...]:
    """The weekly hours a month hands to the next (:attr:`MonthLedger.weekly_hours`): those of
    ``ledger`` and the month's given ``weeks``, the last :data:`HISTORY_WEEKS` up to ``last``."""
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
    window = four_month_window(last)
    return Fraction(sum(known.get(m, usual) for m in window), len(window))


_WEEKS_BACK = tuple(timedelta(weeks=k) for k in range(HISTORY_WEEKS))
"""0 to 17 weeks: the Mondays a window can hold, back from the last."""


@lru_cache(maxsize=4096)
def four_month_window(last: date) -> tuple[date, ...]:
    """Mondays of the civil weeks starting in the 4 months up to ``last`` (CCN 3239 art. 96.3).

    >>> [m.isoformat() for m in four_month_window(date(2025, 3, 31))][-2:]
    ['2024-12-09', '2024-12-02']
    """
    since, monday = last - relativedelta(months=4), monday_of(last)
    return tuple(m for m in (monday - weeks for weeks in _WEEKS_BACK) if m > since)
