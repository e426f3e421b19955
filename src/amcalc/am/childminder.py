"""L'assistant maternel et ses contrats — one AM, several employers (CASF L421-4, L423-21,
L423-22; CCN 3239 art. 96, 100).

An AM holds her agrément, her own children (their birth dates: those under 3
count in her agrément while she works), her written consent to more than 48 h
a week, and her contracts, one per child, each with its employer.

>>> from datetime import date
>>> from amcalc.contract import Contract
>>> def care(child, employer, schedule, born=date(2025, 1, 10)):
...     contract = Contract.from_schedule(hourly_rate="4.20", weeks=52, start=date(2026, 1, 5),
...                                       schedule=schedule)
...     return ChildCare.of(child=child, employer=employer, born=born, contract=contract)
>>> am = Childminder.of(agrement=Agrement.of(children=3), own_children=[date(2024, 5, 2)], contracts=[
...     care("lina", "famille-a", {d: "08:00-17:00" for d in ("mon", "tue", "thu", "fri")}),
...     care("noe", "famille-b", {d: "08:30-16:30" for d in ("mon", "tue", "wed", "thu", "fri")})])
>>> week = am.check_week(date(2026, 3, 2))
>>> week.weekly_hours, week.max_children, week.rules
(Fraction(44, 1), 3, ())
>>> extra = care("sacha", "famille-c", {"mon": "11:30-17:00", "tue": "11:30-17:00"})
>>> [v.message for v in am.would_break(extra, date(2026, 3, 2))]
["Lundi de 11h30 à 16h30 : 4 enfants (dont 1 de l'assistant maternel) pour un agrément de 3 (CASF L421-4).", "Mardi de 11h30 à 16h30 : 4 enfants (dont 1 de l'assistant maternel) pour un agrément de 3 (CASF L421-4)."]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from amcalc.am.agrement import Agrement, age_on
from amcalc.am.working_time import Presence, Violation, WeekCheck, WeekRule, check_week
from amcalc.contract import Contract
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.explain import french_date

__all__ = ["ChildCare", "Childminder"]


@attrs.frozen(kw_only=True)
class ChildCare:
    """One of her contracts: the ``child``, its ``employer`` (ids of the caller's choice),
    the child's birth date and whether the child gives a majoration of pay (illness,
    disability or maladjustment, CASF L423-13: 4 × SMIC in the special tax regime)."""

    child: str
    employer: str
    born: date
    contract: Contract
    majorated: bool = False

    @classmethod
    def of(cls, *, child: object, employer: object, born: object, contract: object,
           majorated: object = False) -> ChildCare:
        """The contract, checked at the boundary."""
        for name, value in (("child", child), ("employer", employer)):
            if not isinstance(value, str) or not value.strip():
                raise InvalidInput(name, f"un identifiant non vide est attendu ({value!r}).")
        if not isinstance(born, date):
            raise InvalidInput("born", f"la date de naissance de l'enfant est attendue ({born!r}).")
        if not isinstance(contract, Contract):
            raise InvalidInput("contract", "un contrat (Contract) est attendu.")
        if not isinstance(majorated, bool):
            raise InvalidInput("majorated", "vrai ou faux est attendu.")
        if contract.start is not None and contract.start < born:
            raise InvalidInput("born", "l'enfant naît après le début de son contrat.")
        return cls(child=child, employer=employer, born=born, contract=contract,  # type: ignore[arg-type]
                   majorated=majorated)

    def in_force(self, on: date) -> bool:
        """Whether the contract runs on ``on``."""
        start, end = self.contract.start, self.contract.end
        return (start is None or start <= on) and (end is None or on <= end)

    def presence(self, on: date, rhythm: int = 0) -> Presence:
        """The child's week on ``on``: the schedule of the contract's rhythm ``rhythm``."""
        rhythms = self.contract.rhythms
        if not 0 <= rhythm < len(rhythms):
            raise InvalidInput("rhythms", f"{self.child} : le contrat n'a pas de rythme {rhythm}.")
        schedule = rhythms[rhythm].schedule
        if schedule is None:
            raise UnsupportedCase("schedule", f"{self.child} : le contrôle de la semaine suit l'emploi du "
                                              "temps jour par jour ; donnez-le avec les plages horaires.")
        age = age_on(self.born, on)
        return Presence.from_schedule(self.child, schedule, under_3=age < 3, under_11=age < 11,
                                      field=f"{self.child}.schedule")


@attrs.frozen(kw_only=True)
class Childminder:
    """The AM: her agrément, her own children's birth dates, her written consent to more
    than 48 h a week (CASF L423-22), the weeks she works in a year, her contracts."""

    agrement: Agrement
    own_children: tuple[date, ...] = ()
    consent_over_48: bool = False
    weeks_worked: int = 47
    contracts: tuple[ChildCare, ...] = ()

    @classmethod
    def of(cls, *, agrement: Agrement | None = None, own_children: Iterable[object] = (),
           consent_over_48: object = False, weeks_worked: object = 47,
           contracts: Iterable[ChildCare] = ()) -> Childminder:
        """The AM, checked: each child once, birth dates as dates."""
        born = tuple(own_children)
        for day in born:
            if not isinstance(day, date):
                raise InvalidInput("own_children", f"les dates de naissance de ses enfants ({day!r}).")
        if not isinstance(consent_over_48, bool):
            raise InvalidInput("consent_over_48", "vrai ou faux est attendu.")
        if isinstance(weeks_worked, bool) or not isinstance(weeks_worked, int) or not 1 <= weeks_worked <= 52:
            raise InvalidInput("weeks_worked", f"de 1 à 52 semaines ({weeks_worked!r}).")
        cares = tuple(contracts)
        children = [c.child for c in cares]
        twice = sorted({c for c in children if children.count(c) > 1})
        if twice:
            raise InvalidInput("contracts", f"un contrat par enfant : {', '.join(twice)} figure deux fois.")
        return cls(agrement=agrement or Agrement(), own_children=born,  # type: ignore[arg-type]
                   consent_over_48=consent_over_48, weeks_worked=weeks_worked, contracts=cares)

    def with_contract(self, care: ChildCare) -> Childminder:
        """The AM with one more contract (checked like the others)."""
        return Childminder.of(agrement=self.agrement, own_children=self.own_children,
                              consent_over_48=self.consent_over_48, weeks_worked=self.weeks_worked,
                              contracts=(*self.contracts, care))

    def own_under(self, years: int, on: date) -> int:
        """Her own children younger than ``years`` on ``on``."""
        return sum(1 for born in self.own_children if born <= on and age_on(born, on) < years)

    def check_week(self, on: date, rhythms: Mapping[str, int] | None = None) -> WeekCheck:
        """Her usual week as it stands on ``on`` (contracts in force that day; ``rhythms``:
        child → index of the rhythm of the week checked, for contracts with several), with
        the agrément's ages and dates of validity."""
        cares = [c for c in self.contracts if c.in_force(on)]
        week = check_week(
            [c.presence(on, (rhythms or {}).get(c.child, 0)) for c in cares],
            agrement=self.agrement, own_children_under_3=self.own_under(3, on),
            own_children_under_11=self.own_under(11, on), consent_over_48=self.consent_over_48,
            weeks_worked=self.weeks_worked,
        )
        extra = self.agrement_findings(cares, on)
        if not extra:
            return week
        return attrs.evolve(week, violations=(*extra, *week.violations), explanation=attrs.evolve(
            week.explanation, notes=tuple(v.message for v in (*extra, *week.violations))))

    def would_break(self, care: ChildCare, on: date,
                    rhythms: Mapping[str, int] | None = None) -> tuple[Violation, ...]:
        """Before signing: the limits a new contract would break that are not already broken."""
        before = {(v.rule, v.when) for v in self.check_week(on, rhythms).violations}
        after = self.with_contract(care).check_week(on, rhythms).violations
        return tuple(v for v in after if (v.rule, v.when) not in before)

    def agrement_findings(self, cares: Iterable[ChildCare], on: date) -> list[Violation]:
        """Her agrément out of force on ``on``, or a child of ``cares`` past its ages
        (CASF L421-3, L421-4): also asked for the children delegated to her in a MAM."""
        found = []
        if not self.agrement.valid_on(on):
            found.append(Violation(WeekRule.AGREMENT_VALIDITY, french_date(on),
                                   f"L'agrément n'est pas en vigueur le {french_date(on)} "
                                   f"({WeekRule.AGREMENT_VALIDITY.article})."))
        limit = self.agrement.max_age
        for care in cares:
            if limit is not None and age_on(care.born, on) >= limit:
                found.append(Violation(WeekRule.AGREMENT_AGE, french_date(on),
                                       f"{care.child} a {age_on(care.born, on)} ans le {french_date(on)} : "
                                       f"l'agrément vaut pour les enfants de moins de {limit} ans "
                                       f"({WeekRule.AGREMENT_AGE.article})."))
        return found
