"""A trip shared between employers pro rata of the children in the car (CCN 3239 art. 113)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from amcalc.am import split_trip
from amcalc.errors import InvalidInput


def test_shares_follow_the_children_in_the_car() -> None:
    # 10 km, 3 children of A and B (2 + 1): A 20/3 km × 0.55 = 3.666… → 3.67; B 10/3 km × 0.55 = 1.83
    shares = split_trip("10", {"A": 2, "B": 1}, rates={"A": "0.55", "B": "0.55"})
    assert [(s.employer, s.kilometres, s.amount) for s in shares] == [
        ("A", Fraction(20, 3), Decimal("3.67")), ("B", Fraction(10, 3), Decimal("1.83"))]


def test_her_own_child_takes_a_share_nobody_pays() -> None:
    # 9 km, one child of A and her own child: A pays 4.5 km × 0.60 = 2.70
    (share,) = split_trip("9", {"A": 1}, rates={"A": "0.60"}, own_children=1)
    assert (share.kilometres, share.amount) == (Fraction(9, 2), Decimal("2.70"))


def test_each_employer_at_its_own_rate_and_none_without_children() -> None:
    shares = split_trip("20", {"A": 1, "B": 1, "C": 0}, rates={"A": "0.50", "B": "0.60"})
    assert [(s.employer, s.amount) for s in shares] == [("A", Decimal("5.00")), ("B", Decimal("6.00"))]


@pytest.mark.parametrize(("children", "rates", "field"), [
    ({"A": 0}, {"A": "0.5"}, "children"),
    ({"A": 1}, {}, "rates"),
    ({"A": -1}, {"A": "0.5"}, "children.A"),
])
def test_impossible_trips(children: dict[str, int], rates: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        split_trip("10", children, rates=rates)
    assert err.value.field == field
