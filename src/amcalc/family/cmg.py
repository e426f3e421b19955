"""Le complément de libre choix du mode de garde (CMG) — one child, one month, an AM employed directly.

Two rules, chosen by the month (CSS L531-5; décret n° 2025-515 du 30 mai 2025):

- from 1 September 2025, the effort-rate formula of CSS D531-18
  (:mod:`amcalc.family.cmg_effort_rate`);
- until 31 August 2025, the flat monthly amounts by income band and age of
  the old barème (:mod:`amcalc.family.cmg_flat_amount`).

Both take over the contributions (CSS L531-5 II, D531-17) and pay part of the
salary; the child must be under the age limit, counted up to and including
the month of the birthday (CSS R552-3 II 1°).

The CAF's example of 2025: a couple with 3 000 € a month, one child, 125 h at
4,85 € = 606,25 €:

>>> from amcalc.family import Child, ChildcareCost, Household
>>> family = Household.of(resources="36000.00", dependent_children=1)
>>> child = Child.of(born="2024-03-15")
>>> cost = ChildcareCost.of(net_salary="606.25", hours="125")
>>> cmg(family, child, cost, "2025-10").amount
Decimal('374.13')
>>> before = ChildcareCost.of(net_salary="606.25", hours="125", gross_salary="776.06", declared_days=16)
>>> cmg(family, child, before, "2025-06").amount
Decimal('339.42')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explanation, Step, french_date
from amcalc.family.childcare_cost import ChildcareCost
from amcalc.family.cmg_effort_rate import effort_rate_cmg
from amcalc.family.cmg_flat_amount import flat_amount_cmg
from amcalc.family.cmg_rule import REFORM_DAY, Cmg, CmgRule, contributions_share_text
from amcalc.family.household import Child, Household
from amcalc.inputs import parse_month

__all__ = ["REFORM_DAY", "Cmg", "CmgRule", "cmg", "contributions_share_text"]

def age_limit(single_parent: bool, rule: CmgRule) -> tuple[int, str]:
    """The age up to which the CMG is due, and its article: 6, or 12 for a single
    parent since the reform (CSS D531-18-1)."""
    if rule is CmgRule.EFFORT_RATE and single_parent:
        return 12, "CSS art. D531-18-1 (parent isolé)"
    return 6, "CSS art. L531-1, D531-18-1"


def is_of_age(child: Child, limit: int, first_day: date) -> bool:
    """Due up to and including the month of the birthday (CSS R552-3 II 1°)."""
    birthday = child.birthday(limit)
    return (first_day.year, first_day.month) <= (birthday.year, birthday.month)


def not_eligible(year: int, month: int, rule: CmgRule, child: Child, limit: int, article: str) -> Cmg:
    birthday = child.birthday(limit)
    explanation = Explanation(
        title=f"CMG du mois {month:02d}/{year} : pas de droit",
        reference=article,
        steps=(Step("Âge limite", f"{limit} ans le {french_date(birthday)}, droit jusqu'à la fin de ce mois",
                    "aucun CMG ni prise en charge des cotisations", "CSS art. R552-3 II 1°"),),
    )
    return Cmg(year=year, month=month, rule=rule, eligible=False, amount=Decimal("0.00"),
               contributions_taken_over=Fraction(0), explanation=explanation)


def cmg(household: Household, child: Child, cost: ChildcareCost, month: str | tuple[int, int], *,
        rule: CmgRule | None = None, specific_hours: bool = False, prepare_half: bool = False) -> Cmg:
    """The CMG of ``child`` for ``month`` (``"AAAA-MM"``), from the month's ``cost``.

    ``rule`` forces one rule (to compare them, see :func:`amcalc.family.reform_comparison`);
    by default the month decides. ``specific_hours`` (at least 25 h in the month
    at night, on Sundays or public holidays) and ``prepare_half`` (PreParE at
    50 % or less) only matter under the old rule.
    """
    year, number_ = parse_month(month)
    first_day = date(year, number_, 1)
    if (child.born.year, child.born.month) > (year, number_):
        raise InvalidInput("child_born", f"l'enfant, né le {french_date(child.born)}, n'est pas encore né "
                           f"en {number_:02d}/{year}.")
    chosen = rule or CmgRule.of_month(first_day)
    limit, article = age_limit(household.single_parent, chosen)
    if not is_of_age(child, limit, first_day):
        return not_eligible(year, number_, chosen, child, limit, article)
    if chosen is CmgRule.EFFORT_RATE:
        result = effort_rate_cmg(household, child, cost, first_day)
    else:
        result = flat_amount_cmg(household, child, cost, first_day, specific_hours=specific_hours,
                                 prepare_half=prepare_half)
    if chosen.values_day(first_day) != first_day:
        note = (f"Comparaison : cette règle ne s'applique pas à ce mois ; elle est calculée avec les valeurs "
                f"du {french_date(chosen.values_day(first_day))}.")
        result = attrs.evolve(result, explanation=attrs.evolve(
            result.explanation, notes=(*result.explanation.notes, note)))
    return result
