"""Le crédit d'impôt pour frais de garde des jeunes enfants — CGI art. 200 quater B.

50 % of the expenses borne for the care outside the home of each child under
6 on 1 January of the income year, within a ceiling per child (2 300 € for
the income years 2006 to 2021, 3 500 € from 2022), halved for a child in
shared residence. The expenses borne are net of the CMG and of any employer
aid; meals are not care (the family's year works them out, see
:func:`amcalc.family.family_year`). The credit is paid the following year.

The service-public example (2019 incomes): 4 500 € paid to the AM, 3 500 € of
CMG, 1 000 € borne → 500 €:

>>> from datetime import date
>>> from amcalc.family import Child
>>> credit = childcare_tax_credit(2019, [(Child.of(born="2016-04-12"), "1000.00")])
>>> credit.base, credit.credit
(Decimal('1000.00'), Decimal('500.00'))
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc import parameters
from amcalc.errors import InvalidInput, ParameterUnavailable
from amcalc.explain import Explained, Explanation, ParameterUse, Step, euros, french_date, percent
from amcalc.family.household import Child
from amcalc.money import parse_money, round_to_cents

__all__ = ["AgeOnFirstJanuary", "ChildExpenses", "ChildcareTaxCredit", "childcare_tax_credit"]


class AgeOnFirstJanuary(StrEnum):
    """Which children count: the two readings differ only for a child born on 1 January."""

    UNDER_SIX = "under_six"
    """Strictly under 6 on 1 January of the income year (BOFiP BOI-IR-RICI-300 §30), the default."""
    BORN_IN_YEAR_MINUS_SIX = "born_in_year_minus_six"
    """Born in the year − 6 or later (service-public's wording)."""

    def counts(self, child: Child, year: int) -> bool:
        if self is AgeOnFirstJanuary.UNDER_SIX:
            return child.birthday(6) > date(year, 1, 1)
        return child.born.year >= year - 6


@attrs.frozen
class ChildExpenses:
    """One child's line: the expenses borne, the ceiling that applies and the part retained."""

    child: Child
    expenses: Decimal
    counts: bool
    ceiling: Decimal
    retained: Decimal


@attrs.frozen(kw_only=True)
class ChildcareTaxCredit(Explained):
    """The credit of an income year: ``base`` (expenses within the ceilings) × the rate."""

    year: int
    children: tuple[ChildExpenses, ...]
    rate: Decimal
    base: Decimal
    credit: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9998:
        raise InvalidInput("year", f"une année (nombre entier) est attendue, pas {year!r}.")
    return year


def _dated(name: str, year: int) -> tuple[parameters.Parameter, parameters.DatedValue]:
    parameter = parameters.get(name)
    try:
        return parameter, parameter.at(date(year, 12, 31))
    except ParameterUnavailable as err:
        raise ParameterUnavailable("year", err.message) from None


def childcare_tax_credit(
    year: int, children: Sequence[tuple[Child, object]], *,
    age_rule: AgeOnFirstJanuary = AgeOnFirstJanuary.UNDER_SIX,
) -> ChildcareTaxCredit:
    """The credit for the income ``year`` from each child's expenses borne (after CMG and
    employer aid): ``[(child, "1000.00"), …]``."""
    year = _year(year)
    rate_p, rate = _dated("childcare_tax_credit_rate", year)
    ceiling_p, ceiling = _dated("childcare_tax_credit_ceiling", year)
    lines = []
    for index, (child, amount) in enumerate(children):
        expenses = parse_money(amount, f"children[{index}].expenses")
        limit = ceiling.value / 2 if child.shared_residence else ceiling.value
        counts = age_rule.counts(child, year)
        lines.append(ChildExpenses(child, expenses, counts, limit, min(expenses, limit) if counts else
                                   Decimal("0.00")))
    base = sum((line.retained for line in lines), Decimal("0.00"))
    credit = round_to_cents(Fraction(base) * Fraction(rate.value))
    steps = [_line_step(index, line, year) for index, line in enumerate(lines)]
    steps.append(Step("Crédit d'impôt", f"{percent(rate.value)} × {euros(base)}", euros(credit),
                      "CGI art. 200 quater B"))
    explanation = Explanation(
        title=f"Crédit d'impôt pour frais de garde, revenus {year}",
        reference="CGI art. 200 quater B",
        steps=tuple(steps),
        parameters=(ParameterUse.of(rate_p, rate, "%"), ParameterUse.of(ceiling_p, ceiling, " €")),
        notes=("Le crédit est versé l'année suivante (avance de 60 % en janvier pour les bénéficiaires "
               "de l'année précédente), arrondi à l'euro par l'administration.",),
    )
    return ChildcareTaxCredit(year=year, children=tuple(lines), rate=rate.value, base=base, credit=credit,
                              explanation=explanation)


def _line_step(index: int, line: ChildExpenses, year: int) -> Step:
    label = f"Enfant {index + 1} (né le {french_date(line.child.born)})"
    if not line.counts:
        return Step(label, f"6 ans ou plus au 01/01/{year}", "non retenu", "CGI art. 200 quater B")
    shared = " (moitié : résidence alternée)" if line.child.shared_residence else ""
    return Step(label, f"dépenses {euros(line.expenses)}, plafond {euros(line.ceiling)}{shared}",
                euros(line.retained), "CGI art. 200 quater B")
