"""``amcalc settlement FICHIER``: the solde de tout compte, from the file's ``[end]`` table
and the options (which replace its keys)."""

from __future__ import annotations

import argparse

from amcalc.commands.common import add_file, emit, iso_date
from amcalc.contract_file import contract_of, read_file, settlement_of

NAME = "settlement"
HELP = "solde de tout compte : préavis, indemnités, congés payés, régularisation"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    parser.add_argument("--reason", help="motif de la fin (withdrawal, resignation, fixed_term_end…)")
    parser.add_argument("--sent", metavar="DATE", help="envoi de la lettre, AAAA-MM-JJ")
    parser.add_argument("--notified", metavar="DATE", help="première présentation de la lettre, AAAA-MM-JJ")
    parser.add_argument("--total-gross", metavar="EUROS", help="salaires bruts perçus depuis l'embauche")


def run(args: argparse.Namespace) -> int:
    tables = read_file(args.file)
    end = dict(tables.get("end", {}))
    if args.reason:
        end["reason"] = args.reason
    for option in ("sent", "notified"):
        if getattr(args, option):
            end[option] = iso_date(getattr(args, option), f"--{option}")
    if args.total_gross:
        end["total_gross"] = args.total_gross
    return emit(args, settlement_of(contract_of(tables), end))
