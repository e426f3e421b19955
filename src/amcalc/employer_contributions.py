"""Cotisations patronales — what a parent employer pays on top of the gross salary of an AM.

The CMG takes over every contribution, employer's and employee's, while the
pay per hour stays within its cap (CSS L531-5 II, D531-17 I); beyond it, or
without CMG, the family pays them. Each line is the gross × a dated rate,
rounded once, half-up to the cent, as the employee lines of
:mod:`amcalc.net_salary` (the same kernel):

- assurance maladie 13 %; vieillesse plafonnée 8,55 % and déplafonnée 2,02 %
  (2,11 % from 2026, CSS D242-4); allocations familiales 5,25 %;
- prévoyance IRCEM 1,20 % (CCN 3239 annexe 3); retraite complémentaire
  4,72 % and CEG 1,29 % (Agirc-Arrco tranche 1); assurance chômage 4,05 %,
  4,00 % from 1 May 2025.

Several rates are from secondary sources (their evidence tag says which);
the small lines (accidents du travail, FNAL, solidarité autonomie, formation
professionnelle, dialogue social) are not held: the total is a lower bound,
and the explanation says so.

>>> from datetime import date
>>> c = employer_contributions("100.00", date(2026, 2, 1))
>>> [line.amount for line in c.lines][:3], c.total
([Decimal('13.00'), Decimal('8.55'), Decimal('2.11')], Decimal('40.12'))
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from amcalc import parameters
from amcalc.explain import Explained, Explanation, ParameterUse, Step, euros, percent
from amcalc.money import parse_money, scaled, to_euros
from amcalc.net_salary import contribution_cents

__all__ = [
    "EMPLOYER_LINES", "EmployerContributions", "employer_contributions", "employer_rates", "employer_total_cents",
]

EMPLOYER_LINES = (
    ("employer_contribution_health", "CSS art. D242-3"),
    ("employer_contribution_old_age_capped", "CSS art. D242-4"),
    ("employer_contribution_old_age_uncapped", "CSS art. D242-4"),
    ("employer_contribution_family", "CSS art. D241-3-1"),
    ("employer_contribution_provident", "CCN 3239 annexe 3"),
    ("employer_contribution_complementary_pension", "ANI Agirc-Arrco du 17/11/2017"),
    ("employer_contribution_ceg", "ANI Agirc-Arrco du 17/11/2017"),
    ("employer_contribution_unemployment", "Convention d'assurance chômage"),
)
"""The employer lines held: (parameter, article)."""

NOT_HELD = ("Accidents du travail, FNAL, contribution solidarité autonomie, formation professionnelle et "
            "dialogue social ne sont pas comptés : le total est un minimum.")


@attrs.frozen
class EmployerLine:
    label: str
    rate: Decimal
    amount: Decimal


@attrs.frozen(kw_only=True)
class EmployerContributions(Explained):
    """The employer contributions on ``gross`` for a month starting on ``on``."""

    gross: Decimal
    on: date
    lines: tuple[EmployerLine, ...]
    total: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def employer_rates(on: date) -> list[tuple[parameters.Parameter, parameters.DatedValue, str]]:
    """The employer lines in force on ``on``: (parameter, dated rate, article)."""
    return [(parameters.get(name), parameters.get(name).at(on), article) for name, article in EMPLOYER_LINES]


def employer_total_cents(gross_cents: int, rates_ppm: list[int]) -> int:
    """The employer contributions in cents, each line rounded once (``rates_ppm``: the rates of
    :func:`employer_rates` in millionths). Runs on numpy arrays of gross pays unchanged."""
    return sum((contribution_cents(gross_cents, rate, 1_000_000) for rate in rates_ppm), 0)


def employer_contributions(gross: object, on: date) -> EmployerContributions:
    """The employer lines of an AM's gross salary ``gross`` (entretien, meals and
    kilometres are not salary) in force on ``on``."""
    amount = parse_money(gross, "gross_salary")
    cents = scaled(amount, 2, "gross_salary")
    used, lines = [], []
    for parameter, dated, article in employer_rates(on):
        line_cents = contribution_cents(cents, scaled(dated.value, 6, parameter.name), 1_000_000)
        lines.append((EmployerLine(parameter.label, dated.value, to_euros(line_cents)), article))
        used.append(ParameterUse.of(parameter, dated, "%"))
    total = sum((line.amount for line, _ in lines), Decimal("0.00"))
    steps = tuple(Step(line.label, f"{percent(line.rate)} × {euros(amount)}", euros(line.amount), article)
                  for line, article in lines)
    explanation = Explanation(
        title="Cotisations patronales du mois",
        reference="CSS art. D241-3-1, D242-3, D242-4 ; CCN 3239 annexe 3",
        steps=(*steps, Step("Total", " + ".join(euros(line.amount) for line, _ in lines), euros(total))),
        parameters=tuple(used),
        notes=(NOT_HELD,),
    )
    return EmployerContributions(gross=amount, on=on, lines=tuple(line for line, _ in lines), total=total,
                                 explanation=explanation)
