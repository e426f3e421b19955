"""The MAM's calculation of scenario files (December 2026): ``mam_planning``, mapping a
case's ``input`` to :mod:`amcalc.mam` through :func:`amcalc.mam.tables.read_tables`.

The format names five rules; the others the library checks (the limits by age,
the hours of the AMs' contracts) need data the format does not carry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from amcalc.am.working_time import WeekRule
from amcalc.mam.planning import PlanningRule, check_planning
from amcalc.mam.tables import TABLES_WEEK, read_tables

__all__ = ["MAM_CALCULATIONS"]

Inputs = Mapping[str, Any]
Figures = dict[str, object]

_RULES = frozenset({PlanningRule.AM_COUNT, PlanningRule.CHILDREN, WeekRule.AGREMENT, PlanningRule.DELEGATION,
                    PlanningRule.CHILD_TWICE})


def _planning(inputs: Inputs) -> Figures:
    check = check_planning(*read_tables(inputs), on=TABLES_WEEK)
    return {"violations": sorted({v.rule.value for v in check.violations if v.rule in _RULES}),
            "max_children": check.max_children, "max_ams": check.max_ams}


MAM_CALCULATIONS = (
    ("mam_planning", frozenset({"ams", "children", "presence"}),
     frozenset({"violations", "max_children", "max_ams"}), _planning),
)
"""(name, inputs, figures, run) of each calculation, registered in ``CALCULATIONS``."""
