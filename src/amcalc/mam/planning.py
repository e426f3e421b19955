"""Le planning de la MAM — a week of the house checked against the law (CASF L424-1 to
L424-3, L421-4).

The planning is a week of :class:`CareInterval` values: an AM at work from when to
when, with the children in her charge then (half-open intervals: an AM leaving
at 12:00 and one arriving at 12:00 are not at work together). An AM is at work
while she has an interval, even without a child; her own children under 3 are
then in her charge. The week is checked for:

- at most 4 AMs at work at once and 20 children in the house at once, the AMs'
  own children under 3 included (CASF L424-1);
- each AM within her agrément at every moment, delegated children and her own
  children under 3 included: the same check as her week at home
  (:func:`amcalc.am.check_week`, CASF L421-4), with the agrément's ages and
  dates where the children's contracts are known;
- every child in the charge of its contract AM or of a delegate named in the
  contract with her consent annexed (CASF L424-2), and of one AM at a time;
- each AM at work at least the hours of her own contracts (CASF L424-3): the
  week given is her usual week, so the monthly hours compare as the weekly ones.

>>> from datetime import date
>>> from amcalc.am import Childminder
>>> from amcalc.mam.house import Mam, MamChild
>>> mam = Mam.of(ams={"A": Childminder.of(), "B": Childminder.of()}, children=[
...     MamChild.of(id="a1", am="A"), MamChild.of(id="a2", am="A"), MamChild.of(id="b1", am="B")])
>>> check = check_planning(mam, [
...     CareInterval.of(am="A", day="mon", start="08:00", end="12:00", children=["a2"]),
...     CareInterval.of(am="B", day="mon", start="08:00", end="12:00", children=["b1", "a1"])],
...     on=date(2026, 1, 5))
>>> check.conforme, check.rules, check.max_children, check.max_ams
(False, ('delegation_not_authorised',), 3, 2)
>>> print(check.violations[0].message)
Lundi de 08h00 à 12h00 : a1 est confié à B, qui n'est ni l'assistant maternel de son contrat (A) ni un délégataire nommé dans ce contrat (CASF L424-2).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

import attrs

from amcalc.am.agrement import age_on
from amcalc.am.working_time import DAY, WEEK, Presence, WeekRule, check_week, week_moment
from amcalc.calendar import WEEKDAYS
from amcalc.duration import SECONDS_PER_HOUR, format_hours, parse_time_range
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step
from amcalc.mam.house import MAX_AMS_AT_WORK, MAX_CHILDREN, Mam, MamChild, Member

__all__ = ["CareInterval", "PlanningCheck", "PlanningRule", "PlanningViolation", "check_planning"]

_CAPACITY = (WeekRule.AGREMENT, WeekRule.UNDER_3, WeekRule.UNDER_11)


class PlanningRule(StrEnum):
    """The house's own rules (values as in scenario files)."""

    AM_COUNT = "mam_am_count"
    CHILDREN = "mam_children"
    DELEGATION = "delegation_not_authorised"
    CHILD_TWICE = "child_twice"
    CONTRACT_HOURS = "contract_hours"

    @property
    def article(self) -> str:
        return _ARTICLES[self]


_ARTICLES = {
    PlanningRule.AM_COUNT: "CASF L424-1", PlanningRule.CHILDREN: "CASF L424-1",
    PlanningRule.DELEGATION: "CASF L424-2", PlanningRule.CHILD_TWICE: "CASF L424-2",
    PlanningRule.CONTRACT_HOURS: "CASF L424-3",
}


@attrs.frozen
class PlanningViolation:
    """A limit the planning breaks: the ``rule``, ``when`` (in French), ``who`` (the AM or
    the child; empty for the whole house) and the French ``message`` with its figures."""

    rule: PlanningRule | WeekRule
    when: str
    who: str
    message: str

    @property
    def article(self) -> str:
        return self.rule.article


@attrs.frozen
class CareInterval:
    """An AM at work from ``start`` to ``end`` (seconds from Monday 00:00, half-open) with
    ``children`` in her charge."""

    am: str
    start: int
    end: int
    children: tuple[str, ...] = ()

    @classmethod
    def of(cls, *, am: object, day: object, start: object, end: object, children: Iterable[object] = (),
           field: str = "presence") -> CareInterval:
        """From a weekday (``"mon"`` … ``"sun"``) and two times ``"HH:MM"``, checked."""
        if day not in WEEKDAYS:
            raise InvalidInput(f"{field}.day", f"un jour parmi {', '.join(WEEKDAYS)} est attendu ({day!r}).")
        if not isinstance(am, str) or not am:
            raise InvalidInput(f"{field}.am", f"l'identifiant de l'assistant maternel est attendu ({am!r}).")
        times = parse_time_range(f"{start}-{end}", f"{field}.from")
        if times is None or times[1] > DAY:
            raise InvalidInput(f"{field}.from", f"deux heures HH:MM dans la journée sont attendues ({start!r}, "
                                                f"{end!r}).")
        ids = tuple(children)
        if not all(isinstance(c, str) and c for c in ids) or len(set(ids)) != len(ids):
            raise InvalidInput(f"{field}.children", "les identifiants des enfants, chacun une fois, sont attendus.")
        offset = WEEKDAYS.index(str(day)) * DAY
        return cls(am, offset + times[0], offset + times[1], ids)  # type: ignore[arg-type]

    @property
    def when(self) -> str:
        return week_moment(self.start, self.end)


@attrs.frozen(kw_only=True)
class PlanningCheck(Explained):
    """The week checked: the most children in the house at once (the AMs' own children
    under 3 included), the most AMs at work at once, and the limits broken."""

    max_children: int
    max_ams: int
    violations: tuple[PlanningViolation, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def conforme(self) -> bool:
        """Whether every rule holds."""
        return not self.violations

    @property
    def rules(self) -> tuple[str, ...]:
        """The rules broken, sorted, each once."""
        return tuple(sorted({v.rule.value for v in self.violations}))


@attrs.frozen
class _Moment:
    """A stretch of the week where nothing changes: the AMs at work, (child, AM) in charge."""

    start: int
    end: int
    ams: tuple[str, ...]
    charge: tuple[tuple[str, str], ...]


def check_planning(mam: Mam, intervals: Iterable[CareInterval], *, on: date) -> PlanningCheck:
    """Contrôle du planning de la maison (CASF L424-1 to L424-3, L421-4) for the week of
    ``on`` (the day that dates the ages, the agréments and the contracts in force)."""
    shifts = _known(mam, intervals)
    moments = _moments(shifts)
    own = {m.id: m.childminder.own_under(3, on) for m in mam.members}
    violations = [
        *_house_limits(mam, moments, own),
        *_children_twice(moments),
        *_delegations(mam, moments),
        *(v for member in mam.members for v in _agrement(mam, member, shifts, moments, on)),
        *(v for member in mam.members for v in _contract_hours(member, shifts, on)),
    ]
    most_children = max((_children_at(m, own) for m in moments), default=0)
    most_ams = max((len(m.ams) for m in moments), default=0)
    return PlanningCheck(max_children=most_children, max_ams=most_ams, violations=tuple(violations),
                         explanation=_explanation(mam, most_children, most_ams, violations))


def _known(mam: Mam, intervals: Iterable[CareInterval]) -> tuple[CareInterval, ...]:
    """The intervals, each naming an AM and children of the house."""
    shifts = tuple(intervals)
    for index, shift in enumerate(shifts):
        if not isinstance(shift, CareInterval) or not 0 <= shift.start < shift.end <= WEEK:
            raise InvalidInput(f"presence[{index}]", "une plage de présence (CareInterval) est attendue.")
        if shift.am not in {m.id for m in mam.members}:
            raise InvalidInput(f"presence[{index}].am", f"{shift.am} n'est pas un assistant maternel de la maison.")
        unknown = sorted(set(shift.children) - {c.id for c in mam.children})
        if unknown:
            raise InvalidInput(f"presence[{index}].children", f"{unknown[0]} n'est pas un enfant de la maison.")
    return shifts


def _moments(shifts: Sequence[CareInterval]) -> list[_Moment]:
    """The week cut wherever an interval starts or ends: the stretches where an AM works."""
    cuts = sorted({t for s in shifts for t in (s.start, s.end)})
    moments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        here = [s for s in shifts if s.start <= start < s.end]
        if here:
            charge = sorted({(child, s.am) for s in here for child in s.children})
            moments.append(_Moment(start, end, tuple(sorted({s.am for s in here})), tuple(charge)))
    return moments


def _children_at(moment: _Moment, own: dict[str, int]) -> int:
    """Children in the house: those in an AM's charge, and the AMs' own under 3."""
    return len({child for child, _ in moment.charge}) + sum(own[am] for am in moment.ams)


Key = TypeVar("Key", bound=Hashable)


def _stretches(found: Iterable[tuple[int, int, Key, int]]) -> list[tuple[int, int, Key, int]]:
    """(start, end, key, figure) merged where the same key goes on without a break, the
    largest figure kept."""
    merged: list[tuple[int, int, Key, int]] = []
    last_of: dict[Key, int] = {}
    for start, end, key, figure in sorted(found, key=lambda f: f[0]):
        index = last_of.get(key)
        if index is not None and merged[index][1] == start:
            first, _, _, most = merged[index]
            merged[index] = (first, end, key, max(most, figure))
        else:
            last_of[key] = len(merged)
            merged.append((start, end, key, figure))
    return merged


def _house_limits(mam: Mam, moments: Sequence[_Moment], own: dict[str, int]) -> list[PlanningViolation]:
    """4 AMs at work and 20 children at once (CASF L424-1)."""
    found = []
    limit = mam.premises.ams_at_work
    for start, end, _, most in _stretches((m.start, m.end, None, len(m.ams)) for m in moments
                                          if len(m.ams) > limit):
        when = week_moment(start, end)
        found.append(PlanningViolation(
            PlanningRule.AM_COUNT, when, "", f"{when.capitalize()} : {most} assistants maternels au travail en "
            f"même temps, pour {limit} au plus ({PlanningRule.AM_COUNT.article})."))
    limit = mam.premises.children
    for start, end, _, most in _stretches((m.start, m.end, None, _children_at(m, own)) for m in moments
                                          if _children_at(m, own) > limit):
        when = week_moment(start, end)
        found.append(PlanningViolation(
            PlanningRule.CHILDREN, when, "", f"{when.capitalize()} : {most} enfants dans la maison en même temps "
            f"(les enfants de moins de 3 ans des assistants maternels compris), pour {limit} au plus "
            f"({PlanningRule.CHILDREN.article})."))
    return found


def _children_twice(moments: Sequence[_Moment]) -> list[PlanningViolation]:
    """A child in the charge of one AM at a time (CASF L424-2)."""
    twice = []
    for m in moments:
        by_child: dict[str, list[str]] = {}
        for child, am in m.charge:
            by_child.setdefault(child, []).append(am)
        twice += [(m.start, m.end, (child, tuple(ams)), len(ams)) for child, ams in by_child.items()
                  if len(ams) > 1]
    found = []
    for start, end, (child, ams), _ in _stretches(twice):
        when = week_moment(start, end)
        found.append(PlanningViolation(
            PlanningRule.CHILD_TWICE, when, child, f"{when.capitalize()} : {child} est confié à la fois à "
            f"{_and(ams)} ; un enfant est à la charge d'un seul assistant maternel à la fois, le sien ou son "
            f"délégataire ({PlanningRule.CHILD_TWICE.article})."))
    return found


def _delegations(mam: Mam, moments: Sequence[_Moment]) -> list[PlanningViolation]:
    """Each child in the charge of its contract AM or of a delegate named in its contract,
    her written consent annexed (CASF L424-2)."""
    wrong = [(m.start, m.end, pair, 0) for m in moments for pair in m.charge
             if not mam.child(pair[0]).authorises(pair[1])]
    found = []
    for start, end, (child_id, am), _ in _stretches(wrong):
        child = mam.child(child_id)
        when = week_moment(start, end)
        named = child.delegate(am)
        why = ("nommé délégataire dans son contrat, mais sans son accord écrit annexé" if named else
               f"qui n'est ni l'assistant maternel de son contrat ({child.am}) ni un délégataire nommé dans ce "
               "contrat")
        found.append(PlanningViolation(
            PlanningRule.DELEGATION, when, child_id, f"{when.capitalize()} : {child_id} est confié à {am}, {why} "
            f"({PlanningRule.DELEGATION.article})."))
    return found


def _agrement(mam: Mam, member: Member, shifts: Sequence[CareInterval], moments: Sequence[_Moment],
              on: date) -> list[PlanningViolation]:
    """Her agrément at every moment, the children delegated to her and her own under 3
    included: the check of her week at home (CASF L421-4), and the agrément's ages and
    dates for the children whose contract is known."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    for m in moments:
        for child, carer in m.charge:
            if carer == member.id:
                ranges.setdefault(child, []).append((m.start, m.end))
    work = [(s.start, s.end) for s in shifts if s.am == member.id]
    if not work:
        return []
    children = [mam.child(child) for child in ranges]
    her = member.childminder
    week = check_week(
        [_presence(child, ranges[child.id], on) for child in children], agrement=her.agrement,
        own_children_under_3=her.own_under(3, on), own_children_under_11=her.own_under(11, on), at_work=work)
    found = [*(v for v in week.violations if v.rule in _CAPACITY),
             *her.agrement_findings([c.care for c in children if c.care is not None], on)]
    return [PlanningViolation(v.rule, v.when, member.id, f"{member.id}, {v.message[0].lower()}{v.message[1:]}")
            for v in found]


def _presence(child: MamChild, ranges: list[tuple[int, int]], on: date) -> Presence:
    """The child in her charge; without its contract its age is not known, and it counts in
    the agrément only, not in the limits by age."""
    age = None if child.care is None else age_on(child.care.born, on)
    return Presence(child.id, tuple(ranges), under_3=age is not None and age < 3,
                    under_11=age is not None and age < 11)


def _contract_hours(member: Member, shifts: Sequence[CareInterval], on: date) -> list[PlanningViolation]:
    """At work at least the hours of her own contracts (CASF L424-3): her usual week of
    contracts in force on ``on``, a moment counted once, against her intervals."""
    am = member.childminder
    if not any(care.in_force(on) for care in am.contracts):
        return []
    due = am.check_week(on).weekly_hours
    given = check_week([], at_work=[(s.start, s.end) for s in shifts if s.am == member.id]).weekly_hours
    if given >= due:
        return []
    return [PlanningViolation(
        PlanningRule.CONTRACT_HOURS, "semaine", member.id,
        f"{member.id} : {_hours(given)} de travail dans la semaine pour {_hours(due)} prévues par ses contrats : "
        "une délégation ne peut pas laisser un assistant maternel sous les heures d'accueil mensuelles de ses "
        f"contrats ({PlanningRule.CONTRACT_HOURS.article}).")]


def _hours(value: Fraction) -> str:
    return format_hours(value * SECONDS_PER_HOUR)


def _and(names: Sequence[str]) -> str:
    return f"{', '.join(names[:-1])} et {names[-1]}"


def _explanation(mam: Mam, most_children: int, most_ams: int,
                 violations: Sequence[PlanningViolation]) -> Explanation:
    steps = (
        Step("Assistants maternels au travail en même temps", "au plus", str(most_ams), MAX_AMS_AT_WORK.article),
        Step("Enfants dans la maison en même temps", "au plus, les enfants de moins de 3 ans des assistants "
             "maternels compris", str(most_children), MAX_CHILDREN.article),
    )
    verdict = ("Planning conforme : chaque assistant maternel reste dans son agrément, chaque délégation est "
               "autorisée, et la maison dans ses limites "
               f"({mam.premises.ams_at_work} assistants maternels au travail et {mam.premises.children} enfants "
               "en même temps au plus).")
    return Explanation(
        title="Planning de la semaine de la maison d'assistants maternels",
        reference="CASF L424-1 à L424-3, L421-4",
        steps=steps,
        notes=tuple(v.message for v in violations) or (verdict,),
    )
