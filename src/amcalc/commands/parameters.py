"""``amcalc parameters [--on AAAA-MM-JJ] [--json]`` — every dated legal value, with its
evidence and the date up to which the values were verified.

Without ``--on``, each parameter's newest value (the one in force on the verified date).

>>> data = listing()
>>> data["verified_up_to"], data["reviewed_on"]
('2026-12-31', '2026-12-05')
>>> smic = next(p for p in data["parameters"] if p["name"] == "smic_horaire")
>>> smic["value"], smic["from"], smic["evidence"]
('12.31', '2026-06-01', 'S')
>>> print(text(listing(date(2024, 6, 1))).splitlines()[0])
Paramètres légaux en vigueur le 01/06/2024 (valeurs vérifiées jusqu'au 31/12/2026, revue du 05/12/2026)
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from typing import Any

from amcalc.commands.common import add_json, iso_date
from amcalc.errors import ParameterUnavailable
from amcalc.explain import french_date, number
from amcalc.parameters import EVIDENCE, REVIEWED_ON, VERIFIED_UP_TO, DatedValue, Parameter, get, names

__all__ = ["HELP", "NAME", "add_arguments", "listing", "run", "text"]


def _in_force(parameter: Parameter, on: date | None) -> DatedValue | None:
    if on is None:
        return parameter.values[-1]
    return parameter.at(on) if on >= parameter.values[0].start else None


def listing(on: date | None = None) -> dict[str, Any]:
    """Every parameter's value in force on ``on`` (default: its newest), as JSON-ready data;
    a parameter not yet in force that day has ``value`` and ``from`` null, and a day on
    which none is in force is :class:`~amcalc.errors.ParameterUnavailable`."""
    rows = []
    for name in names():
        parameter = get(name)
        entry = _in_force(parameter, on)
        rows.append({
            "name": name, "label": parameter.label, "unit": parameter.unit,
            "value": str(entry.value) if entry else None, "from": entry.start.isoformat() if entry else None,
            "reference": entry.reference if entry else None, "evidence": entry.evidence if entry else None,
            "evidence_label": EVIDENCE[entry.evidence] if entry else None, "stable": parameter.stable,
        })
    if on is not None and all(row["value"] is None for row in rows):
        raise ParameterUnavailable("on", f"aucun paramètre n'est en vigueur le {on.isoformat()}.")
    return {"on": on.isoformat() if on else None, "verified_up_to": VERIFIED_UP_TO.isoformat(),
            "reviewed_on": REVIEWED_ON.isoformat(), "parameters": rows}


def _shown(value: str, unit: str) -> str:
    amount = Decimal(value)
    if unit == "ratio":
        return f"{number(amount * 100, max(2, -int(amount.as_tuple().exponent) - 2))} %"
    if unit == "months":
        return f"{number(amount, 0)} mois"
    places = max(2, -int(amount.as_tuple().exponent))
    if unit == "factor":
        return f"{number(amount, places)} fois"
    return f"{number(amount, places)} €" + ("/h" if unit == "EUR/h" else "")


def text(data: dict[str, Any]) -> str:
    """The listing in French, one block per parameter."""
    when = f"en vigueur le {french_date(date.fromisoformat(data['on']))}" if data["on"] else "les plus récents"
    lines = [f"Paramètres légaux {when} (valeurs vérifiées jusqu'au "
             f"{french_date(VERIFIED_UP_TO)}, revue du {french_date(REVIEWED_ON)})"]
    for p in data["parameters"]:
        lines.append("")
        lines.append(p["label"] + (" (valeur stable)" if p["stable"] else ""))
        if p["value"] is None:
            lines.append("  pas encore en vigueur à cette date")
            continue
        lines.append(f"  {_shown(p['value'], p['unit'])} depuis le {french_date(date.fromisoformat(p['from']))}"
                     f" — {p['reference']} ({p['evidence_label']})")
    return "\n".join(lines)


NAME = "parameters"
HELP = "liste les valeurs légales datées, leur source et la date jusqu'à laquelle elles ont été vérifiées"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--on", metavar="JOUR", help="les valeurs en vigueur ce jour (AAAA-MM-JJ ; par défaut : "
                                                     "les plus récentes)")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    data = listing(iso_date(args.on, "on") if args.on else None)
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text(data))
    return 0
