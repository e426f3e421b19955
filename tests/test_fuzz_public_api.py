"""Every public function, driven with hostile values: a result that keeps the invariants
(whole cents, no negative pay, net ≤ gross, at most 31 declared days) or one of amcalc's
typed errors — never a bare Python exception, never a call over a second."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import amcalc
from amcalc import Contract, paid_leave, termination
from amcalc.errors import AmcalcError
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd

WEEK = {"mon": "10", "tue": "10", "thu": "10", "fri": "10"}


def contract(**changes: object) -> Contract:
    return Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2023, 9, 4),
                                  schedule=WEEK, **changes)


PART_YEAR = Contract.from_schedule(hourly_rate="4.00", weeks=36, start=date(2023, 9, 4), schedule=WEEK)

# The values a user may bring: right types with hostile content, and wrong types.
hostile = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", " ", "1e999", "-1e999", "1e999999999", "1e-999999999", "NaN", "-Infinity",
                     "-1", "0", "25", "24:00", "1000000", "10000000", "3.141592653", "4,00",
                     "2025-02-30", "9999-12-31", "0001-01-01", "2025-13", "2025-09-01", "2019-09-02",
                     "08:00-07:00", "25:00-26:00", "1226:40", "cdd", "withdrawal", "fixed_term_end",
                     "x" * 1000]),
    st.text(max_size=20),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(),
    st.dates(), st.datetimes(), st.just(date.max), st.just(date.min),
    st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 12, 31)),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.just(WEEK), st.just({"mon": "25"}), st.just({"mon": "1000000"}),
)

LEAVE = LeaveOwedAtEnd(current=LeaveOwed(days=3, reference_gross=Decimal("693.33")))

# function, valid keyword arguments (positional ones under their parameter's name)
CALLS: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "absence_deduction": (amcalc.absence_deduction,
                          {"monthly_salary": "693.33", "absent": "16", "scheduled": "176"}),
    "acquired_leave": (amcalc.acquired_leave, {"months_worked": "12"}),
    "child_illness": (amcalc.child_illness, {"hired": date(2024, 9, 2), "absences": [],
                                             "scheduled_days": ["mon", "tue"]}),
    "end_consequences": (amcalc.end_consequences, {"reason": "withdrawal", "on": date(2025, 6, 2)}),
    "extra_hours": (amcalc.extra_hours, {"hourly_rate": "4.00", "contract_weekly_hours": "40",
                                         "worked_hours": "47"}),
    "fixed_term_end": (amcalc.fixed_term_end, {"total_gross": "11400.00"}),
    "gross_from_net": (amcalc.gross_from_net, {"net": "540.00", "on": date(2025, 6, 2)}),
    "jours_ouvrables": (amcalc.jours_ouvrables, {"first": date(2025, 6, 2), "last": date(2025, 6, 30)}),
    "leave_indemnity": (amcalc.leave_indemnity, {"contract": PART_YEAR, "acquired_days": 23,
                                                 "reference_gross": Decimal("5760.00")}),
    "maintenance_minimum": (amcalc.maintenance_minimum, {"on": date(2025, 6, 2), "hours": "9"}),
    "minimum_rate": (amcalc.minimum_rate, {"on": date(2025, 6, 2)}),
    "month_pay": (amcalc.month_pay, {"contract": contract(), "month": "2025-03"}),
    "net_salary": (amcalc.net_salary, {"gross": "693.33", "on": date(2025, 6, 2)}),
    "notice": (amcalc.notice, {"reason": "withdrawal", "hired": date(2023, 9, 4),
                               "sent": date(2025, 6, 2)}),
    "notice_compensation": (amcalc.notice_compensation, {
        "contract": contract(), "first_day": date(2025, 3, 17), "last_day": date(2025, 4, 16)}),
    "regularisation": (amcalc.regularisation, {"hourly_rate": "4.50", "hours_paid": "1226:40",
                                               "hours_due": "1200"}),
    "rupture_indemnity": (amcalc.rupture_indemnity, {
        "reason": "withdrawal", "hired": date(2023, 9, 4), "end": date(2025, 7, 1),
        "total_gross": "14560.00"}),
    "seniority": (amcalc.seniority, {"hired": date(2023, 9, 4), "on": date(2025, 6, 2)}),
    "settlement": (amcalc.settlement, {"contract": contract(), "reason": "withdrawal",
                                       "sent": date(2025, 6, 2), "total_gross": "14560.00",
                                       "leave": LEAVE}),
    "trial_period": (amcalc.trial_period, {"days_per_week": 4}),
    "engagement_withdrawal": (termination.engagement_withdrawal,
                              {"monthly_salary": "693.33", "withdrawn_by": "parent"}),
    "unperformed_notice": (termination.unperformed_notice, {
        "contract": contract(), "monthly_net": "540.00", "first_day": date(2025, 4, 7),
        "last_day": date(2025, 4, 16)}),
    "leave_compensation": (termination.leave_compensation, {
        "contract": PART_YEAR, "current": LeaveOwed(days=23, reference_gross=Decimal("5760.00"))}),
    "final_regularisation": (amcalc.final_regularisation, {"statements": [
        amcalc.regularisation(hourly_rate="4.00", hours_paid="1200", hours_due="1230")]}),
    "public_holidays": (amcalc.public_holidays, {"year": 2025}),
    "acquired_leave_between": (paid_leave.acquired_leave_between, {
        "first": date(2024, 6, 1), "last": date(2025, 5, 31)}),
    "contract_months": (paid_leave.contract_months, {"first": date(2024, 6, 1),
                                                     "last": date(2025, 5, 31)}),
    "reference_period": (paid_leave.reference_period, {"day": date(2025, 6, 2)}),
    "reference_periods": (paid_leave.reference_periods, {"first": date(2023, 9, 4),
                                                         "last": date(2025, 6, 2)}),
    "main_leave_window": (paid_leave.main_leave_window, {"closing": date(2025, 5, 31)}),
    "tenth_base": (paid_leave.tenth_base, {"salaries": "5760.00", "closing": date(2025, 5, 31)}),
    "occasional_leave_pay": (paid_leave.occasional_leave_pay, {"total_gross": "350.00"}),
    "fractionnement": (paid_leave.fractionnement, {"ordinary_days": 24, "inside": 12, "outside": 6}),
    "leave_ledger": (amcalc.leave_ledger, {"contract": contract(), "months": [
        paid_leave.MonthRecord.of(f"2023-{m}", "693.33") for m in (9, 10, 11)]}),
    "absence": (amcalc.Absence.of, {"day": date(2025, 3, 3), "cause": "unpaid_leave", "hours": "4"}),
    "month_record": (paid_leave.MonthRecord.of, {"month": "2025-03", "gross_pay": "693.33"}),
    "leave_span": (paid_leave.LeaveSpan, {"first": date(2025, 8, 4), "last": date(2025, 8, 16)}),
    "period": (termination.Period, {"start": date(2024, 3, 4), "end": date(2024, 3, 13),
                                    "kind": "unpaid_leave"}),
    "suspension": (termination.Suspension, {"start": date(2024, 3, 4), "end": date(2024, 3, 13),
                                            "cause": "paid_leave"}),
    "leave_owed": (LeaveOwed, {"days": 3, "reference_gross": Decimal("693.33")}),
    "illness_absence": (amcalc.IllnessAbsence, {"start": date(2024, 3, 4), "end": date(2024, 3, 13)}),
    "month_pay_with_events": (amcalc.month_pay, {
        "contract": contract(), "month": "2025-03",
        "absences": [amcalc.Absence.of(date(2025, 3, 3), "unpaid_leave")],
        "worked_weeks": {date(2025, 3, 10): "47"}, "meals": 3, "meal_price": "3.50"}),
    "contract": (Contract.from_schedule, {"hourly_rate": "4.00", "weeks": 52, "schedule": WEEK,
                                          "start": date(2023, 9, 4)}),
    "contract_from_weekly_hours": (Contract.from_weekly_hours, {
        "hourly_rate": "4.00", "weeks": 36, "weekly_hours": "40", "days_per_week": 4}),
}

MONEY = {"amount", "total", "indemnity", "precarity", "leave_compensation", "deduction",
         "salary_after", "monthly_salary", "gross_salary", "base_salary", "net_salary", "net", "gross",
         "complementary_pay", "majorated_pay", "maintenance", "per_day", "per_nine_hours",
         "not_recovered", "salary_total", "indemnity_total", "absence_deduction"}
SIGNED = {"balance"}


def check_invariants(result: object) -> None:
    """Whole cents, no negative pay, net ≤ gross, at most 31 declared days."""
    if not attrs.has(type(result)):
        return
    for field in attrs.fields(type(result)):
        value = getattr(result, field.name)
        if isinstance(value, Decimal) and field.name in MONEY | SIGNED:
            assert value == value.quantize(Decimal("0.01")), (field.name, value)
            assert field.name in SIGNED or value >= 0, (field.name, value)
    for gross_name, net_name in (("gross", "net"), ("gross_salary", "net_salary")):
        gross, net = getattr(result, gross_name, None), getattr(result, net_name, None)
        if isinstance(gross, Decimal) and isinstance(net, Decimal):
            assert net <= gross
    for holder in (result, getattr(result, "pajemploi", None)):
        days = getattr(holder, "declared_days", None)
        if isinstance(days, int):
            assert 0 <= days <= 31


class TooLong(Exception):
    pass


def _interrupt(signum: int, frame: object) -> None:
    raise TooLong


def call_with(name: str, changes: Mapping[str, object]) -> None:
    function, valid = CALLS[name]
    arguments = {**valid, **changes}
    began = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, 2.0)  # a call that hangs fails instead of blocking the suite
    try:
        result = function(**arguments)
    except AmcalcError:
        result = None
    except TooLong:
        pytest.fail(f"{name}({arguments!r}) runs for more than 2 s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - began
    assert elapsed < 1.0, f"{name}({arguments!r}) took {elapsed:.2f} s"
    check_invariants(result)


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_values_give_a_result_or_a_typed_error(name: str, data: st.DataObject) -> None:
    _, valid = CALLS[name]
    plain = sorted(k for k, v in valid.items() if not isinstance(v, (Contract, LeaveOwedAtEnd)))
    fields = data.draw(st.lists(st.sampled_from(plain), min_size=1, max_size=2, unique=True))
    changes = {field: data.draw(hostile, label=field) for field in fields}
    call_with(name, changes)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_date_may_be_iso_text_and_a_datetime_at_midnight(name: str) -> None:
    _, valid = CALLS[name]
    for field, value in valid.items():
        if isinstance(value, date):
            for written in (value.isoformat(), datetime.combine(value, datetime.min.time())):
                function = CALLS[name][0]
                assert function(**{**valid, field: written}) == function(**valid)


def test_a_day_near_the_end_of_time_is_a_typed_error() -> None:
    for name, field in (("notice", "sent"), ("seniority", "on"), ("jours_ouvrables", "last"),
                        ("rupture_indemnity", "end"), ("minimum_rate", "on")):
        with pytest.raises(AmcalcError) as err:
            call = CALLS[name]
            call[0](**{**call[1], field: date.max - timedelta(days=3)})
        assert err.value.field == field
