"""``amcalc family-cost FICHIER [--month AAAA-MM] [--json]``: what the family pays in a month
(CSS L531-5, D531-17, D531-18) — the contract's month from the file's ``[month]`` table, the
CMG from its ``[household]`` table, the employer aid and what remains."""

from __future__ import annotations

import argparse

from amcalc.commands.common import add_file, emit
from amcalc.contract_file import family_month_of, read_file

NAME = "family-cost"
HELP = "ce que la famille paie dans le mois : coût, CMG, aide de l'employeur, reste à charge (table [household])"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    parser.add_argument("--month", help="le mois, AAAA-MM (sinon celui de la table [month])")


def run(args: argparse.Namespace) -> int:
    tables = read_file(args.file)
    month = dict(tables.get("month", {}))
    if args.month and args.month != month.get("month"):
        month = {"month": args.month}  # the table's events belong to its own month
    result = family_month_of({**tables, "month": month})
    return emit(args, result, *(line.cmg for line in result.children))
