"""La règle du CMG d'un mois et son résultat — shared by both rules (:mod:`amcalc.family.cmg`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.explain import Explained, Explanation, number

__all__ = ["LAST_FLAT_MONTH", "REFORM_DAY", "Cmg", "CmgRule", "contributions_share_text"]

REFORM_DAY = date(2025, 9, 1)
"""The effort-rate CMG applies to the months from September 2025 (décret n° 2025-515)."""

LAST_FLAT_MONTH = date(2025, 8, 1)
"""The last month of the flat amounts."""


class CmgRule(StrEnum):
    """Which CMG rule computes the month."""

    EFFORT_RATE = "effort_rate"
    """From 1 September 2025: cost × (1 − income × effort rate ÷ reference hourly cost)."""
    FLAT_AMOUNT = "flat_amount"
    """Until 31 August 2025: a flat monthly amount by income band and age, at most 85 % of the cost."""

    @classmethod
    def of_month(cls, first_day: date) -> CmgRule:
        return cls.EFFORT_RATE if first_day >= REFORM_DAY else cls.FLAT_AMOUNT

    def values_day(self, first_day: date) -> date:
        """The day whose values the rule takes for ``first_day``: the month itself within the
        rule's period, else its nearest month (a rule applied to another period, to compare)."""
        if self is CmgRule.EFFORT_RATE:
            return max(first_day, REFORM_DAY)
        return min(first_day, LAST_FLAT_MONTH)


@attrs.frozen(kw_only=True)
class Cmg(Explained):
    """The CMG of one child for one month.

    ``amount`` is the salary part paid to the family, in euros;
    ``contributions_taken_over`` the share of the contributions the CMG pays
    (1 when all); ``monthly_income`` and ``cost_counted`` are the figures of the
    effort-rate formula (``None`` under the old rule or for a child not eligible).
    """

    year: int
    month: int
    rule: CmgRule
    eligible: bool
    amount: Decimal
    contributions_taken_over: Fraction
    monthly_income: Decimal | None = None
    cost_counted: Decimal | None = None
    explanation: Explanation = attrs.field(eq=False, repr=False)


def contributions_share_text(share: Fraction) -> str:
    """``100 %`` or ``88,89 %``."""
    return f"{number(share * 100, 0 if share == 1 else 2)} %"
