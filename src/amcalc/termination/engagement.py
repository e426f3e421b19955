"""Engagement réciproque — withdrawing from the pre-contract before hiring (CCN 3239 art. 93).

The engagement réciproque is an optional written pre-contract. The party that
withdraws (by registered letter or hand delivery) pays the other a flat
indemnity of **half a month of gross salary**, as defined at signature. It is
not due, on proof, when between signature and hiring the child dies, the AM's
agrément is withdrawn, suspended or not renewed, or — from 1 May 2026 (avenant
n° 10) — the occupational doctor declares the AM unfit. It is not salary: no
contributions.

>>> e = engagement_withdrawal(monthly_salary="693.33", withdrawn_by="parent")
>>> e.due, e.amount, e.payer.value, e.payee.value
(True, Decimal('346.67'), 'parent', 'am')
>>> engagement_withdrawal(monthly_salary="693.33", withdrawn_by="am",
...                       cause="agrement_withdrawal").amount
Decimal('0.00')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, french_date
from amcalc.inputs import parse_choice, parse_optional_date
from amcalc.money import half_up_div, parse_money, scaled, to_euros
from amcalc.termination.end_reason import INAPTITUDE_FROM

__all__ = ["EngagementCause", "EngagementIndemnity", "Party", "engagement_withdrawal"]


class Party(StrEnum):
    """A party to the engagement réciproque."""

    PARENT = "parent"
    AM = "am"


class EngagementCause(StrEnum):
    """Events between signature and hiring that waive the indemnity (CCN 3239 art. 93)."""

    CHILD_DEATH = "child_death"
    AGREMENT_WITHDRAWAL = "agrement_withdrawal"
    """The agrément is withdrawn, suspended or not renewed."""
    INAPTITUDE = "inaptitude"
    """The occupational doctor declares the AM unfit (only from 1 May 2026)."""


_CAUSE_TEXT = {
    EngagementCause.CHILD_DEATH: "décès de l'enfant",
    EngagementCause.AGREMENT_WITHDRAWAL: "retrait, suspension ou non-renouvellement de l'agrément",
    EngagementCause.INAPTITUDE: "inaptitude de l'assistant maternel déclarée par le médecin du travail",
}


@attrs.frozen(kw_only=True)
class EngagementIndemnity(Explained):
    """The flat indemnity ``payer`` owes ``payee`` (``0.00`` with a ``refusal`` when waived)."""

    due: bool
    amount: Decimal
    payer: Party
    payee: Party
    refusal: str | None
    explanation: Explanation = attrs.field(eq=False, repr=False)


def engagement_withdrawal(
    *, monthly_salary: object, withdrawn_by: Party | str,
    cause: EngagementCause | str | None = None, on: date | str | None = None,
) -> EngagementIndemnity:
    """Indemnité forfaitaire de l'engagement réciproque (CCN 3239 art. 93): ½ month of the
    gross ``monthly_salary`` defined at signature, paid by the party ``withdrawn_by`` to the
    other, unless a ``cause`` of art. 93 waives it (``on``: the withdrawal date, needed for
    inaptitude, a cause only from 1 May 2026).

    >>> from datetime import date
    >>> engagement_withdrawal(monthly_salary="540.00", withdrawn_by="am", cause="inaptitude",
    ...                       on=date(2026, 3, 2)).amount
    Decimal('270.00')
    """
    salary = parse_money(monthly_salary, "monthly_salary")
    payer = parse_choice(Party, withdrawn_by, "withdrawn_by")
    payee = Party.AM if payer is Party.PARENT else Party.PARENT
    reason = None if cause is None else parse_choice(EngagementCause, cause, "cause")
    on = parse_optional_date(on, "on")
    notes = []
    if reason is EngagementCause.INAPTITUDE:
        if on is None:
            raise InvalidInput("on", "indiquez la date du dédit : l'inaptitude n'exonère de "
                               "l'indemnité qu'à partir du 01/05/2026 (CCN 3239 art. 93, avenant n° 10).")
        if on < INAPTITUDE_FROM:
            notes.append(f"Inaptitude au {french_date(on)} : elle n'exonère de l'indemnité qu'à "
                         f"partir du {french_date(INAPTITUDE_FROM)} (avenant n° 10) ; l'indemnité "
                         "reste due.")
            reason = None
    refusal = None if reason is None else f"{_CAUSE_TEXT[reason]} (CCN 3239 art. 93)"
    amount = Decimal("0.00") if refusal else to_euros(half_up_div(scaled(salary, 2, "monthly_salary"), 2))
    steps = (
        Step("Salaire mensuel brut défini à la signature", "montant indiqué (engagement réciproque)", euros(salary),
             "CCN 3239 art. 93"),
        Step("Indemnité forfaitaire", "non due" if refusal else f"½ × {euros(salary)}", euros(amount),
             "CCN 3239 art. 93"),
    )
    label = {Party.PARENT: "le parent employeur", Party.AM: "l'assistant maternel"}
    if refusal:
        notes.append(f"Non due, sur justificatif : {refusal}.")
    else:
        notes.append(f"Versée par {label[payer]}, qui se dédit, à {label[payee]}. Elle n'a pas le "
                     "caractère de salaire : pas de cotisations.")
    explanation = Explanation(title="Dédit de l'engagement réciproque", reference="CCN 3239 art. 93",
                              steps=steps, notes=tuple(notes))
    return EngagementIndemnity(due=refusal is None, amount=amount, payer=payer, payee=payee,
                               refusal=refusal, explanation=explanation)
