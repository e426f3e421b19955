"""``amcalc mam-planning FILE [--json]`` — a MAM's week, read from a TOML or JSON file with
the keys of the scenario calculation ``mam_planning`` (``ams``, ``children``,
``presence``), checked and explained in French.

Exit status: 0 when the planning is conforme, 1 when it breaks a rule, 2 on a file
that cannot be read or an input that is not valid. :func:`add_command` registers
the command on the command line's subparsers.

>>> report(planning_check("docs/examples/mam-planning.toml"))["violations"][0]["rule"]
'agrement'
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from amcalc.errors import AmcalcError, UnreadableFile
from amcalc.mam.planning import PlanningCheck, check_planning
from amcalc.mam.tables import TABLES_WEEK, read_tables

__all__ = ["add_command", "planning_check", "report"]


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


def _run(args: argparse.Namespace) -> int:
    try:
        check = planning_check(args.file)
    except AmcalcError as err:
        print(f"amcalc mam-planning: {err.code}: {err}", file=sys.stderr)
        return 2
    print(json.dumps(report(check), ensure_ascii=False, indent=2) if args.json else check.explain())
    return 0 if check.conforme else 1


def add_command(commands: Any) -> None:
    """Register ``amcalc mam-planning`` on the command line's subparsers."""
    command = commands.add_parser("mam-planning", help="check a MAM's week (TOML or JSON: ams, children, "
                                                       "presence)")
    command.add_argument("file", help="the week's file (.toml or .json)")
    command.add_argument("--json", action="store_true", help="one JSON document")
    command.set_defaults(handler=_run)
