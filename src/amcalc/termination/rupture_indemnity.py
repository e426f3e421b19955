"""Indemnité de rupture — 1/80 of the gross salaries of the contract (CCN 3239 art. 121.1).

Due on the withdrawal of the child (retrait de l'enfant) once the AM has cared
for the child for **at least 9 months**; not due for faute grave or lourde, nor
on the suspension, modification or withdrawal of the agrément, nor on
resignation or during the trial period. The death of the child owes an
indemnity "calculée de la même manière" (art. 119.4.2); inaptitude owes 1/80
(non-professional) or **2/80** (work accident, occupational disease) from
1 May 2026 (art. 119.5). Amount = 1/80 of all gross salaries received during
the contract, allowances (entretien, meals, km) excluded, rounded **once**,
half-up to the cent. It is not salary (no contributions within the legal
limits, not declared to Pajemploi).

Open points (rules.md §8.4) are named options: :class:`RuptureBase` (whether the
salaries paid at the end — the notice compensation, the final paid-leave
compensation and the final regularisation — enter the base),
:class:`NineMonthsOn` (the day the 9 months are assessed) and
``child_death_nine_months`` (whether the 9-month condition applies on the
child's death).

>>> from datetime import date
>>> r = rupture_indemnity("withdrawal", hired=date(2023, 1, 9), end=date(2024, 7, 26),
...                       total_gross="13457.90")
>>> r.eligible, r.indemnity
(True, Decimal('168.22'))
>>> r = rupture_indemnity("serious_misconduct", hired=date(2022, 2, 7), end=date(2024, 10, 15),
...                       total_gross="18750.00")
>>> r.eligible, r.indemnity, r.refusal
(False, Decimal('0.00'), "pas d'indemnité de rupture pour faute grave ou lourde (CCN 3239 art. 121.1)")
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum

import attrs

from amcalc.contract import ContractKind
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, french_date
from amcalc.inputs import parse_choice, parse_date, parse_optional_date
from amcalc.money import half_up_div, parse_money, scaled, to_euros
from amcalc.termination.end_reason import (
    CDD_RUPTURE_REFUSAL,
    EndConsequences,
    EndReason,
    check_reason_fits,
    end_consequences,
    parse_reason,
)
from amcalc.termination.seniority import Period, Seniority, seniority

__all__ = [
    "NineMonthsOn",
    "RuptureBase",
    "RuptureIndemnity",
    "rupture_indemnity",
    "rupture_indemnity_cents",
]

NINE_MONTHS = 9  # CCN 3239 art. 121.1
EIGHTIETHS = 80  # CCN 3239 art. 121.1


def rupture_indemnity_cents(base_cents: int, eightieths: int) -> int:
    """``eightieths``/80 of a base in cents, half-up to the cent (ints or numpy arrays)."""
    return half_up_div(base_cents * eightieths, EIGHTIETHS)


class RuptureBase(StrEnum):
    """Whether the salaries paid at the end of the contract — the notice compensation, the
    final paid-leave compensation (ICCP) and the final regularisation — enter the 1/80 base
    (open point, rules.md §8.4)."""

    ALL_GROSS_SALARIES = "all_gross_salaries"
    """Default: "la totalité des salaires bruts" (art. 121.1) — all three are gross salaries
    of the contract (subject to contributions, paid for the contract), so they are added to
    ``total_gross``."""
    SALARIES_BEFORE_END = "salaries_before_end"
    """Only the salaries received before the end: the three final amounts are left out."""


_BASES = {
    RuptureBase.ALL_GROSS_SALARIES: "tous les salaires bruts du contrat, indemnités compensatrices de préavis et de "
                          "congés payés comprises (choix par défaut)",
    RuptureBase.SALARIES_BEFORE_END: "les seuls salaires reçus avant la fin, sans les indemnités compensatrices",
}


class NineMonthsOn(StrEnum):
    """The day the 9 months of care are assessed (open point, rules.md §8.4)."""

    END = "end"
    """Default: the last day of the contract (rules.md §8.4 suggestion)."""
    NOTIFICATION = "notification"
    """The day the rupture is notified (as the Code du travail numérique simulator does)."""


_ASSESSED = {NineMonthsOn.END: "dernier jour du contrat", NineMonthsOn.NOTIFICATION: "notification de la rupture"}


@attrs.frozen(kw_only=True)
class RuptureIndemnity(Explained):
    """The rupture indemnity: ``eligible`` and ``indemnity`` (``0.00`` with a ``refusal``
    giving the reason and the article when not due), ``eightieths``/80 of ``base``."""

    reason: EndReason
    eligible: bool
    indemnity: Decimal
    base: Decimal
    eightieths: int
    seniority: Seniority
    refusal: str | None
    explanation: Explanation = attrs.field(eq=False, repr=False)


def rupture_indemnity(
    reason: EndReason | str, *, hired: date | str, end: date | str, total_gross: object,
    notice_compensation: object = "0", final_leave_compensation: object = "0",
    final_regularisation: object = "0", base: RuptureBase = RuptureBase.ALL_GROSS_SALARIES,
    nine_months_on: NineMonthsOn = NineMonthsOn.END, notified: date | str | None = None,
    child_death_nine_months: bool = False,
    periods: Iterable[Period] = (), family_first_hired: date | str | None = None,
    kind: ContractKind | str | None = None,
) -> RuptureIndemnity:
    """Indemnité de rupture (CCN 3239 art. 121.1, 119.4.2, 119.5) for a contract ended for ``reason``.

    ``total_gross``: all gross salaries received from ``hired`` to ``end`` (last day
    of the contract), entretien, meals and km excluded. ``notice_compensation``,
    ``final_leave_compensation`` and ``final_regularisation`` (paid with the last pay)
    are added per ``base``. ``periods`` and
    ``family_first_hired`` adjust the seniority (art. 60, 90.1). ``kind``, when given:
    a CDD never owes it (art. 121.1 concerns the CDI), and each kind ends only for its
    own reasons.

    >>> from datetime import date
    >>> rupture_indemnity("professional_inaptitude", hired=date(2024, 1, 8),
    ...                   end=date(2026, 6, 5), total_gross="20000.00").indemnity
    Decimal('500.00')
    """
    reason = parse_reason(reason)
    if kind is not None:
        kind = parse_choice(ContractKind, kind, "kind")
        check_reason_fits(reason, kind)
    hired, end = parse_date(hired, "hired"), parse_date(end, "end")
    notified = parse_optional_date(notified, "notified")
    if end < hired:
        raise InvalidInput("end", f"la fin du contrat ({french_date(end)}) précède l'embauche "
                           f"({french_date(hired)}).")
    rule = end_consequences(reason, on=end)
    salaries = parse_money(total_gross, "total_gross")
    extras = (parse_money(notice_compensation, "notice_compensation"),
              parse_money(final_leave_compensation, "final_leave_compensation"),
              parse_money(final_regularisation, "final_regularisation"))
    assessed_on = _assessment_day(nine_months_on, hired, end, notified)
    tenure = seniority(hired, assessed_on, periods=periods, family_first_hired=family_first_hired)
    included = base is RuptureBase.ALL_GROSS_SALARIES
    base_amount = salaries + (sum(extras, Decimal(0)) if included else Decimal(0))
    steps = [Step("Taux selon le motif", rule.label, f"{rule.rupture_eighties}/80" if rule.rupture_eighties
                  else "indemnité non due", rule.reference)]
    refusal = CDD_RUPTURE_REFUSAL if kind is ContractKind.CDD else rule.rupture_refusal
    nine_months = rule.nine_months_required or (reason is EndReason.CHILD_DEATH and child_death_nine_months)
    if rule.rupture_eighties and refusal is None:
        steps.append(Step("Ancienneté", f"au {french_date(assessed_on)} ({_ASSESSED[nine_months_on]})",
                          tenure.label, "CCN 3239 art. 60, 121.1"))
        if nine_months and not tenure.reaches(NINE_MONTHS):
            refusal = (f"l'enfant est accueilli depuis moins de 9 mois ({tenure.label} au "
                       f"{french_date(assessed_on)}) (CCN 3239 art. 121.1)")
    eightieths = 0 if refusal else rule.rupture_eighties
    cents = rupture_indemnity_cents(scaled(base_amount, 2, "total_gross"), eightieths)
    indemnity = to_euros(cents)
    if refusal:
        steps.append(Step("Indemnité de rupture", "non due", euros(indemnity), "CCN 3239 art. 121.1"))
        notes = [f"Non due : {refusal}."]
    else:
        counted = extras if included else (Decimal(0),) * len(extras)
        steps += _paid_steps(rule, salaries, counted, base_amount, eightieths, indemnity)
        notes = _paid_notes(reason, base, child_death_nine_months)
    explanation = Explanation(title=f"Indemnité de rupture — {rule.label}",
                              reference="CCN 3239 art. 121.1", steps=tuple(steps), notes=tuple(notes))
    return RuptureIndemnity(
        reason=reason, eligible=refusal is None, indemnity=indemnity, base=base_amount,
        eightieths=eightieths, seniority=tenure, refusal=refusal, explanation=explanation,
    )


def _assessment_day(nine_months_on: NineMonthsOn, hired: date, end: date, notified: date | None) -> date:
    """The day the 9 months of care are assessed: the contract's last day, or the notification
    of the rupture (open point, option ``nine_months_on``)."""
    if nine_months_on is NineMonthsOn.END:
        return end
    if notified is None or not hired <= notified <= end:
        raise InvalidInput("notified", "indiquez la date de notification de la rupture, "
                           "entre l'embauche et la fin du contrat.")
    return notified


def _paid_steps(rule: EndConsequences, salaries: Decimal, extras: tuple[Decimal, ...], base_amount: Decimal,
                eightieths: int, indemnity: Decimal) -> list[Step]:
    """The base (the salaries and the final amounts it counts) and the indemnity's computation."""
    parts = zip(("salaires reçus", "indemnité compensatrice de préavis",
                 "indemnité compensatrice de congés payés", "régularisation finale"),
                (salaries, *extras), strict=True)
    formula = " + ".join(f"{euros(x)} ({name})" for name, x in parts if x or name == "salaires reçus")
    return [Step("Salaires bruts du contrat", formula, euros(base_amount), "CCN 3239 art. 121.1"),
            Step("Indemnité de rupture", f"{euros(base_amount)} × {eightieths} / 80, arrondi au centime",
                 euros(indemnity), rule.reference)]


def _paid_notes(reason: EndReason, base: RuptureBase, child_death_nine_months: bool) -> list[str]:
    notes = ["Indemnités d'entretien, de repas et kilométriques exclues de l'assiette. "
             f"Assiette : {_BASES[base]}."]
    if reason is EndReason.CHILD_DEATH:
        notes.append("Décès de l'enfant : indemnité « calculée de la même manière » que "
                     "l'indemnité de rupture (art. 119.4.2) ; condition de 9 mois "
                     + ("appliquée" if child_death_nine_months else "non appliquée")
                     + " (point ouvert, au choix de l'utilisateur).")
    notes.append("L'indemnité n'a pas le caractère de salaire : exonérée de cotisations dans "
                 "les limites légales, non déclarée à Pajemploi.")
    return notes
