"""The ``amcalc`` command (also ``python -m amcalc``).

- ``amcalc check PATH…`` runs scenario files (format v1);
- ``amcalc demo [FILE]`` explains, in French, a contract file: its mensualisation,
  a month and the settlement at its end (:mod:`amcalc.demo`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from amcalc.demo import explain_file
from amcalc.errors import AmcalcError
from amcalc.scenarios import CALCULATIONS, ScenarioFileError, run_files

__all__ = ["main"]

_EXAMPLE = Path(__file__).parent / "examples" / "contrat-lea.toml"


def _check(args: argparse.Namespace) -> int:
    unknown = set(args.calc or ()) - set(CALCULATIONS)
    if unknown and not args.calc_implemented:
        print(f"amcalc check: --calc {sorted(unknown)[0]} is not an implemented calculation", file=sys.stderr)
        return 2
    calcs = set(args.calc) if args.calc else None
    if args.calc_implemented:
        calcs = set(CALCULATIONS) if calcs is None else calcs & set(CALCULATIONS)
    try:
        results = list(run_files(args.paths, calcs))
    except ScenarioFileError as err:
        print(f"amcalc check: invalid scenario file {err}", file=sys.stderr)
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


def _demo(args: argparse.Namespace) -> int:
    path = Path(args.file) if args.file else _EXAMPLE
    try:
        print(explain_file(path))
    except AmcalcError as err:
        print(f"amcalc demo: {err.code}: {err}", file=sys.stderr)
        return 2
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amcalc", description="Calculs exacts et expliqués pour les assistants maternels (IDCC 3239)."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="run scenario files (format v1)")
    check.add_argument("paths", nargs="+", help="scenario files or folders (*.toml, recursively)")
    check.add_argument("--json", action="store_true", help="one JSON object per case")
    check.add_argument("--calc", action="append", help="only cases of this calculation (repeatable)")
    check.add_argument("--calc-implemented", action="store_true",
                       help="only cases whose calculation is implemented in this version")
    check.set_defaults(handler=_check)
    demo = commands.add_parser("demo", help="explain a contract file in French: mensualisation, a month, the settlement")
    demo.add_argument("file", nargs="?", help="contract TOML file (default: bundled example)")
    demo.set_defaults(handler=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
