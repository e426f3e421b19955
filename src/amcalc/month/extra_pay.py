"""Ce que le mois paie en plus du salaire de base — heures complémentaires and majorées, counted
per civil week and paid in the month of each day worked (CCN 3239 art. 96.4, 110), and the
majoration of public holidays worked by agreement (art. 47, 101; Code du travail L3133-6)."""

from __future__ import annotations

from datetime import date

import attrs

from amcalc.contract import Contract, ContractKind
from amcalc.duration import format_hours
from amcalc.explain import ParameterUse, Step, euros, french_date, number, rate
from amcalc.extra_hours import hours_pay_cents
from amcalc.holiday_pay import holiday_uplift, holiday_uplift_parameter, is_may_day
from amcalc.money import RATE_SCALE, scaled, to_euros
from amcalc.month.walk import MonthWalk, WeekWalk

__all__ = ["ExtraHoursPay", "HolidayPay", "extra_hours_pay", "extra_hours_steps", "week_step", "worked_holidays_pay"]


def week_step(week: WeekWalk, first: date, last: date) -> Step:
    """The explanation line of a week with extra hours (CCN 3239 art. 96.4, 110)."""
    straddles = any(s and not first <= d.day <= last for d, s in zip(week.days, week.seconds, strict=True))
    return Step(
        f"Semaine du {french_date(week.monday)}",
        f"{format_hours(week.worked)} effectuées pour {format_hours(week.threshold)} prévues"
        + (" (semaine à cheval : heures rattachées au mois de chaque jour)" if straddles else ""),
        f"{format_hours(week.complementary)} complémentaires, {format_hours(week.majorated)} majorées",
        "CCN 3239 art. 96.4, 110",
    )


@attrs.frozen
class ExtraHoursPay:
    """Heures complémentaires and majorées of the month and their pay (art. 96.4, 110)."""

    complementary_seconds: int
    majorated_seconds: int
    complementary_pay: int
    majorated_pay: int


def extra_hours_pay(contract: Contract, walk: MonthWalk) -> ExtraHoursPay:
    """The month's extra seconds of its days and their pay at the contract's rates (art. 110);
    in occasional care the hours up to 45 h are paid by the hour with the base salary."""
    occasional = contract.kind is ContractKind.OCCASIONAL
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    comp_s = 0 if occasional else sum(walk.complementary.values())  # occasional: paid by the hour
    maj_s = sum(walk.majorated.values())
    comp_rate = scaled(contract.complementary_rate, 4, "complementary_rate")
    maj_rate = scaled(contract.majorated_rate, 4, "majorated_rate")
    comp_pay = hours_pay_cents(comp_s, rate_e4, RATE_SCALE + comp_rate)
    maj_pay = hours_pay_cents(maj_s, rate_e4, RATE_SCALE + maj_rate)
    return ExtraHoursPay(comp_s, maj_s, comp_pay, maj_pay)


def extra_hours_steps(contract: Contract, extra: ExtraHoursPay) -> list[Step]:
    """The explanation lines of the heures complémentaires and majorées (art. 96.4, 110)."""
    steps = []
    if extra.complementary_seconds:
        steps.append(Step("Heures complémentaires", f"{format_hours(extra.complementary_seconds)} × "
                          f"{rate(contract.hourly_rate)} × (1 + {number(contract.complementary_rate * 100, 0)} %)",
                          euros(to_euros(extra.complementary_pay)), "CCN 3239 art. 96.4, 110.2"))
    if extra.majorated_seconds:
        steps.append(Step("Heures majorées", f"{format_hours(extra.majorated_seconds)} × "
                          f"{rate(contract.hourly_rate)} × (1 + {number(contract.majorated_rate * 100, 0)} %)",
                          euros(to_euros(extra.majorated_pay)), "CCN 3239 art. 96.4, 110.1"))
    return steps


@attrs.frozen
class HolidayPay:
    """The uplift of the public holidays worked by agreement (art. 47, 101)."""

    cents: int
    steps: tuple[Step, ...]
    uses: tuple[ParameterUse, ...]


def worked_holidays_pay(contract: Contract, walk: MonthWalk) -> HolidayPay:
    """The uplift of the holidays worked by agreement, 1 May and the others on a line each
    (art. 47, 101; Code du travail L3133-6)."""
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    cents, steps, uses = 0, [], []
    for group in (True, False):  # 1 May, then the ordinary holidays: one line each
        worked_on = [d for d in sorted(walk.holidays_worked) if is_may_day(d) is group and walk.actual.get(d)]
        if not worked_on:
            continue
        uplift = holiday_uplift(worked_on[0])
        seconds = sum(walk.actual[d] for d in worked_on)
        line = hours_pay_cents(seconds, rate_e4, scaled(uplift.value, 4, "uplift"))
        cents += line
        uses.append(ParameterUse.of(holiday_uplift_parameter(worked_on[0]), uplift))
        steps.append(Step("Majoration " + ("du 1er mai travaillé" if group else "des jours fériés travaillés"),
                          f"{format_hours(seconds)} × {rate(contract.hourly_rate)} × "
                          f"{number(uplift.value * 100, 0)} %", euros(to_euros(line)),
                          "CCN 3239 art. 47, 101" + (" ; Code du travail L3133-6" if group else "")))
    return HolidayPay(cents, tuple(steps), tuple(uses))
