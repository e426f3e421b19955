"""The MAM's calculation of scenario files (December 2026): ``mam_planning``, mapping a
case's ``input`` to :mod:`amcalc.mam`.

The format's week has no date: the check is dated :data:`SCENARIO_WEEK` (a
Monday); an AM's ``own_children_under_3`` are written as children born that day,
and the children, given without their contracts, count in the agrément only. The
format names five rules; the others the library checks (the limits by age, the
hours of the AMs' contracts) need data the format does not carry.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from amcalc.am.agrement import Agrement, whole_number
from amcalc.am.childminder import Childminder
from amcalc.am.working_time import WeekRule
from amcalc.errors import InvalidInput
from amcalc.mam.house import Mam, MamChild
from amcalc.mam.planning import CareInterval, PlanningRule, check_planning

__all__ = ["MAM_CALCULATIONS", "SCENARIO_WEEK"]

Inputs = Mapping[str, Any]
Figures = dict[str, object]

SCENARIO_WEEK = date(2026, 1, 5)
"""The Monday the format's undated week is checked for."""
_RULES = frozenset({PlanningRule.AM_COUNT, PlanningRule.CHILDREN, WeekRule.AGREMENT, PlanningRule.DELEGATION,
                    PlanningRule.CHILD_TWICE})


def _tables(inputs: Inputs, key: str, allowed: set[str]) -> list[Mapping[str, Any]]:
    value = inputs.get(key)
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise InvalidInput(key, "un tableau de tables TOML est attendu.")
    for index, table in enumerate(value):
        unknown = set(table) - allowed
        if unknown:
            raise InvalidInput(f"{key}[{index}].{sorted(unknown)[0]}", f"clé inconnue : {', '.join(sorted(allowed))}.")
    return value


def _house(inputs: Inputs) -> Mam:
    ams: dict[str, Childminder] = {}
    for index, row in enumerate(_tables(inputs, "ams", {"id", "agrement", "own_children_under_3"})):
        name = row.get("id")
        if not isinstance(name, str) or name in ams:
            raise InvalidInput(f"ams[{index}].id", f"un identifiant unique est attendu ({name!r}).")
        own = whole_number(row.get("own_children_under_3", 0), f"ams[{index}].own_children_under_3")
        ams[name] = Childminder.of(agrement=Agrement.of(children=row.get("agrement", 4)),
                                   own_children=[SCENARIO_WEEK] * own)
    children = []
    for index, row in enumerate(_tables(inputs, "children", {"id", "am", "delegates"})):
        delegates = row.get("delegates", [])
        if not isinstance(delegates, list):
            raise InvalidInput(f"children[{index}].delegates", "un tableau d'identifiants est attendu.")
        children.append(MamChild.of(id=row.get("id"), am=row.get("am"), delegates=delegates))
    return Mam.of(ams=ams, children=children)


def _planning(inputs: Inputs) -> Figures:
    mam = _house(inputs)
    intervals = []
    for index, row in enumerate(_tables(inputs, "presence", {"day", "from", "to", "am", "children"})):
        children = row.get("children", [])
        if not isinstance(children, list):
            raise InvalidInput(f"presence[{index}].children", "un tableau d'identifiants est attendu.")
        intervals.append(CareInterval.of(am=row.get("am"), day=row.get("day"), start=row.get("from"),
                                         end=row.get("to"), children=children, field=f"presence[{index}]"))
    check = check_planning(mam, intervals, on=SCENARIO_WEEK)
    return {"violations": sorted({v.rule.value for v in check.violations if v.rule in _RULES}),
            "max_children": check.max_children, "max_ams": check.max_ams}


MAM_CALCULATIONS = (
    ("mam_planning", frozenset({"ams", "children", "presence"}),
     frozenset({"violations", "max_children", "max_ams"}), _planning),
)
"""(name, inputs, figures, run) of each calculation, registered in ``CALCULATIONS``."""
