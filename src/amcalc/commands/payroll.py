"""``amcalc payroll ENTRÉE -o SORTIE``: every contract-month of a CSV or Parquet file
(extra ``amcalc[bulk]``)."""

from __future__ import annotations

import argparse
import sys
import time

NAME = "payroll"
HELP = "calcule chaque mois de contrat d'un fichier CSV ou Parquet (extra amcalc[bulk])"
NO_BULK = "amcalc {}: le calcul en masse demande numpy et pyarrow : pip install 'amcalc[bulk]'"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="mois de contrat (.csv ou .parquet)")
    parser.add_argument("-o", "--output", required=True, help="résultats (.csv ou .parquet)")
    parser.add_argument("--threads", type=int, default=2, help="fils d'exécution (2 par défaut)")
    parser.add_argument("--processes", type=int, default=2,
                        help="processus pour les lignes de la voie scalaire (2 par défaut, 0 : aucun)")
    parser.add_argument("-q", "--quiet", action="store_true", help="pas de barre de progression")


def run(args: argparse.Namespace) -> int:
    try:
        from amcalc.bulk.files import payroll_file
    except ImportError:
        print(NO_BULK.format(NAME), file=sys.stderr)
        return 2
    began = time.perf_counter()
    try:
        stats = payroll_file(args.input, args.output, threads=args.threads, processes=args.processes,
                             progress=sys.stderr.isatty() and not args.quiet)
    except OSError as err:
        print(f"amcalc payroll: {err}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - began
    print(f"{stats.rows} rows, {stats.errors} errors, {elapsed:.2f} s "
          f"({stats.scalar_rows} by the scalar route)")
    return 0
