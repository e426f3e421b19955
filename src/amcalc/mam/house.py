"""La maison d'assistants maternels — the house, its AMs, its children and its limits
(CASF L424-1 to L424-7, L421-4).

A MAM gathers 1 to 6 AMs, at most 4 at work at once, and at most 20 children at
once (CASF L424-1, since 2021-05-21). Each AM is a
:class:`~amcalc.am.Childminder` (agrément, own children, contracts): in the MAM
she keeps her agrément and her contracts, one per child (CASF L424-7). A child's
parent may authorise, in the contract, named AMs of the same house to take the
child in their charge (the delegation, CASF L424-2), each delegate's written
consent annexed.

>>> from amcalc.am import Agrement, Childminder
>>> mam = Mam.of(ams={"A": Childminder.of(agrement=Agrement.of(children=3)), "B": Childminder.of()},
...              children=[MamChild.of(id="lina", am="A", delegates=["B"]), MamChild.of(id="noe", am="B")])
>>> mam.may_care("lina", "B"), mam.may_care("noe", "A")
(True, False)
>>> MAX_AMS_AT_WORK.value, MAX_AMS_AT_WORK.since, MAX_AMS_AT_WORK.article, MAX_AMS_AT_WORK.evidence
(4, datetime.date(2021, 5, 21), 'CASF L424-1', 'S')
>>> Mam.of(ams={"A": Childminder.of()}, children=[MamChild.of(id="lina", am="A", delegates=["Z"])])
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: children.lina.delegates : Z n'est pas un assistant maternel de la maison.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from amcalc.am.agrement import whole_number
from amcalc.am.childminder import ChildCare, Childminder
from amcalc.errors import InvalidInput, LegalLimitExceeded

__all__ = [
    "MAX_AMS",
    "MAX_AMS_AT_WORK",
    "MAX_CHILDREN",
    "Delegate",
    "LegalLimit",
    "Mam",
    "MamChild",
    "Member",
    "Premises",
]


@attrs.frozen
class LegalLimit:
    """A limit of the law: its ``value``, in force ``since`` (by the text ``source``), its
    article and the evidence (``P`` primary text, ``S`` secondary source, ``U`` unverified)."""

    value: int
    since: date
    article: str
    source: str
    evidence: str


_REFORM = date(2021, 5, 21)  # the day after the ordonnance's publication (JO du 20 mai 2021)
_ORDONNANCE = "ordonnance n° 2021-611 du 19 mai 2021"
MAX_AMS = LegalLimit(6, _REFORM, "CASF L424-1", _ORDONNANCE, "S")
"""AMs in one house (4 before 2021-05-21)."""
MAX_AMS_AT_WORK = LegalLimit(4, _REFORM, "CASF L424-1", _ORDONNANCE, "S")
"""AMs at work in the house at the same time."""
MAX_CHILDREN = LegalLimit(20, _REFORM, "CASF L424-1", _ORDONNANCE, "U")
"""Children in the house at the same time, the AMs' own children under 3 included
(secondary sources; the article's current wording not read)."""


@attrs.frozen(kw_only=True)
class Premises:
    """The house's limits: AMs in all, AMs at work at once, children at once. The law's by
    default; the premises may allow fewer (the PMI's visit), never more."""

    ams: int = MAX_AMS.value
    ams_at_work: int = MAX_AMS_AT_WORK.value
    children: int = MAX_CHILDREN.value

    @classmethod
    def of(cls, *, ams: object = MAX_AMS.value, ams_at_work: object = MAX_AMS_AT_WORK.value,
           children: object = MAX_CHILDREN.value) -> Premises:
        """The limits, checked: at least 1, at most the law's."""
        counts = {}
        for name, value, limit in (("ams", ams, MAX_AMS), ("ams_at_work", ams_at_work, MAX_AMS_AT_WORK),
                                   ("children", children, MAX_CHILDREN)):
            count = whole_number(value, f"premises.{name}", 1)
            if count > limit.value:
                raise LegalLimitExceeded(f"premises.{name}", f"{count} : la loi en permet au plus {limit.value} "
                                                             f"({limit.article}).")
            counts[name] = count
        return cls(**counts)


@attrs.frozen
class Delegate:
    """An AM of the house named in the child's contract to take it in her charge, and
    whether her written consent is annexed to the contract (CASF L424-2)."""

    am: str
    consent: bool = True


@attrs.frozen(kw_only=True)
class MamChild:
    """A child of the house: its ``id``, the AM of its contract, its authorised
    ``delegates`` and, when known, its contract (the child's birth date, its schedule)."""

    id: str
    am: str
    delegates: tuple[Delegate, ...] = ()
    care: ChildCare | None = None

    @classmethod
    def of(cls, *, id: object, am: object, delegates: Iterable[object] = (),  # noqa: A002
           care: ChildCare | None = None) -> MamChild:
        """The child, checked; a delegate given by her id alone has given her consent."""
        _identifier(id, "children.id")
        _identifier(am, f"children.{id}.am")
        named = []
        for delegate in delegates:
            if isinstance(delegate, str):
                delegate = Delegate(delegate)
            if not isinstance(delegate, Delegate) or not isinstance(delegate.consent, bool):
                raise InvalidInput(f"children.{id}.delegates", f"l'identifiant d'un assistant maternel est "
                                                               f"attendu ({delegate!r}).")
            _identifier(delegate.am, f"children.{id}.delegates")
            named.append(delegate)
        if care is not None and (not isinstance(care, ChildCare) or care.child != id):
            raise InvalidInput(f"children.{id}.care", "le contrat de cet enfant est attendu.")
        return cls(id=id, am=am, delegates=tuple(named), care=care)  # type: ignore[arg-type]

    def authorises(self, am: str) -> bool:
        """Whether ``am`` may have the child in her charge: its contract AM, or a delegate
        named in the contract whose consent is annexed (CASF L424-2)."""
        return am == self.am or any(d.am == am and d.consent for d in self.delegates)

    def delegate(self, am: str) -> Delegate | None:
        """The delegate ``am`` as named in the contract, or ``None``."""
        return next((d for d in self.delegates if d.am == am), None)


@attrs.frozen
class Member:
    """An AM of the house: her ``id`` in the house and her :class:`Childminder` value."""

    id: str
    childminder: Childminder


@attrs.frozen(kw_only=True)
class Mam:
    """The house: its AMs, its children, its premises' limits."""

    members: tuple[Member, ...]
    children: tuple[MamChild, ...]
    premises: Premises = Premises()

    @classmethod
    def of(cls, *, ams: Mapping[str, Childminder], children: Iterable[MamChild] = (),
           delegates: Mapping[str, Iterable[object]] | None = None,
           premises: Premises | None = None) -> Mam:
        """The house, checked. ``children``: given one by one; with ``delegates`` (child →
        its delegates), every contract of every AM is a child of the house too."""
        limits = premises or Premises()
        members = []
        for name, childminder in ams.items():
            _identifier(name, "ams.id")
            if not isinstance(childminder, Childminder):
                raise InvalidInput(f"ams.{name}", "un assistant maternel (Childminder) est attendu.")
            members.append(Member(name, childminder))
        if not members:
            raise InvalidInput("ams", "une maison compte au moins un assistant maternel.")
        if len(members) > limits.ams:
            raise LegalLimitExceeded("ams", f"{len(members)} assistants maternels : une maison en compte au plus "
                                            f"{limits.ams} ({MAX_AMS.article}).")
        house = [*children]
        if delegates is not None:
            contracts = [(m.id, care) for m in members for care in m.childminder.contracts]
            unknown = sorted(set(delegates) - {care.child for _, care in contracts})
            if unknown:
                raise InvalidInput("delegates", f"{unknown[0]} n'a de contrat avec aucun assistant maternel "
                                                "de la maison.")
            house += [MamChild.of(id=care.child, am=am, delegates=delegates.get(care.child, ()), care=care)
                      for am, care in contracts]
        _check_children(house, {m.id for m in members})
        return cls(members=tuple(members), children=tuple(house), premises=limits)

    def member(self, am: str) -> Member:
        """The AM ``am`` of the house."""
        found = next((m for m in self.members if m.id == am), None)
        if found is None:
            raise InvalidInput("am", f"{am} n'est pas un assistant maternel de la maison.")
        return found

    def child(self, child: str) -> MamChild:
        """The child ``child`` of the house."""
        found = next((c for c in self.children if c.id == child), None)
        if found is None:
            raise InvalidInput("children", f"{child} n'est pas un enfant de la maison.")
        return found

    def may_care(self, child: str, am: str) -> bool:
        """Whether the AM ``am`` may have ``child`` in her charge (CASF L424-2)."""
        return self.child(child).authorises(am)


def _identifier(value: object, field: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(field, f"un identifiant non vide est attendu ({value!r}).")


def _check_children(children: list[MamChild], ams: set[str]) -> None:
    seen: set[str] = set()
    for child in children:
        if not isinstance(child, MamChild):
            raise InvalidInput("children", "un enfant de la maison (MamChild) est attendu.")
        if child.id in seen:
            raise InvalidInput("children", f"l'enfant {child.id} figure deux fois.")
        seen.add(child.id)
        if child.am not in ams:
            raise InvalidInput(f"children.{child.id}.am", f"{child.am} n'est pas un assistant maternel "
                                                          "de la maison.")
        for delegate in child.delegates:
            if delegate.am not in ams:
                raise InvalidInput(f"children.{child.id}.delegates", f"{delegate.am} n'est pas un assistant "
                                                                     "maternel de la maison.")
