"""La paie du mois — :func:`month_pay` puts the month together (CCN 3239 art. 47, 96, 101, 105,
109–111, 114): the month walked day by day, the art. 105 illness days, the base salary and its
deduction, extra hours and worked holidays, the gross and the net salary, the indemnities,
the Pajemploi figures, the working-time warnings and the ledger for the next month; and its
explanation in French, written when it is first read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.calendar import Territory
from amcalc.child_illness import IllnessDay, LongAbsenceRule
from amcalc.contract import Contract
from amcalc.contract_sheet import contract_header
from amcalc.duration import SECONDS_PER_HOUR, format_hours
from amcalc.explain import UNTRACED, Explained, Explanation, Step, euros, explained_later, french_date, rate
from amcalc.minimum_rate import check_rate
from amcalc.money import half_up_div, scaled, to_euros
from amcalc.month.events import Absence, MonthLedger, PartialMonth
from amcalc.month.extra_pay import (
    ExtraHoursPay,
    HolidayPay,
    extra_hours_pay,
    extra_hours_steps,
    week_step,
    worked_holidays_pay,
)
from amcalc.month.indemnities import indemnity_line, indemnity_steps, maintenance_uses, month_maintenance
from amcalc.month.pajemploi import PajemploiFigures, activity_days_declared, declared_days_formula, pajemploi_section
from amcalc.month.salary import MonthDays, SalaryBase, salary_base, salary_steps
from amcalc.month.unpaid_days import absence_steps, child_illness_days
from amcalc.month.walk import MonthWalk, month_bounds, walk_month
from amcalc.month.working_time import weekly_history, working_time_warnings
from amcalc.net_salary import NetSalary, net_salary_of_cents

__all__ = ["MonthPay", "month_pay"]


@attrs.frozen(kw_only=True)
class MonthPay(Explained):
    """A contract's month: salary lines, indemnities, Pajemploi figures, warnings.

    ``care_days``: the days of actual care of the month and the seconds worked each
    (chômé holidays, absences and paid leave left out), as the day-by-day walk found them.
    """

    year: int
    month: int
    base_salary: Decimal
    scheduled_hours: Fraction
    scheduled_days: int
    absent_units: Fraction
    absence_deduction: Decimal
    complementary_hours: Fraction
    complementary_pay: Decimal
    majorated_hours: Fraction
    majorated_pay: Decimal
    holiday_pay: Decimal
    gross_salary: Decimal
    net_salary: Decimal
    net_detail: NetSalary
    maintenance: Decimal
    meals: Decimal
    mileage: Decimal
    worked_hours: Fraction
    care_days: tuple[tuple[date, int], ...]
    pajemploi: PajemploiFigures
    warnings: tuple[str, ...]
    illness_days: tuple[IllnessDay, ...]
    resume_or_end_on: date | None
    ledger: MonthLedger
    explanation: Explanation = attrs.field(eq=False, repr=False)


def month_pay(
    contract: Contract,
    month: str | tuple[int, int],
    *,
    absences: Iterable[Absence] = (),
    worked_weeks: Mapping[date, object] | None = None,
    worked_days: Mapping[date, object] | None = None,
    non_care_weeks: Iterable[date] = (),
    worked_holidays: Iterable[date] = (),
    rhythm_weeks: Mapping[date, int] | None = None,
    meals: int = 0,
    meal_price: object = 0,
    kilometres: object = 0,
    mileage_rate: object = 0,
    ledger: MonthLedger | None = None,
    partial_month: PartialMonth = PartialMonth.PRORATA,
    illness_rule: LongAbsenceRule = LongAbsenceRule.FOURTEEN_DAYS,
    one_long_absence_per_year: bool = True,
    trace: bool = True,
) -> MonthPay:
    """Le mois d'un contrat : salaire, absences, heures en plus, fériés, entretien
    (CCN 3239 art. 47, 96, 101, 105, 109–111, 114).

    - ``absences``: :class:`Absence` entries, on scheduled days of the month (or of
      a civil week that straddles it, for that week's extra hours only);
    - ``worked_weeks``: Monday → hours actually worked that civil week, when they
      differ from the plan; the hours are spread over the week's planned days in
      proportion to their hours, chronologically, and the hours crossing the
      contract's weekly hours and 45 h are paid in the month of the day they fall
      on; ``worked_days``: day → hours actually worked that day (exact split);
    - ``non_care_weeks``: Mondays of programmed weeks without care (46 weeks or less);
    - ``worked_holidays``: public holidays worked by agreement (art. 47, 101);
    - ``rhythm_weeks``: Monday → index in ``contract.rhythms`` of the rhythm that civil
      week follows (school week, holiday week…). With several rhythms, **every** civil
      week touching the month must be given (no silent guess: the contract's calendar
      says which weeks follow which rhythm, art. 97, 109.2); weeks around the month
      may be added (they tell when the child was due back after an illness). The
      week's rhythm gives its planned days and hours (art. 111 denominator) and its
      threshold for heures complémentaires; the mensualised salary covers all rhythms;
    - ``meals`` × ``meal_price`` and ``kilometres`` × ``mileage_rate`` as agreed
      (art. 114.2, 57, 113);
    - ``ledger``: the previous month's :attr:`MonthPay.ledger`;
    - ``trace=False``: the figures only, the same amounts, without building the French
      explanation (``explanation`` is :data:`amcalc.explain.UNTRACED`) — for bulk runs;
      by default the explanation is written when it is first read (then kept).

    >>> from datetime import date
    >>> c = Contract.from_schedule(hourly_rate="4.20", weeks=52, start=date(2024, 1, 8),
    ...     schedule={"mon": "10", "tue": "10", "wed": "10", "thu": "10"},
    ...     maintenance_per_hour="0.50")
    >>> m = month_pay(c, "2024-10", worked_weeks={date(2024, 10, 14): "47"})
    >>> m.complementary_pay, m.majorated_pay, m.gross_salary, m.maintenance
    (Decimal('21.00'), Decimal('9.24'), Decimal('758.24'), Decimal('98.50'))
    """
    year, number_, first, last = month_bounds(contract, month)
    in_first = max(first, contract.start) if contract.start else first
    in_last = min(last, contract.end) if contract.end else last
    for day in sorted({in_first, in_last}):  # the minimum in force in the month (art. 107)
        check_rate(contract.hourly_rate, day, am_ge=contract.am_ge, date_field="month")
    walk = walk_month(contract, (year, number_), absences=absences, worked_weeks=worked_weeks,
                      worked_days=worked_days, non_care_weeks=non_care_weeks, worked_holidays=worked_holidays,
                      rhythm_weeks=rhythm_weeks)
    illness_days, resume, illness_ledger, illness_notes = child_illness_days(
        contract.start, walk.calendar, first, last, walk.absences, ledger, illness_rule, one_long_absence_per_year)
    days = MonthDays.of(contract, walk, {d.day for d in illness_days if not d.paid})
    salary = salary_base(contract, walk, days, partial_month)
    extra = extra_hours_pay(contract, walk)
    holidays = worked_holidays_pay(contract, walk)
    gross = salary.base - salary.deduction + extra.complementary_pay + extra.majorated_pay + holidays.cents
    net = net_salary_of_cents(gross, extra.complementary_pay + extra.majorated_pay, first, contract.territory,
                              trace=trace)
    maintenance = month_maintenance(contract, walk.actual)
    meal_total = indemnity_line(meals, meal_price, "meals", "meal_price")
    mileage_total = indemnity_line(kilometres, mileage_rate, "kilometres", "mileage_rate")
    pajemploi = _pajemploi_figures(contract, days, salary, extra, maintenance, meal_total + mileage_total, net.net)
    warnings = working_time_warnings(contract, walk, ledger)
    result = MonthPay(
        year=year, month=number_, base_salary=to_euros(salary.base),
        scheduled_hours=Fraction(days.plan_seconds, SECONDS_PER_HOUR), scheduled_days=len(days.month_days),
        absent_units=salary.absent_units, absence_deduction=to_euros(salary.deduction),
        complementary_hours=Fraction(extra.complementary_seconds, SECONDS_PER_HOUR),
        complementary_pay=to_euros(extra.complementary_pay),
        majorated_hours=Fraction(extra.majorated_seconds, SECONDS_PER_HOUR),
        majorated_pay=to_euros(extra.majorated_pay),
        holiday_pay=to_euros(holidays.cents), gross_salary=to_euros(gross), net_salary=net.net, net_detail=net,
        maintenance=maintenance, meals=meal_total, mileage=mileage_total,
        worked_hours=Fraction(sum(walk.actual.values()), SECONDS_PER_HOUR), pajemploi=pajemploi,
        care_days=walk.care_days,
        warnings=tuple(warnings), illness_days=illness_days, resume_or_end_on=resume,
        ledger=MonthLedger(illness_ledger, weekly_history(ledger, walk.week_totals, last)), explanation=UNTRACED,
    )
    if not trace:
        return result
    lines = _MonthLines(contract, walk, days, salary, extra, holidays, gross, net, pajemploi, result.warnings,
                        (meals, meal_price, meal_total), (kilometres, mileage_rate, mileage_total), partial_month,
                        tuple(illness_notes))
    return explained_later(result, lambda: _month_explanation(lines))


@attrs.frozen
class _MonthLines:
    """What the explanation of a month is written from, kept until it is read."""

    contract: Contract
    walk: MonthWalk
    days: MonthDays
    salary: SalaryBase
    extra: ExtraHoursPay
    holidays: HolidayPay
    gross: int
    net: NetSalary
    pajemploi: PajemploiFigures
    warnings: tuple[str, ...]
    meals: tuple[int, object, Decimal]  # count, price, total
    mileage: tuple[object, object, Decimal]  # kilometres, rate, total
    partial_month: PartialMonth
    illness_notes: tuple[str, ...]


def _month_explanation(m: _MonthLines) -> Explanation:
    """The month in French (CCN 3239 art. 47, 96, 101, 105, 109–111, 114)."""
    contract, walk, days, pajemploi = m.contract, m.walk, m.days, m.pajemploi
    steps = [*salary_steps(contract, days, m.salary), *_day_steps(walk, days, walk.first, walk.last),
             *extra_hours_steps(contract, m.extra), *m.holidays.steps,
             *_gross_and_net_steps(m.salary, m.extra, m.holidays.cents, m.gross, m.net),
             *indemnity_steps(contract, walk, pajemploi.maintenance, *m.meals, *m.mileage),
             *_pajemploi_steps(contract, days, m.salary, pajemploi)]
    notes = [*m.illness_notes, *_rhythm_notes(contract, walk),
             *_notes(contract, days.full_year, days.occasional, days.partial, m.partial_month)]
    return Explanation(
        title=f"Mois {_of(_MONTH_NAMES[walk.first.month - 1])} {walk.first.year} — accueil {contract.accueil}"
              + (" (occasionnel)" if days.occasional else ""),
        reference="CCN 3239 art. 47, 96, 101, 105, 109–111, 114",
        steps=tuple(steps),
        parameters=(*m.holidays.uses, *maintenance_uses(walk.actual, pajemploi.maintenance)),
        notes=tuple([*notes, *(f"Avertissement : {w}" for w in m.warnings)]),
        header=contract_header(contract),
        sections=(pajemploi_section(pajemploi),),
        computed_for=walk.last,
    )


def _day_steps(walk: MonthWalk, days: MonthDays, first: date, last: date) -> list[Step]:
    """The absences and holidays of the month, the weeks without care, the weeks with extra hours."""
    steps = absence_steps(days.month_days, days.unpaid_holidays, days.full_year, days.unpaid_illness)
    steps += [Step(f"Semaine sans accueil du {french_date(monday)}", "programmée au contrat : "
                   "comptée au dénominateur de l'art. 111, sans entretien", "non travaillée",
                   "CCN 3239 art. 111")
              for monday in sorted(walk.non_care) if first <= monday + timedelta(days=6) and monday <= last]
    return steps + [week_step(week, first, last) for week in walk.weeks if week.complementary or week.majorated]


def _gross_and_net_steps(salary: SalaryBase, extra: ExtraHoursPay, holiday_cents: int, gross: int,
                         net: NetSalary) -> list[Step]:
    terms = [euros(to_euros(salary.base))] + [f"{sign} {euros(to_euros(cents))}" for sign, cents in (
        ("−", salary.deduction), ("+", extra.complementary_pay), ("+", extra.majorated_pay),
        ("+", holiday_cents)) if cents]
    return [Step("Salaire brut du mois", " ".join(terms) if len(terms) > 1 else "salaire de base " + terms[0],
                 euros(to_euros(gross)), "CCN 3239 art. 109–111"),
            Step("Salaire net du mois", f"{euros(to_euros(gross))} − {euros(net.total_contributions)} de "
                 "cotisations salariales", euros(net.net), "CSS art. L136-8, D242-4, L241-17 ; CCN 3239 annexe 3")]


def _rhythm_notes(contract: Contract, walk: MonthWalk) -> list[str]:
    if len(contract.rhythms) < 2:
        return []
    return ["Rythme de chaque semaine, selon le calendrier du contrat : " + " ; ".join(
        f"semaine du {french_date(m)} : rythme {walk.week_rhythm[m]} "
        f"({format_hours(contract.rhythms[walk.week_rhythm[m]].weekly_seconds)})"
        for m in (week.monday for week in walk.weeks)) + " ; le salaire mensualisé couvre tous les rythmes "
        "(CCN 3239 art. 97, 109.2)."]


def _notes(contract: Contract, full_year: bool, occasional: bool, partial: bool,
           partial_month: PartialMonth) -> list[str]:
    notes = []
    if not occasional:
        notes.append("Déduction en " + ("heures (accueil sur 52 semaines)" if full_year else
                     "jours (accueil sur 46 semaines ou moins)") + " ; le dénominateur comprend "
                     "l'absence, les semaines sans accueil et les fériés chômés tombant un jour "
                     "habituellement travaillé (CCN 3239 art. 111).")
    if partial:
        chosen = ("prorata de l'art. 111" if partial_month is PartialMonth.PRORATA
                  else "heures réellement prévues pendant le contrat")
        notes.append(f"Mois d'embauche ou de fin de contrat : {chosen} (la CCN est muette ; usage : prorata "
                     "de l'art. 111).")
    if contract.territory is not Territory.METROPOLE:
        notes.append("Jours fériés locaux d'Alsace-Moselle (Vendredi saint, 26 décembre) appliqués à "
                     "votre demande : leur application à un assistant maternel est une question ouverte "
                     "(Code du travail L3134-1 exclut les emplois à domicile).")
    notes.append("L'entretien, les repas et les indemnités kilométriques ne sont pas du salaire : "
                 "ils n'entrent ni dans le brut ni dans l'assiette des congés payés (CCN 3239 art. 114, 57).")
    return notes


def _of(name: str) -> str:
    """« de mai », « d'octobre »."""
    return f"d'{name}" if name[0] in "aeiou" else f"de {name}"


_MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                "septembre", "octobre", "novembre", "décembre")


def _pajemploi_figures(contract: Contract, days: MonthDays, salary: SalaryBase, extra: ExtraHoursPay,
                       maintenance: Decimal, other: Decimal, net: Decimal) -> PajemploiFigures:
    """The month's declaration (CSS D133-13-17)."""
    fully_unpaid = 0 if days.occasional else days.fully_unpaid
    return PajemploiFigures(
        declared_hours=salary.normal_declared,
        declared_days=activity_days_declared(int(salary.monthly_days * 12), fully_unpaid, salary.deduction),
        complementary_hours=half_up_div(extra.complementary_seconds, SECONDS_PER_HOUR),
        majorated_hours=half_up_div(extra.majorated_seconds, SECONDS_PER_HOUR),
        maintenance=maintenance, other_indemnities=other, net_salary=net,
    )


def _pajemploi_steps(contract: Contract, days: MonthDays, salary: SalaryBase,
                     pajemploi: PajemploiFigures) -> list[Step]:
    unpaid = (0 if days.occasional else days.fully_unpaid) if salary.deduction else 0
    return [Step("Pajemploi : heures normales déclarées",
                 f"{_hours_formula(contract, days, salary)}, arrondies à l'heure la plus proche",
                 f"{pajemploi.declared_hours} h", "usage Pajemploi"),
            Step("Pajemploi : jours d'activité déclarés",
                 declared_days_formula(salary.monthly_days, days.occasional, unpaid),
                 f"{pajemploi.declared_days} j", "usage Pajemploi")]


def _hours_formula(contract: Contract, days: MonthDays, salary: SalaryBase) -> str:
    """How Pajemploi's "heures normales" were found (rules.md §12.2)."""
    if days.occasional:
        return f"{format_hours(salary.normal_seconds)} effectuées, hors heures majorées"
    if not (salary.deduction or days.partial):
        return f"{format_hours(salary.monthly_hours * SECONDS_PER_HOUR)} mensualisées"
    kept = Fraction((salary.base - salary.deduction) * 100 * SECONDS_PER_HOUR,
                    scaled(contract.hourly_rate, 4, "hourly_rate"))
    return (f"({euros(to_euros(salary.base))} − {euros(to_euros(salary.deduction))}) ÷ "
            f"{rate(contract.hourly_rate)} = {format_hours(kept)}")
