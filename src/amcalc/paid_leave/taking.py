"""Prise des congés — leave taken, counted in jours ouvrables, the main-leave
window, fractionnement and complementary unpaid leave (CCN 3239 art. 48.1.1.3,
48.1.1.4, 102.2; Code du travail L3141-17 to L3141-19).

A day of leave is a jour ouvrable: every day but Sunday (weekly rest) and the
chômé public holidays — 6 a week without a holiday, whatever the days of care.
Leave is counted from the first jour ouvrable that would have been worked to
the last one before the return (rules.md §6.5).

>>> from datetime import date
>>> span = LeaveSpan(date(2025, 8, 4), date(2025, 8, 23))
>>> span.count, len(span.holidays)
(17, 1)
>>> fractionnement(ordinary_days=30, inside=18, outside=6).extra_days
2
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from fractions import Fraction
from functools import cached_property

import attrs

from amcalc.calendar import Territory, holiday_name
from amcalc.contract import Accueil, Contract
from amcalc.duration import format_hours
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, french_date
from amcalc.inputs import parse_choice, parse_date, parse_flag, parse_span, parse_whole
from amcalc.paid_leave.acquisition import ANNUAL_CAP, days_text

__all__ = [
    "ComplementaryLeave",
    "Fractionnement",
    "LeaveSpan",
    "UnpaidMonth",
    "complementary_leave",
    "continuous_spans",
    "fractionnement",
    "fractionnement_days",
    "main_leave_window",
    "unpaid_seconds",
]

MAIN_LEAVE_DAYS = 24  # L3141-17 and -19: only the main leave (24 days) opens fractionnement
MAIN_BLOCK_DAYS = 12  # L3141-18, -19: 12 continuous days between 1 May and 31 October


@attrs.frozen
class LeaveSpan:
    """Leave from ``first`` (first day off that would have been worked) to ``last``
    (last day off before the return: the Saturday when the AM returns on Monday)."""

    first: date
    last: date
    territory: Territory = Territory.METROPOLE

    def __attrs_post_init__(self) -> None:
        parse_span(self, "first", "last", "taken", max_days=366)  # leave, not a career
        object.__setattr__(self, "territory", parse_choice(Territory, self.territory, "territory"))

    @cached_property
    def _weekdays(self) -> tuple[date, ...]:
        every = (self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1))
        return tuple(d for d in every if d.weekday() != 6)

    @cached_property
    def days(self) -> tuple[date, ...]:
        """The jours ouvrables of the span (CCN 3239 art. 48.1.1.3)."""
        return tuple(d for d in self._weekdays if holiday_name(d, self.territory) is None)

    @property
    def count(self) -> int:
        return len(self.days)

    @property
    def holidays(self) -> tuple[date, ...]:
        """Chômé holidays inside the span, not counted as leave."""
        return tuple(d for d in self._weekdays if holiday_name(d, self.territory))

    @property
    def label(self) -> str:
        return f"du {french_date(self.first)} au {french_date(self.last)}"


def main_leave_window(closing: date) -> tuple[date, date]:
    """Période du congé principal — 1 May to 31 October of the year the rights
    close on ``closing`` (Code du travail L3141-13; CCN 3239 art. 48.1.1.4).

    >>> main_leave_window(date(2025, 5, 31))
    (datetime.date(2025, 5, 1), datetime.date(2025, 10, 31))
    """
    closing = parse_date(closing, "closing")
    return date(closing.year, 5, 1), date(closing.year, 10, 31)


def fractionnement_days(main_days: int, inside: int, outside: int) -> int:
    """Extra days for main-leave days taken outside 1 May – 31 October: 2 for 6
    or more, 1 for 3 to 5 (L3141-19); plain int arithmetic."""
    outside_main = min(outside, max(0, main_days - inside))
    return 2 if outside_main >= 6 else 1 if outside_main >= 3 else 0


@attrs.frozen
class Fractionnement(Explained):
    """Extra days earned by taking part of the main leave outside the window."""

    main_days: int
    inside: int
    outside: int
    extra_days: int
    explanation: Explanation = attrs.field(eq=False, repr=False)


def fractionnement(*, ordinary_days: int, inside: int, outside: int, waived: bool = False) -> Fractionnement:
    """Jours de fractionnement — extra days when main-leave days are taken outside
    1 May – 31 October (CCN 3239 art. 48.1.1.4; Code du travail L3141-19).

    ``ordinary_days``: the rights of the period (children's days excluded); only
    the first 24 days are the main leave. ``inside``/``outside``: days of the
    period's leave taken inside/outside the window. ``waived``: the AM asked to
    split her leave and waived the extra days in writing.

    >>> fractionnement(ordinary_days=30, inside=24, outside=6).extra_days
    0
    >>> fractionnement(ordinary_days=23, inside=18, outside=5).extra_days
    1
    """
    ordinary_days, inside, outside = (parse_whole(ordinary_days, "ordinary_days"),
                                      parse_whole(inside, "inside"), parse_whole(outside, "outside"))
    if min(ordinary_days, inside, outside) < 0 or max(ordinary_days, inside, outside) > 366:
        raise InvalidInput("ordinary_days", "des nombres de jours de 0 à 366 sont attendus.")
    main = min(ordinary_days, MAIN_LEAVE_DAYS)
    extra = 0 if parse_flag(waived, "waived") else fractionnement_days(main, inside, outside)
    outside_main = min(outside, max(0, main - inside))
    steps = (
        Step("Congé principal", f"{ordinary_days} j acquis, limité à 24 j", days_text(main),
             "Code du travail L3141-17"),
        Step("Jours du congé principal pris hors du 1er mai – 31 octobre",
             f"min({outside} j pris hors période, {main} − {inside} j pris dans la période)",
             days_text(outside_main), "Code du travail L3141-19"),
        Step("Jours de fractionnement", "2 j dès 6 jours, 1 j de 3 à 5 jours"
             + (" — renonciation écrite" if waived else ""), days_text(extra),
             "Code du travail L3141-19 ; CCN 3239 art. 48.1.1.4"),
    )
    explanation = Explanation(
        title="Jours de fractionnement",
        reference="CCN 3239 art. 48.1.1.4 ; Code du travail L3141-19",
        steps=steps,
        notes=("Les jours au-delà de 24 (5e semaine) n'ouvrent pas droit au fractionnement.",),
    )
    return Fractionnement(main, inside, outside, extra, explanation)


def continuous_spans(days: Iterable[date], territory: Territory = Territory.METROPOLE) -> tuple[LeaveSpan, ...]:
    """``days`` of leave grouped into continuous spans: only Sundays and holidays
    may separate two days of one span."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and LeaveSpan(runs[-1][-1], day, territory).count == 2:
            runs[-1].append(day)
        else:
            runs.append([day])
    return tuple(LeaveSpan(run[0], run[-1], territory) for run in runs)


@attrs.frozen
class UnpaidMonth:
    """Complementary unpaid leave falling in one month: jours ouvrables and the
    hours of care they remove (exact seconds), for the art. 111 deduction."""

    month: date
    days: int
    seconds: Fraction


def unpaid_seconds(contract: Contract, days: Sequence[date]) -> Fraction:
    """Hours of care (seconds) that ``days`` of unpaid leave would have held:
    the weekday schedule when the contract has one, otherwise days / 6 × the
    average weekly hours (several rhythms: [U])."""
    schedule = contract.schedule
    if schedule is not None:
        return Fraction(sum(schedule.seconds_by_weekday[d.weekday()] for d in days))
    return len(days) * Fraction(contract.annual_seconds, contract.weeks) / 6


def by_month(contract: Contract, days: Sequence[date]) -> tuple[UnpaidMonth, ...]:
    months: dict[date, list[date]] = {}
    for day in days:
        months.setdefault(day.replace(day=1), []).append(day)
    return tuple(UnpaidMonth(m, len(ds), unpaid_seconds(contract, ds)) for m, ds in sorted(months.items()))


@attrs.frozen
class ComplementaryLeave(Explained):
    """Leave taken against ``acquired_days`` of rights: the paid days and the
    complementary unpaid days (art. 102.2), with the hours to deduct by month
    (52 weeks) or none (46 weeks or less: already outside the mensualisation)."""

    paid_days: int
    unpaid_days: int
    unpaid_dates: tuple[date, ...]
    months: tuple[UnpaidMonth, ...]
    deducted: bool
    explanation: Explanation = attrs.field(eq=False, repr=False)


def complementary_leave(
    contract: Contract, *, acquired_days: int, spans: Sequence[LeaveSpan]
) -> ComplementaryLeave:
    """Congé complémentaire non rémunéré — when the AM has fewer than 30 days of
    rights, her rest beyond them, up to 30 jours ouvrables, is unpaid (CCN 3239
    art. 102.2). The first days taken use the paid rights.

    >>> from datetime import date
    >>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52,
    ...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
    >>> leave = complementary_leave(c, acquired_days=23, spans=[
    ...     LeaveSpan(date(2025, 7, 28), date(2025, 8, 30))])
    >>> leave.paid_days, leave.unpaid_days, [format_hours(m.seconds) for m in leave.months]
    (23, 6, ['40,00 h'])
    """
    if isinstance(acquired_days, bool) or not isinstance(acquired_days, int) or acquired_days < 0:
        raise InvalidInput("acquired_days", f"un nombre entier de jours est attendu ({acquired_days!r}).")
    taken = sorted(d for span in spans for d in span.days)
    if len(set(taken)) != len(taken):
        raise InvalidInput("spans", "deux congés se chevauchent.")
    allowed = max(acquired_days, ANNUAL_CAP)
    if len(taken) > allowed:
        raise InvalidInput(
            "spans",
            f"{len(taken)} jours ouvrables de congé dépassent les {allowed} jours de repos "
            "(droits acquis complétés jusqu'à 30 jours par un congé non rémunéré, CCN 3239 "
            "art. 102.2) : le surplus n'est pas un congé payé ; traitez-le comme une absence.",
        )
    paid = taken[:acquired_days]
    unpaid = tuple(taken[acquired_days:])
    deducted = contract.accueil is Accueil.FULL_YEAR
    months = by_month(contract, unpaid) if deducted else ()
    steps = [
        Step("Jours ouvrables de congé pris", f"{len(spans)} période{'s' if len(spans) > 1 else ''}",
             days_text(len(taken)),
             "CCN 3239 art. 48.1.1.3"),
        Step("Jours payés", f"dans la limite des {acquired_days} j acquis", days_text(len(paid)),
             "CCN 3239 art. 102.1"),
        Step("Congé complémentaire non rémunéré", "jusqu'à 30 j de repos",
             days_text(len(unpaid)), "CCN 3239 art. 102.2"),
    ]
    for m in months:
        steps.append(Step(f"Heures à déduire en {m.month.strftime('%m/%Y')}",
                          f"{m.days} j ouvrables non rémunérés", format_hours(m.seconds),
                          "CCN 3239 art. 102.2, 111"))
    notes = [
        "Accueil sur 52 semaines : le congé non rémunéré est déduit du salaire mensualisé selon "
        "la méthode réelle (art. 111)." if deducted else
        "Accueil sur 46 semaines ou moins : ces semaines font partie des semaines non travaillées, "
        "déjà exclues de la mensualisation ; rien n'est déduit (art. 102.2).",
        "Le congé complémentaire non rémunéré n'ouvre pas de droit à congés payés.",
    ]
    if deducted and contract.schedule is None:
        notes.append("Sans emploi du temps, les heures sont estimées à 1/6 de la durée hebdomadaire "
                     f"moyenne ({format_hours(Fraction(contract.annual_seconds, contract.weeks))}) par "
                     "jour ouvrable [U].")
    explanation = Explanation(
        title="Congés pris et congé complémentaire non rémunéré",
        reference="CCN 3239 art. 102.2",
        steps=tuple(steps),
        notes=tuple(notes),
    )
    return ComplementaryLeave(len(paid), len(unpaid), unpaid, months, deducted, explanation)

