"""Ce que coûte l'accueil d'un enfant dans le mois — the figures the CMG is computed from.

They come from the month amcalc computes for the contract
(:meth:`ChildcareCost.of_month`) or are given as they stand on the payslip
(:meth:`ChildcareCost.of`). The hours paid are those declared for the month:
for a mensualised contract the Pajemploi "heures normales" plus the
complementary and majorated hours (CSS D531-18 1°; the exact mensualised hours
are a named choice of the caller: give them to :meth:`ChildcareCost.of`).

>>> cost = ChildcareCost.of(net_salary="606.25", hours="125")
>>> cost.net_salary, cost.hours, cost.cmg_cost
(Decimal('606.25'), Fraction(125, 1), Decimal('606.25'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.duration import SECONDS_PER_HOUR, parse_hours
from amcalc.errors import InvalidInput
from amcalc.money import parse_money
from amcalc.month import MonthPay

__all__ = ["ChildcareCost"]

ZERO = Decimal("0.00")


def _optional_money(value: object, field: str) -> Decimal | None:
    return None if value is None else parse_money(value, field)


def _declared_days(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 31:
        raise InvalidInput("declared_days", f"un nombre de jours entre 0 et 31 est attendu, pas {value!r}.")
    return value


@attrs.frozen(kw_only=True)
class ChildcareCost:
    """One child's month with one AM, as the family pays it.

    ``net_salary``, ``maintenance`` (entretien), ``meals`` and ``km`` are paid
    to the AM; ``gross_salary`` and ``employee_contributions`` (gross − net)
    are needed only where the CMG does not take over every contribution, and
    ``declared_days`` by the rule before 1 September 2025 (5 × SMIC a day).
    """

    net_salary: Decimal
    hours: Fraction
    maintenance: Decimal = ZERO
    meals: Decimal = ZERO
    km: Decimal = ZERO
    gross_salary: Decimal | None = None
    declared_days: int | None = None

    @classmethod
    def of(cls, *, net_salary: object, hours: object, maintenance: object = ZERO, meals: object = ZERO,
           km: object = ZERO, gross_salary: object = None, declared_days: object = None) -> ChildcareCost:
        """From the payslip's figures (money as decimal text, hours as ``"125"`` or ``"7.5"``)."""
        if isinstance(hours, Fraction):
            if hours < 0:
                raise InvalidInput("hours", f"des heures ne peuvent pas être négatives ({hours}).")
            exact = hours
        else:
            exact = Fraction(parse_hours(hours, "hours"), SECONDS_PER_HOUR)
        return cls(
            net_salary=parse_money(net_salary, "net_salary"), hours=exact,
            maintenance=parse_money(maintenance, "maintenance"), meals=parse_money(meals, "meals"),
            km=parse_money(km, "km"), gross_salary=_optional_money(gross_salary, "gross_salary"),
            declared_days=_declared_days(declared_days),
        )

    @classmethod
    def of_month(cls, month: MonthPay) -> ChildcareCost:
        """The month amcalc computed for the contract: its net salary, entretien, meals,
        kilometres, gross salary and the hours and days declared to Pajemploi."""
        declared = month.pajemploi
        return cls(
            net_salary=month.net_salary,
            hours=Fraction(declared.declared_hours + declared.complementary_hours + declared.majorated_hours),
            maintenance=month.maintenance, meals=month.meals, km=month.mileage,
            gross_salary=month.gross_salary, declared_days=declared.declared_days,
        )

    @property
    def cmg_cost(self) -> Decimal:
        """The monthly cost of CSS D531-18 1°: net salary + entretien + meals (no kilometres)."""
        return self.net_salary + self.maintenance + self.meals

    @property
    def paid_to_am(self) -> Decimal:
        """Everything the family pays the AM: net salary, entretien, meals, kilometres."""
        return self.cmg_cost + self.km

    def __add__(self, other: ChildcareCost) -> ChildcareCost:
        """The same child's months with two AMs, for one CMG on their sum (CSS D531-18: one
        CMG per child). Days of activity are each AM's own: the sum has none."""
        def both(a: Decimal | None, b: Decimal | None) -> Decimal | None:
            return None if a is None or b is None else a + b

        return ChildcareCost(
            net_salary=self.net_salary + other.net_salary, hours=self.hours + other.hours,
            maintenance=self.maintenance + other.maintenance, meals=self.meals + other.meals,
            km=self.km + other.km, gross_salary=both(self.gross_salary, other.gross_salary),
        )
