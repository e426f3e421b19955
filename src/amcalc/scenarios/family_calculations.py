"""The family's calculations of the scenario format (added in December 2026):
``cmg``, ``childcare_tax_credit`` and ``family_cost`` — each maps a case's
``input`` table to :mod:`amcalc.family`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.family import Care, Child, ChildcareCost, Household, childcare_tax_credit, cmg, family_month

__all__ = ["FAMILY_CALCULATIONS"]

Inputs = Mapping[str, Any]
Figures = dict[str, object]

_CMG_INPUTS = frozenset({
    "month", "resources", "children", "child_born", "single_parent", "aeeh", "hours", "net_salary",
    "maintenance", "meals", "gross_salary", "declared_days",
})
_COST_KEYS = ("net_salary", "hours", "maintenance", "meals", "gross_salary", "declared_days")


def _care(inputs: Inputs) -> Care:
    cost = ChildcareCost.of(**{key: inputs[key] for key in (*_COST_KEYS, "km") if key in inputs})
    return Care(Child.of(born=inputs.get("child_born")), cost, inputs.get("employer_aid", "0.00"))


def _cmg(inputs: Inputs) -> Figures:
    care = _care(inputs)
    result = cmg(Household.from_mapping(inputs), care.child, care.cost, str(inputs.get("month")))
    return {"eligible": result.eligible, "cmg": result.amount,
            "contributions_taken_over": result.contributions_taken_over,
            "monthly_income": result.monthly_income, "cost_counted": result.cost_counted}


def _family_cost(inputs: Inputs) -> Figures:
    month = family_month(Household.from_mapping(inputs), [_care(inputs)], str(inputs.get("month")))
    if any(line.cmg.contributions_taken_over != 1 for line in month.children):
        raise UnsupportedCase("hours", "le format v1 ne couvre que les mois où le CMG prend en charge toutes "
                              "les cotisations.")
    return {"cost": month.cost, "cmg": month.cmg, "remains": month.remains}


def _childcare_tax_credit(inputs: Inputs) -> Figures:
    rows = inputs.get("children")
    if not isinstance(rows, list) or not all(isinstance(row, Mapping) for row in rows):
        raise InvalidInput("children", "un tableau de tables { born, expenses, shared_residence } est attendu.")
    children = []
    for index, row in enumerate(rows):
        unknown = set(row) - {"born", "expenses", "shared_residence"}
        if unknown:
            raise InvalidInput(f"children[{index}].{sorted(unknown)[0]}", "clé inconnue.")
        child = Child.of(born=row.get("born"), shared_residence=row.get("shared_residence", False))
        children.append((child, row.get("expenses")))
    credit = childcare_tax_credit(inputs.get("year"), children)  # type: ignore[arg-type]
    return {"base": credit.base, "credit": credit.credit}


FAMILY_CALCULATIONS = (
    ("cmg", _CMG_INPUTS,
     frozenset({"eligible", "cmg", "contributions_taken_over", "monthly_income", "cost_counted"}), _cmg),
    ("childcare_tax_credit", frozenset({"year", "children"}), frozenset({"base", "credit"}),
     _childcare_tax_credit),
    ("family_cost", _CMG_INPUTS | {"km", "employer_aid"}, frozenset({"cost", "cmg", "remains"}), _family_cost),
)
"""(name, inputs, figures, run) of each calculation, registered in ``CALCULATIONS``."""
