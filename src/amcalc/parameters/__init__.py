"""Paramètres légaux datés — every legal amount as data, with its reference.

One TOML file per parameter in ``data/``: one entry per effective date, each
with its value, its reference and an evidence tag (``P`` primary text, ``S``
secondary source, ``U`` unverified). Values are read exactly
(``parse_float=Decimal``).

>>> from datetime import date
>>> smic = get("smic_horaire").at(date(2024, 6, 1))
>>> smic.value, smic.start, smic.reference
(Decimal('11.65'), datetime.date(2024, 1, 1), 'Décret n° 2023-1216 du 20 décembre 2023')
>>> get("smic_horaire").at(date(2021, 12, 31))
Traceback (most recent call last):
...
amcalc.errors.ParameterUnavailable: on : aucune valeur de « SMIC horaire brut (métropole) » n'est en vigueur le 2021-12-31 (données à partir du 2022-01-01).

``as_of`` is the last effective date the data covers: figures after it use
the last known values, so check it against your payroll date.
"""

from __future__ import annotations

import bisect
import tomllib
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources

import attrs

from amcalc.errors import ParameterUnavailable

__all__ = ["DatedValue", "Parameter", "as_of", "get", "names"]

EVIDENCE = {"P": "texte primaire", "S": "source secondaire", "U": "non vérifié"}


@attrs.frozen
class DatedValue:
    """A value in force from ``start`` until the next entry."""

    start: date
    value: Decimal
    reference: str
    evidence: str


@attrs.frozen
class Parameter:
    """A legal parameter and its history, sorted by effective date."""

    name: str
    label: str
    unit: str
    description: str
    values: tuple[DatedValue, ...]

    def at(self, on: date) -> DatedValue:
        """The entry in force on ``on``, or :class:`ParameterUnavailable`."""
        index = bisect.bisect_right([v.start for v in self.values], on) - 1
        if index < 0:
            raise ParameterUnavailable(
                "on",
                f"aucune valeur de « {self.label} » n'est en vigueur le {on.isoformat()} "
                f"(données à partir du {self.values[0].start.isoformat()}).",
            )
        return self.values[index]

    def changes_in(self, first: date, last: date) -> tuple[date, ...]:
        """Effective dates strictly after ``first`` and up to ``last``."""
        return tuple(v.start for v in self.values if first < v.start <= last)


def _load(name: str) -> Parameter:
    text = resources.files(__name__).joinpath("data", f"{name}.toml").read_text("utf-8")
    raw = tomllib.loads(text, parse_float=Decimal)
    values = tuple(
        DatedValue(
            start=entry["from"],
            value=Decimal(entry["value"]),
            reference=entry["reference"],
            evidence=entry["evidence"],
        )
        for entry in raw["values"]
    )
    return Parameter(raw["name"], raw["label"], raw["unit"], raw["description"], values)


def names() -> tuple[str, ...]:
    """Names of every bundled parameter file."""
    folder = resources.files(__name__).joinpath("data")
    return tuple(
        sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
    )


@cache
def get(name: str) -> Parameter:
    """The parameter ``name`` (file ``data/<name>.toml``)."""
    if name not in names():
        raise ParameterUnavailable("name", f"paramètre inconnu : {name}.")
    return _load(name)


as_of: date = max(get(n).values[-1].start for n in names())
"""Last effective date covered by the bundled data."""
