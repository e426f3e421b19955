"""Le mois de la MAM — does the house pay its way? Each AM's month and break-even.

Each AM receives from her employers what amcalc computed for each of her
contracts (:func:`amcalc.month_pay`): net salary, entretien, meals and
kilometres. She pays her share of the house's charges (by the rule of the
règlement de fonctionnement, :func:`amcalc.mam.split_charges`) and her PALA
instalment of the month:

    remains = net salaries + entretien + meals + kilometres − share − instalment

and her break-even (:func:`amcalc.mam.break_even`) says what entretien,
children or hours she needs to cover her share and instalment.

>>> from datetime import date
>>> from amcalc import Contract, month_pay
>>> from amcalc.mam import Budget, MamMember
>>> def contract(rate: str) -> Contract:
...     return Contract.from_schedule(hourly_rate=rate, weeks=46, start=date(2025, 9, 1),
...         schedule={"mon": "9", "tue": "9", "thu": "9", "fri": "9"}, maintenance_per_hour="0.45")
>>> anne = MamMember.of(name="Anne", places=4, months=[month_pay(contract("4.50"), "2025-10")])
>>> bea = MamMember.of(name="Béa", places=4, months=[])
>>> month = mam_month(Budget.of({"rent": "300.00"}), [anne, bea], "2025-10")
>>> [(m.name, m.share, m.break_even.missing) for m in month.members]
[('Anne', Decimal('150.00'), Decimal('77.10')), ('Béa', Decimal('150.00'), Decimal('150.00'))]
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros
from amcalc.inputs import parse_month
from amcalc.mam.break_even import BreakEven, BreakEvenCover, break_even
from amcalc.mam.budget import Budget
from amcalc.mam.charges_split import ChargesSplit, SplitRule, check_members, split_charges
from amcalc.mam.member import MamMember

__all__ = ["MamMonth", "MemberMonth", "mam_month"]

ZERO = Decimal("0.00")
MONTH_REFERENCE = "CCN 3239 art. 109 à 114 ; CASF art. L424-1 à L424-7 ; règlement de fonctionnement de la MAM"


@attrs.frozen(kw_only=True)
class MemberMonth(Explained):
    """One AM's month in the MAM: what she received, what she pays, what remains (may be
    negative), and her break-even."""

    name: str
    net_salary: Decimal
    maintenance: Decimal
    meals: Decimal
    mileage: Decimal
    received: Decimal
    share: Decimal
    loan_instalment: Decimal
    remains: Decimal
    break_even: BreakEven
    explanation: Explanation = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True)
class MamMonth(Explained):
    """The MAM's month: its budget, the split of its charges and each AM's month."""

    year: int
    month: int
    budget: Budget
    split: ChargesSplit
    members: tuple[MemberMonth, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def member(self, name: str) -> MemberMonth:
        """The month of the AM called ``name``."""
        for line in self.members:
            if line.name == name:
                return line
        raise InvalidInput("name", f"aucune assistante ne s'appelle {name!r} dans cette MAM.")


def _check_months(members: Sequence[MamMember], year: int, month: int) -> None:
    for index, member in enumerate(members):
        for m in member.months:
            if (m.year, m.month) != (year, month):
                raise InvalidInput(f"members[{index}].months", f"le mois {m.month:02d}/{m.year} d'un contrat de "
                                   f"{member.name} n'est pas le mois calculé ({month:02d}/{year}).")


def mam_month(budget: Budget, members: Sequence[MamMember], month: str | tuple[int, int], *,
              rule: SplitRule = SplitRule.EQUAL, cover: BreakEvenCover = BreakEvenCover.MAINTENANCE) -> MamMonth:
    """The MAM's ``month`` (``"AAAA-MM"``): the charges of ``budget`` split by ``rule``, each
    member's month and break-even (``cover``: what pays for her part, see :class:`BreakEvenCover`)."""
    year, number_ = parse_month(month)
    members = list(members)
    check_members(members)
    if not isinstance(cover, BreakEvenCover):
        raise InvalidInput("cover", f"choix inconnu : {cover!r} ; choix : {', '.join(c.value for c in BreakEvenCover)}.")
    _check_months(members, year, number_)
    split = split_charges(budget, members, rule=rule)
    lines = tuple(_member_month(member, split, (year, number_), cover) for member in members)
    steps = [Step("Charges du mois", f"{len(budget.charges)} postes", euros(budget.total)),
             *(Step(f"Reste pour {line.name}", _remains_formula(line.received, line.share, line.loan_instalment),
                    euros(line.remains)) for line in lines)]
    short = [line.name for line in lines if not line.break_even.reached]
    notes = [f"Répartition {rule.label}."]
    notes.append(f"Seuil de rentabilité non atteint ce mois-ci : {', '.join(short)}." if short
                 else "Chaque assistante couvre sa part et sa mensualité par ce qu'elle reçoit pour ces frais.")
    explanation = Explanation(title=f"Le mois de la MAM, {number_:02d}/{year}", reference=MONTH_REFERENCE,
                              steps=tuple(steps), notes=tuple(notes),
                              computed_for=date(year, number_, calendar.monthrange(year, number_)[1]))
    return MamMonth(year=year, month=number_, budget=budget, split=split, members=lines, explanation=explanation)


def _remains_formula(received: Decimal, share: Decimal, instalment: Decimal) -> str:
    formula = f"reçu {euros(received)} − part {euros(share)}"
    return formula + (f" − PALA {euros(instalment)}" if instalment else "")


def _member_month(member: MamMember, split: ChargesSplit, month: tuple[int, int],
                  cover: BreakEvenCover) -> MemberMonth:
    share = split.share_of(member.name)
    instalment = member.loan.instalment(month) if member.loan else ZERO
    received = member.net_salary + member.maintenance + member.meals + member.mileage
    covered = member.maintenance + (member.meals if cover is BreakEvenCover.MAINTENANCE_AND_MEALS else ZERO)
    result = break_even(member.name, month, share=share, instalment=instalment, covered=covered,
                        children=member.children, hours=member.hours, cover=cover)
    remains = received - share - instalment
    return MemberMonth(name=member.name, net_salary=member.net_salary, maintenance=member.maintenance,
                       meals=member.meals, mileage=member.mileage, received=received, share=share,
                       loan_instalment=instalment, remains=remains, break_even=result,
                       explanation=_member_explanation(member, month, received, split, instalment, result))


def _lines(member: MamMember, attribute: str) -> str:
    amounts = [getattr(m, attribute) for m in member.months]
    return " + ".join(euros(a) for a in amounts) if amounts else "aucun contrat ce mois-ci"


def _member_explanation(member: MamMember, month: tuple[int, int], received: Decimal, split: ChargesSplit,
                        instalment: Decimal, result: BreakEven) -> Explanation:
    share = split.share_of(member.name)
    her_part = next(s for s in split.explanation.steps if s.label == f"Part de {member.name}")
    steps = [Step("Salaires nets", _lines(member, "net_salary"), euros(member.net_salary), "CCN 3239 art. 109 à 111"),
             Step("Indemnités d'entretien", _lines(member, "maintenance"), euros(member.maintenance),
                  "CCN 3239 art. 114.1")]
    if member.meals:
        steps.append(Step("Repas", _lines(member, "meals"), euros(member.meals), "CCN 3239 art. 114.2"))
    if member.mileage:
        steps.append(Step("Indemnités kilométriques", _lines(member, "mileage"), euros(member.mileage),
                          "CCN 3239 art. 113"))
    steps += [Step("Reçu de ses employeurs", " + ".join(s.result for s in steps), euros(received)),
              Step("Part des charges de la MAM", her_part.formula, euros(share), "règlement de fonctionnement")]
    if instalment:
        steps.append(Step("Mensualité du PALA", f"échéance du mois de son prêt de {euros(member.loan.amount)}"
                          if member.loan is not None else "", euros(instalment), "CSS art. D542-37"))
    steps.append(Step("Reste pour elle", _remains_formula(received, share, instalment),
                      euros(received - share - instalment)))
    return Explanation(title=f"Le mois de {member.name} à la MAM, {month[1]:02d}/{month[0]}",
                       reference=MONTH_REFERENCE, steps=(*steps, *result.explanation.steps),
                       notes=("Salaires nets avant impôt sur le revenu.", *result.explanation.notes))
