"""``amcalc check CHEMIN…``: run scenario files (format v1) and compare every figure."""

from __future__ import annotations

import argparse
import json
import sys

from amcalc.scenarios import CALCULATIONS, ScenarioFileError, run_files

NAME = "check"
HELP = "exécute des fichiers de scénarios (format v1) et compare chaque chiffre attendu"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", help="fichiers ou dossiers de scénarios (*.toml, récursivement)")
    parser.add_argument("--json", action="store_true", help="un objet JSON par cas")
    parser.add_argument("--calc", action="append", help="seulement les cas de ce calcul (répétable)")
    parser.add_argument("--calc-implemented", action="store_true",
                        help="seulement les cas dont le calcul existe dans cette version")


def run(args: argparse.Namespace) -> int:
    unknown = set(args.calc or ()) - set(CALCULATIONS)
    if unknown and not args.calc_implemented:
        print(f"amcalc check: --calc {sorted(unknown)[0]} n'est pas un calcul disponible", file=sys.stderr)
        return 2
    calcs = set(args.calc) if args.calc else None
    if args.calc_implemented:
        calcs = set(CALCULATIONS) if calcs is None else calcs & set(CALCULATIONS)
    try:
        results = list(run_files(args.paths, calcs))
    except ScenarioFileError as err:
        print(f"amcalc check: fichier de scénarios invalide {err}", file=sys.stderr)
        return 2
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for result in results:
        counts[result.status] += 1
        if args.json:
            print(json.dumps(result.as_json(), ensure_ascii=False))
        elif result.status == "failed":
            for m in result.mismatches:
                print(f"FAIL {result.case.path}::{result.case.id} {m.key}: expected {m.expected}, got {m.got}")
    if not args.json:
        skipped = f", {counts['skipped']} skipped" if counts["skipped"] else ""
        print(f"{counts['passed']} passed, {counts['failed']} failed{skipped}")
    return 1 if counts["failed"] else 0
