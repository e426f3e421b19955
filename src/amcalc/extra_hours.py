"""Heures complémentaires et majorées — one civil week (CCN 3239 art. 96.4, 110).

Hours worked beyond the contract's weekly hours, up to and including 45 h,
are *heures complémentaires*: paid at the normal rate, majorated only if the
contract says so (``complementary_rate``, art. 110.2). Hours beyond 45 h are
*heures majorées*, at the contract's rate, never below 10 % (art. 110.1).
Both are paid on top of the mensualised salary (art. 109.1, 109.2). The week
is the civil week, Monday to Sunday (rules.md §2: "semaine" is not defined).

>>> w = extra_hours(hourly_rate="3.80", contract_weekly_hours="40", worked_hours="47")
>>> w.complementary_hours, w.majorated_hours, w.complementary_pay, w.majorated_pay
(Fraction(5, 1), Fraction(2, 1), Decimal('19.00'), Decimal('8.36'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.contract import MIN_MAJORATED_RATE
from amcalc.duration import SECONDS_PER_HOUR, format_hours, parse_hours
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, number, rate
from amcalc.money import (
    RATE_SCALE,
    half_up_div,
    maximum,
    minimum,
    parse_money,
    parse_ratio,
    scaled,
    to_euros,
)

__all__ = [
    "CONVENTIONAL_WEEK_SECONDS",
    "ExtraHours",
    "extra_hours",
    "hours_pay_cents",
    "split_week",
]

CONVENTIONAL_WEEK_SECONDS = 45 * SECONDS_PER_HOUR
"""45 h: the conventional week, above which hours are majorées (CCN 3239 art. 96.2, 96.4)."""
_PAY_DIVISOR = SECONDS_PER_HOUR * RATE_SCALE * RATE_SCALE // 100  # seconds·€e4·e4 → cents


def split_week(worked_seconds: int, contract_seconds: int) -> tuple[int, int]:
    """(complementary, majorated) seconds of a week (art. 96.4); ints or numpy arrays.

    Complementary: from the contract's hours up to 45 h; majorated: beyond
    45 h, or beyond the contract's hours when the contract itself exceeds 45 h
    (those contractual hours are paid by the monthly salary).
    """
    ceiling = maximum(contract_seconds, CONVENTIONAL_WEEK_SECONDS)
    complementary = maximum(minimum(worked_seconds, CONVENTIONAL_WEEK_SECONDS) - contract_seconds, 0)
    return complementary, maximum(worked_seconds - ceiling, 0)


def hours_pay_cents(seconds: int, rate_e4: int, factor_e4: int) -> int:
    """Cents for ``seconds`` at ``rate_e4`` (1/10 000 €/h) × ``factor_e4`` (1/10 000), half-up."""
    return half_up_div(seconds * rate_e4 * factor_e4, _PAY_DIVISOR)


@attrs.frozen
class ExtraHours(Explained):
    """Complementary and majorated hours (exact) and their pay for one week."""

    complementary_hours: Fraction
    majorated_hours: Fraction
    complementary_pay: Decimal
    majorated_pay: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def extra_hours(
    *,
    hourly_rate: object,
    contract_weekly_hours: object,
    worked_hours: object,
    majorated_rate: object = MIN_MAJORATED_RATE,
    complementary_rate: object = 0,
) -> ExtraHours:
    """Heures complémentaires et majorées d'une semaine civile (CCN 3239 art. 96.4, 110).

    >>> extra_hours(hourly_rate="4.10", contract_weekly_hours="35", worked_hours="46.5",
    ...             complementary_rate="0.10", majorated_rate="0.25").majorated_pay
    Decimal('7.69')
    """
    rate_value = parse_money(hourly_rate, "hourly_rate", places=4)
    if rate_value <= 0:
        raise InvalidInput("hourly_rate", "le taux horaire doit être positif.")
    contract = parse_hours(contract_weekly_hours, "contract_weekly_hours")
    worked = parse_hours(worked_hours, "worked_hours")
    if worked > 7 * 24 * SECONDS_PER_HOUR:
        raise InvalidInput("worked_hours", "une semaine ne compte que 168 heures.")
    majorated = parse_ratio(majorated_rate, "majorated_rate")
    if majorated < MIN_MAJORATED_RATE:
        raise InvalidInput(
            "majorated_rate",
            "la majoration des heures au-delà de 45 h ne peut être inférieure à 10 % "
            "(CCN 3239 art. 110.1).",
        )
    complementary = parse_ratio(complementary_rate, "complementary_rate")
    rate_e4 = scaled(rate_value, 4, "hourly_rate")
    comp_s, maj_s = split_week(worked, contract)
    comp_pay = to_euros(hours_pay_cents(comp_s, rate_e4, RATE_SCALE + scaled(complementary, 4, "complementary_rate")))
    maj_pay = to_euros(hours_pay_cents(maj_s, rate_e4, RATE_SCALE + scaled(majorated, 4, "majorated_rate")))
    steps = (
        Step("Heures complémentaires",
             f"min({format_hours(worked)}, 45 h) − {format_hours(contract)} (si positif)",
             format_hours(comp_s), "CCN 3239 art. 96.4, 110.2"),
        Step("Heures majorées", f"{format_hours(worked)} − 45 h (si positif)",
             format_hours(maj_s), "CCN 3239 art. 96.4, 110.1"),
        Step("Paiement des heures complémentaires",
             f"{number(Fraction(comp_s, SECONDS_PER_HOUR))} h × {rate(rate_value)} × "
             f"(1 + {number(complementary * 100, 0)} %)",
             euros(comp_pay), "CCN 3239 art. 110.2"),
        Step("Paiement des heures majorées",
             f"{number(Fraction(maj_s, SECONDS_PER_HOUR))} h × {rate(rate_value)} × "
             f"(1 + {number(majorated * 100, 0)} %)",
             euros(maj_pay), "CCN 3239 art. 110.1"),
    )
    notes = [
        "Semaine civile, du lundi au dimanche ; ces heures s'ajoutent au salaire mensualisé "
        "(art. 109.1, 109.2) et n'entrent pas dans la régularisation de l'année incomplète.",
        "Les heures complémentaires ne sont majorées que si le contrat le prévoit par écrit "
        "(art. 110.2).",
    ]
    if contract > CONVENTIONAL_WEEK_SECONDS:
        notes.append("Le contrat dépasse 45 h par semaine : ses heures au-delà de 45 h doivent "
                     "elles-mêmes être majorées d'au moins 10 % dans le salaire (art. 110.1).")
    return ExtraHours(
        Fraction(comp_s, SECONDS_PER_HOUR), Fraction(maj_s, SECONDS_PER_HOUR), comp_pay, maj_pay,
        Explanation(title="Heures complémentaires et majorées d'une semaine",
                    reference="CCN 3239 art. 96.4, 110", steps=steps, notes=tuple(notes)),
    )
