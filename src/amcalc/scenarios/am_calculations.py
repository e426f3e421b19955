"""The AM's calculations of scenario files (December 2026): ``am_schedule_check`` and
``am_tax_deduction``, each mapping a case's ``input`` to :mod:`amcalc.am`.

Each entry of :data:`AM_CALCULATIONS` is (name, input keys, figures, run), the
fields of :class:`amcalc.scenarios.calculations.Calculation`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from amcalc.am.agrement import Agrement
from amcalc.am.tax_regime import CareDays, special_regime
from amcalc.am.working_time import Presence, check_week
from amcalc.errors import InvalidInput

__all__ = ["AM_CALCULATIONS"]

Inputs = Mapping[str, Any]
Figures = dict[str, object]


def _tables(inputs: Inputs, key: str) -> list[Mapping[str, Any]]:
    value = inputs.get(key)
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise InvalidInput(key, "un tableau de tables TOML est attendu.")
    return value


def _keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(table) - allowed
    if unknown:
        raise InvalidInput(f"{where}.{sorted(unknown)[0]}", f"clé inconnue : {', '.join(sorted(allowed))}.")


def _schedule_check(inputs: Inputs) -> Figures:
    presences = []
    for i, entry in enumerate(_tables(inputs, "contracts")):
        where = f"contracts[{i}]"
        _keys(entry, {"id", "schedule", "under_3"}, where)
        child, schedule, under_3 = entry.get("id"), entry.get("schedule"), entry.get("under_3", True)
        if not isinstance(child, str) or not child:
            raise InvalidInput(f"{where}.id", "un identifiant est attendu.")
        if not isinstance(schedule, Mapping):
            raise InvalidInput(f"{where}.schedule", "une table { mon = \"08:00-17:00\", … } est attendue.")
        if not isinstance(under_3, bool):
            raise InvalidInput(f"{where}.under_3", "true ou false est attendu.")
        presences.append(Presence.from_schedule(child, schedule, under_3=under_3, field=f"{where}.schedule"))
    week = check_week(
        presences, agrement=Agrement.of(children=inputs.get("agrement", 4)),
        own_children_under_3=inputs.get("own_children_under_3", 0),
        consent_over_48=inputs.get("consent_over_48", False), weeks_worked=inputs.get("weeks_worked", 47),
    )
    return {"weekly_hours": week.weekly_hours, "max_children": week.max_children,
            "violations": list(week.rules)}


def _tax_deduction(inputs: Inputs) -> Figures:
    care = []
    for i, row in enumerate(_tables(inputs, "care")):
        where = f"care[{i}]"
        _keys(row, {"month", "days", "hours", "factor"}, where)
        care.append(CareDays.of(row.get("month"), days=row.get("days"), hours=row.get("hours"),
                                factor=row.get("factor", 3), field=where))
    regime = special_regime(care, inputs.get("received"))
    return {"deduction": regime.deduction, "taxable": regime.taxable}


AM_CALCULATIONS: tuple[tuple[str, frozenset[str], frozenset[str], Callable[[Inputs], Figures]], ...] = (
    ("am_schedule_check",
     frozenset({"agrement", "contracts", "own_children_under_3", "consent_over_48", "weeks_worked"}),
     frozenset({"weekly_hours", "max_children", "violations"}), _schedule_check),
    ("am_tax_deduction", frozenset({"care", "received"}), frozenset({"deduction", "taxable"}), _tax_deduction),
)
