"""La délégation d'accueil — who takes the children of an absent AM (CASF L424-2, L424-3).

When an AM of the house is absent, the children in her charge may go to another
AM of the house at work then, named in the child's contract with her written
consent, as long as no AM goes beyond her agrément (CASF L424-2, L424-3). The
proposal cuts the absent AM's time out of the planning and, for each stretch of
it, looks for delegates for as many of her children as possible; each trial is
checked by :func:`~amcalc.mam.planning.check_planning` itself, so a proposed
delegation breaks no rule the planning did not already break at that moment.
Where no delegate is possible for a child, the proposal says so.

>>> from datetime import date
>>> from amcalc.am import Agrement, Childminder
>>> from amcalc.mam.house import Mam, MamChild
>>> from amcalc.mam.planning import CareInterval
>>> mam = Mam.of(ams={"A": Childminder.of(), "B": Childminder.of(agrement=Agrement.of(children=3))},
...              children=[MamChild.of(id="a1", am="A", delegates=["B"]), MamChild.of(id="a2", am="A"),
...                        MamChild.of(id="b1", am="B")])
>>> planning = [CareInterval.of(am="A", day="mon", start="08:00", end="17:00", children=["a1", "a2"]),
...             CareInterval.of(am="B", day="mon", start="08:00", end="17:00", children=["b1"])]
>>> proposal = propose_delegations(mam, planning, [Absence.of(am="A", day="mon")], on=date(2026, 1, 5))
>>> for line in (*proposal.delegations, *proposal.uncovered):
...     print(line.message)
Lundi de 08h00 à 17h00 : a1 passe de A, absent, à B, autorisé par son contrat (CASF L424-2).
Lundi de 08h00 à 17h00 : A absent, aucune délégation possible pour a2 : aucun assistant maternel au travail, nommé dans son contrat avec son accord, n'a de place dans son agrément (CASF L424-2, L424-3).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import attrs

from amcalc.am.working_time import week_moment
from amcalc.explain import Explained, Explanation
from amcalc.mam.house import Mam
from amcalc.mam.planning import CareInterval, PlanningCheck, PlanningRule, PlanningViolation, check_planning

__all__ = ["Absence", "DelegationProposal", "ProposedDelegation", "Uncovered", "propose_delegations"]


@attrs.frozen
class Absence:
    """An AM of the house absent from ``start`` to ``end`` (seconds from Monday 00:00)."""

    am: str
    start: int
    end: int

    @classmethod
    def of(cls, *, am: object, day: object, start: object = "00:00", end: object = "24:00",
           field: str = "absences") -> Absence:
        """From a weekday and two times ``"HH:MM"`` (default: the whole day)."""
        times = CareInterval.of(am=am, day=day, start=start, end=end, field=field)
        return cls(times.am, times.start, times.end)


@attrs.frozen
class ProposedDelegation:
    """``child`` passes from the absent AM ``from_am`` to ``to_am`` from ``start`` to ``end``."""

    child: str
    from_am: str
    to_am: str
    start: int
    end: int

    @property
    def when(self) -> str:
        return week_moment(self.start, self.end)

    @property
    def message(self) -> str:
        return (f"{self.when.capitalize()} : {self.child} passe de {self.from_am}, absent, à {self.to_am}, "
                f"autorisé par son contrat ({PlanningRule.DELEGATION.article}).")


@attrs.frozen
class Uncovered:
    """A stretch where no delegation is possible for ``children`` of the absent AM ``am``."""

    am: str
    start: int
    end: int
    children: tuple[str, ...]

    @property
    def when(self) -> str:
        return week_moment(self.start, self.end)

    @property
    def message(self) -> str:
        return (f"{self.when.capitalize()} : {self.am} absent, aucune délégation possible pour "
                f"{', '.join(self.children)} : aucun assistant maternel au travail, nommé dans son contrat avec "
                "son accord, n'a de place dans son agrément (CASF L424-2, L424-3).")


@attrs.frozen(kw_only=True)
class DelegationProposal(Explained):
    """The delegations proposed, the stretches left without one, and the ``planning`` with
    the delegations made, checked."""

    delegations: tuple[ProposedDelegation, ...]
    uncovered: tuple[Uncovered, ...]
    planning: tuple[CareInterval, ...]
    check: PlanningCheck
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def complete(self) -> bool:
        """Whether every child of the absent AMs has a delegate."""
        return not self.uncovered


def propose_delegations(mam: Mam, intervals: Iterable[CareInterval], absences: Iterable[Absence], *,
                        on: date) -> DelegationProposal:
    """Délégations proposées (CASF L424-2, L424-3): the planning ``intervals`` of the week
    of ``on``, the ``absences``; the children in an absent AM's charge go to delegates."""
    shifts = tuple(intervals)
    check_planning(mam, shifts, on=on)  # the planning as given is readable
    away = tuple(absences)
    for absence in away:
        mam.member(absence.am)
    kept = [part for shift in shifts for part in _outside(shift, away)]
    to_place = [part for shift in shifts for part in _inside(shift, away) if part.children]
    cuts = sorted({t for s in (*kept, *to_place) for t in (s.start, s.end)})
    placed: list[ProposedDelegation] = []
    missing: list[Uncovered] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        waiting = list(dict.fromkeys((child, s.am) for s in to_place if s.start <= start < s.end
                                     for child in s.children))
        if not waiting:
            continue
        here = [_clip(s, start, end) for s in kept if s.start <= start < s.end]
        previous = {(d.child, d.from_am): d.to_am for d in placed if d.end == start}
        found = _best(mam, here, waiting, previous, on)
        for (child, absent), delegate in zip(waiting, found, strict=True):
            if delegate is None:
                missing.append(Uncovered(absent, start, end, (child,)))
            else:
                placed.append(ProposedDelegation(child, absent, delegate, start, end))
    delegations = _merged_delegations(placed)
    uncovered = _merged_uncovered(missing)
    planning = (*kept, *(CareInterval(d.to_am, d.start, d.end, (d.child,)) for d in delegations))
    check = check_planning(mam, planning, on=on)
    notes = (*(d.message for d in delegations), *(u.message for u in uncovered)) or (
        "Aucun enfant à confier : les assistants maternels absents n'avaient pas d'enfant à leur charge.",)
    return DelegationProposal(
        delegations=delegations, uncovered=uncovered, planning=planning, check=check,
        explanation=Explanation(title="Délégations proposées pendant les absences",
                                reference="CASF L424-2, L424-3, L421-4", notes=notes))


def _outside(shift: CareInterval, away: Sequence[Absence]) -> list[CareInterval]:
    """The parts of ``shift`` when its AM is not absent."""
    parts = [shift]
    for absence in (a for a in away if a.am == shift.am):
        parts = [piece for part in parts for piece in (
            _clip(part, part.start, absence.start), _clip(part, absence.end, part.end)) if piece.start < piece.end]
    return parts


def _inside(shift: CareInterval, away: Sequence[Absence]) -> list[CareInterval]:
    """The parts of ``shift`` when its AM is absent."""
    return [part for a in away if a.am == shift.am
            if (part := _clip(shift, a.start, a.end)).start < part.end]


def _clip(shift: CareInterval, start: int, end: int) -> CareInterval:
    return attrs.evolve(shift, start=max(shift.start, start), end=min(shift.end, end))


def _best(mam: Mam, here: list[CareInterval], waiting: list[tuple[str, str]],
          previous: dict[tuple[str, str], str], on: date) -> list[str | None]:
    """For one stretch: a delegate (or ``None``) for each child waiting, as many placed as
    possible, each trial accepted only when the check finds no new violation."""
    baseline = _moment_violations(mam, here, on)
    at_work = sorted({s.am for s in here}, key=[m.id for m in mam.members].index)
    best: list[str | None] = [None] * len(waiting)
    best_count = 0

    def search(index: int, chosen: list[str | None], trial: list[CareInterval]) -> bool:
        nonlocal best, best_count
        count = sum(c is not None for c in chosen)
        if count + len(waiting) - index <= best_count:
            return False
        if index == len(waiting):
            best, best_count = list(chosen), count
            return count == len(waiting)
        child, absent = waiting[index]
        wanted = previous.get((child, absent))
        ordered = sorted(at_work, key=lambda am: am != wanted)
        for am in (a for a in ordered if mam.child(child).authorises(a)):
            attempt = [*trial, attrs.evolve(here[0], am=am, children=(child,))]
            if _moment_violations(mam, attempt, on) <= baseline and search(index + 1, [*chosen, am], attempt):
                return True
        return search(index + 1, [*chosen, None], trial)

    if here:
        search(0, [], list(here))
    return best


def _moment_violations(mam: Mam, planning: list[CareInterval], on: date) -> set[PlanningViolation]:
    """What the check finds in one stretch, but the week's contract hours."""
    check = check_planning(mam, planning, on=on)
    return {v for v in check.violations if v.rule != PlanningRule.CONTRACT_HOURS}


def _merged_delegations(placed: list[ProposedDelegation]) -> tuple[ProposedDelegation, ...]:
    merged: list[ProposedDelegation] = []
    for d in sorted(placed, key=lambda d: (d.child, d.from_am, d.start)):
        last = merged[-1] if merged else None
        if last and (last.child, last.from_am, last.to_am, last.end) == (d.child, d.from_am, d.to_am, d.start):
            merged[-1] = attrs.evolve(last, end=d.end)
        else:
            merged.append(d)
    return tuple(sorted(merged, key=lambda d: (d.start, d.child)))


def _merged_uncovered(missing: list[Uncovered]) -> tuple[Uncovered, ...]:
    by_stretch: dict[tuple[str, int, int], list[str]] = {}
    for u in missing:
        by_stretch.setdefault((u.am, u.start, u.end), []).extend(u.children)
    merged: list[Uncovered] = []
    for (am, start, end), children in sorted(by_stretch.items(), key=lambda item: item[0][1]):
        last = merged[-1] if merged else None
        if last and (last.am, last.end, last.children) == (am, start, tuple(children)):
            merged[-1] = attrs.evolve(last, end=end)
        else:
            merged.append(Uncovered(am, start, end, tuple(children)))
    return tuple(merged)
