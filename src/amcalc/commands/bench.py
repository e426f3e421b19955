"""``amcalc bench --rows N``: measure the bulk engine (extra ``amcalc[bulk]``)."""

from __future__ import annotations

import argparse
import sys

from amcalc.commands.payroll import NO_BULK

NAME = "bench"
HELP = "mesure le moteur de calcul en masse (voir benchmarks/README.md)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1_000_000, help="mois de contrat aléatoires (10^6 par défaut)")
    parser.add_argument("--json", action="store_true", help="une ligne JSON")


def run(args: argparse.Namespace) -> int:
    try:
        from amcalc.bulk.bench import main as bench_main
    except ImportError:
        print(NO_BULK.format(NAME), file=sys.stderr)
        return 2
    return bench_main(args.rows, args.json)
