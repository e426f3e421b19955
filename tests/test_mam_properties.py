"""Properties of the MAM's planning: a planning that passes still passes without one of
its children; a proposed delegation never produces a violation."""

from __future__ import annotations

from datetime import date

from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from amcalc.am import Agrement, Childminder
from amcalc.mam import Absence, CareInterval, Mam, MamChild, check_planning, propose_delegations

ON = date(2026, 1, 5)
AMS = "ABCDE"


def _time(quarter: int) -> str:
    return f"{quarter // 4:02d}:{quarter % 4 * 15:02d}"


@st.composite
def houses(draw: st.DrawFn) -> tuple[Mam, list[CareInterval]]:
    """2 to 4 AMs with their agrément and own children, children within each agrément with
    some delegates, and a Monday (sometimes a Tuesday too) where each AM has her children
    or some of them, the AMs' days overlapping."""
    names = AMS[:draw(st.integers(2, 4))]
    ams, children = {}, []
    for n in names:
        agrement, own = draw(st.integers(1, 6)), draw(st.integers(0, 1))
        ams[n] = Childminder.of(agrement=Agrement.of(children=agrement), own_children=[date(2024, 1, 1)] * own)
        children += [MamChild.of(id=f"{n}{i}", am=n, delegates=draw(st.lists(st.sampled_from(names), unique=True)))
                     for i in range(draw(st.integers(0, max(0, agrement - own))))]
    mam = Mam.of(ams=ams, children=children)
    shifts = []
    for n in names:
        for day in ("mon", *draw(st.lists(st.just("tue"), max_size=1))):
            start = draw(st.integers(28, 44))
            end = draw(st.integers(52, 76))
            mine = [c.id for c in children if c.am == n]
            kept = draw(st.lists(st.sampled_from(mine), min_size=len(mine) // 2, unique=True)) if mine else []
            shifts.append(CareInterval.of(am=n, day=day, start=_time(start), end=_time(end), children=kept))
    return mam, shifts


@settings(max_examples=80, deadline=None)
@given(houses(), st.data())
def test_a_planning_that_passes_still_passes_without_one_of_its_children(
        house: tuple[Mam, list[CareInterval]], data: st.DataObject) -> None:
    mam, shifts = house
    assume(mam.children and check_planning(mam, shifts, on=ON).conforme)
    gone = data.draw(st.sampled_from([c.id for c in mam.children]))
    smaller = Mam.of(ams={m.id: m.childminder for m in mam.members}, children=[c for c in mam.children
                                                                            if c.id != gone])
    without = [CareInterval(s.am, s.start, s.end, tuple(c for c in s.children if c != gone)) for s in shifts]
    assert check_planning(smaller, without, on=ON).conforme


@settings(max_examples=60, deadline=None)
@given(houses(), st.data())
def test_a_proposed_delegation_never_produces_a_violation(house: tuple[Mam, list[CareInterval]],
                                                          data: st.DataObject) -> None:
    mam, shifts = house
    assume(shifts and check_planning(mam, shifts, on=ON).conforme)
    absent = data.draw(st.sampled_from(sorted({s.am for s in shifts if s.children} or {s.am for s in shifts})))
    start = data.draw(st.integers(28, 60))
    end = data.draw(st.integers(start + 1, 76))
    proposal = propose_delegations(mam, shifts, [Absence.of(am=absent, day="mon", start=_time(start),
                                                            end=_time(end))], on=ON)
    event(f"delegations: {min(len(proposal.delegations), 2)}, uncovered: {min(len(proposal.uncovered), 1)}")
    assert proposal.check.conforme, proposal.check.explain()
    assert all(mam.may_care(d.child, d.to_am) and d.to_am != absent for d in proposal.delegations)
