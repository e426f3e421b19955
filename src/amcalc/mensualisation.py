"""Mensualisation — the monthly salary of a regular contract (CCN 3239 art. 109.1, 109.2).

Monthly hours = Σ(weekly hours × weeks) / 12, salary = monthly hours × hourly
rate, rounded once, half-up to the cent. "52 semaines": 52 weeks including
paid leave (art. 109.1); "46 semaines ou moins": the programmed weeks, paid
leave excluded (art. 109.2). Several rhythms are summed week by week
(rules.md §3.3). Pajemploi declares whole hours (half-up) and whole days
(rounded up) (rules.md §12.2).

>>> from amcalc.contract import Contract
>>> m = mensualise(Contract.from_weekly_hours(
...     hourly_rate="4.50", weeks=36, weekly_hours="40", days_per_week=4))
>>> m.monthly_hours, m.monthly_salary, m.declared_hours, m.declared_days
(Fraction(120, 1), Decimal('540.00'), 120, 12)
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.contract_sheet import contract_header
from amcalc.duration import SECONDS_PER_HOUR
from amcalc.errors import InvalidInput
from amcalc.explain import UNTRACED, Explained, Explanation, Step, euros, explained_later, number, quantity, rate
from amcalc.money import RATE_SCALE, half_up_div, scaled, to_euros

__all__ = [
    "Mensualisation",
    "declared_days",
    "declared_hours",
    "mensualisation_article",
    "mensualise",
    "monthly_salary_cents",
]

_MONTHS = 12


def monthly_salary_cents(annual_seconds: int, rate_e4: int) -> int:
    """Monthly salary in cents from annual seconds and a rate in 1/10 000 €/h (art. 109)."""
    return half_up_div(annual_seconds * rate_e4, _MONTHS * SECONDS_PER_HOUR * RATE_SCALE // 100)


def declared_hours(annual_seconds: int) -> int:
    """Pajemploi hours: the mensualised hours, half-up to a whole hour."""
    return half_up_div(annual_seconds, _MONTHS * SECONDS_PER_HOUR)


def declared_days(annual_days: int) -> int:
    """Pajemploi days of activity: the mensualised days, rounded up."""
    return -(-annual_days // _MONTHS)


@attrs.frozen
class Mensualisation(Explained):
    """Monthly figures of a contract; ``monthly_hours`` and ``monthly_days`` are exact."""

    monthly_hours: Fraction
    monthly_salary: Decimal
    monthly_days: Fraction
    declared_hours: int
    declared_days: int
    explanation: Explanation = attrs.field(eq=False, repr=False)


def mensualise(contract: Contract, *, trace: bool = True) -> Mensualisation:
    """Mensualised hours, salary and days of ``contract`` (CCN 3239 art. 109);
    ``trace=False``: the same figures without the French explanation
    (:data:`amcalc.explain.UNTRACED`); otherwise the explanation is built when first read."""
    if contract.kind is ContractKind.OCCASIONAL:
        raise InvalidInput(
            "kind",
            "l'accueil occasionnel n'est pas mensualisé (CCN 3239 art. 108.2) : il est payé "
            "au taux horaire pour les heures effectuées (art. 109.3).",
        )
    annual_seconds, annual_days = contract.annual_seconds, contract.annual_days
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    salary = to_euros(monthly_salary_cents(annual_seconds, rate_e4))
    hours = Fraction(annual_seconds, SECONDS_PER_HOUR * _MONTHS)
    days = Fraction(annual_days, _MONTHS)
    result = Mensualisation(hours, salary, days, declared_hours(annual_seconds), declared_days(annual_days),
                            UNTRACED)
    return explained_later(result, lambda: _explain(contract, hours, salary, days)) if trace else result


def mensualisation_article(contract: Contract) -> str:
    """The article the mensualisation of ``contract`` follows: 109.1 (52 weeks) or 109.2."""
    return "CCN 3239 art. 109.1" if contract.accueil is Accueil.FULL_YEAR else "CCN 3239 art. 109.2"


def _explain(contract: Contract, hours: Fraction, salary: Decimal, days: Fraction) -> Explanation:
    annual_seconds, annual_days = contract.annual_seconds, contract.annual_days
    full_year = contract.accueil is Accueil.FULL_YEAR
    article = mensualisation_article(contract)
    terms = " + ".join(
        f"{number(Fraction(r.weekly_seconds, SECONDS_PER_HOUR))} h × {r.weeks}"
        for r in contract.rhythms
    )
    day_terms = " + ".join(f"{r.days_per_week} j × {r.weeks}" for r in contract.rhythms)
    several = len(contract.rhythms) > 1
    steps = (
        Step(
            "Heures mensualisées",
            f"({terms}) / 12" if several else f"{terms} / 12",
            f"{number(hours)} h",
            article,
        ),
        Step("Salaire mensualisé brut", f"{number(hours)} h × {rate(contract.hourly_rate)}",
             euros(salary), article),
        Step("Jours d'activité mensualisés", f"({day_terms}) / 12" if several else f"{day_terms} / 12",
             quantity(days, "j"), article),
        Step("Heures déclarées à Pajemploi", f"{number(hours)} h arrondies à l'heure la plus proche",
             f"{declared_hours(annual_seconds)} h", "usage Pajemploi"),
        Step("Jours déclarés à Pajemploi", f"{quantity(days, 'j')} arrondis au jour supérieur",
             f"{declared_days(annual_days)} j", "usage Pajemploi"),
    )
    notes = [
        "Accueil sur 52 semaines : le salaire est versé tous les mois, congés payés compris."
        if full_year else
        "Accueil sur 46 semaines ou moins : les congés payés s'ajoutent au salaire mensualisé "
        "et une régularisation compare chaque année les heures payées et dues (art. 109.2, 124).",
        "Le salaire est calculé sur les heures exactes ; l'arrondi des heures déclarées ne sert "
        "pas au calcul du salaire.",
    ]
    if several:
        notes.append("Plusieurs rythmes : heures et jours sont additionnés semaine par semaine "
                     "avant la division par 12 (pratique courante).")
    return Explanation(
        title=f"Mensualisation — accueil {contract.accueil}",
        reference=article,
        steps=steps,
        notes=tuple(notes),
        header=contract_header(contract),
    )
