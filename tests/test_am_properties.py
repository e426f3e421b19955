"""Properties of the AM across her contracts: another contract never lowers her weekly hours
nor the children present; the special regime's deduction never exceeds the sums received."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from amcalc.am import Agrement, CareDays, Presence, check_week, special_regime
from amcalc.calendar import WEEKDAYS


@st.composite
def presences(draw: st.DrawFn, child: str) -> Presence:
    """A child's week: on some weekdays, a time range of whole quarters of an hour."""
    days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    schedule = {}
    for day in days:
        start = draw(st.integers(0, 95))
        end = draw(st.integers(start + 1, 96))
        schedule[day] = f"{start // 4:02d}:{start % 4 * 15:02d}-{end // 4:02d}:{end % 4 * 15:02d}"
    return Presence.from_schedule(child, schedule, under_3=draw(st.booleans()))


@st.composite
def weeks(draw: st.DrawFn) -> list[Presence]:
    count = draw(st.integers(1, 5))
    return [draw(presences(f"c{i}")) for i in range(count)]


@given(weeks(), presences("new"), st.integers(0, 2))
def test_another_contract_never_lowers_hours_nor_children(children: list[Presence], new: Presence,
                                                          own: int) -> None:
    limits = {"agrement": Agrement.of(children=6), "own_children_under_3": own}
    before = check_week(children, **limits)  # type: ignore[arg-type]
    after = check_week([*children, new], **limits)  # type: ignore[arg-type]
    assert after.weekly_hours >= before.weekly_hours
    assert after.max_children >= before.max_children
    assert after.weekly_hours <= before.weekly_hours + Fraction(sum(e - s for s, e in new.ranges), 3600)
    capacity = {"agrement", "under_3", "under_11", "weekly_hours", "consecutive_days"}
    assert set(before.rules) & capacity <= set(after.rules)


@given(st.lists(st.tuples(st.integers(1, 12), st.integers(0, 28), st.integers(1, 96), st.sampled_from([3, 4, 5])),
                max_size=12),
       st.decimals(min_value=0, max_value=100000, places=2))
def test_the_deduction_never_exceeds_the_sums_received(rows: list[tuple[int, int, int, int]],
                                                        received: Decimal) -> None:
    care = [CareDays.of(f"2025-{month:02d}", days=days, hours=str(Decimal(quarters) / 4), factor=factor)
            for month, days, quarters, factor in rows]
    regime = special_regime(care, received)
    assert Decimal(0) <= regime.deduction <= regime.received == received
    assert regime.deduction <= regime.forfait
    assert regime.taxable == received - regime.deduction >= 0
