"""Indemnités kilométriques entre employeurs — a trip shared pro rata of the children in the car
(CCN 3239 art. 57, 113).

When the AM drives children of several employers at their request, each
employer pays the kilometres in proportion to its children in the car, at the
rate of its own contract. Her own children count when the trip is also for
them: their share is nobody's to pay.

>>> [(s.employer, s.kilometres, s.amount) for s in split_trip(
...     "12", {"A": 2, "B": 1}, rates={"A": "0.60", "B": "0.50"}, own_children=1)]
[('A', Fraction(6, 1), Decimal('3.60')), ('B', Fraction(3, 1), Decimal('1.50'))]
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.am.agrement import whole_number
from amcalc.errors import InvalidInput
from amcalc.money import parse_money, round_to_cents

__all__ = ["TripShare", "split_trip"]


@attrs.frozen
class TripShare:
    """An employer's part of a trip: its ``children`` in the car, its exact ``kilometres``
    and the ``amount`` at its contract's rate, rounded once."""

    employer: str
    children: int
    kilometres: Fraction
    amount: Decimal


def split_trip(kilometres: object, children: Mapping[str, object], *, rates: Mapping[str, object],
               own_children: object = 0) -> tuple[TripShare, ...]:
    """Partage d'un trajet (CCN 3239 art. 113): ``kilometres`` driven with ``children`` (employer →
    children of that employer in the car), each employer's km ``rates`` (€/km, its contract's),
    and ``own_children`` of the AM in the car for their own sake."""
    distance = Fraction(parse_money(kilometres, "kilometres"))
    counts = {employer: whole_number(n, f"children.{employer}") for employer, n in children.items()}
    own = whole_number(own_children, "own_children")
    everyone = sum(counts.values()) + own
    if not any(counts.values()):
        raise InvalidInput("children", "au moins un enfant d'un employeur doit être transporté.")
    missing = sorted(e for e, n in counts.items() if n and e not in rates)
    if missing:
        raise InvalidInput("rates", f"taux kilométrique du contrat manquant : {', '.join(missing)}.")
    shares = []
    for employer, count in counts.items():
        if not count:
            continue
        km = distance * count / everyone
        rate = Fraction(parse_money(rates[employer], f"rates.{employer}", places=4))
        shares.append(TripShare(employer, count, km, round_to_cents(km * rate)))
    return tuple(shares)
