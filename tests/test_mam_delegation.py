"""Delegations proposed for an absent AM (CASF L424-2, L424-3), worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from amcalc.am import Agrement, Childminder
from amcalc.errors import InvalidInput
from amcalc.mam import Absence, CareInterval, Mam, MamChild, propose_delegations

ON = date(2026, 1, 5)


def at(am: str, start: str, end: str, children: list[str], day: str = "mon") -> CareInterval:
    return CareInterval.of(am=am, day=day, start=start, end=end, children=children)


def house(agrements: dict[str, int], delegates: dict[str, list[str]]) -> Mam:
    """AMs with 4 children each (a1…a4 for A…), the delegates named by the parents."""
    ams = {n: Childminder.of(agrement=Agrement.of(children=k)) for n, k in agrements.items()}
    return Mam.of(ams=ams, children=[MamChild.of(id=f"{n.lower()}{i}", am=n, delegates=delegates.get(f"{n.lower()}{i}", ()))
                                     for n in agrements for i in range(1, 5)])


def week(names: str, end: str = "17:00") -> list[CareInterval]:
    return [at(n, "08:00", end, [f"{n.lower()}{i}" for i in range(1, 5)]) for n in names]


def test_the_spec_house_has_no_room_for_the_absent_ams_children() -> None:
    # A, B, C each have 4 children for an agrément of 4: no room for d1…d4 anywhere.
    mam = house({"A": 4, "B": 4, "C": 4, "D": 4}, {f"d{i}": ["A", "B", "C"] for i in range(1, 5)})
    proposal = propose_delegations(mam, week("ABCD"), [Absence.of(am="D", day="mon")], on=ON)
    assert proposal.delegations == () and not proposal.complete
    [gap] = proposal.uncovered
    assert (gap.am, gap.children, gap.when) == ("D", ("d1", "d2", "d3", "d4"), "lundi de 08h00 à 17h00")
    assert proposal.check.conforme  # D is absent, her children not placed: nothing broken


def test_two_and_two_where_the_agrements_of_six_leave_room() -> None:
    # A and B have an agrément of 6 (the temporary +2) and 4 children: 2 places each; d1, d2
    # name A only, d3, d4 name B only.
    mam = house({"A": 6, "B": 6, "C": 4, "D": 4}, {"d1": ["A"], "d2": ["A"], "d3": ["B"], "d4": ["B"]})
    proposal = propose_delegations(mam, week("ABCD"), [Absence.of(am="D", day="mon")], on=ON)
    assert [(d.child, d.to_am, d.when) for d in proposal.delegations] == [
        ("d1", "A", "lundi de 08h00 à 17h00"), ("d2", "A", "lundi de 08h00 à 17h00"),
        ("d3", "B", "lundi de 08h00 à 17h00"), ("d4", "B", "lundi de 08h00 à 17h00")]
    assert proposal.complete and proposal.check.conforme and proposal.check.max_ams == 3


def test_the_search_finds_the_placement_a_greedy_choice_would_miss() -> None:
    # A has 1 place, B has 1 place; d1 names A and B, d2 names A only. d1 to A first would
    # leave d2 nowhere: the search puts d1 with B.
    mam = house({"A": 5, "B": 5, "D": 4}, {"d1": ["A", "B"], "d2": ["A"]})
    shifts = [*week("AB"), at("D", "08:00", "17:00", ["d1", "d2"])]
    proposal = propose_delegations(mam, shifts, [Absence.of(am="D", day="mon")], on=ON)
    assert sorted((d.child, d.to_am) for d in proposal.delegations) == [("d1", "B"), ("d2", "A")]
    assert proposal.complete


def test_an_afternoon_absence_only_moves_the_afternoon() -> None:
    # D absent 13:00-17:00; A works 08:00-15:00: d1 goes to A 13:00-15:00, then nowhere.
    mam = house({"A": 5, "D": 4}, {"d1": ["A"]})
    shifts = [at("A", "08:00", "15:00", ["a1", "a2", "a3", "a4"]), at("D", "08:00", "17:00", ["d1"])]
    proposal = propose_delegations(mam, shifts, [Absence.of(am="D", day="mon", start="13:00", end="17:00")], on=ON)
    assert [(d.child, d.to_am, d.when) for d in proposal.delegations] == [("d1", "A", "lundi de 13h00 à 15h00")]
    assert [(u.children, u.when) for u in proposal.uncovered] == [(("d1",), "lundi de 15h00 à 17h00")]
    assert ("D", "lundi de 08h00 à 13h00") in {(s.am, s.when) for s in proposal.planning}
    assert "aucune délégation possible pour d1" in proposal.explain()


def test_an_unknown_absent_am_is_a_clear_error() -> None:
    mam = house({"A": 4}, {})
    with pytest.raises(InvalidInput):
        propose_delegations(mam, week("A"), [Absence.of(am="Z", day="mon")], on=ON)


def test_overlapping_absences_move_each_child_once() -> None:
    # D absent 08:00-13:00 and 12:00-17:00: d1 goes to A (1 place) once, 08:00-17:00.
    mam = house({"A": 5, "D": 4}, {"d1": ["A"]})
    shifts = [at("A", "08:00", "17:00", ["a1", "a2", "a3", "a4"]), at("D", "08:00", "17:00", ["d1"])]
    absences = [Absence.of(am="D", day="mon", start="08:00", end="13:00"),
                Absence.of(am="D", day="mon", start="12:00", end="17:00")]
    proposal = propose_delegations(mam, shifts, absences, on=ON)
    assert [(d.child, d.to_am, d.when) for d in proposal.delegations] == [("d1", "A", "lundi de 08h00 à 17h00")]
    assert proposal.complete and proposal.check.conforme
