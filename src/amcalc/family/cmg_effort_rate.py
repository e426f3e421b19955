"""Le CMG depuis le 1er septembre 2025 — the effort-rate formula of CSS D531-18.

    CMG = cost counted × (1 − monthly income × effort rate ÷ reference hourly cost)

- cost: net salary + entretien + meals (1°), counted at most the hourly cap
  (8,00 €) × the hours paid;
- monthly income: the N−2 resources ÷ 12, rounded to the euro (0,50 up),
  between the floor and the ceiling (2°);
- effort rate: by dependent children; each child giving right to the AEEH
  moves the family to the next lower rate (3°);
- reference hourly cost: 4,85 € (4°).

The result is rounded once, half-up to the cent, and never below zero (the
formula turns negative at high incomes: no CMG is then due, and the
contributions are still taken over, CSS D531-17 I). The contributions are
taken over in full when the cost per hour paid is within the cap, otherwise
in the ratio cap × hours ÷ cost (CSS D531-17 I).

>>> from amcalc.family import Child, ChildcareCost, Household
>>> family = Household.of(resources="36000.00", dependent_children=1)
>>> result = effort_rate_cmg(family, Child.of(born="2024-03-15"),
...     ChildcareCost.of(net_salary="1125.00", hours="125"), date(2025, 10, 1))
>>> result.cost_counted, result.amount, result.contributions_taken_over
(Decimal('1000.00'), Decimal('617.11'), Fraction(8, 9))
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from amcalc import parameters
from amcalc.duration import SECONDS_PER_HOUR, format_hours
from amcalc.explain import Explanation, ParameterUse, Step, euros, percent
from amcalc.family.childcare_cost import ChildcareCost
from amcalc.family.cmg_rule import Cmg, CmgRule, contributions_share_text
from amcalc.family.household import Child, Household
from amcalc.money import half_up_div, maximum, minimum, round_to_cents, scaled, to_euros

__all__ = [
    "EFFORT_RATES", "effort_rate_cents", "effort_rate_cmg", "effort_rate_level", "monthly_income",
]

EFFORT_RATES = ("cmg_effort_rate_1", "cmg_effort_rate_2", "cmg_effort_rate_3", "cmg_effort_rate_4_7",
                "cmg_effort_rate_8_10")
"""The five rates of the AM table of CSS D531-18 3°, from 1 child to 8 children and more."""

UNIT_SHOWN = {"EUR": " €", "EUR/h": " €/h", "ratio": "%"}
"""How a parameter's value is shown in the explanation, by its unit."""

SHARED_RESIDENCE_DAY = date(2025, 12, 1)
"""From this day each parent of a child in shared residence may claim the CMG (CSS D531-18-2)."""

DIFFERENTIAL_NOTE = (
    "Les familles qui percevaient le CMG avant le 1er septembre 2025 et y perdent peuvent recevoir un "
    "complément différentiel transitoire (jusqu'à 90 % du coût) : il n'est pas calculé ici."
)


def effort_rate_level(household: Household) -> int:
    """The row of the effort-rate table: 1, 2, 3 children, 4 to 7, 8 and more; one row
    lower for each child giving right to the AEEH (CSS D531-18 3°: "le taux d'effort
    immédiatement inférieur", the next lower value of the table), the last row at most."""
    children = household.dependent_children
    level = 0 if children == 1 else 1 if children == 2 else 2 if children == 3 else 3 if children <= 7 else 4
    return min(level + household.aeeh_children, len(EFFORT_RATES) - 1)


def monthly_income(resources_cents: int, floor: int, ceiling: int) -> int:
    """Resources ÷ 12 rounded to the euro, 0,50 up, within the floor and the ceiling
    (CSS D531-18 2°). Like the other kernels, it runs on numpy arrays unchanged."""
    return minimum(maximum(half_up_div(resources_cents, 1200), floor), ceiling)


def effort_rate_cents(counted_cents: int, income: int, effort_e6: int, reference_cents: int) -> int:
    """The CMG in cents: counted × (1 − income × effort ÷ reference), rounded once, half-up,
    never below zero (CSS D531-18); ``effort_e6`` is the effort rate in millionths
    (0,0619 % = 619). Runs on numpy arrays unchanged (the bulk engine's family columns)."""
    scale = 10_000 * reference_cents
    return maximum(half_up_div(counted_cents * (scale - income * effort_e6), scale), 0)


def effort_rate_cmg(household: Household, child: Child, cost: ChildcareCost, first_day: date) -> Cmg:
    """The CMG of a month from 1 September 2025, for a child of age (see :func:`amcalc.family.cmg`)."""
    used = {name: parameters.get(name) for name in (
        "cmg_hourly_cost_cap", "cmg_reference_hourly_cost", "cmg_income_floor", "cmg_income_ceiling",
        EFFORT_RATES[effort_rate_level(household)])}
    values_day = CmgRule.EFFORT_RATE.values_day(first_day)
    dated = {name: p.at(values_day) for name, p in used.items()}
    cap, reference = dated["cmg_hourly_cost_cap"].value, dated["cmg_reference_hourly_cost"].value
    floor, ceiling = dated["cmg_income_floor"].value, dated["cmg_income_ceiling"].value
    effort = dated[EFFORT_RATES[effort_rate_level(household)]].value

    full_cost = cost.cmg_cost
    capped = round_to_cents(Fraction(cap) * cost.hours)
    counted = min(full_cost, capped)
    income = monthly_income(scaled(household.resources, 2, "resources"), int(floor), int(ceiling))
    amount = to_euros(effort_rate_cents(scaled(counted, 2, "cost"), income, scaled(effort, 6, "effort"),
                                        scaled(reference, 2, "reference")))
    share = Fraction(1) if full_cost <= capped else Fraction(cap) * cost.hours / Fraction(full_cost)

    hours_text = format_hours(cost.hours * SECONDS_PER_HOUR)
    steps = (
        Step("Coût mensuel", f"salaire net {euros(cost.net_salary)} + entretien {euros(cost.maintenance)} "
             f"+ repas {euros(cost.meals)}", euros(full_cost), "CSS art. D531-18 1°"),
        Step("Coût retenu", f"le plus petit de {euros(full_cost)} et {euros(cap)} × {hours_text} = "
             f"{euros(capped)}", euros(counted), "CSS art. D531-18 1°"),
        Step("Revenu mensuel", f"{euros(household.resources)} ÷ 12, arrondi à l'euro, entre "
             f"{euros(floor, 0)} et {euros(ceiling, 0)}", euros(income, 0), "CSS art. D531-18 2°"),
        Step("Taux d'effort", _effort_text(household), percent(effort), "CSS art. D531-18 3°"),
        Step("CMG", f"{euros(counted)} × (1 − {euros(income, 0)} × {percent(effort)} ÷ {euros(reference)})",
             euros(amount), "CSS art. D531-18"),
        Step("Cotisations prises en charge", _share_formula(cap, cost, full_cost),
             contributions_share_text(share), "CSS art. L531-5 II, D531-17 I"),
    )
    notes = [DIFFERENTIAL_NOTE]
    if amount == 0:
        notes.append("Le calcul donne un montant négatif : aucun CMG n'est versé, les cotisations restent "
                     "prises en charge.")
    if child.shared_residence and first_day < SHARED_RESIDENCE_DAY:
        notes.append("Résidence alternée : avant le 1er décembre 2025, seul le parent allocataire peut "
                     "percevoir le CMG (CSS art. D531-18-2).")
    if any(value.evidence == "U" for value in dated.values()):
        notes.append("Certaines valeurs appliquées ne sont pas encore publiées (marquées « non vérifié ») : "
                     "le montant est indicatif.")
    explanation = Explanation(
        title=f"CMG du mois {first_day.month:02d}/{first_day.year} (assistant maternel, emploi direct)",
        reference="CSS art. L531-5, D531-17, D531-18 (décret n° 2025-515 du 30 mai 2025)",
        steps=steps,
        parameters=tuple(ParameterUse.of(used[name], dated[name], UNIT_SHOWN[used[name].unit]) for name in used),
        notes=tuple(notes),
    )
    return Cmg(year=first_day.year, month=first_day.month, rule=CmgRule.EFFORT_RATE, eligible=True,
               amount=amount, contributions_taken_over=share, monthly_income=Decimal(income).quantize(
                   Decimal("0.01")), cost_counted=counted, explanation=explanation)


def _effort_text(household: Household) -> str:
    children = household.dependent_children
    text = f"{children} enfant{'s' if children > 1 else ''} à charge"
    aeeh = household.aeeh_children
    if aeeh:
        text += f", dont {aeeh} ouvrant droit à l'AEEH : {aeeh} rang{'s' if aeeh > 1 else ''} de taux plus bas"
    return text


def _share_formula(cap: Decimal, cost: ChildcareCost, full_cost: Decimal) -> str:
    hours_text = format_hours(cost.hours * SECONDS_PER_HOUR)
    if full_cost == 0:
        return "aucun coût dans le mois"
    return f"{euros(cap)} × {hours_text} ÷ {euros(full_cost)}, au plus 100 %"
