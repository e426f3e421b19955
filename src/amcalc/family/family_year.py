"""L'année de la famille — the months added up, and the tax credit received the next year.

    yearly remains = Σ monthly remains
    net yearly cost = yearly remains − tax credit (CGI art. 200 quater B)

The expenses that count for the credit are, for each child, the net salary,
the contributions the family paid and the entretien, minus the CMG and the
employer aid; meals and kilometres are not care. The entretien is counted in
full by default; :attr:`MaintenanceInCredit.DAILY_FORFAIT` counts at most
2,65 € per day of activity declared (an old administrative reading).

>>> from amcalc.family import Care, Child, ChildcareCost, Household, family_month
>>> family = Household.of(resources="36000.00", dependent_children=1)
>>> child = Child.of(born="2024-03-15")
>>> months = [family_month(family, [Care(child, ChildcareCost.of(net_salary="606.25", hours="125"))],
...                        f"2025-{m:02d}") for m in (10, 11, 12)]
>>> year = family_year(months)
>>> year.remains, year.tax_credit.base, year.tax_credit.credit, year.net_cost
(Decimal('696.36'), Decimal('696.36'), Decimal('348.18'), Decimal('348.18'))
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum

import attrs

from amcalc import parameters
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, percent
from amcalc.family.family_month import ChildMonth, FamilyMonth
from amcalc.family.household import Child
from amcalc.family.tax_credit import AgeOnFirstJanuary, ChildcareTaxCredit, childcare_tax_credit

__all__ = ["FamilyYear", "MaintenanceInCredit", "family_year"]

ZERO = Decimal("0.00")


class MaintenanceInCredit(StrEnum):
    """How the entretien counts in the tax credit's expenses — an open point."""

    FULL = "full"
    """In full, as paid (the default)."""
    DAILY_FORFAIT = "daily_forfait"
    """At most 2,65 € per day of activity declared (2006 administrative instruction, unverified)."""


@attrs.frozen(kw_only=True)
class FamilyYear(Explained):
    """The family's year: its months, their totals, the tax credit and the net cost."""

    year: int
    months: tuple[FamilyMonth, ...]
    cost: Decimal
    cmg: Decimal
    employer_aid: Decimal
    remains: Decimal
    tax_credit: ChildcareTaxCredit
    net_cost: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def rows(self) -> list[dict[str, object]]:
        """One row per month (year, month, cost, CMG, employer aid, remains): ready for
        ``pyarrow.Table.from_pylist``, pandas or polars."""
        return [{"year": m.year, "month": m.month, "cost": m.cost, "cmg": m.cmg,
                 "employer_aid": m.employer_aid, "remains": m.remains} for m in self.months]


def _maintenance_counted(line: ChildMonth, rule: MaintenanceInCredit, year: int) -> Decimal:
    if rule is MaintenanceInCredit.FULL:
        return line.cost.maintenance
    if line.cost.declared_days is None:
        raise InvalidInput("declared_days", "le forfait d'entretien par jour demande les jours d'activité "
                           "déclarés de chaque mois.")
    per_day = parameters.get("childcare_tax_credit_maintenance_forfait").at(date(year, 12, 31)).value
    return min(line.cost.maintenance, per_day * line.cost.declared_days)


def tax_expenses(lines: Sequence[ChildMonth], rule: MaintenanceInCredit, year: int) -> Decimal:
    """A child's expenses borne over the year (CGI 200 quater B), never below zero."""
    borne = sum((line.cost.net_salary + line.contributions_not_taken_over
                 + _maintenance_counted(line, rule, year) - line.cmg.amount - line.employer_aid
                 for line in lines), ZERO)
    return max(borne, ZERO)


def family_year(months: Sequence[FamilyMonth], *, maintenance: MaintenanceInCredit = MaintenanceInCredit.FULL,
                age_rule: AgeOnFirstJanuary = AgeOnFirstJanuary.UNDER_SIX) -> FamilyYear:
    """The year of ``months`` (the family's months of one civil year, each once)."""
    if not months:
        raise InvalidInput("months", "au moins un mois est attendu.")
    year = months[0].year
    if any(m.year != year for m in months) or len({m.month for m in months}) != len(months):
        raise InvalidInput("months", "des mois distincts d'une même année civile sont attendus.")
    ordered = tuple(sorted(months, key=lambda m: m.month))
    by_child: dict[Child, list[ChildMonth]] = {}
    for month in ordered:
        for line in month.children:
            by_child.setdefault(line.child, []).append(line)
    credit = childcare_tax_credit(
        year, [(child, tax_expenses(lines, maintenance, year)) for child, lines in by_child.items()],
        age_rule=age_rule)
    total = {name: sum((getattr(m, name) for m in ordered), ZERO) for name in ("cost", "cmg", "employer_aid",
                                                                               "remains")}
    net = total["remains"] - credit.credit
    steps = [Step(f"Mois {m.month:02d}/{year}", f"{euros(m.cost)} − {euros(m.cmg)}"
                  + (f" − {euros(m.employer_aid)}" if m.employer_aid else ""), euros(m.remains))
             for m in ordered]
    steps += [
        Step("Reste à charge de l'année", " + ".join(euros(m.remains) for m in ordered), euros(total["remains"])),
        Step("Crédit d'impôt (versé l'année suivante)", f"{percent(credit.rate)} des dépenses retenues {euros(credit.base)}",
             euros(credit.credit), "CGI art. 200 quater B"),
        Step("Coût net de l'année", f"{euros(total['remains'])} − {euros(credit.credit)}", euros(net)),
    ]
    explanation = Explanation(
        title=f"Ce que la famille paie en {year}", reference="CSS art. L531-5 ; CGI art. 200 quater B",
        steps=tuple(steps), notes=credit.explanation.notes)
    return FamilyYear(year=year, months=ordered, cost=total["cost"], cmg=total["cmg"],
                      employer_aid=total["employer_aid"], remains=total["remains"], tax_credit=credit,
                      net_cost=net, explanation=explanation)
