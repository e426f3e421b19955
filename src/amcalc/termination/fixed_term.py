"""Fin de CDD — précarité and paid-leave compensation at the end of a fixed-term contract
(Code du travail L1243-8, L1243-10, L3141-24; CCN 3239 art. 41.3).

The CCN refers CDDs to the general law, which CASF L423-2 4° makes applicable
to AMs. At the term the AM receives the *indemnité de fin de contrat*
(précarité) of **10 % of the total gross pay** of the CDD (L1243-8), unless
(L1243-10): a CDI follows, she refused an equivalent CDI, she ended the CDD
early, faute grave, or force majeure. The paid-leave compensation by the 1/10
rule is **10 % of (salaries + précarité)** (L3141-24; the précarité is in the
base, common practice [S]), minus leave already paid, never negative. There is
no notice at the term and no 1/80 rupture indemnity.

>>> f = fixed_term_end(total_gross="11400.00")
>>> f.precarity, f.leave_compensation
(Decimal('1140.00'), Decimal('1254.00'))
>>> f = fixed_term_end(total_gross="11400.00", precarity_exception="cdi_follows")
>>> f.precarity, f.leave_compensation
(Decimal('0.00'), Decimal('1140.00'))
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

import attrs

from amcalc.contract import parse_choice
from amcalc.explain import Explained, Explanation, Step, euros
from amcalc.money import half_up_div, parse_money, scaled, to_euros

__all__ = ["FixedTermEnd", "PrecarityException", "fixed_term_end", "tenth_cents"]

TENTH = 10  # 10 %: Code du travail L1243-8 (précarité) and L3141-24 (congés payés, 1/10)


def tenth_cents(cents: int) -> int:
    """10 % of an amount in cents, half-up (ints or numpy arrays)."""
    return half_up_div(cents, TENTH)


class PrecarityException(StrEnum):
    """Cases where the précarité indemnity is not due (Code du travail L1243-10)."""

    CDI_FOLLOWS = "cdi_follows"
    """A CDI follows the CDD (L1243-8: the indemnity is due only when no CDI follows)."""
    EQUIVALENT_CDI_REFUSED = "equivalent_cdi_refused"
    """The AM refused a CDI for the same or a similar job, with at least equivalent pay."""
    EARLY_END_BY_AM = "early_end_by_am"
    """The CDD ended early at the AM's initiative."""
    SERIOUS_MISCONDUCT = "serious_misconduct"
    """The CDD ended early for the AM's faute grave."""
    FORCE_MAJEURE = "force_majeure"
    """The CDD ended early by force majeure."""


_EXCEPTION_TEXT = {
    PrecarityException.CDI_FOLLOWS: ("un CDI fait immédiatement suite au CDD", "Code du travail L1243-8"),
    PrecarityException.EQUIVALENT_CDI_REFUSED: (
        "l'assistant maternel a refusé un CDI pour un emploi identique ou similaire, à "
        "rémunération au moins équivalente", "Code du travail L1243-10 3°"),
    PrecarityException.EARLY_END_BY_AM: ("rupture anticipée à l'initiative de l'assistant maternel",
                                         "Code du travail L1243-10 4°"),
    PrecarityException.SERIOUS_MISCONDUCT: ("rupture anticipée pour faute grave",
                                            "Code du travail L1243-10 4°"),
    PrecarityException.FORCE_MAJEURE: ("rupture anticipée pour force majeure",
                                       "Code du travail L1243-10 4°"),
}


@attrs.frozen(kw_only=True)
class FixedTermEnd(Explained):
    """``precarity`` (``0.00`` with ``precarity_refusal`` when an exception applies) and the
    ``leave_compensation`` by the 1/10 rule, net of ``leave_already_paid``."""

    total_gross: Decimal
    precarity: Decimal
    precarity_refusal: str | None
    leave_base: Decimal
    leave_already_paid: Decimal
    leave_compensation: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def fixed_term_end(
    *, total_gross: object, leave_already_paid: object = "0.00",
    precarity_exception: PrecarityException | str | None = None,
) -> FixedTermEnd:
    """Fin de CDD (Code du travail L1243-8, L1243-10, L3141-24): précarité and leave compensation.

    ``total_gross``: gross salaries of the CDD, allowances excluded;
    ``leave_already_paid``: paid-leave indemnities already paid during the CDD.

    >>> fixed_term_end(total_gross="11400.00", leave_already_paid="950.00").leave_compensation
    Decimal('304.00')
    """
    salaries = parse_money(total_gross, "total_gross")
    already = parse_money(leave_already_paid, "leave_already_paid")
    exception = (None if precarity_exception is None
                 else parse_choice(PrecarityException, precarity_exception, "precarity_exception"))
    salary_cents = scaled(salaries, 2, "total_gross")
    steps = []
    refusal = None
    if exception is None:
        precarity = to_euros(tenth_cents(salary_cents))
        steps.append(Step("Indemnité de fin de contrat (précarité)", f"10 % × {euros(salaries)}",
                          euros(precarity), "Code du travail L1243-8"))
    else:
        text, article = _EXCEPTION_TEXT[exception]
        refusal = f"{text} ({article})"
        precarity = Decimal("0.00")
        steps.append(Step("Indemnité de fin de contrat (précarité)", "non due", euros(precarity), article))
    base = salaries + precarity
    tenth = to_euros(tenth_cents(scaled(base, 2, "total_gross")))
    leave = max(tenth - already, Decimal("0.00"))
    steps += [
        Step("Assiette des congés payés", f"{euros(salaries)} + {euros(precarity)}", euros(base),
             "Code du travail L3141-24"),
        Step("Règle du dixième", f"10 % × {euros(base)}", euros(tenth), "Code du travail L3141-24"),
        Step("Indemnité compensatrice de congés payés", f"{euros(tenth)} − {euros(already)} déjà "
             "payés, jamais négatif", euros(leave), "Code du travail L3141-24, L3141-28"),
    ]
    notes = ["Applicable aux assistants maternels : CASF L423-2 4° ; la CCN renvoie le CDD au droit "
             "commun (art. 41.3). Ni préavis au terme, ni indemnité de rupture de 1/80.",
             "Règle du dixième seule : la comparaison avec le maintien de salaire relève du calcul "
             "des congés payés."]
    if refusal:
        notes.insert(0, f"Précarité non due : {refusal}.")
    explanation = Explanation(title="Fin de CDD", reference="Code du travail L1243-8, L1243-10, L3141-24",
                              steps=tuple(steps), notes=tuple(notes))
    return FixedTermEnd(total_gross=salaries, precarity=precarity, precarity_refusal=refusal,
                        leave_base=base, leave_already_paid=already, leave_compensation=leave,
                        explanation=explanation)
