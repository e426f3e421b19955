"""Every input and result type round-trips through JSON and validates against its
published schema (amcalc/serialization/schemas)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from json_schema_subset import errors

import amcalc
from amcalc import (
    Absence,
    Contract,
    IllnessAbsence,
    InvalidInput,
    absence_deduction,
    acquired_leave,
    child_illness,
    end_consequences,
    extra_hours,
    final_regularisation,
    fixed_term_end,
    leave_indemnity,
    leave_ledger,
    maintenance_minimum,
    mensualise,
    minimum_rate,
    month_pay,
    net_salary,
    notice,
    notice_compensation,
    regularisation,
    rupture_indemnity,
    seniority,
    settlement,
    trial_period,
)
from amcalc.am import Agrement, ChildCare, Childminder, childminder_year, real_hours
from amcalc.employer_contributions import employer_contributions
from amcalc.explain import Explained, Explanation
from amcalc.family import Care, Child, ChildcareCost, Household, family_month, family_year, reform_comparison
from amcalc.mam import Absence as MamAbsence
from amcalc.mam import (
    Budget,
    MamMember,
    check_planning,
    mam_month,
    pala_loan,
    propose_delegations,
    split_charges,
    startup_plan,
)
from amcalc.mam.tables import TABLES_WEEK, read_tables
from amcalc.paid_leave.indemnity import occasional_leave_pay
from amcalc.paid_leave.ledger import MonthRecord
from amcalc.paid_leave.taking import LeaveSpan, complementary_leave, fractionnement
from amcalc.serialization import REGISTRY, Serializable, from_json, json_schema, load_schema
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd
from amcalc.termination.engagement import engagement_withdrawal

SCHEDULE = {"mon": "10", "tue": "10", "thu": "08:00-18:00", "fri": "10"}


def _ledger_months() -> list[MonthRecord]:
    out, month = [], date(2024, 9, 1)
    while month <= date(2025, 12, 1):
        out.append(MonthRecord.of(month, "693.33"))
        month = (month + timedelta(days=32)).replace(day=1)
    return out


def _top_results() -> list[Serializable]:
    """One call of each public calculation (the nested results come with them)."""
    full = Contract.from_schedule(hourly_rate="4.00", weeks=52, schedule=SCHEDULE, start=date(2024, 9, 2),
                                  maintenance_per_hour="0.45")
    part = Contract.from_rhythms(hourly_rate="4.20", weeks=40, start=date(2025, 9, 1), rhythms=[
        {"weeks": 36, "schedule": {"mon": "9.5", "tue": "08:00-17:20"}},
        {"weeks": 4, "weekly_hours": "30", "days_per_week": 3}])
    reg = regularisation(hourly_rate="4.20", hours_paid="1053", hours_due="1092")
    return [
        full, part, Absence.of(date(2025, 11, 20), "unpaid_leave", "3"),
        mensualise(full), mensualise(part),
        month_pay(full, "2025-11", absences=[Absence.of(date(2025, 11, 20), "unpaid_leave")],
                  worked_weeks={date(2025, 11, 24): "45"}),
        absence_deduction(monthly_salary="693.33", absent="10", scheduled="160"),
        acquired_leave(months_worked=9),
        child_illness(hired=date(2024, 1, 8), scheduled_days=["mon", "tue", "thu", "fri"],
                      absences=[IllnessAbsence(date(2025, 2, 3), date(2025, 2, 15), True)]),
        complementary_leave(full, acquired_days=23, spans=[LeaveSpan(date(2025, 7, 28), date(2025, 8, 30))]),
        end_consequences("withdrawal"),
        engagement_withdrawal(monthly_salary="693.33", withdrawn_by="parent"),
        extra_hours(hourly_rate="4.00", contract_weekly_hours="40", worked_hours="47"),
        final_regularisation([reg]), reg,
        fixed_term_end(total_gross="11400.00"),
        fractionnement(ordinary_days=30, inside=17, outside=11),
        leave_indemnity(full, acquired_days=23, reference_gross=Decimal("6239.97")),
        leave_ledger(full, _ledger_months(), taken=[LeaveSpan(date(2025, 7, 28), date(2025, 8, 23))]),
        maintenance_minimum(date(2025, 1, 1), hours="9"),
        minimum_rate(date(2025, 1, 1)),
        net_salary("693.33", date(2025, 1, 1)),
        notice("withdrawal", hired=date(2024, 3, 4), sent=date(2024, 12, 16)),
        notice_compensation(full, first_day=date(2025, 12, 3), last_day=date(2026, 1, 2)),
        occasional_leave_pay("800.05"),
        rupture_indemnity("withdrawal", hired=date(2024, 3, 4), end=date(2025, 6, 30), total_gross="8400.00"),
        seniority(hired=date(2024, 3, 4), on=date(2025, 6, 30)),
        settlement(full, reason="withdrawal", sent=date(2026, 6, 1), total_gross="14560.00",
                   leave=LeaveOwedAtEnd(completed=LeaveOwed(days=30, reference_gross=Decimal("8650.00")),
                                        current=LeaveOwed(days=2, reference_gross=Decimal("693.33")))),
        trial_period(days_per_week=4),
        *_family_results(full), *_childminder_results(), *_mam_results(full),
    ]


def _family_results(contract: Contract) -> list[Serializable]:
    family = Household.of(resources="36000.00", dependent_children=1)
    care = [Care(Child.of(born="2024-03-15"), ChildcareCost.of_month(month_pay(contract, "2025-10")))]
    months = [family_month(family, care, "2025-10")]
    return [reform_comparison(family, care, "2025-10"), family_year(months),
            employer_contributions("1440.00", date(2025, 10, 1))]


def _childminder_results() -> list[Serializable]:
    lina = ChildCare.of(child="lina", employer="Martin", born=date(2023, 6, 1), contract=Contract.from_schedule(
        hourly_rate="4.20", weeks=52, start=date(2024, 9, 2), schedule={d: "08:00-17:00" for d in ("mon", "tue")}))
    am = Childminder.of(agrement=Agrement.of(children=3), contracts=[lina])
    year = childminder_year(am, 2025)
    return [am.check_week(date(2025, 3, 3)), year, year.income_tax(taxable_salary="4000.00"),
            real_hours(am, year.months[:4])]


def _mam_results(contract: Contract) -> list[Serializable]:
    mam, week = read_tables(tomllib.loads((Path(__file__).parents[1] / "docs" / "examples" / "mam-planning.toml").read_text("utf-8")))
    october = month_pay(contract, "2025-10")
    loan = pala_loan("4000.00", works="12000.00", granted_on="2025-04-15")
    members = [MamMember.of(name="Anne", places=4, months=[october], loan=loan),
               MamMember.of(name="Béa", places=3, months=[october, october], first_agrement=True)]
    budget = Budget.of({"rent": "700.00", "food": "200.01"})
    return [loan, check_planning(mam, week, on=TABLES_WEEK),
            propose_delegations(mam, week, [MamAbsence.of(am="chloe", day="mon")], on=TABLES_WEEK),
            budget, split_charges(budget, members), mam_month(budget, members, "2025-10"),
            startup_plan(works="12000.00", equipment="1000.00", members=members, opening_on="2025-09-01")]


def _nested(value: object) -> Iterator[Serializable]:
    if isinstance(value, Serializable):
        yield value
    if attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            yield from _nested(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _nested(v)


SAMPLES: dict[str, list[Serializable]] = {}
for top in _top_results():
    for found in _nested(top):
        SAMPLES.setdefault(type(found).__name__, []).append(found)


def test_every_registered_type_has_a_sample() -> None:
    # a new result class needs a call in _top_results (or to be nested in one)
    assert sorted(set(REGISTRY) - set(SAMPLES)) == []


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_round_trip_and_schema(name: str) -> None:
    schema = load_schema(name)
    assert errors(None, {"$schema": "x"}) == []  # the validator itself accepts its keywords
    for sample in SAMPLES[name]:
        text = sample.to_json()
        data = json.loads(text)
        assert data["type"] == name
        assert errors(data, schema) == []
        back = type(sample).from_dict(data)
        assert back == sample
        assert back.to_dict() == data
        assert from_json(text) == sample


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_published_schemas_are_current(name: str) -> None:
    # after a change of a result class: python -m amcalc.serialization
    assert load_schema(name) == json.loads(json.dumps(json_schema(REGISTRY[name])))


def test_no_stale_schema_file() -> None:
    folder = Path(amcalc.__file__).parent / "serialization" / "schemas"
    assert sorted(p.name.removesuffix(".schema.json") for p in folder.glob("*.schema.json")) == sorted(
        [*REGISTRY, "ContractFile"])


def test_the_schema_command_writes_every_type_from_a_fresh_interpreter(tmp_path: Path) -> None:
    # `import amcalc` loads nothing: the command must import every result module itself
    script = ("import sys; from amcalc.serialization.publish import write_schemas; "
              "print(len(write_schemas(sys.argv[1])))")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(Path(amcalc.__file__).parents[1])})
    published = Path(amcalc.__file__).parent / "serialization" / "schemas"
    assert int(done.stdout) == len(list(published.glob("*.schema.json")))
    for written in tmp_path.iterdir():
        assert written.read_text("utf-8") == (published / written.name).read_text("utf-8")


@pytest.mark.parametrize("name", ["PalaLoan", "MonthPay", "FamilyYear"])
def test_from_json_in_a_fresh_interpreter_finds_every_type(name: str) -> None:
    # `import amcalc` loads nothing: a type read before its module was imported is found all the same
    text = next(r for r in _top_results() if type(r).__name__ == name).to_json()
    script = ("import sys, json; from amcalc.serialization import from_json; from amcalc.explain import Explained; "
              "text = sys.stdin.read(); print(type(from_json(text)).__name__, "
              "type(Explained.from_dict(json.loads(text))).__name__)")
    done = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(amcalc.__file__).parents[1])})
    assert done.stdout.split() == [name, name]


def test_the_example_contract_file_validates() -> None:
    from amcalc.serialization.contract_file import contract_file_schema

    schema = load_schema("ContractFile")
    assert schema == json.loads(json.dumps(contract_file_schema()))
    example = json.loads((Path(amcalc.__file__).parent / "examples" / "contrat-lea.json").read_text("utf-8"))
    assert errors(example, schema) == []
    assert errors({**example, "month": {**example["month"], "month": "novembre"}}, schema)
    assert errors({**example, "end": {**example["end"], "reason": "fired"}}, schema)


def test_the_validator_can_fail() -> None:
    data = mensualise(Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40",
                                                 days_per_week=4)).to_dict()
    schema = load_schema("Mensualisation")
    assert errors({**data, "monthly_salary": 693.33}, schema)  # a float, not a string
    assert errors({**data, "monthly_hours": {"decimal": "173.33"}}, schema)  # no exact form
    assert errors({**data, "extra": 1}, schema)
    assert errors({k: v for k, v in data.items() if k != "declared_days"}, schema)


def test_json_forms_by_hand() -> None:
    # 40 h × 52 / 12 = 520/3 h = 173.33 h; 520/3 × 4.00 = 693.33 €; 4 days × 52 / 12 = 52/3 days
    m = mensualise(Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4))
    d = m.to_dict()
    assert (d["monthly_salary"], d["monthly_hours"], d["monthly_days"]) == (
        "693.33", {"decimal": "173.33", "exact": "520/3"}, {"decimal": "17.33", "exact": "52/3"})
    assert d["explanation"]["steps"][0]["reference"] == "CCN 3239 art. 109.1"
    assert Fraction(d["monthly_hours"]["exact"]) == Fraction(40 * 52, 12)


def test_contract_json_uses_the_scenario_keys_and_iso_dates() -> None:
    c = Contract.from_dict({"hourly_rate": "4.20", "weeks": 36, "start": "2025-09-01",
                            "schedule": {"mon": "08:00-18:00", "tue": "7.5"}})
    assert c.start == date(2025, 9, 1)
    d = c.to_dict()
    assert d["schedule"] == {"mon": "08:00-18:00", "tue": "7.5"} and d["start"] == "2025-09-01"
    assert errors(d, load_schema("Contract")) == []


def test_bad_json_gives_a_typed_error_with_the_field() -> None:
    m = mensualise(Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4))
    data = m.to_dict()
    with pytest.raises(InvalidInput) as err:
        type(m).from_dict({**data, "monthly_salary": 693.33})
    assert err.value.field == "monthly_salary"
    with pytest.raises(InvalidInput) as err:
        type(m).from_dict({**data, "type": "MonthPay"})
    assert err.value.field == "type"
    with pytest.raises(InvalidInput):
        from_json("[" * 100_000)


def test_reprs_are_one_short_line() -> None:
    for samples in SAMPLES.values():
        for sample in samples:
            text = repr(sample)
            assert "\n" not in text and len(text) < 200, text


def test_json_default_inside_a_callers_data() -> None:
    from amcalc.serialization import json_default

    m = mensualise(Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4))
    data = json.loads(json.dumps({"m": m, "on": date(2025, 9, 1), "h": Fraction(1, 3)}, default=json_default))
    assert data == {"m": m.to_dict(), "on": "2025-09-01", "h": {"decimal": "0.33", "exact": "1/3"}}
    with pytest.raises(TypeError):
        json.dumps({"x": object()}, default=json_default)


@attrs.frozen
class _Part:
    on: date
    amount: Decimal


@attrs.frozen(kw_only=True)
class _NewResult(Explained):
    """A result class as another developer would add it (family cost, AM across employers…)."""

    parts: list[_Part]
    by_month: dict[str, Decimal]
    either: int | str
    hours: Fraction | None
    explanation: Explanation = attrs.field(eq=False)


REGISTRY.pop("_NewResult")  # registered like any result; kept out of the published set


def test_a_new_result_class_needs_no_serialization_code() -> None:
    # the types a new result may use: lists, mappings, unions, nested attrs classes
    r = _NewResult(parts=[_Part(date(2026, 1, 1), Decimal("1.50"))], by_month={"2026-01": Decimal("2")},
                   either="x", hours=Fraction(1, 3), explanation=Explanation("t", "r"))
    data = json.loads(r.to_json())
    assert data["parts"] == [{"on": "2026-01-01", "amount": "1.50"}] and data["either"] == "x"
    assert _NewResult.from_dict(data) == r
    assert errors(data, json_schema(_NewResult)) == []
    assert errors({**data, "either": 1.5}, json_schema(_NewResult))
    assert repr(r).startswith("_NewResult(either=x, ")
