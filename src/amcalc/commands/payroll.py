"""``amcalc payroll ENTRÉE -o SORTIE``: every contract-month of a CSV or Parquet file
(extra ``amcalc[bulk]``).

Exit status: 0 done; 2 bad input (an unreadable file, an output that would overwrite the
input, a column unknown or missing); 3 a fault of amcalc (said in one line); 128 + the
signal when stopped (SIGTERM: 143, Ctrl-C: 130), the worker processes ended and nothing
written.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from amcalc.errors import AmcalcError

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
    parser.add_argument("--keep-extra", action="store_true",
                        help="recopie telles quelles dans le résultat les colonnes que le calcul ne lit pas "
                             "(centre de coût…) ; sans cette option, une telle colonne est une erreur")
    parser.add_argument("--excel", action="store_true",
                        help="fichiers CSV d'Excel en français : ';' entre les colonnes, Windows-1252 ou UTF-8 "
                             "avec BOM, virgule décimale (en lecture et en écriture)")
    parser.add_argument("--keep-formulas", action="store_true",
                        help="écrit les cellules de texte telles quelles, même celles qu'un tableur prendrait pour "
                             "des formules (=, +, -, @ en tête : précédées de ' par défaut)")


def run(args: argparse.Namespace) -> int:
    try:
        from amcalc.bulk.files import Interrupted, payroll_file, stopped_by_signals
    except ImportError:
        print(NO_BULK.format(NAME), file=sys.stderr)
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
    except AmcalcError:
        raise  # worded by the command line: code, field, message; exit 2
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
