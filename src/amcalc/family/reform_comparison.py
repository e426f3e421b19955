"""Avant ou après la réforme — a family's month under both CMG rules, side by side.

The reform of 1 September 2025 (décret n° 2025-515) replaced the flat amounts
by the effort-rate formula. For a month of the barème year April 2025 – March
2026 both rules can be computed with their own values: the old rule with the
amounts of April 2025, the new one with the values of September 2025. The
transitional differential paid to families who lost out is not computed.

>>> from amcalc.family import Care, Child, ChildcareCost, Household
>>> family = Household.of(resources="36000.00", dependent_children=1)
>>> care = Care(Child.of(born="2024-03-15"), ChildcareCost.of(
...     net_salary="606.25", hours="125", gross_salary="776.06", declared_days=16))
>>> c = reform_comparison(family, [care], "2025-10")
>>> c.before.cmg, c.after.cmg, c.gain
(Decimal('339.42'), Decimal('374.13'), Decimal('34.71'))
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import attrs

from amcalc.errors import UnsupportedCase
from amcalc.explain import Explained, Explanation, Step, euros
from amcalc.family.cmg_rule import CmgRule
from amcalc.family.family_month import Care, FamilyMonth, family_month
from amcalc.family.household import Household
from amcalc.inputs import parse_month

__all__ = ["ReformComparison", "reform_comparison"]

FIRST_MONTH, LAST_MONTH = date(2025, 4, 1), date(2026, 3, 1)
"""The barème year whose values both rules hold."""


@attrs.frozen(kw_only=True)
class ReformComparison(Explained):
    """The same month under the old rule (``before``) and the new one (``after``);
    ``gain`` is what the family pays less under the new rule (negative when it pays more)."""

    before: FamilyMonth
    after: FamilyMonth
    gain: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def reform_comparison(household: Household, care: Sequence[Care], month: str | tuple[int, int], *,
                      specific_hours: bool = False, prepare_half: bool = False) -> ReformComparison:
    """``month`` (April 2025 to March 2026) computed under both CMG rules."""
    year, number_ = parse_month(month)
    if not FIRST_MONTH <= date(year, number_, 1) <= LAST_MONTH:
        raise UnsupportedCase("month", "la comparaison couvre les mois d'avril 2025 à mars 2026, où les deux "
                              "barèmes sont connus.")
    before, after = (family_month(household, care, (year, number_), rule=rule, specific_hours=specific_hours,
                                  prepare_half=prepare_half)
                     for rule in (CmgRule.FLAT_AMOUNT, CmgRule.EFFORT_RATE))
    gain = before.remains - after.remains
    explanation = Explanation(
        title=f"La réforme du CMG pour le mois {number_:02d}/{year}",
        reference="CSS art. L531-5, D531-17, D531-18 ; décret n° 2025-515 du 30 mai 2025",
        steps=(
            Step("CMG avant la réforme", _per_child(before) + " (montants forfaitaires par tranche de revenus)",
                 euros(before.cmg)),
            Step("CMG après la réforme", _per_child(after) + " (coût × (1 − revenu × taux d'effort ÷ coût "
                 "de référence))", euros(after.cmg)),
            Step("Reste à charge", f"{euros(before.remains)} avant, {euros(after.remains)} après",
                 f"{euros(gain)} de {'moins' if gain >= 0 else 'plus'} par mois"),
        ),
        notes=("Un complément différentiel transitoire peut s'ajouter pour les familles qui y perdent : il "
               "n'est pas calculé ici.",),
    )
    return ReformComparison(before=before, after=after, gain=gain, explanation=explanation)


def _per_child(month: FamilyMonth) -> str:
    return " + ".join(euros(line.cmg.amount) for line in month.children)
