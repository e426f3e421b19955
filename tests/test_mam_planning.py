"""The MAM's planning checked (CASF L424-1 to L424-3, L421-4), worked by hand: the spec's
constructed cases (family-am-mam.md C.1) and each rule alone."""

from __future__ import annotations

from datetime import date

import pytest

from amcalc.am import Agrement, ChildCare, Childminder
from amcalc.contract import Contract
from amcalc.errors import InvalidInput, LegalLimitExceeded
from amcalc.mam import CareInterval, Delegate, Mam, MamChild, Premises, check_planning

ON = date(2026, 1, 5)  # a Monday


def at(am: str, start: str, end: str, children: list[str], day: str = "mon") -> CareInterval:
    return CareInterval.of(am=am, day=day, start=start, end=end, children=children)


def four_by_four(delegates: dict[str, list[str]] | None = None, agrement: int = 4) -> Mam:
    """4 AMs A-D, each with 4 children of her contracts (a1…d4)."""
    ams = {name: Childminder.of(agrement=Agrement.of(children=agrement)) for name in "ABCD"}
    children = [MamChild.of(id=f"{name.lower()}{i}", am=name, delegates=(delegates or {}).get(f"{name.lower()}{i}", ()))
                for name in "ABCD" for i in range(1, 5)]
    return Mam.of(ams=ams, children=children)


def test_spec_example_delegated_two_and_two_to_full_ams() -> None:
    # D absent; d1, d2 to A and d3, d4 to B, who already have 4: 6 children each for an
    # agrément of 4, from 08:00 to 17:00; C keeps her 4; 4 + 4 + 4 + 4 = 16 children, 3 AMs.
    mam = four_by_four({"d1": ["A"], "d2": ["A"], "d3": ["B"], "d4": ["B"]})
    check = check_planning(mam, [
        at("A", "08:00", "17:00", ["a1", "a2", "a3", "a4", "d1", "d2"]),
        at("B", "08:00", "17:00", ["b1", "b2", "b3", "b4", "d3", "d4"]),
        at("C", "08:00", "17:00", ["c1", "c2", "c3", "c4"]),
    ], on=ON)
    assert (check.rules, check.max_children, check.max_ams) == (("agrement",), 16, 3)
    assert [(v.who, v.article) for v in check.violations] == [("A", "CASF L421-4"), ("B", "CASF L421-4")]
    assert check.violations[0].message == (
        "A, lundi de 08h00 à 17h00 : 6 enfants pour un agrément de 4 (CASF L421-4).")


def test_spec_example_a_fifth_am_at_work_from_0800_to_0830() -> None:
    mam = Mam.of(ams={n: Childminder.of() for n in "ABCDE"},
                 children=[MamChild.of(id=n.lower(), am=n) for n in "ABCDE"])
    shifts = [at(n, "08:00", "17:00", [n.lower()]) for n in "ABCD"] + [at("E", "07:30", "08:30", ["e"])]
    check = check_planning(mam, shifts, on=ON)
    assert (check.rules, check.max_ams, check.max_children) == (("mam_am_count",), 5, 5)
    assert check.violations[0].message == (
        "Lundi de 08h00 à 08h30 : 5 assistants maternels au travail en même temps, pour 4 au plus (CASF L424-1).")


def test_spec_example_delegation_to_an_am_not_named() -> None:
    mam = Mam.of(ams={"A": Childminder.of(), "B": Childminder.of()},
                 children=[MamChild.of(id="a1", am="A"), MamChild.of(id="b1", am="B")])
    check = check_planning(mam, [at("A", "08:00", "12:00", []), at("B", "08:00", "12:00", ["b1", "a1"])], on=ON)
    assert check.rules == ("delegation_not_authorised",)
    assert check.violations[0].who == "a1"


def test_a_named_delegate_without_her_consent_is_not_authorised() -> None:
    mam = Mam.of(ams={"A": Childminder.of(), "B": Childminder.of()},
                 children=[MamChild.of(id="a1", am="A", delegates=[Delegate("B", consent=False)])])
    check = check_planning(mam, [at("B", "08:00", "12:00", ["a1"])], on=ON)
    assert check.rules == ("delegation_not_authorised",)
    assert "sans son accord écrit annexé" in check.violations[0].message


def test_a_child_in_two_ams_charge_from_1000_to_1100() -> None:
    mam = Mam.of(ams={"A": Childminder.of(), "B": Childminder.of()},
                 children=[MamChild.of(id="a1", am="A", delegates=["B"])])
    check = check_planning(mam, [at("A", "08:00", "12:00", ["a1"]), at("B", "10:00", "11:00", ["a1"])], on=ON)
    assert check.rules == ("child_twice",)
    assert check.violations[0].when == "lundi de 10h00 à 11h00"
    assert check.max_children == 1


def test_twenty_one_children_with_the_ams_own() -> None:
    # 4 AMs with an agrément of 6 (the temporary +2), 5 children each and 1 own child under 3:
    # 6 in each AM's charge (within her agrément), 4 × 6 = 24 children in the house > 20.
    ams = {n: Childminder.of(agrement=Agrement.of(children=6), own_children=[date(2025, 3, 1)]) for n in "ABCD"}
    children = [MamChild.of(id=f"{n}{i}", am=n) for n in "ABCD" for i in range(5)]
    check = check_planning(Mam.of(ams=ams, children=children),
                           [at(n, "09:00", "16:00", [f"{n}{i}" for i in range(5)]) for n in "ABCD"], on=ON)
    assert (check.rules, check.max_children) == (("mam_children",), 24)
    assert check.violations[0].message.startswith("Lundi de 09h00 à 16h00 : 24 enfants dans la maison")


def test_premises_may_allow_fewer_children_never_more() -> None:
    mam = four_by_four()
    mam = Mam.of(ams={m.id: m.childminder for m in mam.members}, children=mam.children,
                 premises=Premises.of(children=12))
    check = check_planning(mam, [at(n, "08:00", "17:00", [f"{n.lower()}{i}" for i in range(1, 5)])
                                 for n in "ABCD"], on=ON)
    assert check.rules == ("mam_children",)  # 16 > 12
    with pytest.raises(LegalLimitExceeded):
        Premises.of(children=21)


def test_intervals_are_half_open() -> None:
    # A leaves at 12:00 as B arrives: never together, 4 AMs at most would not be reached.
    mam = Mam.of(ams={"A": Childminder.of(agrement=Agrement.of(children=1))},
                 children=[MamChild.of(id="x", am="A"), MamChild.of(id="y", am="A")])
    check = check_planning(mam, [at("A", "08:00", "12:00", ["x"]), at("A", "12:00", "17:00", ["y"])], on=ON)
    assert check.conforme and check.max_children == 1


def test_her_own_children_count_while_she_works_without_any_other() -> None:
    # B has delegated her only child to A and stays at work with her own 2 children under 3:
    # 2 children for an agrément of 1.
    ams = {"A": Childminder.of(), "B": Childminder.of(agrement=Agrement.of(children=1),
                                                       own_children=[date(2024, 6, 1), date(2025, 6, 1)])}
    mam = Mam.of(ams=ams, children=[MamChild.of(id="b1", am="B", delegates=["A"])])
    check = check_planning(mam, [at("A", "08:00", "12:00", ["b1"]), at("B", "08:00", "12:00", [])], on=ON)
    assert check.rules == ("agrement",)
    assert check.violations[0].who == "B" and "2 enfants (dont 2 de l'assistant maternel)" in check.violations[0].message
    assert check.max_children == 3


def _care(child: str, born: date, schedule: dict[str, str]) -> ChildCare:
    contract = Contract.from_schedule(hourly_rate="4.50", weeks=52, start=date(2025, 9, 1), schedule=schedule)
    return ChildCare.of(child=child, employer=f"famille-{child}", born=born, contract=contract)


WEEKDAYS_5 = ("mon", "tue", "wed", "thu", "fri")


def test_with_the_contracts_the_limits_by_age_and_the_hours_are_checked() -> None:
    # A: 4 children born in 2024 (under 3 on 2026-01-05), agrément 6; B's child born in 2024 too,
    # delegated to A on Monday 08:00-12:00: 5 children under 3 with A (> 4) though within her 6.
    babies = [_care(f"a{i}", date(2024, 2, 1), {d: "08:00-17:00" for d in WEEKDAYS_5}) for i in range(4)]
    b1 = _care("b1", date(2024, 5, 1), {d: "08:00-17:00" for d in WEEKDAYS_5})
    ams = {"A": Childminder.of(agrement=Agrement.of(children=6), contracts=babies),
           "B": Childminder.of(contracts=[b1])}
    mam = Mam.of(ams=ams, delegates={"b1": ["A"]})
    mine = [f"a{i}" for i in range(4)]
    shifts = [at("A", "08:00", "17:00", mine, day) for day in WEEKDAYS_5]
    shifts += [at("A", "08:00", "12:00", ["b1"]), at("B", "12:00", "17:00", ["b1"])]
    shifts += [at("B", "08:00", "17:00", ["b1"], day) for day in WEEKDAYS_5[1:]]
    check = check_planning(mam, shifts, on=ON)
    # B's contract: 9 h × 5 = 45 h a week; at work 5 h on Monday + 4 × 9 h = 41 h < 45 h.
    assert check.rules == ("contract_hours", "under_3")
    hours = next(v for v in check.violations if v.rule == "contract_hours")
    assert hours.who == "B" and hours.message.startswith(
        "B : 41,00 h de travail dans la semaine pour 45,00 h prévues par ses contrats")
    under_3 = next(v for v in check.violations if v.rule == "under_3")
    assert (under_3.who, under_3.when) == ("A", "lundi de 08h00 à 12h00")


def test_the_delegates_agrement_ages_apply_to_the_child_delegated() -> None:
    # B's agrément is for children under 3; A's child of 4 (born 2021-09-01) delegated to her.
    big = _care("a1", date(2021, 9, 1), {"mon": "08:00-12:00"})
    ams = {"A": Childminder.of(contracts=[big]), "B": Childminder.of(agrement=Agrement.of(children=4, max_age=3))}
    mam = Mam.of(ams=ams, delegates={"a1": ["B"]})
    check = check_planning(mam, [at("A", "08:00", "12:00", []), at("B", "08:00", "12:00", ["a1"])], on=ON)
    assert check.rules == ("agrement_age",)
    assert check.violations[0].message.startswith("B, a1 a 4 ans le 05/01/2026")


def test_a_conforme_planning_says_so() -> None:
    mam = four_by_four({"d1": ["A"], "d2": ["B"]})
    check = check_planning(mam, [
        at("A", "08:00", "17:00", ["a1", "a2", "a3", "d1"]), at("B", "08:00", "17:00", ["b1", "b2", "b3", "d2"]),
    ], on=ON)
    assert check.conforme and check.violations == ()
    assert "Planning conforme" in check.explain()


@pytest.mark.parametrize(("build", "field"), [
    (lambda: check_planning(four_by_four(), [at("Z", "08:00", "09:00", [])], on=ON), "presence[0].am"),
    (lambda: check_planning(four_by_four(), [at("A", "08:00", "09:00", ["zz"])], on=ON), "presence[0].children"),
    (lambda: Mam.of(ams={"A": Childminder.of()}, children=[MamChild.of(id="x", am="A")] * 2), "children"),
    (lambda: Mam.of(ams={"A": Childminder.of()}, children=[MamChild.of(id="x", am="B")]), "children.x.am"),
    (lambda: Mam.of(ams={"A": Childminder.of()}, delegates={"x": ["A"]}), "delegates"),
    (lambda: at("A", "17:00", "08:00", []), "presence.from"),
    (lambda: at("A", "08:00", "09:00", [], day="lun"), "presence.day"),
])
def test_bad_input_is_a_clear_error(build: object, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        build()  # type: ignore[operator]
    assert err.value.field == field


def test_at_most_six_ams_in_a_house() -> None:
    with pytest.raises(LegalLimitExceeded) as err:
        Mam.of(ams={n: Childminder.of() for n in "ABCDEFG"})
    assert err.value.field == "ams"
