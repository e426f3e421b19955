"""Le salaire de base du mois — the mensualised salary less the méthode réelle's deduction
(CCN 3239 art. 109, 111: hours for 52 weeks, days for 46 weeks or less), the actual-hours
option of a month the contract starts or ends, and occasional care paid by the hour done or
kept (art. 108.2, 109.3)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from fractions import Fraction

import attrs

from amcalc.absences import deduction_cents
from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.duration import SECONDS_PER_HOUR, format_hours
from amcalc.explain import Step, euros, number, quantity, rate
from amcalc.extra_hours import hours_pay_cents
from amcalc.mensualisation import Mensualisation, mensualisation_article, mensualise
from amcalc.money import RATE_SCALE, half_up_div, scaled, to_euros
from amcalc.month.events import Absence, PartialMonth
from amcalc.month.pajemploi import normal_hours_declared
from amcalc.month.planned_days import CalendarDay
from amcalc.month.unpaid_days import is_unpaid, kept_when_occasional, unpaid_holidays_of
from amcalc.month.walk import MonthWalk

__all__ = ["MonthDays", "SalaryBase", "salary_base", "salary_steps"]


@attrs.frozen
class MonthDays:
    """The month's days as the salary sees them: the plan, who is unpaid and why."""

    month_days: tuple[CalendarDay, ...]
    unpaid: tuple[int, ...]  # the seconds of each day the salary does not pay
    plan_seconds: int
    unpaid_holidays: frozenset[date]
    unpaid_illness: frozenset[date]
    occasional: bool
    full_year: bool
    partial: bool

    @classmethod
    def of(cls, contract: Contract, walk: MonthWalk, unpaid_illness: set[date]) -> MonthDays:
        first, last = walk.first, walk.last  # the usual working days of the month, each week on its rhythm
        month_days = tuple(d for week in walk.weeks for d in week.days
                           if first <= d.day <= last and d.status not in ("off", "unknown"))
        holidays, illness = frozenset(unpaid_holidays_of(walk.calendar, month_days)), frozenset(unpaid_illness)
        full_year = contract.accueil is Accueil.FULL_YEAR
        return cls(month_days, tuple(_unpaid_seconds(d, holidays, full_year, illness) for d in month_days),
                   sum(d.scheduled for d in month_days), holidays, illness, contract.kind is ContractKind.OCCASIONAL,
                   full_year, any(d.status == "outside" for d in month_days))

    @property
    def fully_unpaid(self) -> int:
        """Days of the plan entirely unpaid (Pajemploi's days of activity)."""
        return sum(1 for d, unpaid in zip(self.month_days, self.unpaid, strict=True) if unpaid == d.scheduled)


def _unpaid_seconds(d: CalendarDay, unpaid_holidays: AbstractSet[date], full_year: bool,
                    unpaid_illness: AbstractSet[date]) -> int:
    """The seconds of ``d`` the salary does not pay (art. 47, 105, 111)."""
    if d.status == "outside" or d.day in unpaid_holidays:
        return d.scheduled
    if d.absence is None or not is_unpaid(d.absence, full_year, unpaid_illness):
        return 0
    return d.absent_seconds


@attrs.frozen
class SalaryBase:
    """The month's base salary and its deduction (art. 109, 111; art. 108.2 for occasional
    care), with what Pajemploi's "heures normales" are computed from. ``steps``: the line of
    occasional care or of the actual-hours option; a mensualised month's lines are written
    with its explanation (:func:`salary_steps`)."""

    base: int
    deduction: int
    absent_units: Fraction
    monthly_days: Fraction
    monthly_hours: Fraction  # 0 in occasional care
    normal_declared: int
    normal_seconds: int  # occasional care: the seconds done, majorated hours aside
    steps: tuple[Step, ...]
    mensualised_base: bool


def salary_base(contract: Contract, walk: MonthWalk, days: MonthDays, partial_month: PartialMonth) -> SalaryBase:
    """The month's base salary: occasional care by the hour (art. 108.2), the actual-hours option
    of a month the contract starts or ends, else the mensualised salary less the deduction."""
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    if days.occasional:
        base, step = _occasional_base(days.month_days, walk.actual, walk.majorated, rate_e4, contract,
                                      days.unpaid_illness, days.unpaid_holidays)
        normal = sum(walk.actual.values()) - sum(walk.majorated.values()) - sum(walk.complementary.values())
        return SalaryBase(base, 0, Fraction(0), Fraction(sum(1 for s in walk.actual.values() if s)), Fraction(0),
                          half_up_div(normal, SECONDS_PER_HOUR), normal, (step,), False)
    mensualised = mensualise(contract, trace=False)
    steps: list[Step] = []
    on_actual_hours = days.partial and partial_month is PartialMonth.ACTUAL_HOURS
    if on_actual_hours:
        base, deduction, absent_units, steps = _actual_hours_base(contract, days, rate_e4)
    else:
        base, deduction, absent_units = _mensualised_base(mensualised, days)
    return SalaryBase(base, deduction, absent_units, mensualised.monthly_days, mensualised.monthly_hours,
                      normal_hours_declared(base, deduction, rate_e4, mensualised.declared_hours, days.partial),
                      0, tuple(steps), not on_actual_hours)


def _actual_hours_base(contract: Contract, days: MonthDays, rate_e4: int) -> tuple[int, int, Fraction, list[Step]]:
    """A month the contract starts or ends, paid on its actual hours (option of art. 111)."""
    inside = sum(d.scheduled for d in days.month_days if d.status in ("work", "holiday"))
    base = hours_pay_cents(inside, rate_e4, RATE_SCALE)
    absent_seconds = sum(u for d, u in zip(days.month_days, days.unpaid, strict=True) if d.status != "outside")
    step = Step("Salaire du mois incomplet (heures réelles)", f"{format_hours(inside)} prévues pendant le "
                f"contrat × {rate(contract.hourly_rate)}", euros(to_euros(base)), "option « heures réelles »")
    return (base, hours_pay_cents(absent_seconds, rate_e4, RATE_SCALE), Fraction(absent_seconds, SECONDS_PER_HOUR),
            [step])


def _scheduled_units(days: MonthDays) -> tuple[Fraction, str]:
    """The art. 111 denominator: the month's planned hours (52 weeks) or days (46 weeks or less)."""
    if days.full_year:
        return Fraction(days.plan_seconds, SECONDS_PER_HOUR), "h"
    return Fraction(len(days.month_days)), "j"


def _mensualised_base(mensualised: Mensualisation, days: MonthDays) -> tuple[int, int, Fraction]:
    """The mensualised salary less the méthode réelle's deduction (art. 109, 111): hours for
    52 weeks, days for 46 weeks or less."""
    base = scaled(mensualised.monthly_salary, 2, "monthly_salary")
    if not any(days.unpaid):  # nothing to deduct
        return base, 0, Fraction(0)
    if days.full_year:
        absent = Fraction(sum(days.unpaid), SECONDS_PER_HOUR)
    else:
        absent = sum((Fraction(u, d.scheduled) for d, u in zip(days.month_days, days.unpaid, strict=True) if u),
                     Fraction(0))
    share = absent / _scheduled_units(days)[0]
    return base, deduction_cents(base, share.numerator, share.denominator), absent


def salary_steps(contract: Contract, days: MonthDays, salary: SalaryBase) -> list[Step]:
    """The lines of the base salary: the mensualised salary and its deduction (art. 109, 111)."""
    if not salary.mensualised_base:
        return list(salary.steps)
    steps = [Step("Salaire mensualisé", f"{number(salary.monthly_hours)} h × {rate(contract.hourly_rate)}",
                  euros(to_euros(salary.base)), mensualisation_article(contract))]
    absent = salary.absent_units
    if absent:
        scheduled, unit = _scheduled_units(days)
        agreed = "e" if unit == "h" else ""  # heures (f.), jours (m.)
        plural = "s" if absent > 1 else ""
        steps.append(Step(
            "Déduction (méthode réelle)",
            f"{euros(to_euros(salary.base))} × {quantity(absent, unit)} non travaillé{agreed}{plural}"
            f" / {quantity(scheduled, unit)} prévu{agreed}s dans le mois",
            euros(to_euros(salary.deduction)), "CCN 3239 art. 111"))
    return steps


def _occasional_base(month_days: Sequence[CalendarDay], actual: Mapping[date, int], maj: Mapping[date, int],
                     rate_e4: int, contract: Contract, unpaid_illness: AbstractSet[date],
                     unpaid_holidays: AbstractSet[date]) -> tuple[int, Step]:
    """Occasional care: hourly rate × hours done (art. 108.2, 109.3); the absences the
    parent keeps paying (certified illness beyond the limits of art. 105) and the holidays
    kept (art. 47: not next to an unjustified absence) are paid as planned hours."""
    done = sum(actual.values()) - sum(maj.values())
    kept = sum(d.absent_seconds for d in month_days if d.absence is not None and _kept(d.absence, unpaid_illness))
    kept += sum(d.scheduled for d in month_days if d.status == "holiday" and d.day not in unpaid_holidays)
    base = hours_pay_cents(done + kept, rate_e4, RATE_SCALE)
    return base, Step("Accueil occasionnel : heures effectuées ou maintenues",
                      f"{format_hours(done + kept)} × {rate(contract.hourly_rate)}",
                      euros(to_euros(base)), "CCN 3239 art. 108.2, 109.3")


def _kept(absence: Absence, unpaid_illness: AbstractSet[date]) -> bool:
    kept = kept_when_occasional(absence.cause)
    return absence.day not in unpaid_illness if kept is None else kept
