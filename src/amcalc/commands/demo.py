"""``amcalc demo [FICHIER]``: a contract file explained in French, end to end."""

from __future__ import annotations

import argparse
from pathlib import Path

from amcalc.demo import explain_file

NAME = "demo"
HELP = "explique en français un fichier de contrat : mensualisation, un mois, le solde de tout compte"
EXAMPLE = Path(__file__).parent.parent / "examples" / "contrat-lea.toml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="fichier de contrat TOML ou JSON (par défaut : l'exemple fourni)")


def run(args: argparse.Namespace) -> int:
    print(explain_file(Path(args.file) if args.file else EXAMPLE))
    return 0
