"""Impôt sur le revenu de l'assistant maternel — the special regime of CGI art. 80 sexies next
to the ordinary one.

**Special regime**: she declares her salaries **plus** the entretien and
hosting indemnities and the meals (a benefit in kind), **minus** a forfait per
child and per day of *actual* care: 3 × the SMIC horaire for a day of 8 h or
more, 4 × for a child giving a majoration of pay (CASF L423-13) or for a
24-hour day, 5 × for both; a shorter day gives the forfait × hours ÷ 8. Days
of paid leave, chômé holidays and paid absences are not days of care. The
deduction never exceeds the sums received.

**Ordinary regime**: the salary alone, the indemnities not declared.

Both then take the 10 % deduction for professional expenses (CGI art. 83, 3°,
with its floor and ceiling). The better regime is the lower taxable income.
The declared amount goes in box 1AA (salaries paid by a particulier; 1BA for
the second declarant), the special deduction in box 1GA (1HA).

Two points the law leaves open are named options:

- :class:`SmicDate`: the SMIC of the day of care (default, impots.gouv for
  2023 incomes) or of the month of payment (the month after, some guides);
- :class:`ShortDayBasis`: a day under 8 h prorated on 8 h (default) or on the
  9-hour usual day of CCN 3239 art. 96.1 (Conseil d'État, 13/09/2021, n° 445544).

>>> r = special_regime([CareDays.of("2024-02", days=18, hours="9"),
...                     CareDays.of("2024-02", days=2, hours="24", factor=4)], received="2500.00")
>>> r.deduction, r.taxable
(Decimal('722.30'), Decimal('1777.70'))
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta

from amcalc import parameters
from amcalc.am.agrement import whole_number
from amcalc.duration import SECONDS_PER_HOUR, format_hours, parse_hours
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, ParameterUse, Step, euros, number
from amcalc.inputs import parse_month
from amcalc.money import parse_money, round_to_cents

__all__ = [
    "FACTOR_MAJORATED_OR_24H",
    "FACTOR_STANDARD",
    "CareDays",
    "IncomeTax",
    "ShortDayBasis",
    "SmicDate",
    "SpecialRegime",
    "TaxRegime",
    "expenses_deduction",
    "income_tax",
    "special_regime",
]

FACTOR_STANDARD = 3
"""× SMIC horaire per child and per day of 8 h or more (CGI art. 80 sexies)."""
FACTOR_MAJORATED_OR_24H = 4
"""× SMIC horaire for a child giving a majoration of pay or a 24-hour day; 5 for both."""
FULL_DAY_SECONDS = 8 * SECONDS_PER_HOUR
EXPENSES_RATE = Fraction(1, 10)  # CGI art. 83, 3°
_REFERENCE = "CGI art. 80 sexies"


class SmicDate(StrEnum):
    """Which SMIC horaire values a day of care (family-am-mam.md B.1, open point).

    ``DAY_OF_CARE`` (default): the SMIC in force on the day of care (impots.gouv for
    2023 incomes). ``MONTH_OF_PAYMENT``: the SMIC of the month the care is paid, taken
    as the month after the care (some guides; not verified)."""

    DAY_OF_CARE = "day_of_care"
    MONTH_OF_PAYMENT = "month_of_payment"


class ShortDayBasis(StrEnum):
    """How a day of less than 8 h is prorated (open point).

    ``EIGHT_HOURS`` (default): forfait × hours ÷ 8 (service-public, impots.gouv).
    ``CONVENTION_DAY``: forfait × hours ÷ 9, the usual day of CCN 3239 art. 96.1
    (Conseil d'État, 13/09/2021, n° 445544); a day of 8 h or more keeps the whole forfait."""

    EIGHT_HOURS = "eight_hours"
    CONVENTION_DAY = "convention_day"

    @property
    def divisor_seconds(self) -> int:
        return FULL_DAY_SECONDS if self is ShortDayBasis.EIGHT_HOURS else 9 * SECONDS_PER_HOUR


SMIC_DATE_WORDS = {SmicDate.DAY_OF_CARE: "celui du jour de garde",
                   SmicDate.MONTH_OF_PAYMENT: "celui du mois du paiement (le mois suivant la garde)"}
SHORT_DAY_WORDS = {ShortDayBasis.EIGHT_HOURS: "forfait × heures ÷ 8",
                   ShortDayBasis.CONVENTION_DAY: "forfait × heures ÷ 9 (journée habituelle de la convention)"}


class TaxRegime(StrEnum):
    ORDINARY = "ordinary"
    SPECIAL = "special"


@attrs.frozen(kw_only=True)
class CareDays:
    """``days`` of actual care of one child in a month (``year``, ``month``), each of
    ``seconds``, with the forfait's ``factor`` (3, 4 or 5)."""

    year: int
    month: int
    days: int
    seconds: int
    factor: int = FACTOR_STANDARD

    @classmethod
    def of(cls, month: object, *, days: object, hours: object, factor: object = FACTOR_STANDARD,
           field: str = "care") -> CareDays:
        """From scenario values: ``CareDays.of("2025-03", days=16, hours="9")``."""
        if not isinstance(month, str):
            raise InvalidInput(f"{field}.month", f"un mois \"AAAA-MM\" est attendu ({month!r}).")
        year, number_ = parse_month(month)
        count = whole_number(days, f"{field}.days")
        if count > _stdlib_calendar.monthrange(year, number_)[1]:
            raise InvalidInput(f"{field}.days", f"{count} jours de garde en un mois est impossible.")
        seconds = parse_hours(hours, f"{field}.hours")
        if not 0 < seconds <= 24 * SECONDS_PER_HOUR:
            raise InvalidInput(f"{field}.hours", f"une journée de garde dure de 0 à 24 h ({hours}).")
        if isinstance(factor, bool) or factor not in (3, 4, 5):
            raise InvalidInput(f"{field}.factor", f"3, 4 ou 5 fois le SMIC horaire ({factor!r}).")
        return cls(year=year, month=number_, days=count, seconds=seconds, factor=factor)

    def smic_day(self, smic_date: SmicDate) -> date:
        """The day whose SMIC applies (SMIC changes fall on the first of a month)."""
        first = date(self.year, self.month, 1)
        return first if smic_date is SmicDate.DAY_OF_CARE else first + relativedelta(months=1)

    def share(self, basis: ShortDayBasis) -> Fraction:
        """The part of the day's forfait: 1 from 8 h, else hours ÷ the basis."""
        if self.seconds >= FULL_DAY_SECONDS:
            return Fraction(1)
        return Fraction(self.seconds, basis.divisor_seconds)


@attrs.frozen(kw_only=True)
class SpecialRegime(Explained):
    """The special regime: the ``forfait`` (Σ days × factor × SMIC × share, rounded once),
    the ``deduction`` (the forfait within the sums ``received``) and the ``taxable`` rest."""

    received: Decimal
    forfait: Decimal
    deduction: Decimal
    taxable: Decimal
    days: int
    explanation: Explanation = attrs.field(eq=False, repr=False)


def special_regime(care: Iterable[CareDays], received: object, *,
                   smic_date: SmicDate = SmicDate.DAY_OF_CARE,
                   short_day: ShortDayBasis = ShortDayBasis.EIGHT_HOURS) -> SpecialRegime:
    """Régime spécial des assistants maternels (CGI art. 80 sexies): ``received`` = salaries
    + indemnities + meals of the year; ``care`` = the days of actual care."""
    total_received = parse_money(received, "received")
    smic = parameters.get("smic_horaire")
    exact = Fraction(0)
    steps: list[Step] = []
    uses: dict[date, ParameterUse] = {}
    rows = tuple(care)
    for row in rows:
        dated = smic.at(row.smic_day(smic_date))
        uses[dated.start] = ParameterUse.of(smic, dated, " €")
        line = row.days * row.factor * Fraction(dated.value) * row.share(short_day)
        exact += line
        steps.append(Step(f"{row.year}-{row.month:02d} : {row.days} jours de {format_hours(row.seconds)}",
                          f"{row.days} × {row.factor} × {euros(dated.value)}"
                          + ("" if row.share(short_day) == 1 else f" × {number(row.share(short_day), 4)}"),
                          euros(line), _REFERENCE))
    forfait = round_to_cents(exact)
    lines = [step.result for step in steps]
    deduction = min(forfait, total_received)
    taxable = total_received - deduction
    steps += [
        Step("Somme forfaitaire", (" + ".join(lines) or "aucun jour de garde") + ", arrondi une fois",
             euros(forfait), _REFERENCE),
        Step("Abattement", f"au plus les sommes perçues ({euros(total_received)})", euros(deduction),
             _REFERENCE),
        Step("Montant imposable", f"{euros(total_received)} − {euros(deduction)}", euros(taxable), _REFERENCE),
    ]
    notes = (f"SMIC retenu : {SMIC_DATE_WORDS[smic_date]} ; journée de moins de 8 h : "
             f"{SHORT_DAY_WORDS[short_day]}.",
             "Seuls les jours d'accueil effectif comptent : ni congés payés, ni jours fériés chômés, "
             "ni absences rémunérées (les jours déclarés à Pajemploi ne sont pas des jours de garde).")
    explanation = Explanation("Régime spécial des assistants maternels", _REFERENCE, tuple(steps),
                              tuple(uses.values()), notes)
    return SpecialRegime(received=total_received, forfait=forfait, deduction=deduction, taxable=taxable,
                         days=sum(r.days for r in rows), explanation=explanation)


def expenses_deduction(amount: Decimal, year: int) -> Decimal:
    """Déduction forfaitaire de 10 % (CGI art. 83, 3°): 10 % of ``amount``, within the floor and
    ceiling of the incomes of ``year``, never more than ``amount``.

    >>> expenses_deduction(Decimal("20000.00"), 2024), expenses_deduction(Decimal("3000.00"), 2024)
    (Decimal('2000.00'), Decimal('504.00'))
    """
    on = date(year, 1, 1)
    floor = parameters.get("salary_expenses_deduction_floor").at(on).value
    ceiling = parameters.get("salary_expenses_deduction_ceiling").at(on).value
    tenth = round_to_cents(Fraction(amount) * EXPENSES_RATE)
    return min(amount, max(floor, min(tenth, ceiling))).quantize(Decimal("0.01"))


@attrs.frozen(kw_only=True)
class IncomeTax(Explained):
    """Both regimes side by side for ``year``: the amounts declared, their 10 % deduction, the
    taxable incomes, the ``better`` regime and the ``boxes`` of the return it fills."""

    year: int
    ordinary_declared: Decimal
    ordinary_taxable: Decimal
    special: SpecialRegime
    special_taxable: Decimal
    better: TaxRegime
    boxes: tuple[tuple[str, Decimal], ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)


def income_tax(year: int, *, salary: object, indemnities: object, meals: object = "0",
               care: Iterable[CareDays], smic_date: SmicDate = SmicDate.DAY_OF_CARE,
               short_day: ShortDayBasis = ShortDayBasis.EIGHT_HOURS) -> IncomeTax:
    """Son impôt sur le revenu (CGI art. 80 sexies, 83 3°): ``salary`` = the taxable salaries of
    ``year``, ``indemnities`` = entretien and hosting indemnities, ``meals`` = the meals the
    parents provided, valued as a benefit in kind; ``care`` = the days of actual care."""
    rows = tuple(care)
    if any(r.year != year for r in rows):
        raise InvalidInput("care", f"les jours de garde doivent être de l'année {year}.")
    taxable_salary = parse_money(salary, "salary")
    received = taxable_salary + parse_money(indemnities, "indemnities") + parse_money(meals, "meals")
    special = special_regime(rows, received, smic_date=smic_date, short_day=short_day)
    ordinary_taxable = taxable_salary - expenses_deduction(taxable_salary, year)
    special_taxable = special.taxable - expenses_deduction(special.taxable, year)
    better = TaxRegime.SPECIAL if special_taxable < ordinary_taxable else TaxRegime.ORDINARY
    boxes = ((("1AA", special.taxable), ("1GA", special.deduction)) if better is TaxRegime.SPECIAL
             else (("1AA", taxable_salary),))
    steps = (
        Step("Régime ordinaire : salaires déclarés", "salaires imposables indiqués, sans les indemnités",
             euros(taxable_salary),
             "CGI art. 79"),
        Step("Régime ordinaire : après la déduction de 10 %", f"{euros(taxable_salary)} − "
             f"{euros(expenses_deduction(taxable_salary, year))}", euros(ordinary_taxable), "CGI art. 83, 3°"),
        Step("Régime spécial : sommes perçues − abattement", f"{euros(received)} − {euros(special.deduction)}",
             euros(special.taxable), _REFERENCE),
        Step("Régime spécial : après la déduction de 10 %", f"{euros(special.taxable)} − "
             f"{euros(expenses_deduction(special.taxable, year))}", euros(special_taxable), "CGI art. 83, 3°"),
        Step("Régime le plus favorable", "le revenu imposable le plus bas",
             "spécial" if better is TaxRegime.SPECIAL else "ordinaire"),
        *(Step(f"Case {box}", "déclarant 1 (1BA et 1HA pour le déclarant 2)", euros(amount)) for box, amount in boxes),
    )
    on = date(year, 1, 1)
    uses = tuple(ParameterUse.of(p, p.at(on), " €") for p in (
        parameters.get("salary_expenses_deduction_floor"), parameters.get("salary_expenses_deduction_ceiling")))
    notes = special.explanation.notes
    if any(use.start.year < year for use in uses):
        notes += (f"Le plancher et le plafond de la déduction de 10 % des revenus {year} ne sont pas encore "
                  f"connus d'amcalc : ceux des revenus {uses[0].start.year} sont appliqués.",)
    explanation = Explanation(f"Impôt sur le revenu {year} de l'assistant maternel : deux régimes",
                              "CGI art. 80 sexies, 83", steps, uses, notes)
    return IncomeTax(year=year, ordinary_declared=taxable_salary, ordinary_taxable=ordinary_taxable,
                     special=special, special_taxable=special_taxable, better=better, boxes=boxes,
                     explanation=explanation)
