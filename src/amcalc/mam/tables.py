"""A MAM's week as tables — the keys of the scenario calculation ``mam_planning``
(``ams``, ``children``, ``presence``), read from TOML or JSON.

The tables carry no dates nor contracts: an AM's ``own_children_under_3`` is a
count (written here as children born on :data:`TABLES_WEEK`, the day the week is
checked for), and the children count in the agrément only.

>>> mam, intervals = read_tables({
...     "ams": [{"id": "A", "own_children_under_3": 1}, {"id": "B", "agrement": 3}],
...     "children": [{"id": "a1", "am": "A", "delegates": ["B"]}, {"id": "b1", "am": "B"}],
...     "presence": [{"day": "mon", "from": "08:00", "to": "12:00", "am": "B", "children": ["b1", "a1"]}]})
>>> [m.childminder.agrement.children for m in mam.members], intervals[0].when
([4, 3], 'lundi de 08h00 à 12h00')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from amcalc.am.agrement import Agrement, whole_number
from amcalc.am.childminder import Childminder
from amcalc.errors import InvalidInput
from amcalc.mam.house import Mam, MamChild
from amcalc.mam.planning import CareInterval

__all__ = ["TABLES_WEEK", "read_tables"]

TABLES_WEEK = date(2026, 1, 5)
"""The Monday an undated week of tables is checked for."""


def read_tables(inputs: Mapping[str, Any]) -> tuple[Mam, tuple[CareInterval, ...]]:
    """The house and its week from the tables ``ams``, ``children`` and ``presence``."""
    ams: dict[str, Childminder] = {}
    for index, row in enumerate(_tables(inputs, "ams", {"id", "agrement", "own_children_under_3"})):
        name = row.get("id")
        if not isinstance(name, str) or name in ams:
            raise InvalidInput(f"ams[{index}].id", f"un identifiant unique est attendu ({name!r}).")
        own = whole_number(row.get("own_children_under_3", 0), f"ams[{index}].own_children_under_3")
        ams[name] = Childminder.of(agrement=Agrement.of(children=row.get("agrement", 4)),
                                   own_children=[TABLES_WEEK] * own)
    children = [MamChild.of(id=row.get("id"), am=row.get("am"),
                            delegates=_ids(row, "delegates", f"children[{index}]"))
                for index, row in enumerate(_tables(inputs, "children", {"id", "am", "delegates"}))]
    intervals = tuple(
        CareInterval.of(am=row.get("am"), day=row.get("day"), start=row.get("from"), end=row.get("to"),
                        children=_ids(row, "children", f"presence[{index}]"), field=f"presence[{index}]")
        for index, row in enumerate(_tables(inputs, "presence", {"day", "from", "to", "am", "children"})))
    return Mam.of(ams=ams, children=children), intervals


def _tables(inputs: Mapping[str, Any], key: str, allowed: set[str]) -> list[Mapping[str, Any]]:
    value = inputs.get(key)
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise InvalidInput(key, "un tableau de tables est attendu.")
    for index, table in enumerate(value):
        unknown = set(table) - allowed
        if unknown:
            raise InvalidInput(f"{key}[{index}].{sorted(unknown)[0]}", f"clé inconnue : {', '.join(sorted(allowed))}.")
    return value


def _ids(row: Mapping[str, Any], key: str, where: str) -> list[object]:
    value = row.get(key, [])
    if not isinstance(value, list):
        raise InvalidInput(f"{where}.{key}", "un tableau d'identifiants est attendu.")
    return value
