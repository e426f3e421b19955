"""The calculations of scenario format v1: each maps a case's ``input`` table to
the library's API and returns the figures its ``expect`` table may name.

A calculation declares the input keys it accepts and the figures it yields;
the runner treats any other key as a failure of the case.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import attrs

from amcalc.absences import absence_deduction
from amcalc.calendar import Territory
from amcalc.child_illness import IllnessAbsence, LongAbsenceRule, child_illness
from amcalc.contract import Contract, parse_choice
from amcalc.errors import InvalidInput
from amcalc.extra_hours import extra_hours
from amcalc.inputs import parse_tables
from amcalc.maintenance import maintenance_minimum
from amcalc.mensualisation import mensualise
from amcalc.minimum_rate import minimum_rate
from amcalc.money import parse_money, round_to_cents
from amcalc.month import MonthPay, PartialMonth, events_from_tables, month_pay, rhythm_weeks_of
from amcalc.net_salary import ContributionRounding, gross_from_net, net_salary
from amcalc.paid_leave import acquired_leave, acquired_leave_between, leave_indemnity
from amcalc.scenarios.am_calculations import AM_CALCULATIONS
from amcalc.scenarios.family_calculations import FAMILY_CALCULATIONS
from amcalc.scenarios.mam_calculations import MAM_CALCULATIONS
from amcalc.termination import (
    final_regularisation,
    fixed_term_end,
    notice,
    regularisation,
    rupture_indemnity,
)
from amcalc.termination.end_reason import parse_reason
from amcalc.trial_period import trial_period

__all__ = ["CALCULATIONS", "MONTH_KEYS", "V1_CALCULATIONS", "Calculation", "month_from_inputs", "rhythm_weeks_of"]

Inputs = Mapping[str, Any]
Figures = dict[str, object]

V1_CALCULATIONS = (
    "mensualisation", "extra_hours", "absence_deduction", "month", "maintenance_minimum",
    "minimum_rate", "child_illness", "paid_leave_acquisition", "paid_leave_indemnity",
    "notice", "rupture_indemnity", "regularisation", "fixed_term_end", "trial_period",
)


@attrs.frozen
class Calculation:
    name: str
    inputs: frozenset[str]
    figures: frozenset[str]
    run: Callable[[Inputs], Figures]


def required_date(inputs: Inputs, key: str) -> date:
    value = inputs.get(key)
    if not isinstance(value, date):
        raise InvalidInput(key, f"une date TOML (AAAA-MM-JJ) est attendue, pas {value!r}.")
    return value


def optional_bool(inputs: Inputs, key: str) -> bool:
    value = inputs.get(key, False)
    if not isinstance(value, bool):
        raise InvalidInput(key, f"true ou false est attendu, pas {value!r}.")
    return value


def _mensualisation(inputs: Inputs) -> Figures:
    m = mensualise(Contract.from_mapping(inputs))
    return {
        "monthly_hours": m.monthly_hours, "monthly_salary": m.monthly_salary,
        "monthly_days": m.monthly_days, "declared_hours": m.declared_hours,
        "declared_days": m.declared_days,
    }


def _minimum_rate(inputs: Inputs) -> Figures:
    m = minimum_rate(required_date(inputs, "on"), am_ge=optional_bool(inputs, "am_ge"))
    return {name: round_to_cents(getattr(m, name)) for name in ("legal", "conventional", "effective")}


def _maintenance_minimum(inputs: Inputs) -> Figures:
    on = required_date(inputs, "on") if "on" in inputs else None
    m = maintenance_minimum(on, hours=inputs.get("hours"), minimum_garanti=inputs.get("minimum_garanti"))
    return {"per_day": m.per_day, "per_nine_hours": m.per_nine_hours}


def _net_salary(inputs: Inputs) -> Figures:
    on = required_date(inputs, "on")
    territory = parse_choice(Territory, inputs.get("territory", Territory.METROPOLE.value), "territory")
    rounding = parse_choice(
        ContributionRounding, inputs.get("rounding", ContributionRounding.PER_LINE.value), "rounding"
    )
    if ("gross" in inputs) == ("net" in inputs):
        raise InvalidInput("gross", "indiquez soit le brut (gross), soit le net (net).")
    if "net" in inputs:
        if "extra_hours_pay" in inputs:
            raise InvalidInput("extra_hours_pay", "partez du brut (gross) pour un mois avec des "
                               "heures complémentaires ou majorées.")
        n = gross_from_net(inputs["net"], on, territory, rounding=rounding)
    else:
        n = net_salary(inputs["gross"], on, territory, rounding=rounding,
                       extra_hours_pay=inputs.get("extra_hours_pay", "0"))
    return {"gross": n.gross, "net": n.net, "total_contributions": n.total_contributions}


def _trial_period(inputs: Inputs) -> Figures:
    t = trial_period(
        days_per_week=inputs.get("days_per_week"),  # type: ignore[arg-type]
        sibling_with_completed_trial=optional_bool(inputs, "sibling_with_completed_trial"),
    )
    return {"max_months": t.max_months, "max_days": t.max_days}


def _notice(inputs: Inputs) -> Figures:
    sent = required_date(inputs, "sent")
    n = notice(
        parse_reason(inputs.get("reason")),
        hired=required_date(inputs, "hired"), sent=sent,
        notified=required_date(inputs, "notified") if "notified" in inputs else None,
    )
    return {"notice_days": n.notice_days, "notice_months": n.notice_months, "notice_end": n.end}


def _rupture_indemnity(inputs: Inputs) -> Figures:
    r = rupture_indemnity(
        parse_reason(inputs.get("reason")),
        hired=required_date(inputs, "hired"), end=required_date(inputs, "end"),
        total_gross=inputs.get("total_gross"),
    )
    return {"indemnity": r.indemnity, "eligible": r.eligible}


def _regularisation(inputs: Inputs) -> Figures:
    statement = regularisation(hourly_rate=inputs.get("hourly_rate"),
                               hours_paid=inputs.get("hours_paid"), hours_due=inputs.get("hours_due"))
    final = final_regularisation([statement])
    return {"hours": final.hours, "amount": final.amount}


def _fixed_term_end(inputs: Inputs) -> Figures:
    f = fixed_term_end(total_gross=inputs.get("total_gross"),
                       leave_already_paid=inputs.get("leave_already_paid", "0.00"))
    return {"precarity": f.precarity, "leave_compensation": f.leave_compensation}


def _extra_hours(inputs: Inputs) -> Figures:
    options = {k: inputs[k] for k in ("majorated_rate", "complementary_rate") if k in inputs}
    w = extra_hours(hourly_rate=inputs.get("hourly_rate"),
                    contract_weekly_hours=inputs.get("contract_weekly_hours"),
                    worked_hours=inputs.get("worked_hours"), **options)
    return {"complementary_hours": w.complementary_hours, "majorated_hours": w.majorated_hours,
            "complementary_pay": w.complementary_pay, "majorated_pay": w.majorated_pay}


def _absence_deduction(inputs: Inputs) -> Figures:
    d = absence_deduction(monthly_salary=inputs.get("monthly_salary"), absent=inputs.get("absent"),
                          scheduled=inputs.get("scheduled"))
    return {"deduction": d.deduction, "salary_after": d.salary_after}


MONTH_KEYS = frozenset({"month", "absences", "worked_hours", "worked_days", "non_care_weeks", "worked_holidays",
                        "rhythm_weeks", "meals", "meal_price", "kilometres", "mileage_rate", "partial_month",
                        "illness_rule"})
"""The keys of a month's events (the contract's own keys aside)."""
_MONTH_CONTRACT_KEYS = frozenset({
    "hourly_rate", "weeks", "start", "end", "schedule", "patterns", "kind", "territory", "am_ge",
    "majorated_rate", "complementary_rate", "maintenance_per_hour",
})


def _date_list(inputs: Inputs, key: str) -> list[date]:
    value = inputs.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, date) for v in value):
        raise InvalidInput(key, "une liste de dates AAAA-MM-JJ est attendue.")
    return value


def month_from_inputs(inputs: Inputs) -> MonthPay:
    """A contract's month from scenario-format keys (the contract's keys and ``month``,
    ``absences``, ``worked_hours``, ``non_care_weeks``, ``worked_holidays``, ``rhythm_weeks``)."""
    contract = Contract.from_mapping({k: v for k, v in inputs.items() if k not in MONTH_KEYS})
    absences, weeks = events_from_tables(parse_tables(inputs, "absences"), parse_tables(inputs, "worked_hours"))
    days = {}
    for i, entry in enumerate(parse_tables(inputs, "worked_days")):
        if set(entry) != {"date", "hours"}:
            raise InvalidInput(f"worked_days[{i}]", "clés attendues : date, hours.")
        days[entry["date"]] = entry["hours"]
    meals = inputs.get("meals", 0)
    if isinstance(meals, bool) or not isinstance(meals, int):
        raise InvalidInput("meals", f"un nombre entier de repas est attendu, pas {meals!r}.")
    return month_pay(contract, str(inputs.get("month")), absences=absences, worked_weeks=weeks,
                     worked_days=days or None, non_care_weeks=_date_list(inputs, "non_care_weeks"),
                     worked_holidays=_date_list(inputs, "worked_holidays"), rhythm_weeks=rhythm_weeks_of(inputs),
                     meals=meals, meal_price=inputs.get("meal_price", 0), kilometres=inputs.get("kilometres", 0),
                     mileage_rate=inputs.get("mileage_rate", 0),
                     partial_month=parse_choice(PartialMonth, inputs.get("partial_month", PartialMonth.PRORATA),
                                                "partial_month"),
                     illness_rule=parse_choice(LongAbsenceRule, inputs.get("illness_rule",
                                                                           LongAbsenceRule.FOURTEEN_DAYS),
                                               "illness_rule"))


def _month(inputs: Inputs) -> Figures:
    m = month_from_inputs(inputs)
    return {
        "base_salary": m.base_salary, "scheduled_hours": m.scheduled_hours,
        "scheduled_days": m.scheduled_days, "absence_deduction": m.absence_deduction,
        "complementary_pay": m.complementary_pay, "majorated_pay": m.majorated_pay,
        "gross_salary": m.gross_salary, "maintenance": m.maintenance,
        "declared_hours": m.pajemploi.declared_hours, "declared_days": m.pajemploi.declared_days,
    }


def _child_illness(inputs: Inputs) -> Figures:
    periods = []
    for i, a in enumerate(parse_tables(inputs, "absences")):
        if set(a) != {"start", "end", "certificate"} or not isinstance(a["certificate"], bool):
            raise InvalidInput(f"absences[{i}]", "clés attendues : start, end, certificate (booléen).")
        periods.append(IllnessAbsence(required_date(a, "start"), required_date(a, "end"), a["certificate"]))
    days = inputs.get("scheduled_days")
    if not isinstance(days, list):
        raise InvalidInput("scheduled_days", "une liste de jours (\"mon\", …) est attendue.")
    r = child_illness(hired=required_date(inputs, "hired"), absences=periods, scheduled_days=days)
    return {"unpaid_days": r.unpaid_days, "paid_days": r.paid_days,
            "resume_or_end_on": r.resume_or_end_on}


def _paid_leave_acquisition(inputs: Inputs) -> Figures:
    common = {
        "sick_months": inputs.get("sick_months"),
        "dependent_children": inputs.get("dependent_children", 0),
    }
    if "start" in inputs or "end" in inputs:
        if "months_worked" in inputs or "weeks_worked" in inputs:
            raise InvalidInput("start", "indiquez les dates, les mois ou les semaines, pas plusieurs.")
        a = acquired_leave_between(
            required_date(inputs, "start"), required_date(inputs, "end"), **common
        )
    else:
        a = acquired_leave(
            months_worked=inputs.get("months_worked"), weeks_worked=inputs.get("weeks_worked"),
            assimilated_weeks=inputs.get("assimilated_weeks"), **common,
        )
    return {"raw_days": a.raw_days, "acquired_days": a.acquired_days}


def _paid_leave_indemnity(inputs: Inputs) -> Figures:
    contract = Contract.from_mapping(
        {k: inputs[k] for k in ("hourly_rate", "weeks", "weekly_hours", "days_per_week") if k in inputs}
    )
    days = inputs.get("acquired_days")
    if isinstance(days, bool) or not isinstance(days, int):
        raise InvalidInput("acquired_days", f"un nombre entier de jours est attendu ({days!r}).")
    i = leave_indemnity(contract, acquired_days=days,
                        reference_gross=parse_money(inputs.get("reference_gross"), "reference_gross"))
    return {"maintien": i.maintien, "tenth": i.tenth, "indemnity": i.indemnity}


CALCULATIONS: dict[str, Calculation] = {
    c.name: c
    for c in (
        Calculation(
            "mensualisation",
            frozenset({"hourly_rate", "weeks", "weekly_hours", "days_per_week", "patterns"}),
            frozenset({"monthly_hours", "monthly_salary", "monthly_days", "declared_hours",
                       "declared_days"}),
            _mensualisation,
        ),
        Calculation("minimum_rate", frozenset({"on", "am_ge"}),
                    frozenset({"legal", "conventional", "effective"}), _minimum_rate),
        Calculation("maintenance_minimum", frozenset({"on", "hours", "minimum_garanti"}),
                    frozenset({"per_day", "per_nine_hours"}), _maintenance_minimum),
        Calculation("net_salary",
                    frozenset({"gross", "net", "on", "territory", "extra_hours_pay", "rounding"}),
                    frozenset({"gross", "net", "total_contributions"}), _net_salary),
        Calculation("extra_hours",
                    frozenset({"hourly_rate", "contract_weekly_hours", "worked_hours",
                               "majorated_rate", "complementary_rate"}),
                    frozenset({"complementary_hours", "majorated_hours", "complementary_pay",
                               "majorated_pay"}), _extra_hours),
        Calculation("absence_deduction", frozenset({"monthly_salary", "absent", "scheduled"}),
                    frozenset({"deduction", "salary_after"}), _absence_deduction),
        Calculation("month", _MONTH_CONTRACT_KEYS | MONTH_KEYS,
                    frozenset({"base_salary", "scheduled_hours", "scheduled_days",
                               "absence_deduction", "complementary_pay", "majorated_pay",
                               "gross_salary", "maintenance", "declared_hours", "declared_days"}),
                    _month),
        Calculation("child_illness", frozenset({"hired", "absences", "scheduled_days"}),
                    frozenset({"unpaid_days", "paid_days", "resume_or_end_on"}), _child_illness),
        Calculation(
            "paid_leave_acquisition",
            frozenset({"months_worked", "weeks_worked", "assimilated_weeks", "start", "end",
                       "sick_months", "dependent_children"}),
            frozenset({"raw_days", "acquired_days"}),
            _paid_leave_acquisition,
        ),
        Calculation(
            "paid_leave_indemnity",
            frozenset({"weeks", "hourly_rate", "weekly_hours", "days_per_week", "acquired_days",
                       "reference_gross"}),
            frozenset({"maintien", "tenth", "indemnity"}),
            _paid_leave_indemnity,
        ),
        Calculation("trial_period", frozenset({"days_per_week", "sibling_with_completed_trial"}),
                    frozenset({"max_months", "max_days"}), _trial_period),
        Calculation("notice", frozenset({"reason", "hired", "sent", "notified"}),
                    frozenset({"notice_days", "notice_months", "notice_end"}), _notice),
        Calculation("rupture_indemnity", frozenset({"reason", "hired", "end", "total_gross"}),
                    frozenset({"indemnity", "eligible"}), _rupture_indemnity),
        Calculation("regularisation", frozenset({"hourly_rate", "hours_paid", "hours_due"}),
                    frozenset({"hours", "amount"}), _regularisation),
        Calculation("fixed_term_end", frozenset({"total_gross", "leave_already_paid"}),
                    frozenset({"precarity", "leave_compensation"}), _fixed_term_end),
        *(Calculation(*spec) for spec in AM_CALCULATIONS),
        *(Calculation(*spec) for spec in FAMILY_CALCULATIONS),
        *(Calculation(*spec) for spec in MAM_CALCULATIONS),
    )
}
