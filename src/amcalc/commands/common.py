"""What the commands share: a contract file argument, ``--json``, the printing of a result."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from amcalc.errors import InvalidInput
from amcalc.serialization import Serializable

__all__ = ["add_file", "add_json", "emit", "iso_date"]


def add_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="fichier de contrat, TOML ou JSON (clés du format des scénarios)")
    add_json(parser)


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="le résultat en JSON (format versionné, schémas publiés) au lieu du texte français")


def iso_date(text: str, option: str) -> date:
    """An option's date, ``AAAA-MM-JJ``."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(option, f"date attendue au format AAAA-MM-JJ, pas {text!r}.") from None


def emit(args: argparse.Namespace, *results: Serializable | None, names: tuple[str, ...] = ()) -> int:
    """Print the results: their French explanations, or their JSON form (one object, or an
    object of ``names`` when there are several)."""
    shown = [r for r in results if r is not None]
    if args.json:
        data: Any = shown[0].to_dict() if not names else {
            n: r.to_dict() if r is not None else None for n, r in zip(names, results, strict=True)}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(r.explain() for r in shown))  # type: ignore[attr-defined]
    return 0
