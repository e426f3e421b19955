"""Indemnité d'entretien — the maintenance allowance floor (CCN 3239 art. 114.1).

The allowance covers the costs of care; it is not salary. Per day of care it
is at least 90 % of the minimum garanti for 9 hours, prorated to the hours of
care, and never less than 2.65 € a day: ``max(2.65, 0.90 × MG × hours / 9)``.
The lower CASF floor (D423-6, 85 %) is superseded by the CCN.

>>> from datetime import date
>>> m = maintenance_minimum(date(2024, 6, 10), hours="11")
>>> m.per_day, m.per_nine_hours
(Decimal('4.57'), Decimal('3.74'))
>>> maintenance_minimum(date(2024, 6, 10), hours="5").per_day
Decimal('2.65')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache
from math import lcm

import attrs

from amcalc import parameters
from amcalc.duration import SECONDS_PER_HOUR, parse_hours
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, ParameterUse, Step, euros, number
from amcalc.inputs import parse_optional_date
from amcalc.money import RATE_SCALE, maximum, parse_money, round_to_cents

__all__ = [
    "MaintenanceMinimum",
    "MaintenanceRates",
    "daily_minimum",
    "day_allowance",
    "maintenance_minimum",
]

_NINE_HOURS = 9 * SECONDS_PER_HOUR


@attrs.frozen
class MaintenanceRates:
    """The art. 114.1 terms in force on a day, as integers in 1/``scale`` €:
    ``agreed`` per second of care and per 1/10 000 € of hourly allowance,
    ``prorated`` per second of care (share × MG / 9 h), ``floor`` per day."""

    scale: int
    agreed: int
    prorated: int
    floor: int

    @classmethod
    @cache
    def of(cls, minimum_garanti: Decimal, share: Decimal, floor: Decimal) -> MaintenanceRates:
        per_second = Fraction(share) * Fraction(minimum_garanti) / _NINE_HOURS
        agreed = Fraction(1, SECONDS_PER_HOUR * RATE_SCALE)
        daily = Fraction(floor)
        scale = lcm(per_second.denominator, agreed.denominator, daily.denominator)
        return cls(scale, int(agreed * scale), int(per_second * scale), int(daily * scale))

    @classmethod
    @cache
    def at(cls, day: date) -> MaintenanceRates:
        """The terms in force on ``day`` (minimum garanti, share, daily floor)."""
        return cls.of(*(parameters.get(name).at(day).value for name in _PARAMETERS))

    @classmethod
    @cache
    def throughout(cls, first: date, last: date) -> MaintenanceRates | None:
        """The terms in force on every day from ``first`` to ``last``; ``None`` when one changes
        in between."""
        if any(parameters.get(name).changes_in(first, last) for name in _PARAMETERS):
            return None
        return cls.at(first)


_PARAMETERS = ("minimum_garanti", "maintenance_minimum_share", "maintenance_daily_floor")


def day_allowance(seconds: int, per_hour_e4: int, rates: MaintenanceRates) -> int:
    """Entretien of a day of ``seconds`` of care, in 1/``rates.scale`` €: the agreed
    ``per_hour_e4`` (1/10 000 € an hour, 0 when none) × the hours, never below the
    daily minimum; nothing on a day without care. Ints or numpy arrays.

    max(s × agreed, s × prorated, floor) is computed as max(s × max(agreed, prorated),
    floor) (s ≥ 0): on arrays, the rate a second is taken once per contract, not per day.
    """
    per_second = maximum(per_hour_e4 * rates.agreed, rates.prorated)
    return maximum(seconds * per_second, rates.floor) * (seconds > 0)


def daily_minimum(minimum_garanti: Decimal, share: Decimal, floor: Decimal, seconds: int) -> Fraction:
    """Exact minimum allowance for a day of ``seconds`` of care."""
    rates = MaintenanceRates.of(minimum_garanti, share, floor)
    return Fraction(maximum(seconds * rates.prorated, rates.floor), rates.scale)


@attrs.frozen
class MaintenanceMinimum(Explained):
    """Minimum allowance for one day of ``hours`` of care, and per 9 hours."""

    hours: Fraction
    minimum_garanti: Decimal
    per_day: Decimal
    per_nine_hours: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def maintenance_minimum(
    on: date | str | None = None, *, hours: object, minimum_garanti: object | None = None
) -> MaintenanceMinimum:
    """Minimum entretien for a day of ``hours`` on ``on`` (or with a given ``minimum_garanti``)."""
    on = parse_optional_date(on, "on")
    seconds = parse_hours(hours, "hours")
    if seconds > 24 * SECONDS_PER_HOUR:
        raise InvalidInput("hours", f"{hours} h : une journée ne dépasse pas 24 heures.")
    if seconds == 0:
        raise InvalidInput("hours", "aucune indemnité d'entretien n'est due sans heure d'accueil.")
    share_p, floor_p = parameters.get("maintenance_minimum_share"), parameters.get("maintenance_daily_floor")
    uses = []
    if minimum_garanti is not None:
        mg = parse_money(minimum_garanti, "minimum_garanti", places=4)
        reference_day = share_p.values[-1].start if on is None else on
    elif on is not None:
        mg_p = parameters.get("minimum_garanti")
        mg_dated = mg_p.at(on)
        mg, reference_day = mg_dated.value, on
        uses.append(ParameterUse.of(mg_p, mg_dated, " €"))
    else:
        raise InvalidInput("on", "indiquez la date (on) ou le minimum garanti (minimum_garanti).")
    share, floor = share_p.at(reference_day), floor_p.at(reference_day)
    uses += [ParameterUse.of(share_p, share), ParameterUse.of(floor_p, floor, " €")]
    exact_day = daily_minimum(mg, share.value, floor.value, seconds)
    exact_nine = Fraction(share.value) * Fraction(mg)
    day_hours = Fraction(seconds, SECONDS_PER_HOUR)
    explanation = Explanation(
        title=f"Indemnité d'entretien minimale pour {number(day_hours)} h d'accueil",
        reference="CCN 3239 art. 114.1",
        steps=(
            Step("Pour 9 heures", f"{number(share.value * 100, 0)} % × MG {euros(mg)}",
                 euros(round_to_cents(exact_nine)), "CCN 3239 art. 114.1"),
            Step("Proratisé", f"{euros(exact_nine, 4)} × {number(day_hours)} h / 9",
                 euros(exact_nine * day_hours / 9, 4)),
            Step("Minimum du jour", f"le plus élevé du prorata et de {euros(floor.value)}",
                 euros(round_to_cents(exact_day)), "CCN 3239 art. 114.1"),
        ),
        parameters=tuple(uses),
        notes=("L'indemnité d'entretien n'est pas un salaire : elle n'entre ni dans l'assiette "
               "des congés payés ni dans celle de l'indemnité de rupture.",),
    )
    return MaintenanceMinimum(
        day_hours, mg, round_to_cents(exact_day), round_to_cents(exact_nine), explanation
    )
