"""La déclaration Pajemploi du mois (CSS D133-13-17; Pajemploi's rounding usage, rules.md §12.2):
the "heures normales" (mensualised hours, or the salary kept ÷ the hourly rate), the days of
activity, complementary hours declared with the normal hours, majorated hours apart, and the
declaration field by field as it is typed."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.explain import Section, euros, quantity
from amcalc.money import choose, half_up_div, maximum

__all__ = [
    "PajemploiFigures",
    "activity_days_declared",
    "declared_days_formula",
    "normal_hours_declared",
    "pajemploi_section",
]


@attrs.frozen(kw_only=True)
class PajemploiFigures:
    """The month's declaration (CSS D133-13-17; Pajemploi's rounding usage).

    ``declared_hours`` are the "heures normales" (mensualised hours, or the
    salary kept after deduction ÷ hourly rate); complementary hours are
    declared with them within 45 h a week, majorated hours apart.
    ``paid_leave_days`` comes from the paid-leave ledger (``None`` here).
    """

    declared_hours: int
    declared_days: int
    complementary_hours: int
    majorated_hours: int
    maintenance: Decimal
    other_indemnities: Decimal
    net_salary: Decimal
    paid_leave_days: int | None = None


def normal_hours_declared(base_cents: int, deduction: int, rate_e4: int, mensualised_hours: int,
                          partial: bool) -> int:
    """Pajemploi "heures normales": the mensualised hours when nothing is deducted in a
    whole month, else the salary kept ÷ the hourly rate, half-up (rules.md §12.2)."""
    kept = half_up_div((base_cents - deduction) * 100, rate_e4)
    return choose((deduction == 0) * (1 - partial), mensualised_hours, kept)


def activity_days_declared(annual_days: int, unpaid_days: int, deduction: int) -> int:
    """Pajemploi days of activity: the mensualised days (annual ÷ 12) rounded up, less
    the days entirely unpaid when something is deducted, never below 0 (rules.md §12.2)."""
    unpaid = unpaid_days * (deduction != 0)
    return maximum(-((unpaid * 12 - annual_days) // 12), 0)


def pajemploi_section(p: PajemploiFigures) -> Section:
    """The month's Pajemploi declaration, field by field, as it is typed (CSS D133-13-17);
    complementary hours are declared with the normal hours, majorated hours apart."""
    fields = [("Nombre d'heures normales", f"{p.declared_hours + p.complementary_hours}"
               + (f" ({p.declared_hours} + {p.complementary_hours} complémentaires)" if p.complementary_hours else "")),
              ("Nombre d'heures majorées", str(p.majorated_hours)),
              ("Nombre de jours d'activité", str(p.declared_days))]
    if p.paid_leave_days is not None:
        fields.append(("Nombre de jours de congés payés", str(p.paid_leave_days)))
    fields += [("Salaire net total", euros(p.net_salary)), ("Indemnités d'entretien", euros(p.maintenance)),
               ("Autres indemnités (repas, kilomètres)", euros(p.other_indemnities))]
    return Section("Déclaration Pajemploi du mois (à saisir)", tuple(fields))


def declared_days_formula(monthly_days: Fraction, occasional: bool, unpaid: int) -> str:
    """How the days of activity were found, in French (rules.md §12.2)."""
    if occasional:
        return "jours d'accueil effectués"
    text = f"{int(monthly_days * 12)} j par an ÷ 12 = {quantity(monthly_days, 'j')}, arrondis au jour supérieur"
    if unpaid:
        text += f", moins {unpaid} jour{'s' if unpaid > 1 else ''} entièrement non rémunéré{'s' if unpaid > 1 else ''}"
    return text
