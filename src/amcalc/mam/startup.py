"""Le plan de démarrage — the investment of opening a MAM and how it is financed.

The investment (works and equipment) is financed by the CAF's aids, the AMs'
PALA loans and their own funds:

- the **aide au démarrage**, once per MAM (3 000 € from the Cnaf circular of
  6 April 2016, 6 000 € from 2024), for its equipment; it is not cumulable with
  the investment aid per place;
- the **prime d'installation**, once per AM agréée for the first time (300 €,
  600 € where the commune's coverage is below the departmental average, for
  requests until 30 June 2023; 1 200 € everywhere from 1 July 2023);
- each AM's **PALA** (:func:`amcalc.mam.pala_loan`): together they finance at
  most 80 % of the works; their instalments come in each AM's month
  (:func:`amcalc.mam.mam_month`).

The aids are looked up on the day the MAM opens (``opening_on``), when they
are requested.

>>> from amcalc.mam import MamMember, pala_loan
>>> loan = pala_loan("8000.00", works="10000.00", granted_on="2025-06-10")
>>> members = [MamMember.of(name="Anne", places=4, first_agrement=True, loan=loan),
...            MamMember.of(name="Béa", places=4)]
>>> plan = startup_plan(works="10000.00", equipment="9000.00", members=members, opening_on="2025-09-01")
>>> plan.aids, plan.loans, plan.to_finance
(Decimal('7200.00'), Decimal('8000.00'), Decimal('3800.00'))
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc import parameters
from amcalc.errors import LegalLimitExceeded
from amcalc.explain import Explained, Explanation, ParameterUse, Step, euros, percent
from amcalc.inputs import parse_date, parse_flag
from amcalc.mam.charges_split import check_members
from amcalc.mam.member import MamMember
from amcalc.money import parse_money

__all__ = ["StartupPlan", "startup_plan"]

ZERO = Decimal("0.00")
STARTUP_REFERENCE = ("Aides de la CAF aux MAM et aux assistants maternels (circulaires Cnaf du 6 avril 2016 et "
                     "du 8 février 2024 ; prime d'installation) ; CSS art. L542-9 2°, D542-36, D542-37 (PALA)")


@attrs.frozen(kw_only=True)
class StartupPlan(Explained):
    """The opening's money: ``investment`` = works + equipment, financed by ``aids``
    (``startup_aid`` + each AM's ``installation_premiums``), ``loans`` and ``own_funds``;
    ``to_finance`` is what is still missing, ``surplus`` what is left over."""

    works: Decimal
    equipment: Decimal
    investment: Decimal
    startup_aid: Decimal
    installation_premiums: tuple[tuple[str, Decimal], ...]
    aids: Decimal
    loans: Decimal
    own_funds: Decimal
    to_finance: Decimal
    surplus: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def startup_plan(*, works: object, equipment: object, members: Sequence[MamMember], opening_on: object,
                 startup_aid: object = True, low_coverage: object = False, own_funds: object = "0") -> StartupPlan:
    """The plan of a MAM opening on ``opening_on`` (see the module). ``startup_aid``: the MAM
    asks for the aide au démarrage (not if it takes the investment aid per place);
    ``low_coverage``: its commune's coverage is below the departmental average (the
    higher prime d'installation before 1 July 2023)."""
    members = list(members)
    check_members(members)
    day = parse_date(opening_on, "opening_on")
    cost, kit, own = (parse_money(v, f) for v, f in ((works, "works"), (equipment, "equipment"),
                                                     (own_funds, "own_funds")))
    used: list[ParameterUse] = []
    aid = ZERO
    if parse_flag(startup_aid, "startup_aid"):
        aid = _looked_up("mam_startup_aid", day, used)
    premium_name = "installation_premium_low_coverage" if parse_flag(low_coverage, "low_coverage") \
        else "installation_premium"
    firsts = [m.name for m in members if m.first_agrement]
    premium = _looked_up(premium_name, day, used) if firsts else ZERO
    loans = sum((m.loan.amount for m in members if m.loan), ZERO)
    _check_loans(loans, cost, day)
    aids = aid + premium * len(firsts)
    balance = aids + loans + own - cost - kit
    steps = _steps(members, cost, kit, aid, premium, firsts, own, balance)
    explanation = Explanation(title=f"Plan de démarrage de la MAM (ouverture le {day:%d/%m/%Y})",
                              reference=STARTUP_REFERENCE, steps=steps, parameters=tuple(used),
                              notes=_notes(members, aid))
    return StartupPlan(works=cost, equipment=kit, investment=cost + kit, startup_aid=aid,
                       installation_premiums=tuple((name, premium) for name in firsts), aids=aids, loans=loans,
                       own_funds=own, to_finance=max(-balance, ZERO), surplus=max(balance, ZERO),
                       explanation=explanation)


def _looked_up(name: str, day: date, used: list[ParameterUse]) -> Decimal:
    parameter = parameters.get(name)
    dated = parameter.at(day)
    used.append(ParameterUse.of(parameter, dated, " €"))
    return dated.value.quantize(ZERO)


def _check_loans(loans: Decimal, works: Decimal, day: date) -> None:
    if not loans:
        return
    share = parameters.get("pala_works_share").at(day).value
    if Fraction(loans) > Fraction(works) * Fraction(share):
        raise LegalLimitExceeded("members", f"les PALA des assistantes ({euros(loans)}) dépassent ensemble "
                                            f"{percent(share)} du coût des travaux ({euros(works)}) (CSS art. D542-36).")


def _steps(members: list[MamMember], works: Decimal, kit: Decimal, aid: Decimal, premium: Decimal,
           firsts: list[str], own: Decimal, balance: Decimal) -> tuple[Step, ...]:
    steps = [Step("Investissement", f"travaux {euros(works)} + équipement {euros(kit)}", euros(works + kit))]
    if aid:
        steps.append(Step("Aide au démarrage de la MAM", f"1 × {euros(aid)} (une par MAM)", euros(aid)))
    for name in firsts:
        steps.append(Step(f"Prime d'installation de {name}", f"1 × {euros(premium)} (premier agrément)",
                          euros(premium)))
    for member in members:
        if member.loan:
            loan = member.loan
            steps.append(Step(f"PALA de {member.name}", f"{loan.instalments} mensualités de "
                              f"{euros(loan.regular_instalment)} (dernière {euros(loan.last_instalment)}) à partir "
                              f"de {loan.first_month[1]:02d}/{loan.first_month[0]}", euros(loan.amount),
                              "CSS art. D542-37"))
    if own:
        steps.append(Step("Apport personnel", "fonds propres des assistantes", euros(own)))
    resources = " + ".join(s.result for s in steps[1:]) or "0,00 €"
    label, shown = ("Excédent", balance) if balance >= 0 else ("Reste à financer", -balance)
    steps.append(Step(label, f"{resources} − {euros(works + kit)}" if balance >= 0
                      else f"{euros(works + kit)} − ({resources})", euros(shown)))
    return tuple(steps)


def _notes(members: list[MamMember], aid: Decimal) -> tuple[str, ...]:
    notes = []
    if aid:
        notes.append("L'aide au démarrage n'est pas cumulable avec l'aide à l'investissement par place ; "
                     "elle est versée à la MAM, la prime d'installation à chaque assistante.")
    if any(m.loan for m in members):
        notes.append("Chaque PALA est un prêt personnel de l'assistante, sans intérêt : sa mensualité compte "
                     "dans son mois à la MAM.")
    return tuple(notes)
