"""The ``amcalc`` command (also ``python -m amcalc``).

- ``amcalc check PATH…`` runs scenario files (format v1);
- ``amcalc demo [FILE]`` explains, in French, a contract file: its mensualisation,
  a month and the settlement at its end (:mod:`amcalc.demo`);
- ``amcalc payroll INPUT -o OUTPUT`` computes every contract-month of a CSV or
  Parquet file (extra ``amcalc[bulk]``);
- ``amcalc bench --rows N [--json]`` measures the bulk engine (extra ``amcalc[bulk]``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
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


_NO_BULK = ("amcalc {}: le calcul en masse demande numpy et pyarrow : "
            "pip install 'amcalc[bulk]'")


def _payroll(args: argparse.Namespace) -> int:
    try:
        from amcalc.bulk.files import Interrupted, payroll_file, stopped_by_signals
    except ImportError:
        print(_NO_BULK.format("payroll"), file=sys.stderr)
        return 2
    began = time.perf_counter()
    try:
        with stopped_by_signals():
            stats = payroll_file(args.input, args.output, threads=args.threads, processes=args.processes,
                                 progress=sys.stderr.isatty() and not args.quiet, keep_extra=args.keep_extra,
                                 excel=args.excel, formulas=args.keep_formulas)
    except Interrupted as stop:  # exit status 128 + the signal, as a shell reports it
        print(f"amcalc payroll: interrupted ({stop}): nothing written to {args.output}", file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(128 + stop.signal)  # now: the ended workers' queues would hold the interpreter's exit
    except AmcalcError as err:
        print(f"amcalc payroll: {err.code}: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"amcalc payroll: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # noqa: BLE001 — a fault of amcalc, said in one line, never a traceback
        print(f"amcalc payroll: internal_error: {type(err).__name__}: {err}", file=sys.stderr)
        return 3
    elapsed = time.perf_counter() - began
    print(f"{stats.rows} rows, {stats.errors} errors, {elapsed:.2f} s "
          f"({stats.scalar_rows} by the scalar route)")
    return 0


def _bench(args: argparse.Namespace) -> int:
    try:
        from amcalc.bulk.bench import main as bench_main
    except ImportError:
        print(_NO_BULK.format("bench"), file=sys.stderr)
        return 2
    return bench_main(args.rows, args.json)


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
    payroll = commands.add_parser("payroll", help="compute every contract-month of a CSV or Parquet file")
    payroll.add_argument("input", help="contract-months (.csv or .parquet)")
    payroll.add_argument("-o", "--output", required=True, help="results (.csv or .parquet)")
    payroll.add_argument("--threads", type=int, default=2, help="threads (default 2)")
    payroll.add_argument("--processes", type=int, default=2,
                         help="worker processes for the rows of the scalar route (default 2, 0: none)")
    payroll.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    payroll.add_argument("--keep-extra", action="store_true",
                         help="copy the columns the engine does not read (cost centres…) to the output as they are; "
                              "without it such a column is an error")
    payroll.add_argument("--excel", action="store_true",
                         help="CSV files as French Excel makes them: ';' between columns, Windows-1252 or UTF-8 "
                              "with BOM, decimal comma (read and written)")
    payroll.add_argument("--keep-formulas", action="store_true",
                         help="write text cells as they are, even those a spreadsheet would evaluate as formulas "
                              "(=, +, -, @ first: prefixed with ' by default)")
    payroll.set_defaults(handler=_payroll)
    bench = commands.add_parser("bench", help="measure the bulk engine (see benchmarks/README.md)")
    bench.add_argument("--rows", type=int, default=1_000_000, help="random contract-months (default 10^6)")
    bench.add_argument("--json", action="store_true", help="one JSON line")
    bench.set_defaults(handler=_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
