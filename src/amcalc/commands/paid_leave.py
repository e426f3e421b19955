"""``amcalc paid-leave FICHIER``: the paid leave acquired and its indemnity, from the file's
``[paid_leave]`` table and the options (which replace its keys)."""

from __future__ import annotations

import argparse

from amcalc.commands.common import add_file, emit, iso_date
from amcalc.contract_file import contract_of, leave_of, read_file
from amcalc.errors import InvalidInput

NAME = "paid-leave"
HELP = "congés payés : jours acquis et indemnité (1/10 ou maintien de salaire, art. 102)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    parser.add_argument("--until", metavar="DATE", help="compter les jours acquis de l'embauche à cette date")
    parser.add_argument("--acquired-days", metavar="JOURS", help="ou : les jours acquis, déjà connus")
    parser.add_argument("--reference-gross", metavar="EUROS",
                        help="le brut de la période de référence (pour l'indemnité)")


def run(args: argparse.Namespace) -> int:
    tables = read_file(args.file)
    table = dict(tables.get("paid_leave", {}))
    if args.until:
        table.pop("acquired_days", None)
        table["until"] = iso_date(args.until, "--until")
    if args.acquired_days:
        if not args.acquired_days.isdigit():
            raise InvalidInput("--acquired-days", f"un nombre entier de jours est attendu, pas {args.acquired_days!r}.")
        table.pop("until", None)
        table["acquired_days"] = int(args.acquired_days)
    if args.reference_gross:
        table["reference_gross"] = args.reference_gross
    acquisition, indemnity = leave_of(contract_of(tables), table)
    return emit(args, acquisition, indemnity, names=("acquisition", "indemnity"))
