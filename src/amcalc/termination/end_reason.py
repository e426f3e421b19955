"""Motifs de rupture — every way an AM contract ends and what each one owes (CCN 3239 art. 119 to 124).

One table, :data:`CONSEQUENCES`, is the single source of truth for the notice,
the rupture indemnity and the end date of each case of rules.md §8.1; the
notice and indemnity functions read it. Paid leave (ICCP) is due in every case
(art. 67, 123), to the heirs on the AM's death; the final regularisation of a
"46 semaines ou moins" contract is due in every case (art. 124).

>>> c = end_consequences(EndReason.AGREMENT_WITHDRAWAL)
>>> c.notice, c.rupture_eighties
(<NoticeRule.NONE: 'none'>, 0)
>>> print(c.rupture_refusal)
pas d'indemnité de rupture en cas de suspension, de modification ou de retrait de l'agrément (retrait forcé) (CCN 3239 art. 119.3, 121.1 ; CASF L423-24)
>>> end_consequences(EndReason.PROFESSIONAL_INAPTITUDE, on=date(2026, 4, 30))
Traceback (most recent call last):
...
amcalc.errors.UnsupportedCase: reason : la rupture pour inaptitude n'existe dans la CCN 3239 qu'à partir du 01/05/2026 (avenant n° 10 du 9 septembre 2025, art. 119.5) ; avant cette date, aucune règle conventionnelle ne s'applique et les articles L1226-2 et suivants du Code du travail ne sont pas rendus applicables aux assistants maternels (CASF L423-2). Qualifiez la rupture autrement (par exemple un retrait de l'enfant, art. 119.1).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import attrs

from amcalc.contract import ContractKind
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.explain import Explained, Explanation, Step, french_date
from amcalc.inputs import parse_choice, parse_optional_date

__all__ = [
    "CDD_EARLY_END_PRECARITY",
    "CDD_RUPTURE_REFUSAL",
    "CONSEQUENCES",
    "INAPTITUDE_FROM",
    "EndConsequences",
    "EndReason",
    "NoticeRule",
    "end_consequences",
    "check_reason_fits",
    "parse_reason",
]

INAPTITUDE_FROM = date(2026, 5, 1)
"""Avenant n° 10 (9 Sept 2025) on inaptitude, extended 26 March 2026: CCN 3239 art. 119.5."""


class EndReason(StrEnum):
    """Why the contract ends (rules.md §8.1); the values are the scenario-format names."""

    WITHDRAWAL = "withdrawal"
    """Retrait de l'enfant par le parent employeur (art. 119.1)."""
    RESIGNATION = "resignation"
    """Démission de l'assistant maternel (art. 63.2.1)."""
    SERIOUS_MISCONDUCT = "serious_misconduct"
    """Retrait pour faute grave ou lourde (art. 64.3)."""
    AGREMENT_WITHDRAWAL = "agrement_withdrawal"
    """Suspension, modification ou retrait de l'agrément : retrait forcé (art. 119.3)."""
    AM_BIRTH_OR_ADOPTION = "am_birth_or_adoption"
    """The AM's agrément no longer covers the child after her own birth or adoption (art. 103)."""
    CHILD_DEATH = "child_death"
    """Décès de l'enfant (art. 119.4.2)."""
    AM_DEATH = "am_death"
    """Décès de l'assistant maternel (art. 63.3.2)."""
    INAPTITUDE = "inaptitude"
    """Inaptitude d'origine non professionnelle, from 1 May 2026 (art. 119.5)."""
    PROFESSIONAL_INAPTITUDE = "professional_inaptitude"
    """Inaptitude after a work accident or occupational disease, from 1 May 2026 (art. 119.5)."""
    FIXED_TERM_END = "fixed_term_end"
    """Terme d'un CDD (art. 41.3, 62 ; Code du travail L1243-8)."""
    TRIAL_PERIOD = "trial_period"
    """Rupture pendant la période d'essai (art. 44.1.3)."""
    RETIREMENT = "retirement"
    """Départ volontaire à la retraite (art. 121.2)."""


class NoticeRule(StrEnum):
    """What happens to the notice of CCN 3239 art. 120."""

    CONVENTIONAL = "conventional"
    """8 days, 15 days or 1 month by seniority (art. 120), worked or compensated."""
    NONE = "none"
    """No notice: the contract ends on the date the rupture is notified or occurs."""
    INDEMNITY = "indemnity"
    """No notice can run, but an indemnity equal to the notice is paid (death of the child)."""


@attrs.frozen(kw_only=True)
class EndConsequences(Explained):
    """What a reason for ending the contract owes: notice, rupture indemnity (in 80ths of
    the gross salaries, 0 when not due, with ``rupture_refusal`` saying why), précarité,
    and the day the contract ends."""

    reason: EndReason
    label: str
    notice: NoticeRule
    rupture_eighties: int
    nine_months_required: bool
    rupture_refusal: str | None
    precarity: bool
    end_date: str
    reference: str
    in_force_from: date | None = None
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _refusal(text: str, reference: str) -> str:
    return f"{text} ({reference})"


def _consequences(
    reason: EndReason, label: str, notice: NoticeRule, eighties: int, refusal: str | None,
    end_date: str, reference: str, *, nine_months: bool = True, precarity: bool = False,
    in_force_from: date | None = None,
) -> EndConsequences:
    if eighties:
        rupture = (f"{eighties}/80 des salaires bruts du contrat"
                   + (", après 9 mois d'ancienneté" if nine_months else ""))
    else:
        rupture = f"non due : {refusal}"
    leave = "due aux ayants droit" if reason is EndReason.AM_DEATH else "due"
    steps = (
        Step("Préavis", label, _NOTICE_TEXT[notice], "CCN 3239 art. 120"),
        Step("Indemnité de rupture", label, rupture, reference if eighties else "CCN 3239 art. 121.1"),
        Step("Indemnité compensatrice de congés payés", "congés acquis et non payés", leave,
             "CCN 3239 art. 67, 123"),
        Step("Régularisation finale (46 semaines ou moins)", "heures dues − heures payées",
             "au seul profit de l'assistant maternel", "CCN 3239 art. 124"),
        Step("Fin du contrat", label, end_date, reference),
    )
    notes = ["Les documents de fin de contrat (certificat de travail, attestation France "
             "Travail, reçu pour solde de tout compte) sont remis à la fin du contrat "
             "(CCN 3239 art. 69)."]
    if in_force_from:
        notes.append(f"En vigueur à partir du {french_date(in_force_from)} (avenant n° 10 du "
                     "9 septembre 2025, étendu le 26 mars 2026).")
    if precarity:
        notes.append("Indemnité de fin de contrat (précarité) de 10 %, sauf exceptions de "
                     "l'article L1243-10 du Code du travail.")
    explanation = Explanation(title=f"Conséquences de la rupture — {label}",
                              reference=reference, steps=steps, notes=tuple(notes))
    return EndConsequences(
        reason=reason, label=label, notice=notice, rupture_eighties=eighties,
        nine_months_required=nine_months and eighties > 0, rupture_refusal=refusal,
        precarity=precarity, end_date=end_date, reference=reference,
        in_force_from=in_force_from, explanation=explanation,
    )


_NOTICE_TEXT = {
    NoticeRule.CONVENTIONAL: "8 jours, 15 jours ou 1 mois selon l'ancienneté",
    NoticeRule.NONE: "aucun",
    NoticeRule.INDEMNITY: "aucun, mais une indemnité égale à l'indemnité compensatrice de préavis",
}

_SENDING = "date d'envoi ou de remise de la lettre de rupture"

CONSEQUENCES: dict[EndReason, EndConsequences] = {
    c.reason: c
    for c in (
        _consequences(
            EndReason.WITHDRAWAL, "retrait de l'enfant", NoticeRule.CONVENTIONAL, 1, None,
            "dernier jour du préavis, effectué ou non", "CCN 3239 art. 119.1, 120, 121.1"),
        _consequences(
            EndReason.RESIGNATION, "démission", NoticeRule.CONVENTIONAL, 0,
            _refusal("l'indemnité de rupture n'est due qu'en cas de retrait de l'enfant par le "
                     "parent employeur, pas en cas de démission", "CCN 3239 art. 121.1, 63.2.1"),
            "dernier jour du préavis, effectué ou non", "CCN 3239 art. 63.2.1, 120"),
        _consequences(
            EndReason.SERIOUS_MISCONDUCT, "faute grave ou lourde", NoticeRule.NONE, 0,
            _refusal("pas d'indemnité de rupture pour faute grave ou lourde",
                     "CCN 3239 art. 121.1"),
            _SENDING, "CCN 3239 art. 64.3, 121.1"),
        _consequences(
            EndReason.AGREMENT_WITHDRAWAL, "suspension, modification ou retrait de l'agrément",
            NoticeRule.NONE, 0,
            _refusal("pas d'indemnité de rupture en cas de suspension, de modification ou de "
                     "retrait de l'agrément (retrait forcé)",
                     "CCN 3239 art. 119.3, 121.1 ; CASF L423-24"),
            _SENDING, "CCN 3239 art. 119.3, 121.1"),
        _consequences(
            EndReason.AM_BIRTH_OR_ADOPTION,
            "agrément ne permettant plus l'accueil après la naissance ou l'adoption de l'enfant "
            "de l'assistant maternel", NoticeRule.NONE, 0,
            _refusal("retrait forcé : ni préavis ni indemnité de rupture",
                     "CCN 3239 art. 103, 119.3"),
            _SENDING, "CCN 3239 art. 103, 119.3"),
        _consequences(
            EndReason.CHILD_DEATH, "décès de l'enfant", NoticeRule.INDEMNITY, 1, None,
            "jour du décès (rupture de plein droit)", "CCN 3239 art. 119.4.2, 121.1, 122",
            nine_months=False),
        _consequences(
            EndReason.AM_DEATH, "décès de l'assistant maternel", NoticeRule.NONE, 0,
            _refusal("le décès de l'assistant maternel rompt le contrat sans indemnité de "
                     "rupture ; les salaires et l'indemnité de congés payés dus sont versés aux "
                     "ayants droit", "CCN 3239 art. 63.3.2"),
            "jour du décès", "CCN 3239 art. 63.3.2"),
        _consequences(
            EndReason.INAPTITUDE, "inaptitude d'origine non professionnelle", NoticeRule.NONE, 1,
            None, _SENDING + " (dans le mois suivant l'avis d'inaptitude, sinon le salaire "
            "reprend)", "CCN 3239 art. 119.5, 64.4", in_force_from=INAPTITUDE_FROM),
        _consequences(
            EndReason.PROFESSIONAL_INAPTITUDE,
            "inaptitude d'origine professionnelle (accident du travail, maladie professionnelle)",
            NoticeRule.NONE, 2, None, _SENDING + " (dans le mois suivant l'avis d'inaptitude, "
            "sinon le salaire reprend)", "CCN 3239 art. 119.5, 64.4",
            in_force_from=INAPTITUDE_FROM),
        _consequences(
            EndReason.FIXED_TERM_END, "terme du CDD", NoticeRule.NONE, 0,
            _refusal("l'indemnité de rupture concerne le retrait de l'enfant en CDI ; au terme "
                     "d'un CDD, l'indemnité de fin de contrat (précarité) est due à sa place",
                     "CCN 3239 art. 41.3, 121.1 ; Code du travail L1243-8"),
            "terme prévu au contrat", "CCN 3239 art. 41.3, 62 ; Code du travail L1243-8",
            precarity=True),
        _consequences(
            EndReason.TRIAL_PERIOD, "rupture pendant la période d'essai", NoticeRule.NONE, 0,
            _refusal("rupture de la période d'essai : ni préavis ni indemnité de rupture",
                     "CCN 3239 art. 44.1.3"),
            "date de la rupture écrite", "CCN 3239 art. 44.1.3"),
        _consequences(
            EndReason.RETIREMENT, "départ volontaire à la retraite", NoticeRule.CONVENTIONAL, 0,
            _refusal("pas d'indemnité de rupture du parent employeur ; l'indemnité de départ "
                     "à la retraite de branche est versée par l'organisme assureur",
                     "CCN 3239 art. 121.2, annexe 4"),
            "dernier jour du préavis (durées de la démission, pratique)",
            "CCN 3239 art. 120, 121.2"),
    )
}


def parse_reason(value: object, field: str = "reason") -> EndReason:
    """An :class:`EndReason` from its scenario name, or :class:`InvalidInput`."""
    return parse_choice(EndReason, value, field)


def end_consequences(reason: EndReason | str, *, on: date | str | None = None) -> EndConsequences:
    """Conséquences de la rupture (CCN 3239 art. 119 à 124) for ``reason``, checked in force on ``on``.

    >>> c = end_consequences("child_death")
    >>> c.notice.value, c.rupture_eighties, c.end_date
    ('indemnity', 1, 'jour du décès (rupture de plein droit)')
    """
    consequences = CONSEQUENCES[parse_reason(reason)]
    on = parse_optional_date(on, "on")
    if consequences.in_force_from and on is not None and on < consequences.in_force_from:
        raise UnsupportedCase(
            "reason",
            f"la rupture pour inaptitude n'existe dans la CCN 3239 qu'à partir du "
            f"{french_date(consequences.in_force_from)} (avenant n° 10 du 9 septembre 2025, "
            "art. 119.5) ; avant cette date, aucune règle conventionnelle ne s'applique et les "
            "articles L1226-2 et suivants du Code du travail ne sont pas rendus applicables aux "
            "assistants maternels (CASF L423-2). Qualifiez la rupture autrement (par exemple un "
            "retrait de l'enfant, art. 119.1).",
        )
    return consequences


CDD_RUPTURE_REFUSAL = (
    "l'indemnité de rupture de l'article 121.1 concerne le retrait de l'enfant dans un contrat à "
    "durée indéterminée ; un CDD n'y ouvre pas droit (CCN 3239 art. 41.3, 121.1)")
CDD_EARLY_END_PRECARITY = (
    "l'indemnité de fin de contrat est due au terme du CDD ; elle ne l'est pas en cas de rupture "
    "anticipée pour faute grave ni de rupture pendant la période d'essai (Code du travail "
    "L1243-8, L1243-10)")

# How a CDD may end before its term, among the reasons: faute grave and the trial period
# (Code du travail L1243-1, L1242-10). Retrait, démission and retirement are CDI ways to end.
_CDD_REASONS = frozenset({EndReason.FIXED_TERM_END, EndReason.SERIOUS_MISCONDUCT, EndReason.TRIAL_PERIOD})
_CDI_ONLY = frozenset({EndReason.WITHDRAWAL, EndReason.RESIGNATION, EndReason.RETIREMENT})


def check_reason_fits(reason: EndReason, kind: ContractKind) -> None:
    """Refuse an end ``reason`` that does not exist for a contract of ``kind`` (rules.md §1.2,
    §8.9): the term of a CDD on a CDI; retrait, démission or retirement on a CDD, which
    ends at its term or early only in the cases of Code du travail L1243-1.

    >>> check_reason_fits(EndReason.FIXED_TERM_END, ContractKind.CDI)
    Traceback (most recent call last):
    ...
    amcalc.errors.InvalidInput: reason : le terme d'un CDD ne met pas fin à un contrat à durée indéterminée : choisissez le motif de la rupture du CDI (retrait de l'enfant, démission, faute grave…).
    """
    if kind is ContractKind.CDI and reason is EndReason.FIXED_TERM_END:
        raise InvalidInput("reason", "le terme d'un CDD ne met pas fin à un contrat à durée "
                           "indéterminée : choisissez le motif de la rupture du CDI (retrait de "
                           "l'enfant, démission, faute grave…).")
    if kind is not ContractKind.CDD or reason in _CDD_REASONS:
        return
    label = CONSEQUENCES[reason].label
    if reason in _CDI_ONLY:
        raise InvalidInput(
            "reason", f"un CDD ne prend pas fin par {label} : il s'achève à son terme, ou avant "
            "seulement d'un commun accord, pour faute grave, force majeure, inaptitude ou "
            "l'embauche de l'assistant maternel en CDI (Code du travail L1243-1, L1243-2 ; "
            "CCN 3239 art. 41.3). Au terme, le motif est la fin du CDD.")
    raise UnsupportedCase(
        "reason", f"la rupture anticipée d'un CDD pour {label} relève du droit commun du CDD "
        "(Code du travail L1243-1 à L1243-4), que ce calcul ne couvre pas.")
