"""Préavis — the notice of an AM contract, its end date and its pay (CCN 3239 art. 64, 120, 122).

Duration (art. 120): **8 calendar days** under 3 months of seniority, **15
calendar days** from 3 months to under 1 year, **1 month** from 1 year —
seniority taken on the day the letter is **sent** or handed over (art. 64.1).
The notice runs from the **first presentation** of the registered letter (or
the hand delivery), which is day 1: N days end on day N, one month ends the day
before the same day-of-month of the next month (16 December → 15 January).
Where the next month has no such day (a notice starting on 29–31 January, or
on the 31st before a 30-day month), the end date is an open point (rules.md
§8.3): :class:`MonthEnd` names the two readings, :attr:`MonthEnd.LAST_DAY_OF_MONTH`
by default.

The notice is a *délai préfix*: only a work accident or occupational disease
arising during it, a maternity, paternity or adoption leave, or paid leave
taken by signed agreement suspend it and push its end back; ordinary sickness
does not (art. 64.2, 66).

>>> from datetime import date
>>> n = notice("withdrawal", hired=date(2023, 6, 5), sent=date(2024, 12, 16))
>>> n.notice_months, n.end
(1, datetime.date(2025, 1, 15))
>>> n = notice("resignation", hired=date(2022, 9, 1), sent=date(2022, 9, 30))
>>> n.notice_days, n.end
(8, datetime.date(2022, 10, 7))
>>> notice("serious_misconduct", hired=date(2023, 2, 6), sent=date(2025, 5, 12)).notice_days
0
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.calendar import PlannedDay, month_plan
from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.duration import format_hours
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, french_date
from amcalc.inputs import parse_choice, parse_date, parse_items, parse_span
from amcalc.mensualisation import mensualise
from amcalc.money import parse_money, round_to_cents
from amcalc.periods import MonthEnd, add_months, last_day
from amcalc.termination.end_reason import (
    EndConsequences,
    EndReason,
    NoticeRule,
    check_reason_fits,
    end_consequences,
    parse_reason,
)
from amcalc.termination.seniority import Period, Seniority, seniority

__all__ = [
    "MonthEnd",
    "MonthShare",
    "Notice",
    "NoticeDuration",
    "NoticePay",
    "Suspension",
    "SuspensionCause",
    "notice",
    "notice_compensation",
    "notice_duration",
    "unperformed_notice",
]


MAX_NOTICE_DAYS = 366
"""A notice period paid in one call: one month at most by art. 120, pushed back by its
suspensions (art. 64.2); a year bounds it and the time the call takes."""


@attrs.frozen
class NoticeDuration:
    """A notice of ``days`` calendar days or of ``months`` months."""

    days: int | None = None
    months: int | None = None

    @property
    def label(self) -> str:
        return f"{self.days} jours calendaires" if self.days is not None else f"{self.months} mois"

    def last_day(self, first_day: date, month_end: MonthEnd = MonthEnd.LAST_DAY_OF_MONTH) -> date:
        """Last day of a notice whose day 1 is ``first_day``."""
        return last_day(first_day, days=self.days, months=self.months, month_end=month_end)


_MONTH_END_WORDS = {
    MonthEnd.LAST_DAY_OF_MONTH: "le préavis finit le dernier jour de ce mois",
    MonthEnd.DAY_BEFORE_CLIPPED: "le préavis finit la veille du dernier jour de ce mois",
}
"""The options of :class:`~amcalc.periods.MonthEnd` in the French of the explanations."""


def notice_duration(seniority: Seniority) -> NoticeDuration:
    """Durée du préavis (CCN 3239 art. 120) for a seniority taken on the sending date."""
    if not seniority.reaches(3):
        return NoticeDuration(days=8)
    if not seniority.reaches(12):
        return NoticeDuration(days=15)
    return NoticeDuration(months=1)


class SuspensionCause(StrEnum):
    """An event during the notice (CCN 3239 art. 64.2, 66)."""

    WORK_ACCIDENT = "work_accident"
    """Stoppage for a work accident or occupational disease arising during the notice: suspends."""
    MATERNITY = "maternity"
    """Maternity, paternity or adoption leave: suspends."""
    PAID_LEAVE = "paid_leave"
    """Paid leave taken during the notice by signed agreement: suspends."""
    SICKNESS = "sickness"
    """Ordinary sickness: does **not** suspend the notice."""


_SUSPENDS = {
    SuspensionCause.WORK_ACCIDENT: "accident du travail ou maladie professionnelle survenu pendant le préavis",
    SuspensionCause.MATERNITY: "congé de maternité, de paternité ou d'adoption",
    SuspensionCause.PAID_LEAVE: "congés payés pris pendant le préavis d'un commun accord écrit",
}


def _cause(value: object) -> SuspensionCause:
    return parse_choice(SuspensionCause, value, "suspensions.cause")


@attrs.frozen
class Suspension:
    """An event from ``start`` to ``end`` inclusive during the notice."""

    start: date
    end: date
    cause: SuspensionCause = attrs.field(converter=_cause)

    def __attrs_post_init__(self) -> None:
        parse_span(self, "start", "end", "suspensions")


@attrs.frozen(kw_only=True)
class Notice(Explained):
    """The notice for ``reason``: ``duration`` (``None`` when there is none), the period
    from ``start`` to ``end`` (suspensions included) and the last day of the contract.

    For the death of the child no notice runs (``performed`` is false): ``duration``,
    ``start`` and ``end`` describe the notice that the indemnity of art. 119.4.2 pays."""

    reason: EndReason
    seniority: Seniority
    duration: NoticeDuration | None
    performed: bool
    start: date | None
    planned_end: date | None
    end: date | None
    suspended_days: int
    contract_end: date
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def notice_days(self) -> int | None:
        """Calendar days of notice to work: 0 when none runs, ``None`` for a notice in months."""
        if not self.performed or self.duration is None:
            return 0
        return self.duration.days

    @property
    def notice_months(self) -> int | None:
        return self.duration.months if self.performed and self.duration else None


_REFERENCE = "CCN 3239 art. 64, 120, 122"


def _push_back(start: date, end: date, suspensions: Iterable[Suspension]) -> tuple[date, int, list[Step]]:
    """The end of a notice pushed back by the suspensions that fall in it (art. 64.2)."""
    steps, pushed, previous = [], 0, None
    for s in sorted(suspensions, key=lambda s: s.start):
        if s.start < start:
            raise InvalidInput("suspensions", f"l'événement du {french_date(s.start)} précède le "
                               f"début du préavis ({french_date(start)}) : seuls les événements "
                               "survenus pendant le préavis le suspendent.")
        if s.cause is SuspensionCause.SICKNESS:
            steps.append(Step("Maladie ordinaire", f"du {french_date(s.start)} au {french_date(s.end)}",
                              "ne prolonge pas le préavis", "CCN 3239 art. 64.2"))
            continue
        if previous is not None and s.start <= previous:
            raise InvalidInput("suspensions", f"les suspensions se chevauchent le {french_date(s.start)}.")
        previous = s.end
        if s.start > end:
            continue  # after the (already pushed) end: the notice is over
        length = (s.end - s.start).days + 1
        end += timedelta(days=length)
        pushed += length
        steps.append(Step(_SUSPENDS[s.cause].capitalize(), f"du {french_date(s.start)} au "
                          f"{french_date(s.end)} : {length} j", f"fin reportée au {french_date(end)}",
                          "CCN 3239 art. 64.2"))
    return end, pushed, steps


def notice(
    reason: EndReason | str, *, hired: date | str, sent: date | str, notified: date | str | None = None,
    periods: Iterable[Period] = (), family_first_hired: date | str | None = None,
    suspensions: Iterable[Suspension] = (), month_end: MonthEnd = MonthEnd.LAST_DAY_OF_MONTH,
    kind: ContractKind | str | None = None,
) -> Notice:
    """Préavis (CCN 3239 art. 64, 120): duration, start and end of the notice for ``reason``.

    ``sent`` is the day the letter is sent or handed over (it fixes the seniority),
    ``notified`` the first presentation of the registered letter (day 1 of the
    notice; ``sent`` by default). ``periods`` and ``family_first_hired`` adjust the
    seniority (art. 60, 90.1); ``suspensions`` push the end back (art. 64.2). ``kind``,
    when given: each kind of contract ends only for its own reasons (a CDD at its term or
    early in the cases of Code du travail L1243-1; the term of a CDD never ends a CDI).

    >>> from datetime import date
    >>> n = notice("withdrawal", hired=date(2024, 12, 2), sent=date(2025, 2, 25),
    ...            notified=date(2025, 3, 4))
    >>> n.duration.label, n.start, n.end
    ('8 jours calendaires', datetime.date(2025, 3, 4), datetime.date(2025, 3, 11))
    """
    reason = parse_reason(reason)
    if kind is not None:
        check_reason_fits(reason, parse_choice(ContractKind, kind, "kind"))
    hired, sent = parse_date(hired, "hired"), parse_date(sent, "sent")
    notified = sent if notified is None else parse_date(notified, "notified")
    if sent < hired:
        raise InvalidInput("sent", f"la lettre ({french_date(sent)}) précède l'embauche "
                           f"({french_date(hired)}).")
    if notified < sent:
        raise InvalidInput("notified", f"la première présentation ({french_date(notified)}) "
                           f"précède l'envoi de la lettre ({french_date(sent)}).")
    rule = end_consequences(reason, on=sent)
    tenure = seniority(hired, sent, periods=periods, family_first_hired=family_first_hired)
    suspensions = parse_items(suspensions, Suspension, "suspensions")
    on_death = reason in (EndReason.CHILD_DEATH, EndReason.AM_DEATH)
    steps = [Step("Ancienneté au décès" if on_death else "Ancienneté à l'envoi de la lettre",
                  french_date(sent), tenure.label, "CCN 3239 art. 64.1, 60")]
    if rule.notice is NoticeRule.NONE:
        return _no_notice(reason, rule, tenure, sent, suspensions, steps)
    duration = notice_duration(tenure)
    steps.append(Step("Durée", f"ancienneté de {tenure.label}", duration.label, "CCN 3239 art. 120"))
    if rule.notice is NoticeRule.INDEMNITY:
        return _indemnity_instead(reason, rule, tenure, duration, sent, suspensions, month_end, steps)
    return _performed(reason, rule, tenure, duration, notified, suspensions, month_end, steps)


def _no_notice(reason: EndReason, rule: EndConsequences, tenure: Seniority, sent: date,
               suspensions: tuple[Suspension, ...], steps: list[Step]) -> Notice:
    """An end without notice: the contract ends on the day of the letter (or of the event)."""
    if suspensions:
        raise InvalidInput("suspensions", f"aucun préavis ne court ({rule.label}).")
    steps.append(Step("Préavis", rule.label, "aucun", rule.reference))
    explanation = Explanation(title=f"Préavis — {rule.label}", reference=_REFERENCE, steps=tuple(steps),
                              notes=(f"Fin du contrat : {rule.end_date}.",))
    return Notice(reason=reason, seniority=tenure, duration=None, performed=False, start=None,
                  planned_end=None, end=None, suspended_days=0, contract_end=sent, explanation=explanation)


def _indemnity_instead(reason: EndReason, rule: EndConsequences, tenure: Seniority, duration: NoticeDuration,
                       sent: date, suspensions: tuple[Suspension, ...], month_end: MonthEnd, steps: list[Step]) -> Notice:
    """The child's death ends the contract that day: the notice that would have run is paid
    as an indemnity (CCN 3239 art. 119.4.2, 122)."""
    if suspensions:
        raise InvalidInput("suspensions", "aucun préavis ne court après le décès de l'enfant.")
    start = sent + timedelta(days=1)
    end = duration.last_day(start, month_end)
    steps.append(Step("Indemnité égale au préavis", f"préavis qui aurait couru du "
                      f"{french_date(start)}", f"jusqu'au {french_date(end)}",
                      "CCN 3239 art. 119.4.2, 122"))
    note = ("Le contrat est rompu de plein droit le jour du décès : aucun préavis n'est "
            "effectué, une indemnité égale à l'indemnité compensatrice de préavis est versée.")
    explanation = Explanation(title=f"Préavis — {rule.label}", reference=_REFERENCE,
                              steps=tuple(steps), notes=(note,))
    return Notice(reason=reason, seniority=tenure, duration=duration, performed=False,
                  start=start, planned_end=end, end=end, suspended_days=0, contract_end=sent,
                  explanation=explanation)


def _performed(reason: EndReason, rule: EndConsequences, tenure: Seniority, duration: NoticeDuration,
               notified: date, suspensions: tuple[Suspension, ...], month_end: MonthEnd, steps: list[Step]) -> Notice:
    """A notice that runs from the letter's first presentation (day 1, CCN 3239 art. 64.1), its
    end pushed back by the suspensions that stop it (art. 64.2)."""
    planned_end = duration.last_day(notified, month_end)
    steps.append(Step("Point de départ (jour 1)", "première présentation de la lettre",
                      french_date(notified), "CCN 3239 art. 64.1"))
    steps.append(Step("Dernier jour", f"{duration.label} à compter du {french_date(notified)}",
                      french_date(planned_end), "CCN 3239 art. 120"))
    end, pushed, suspension_steps = _push_back(notified, planned_end, suspensions)
    steps += suspension_steps
    notes = []
    if duration.months is not None and add_months(notified, duration.months).day != notified.day:
        notes.append(f"Le mois suivant n'a pas de {notified.day} : point ouvert, option retenue : "
                     f"{_MONTH_END_WORDS[month_end]}.")
    notes.append("Le préavis est un délai préfix : seuls un accident du travail ou une maladie "
                 "professionnelle survenus pendant le préavis, un congé de maternité, de paternité "
                 "ou d'adoption, ou des congés payés pris d'un commun accord le suspendent.")
    explanation = Explanation(title=f"Préavis — {rule.label}", reference=_REFERENCE,
                              steps=tuple(steps), notes=tuple(notes))
    return Notice(reason=reason, seniority=tenure, duration=duration, performed=True,
                  start=notified, planned_end=planned_end, end=end, suspended_days=pushed,
                  contract_end=end, explanation=explanation)


@attrs.frozen
class MonthShare:
    """The part of one month's pay falling in the period (CCN 3239 art. 111): units are
    seconds for a 52-week contract, days for a contract of 46 weeks or less."""

    year: int
    month: int
    monthly_amount: Decimal
    units_in_period: int
    units_in_month: int

    @property
    def amount(self) -> Fraction:
        return Fraction(self.monthly_amount) * self.units_in_period / self.units_in_month


@attrs.frozen(kw_only=True)
class NoticePay(Explained):
    """Pay for the notice from ``first_day`` to ``last_day``, rounded once."""

    first_day: date
    last_day: date
    amount: Decimal
    shares: tuple[MonthShare, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _units(days: Iterable[PlannedDay], by_days: bool) -> int:
    """Days (46 weeks or less) or seconds (52 weeks) of scheduled care (CCN 3239 art. 111)."""
    return sum(1 if by_days else d.seconds for d in days)


def _month_shares(contract: Contract, monthly_amount: Decimal, first_day: date,
                  last_day: date) -> tuple[MonthShare, ...]:
    schedule = contract.schedule
    if schedule is None:
        raise InvalidInput("schedule", "la proratisation de l'article 111 compte les heures ou les "
                           "jours du mois : donnez au contrat un emploi du temps hebdomadaire.")
    if last_day < first_day:
        raise InvalidInput("last_day", f"le {french_date(last_day)} précède le {french_date(first_day)}.")
    by_days = contract.accueil is Accueil.PART_YEAR
    shares, year, month = [], first_day.year, first_day.month
    while (year, month) <= (last_day.year, last_day.month):
        plan = month_plan(year, month, schedule.seconds_by_weekday, contract.territory)
        inside = [d for d in plan.days if first_day <= d.day <= last_day]
        shares.append(MonthShare(year, month, monthly_amount, _units(inside, by_days),
                                 _units(plan.days, by_days)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(shares)


def _notice_pay(contract: Contract, monthly_amount: Decimal, first_day: date, last_day: date,
                title: str, reference: str, notes: tuple[str, ...]) -> NoticePay:
    if (last_day - first_day).days > MAX_NOTICE_DAYS:
        raise InvalidInput("last_day", f"du {french_date(first_day)} au {french_date(last_day)} : "
                           "un préavis ne dure pas plus de quelques mois (CCN 3239 art. 120).")
    shares = _month_shares(contract, monthly_amount, first_day, last_day)
    by_days = contract.accueil is Accueil.PART_YEAR

    def units(value: int) -> str:
        return f"{value} j" if by_days else format_hours(value)

    steps = tuple(
        Step(f"{s.month:02d}/{s.year}",
             euros(s.monthly_amount) if s.units_in_period == s.units_in_month else
             f"{euros(s.monthly_amount)} × {units(s.units_in_period)} / {units(s.units_in_month)}",
             euros(s.amount, 4), "CCN 3239 art. 111")
        for s in shares
    )
    amount = round_to_cents(sum((s.amount for s in shares), Fraction(0)))
    steps += (Step("Total", " + ".join(euros(s.amount, 4) for s in shares) + ", arrondi une fois au centime",
                   euros(amount), reference),)
    explanation = Explanation(title=title, reference=reference, steps=steps, notes=notes)
    return NoticePay(first_day=first_day, last_day=last_day, amount=amount, shares=shares,
                     explanation=explanation)


def notice_compensation(contract: Contract, *, first_day: date | str, last_day: date | str) -> NoticePay:
    """Indemnité compensatrice de préavis (CCN 3239 art. 64.2, 122): the gross pay from
    ``first_day`` to ``last_day`` of a notice the parent waives, prorated per art. 111
    in a month the notice only partly covers.

    >>> from datetime import date
    >>> from amcalc.contract import Contract
    >>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52,
    ...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
    >>> notice_compensation(c, first_day=date(2025, 3, 17), last_day=date(2025, 4, 16)).amount
    Decimal('734.11')
    """
    first_day, last_day = parse_date(first_day, "first_day"), parse_date(last_day, "last_day")
    salary = mensualise(contract).monthly_salary
    return _notice_pay(
        contract, salary, first_day, last_day,
        f"Indemnité compensatrice de préavis du {french_date(first_day)} au {french_date(last_day)}",
        "CCN 3239 art. 64.2, 111, 122",
        ("Salaire brut soumis à cotisations ; la période compte pour les congés payés et "
         "l'ancienneté.",),
    )


def unperformed_notice(contract: Contract, *, monthly_net: object, first_day: date | str,
                       last_day: date | str) -> NoticePay:
    """Préavis non effectué par l'assistant maternel (CCN 3239 art. 64.2): the **net** pay
    of the missing part, from ``first_day`` to ``last_day``, that she owes the parent;
    ``monthly_net`` is her net mensualised salary.

    >>> from datetime import date
    >>> from amcalc.contract import Contract
    >>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52,
    ...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
    >>> unperformed_notice(c, monthly_net="540.00", first_day=date(2025, 4, 7),
    ...                    last_day=date(2025, 4, 16)).amount
    Decimal('190.59')
    """
    net = parse_money(monthly_net, "monthly_net")
    first_day, last_day = parse_date(first_day, "first_day"), parse_date(last_day, "last_day")
    return _notice_pay(
        contract, net, first_day, last_day,
        f"Préavis non effectué du {french_date(first_day)} au {french_date(last_day)} (dû par "
        "l'assistant maternel)", "CCN 3239 art. 64.2, 111",
        ("Sans accord du parent, l'assistant maternel qui n'effectue pas son préavis lui doit le "
         "salaire net de la partie non effectuée ; le contrat prend fin le dernier jour travaillé.",),
    )
