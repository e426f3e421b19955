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

from amcalc.contract import Contract
from amcalc.errors import InvalidInput
from amcalc.maintenance import maintenance_minimum
from amcalc.mensualisation import mensualise
from amcalc.minimum_rate import minimum_rate
from amcalc.money import parse_money, round_to_cents
from amcalc.paid_leave import acquired_leave, acquired_leave_between, leave_indemnity
from amcalc.trial_period import trial_period

__all__ = ["CALCULATIONS", "V1_CALCULATIONS", "Calculation"]

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


def _trial_period(inputs: Inputs) -> Figures:
    t = trial_period(
        days_per_week=inputs.get("days_per_week"),  # type: ignore[arg-type]
        sibling_with_completed_trial=optional_bool(inputs, "sibling_with_completed_trial"),
    )
    return {"max_months": t.max_months, "max_days": t.max_days}


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
    )
}
