"""Acquisition des congés payés — days earned over a reference period
(CCN 3239 art. 48.1.1.2, 48.1.3.3; Code du travail L3141-3 to L3141-8).

2.5 jours ouvrables per month of work, or per 4 weeks or 24 days of work
(L3141-4), whatever the weekly hours; periods assimilated to work count as
work (rules.md §6.3). Since the law of 22 April 2024 (loi n° 2024-364, in
force on 24 April 2024) a month of non-professional sickness earns 2 days,
at most 24 days a period on that basis (L3141-5 7°, L3141-5-1). Fractions are
rounded up (L3141-7) and the total is capped at 30 days (L3141-3); an AM aged
21 or more gets 2 days per dependent child within those 30 days (L3141-8).

>>> a = acquired_leave(months_worked="6", sick_months="6")
>>> a.raw_days, a.sickness_days, a.acquired_days
(Fraction(15, 1), Fraction(12, 1), 27)
>>> acquired_leave(weeks_worked="19.2", dependent_children=1).acquired_days
14

Assimilated periods (count as work, in ``months_worked`` or
``assimilated_weeks``): paid leave, 1 May and chômé public holidays,
maternity, paternity and adoption leave, family events, the JDC, the
citizenship ceremony, prenatal examinations, unworked notice imposed by the
parent (CCN 3239 art. 48.1.1.2, 64.2), work accidents and occupational
diseases **without any one-year limit** since loi 2024-364 (L3141-5 5°; the
one-year limit still printed in CCN art. 49 is superseded), and paid child
absences (the AM is paid and available, CCN art. 105). Not assimilated:
unpaid personal leave, the AM's own child's sickness, full-time parental
leave, the complementary unpaid leave of art. 102.2.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, french_date, number
from amcalc.inputs import parse_choice, parse_date
from amcalc.money import parse_decimal
from amcalc.paid_leave.period import ReferencePeriod

__all__ = [
    "ANNUAL_CAP",
    "LAW_2024_364",
    "LeaveAcquisition",
    "LeaveMonthFraction",
    "acquired_leave",
    "acquired_leave_between",
    "contract_months",
    "days_text",
    "quantity",
    "round_up",
    "trimmed",
]

DAYS_PER_MONTH = Fraction(5, 2)  # CCN 3239 art. 48.1.1.2; Code du travail L3141-3
WEEKS_PER_MONTH = 4  # L3141-4: 4 weeks of work are a month
DAYS_OF_WORK_PER_MONTH = 24  # L3141-4: 24 days of work are a month
ANNUAL_CAP = 30  # L3141-3: 30 jours ouvrables a period
SICK_DAYS_PER_MONTH = 2  # L3141-5-1 (loi 2024-364)
SICK_CAP = 24  # L3141-5-1: days earned on that basis, per period
CHILD_DAYS = 2  # L3141-8, CCN 3239 art. 48.1.3.3
SHORT_LEAVE = 6  # L3141-8: under 21, one day per child when the leave is ≤ 6 days
LAW_2024_364 = date(2024, 4, 24)
"""Entry into force of loi n° 2024-364 du 22 avril 2024, art. 37 (sickness and CP)."""
_MAX_MONTHS = 12
_MAX_WEEKS = 53


def round_up(numerator: int, denominator: int) -> int:
    """Integer division rounded up (Code du travail L3141-7), for ints or numpy arrays."""
    return -(-numerator // denominator)


class LeaveMonthFraction(StrEnum):
    """How :func:`acquired_leave_between` counts the days after the last whole
    month. The law gives a month, 4 weeks or 24 days of work as equivalent
    (L3141-4) and says nothing of a part of a month [U]:

    - ``WORKING_DAYS`` (default): the jours ouvrables of the remainder (every
      day but Sunday; chômé holidays count, being assimilated to work) ÷ 24,
      at most one month;
    - ``CALENDAR_DAYS``: the calendar days of the remainder ÷ the days of that
      month.
    """

    WORKING_DAYS = "jours ouvrables / 24"
    CALENDAR_DAYS = "jours calendaires / jours du mois"


@attrs.frozen
class LeaveAcquisition(Explained):
    """Days of paid leave earned over a reference period.

    ``raw_days`` = 2.5 × months, or 2.5 × (weeks worked + assimilated) / 4,
    exact, before sickness days, children's days, the cap and rounding;
    ``sickness_days`` are the days earned by non-professional sickness (exact);
    ``ordinary_days`` is their sum rounded up and capped at 30;
    ``acquired_days`` adds the children's days.
    """

    months: Fraction | None
    weeks: Fraction | None
    raw_days: Fraction
    sickness_days: Fraction
    ordinary_days: int
    children_days: int
    acquired_days: int
    explanation: Explanation = attrs.field(eq=False, repr=False)


def quantity(value: object, field: str) -> Fraction:
    """A non-negative exact quantity (months, weeks) written as text, int or Decimal."""
    if value is None:
        return Fraction(0)
    if isinstance(value, (bool, float)):
        raise InvalidInput(field, "écrivez les durées en texte décimal (\"4.5\"), jamais en flottant.")
    if isinstance(value, Fraction):
        for part in (value.numerator, value.denominator):  # bounded like a written number
            parse_decimal(part, field)
        exact = value
    else:
        exact = Fraction(parse_decimal(value, field))
    if exact < 0:
        raise InvalidInput(field, f"une durée ne peut pas être négative ({value}).")
    return exact


def trimmed(value: Fraction | int) -> str:
    """A quantity in French with as many decimals as needed (up to 4): ``17,5``."""
    shown = number(Fraction(value), 4)
    return shown.rstrip("0").rstrip(",") if "," in shown else shown


def days_text(days: Fraction | int) -> str:
    """Days in French: ``17,5 j``."""
    return f"{trimmed(days)} j"


def acquired_leave(
    *,
    months_worked: object = None,
    weeks_worked: object = None,
    assimilated_weeks: object = None,
    sick_months: object = None,
    earlier_sick_months: object = None,
    retroactive_sickness: bool = False,
    dependent_children: int = 0,
    am_under_21: bool = False,
) -> LeaveAcquisition:
    """Congés payés acquis — days earned over one reference period (CCN 3239
    art. 48.1.1.2; Code du travail L3141-3 to L3141-8).

    Give ``months_worked`` (months of work or assimilated periods), or
    ``weeks_worked`` with optional ``assimilated_weeks`` (the usual count of a
    "46 semaines ou moins" contract). ``sick_months``: months of
    non-professional sickness on or after 24 April 2024, 2 days each within 24
    days (L3141-5-1); prorate a month that mixes work and sickness between the
    two counts [U]. ``earlier_sick_months``: sickness before 24 April 2024,
    which earns nothing unless ``retroactive_sickness`` is chosen (loi 2024-364
    art. 37 II: then 2 days a month, the period's total held to 24 days; claims
    of an AM still under contract were barred after 24 April 2026).
    ``dependent_children``: children under 15 on 30 April (or disabled) living
    in the AM's home; ``am_under_21`` for an AM under 21 on 30 April of the
    previous year (L3141-8).

    >>> acquired_leave(weeks_worked="44", assimilated_weeks="4").acquired_days
    30
    >>> acquired_leave(months_worked="7").explain().splitlines()[3]
    '- Jours acquis par le travail : 7 mois × 2,5 j = 17,5 j  [CCN 3239 art. 48.1.1.2 ; Code du travail L3141-3]'
    """
    if (months_worked is None) == (weeks_worked is None):
        raise InvalidInput(
            "months_worked",
            "indiquez soit les mois travaillés (months_worked), soit les semaines travaillées "
            "(weeks_worked) : 2,5 jours par mois ou par 4 semaines de travail (CT L3141-3, L3141-4).",
        )
    if months_worked is not None and assimilated_weeks is not None:
        raise InvalidInput(
            "assimilated_weeks",
            "en mois, comptez les périodes assimilées dans months_worked ; assimilated_weeks "
            "accompagne weeks_worked.",
        )
    children = _children(dependent_children)
    sick = quantity(sick_months, "sick_months")
    earlier_sick = quantity(earlier_sick_months, "earlier_sick_months")
    months, weeks, raw, worked_step = _days_for_work(months_worked, weeks_worked, assimilated_weeks,
                                                     sick + earlier_sick)
    sickness, steps, notes = _days_for_sickness(sick, earlier_sick, retroactive_sickness, raw)
    steps.insert(0, worked_step)
    total = raw + sickness
    ordinary = min(ANNUAL_CAP, round_up(total.numerator, total.denominator))
    steps.append(Step("Congés acquis", f"{days_text(total)} arrondis à l'entier supérieur, "
                      "plafond 30 j", days_text(ordinary), "Code du travail L3141-7, L3141-3"))
    children_days, acquired = _with_children(ordinary, children, am_under_21, steps)
    if sick.denominator != 1:
        notes.append("Mois mêlant travail et maladie : 2,5 j et 2 j sont proratisés [U].")
    explanation = Explanation(
        title="Congés payés acquis sur la période de référence",
        reference="CCN 3239 art. 48.1.1.2 ; Code du travail L3141-3 à L3141-8",
        steps=tuple(steps),
        notes=tuple(notes),
    )
    return LeaveAcquisition(months, weeks, raw, sickness, ordinary, children_days, acquired,
                            explanation)


def _days_for_work(months_worked: object, weeks_worked: object, assimilated_weeks: object, sick: Fraction
                   ) -> tuple[Fraction | None, Fraction | None, Fraction, Step]:
    """The days earned by work: 2.5 a month (Code du travail L3141-3), or a 4 weeks' worth of
    work (L3141-4); the months, the weeks, the days and their step."""
    if months_worked is not None:
        months = quantity(months_worked, "months_worked")
        if months + sick > _MAX_MONTHS:
            raise InvalidInput(
                "months_worked",
                "une période de référence compte au plus 12 mois (1er juin – 31 mai, CCN 3239 "
                "art. 48.1.1.1), maladie comprise.",
            )
        raw = DAYS_PER_MONTH * months
        return months, None, raw, Step("Jours acquis par le travail", f"{trimmed(months)} mois × 2,5 j",
                                       days_text(raw), "CCN 3239 art. 48.1.1.2 ; Code du travail L3141-3")
    worked = quantity(weeks_worked, "weeks_worked")
    assimilated = quantity(assimilated_weeks, "assimilated_weeks")
    weeks = worked + assimilated
    if weeks > _MAX_WEEKS:
        raise InvalidInput("weeks_worked", "une période de référence compte au plus 53 semaines.")
    raw = DAYS_PER_MONTH * weeks / WEEKS_PER_MONTH
    terms = (f"({trimmed(worked)} sem. travaillées + {trimmed(assimilated)} sem. "
             "assimilées)" if assimilated else f"{trimmed(worked)} sem. travaillées")
    return None, weeks, raw, Step("Jours acquis par le travail", f"{terms} / 4 × 2,5 j", days_text(raw),
                                  "CCN 3239 art. 48.1.1.2 ; Code du travail L3141-4")


def _days_for_sickness(sick: Fraction, earlier_sick: Fraction, retroactive: bool, worked_days: Fraction
                       ) -> tuple[Fraction, list[Step], list[str]]:
    """The days earned during non-professional sickness: 2 a month within 24 days (Code du
    travail L3141-5-1); before 24 April 2024 only if the AM claims them (loi n° 2024-364
    art. 37 II, the period's total held to 24 days). The days, their steps and notes."""
    steps: list[Step] = []
    notes: list[str] = []
    sickness = min(Fraction(SICK_CAP), SICK_DAYS_PER_MONTH * sick)
    if sick:
        steps.append(Step("Jours acquis pendant la maladie non professionnelle",
                          f"{trimmed(sick)} mois × 2 j, plafond 24 j", days_text(sickness),
                          "Code du travail L3141-5 7°, L3141-5-1"))
    if earlier_sick and retroactive:
        room = max(Fraction(0), SICK_CAP - worked_days - sickness)  # period total ≤ 24 days
        earlier = min(room, SICK_DAYS_PER_MONTH * earlier_sick)
        sickness += earlier
        steps.append(Step("Maladie avant le 24/04/2024 (rétroactivité)",
                          f"{trimmed(earlier_sick)} mois × 2 j, total de la période "
                          "limité à 24 j", days_text(earlier), "loi n° 2024-364 art. 37 II"))
    elif earlier_sick:
        notes.append(
            f"{trimmed(earlier_sick)} mois de maladie avant le 24/04/2024 n'ouvrent "
            "aucun droit : la loi n° 2024-364 ne s'applique à ces périodes que si le salarié "
            "le réclame (option retroactive_sickness, art. 37 II ; réclamation forclose le "
            "24/04/2026 pour un contrat en cours)."
        )
    return sickness, steps, notes


def _children(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput("dependent_children", f"un nombre entier d'enfants est attendu ({value!r}).")
    return value


def _with_children(ordinary: int, children: int, under_21: bool, steps: list[Step]) -> tuple[int, int]:
    """Extra days for dependent children (L3141-8), added after rounding: they are whole days."""
    if not children:
        return 0, ordinary
    if under_21:
        per_child = 1 if ordinary <= SHORT_LEAVE else CHILD_DAYS
        extra = per_child * children
        steps.append(Step("Jours pour enfants à charge (moins de 21 ans)",
                          f"{children} × {per_child} j, sans plafond", days_text(extra),
                          "Code du travail L3141-8 ; CCN 3239 art. 48.1.3.3"))
        return extra, ordinary + extra
    extra = min(CHILD_DAYS * children, ANNUAL_CAP - ordinary)
    steps.append(Step("Jours pour enfants à charge", f"{children} × 2 j, total plafonné à 30 j",
                      days_text(extra), "Code du travail L3141-8 ; CCN 3239 art. 48.1.3.3"))
    return extra, ordinary + extra


def contract_months(
    first: date, last: date, month_fraction: LeaveMonthFraction = LeaveMonthFraction.WORKING_DAYS
) -> Fraction:
    """Mois de travail — months from ``first`` to ``last`` inclusive (Code du
    travail L3141-4): whole months counted from ``first`` (1 Sept → 31 May is
    9 months), then the remainder per ``month_fraction`` ([U]).

    >>> contract_months(date(2024, 9, 1), date(2025, 5, 31))
    Fraction(9, 1)
    >>> contract_months(date(2025, 1, 15), date(2025, 2, 28))
    Fraction(3, 2)
    """
    first, last = parse_date(first, "first"), parse_date(last, "last")
    month_fraction = parse_choice(LeaveMonthFraction, month_fraction, "month_fraction")
    if last < first:
        raise InvalidInput("end", "la fin précède le début.")
    whole = 0
    while first + relativedelta(months=whole + 1) <= last + timedelta(days=1):
        whole += 1
    start = first + relativedelta(months=whole)
    if start > last:
        return Fraction(whole)
    if month_fraction is LeaveMonthFraction.CALENDAR_DAYS:
        month_length = (first + relativedelta(months=whole + 1) - start).days
        return whole + Fraction((last - start).days + 1, month_length)
    days = sum(1 for n in range((last - start).days + 1) if (start + timedelta(days=n)).weekday() != 6)
    return whole + min(Fraction(1), Fraction(days, DAYS_OF_WORK_PER_MONTH))


def acquired_leave_between(
    first: date,
    last: date,
    *,
    month_fraction: LeaveMonthFraction = LeaveMonthFraction.WORKING_DAYS,
    sick_months: object = None,
    earlier_sick_months: object = None,
    retroactive_sickness: bool = False,
    dependent_children: int = 0,
    am_under_21: bool = False,
) -> LeaveAcquisition:
    """Congés payés acquis entre deux dates — from ``first`` to ``last``, two days
    of one reference period, every day worked or assimilated except the sick
    months given (CCN 3239 art. 48.1.1.2; Code du travail L3141-4).

    >>> acquired_leave_between(date(2024, 9, 1), date(2025, 5, 31)).acquired_days
    23
    """
    first, last = parse_date(first, "first"), parse_date(last, "last")
    period = ReferencePeriod(first, last)
    months = contract_months(first, last, month_fraction)
    sick = quantity(sick_months, "sick_months") + quantity(earlier_sick_months, "earlier_sick_months")
    if sick > months:
        raise InvalidInput("sick_months", "plus de mois de maladie que de mois de contrat.")
    result = acquired_leave(
        months_worked=months - sick, sick_months=sick_months, earlier_sick_months=earlier_sick_months,
        retroactive_sickness=retroactive_sickness, dependent_children=dependent_children,
        am_under_21=am_under_21,
    )
    step = Step("Mois de contrat", f"du {french_date(first)} au {french_date(last)} "
                f"(reste du dernier mois : {month_fraction})", f"{trimmed(months)} mois",
                "Code du travail L3141-4")
    notes = result.explanation.notes
    if months.denominator != 1:
        notes += (f"Le reste d'un mois incomplet est compté en {month_fraction} : la loi n'en dit "
                  "rien (option month_fraction) [U].",)
    explanation = attrs.evolve(
        result.explanation, title=f"Congés payés acquis {period.label}",
        steps=(step, *result.explanation.steps), notes=notes,
    )
    return attrs.evolve(result, explanation=explanation)
