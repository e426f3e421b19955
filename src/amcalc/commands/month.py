"""``amcalc month FICHIER [--month AAAA-MM] [événements]``: a contract's month, from the
file's ``[month]`` table and the options, whose events add to the table's (for another
month than the table's, only the options' events count)."""

from __future__ import annotations

import argparse
from typing import Any

from amcalc.commands.common import add_file, emit, iso_date
from amcalc.contract_file import month_of, read_file
from amcalc.errors import InvalidInput

NAME = "month"
HELP = "le mois d'un contrat : salaire, absences, heures en plus, fériés, entretien, net, Pajemploi"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)
    parser.add_argument("--month", help="le mois, AAAA-MM (sinon celui de la table [month])")
    parser.add_argument("--absence", action="append", default=[], metavar="DATE:CAUSE[:HEURES]",
                        help="une absence, ex. 2025-11-20:unpaid_leave ou 2025-11-20:unpaid_leave:3 (répétable)")
    parser.add_argument("--worked-week", action="append", default=[], metavar="LUNDI=HEURES",
                        help="les heures faites une semaine civile, ex. 2025-11-24=44 (répétable)")
    parser.add_argument("--non-care-week", action="append", default=[], metavar="LUNDI",
                        help="une semaine programmée sans accueil (46 semaines ou moins ; répétable)")
    parser.add_argument("--worked-holiday", action="append", default=[], metavar="DATE",
                        help="un jour férié travaillé par accord (répétable)")


def _events(args: argparse.Namespace) -> dict[str, list[Any]]:
    absences = []
    for text in args.absence:
        parts = text.split(":")
        if len(parts) not in (2, 3):
            raise InvalidInput("--absence", f"DATE:CAUSE[:HEURES] est attendu, pas {text!r}.")
        absences.append({"date": iso_date(parts[0], "--absence"), "cause": parts[1],
                         **({"hours": parts[2]} if len(parts) == 3 else {})})
    weeks = []
    for text in args.worked_week:
        monday, sep, hours = text.partition("=")
        if not sep:
            raise InvalidInput("--worked-week", f"LUNDI=HEURES est attendu, pas {text!r}.")
        weeks.append({"week": iso_date(monday, "--worked-week"), "hours": hours})
    return {"absences": absences, "worked_hours": weeks,
            "non_care_weeks": [iso_date(t, "--non-care-week") for t in args.non_care_week],
            "worked_holidays": [iso_date(t, "--worked-holiday") for t in args.worked_holiday]}


def run(args: argparse.Namespace) -> int:
    tables = read_file(args.file)
    month = dict(tables.get("month", {}))
    if args.month and args.month != month.get("month"):
        month = {"month": args.month}  # the table's events belong to its own month
    for key, added in _events(args).items():
        if added:
            month[key] = [*month.get(key, []), *added]
    return emit(args, month_of({**tables, "month": month}))
