"""Les indemnités du mois — entretien per hour actually worked, never below the daily floor
(CCN 3239 art. 114.1), meals and mileage as agreed (art. 114.2, 57, 113): none of them is
salary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

from amcalc import parameters
from amcalc.contract import Contract
from amcalc.duration import format_hours
from amcalc.explain import ParameterUse, Step, euros, rate
from amcalc.maintenance import MaintenanceRates, day_allowance
from amcalc.money import parse_money, round_to_cents, scaled, to_euros
from amcalc.month.walk import MonthWalk

__all__ = ["indemnity_line", "indemnity_steps", "maintenance_uses", "month_maintenance"]


def month_maintenance(contract: Contract, actual: Mapping[date, int]) -> Decimal:
    """Entretien per hour actually worked, at least the daily minimum (art. 114.1)."""
    per_hour = (0 if contract.maintenance_per_hour is None
                else scaled(contract.maintenance_per_hour, 4, "maintenance_per_hour"))
    worked = [day for day, seconds in actual.items() if seconds]
    constant = MaintenanceRates.throughout(min(worked), max(worked)) if worked else None
    if constant is not None:  # the same terms all month: each length of day once
        units = sum(days * day_allowance(seconds, per_hour, constant)
                    for seconds, days in Counter(actual[day] for day in worked).items())
        return round_to_cents(Fraction(units, constant.scale))
    by_scale: dict[int, int] = {}  # the days' allowances, summed as integers per 1/scale €
    for day in worked:
        rates = MaintenanceRates.at(day)
        by_scale[rates.scale] = by_scale.get(rates.scale, 0) + day_allowance(actual[day], per_hour, rates)
    return round_to_cents(sum((Fraction(units, scale) for scale, units in by_scale.items()), Fraction(0)))


def maintenance_uses(actual: Mapping[date, int], maintenance: Decimal) -> list[ParameterUse]:
    """The values of the entretien in force on the last day of care (art. 114.1)."""
    worked = [day for day, seconds in actual.items() if seconds]
    if not worked:
        return []
    last_day = max(worked)
    uses = {p.name: ParameterUse.of(p, p.at(last_day), " €")
            for p in (parameters.get("minimum_garanti"), parameters.get("maintenance_daily_floor"))}
    return list(uses.values())


_NO_LINE = to_euros(0)


def indemnity_line(quantity: object, price: object, quantity_field: str, price_field: str) -> Decimal:
    """Meals or kilometres as agreed: ``quantity`` × ``price``, rounded once to the cent
    (art. 114.2, 57, 113); nothing when both are left at their default 0."""
    if type(quantity) is int and type(price) is int and quantity == price == 0:  # the defaults: none
        return _NO_LINE
    count = parse_money(quantity, quantity_field, places=2)
    unit = parse_money(price, price_field, places=4)
    return round_to_cents(Fraction(count) * Fraction(unit))


def indemnity_steps(contract: Contract, walk: MonthWalk, maintenance: Decimal, meals: int, meal_price: object,
                    meal_total: Decimal, kilometres: object, mileage_rate: object,
                    mileage_total: Decimal) -> list[Step]:
    """Entretien, meals and mileage (art. 114.1, 114.2, 57, 113): not salary."""
    steps = []
    worked_total = sum(walk.actual.values())
    if worked_total:
        per_hour = (" au minimum conventionnel" if contract.maintenance_per_hour is None
                    else f" × {rate(contract.maintenance_per_hour)} par heure")
        steps.append(Step("Indemnité d'entretien", f"{format_hours(worked_total)} effectivement "
                          f"travaillées{per_hour}, chaque jour au moins le minimum journalier",
                          euros(maintenance), "CCN 3239 art. 114.1"))
    if meal_total:
        steps.append(Step("Frais de repas", f"{meals} × {euros(parse_money(meal_price, 'meal_price'))}",
                          euros(meal_total), "CCN 3239 art. 114.2"))
    if mileage_total:
        steps.append(Step("Indemnités kilométriques", f"{kilometres} km × {mileage_rate} €",
                          euros(mileage_total), "CCN 3239 art. 57, 113"))
    return steps
