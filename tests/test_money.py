from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc.errors import InvalidInput
from amcalc.money import choose, half_up_div, maximum, minimum, parse_money, round_to_cents, scaled, to_euros


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**9))
def test_half_up_div_equals_decimal_round_half_up(n: int, d: int) -> None:
    expected = (Decimal(n) / Decimal(d)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    # The division itself must be exact enough: use a wide context.
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = 60
        expected = (Decimal(n) / Decimal(d)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert half_up_div(n, d) == int(expected)


@given(st.lists(st.integers(-(10**15), 10**15), min_size=1, max_size=40), st.integers(1, 10**9),
       st.integers(1, 10**9))
def test_half_up_div_on_int64_arrays_equals_the_int_kernel(ns: list[int], d: int, e: int) -> None:
    np = pytest.importorskip("numpy")
    numerators = np.array(ns, dtype=np.int64)
    denominators = np.array([d, e] * len(ns), dtype=np.int64)[:len(ns)]
    assert half_up_div(numerators, d).tolist() == [half_up_div(n, d) for n in ns]
    assert half_up_div(numerators, denominators).tolist() == [
        half_up_div(n, k) for n, k in zip(ns, denominators.tolist(), strict=True)]


@given(st.lists(st.integers(0, 2**62), min_size=1, max_size=40), st.integers(1, 2**40),
       st.lists(st.integers(0, 2**30), min_size=1, max_size=40), st.integers(1, 2**20))
def test_half_up_div_of_non_negative_arrays_keeps_their_type(
        wide: list[int], d: int, narrow: list[int], e: int) -> None:
    # no numerator negative: divided as unsigned integers of the same bits; the same
    # quotients as Python's ints, in arrays of the numerators' type (int64, int32)
    np = pytest.importorskip("numpy")
    for values, k, dtype in ((wide, d, np.int64), (narrow, e, np.int32)):
        numerators = np.array(values, dtype)
        for denominator in (k, np.full(len(values), k, dtype)):
            quotients = half_up_div(numerators, denominator)
            assert quotients.dtype == dtype
            assert quotients.tolist() == [half_up_div(n, k) for n in values]
    frozen = np.array(wide, np.int64)
    frozen.flags.writeable = False  # a read-only numerator: its own sum is still divided
    assert half_up_div(frozen, d).tolist() == [(n + d // 2) // d for n in wide]


@pytest.mark.parametrize("d", [4, 5, 10**12])
def test_half_up_div_on_arrays_rounds_ties_away_from_zero(d: int) -> None:
    # n = ±(k + 1/2) × d for even d: ±(k + 1) (away from zero); ±(k + 1/2 ∓ 1/(2d)) for odd d: ±k
    np = pytest.importorskip("numpy")
    ties = np.array([d * 3 + d // 2, -(d * 3 + d // 2), d // 2, -(d // 2), 0, -1, 1], dtype=np.int64)
    away = [4, -4, 1, -1] if d % 2 == 0 else [3, -3, 0, 0]
    assert half_up_div(ties, d).tolist() == [*away, 0, 0, 0]
    assert half_up_div(ties, np.full(len(ties), d, np.int64)).tolist() == [*away, 0, 0, 0]
    # an array with no negative value skips the negative ties' − 1; one with some, or a
    # numpy scalar, does not; an empty array gives an empty array
    assert half_up_div(ties[[0, 2, 4, 6]], d).tolist() == [away[0], away[2], 0, 0]
    assert half_up_div(ties[[1, 3, 5]], d).tolist() == [away[1], away[3], 0]
    assert half_up_div(ties[[0, 2, 4, 6]], np.full(4, d, np.int64)).tolist() == [away[0], away[2], 0, 0]
    assert half_up_div(ties[[1, 3, 5]], np.full(3, d, np.int64)).tolist() == [away[1], away[3], 0]
    assert [half_up_div(t, d) for t in ties[:4]] == away  # np.int64 scalars
    assert half_up_div(ties[:0], d).tolist() == []
    # the quotient is divided in place in an array of its own: the numerators stay as given
    given = ties.copy()
    half_up_div(ties, d), half_up_div(ties, np.full(len(ties), d, np.int64)), half_up_div(ties[:4], 1)
    assert ties.tolist() == given.tolist()


@given(st.lists(st.tuples(st.integers(-(2**62), 2**62), st.integers(-(2**62), 2**62), st.booleans()),
                min_size=1, max_size=30), st.integers(-(10**6), 10**6))
def test_minimum_maximum_choose_on_arrays_equal_python_min_max_and_if(
        triples: list[tuple[int, int, bool]], k: int) -> None:
    # on arrays they take numpy's own minimum, maximum and where: each element as min, max and
    # ``a if c else b`` of Python ints, with an array or an int on either side
    np = pytest.importorskip("numpy")
    a, b, c = (np.array(column) for column in zip(*triples, strict=True))
    assert minimum(a, b).tolist() == [min(x, y) for x, y, _ in triples]
    assert maximum(a, b).tolist() == [max(x, y) for x, y, _ in triples]
    assert choose(c, a, b).tolist() == [x if z else y for x, y, z in triples]
    assert minimum(k, a).tolist() == [min(k, x) for x, _, _ in triples]
    assert maximum(a, k).tolist() == [max(x, k) for x, _, _ in triples]
    assert choose(c, k, 0).tolist() == [k if z else 0 for _, _, z in triples]
    assert choose(c.astype(np.int64), a, k).tolist() == [x if z else k for x, _, z in triples]
    assert (minimum(k, -k), maximum(k, -k), choose(True, k, 0), choose(0, k, 1)) == (-abs(k), abs(k), k, 1)


@pytest.mark.parametrize(
    ("amount", "cents"),
    [(Fraction(1, 200), "0.01"), (Fraction(-1, 200), "-0.01"), (Fraction(2080, 3), "693.33"),
     (Decimal("2.345"), "2.35"), (Decimal("2.3449"), "2.34")],
)
def test_round_to_cents_is_half_up_not_half_even(amount: Fraction | Decimal, cents: str) -> None:
    assert round_to_cents(amount) == Decimal(cents)


def test_to_euros_always_two_places() -> None:
    assert str(to_euros(5)) == "0.05"
    assert str(to_euros(69333)) == "693.33"


def test_parse_money_refuses_floats_and_too_many_places() -> None:
    with pytest.raises(InvalidInput) as err:
        parse_money(3.85, "hourly_rate")
    assert err.value.field == "hourly_rate"
    with pytest.raises(InvalidInput):
        parse_money("3.85251", "hourly_rate", places=4)
    with pytest.raises(InvalidInput):
        parse_money("abc", "hourly_rate")
    assert parse_money("3,85", "hourly_rate") == Decimal("3.85")


def test_scaled_is_exact() -> None:
    assert scaled(Decimal("3.8525"), 4, "x") == 38525
    with pytest.raises(InvalidInput):
        scaled(Decimal("0.00001"), 4, "x")
