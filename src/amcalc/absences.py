"""Absences et déduction — the méthode réelle of CCN 3239 art. 111, and who pays which absence.

An unpaid absence is deducted from the mensualised salary in proportion to
the units not worked over the units that would really have been worked in the
month (absence, weeks without care and chômé public holidays included):
**hours** for a 52-week contract, **days** for 46 weeks or less (art. 111).
Each cause says whether the parent pays it (rules.md §4).

>>> d = absence_deduction(monthly_salary="693.33", absent="40", scheduled="180")
>>> d.deduction, d.salary_after
(Decimal('154.07'), Decimal('539.26'))
>>> AbsenceCause("child_absence").paid_by_parent, AbsenceCause("am_sickness").paid_by_parent
(True, False)
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, number
from amcalc.money import half_up_div, parse_money, round_to_cents, scaled, to_euros

__all__ = [
    "AbsenceCause",
    "AbsenceDeduction",
    "absence_deduction",
    "deduction_cents",
    "is_deducted",
]


class AbsenceCause(StrEnum):
    """Why a scheduled day (or part of it) was not worked (CCN 3239 art. 48, 49, 104, 105)."""

    UNPAID_LEAVE = "unpaid_leave"
    AM_SICKNESS = "am_sickness"
    WORK_ACCIDENT = "work_accident"
    MATERNITY = "maternity"
    PARENTAL_LEAVE = "parental_leave"
    FAMILY_CARE_LEAVE = "family_care_leave"
    AM_CHILD_SICK = "am_child_sick"
    AM_UNJUSTIFIED = "am_unjustified"
    ADAPTATION = "adaptation"
    FAMILY_EVENT = "family_event"
    CHILD_ABSENCE = "child_absence"
    CHILD_ILLNESS_CERTIFIED = "child_illness_certified"
    PAID_LEAVE = "paid_leave"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def reference(self) -> str:
        return _LABELS[self][1]

    @property
    def paid_by_parent(self) -> bool:
        """Whether the parent keeps paying the salary for it. Certified child illness is
        unpaid only within the limits of art. 105 (see :mod:`amcalc.child_illness`);
        paid leave depends on the modality (see :mod:`amcalc.month`)."""
        return self in (AbsenceCause.FAMILY_EVENT, AbsenceCause.CHILD_ABSENCE, AbsenceCause.PAID_LEAVE)


_LABELS = {
    AbsenceCause.UNPAID_LEAVE: ("congé sans solde", "CCN 3239 art. 48.2.1"),
    AbsenceCause.AM_SICKNESS: ("maladie de l'assistant maternel (IJSS, pas de maintien de salaire)",
                               "CCN 3239 art. 49, 104"),
    AbsenceCause.WORK_ACCIDENT: ("accident du travail ou maladie professionnelle (IJSS)", "CCN 3239 art. 49"),
    AbsenceCause.MATERNITY: ("congé de maternité, de paternité ou d'adoption (IJSS)", "CCN 3239 art. 48"),
    AbsenceCause.PARENTAL_LEAVE: ("congé parental d'éducation", "CCN 3239 art. 48"),
    AbsenceCause.FAMILY_CARE_LEAVE: ("congé de présence parentale, de solidarité familiale ou de "
                                     "proche aidant", "CCN 3239 art. 48"),
    AbsenceCause.AM_CHILD_SICK: ("enfant malade de l'assistant maternel", "CCN 3239 art. 48.2.2"),
    AbsenceCause.AM_UNJUSTIFIED: ("absence injustifiée de l'assistant maternel", "CCN 3239 art. 111"),
    AbsenceCause.ADAPTATION: ("heures non effectuées pendant l'adaptation", "CCN 3239 art. 94, 108.1"),
    AbsenceCause.FAMILY_EVENT: ("congé pour événement familial (rémunéré)", "CCN 3239 art. 48.1.3.1.1"),
    AbsenceCause.CHILD_ABSENCE: ("absence de l'enfant non justifiée (rémunérée)", "CCN 3239 art. 105"),
    AbsenceCause.CHILD_ILLNESS_CERTIFIED: ("maladie de l'enfant justifiée par certificat",
                                           "CCN 3239 art. 105"),
    AbsenceCause.PAID_LEAVE: ("congés payés", "CCN 3239 art. 102"),
}


def is_deducted(cause: AbsenceCause, full_year: bool) -> bool | None:
    """Whether an absence for ``cause`` is deducted from the mensualised salary (art. 111).

    Paid leave is kept in the salary of a 52-week contract and deducted for
    46 weeks or less, its indemnity being paid apart (art. 102.1.2.2); certified
    child illness depends on the limits of art. 105 (``None``:
    :mod:`amcalc.child_illness` decides).

    >>> is_deducted(AbsenceCause.PAID_LEAVE, True), is_deducted(AbsenceCause.PAID_LEAVE, False)
    (False, True)
    """
    if cause is AbsenceCause.CHILD_ILLNESS_CERTIFIED:
        return None
    if cause is AbsenceCause.PAID_LEAVE:
        return not full_year
    return not cause.paid_by_parent


def deduction_cents(base_cents: int, absent: int, scheduled: int) -> int:
    """Méthode réelle: ``base_cents`` × ``absent`` / ``scheduled``, half-up (art. 111).

    ``absent`` and ``scheduled`` are in the same unit (seconds or days, or any
    common integer scale); ``scheduled`` must be positive.
    """
    return half_up_div(base_cents * absent, scheduled)


@attrs.frozen
class AbsenceDeduction(Explained):
    """Deduction for unpaid absence and the salary left (art. 111)."""

    deduction: Decimal
    salary_after: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def absence_deduction(*, monthly_salary: object, absent: object, scheduled: object) -> AbsenceDeduction:
    """Déduction pour absence, méthode réelle (CCN 3239 art. 111).

    ``absent`` and ``scheduled`` are hours (52 weeks) or days (46 weeks or less)
    in the same unit, ``scheduled`` including the absence.

    >>> absence_deduction(monthly_salary="370.00", absent="8", scheduled="16").deduction
    Decimal('185.00')
    """
    salary = parse_money(monthly_salary, "monthly_salary")
    missing = Fraction(parse_money(absent, "absent", places=4))
    planned = Fraction(parse_money(scheduled, "scheduled", places=4))
    if planned <= 0:
        raise InvalidInput("scheduled", "le nombre d'unités prévues dans le mois doit être positif.")
    if missing > planned:
        raise InvalidInput("absent", "l'absence ne peut dépasser les unités prévues dans le mois, "
                                     "qui l'incluent (CCN 3239 art. 111).")
    share = missing / planned
    cents = deduction_cents(scaled(salary, 2, "monthly_salary"), share.numerator, share.denominator)
    deduction = to_euros(cents)
    after = salary - deduction
    explanation = Explanation(
        title="Déduction pour absence — méthode réelle",
        reference="CCN 3239 art. 111",
        steps=(
            Step("Déduction", f"{euros(salary)} × {number(missing)} / {number(planned)}",
                 euros(deduction), "CCN 3239 art. 111"),
            Step("Salaire après déduction", f"{euros(salary)} − {euros(deduction)}", euros(after)),
        ),
        notes=("Les unités sont des heures pour un accueil sur 52 semaines, des jours pour un "
               "accueil sur 46 semaines ou moins ; le dénominateur comprend l'absence, les "
               "semaines sans accueil et les jours fériés chômés tombant un jour habituellement "
               "travaillé (art. 111).",),
    )
    return AbsenceDeduction(deduction, round_to_cents(after), explanation)
