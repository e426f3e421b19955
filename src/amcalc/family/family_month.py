"""Le mois de la famille — what the family pays, after the CMG and the employer aid.

    cost    = net salary + entretien + meals + km + contributions not taken over
    remains = cost − CMG − employer aid, never below zero

One CMG per child (CSS D531-18-3): a child cared for by two AMs has one CMG on
the sum of its months; two children with the same AM have one each. The
contributions the CMG does not take over (pay above the hourly cap) are the
employee's (gross − net) and the employer's (:mod:`amcalc.employer_contributions`)
in the share not taken over.

>>> from amcalc.family import Care, Child, ChildcareCost, Household
>>> family = Household.of(resources="42000.00", dependent_children=1)
>>> care = Care(Child.of(born="2024-08-08"), ChildcareCost.of(
...     net_salary="663.00", maintenance="72.00", meals="54.00", km="20.00", hours="130"))
>>> m = family_month(family, [care], "2025-11")
>>> m.cost, m.cmg, m.remains
(Decimal('809.00'), Decimal('436.55'), Decimal('372.45'))
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.employer_contributions import employer_contributions
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.explain import Explained, Explanation, Step, euros
from amcalc.family.childcare_cost import ChildcareCost
from amcalc.family.cmg import cmg
from amcalc.family.cmg_rule import Cmg, CmgRule, contributions_share_text
from amcalc.family.household import Child, Household
from amcalc.inputs import parse_month
from amcalc.money import parse_money, round_to_cents

__all__ = ["Care", "ChildMonth", "FamilyMonth", "family_month"]

ZERO = Decimal("0.00")


def _aid(value: object) -> Decimal:
    return parse_money(value, "employer_aid")


@attrs.frozen
class Care:
    """One child's month with one AM, and the employer aid (CESU préfinancé) the family
    received for it."""

    child: Child
    cost: ChildcareCost
    employer_aid: Decimal = attrs.field(default=ZERO, converter=_aid)


@attrs.frozen(kw_only=True)
class ChildMonth:
    """A child's line of the family's month."""

    child: Child
    cost: ChildcareCost
    cmg: Cmg
    contributions_not_taken_over: Decimal
    employer_aid: Decimal
    total_cost: Decimal
    remains: Decimal


@attrs.frozen(kw_only=True)
class FamilyMonth(Explained):
    """The family's month: each child's line and the totals."""

    year: int
    month: int
    children: tuple[ChildMonth, ...]
    cost: Decimal
    cmg: Decimal
    employer_aid: Decimal
    remains: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _by_child(care: Sequence[Care], first_day: date, rule: CmgRule | None) -> list[tuple[Child, ChildcareCost, Decimal]]:
    grouped: dict[Child, tuple[ChildcareCost, Decimal]] = {}
    for entry in care:
        if entry.child in grouped:
            if (rule or CmgRule.of_month(first_day)) is CmgRule.FLAT_AMOUNT:
                raise UnsupportedCase("care", "avant le 1er septembre 2025, un même enfant gardé par deux "
                                      "assistants maternels n'est pas calculé.")
            cost, aid = grouped[entry.child]
            grouped[entry.child] = (cost + entry.cost, aid + entry.employer_aid)
        else:
            grouped[entry.child] = (entry.cost, entry.employer_aid)
    return [(child, cost, aid) for child, (cost, aid) in grouped.items()]


def contributions_not_taken_over(cost: ChildcareCost, share: Fraction, first_day: date) -> Decimal:
    """(employee + employer contributions) × (1 − share taken over), rounded once."""
    if share == 1:
        return ZERO
    if cost.gross_salary is None:
        raise UnsupportedCase("gross_salary", "le CMG ne prend pas en charge toutes les cotisations ce mois-ci : "
                              "indiquez le salaire brut pour calculer celles qui restent à payer.")
    employee = cost.gross_salary - cost.net_salary
    employer = employer_contributions(cost.gross_salary, first_day).total
    return round_to_cents(Fraction(employee + employer) * (1 - share))


def _child_month(household: Household, child: Child, cost: ChildcareCost, aid: Decimal, first_day: date, *,
                 rule: CmgRule | None, specific_hours: bool, prepare_half: bool) -> ChildMonth:
    result = cmg(household, child, cost, (first_day.year, first_day.month), rule=rule,
                 specific_hours=specific_hours, prepare_half=prepare_half)
    unpaid = contributions_not_taken_over(cost, result.contributions_taken_over, first_day)
    total = cost.paid_to_am + unpaid
    return ChildMonth(child=child, cost=cost, cmg=result, contributions_not_taken_over=unpaid,
                      employer_aid=aid, total_cost=total, remains=max(total - result.amount - aid, ZERO))


def family_month(household: Household, care: Sequence[Care], month: str | tuple[int, int], *,
                 rule: CmgRule | None = None, specific_hours: bool = False,
                 prepare_half: bool = False) -> FamilyMonth:
    """The family's ``month`` (``"AAAA-MM"``) from each child's care (see :func:`amcalc.family.cmg`
    for ``rule``, ``specific_hours`` and ``prepare_half``)."""
    year, number_ = parse_month(month)
    if not care:
        raise InvalidInput("care", "au moins un enfant gardé est attendu.")
    first_day = date(year, number_, 1)
    lines = tuple(_child_month(household, child, cost, aid, first_day, rule=rule,
                               specific_hours=specific_hours, prepare_half=prepare_half)
                  for child, cost, aid in _by_child(care, first_day, rule))
    total = {name: sum((getattr(line, attr) for line in lines), ZERO) for name, attr in (
        ("cost", "total_cost"), ("aid", "employer_aid"), ("remains", "remains"))}
    cmg_total = sum((line.cmg.amount for line in lines), ZERO)
    steps = [step for line in lines for step in _steps(line, len(lines) > 1)]
    if len(lines) > 1:
        steps.append(Step("Reste à charge de la famille", " + ".join(euros(line.remains) for line in lines),
                          euros(total["remains"])))
    explanation = Explanation(
        title=f"Ce que la famille paie en {number_:02d}/{year}",
        reference="CSS art. L531-5, D531-17, D531-18 ; CCN 3239 art. 113, 114",
        steps=tuple(steps),
        notes=tuple(dict.fromkeys(note for line in lines for note in line.cmg.explanation.notes)),
    )
    return FamilyMonth(year=year, month=number_, children=lines, cost=total["cost"], cmg=cmg_total,
                       employer_aid=total["aid"], remains=total["remains"], explanation=explanation)


def _steps(line: ChildMonth, named: bool) -> list[Step]:
    who = f" ({line.child.called})" if named else ""
    cost = line.cost
    parts = [f"salaire net {euros(cost.net_salary)}", f"entretien {euros(cost.maintenance)}",
             f"repas {euros(cost.meals)}", f"kilomètres {euros(cost.km)}"]
    if line.contributions_not_taken_over:
        parts.append(f"cotisations non prises en charge {euros(line.contributions_not_taken_over)}")
    steps = [
        Step(f"Coût du mois{who}", " + ".join(parts), euros(line.total_cost), "CCN 3239 art. 113, 114"),
        Step(f"CMG{who}", f"prise en charge des cotisations : {contributions_share_text(line.cmg.contributions_taken_over)}",
             euros(line.cmg.amount), line.cmg.explanation.reference),
    ]
    if line.employer_aid:
        steps.append(Step(f"Aide de l'employeur{who}", "CESU préfinancé ou aide équivalente",
                          euros(line.employer_aid)))
    formula = f"{euros(line.total_cost)} − {euros(line.cmg.amount)}"
    if line.employer_aid:
        formula += f" − {euros(line.employer_aid)}"
    steps.append(Step(f"Reste à charge{who}", formula + ", jamais négatif", euros(line.remains)))
    return steps
