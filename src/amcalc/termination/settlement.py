"""Solde de tout compte — the end-of-contract settlement (CCN 3239 art. 63–69, 119–124;
Code du travail L1234-20, L1243-8).

One call gathers, for a contract, its pay history and the end event, every date
(letter sent, notice, last day, documents due) and every amount with its rule:
the indemnité compensatrice de préavis when the parent waives the notice (or the
indemnity equal to the notice on the child's death), the leave compensation
(ICCP), the final regularisation (46 weeks or less), the rupture indemnity or the
reason it is not due, and for a CDD the précarité indemnity. Salary lines are
subject to contributions; the rupture indemnity is not (art. 121.1).

>>> from datetime import date
>>> from decimal import Decimal
>>> from amcalc.contract import Contract
>>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2023, 9, 4),
...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
>>> s = settlement(c, reason="withdrawal", sent=date(2025, 6, 2), total_gross=Decimal("14560.00"),
...     leave=LeaveOwedAtEnd(current=LeaveOwed(days=3, reference_gross=Decimal("693.33"))))
>>> s.notice_last_day, s.last_day, s.documents_due
(datetime.date(2025, 7, 1), datetime.date(2025, 7, 1), datetime.date(2025, 7, 1))
>>> [(line.label, line.amount) for line in s.lines]   # 3/6 × 40 h × 4 € ; (14 560 + 80) / 80
[('Indemnité compensatrice de congés payés', Decimal('80.00')), ('Indemnité de rupture', Decimal('183.00'))]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.contract_sheet import contract_header
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, french_date
from amcalc.inputs import parse_date, parse_items, parse_optional_date
from amcalc.minimum_rate import check_rate
from amcalc.money import parse_money
from amcalc.paid_leave import LeaveLedger
from amcalc.paid_leave.payment import PaymentKind
from amcalc.periods import MonthEnd
from amcalc.termination.end_reason import (
    CDD_EARLY_END_PRECARITY,
    EndConsequences,
    EndReason,
    NoticeRule,
    check_reason_fits,
    end_consequences,
    parse_reason,
)
from amcalc.termination.fixed_term import FixedTermEnd, PrecarityException, fixed_term_end
from amcalc.termination.leave_compensation import LeaveOwed, leave_compensation
from amcalc.termination.notice import Notice, notice, notice_compensation
from amcalc.termination.regularisation import Regularisation, final_regularisation
from amcalc.termination.rupture_indemnity import RuptureBase, rupture_indemnity

__all__ = ["LeaveOwedAtEnd", "Settlement", "SettlementLine", "settlement"]

_REFERENCE = "CCN 3239 art. 63–69, 119–124 ; Code du travail L1234-20"


@attrs.frozen(kw_only=True)
class LeaveOwedAtEnd:
    """Paid-leave rights not yet paid: a ``completed`` period and the ``current`` one."""

    completed: LeaveOwed | None = None
    current: LeaveOwed | None = None


@attrs.frozen
class SettlementLine:
    """An amount of the settlement, with its rule: ``salary`` lines bear contributions."""

    label: str
    amount: Decimal
    salary: bool
    reference: str
    result: Explained


@attrs.frozen(kw_only=True)
class Settlement(Explained):
    """The solde de tout compte: dates, amounts with their rules, and what is not due and why."""

    reason: EndReason
    sent: date
    notice_first_day: date | None
    notice_last_day: date | None
    last_day: date
    documents_due: date
    lines: tuple[SettlementLine, ...]
    not_due: tuple[str, ...]
    salary_total: Decimal
    indemnity_total: Decimal
    total: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _line_steps(line: SettlementLine) -> list[Step]:
    """A line of the settlement with its own computation: the steps of its result, the last
    one (the line's amount) saying whether it bears contributions."""
    *detail, last = line.result.explanation.steps or (Step(line.label, "", euros(line.amount)),)
    subject = "soumise à cotisations" if line.salary else "non soumise à cotisations"
    formula = f"{last.formula} ; {subject}" if last.result == euros(line.amount) else subject
    return [*detail, Step(line.label, formula, euros(line.amount), line.reference)]


def _sum(lines: list[SettlementLine]) -> Decimal:
    return sum((x.amount for x in lines), Decimal("0.00"))


def _total_step(label: str, lines: list[SettlementLine]) -> Step:
    amounts = [euros(x.amount) for x in lines]
    return Step(label, " + ".join(amounts) if amounts else "aucune ligne", euros(_sum(lines)))


_ICCP = "Indemnité compensatrice de congés payés"
_ICCP_REFERENCE = "CCN 3239 art. 123 ; Code du travail L3141-28"


def _leave_line(contract: Contract, leave: LeaveOwedAtEnd | LeaveLedger | None, last_day: date,
                cdd: FixedTermEnd | None, cdd_already_paid: object) -> SettlementLine:
    """The ICCP (CCN 3239 art. 123), never silently left out: from the leave still owed, from
    the contract's leave ledger, or at the term of a CDD by the 1/10 rule on the salaries and
    the précarité (Code du travail L3141-24)."""
    if leave is not None and not isinstance(leave, (LeaveOwedAtEnd, LeaveLedger)):
        raise InvalidInput("leave", "les congés dus par période ou le compte de congés du contrat "
                           f"sont attendus ({type(leave).__name__} reçu).")
    if isinstance(leave, LeaveLedger):
        if cdd is not None:
            raise InvalidInput("leave", "au terme d'un CDD, la précarité entre dans l'assiette des "
                               "congés payés : donnez les congés acquis et non payés de chaque "
                               "période, ou rien pour appliquer la règle du dixième.")
        if leave.contract.end is None or leave.as_of != last_day:
            raise InvalidInput("leave", "le compte de congés doit s'arrêter au dernier jour du "
                               f"contrat, le {french_date(last_day)} (date de fin du contrat).")
        amount = sum((p.amount for p in leave.payments if p.kind is PaymentKind.COMPENSATION),
                     Decimal("0.00"))
        return SettlementLine(_ICCP, amount, True, _ICCP_REFERENCE, leave)
    if leave is None:
        if cdd is None:
            raise InvalidInput(
                "leave", "le solde de tout compte comprend l'indemnité compensatrice de congés "
                "payés (CCN 3239 art. 123) : indiquez les congés acquis et non payés (jours et "
                "salaires bruts de la période en cours et, s'il y a lieu, de la période achevée), "
                "ou le compte de congés du contrat ; une indication vide si tout a été payé.")
        return SettlementLine(_ICCP, cdd.leave_compensation, True,
                              "Code du travail L1243-8, L3141-24, L3141-28", cdd)
    current = leave.current
    if cdd is not None:
        if parse_money(cdd_already_paid, "cdd_leave_already_paid"):
            raise InvalidInput("cdd_leave_already_paid", "avec les congés de chaque période, "
                               "indiquez les congés déjà payés dans chaque période.")
        if current is None:
            raise InvalidInput("leave", "au terme d'un CDD, la précarité entre dans l'assiette des "
                               "congés de la période en cours : indiquez ses congés acquis.")
        current = attrs.evolve(current, reference_gross=current.reference_gross + cdd.precarity)
    iccp = leave_compensation(contract, completed=leave.completed, current=current)
    return SettlementLine(_ICCP, iccp.total, True, _ICCP_REFERENCE, iccp)


def settlement(
    contract: Contract,
    *,
    reason: EndReason | str,
    sent: date | str,
    notified: date | str | None = None,
    total_gross: object,
    leave: LeaveOwedAtEnd | LeaveLedger | None = None,
    regularisations: Iterable[Regularisation] = (),
    notice_waived: bool = False,
    precarity_exception: PrecarityException | str | None = None,
    cdd_leave_already_paid: object = "0.00",
    month_end: MonthEnd = MonthEnd.LAST_DAY_OF_MONTH,
    rupture_base: RuptureBase = RuptureBase.ALL_GROSS_SALARIES,
) -> Settlement:
    """Solde de tout compte of ``contract`` ended for ``reason`` by a letter ``sent``
    (first presented on ``notified``). ``total_gross``: gross salaries received
    during the contract, indemnities excluded; ``leave``: the paid leave still owed
    (:class:`LeaveOwedAtEnd`, empty when everything was paid) or the contract's
    :class:`~amcalc.paid_leave.LeaveLedger` up to its last day — required, except at
    the term of a CDD, whose leave compensation is then the 1/10 of the salaries and
    the précarité, less ``cdd_leave_already_paid`` (:func:`fixed_term_end`);
    ``regularisations``: the anniversary statements (46 weeks or less);
    ``notice_waived``: the parent releases the AM from working her notice."""
    reason = parse_reason(reason)
    sent = parse_date(sent, "sent")
    notified = parse_optional_date(notified, "notified")
    if contract.start is None:
        raise InvalidInput("start", "la date d'embauche du contrat est nécessaire au solde de tout compte.")
    check_reason_fits(reason, contract.kind)
    received = parse_money(total_gross, "total_gross")
    rule = end_consequences(reason, on=sent)
    n = notice(reason, hired=contract.start, sent=sent, notified=notified, month_end=month_end)
    for day, field in ((sent, "sent"), (n.contract_end, "sent")):  # the minimum in force (art. 107)
        check_rate(contract.hourly_rate, day, am_ge=contract.am_ge, date_field=field)
    notice_pay = _notice_line(contract, rule, n, notice_waived)
    cdd, precarity = _precarity(contract, reason, received, cdd_leave_already_paid, precarity_exception)
    iccp = _leave_line(contract, leave, n.contract_end, cdd, cdd_leave_already_paid)
    regularised, regularisation = _final_regularisation(contract, regularisations)
    rupture = rupture_indemnity(
        reason, hired=contract.start, end=n.contract_end, total_gross=received,
        notice_compensation=notice_pay.amount if notice_pay else Decimal("0.00"),
        final_leave_compensation=iccp.amount, final_regularisation=regularised, base=rupture_base,
        kind=contract.kind,
    )
    rupture_line = (SettlementLine("Indemnité de rupture", rupture.indemnity, False, "CCN 3239 art. 121.1", rupture)
                    if rupture.eligible else f"Indemnité de rupture : {rupture.refusal}")
    outcomes = (notice_pay, precarity, iccp if iccp.amount else None, regularisation, rupture_line)
    lines = [x for x in outcomes if isinstance(x, SettlementLine)]
    not_due = [x for x in outcomes if isinstance(x, str)]
    salary_total = _sum([x for x in lines if x.salary])
    indemnity_total = _sum([x for x in lines if not x.salary])
    return Settlement(
        reason=reason, sent=sent, notice_first_day=n.start, notice_last_day=n.end,
        last_day=n.contract_end, documents_due=n.contract_end, lines=tuple(lines),
        not_due=tuple(not_due), salary_total=salary_total, indemnity_total=indemnity_total,
        total=salary_total + indemnity_total,
        explanation=_explanation(contract, rule, sent, n, notice_waived, lines, not_due),
    )


def _notice_line(contract: Contract, rule: EndConsequences, n: Notice, waived: bool) -> SettlementLine | None:
    """The notice paid and not worked: the indemnity equal to the notice on the child's death,
    or the indemnité compensatrice when the parent waives it (CCN 3239 art. 122, 119.4.2)."""
    if n.start is None or n.planned_end is None:
        return None
    if rule.notice is not NoticeRule.INDEMNITY and not (n.performed and waived):
        return None
    pay = notice_compensation(contract, first_day=n.start, last_day=n.planned_end)
    label = ("Indemnité égale au préavis (décès de l'enfant)" if rule.notice is NoticeRule.INDEMNITY
             else "Indemnité compensatrice de préavis")
    return SettlementLine(label, pay.amount, True, "CCN 3239 art. 122, 119.4.2", pay)


def _precarity(contract: Contract, reason: EndReason, received: Decimal, leave_already_paid: object,
               exception: PrecarityException | str | None) -> tuple[FixedTermEnd | None, SettlementLine | str | None]:
    """The end of a CDD at its term, and its précarité indemnity (Code du travail L1243-8) or
    why it is not due; a CDD ended early owes none."""
    if reason is not EndReason.FIXED_TERM_END:
        early = f"Indemnité de précarité : {CDD_EARLY_END_PRECARITY}"
        return None, early if contract.kind is ContractKind.CDD else None
    cdd = fixed_term_end(total_gross=received, leave_already_paid=leave_already_paid,
                         precarity_exception=exception)
    if not cdd.precarity:
        return cdd, f"Indemnité de précarité : {cdd.precarity_refusal}"
    return cdd, SettlementLine("Indemnité de fin de contrat (précarité)", cdd.precarity, True,
                               "Code du travail L1243-8", cdd)


def _final_regularisation(contract: Contract, regularisations: Iterable[Regularisation]
                          ) -> tuple[Decimal, SettlementLine | str | None]:
    """The final regularisation of care over 46 weeks or less (CCN 3239 art. 109.2, 124): the
    amount owed to the AM and its line; a balance in the parent's favour is not recovered."""
    statements = parse_items(regularisations, Regularisation, "regularisations")
    if not statements:
        return Decimal("0.00"), None
    if contract.accueil is Accueil.FULL_YEAR:
        raise InvalidInput("regularisations", "la régularisation ne concerne que l'accueil sur "
                           "46 semaines ou moins (CCN 3239 art. 109.2, 124).")
    final = final_regularisation(statements)
    if not final.amount:
        return final.amount, (f"Régularisation : solde de {euros(final.balance)} en faveur du parent, "
                              "non récupéré (CCN 3239 art. 124).")
    return final.amount, SettlementLine("Régularisation de fin de contrat", final.amount, True,
                                        "CCN 3239 art. 109.2, 124", final)


def _explanation(contract: Contract, rule: EndConsequences, sent: date, n: Notice, waived: bool,
                 lines: list[SettlementLine], not_due: list[str]) -> Explanation:
    """The settlement in French: the reason, the notice, each line with its computation, the
    totals, the last day and the documents due."""
    steps = [Step("Motif", rule.label, french_date(sent), rule.reference)]
    if n.performed:
        steps.append(Step("Préavis", f"du {french_date(n.start)} au {french_date(n.end)}"  # type: ignore[arg-type]
                          + (" (dispense à l'initiative du parent)" if waived else ""),
                          n.duration.label if n.duration else "", "CCN 3239 art. 120"))
    for line in lines:
        steps += _line_steps(line)
    salary = [x for x in lines if x.salary]
    indemnities = [x for x in lines if not x.salary]
    salary_total, indemnity_total = _sum(salary), _sum(indemnities)
    steps += [_total_step("Total soumis à cotisations (salaire)", salary),
              _total_step("Total non soumis à cotisations (indemnités)", indemnities),
              Step("Total du solde", f"{euros(salary_total)} + {euros(indemnity_total)}",
                   euros(salary_total + indemnity_total), "Code du travail L1234-20"),
              Step("Dernier jour du contrat", rule.end_date, french_date(n.contract_end), "CCN 3239 art. 64"),
              Step("Documents de fin de contrat", "certificat de travail, attestation France Travail, "
                   "reçu pour solde de tout compte", f"remis le {french_date(n.contract_end)}",
                   "CCN 3239 art. 69")]
    return Explanation(
        title=f"Solde de tout compte — {rule.label}",
        reference=_REFERENCE,
        header=contract_header(contract),
        steps=tuple(steps),
        notes=(*not_due,
               "Le reçu pour solde de tout compte peut être dénoncé dans les 6 mois de sa "
               "signature (Code du travail L1234-20).",
               "Le salaire du dernier mois (proratisé selon l'art. 111) s'ajoute à ce solde."),
    )
