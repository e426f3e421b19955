"""``amcalc mam-planning FICHIER [--json]``: a MAM's week checked (CASF L424-1 to L424-7, L421-4)."""

from __future__ import annotations

import argparse
import json

from amcalc.commands.common import add_json
from amcalc.mam.command import planning_check, report

NAME = "mam-planning"
HELP = "vérifie la semaine d'une MAM (fichier TOML ou JSON : ams, children, presence)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="la semaine de la MAM (.toml ou .json)")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """0 when the week is conforme, 1 when a rule is broken (like a failed check)."""
    check = planning_check(args.file)
    print(json.dumps(report(check), ensure_ascii=False, indent=2) if args.json else check.explain())
    return 0 if check.conforme else 1
