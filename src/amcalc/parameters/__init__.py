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

``as_of`` is the last effective date the data covers. :data:`VERIFIED_UP_TO`
is the last day for which every value was checked against its source, at the
review of :data:`REVIEWED_ON` (``review.toml``): a calculation for a later day
uses the last known values, and its explanation carries
:func:`freshness_warning`.

>>> VERIFIED_UP_TO, REVIEWED_ON
(datetime.date(2026, 12, 31), datetime.date(2026, 12, 5))
>>> freshness_warning(date(2026, 12, 31)) is None
True
>>> print(freshness_warning(date(2027, 1, 31)))
Valeurs légales vérifiées jusqu'au 31/12/2026 : ce calcul applique après cette date les dernières valeurs connues (SMIC, minimum garanti, minima conventionnels, cotisations), qui ont pu changer depuis ; vérifiez-les avant de l'utiliser.

Each looked-up value remembers the day it was asked for (``applied_on``), so a
result that lists the values it used knows the days it covers:

>>> get("smic_horaire").at(date(2027, 1, 31)).applied_on
datetime.date(2027, 1, 31)
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

__all__ = [
    "CONFIRMED",
    "MISSING",
    "FRESHNESS_WARNING",
    "REVIEWED_ON",
    "VERIFIED_UP_TO",
    "DatedValue",
    "Parameter",
    "as_of",
    "freshness_warning",
    "get",
    "names",
]

EVIDENCE = {"P": "texte primaire", "S": "source secondaire", "U": "non vérifié"}


@attrs.frozen
class DatedValue:
    """A value in force from ``start`` until the next entry; ``applied_on``: the day
    it was looked up for by :meth:`Parameter.at` (``None`` in the history)."""

    start: date
    value: Decimal
    reference: str
    evidence: str
    applied_on: date | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Parameter:
    """A legal parameter and its history, sorted by effective date. ``stable``: the
    value deliberately has no scheduled revision (a rate of the CCN or of a code
    that changes only with its text), so an old last entry is not a sign of neglect."""

    name: str
    label: str
    unit: str
    description: str
    values: tuple[DatedValue, ...]
    stable: bool = False
    _starts: tuple[date, ...] = attrs.field(init=False, eq=False, repr=False)
    """The effective dates of ``values``, searched by :meth:`at`."""

    @_starts.default
    def _effective_dates(self) -> tuple[date, ...]:
        return tuple(v.start for v in self.values)

    def at(self, on: date) -> DatedValue:
        """The entry in force on ``on``, or :class:`ParameterUnavailable`."""
        index = bisect.bisect_right(self._starts, on) - 1
        if index < 0:
            raise ParameterUnavailable(
                "on",
                f"aucune valeur de « {self.label} » n'est en vigueur le {on.isoformat()} "
                f"(données à partir du {self.values[0].start.isoformat()}).",
            )
        entry = self.values[index]
        return DatedValue(entry.start, entry.value, entry.reference, entry.evidence, on)

    def changes_in(self, first: date, last: date) -> tuple[date, ...]:
        """Effective dates strictly after ``first`` and up to ``last``."""
        return tuple(v.start for v in self.values if first < v.start <= last)


_DATA = resources.files(__name__).joinpath("data")


def _load(name: str) -> Parameter:
    text = _DATA.joinpath(f"{name}.toml").read_text("utf-8")
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
    return Parameter(raw["name"], raw["label"], raw["unit"], raw["description"], values,
                     stable=raw.get("stable", False))


@cache
def names() -> tuple[str, ...]:
    """Names of every bundled parameter file (read once: :func:`get` asks on every new name)."""
    return tuple(
        sorted(p.name.removesuffix(".toml") for p in _DATA.iterdir() if p.name.endswith(".toml"))
    )


@cache
def get(name: str) -> Parameter:
    """The parameter ``name`` (file ``data/<name>.toml``)."""
    if name not in names():
        raise ParameterUnavailable("name", f"paramètre inconnu : {name}.")
    return _load(name)


as_of: date
"""Last effective date covered by the bundled data (read on first use: every file)."""


def __getattr__(name: str) -> date:
    if name != "as_of":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()["as_of"] = found = max(get(n).values[-1].start for n in names())
    return found


_REVIEW = tomllib.loads(resources.files(__name__).joinpath("review.toml").read_text("utf-8"))

VERIFIED_UP_TO: date = _REVIEW["verified_up_to"]
"""Every value in force up to this day was checked against its source at the last review."""

REVIEWED_ON: date = _REVIEW["reviewed_on"]
"""The day of the last review of the values."""

CONFIRMED: dict[str, str] = _REVIEW.get("confirmed", {})
"""Parameters revised from time to time whose newest entry is over a year old, found
still in force at the last review: name → how it was checked."""

MISSING: dict[str, str] = _REVIEW.get("missing", {})
"""Parameters whose next entry is due but was not found at the last review: name → what is
missing. Results that need it use the last known value and say so."""

FRESHNESS_WARNING = (
    f"Valeurs légales vérifiées jusqu'au {VERIFIED_UP_TO:%d/%m/%Y} : ce calcul applique après cette "
    "date les dernières valeurs connues (SMIC, minimum garanti, minima conventionnels, cotisations), "
    "qui ont pu changer depuis ; vérifiez-les avant de l'utiliser."
)


def freshness_warning(day: date) -> str | None:
    """The warning of a calculation for ``day`` after :data:`VERIFIED_UP_TO`, else ``None``."""
    return FRESHNESS_WARNING if day > VERIFIED_UP_TO else None
