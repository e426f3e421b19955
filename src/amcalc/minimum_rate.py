"""Salaire horaire minimum — legal (CASF D423-9) and conventional (CCN 3239 art. 107, annexe 5).

The legal floor is 0.281 × SMIC horaire per child and per hour, kept exact
(no rounding rule exists: 3.11 € is below 0.281 × 11.07 = 3.11067 €). The
effective minimum is the higher of the two at each date (rules.md §3.1–3.2).

>>> from datetime import date
>>> m = minimum_rate(date(2025, 4, 1))
>>> m.legal, m.conventional, m.effective
(Decimal('3.33828'), Decimal('3.64'), Decimal('3.64'))
>>> minimum_rate(date(2025, 4, 1), am_ge=True).effective
Decimal('3.79')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

import attrs

from amcalc import parameters
from amcalc.errors import BelowMinimumRate, ParameterUnavailable
from amcalc.explain import (
    UNTRACED,
    Explained,
    Explanation,
    ParameterUse,
    Step,
    euros,
    explained_later,
    french_date,
    number,
    rate,
)
from amcalc.inputs import parse_date, parse_flag

__all__ = ["MinimumRate", "check_rate", "minimum_rate"]


@attrs.frozen
class MinimumRate(Explained):
    """Hourly gross minima per child in force on ``on`` (exact values)."""

    on: date
    am_ge: bool
    legal: Decimal
    conventional: Decimal
    effective: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def minimum_rate(on: date | str, *, am_ge: bool = False) -> MinimumRate:
    """Minima in force on ``on``; ``am_ge`` for the holder of the AM-GE title."""
    return _minimum_rate(parse_date(on, "on"), parse_flag(am_ge, "am_ge"))


@lru_cache(maxsize=4096)
def _minimum_rate(on: date, am_ge: bool) -> MinimumRate:
    smic, factor, conv = (p.at(on) for p in _parameters(am_ge))
    legal = smic.value * factor.value
    result = MinimumRate(on, am_ge, legal, conv.value, max(legal, conv.value), UNTRACED)
    # the checks read the figures alone: the French is written when the explanation is first read
    return explained_later(result, lambda: _explain(result))


def _parameters(am_ge: bool) -> tuple[parameters.Parameter, parameters.Parameter, parameters.Parameter]:
    """SMIC, legal factor and conventional minimum (of the AM-GE title with ``am_ge``)."""
    return (parameters.get("smic_horaire"), parameters.get("legal_minimum_factor"),
            parameters.get("conventional_minimum_rate_am_ge" if am_ge else "conventional_minimum_rate"))


def _explain(minimum: MinimumRate) -> Explanation:
    """The explanation of ``minimum``: the values in force on its day, each with its text."""
    smic_p, factor_p, conv_p = _parameters(minimum.am_ge)
    smic, factor, conv = (p.at(minimum.on) for p in (smic_p, factor_p, conv_p))
    legal, effective = minimum.legal, minimum.effective
    source = "légal" if legal > conv.value else "conventionnel"
    return Explanation(
        title=f"Salaire horaire minimum au {french_date(minimum.on)}"
        + (" (titre AM-GE)" if minimum.am_ge else ""),
        reference="CASF art. D423-9 ; CCN 3239 art. 107 et annexe 5",
        steps=(
            Step(
                "Minimum légal",
                f"{number(factor.value, 3)} × SMIC {euros(smic.value)}",
                f"{euros(legal, 5)} (arrondi {euros(legal)})",
                "CASF art. D423-9",
            ),
            Step("Minimum conventionnel", f"{conv_p.label}, en vigueur depuis le {french_date(conv.start)}",
                 euros(conv.value), "CCN 3239 annexe 5"),
            Step("Minimum applicable", f"le plus élevé de {euros(legal)} (légal) et {euros(conv.value)} "
                 "(conventionnel)", f"{rate(effective)} ({source})", "CCN 3239 art. 107"),
        ),
        parameters=(
            ParameterUse.of(smic_p, smic, " €/h"),
            ParameterUse.of(factor_p, factor),
            ParameterUse.of(conv_p, conv, " €/h"),
        ),
        notes=("Le taux du contrat est comparé à la valeur exacte, sans arrondi.",),
    )


def check_rate(
    hourly_rate: Decimal, on: date, *, am_ge: bool = False, field: str = "hourly_rate",
    date_field: str = "on",
) -> None:
    """Raise :class:`BelowMinimumRate` when ``hourly_rate`` is under the minimum on ``on``
    (``field`` and ``date_field`` name the caller's inputs in errors)."""
    try:
        minimum = minimum_rate(on, am_ge=am_ge)
    except ParameterUnavailable as err:
        raise ParameterUnavailable(date_field, err.message) from None
    if hourly_rate < minimum.effective:
        which = (
            "minimum légal (CASF D423-9 : 0,281 × SMIC)"
            if minimum.legal >= minimum.conventional
            else f"minimum conventionnel ({minimum.explanation.parameters[2].reference})"
        )
        raise BelowMinimumRate(
            field,
            f"{rate(hourly_rate)} brut de l'heure est inférieur, au {french_date(on)}, au "
            f"{which}, soit {rate(minimum.effective)} par enfant et par heure"
            + (" (titre AM-GE)" if am_ge else "")
            + " : relevez le taux horaire.",
        )
