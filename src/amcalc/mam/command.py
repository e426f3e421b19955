"""A MAM's week read from a TOML or JSON file with the keys of the scenario calculation
``mam_planning`` (``ams``, ``children``, ``presence``), checked — what the command
``amcalc mam-planning FILE [--json]`` runs (:mod:`amcalc.commands.mam_planning`: exit 0 when
the planning is conforme, 1 when it breaks a rule, 2 on a file that cannot be read or an
input that is not valid).

>>> report(planning_check("docs/examples/mam-planning.toml"))["violations"][0]["rule"]
'agrement'
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from amcalc.errors import UnreadableFile
from amcalc.mam.planning import PlanningCheck, check_planning
from amcalc.mam.tables import TABLES_WEEK, read_tables

__all__ = ["planning_check", "report"]


def planning_check(path: str | Path) -> PlanningCheck:
    """The week of the file ``path`` (``.json``, otherwise TOML), checked."""
    file = Path(path)
    try:
        text = file.read_text("utf-8")
        data = json.loads(text) if file.suffix == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise UnreadableFile("file", f"{file.name} : {err}") from None
    if not isinstance(data, dict):
        raise UnreadableFile("file", f"{file.name} : une table (ams, children, presence) est attendue.")
    return check_planning(*read_tables(data), on=TABLES_WEEK)


def report(check: PlanningCheck) -> dict[str, Any]:
    """The check as JSON-ready data."""
    return {"conforme": check.conforme, "max_children": check.max_children, "max_ams": check.max_ams,
            "violations": [{"rule": v.rule.value, "article": v.article, "when": v.when, "who": v.who,
                            "message": v.message} for v in check.violations]}
