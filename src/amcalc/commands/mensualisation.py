"""``amcalc mensualisation FICHIER``: the monthly salary, hours and days of a contract."""

from __future__ import annotations

import argparse

from amcalc.commands.common import add_file, emit
from amcalc.contract_file import contract_of, read_file
from amcalc.mensualisation import mensualise

NAME = "mensualisation"
HELP = "mensualisation d'un contrat : salaire, heures et jours mensualisés (art. 109)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file(parser)


def run(args: argparse.Namespace) -> int:
    return emit(args, mensualise(contract_of(read_file(args.file))))
