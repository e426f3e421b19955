"""Explanations built when asked: ``month_pay``, ``mensualise`` and ``net_salary`` compute their
figures once and write the French explanation on its first reading (then kept). Read at once
or after other calls, the text is the same, and so is everything else the result says (its JSON
form, its equality, its pickled copy); ``trace=False`` still gives ``UNTRACED``."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import attrs
import pytest

from amcalc import Absence, Contract, MonthPay, mensualise, month_pay, net_salary
from amcalc.calendar import Territory
from amcalc.explain import UNTRACED, Explained
from amcalc.month import MonthLedger, PartialMonth

SCHEDULE = {"mon": "10", "tue": "10", "thu": "10", "fri": "10"}


def _full(**options: object) -> Contract:
    return Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 9, 2), schedule=SCHEDULE,
                                  **options)  # type: ignore[arg-type]


def _school_year() -> Contract:
    return Contract.from_rhythms(hourly_rate="4.20", weeks=40, start=date(2025, 9, 1), rhythms=[
        {"weeks": 36, "schedule": {"mon": "9", "tue": "9", "thu": "9", "fri": "9"}},
        {"weeks": 4, "schedule": {"mon": "10", "tue": "10", "wed": "10"}}])


def _illness(days: tuple[int, ...], month: int = 11) -> list[Absence]:
    return [Absence.of(date(2025, month, d), "child_illness_certified") for d in days]


def _long_illness_then_december(trace: bool = True) -> MonthPay:
    november = month_pay(_full(), (2025, 11), absences=_illness((20, 21, 24, 25, 27, 28)), trace=trace)
    return month_pay(_full(), "2025-12", absences=_illness((1, 2), 12), ledger=november.ledger, trace=trace)


MONTHS: dict[str, Callable[..., MonthPay]] = {
    "plain": lambda trace=True: month_pay(_full(), (2025, 11), trace=trace),
    "absences and extra hours": lambda trace=True: month_pay(
        _full(), (2025, 11), absences=[Absence.of(date(2025, 11, 13), "unpaid_leave"),
                                       Absence.of(date(2025, 11, 14), "unpaid_leave", "3")],
        worked_weeks={date(2025, 11, 17): "46", date(2025, 11, 24): "42"}, trace=trace),
    "child illness": lambda trace=True: month_pay(_full(), (2025, 11), absences=_illness((4, 6, 7)), trace=trace),
    "long child illness, then the next month": _long_illness_then_december,
    "holidays, 1 May worked, entretien": lambda trace=True: month_pay(
        _full(maintenance_per_hour="0.45"), "2025-05", worked_holidays=[date(2025, 5, 1)],
        absences=[Absence.of(date(2025, 5, 9), "am_unjustified")], worked_days={date(2025, 5, 12): "11"},
        trace=trace),
    "meals, mileage, a week over 48 h": lambda trace=True: month_pay(
        _full(), "2025-03", meals=20, meal_price="3.50", kilometres="12.5", mileage_rate="0.42",
        worked_weeks={date(2025, 3, 10): "50"}, trace=trace),
    "hiring month, prorata": lambda trace=True: month_pay(
        Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 3, 12), schedule=SCHEDULE),
        "2025-03", trace=trace),
    "last month, actual hours": lambda trace=True: month_pay(
        _full(end=date(2025, 3, 14)), "2025-03", partial_month=PartialMonth.ACTUAL_HOURS, trace=trace),
    "46 weeks, paid leave and a week without care": lambda trace=True: month_pay(
        Contract.from_schedule(hourly_rate="4.10", weeks=46, start=date(2025, 1, 6), schedule=SCHEDULE),
        "2025-04", non_care_weeks=[date(2025, 4, 14)],
        absences=[Absence.of(date(2025, 4, 24), "paid_leave")], trace=trace),
    "several rhythms": lambda trace=True: month_pay(_school_year(), "2025-10", rhythm_weeks={
        date(2025, 9, 29): 0, date(2025, 10, 6): 0, date(2025, 10, 13): 0, date(2025, 10, 20): 1,
        date(2025, 10, 27): 1}, trace=trace),
    "occasional care": lambda trace=True: month_pay(
        Contract.from_schedule(hourly_rate="4.50", weeks=52, start=date(2025, 1, 6), kind="occasional",
                               schedule={"wed": "10"}), "2025-03", worked_days={date(2025, 3, 12): "6"},
        trace=trace),
    "Alsace-Moselle": lambda trace=True: month_pay(_full(territory=Territory.MOSELLE), "2025-04", trace=trace),
}


def _everything(m: Explained) -> tuple[object, ...]:
    """All the result says, its explanations (and those it holds) included."""
    held = [getattr(m, f.name) for f in attrs.fields(type(m))]  # type: ignore[misc]
    inner = tuple(x.explanation for x in held if isinstance(x, Explained))
    return m.explanation, m.explain(), m._repr_html_(), inner, m.to_json()


@pytest.mark.parametrize("name", sorted(MONTHS))
def test_the_explanation_read_at_once_or_after_other_months_is_the_same(name: str) -> None:
    at_once = _everything(MONTHS[name]())
    kept = MONTHS[name]()
    others = [make() for make in MONTHS.values()]  # other months computed, and explained, meanwhile
    for other in others:
        other.explain()
    assert _everything(kept) == at_once
    assert kept == MONTHS[name]() and hash(kept) == hash(MONTHS[name]())


@pytest.mark.parametrize("name", sorted(MONTHS))
def test_untraced_months_have_the_same_figures(name: str) -> None:
    traced, untraced = MONTHS[name](), MONTHS[name](trace=False)
    assert traced == untraced and traced.to_dict()["gross_salary"] == untraced.to_dict()["gross_salary"]
    assert untraced.explanation is UNTRACED and untraced.net_detail.explanation is UNTRACED
    assert traced.explanation is not UNTRACED and traced.net_detail.explanation is not UNTRACED


def test_trace_false_still_gives_untraced() -> None:
    m = month_pay(_full(), (2025, 11), trace=False)
    assert m.explanation is UNTRACED and m.net_detail.explanation is UNTRACED
    assert mensualise(_full(), trace=False).explanation is UNTRACED
    assert net_salary(Decimal("693.33"), date(2025, 11, 1), trace=False).explanation is UNTRACED
    assert m == month_pay(_full(), (2025, 11)) and m.explanation != month_pay(_full(), (2025, 11)).explanation


def test_repr_and_equality_leave_the_explanation_unbuilt() -> None:
    m = month_pay(_full(), (2025, 11))
    assert repr(m).startswith("MonthPay(year=2025, month=11") and m == month_pay(_full(), (2025, 11))
    hash(m)
    assert "_explanation_later" in vars(m)  # not built yet
    m.explain()
    assert vars(m) == {}  # built: what it was built from is let go


@pytest.mark.parametrize("copied", [lambda m: pickle.loads(pickle.dumps(m)), copy.copy, copy.deepcopy,
                                    lambda m: attrs.evolve(m), lambda m: MonthPay.from_dict(m.to_dict())],
                         ids=["pickle", "copy", "deepcopy", "evolve", "json"])
def test_copies_carry_the_explanation(copied: Callable[[MonthPay], MonthPay]) -> None:
    m = MONTHS["child illness"]()
    twin = copied(m)
    assert twin == m and twin.explanation == MONTHS["child illness"]().explanation
    assert twin.explain() == m.explain() and twin.net_detail.explain() == m.net_detail.explain()


def test_mensualise_and_net_salary_read_later() -> None:
    first, second = mensualise(_school_year()), mensualise(_school_year())
    mensualise(_full()).explain()
    assert second.explain() == first.explain() and "109.2" in first.explanation.reference
    a = net_salary(Decimal("700.00"), date(2025, 11, 1), extra_hours_pay=Decimal("50.00"))
    b = net_salary(Decimal("700.00"), date(2025, 11, 1), extra_hours_pay=Decimal("50.00"))
    net_salary(Decimal("1200.00"), date(2024, 3, 1)).explain()
    assert a.explain() == b.explain() and a.to_json() == b.to_json()


def test_a_ledger_handed_on_before_the_explanation_is_read() -> None:
    first = month_pay(_full(), (2025, 11), absences=_illness((20, 21, 24, 25, 27, 28)))
    then = month_pay(_full(), "2025-12", absences=_illness((1, 2), 12), ledger=first.ledger)
    assert isinstance(first.ledger, MonthLedger) and first.ledger.child_illness is not None
    assert "Maladie de l'enfant" in then.explain() and "Maladie de l'enfant" in first.explain()


def test_the_callers_inputs_changed_after_the_call_do_not_reach_the_explanation() -> None:
    # the explanation is written later, but from what the month was computed with
    contract = Contract.from_schedule(hourly_rate="4.20", weeks=52, start=date(2024, 1, 8),
                                      schedule={"mon": "10", "tue": "10", "wed": "10", "thu": "10"},
                                      maintenance_per_hour="0.50")
    weeks: dict[date, object] = {date(2024, 10, 14): "47"}
    absences = [Absence.of(date(2024, 10, 21), "unpaid_leave")]
    days: dict[date, object] = {}
    eager = month_pay(contract, "2024-10", worked_weeks=dict(weeks), absences=list(absences)).explanation
    later = month_pay(contract, "2024-10", worked_weeks=weeks, absences=absences, worked_days=days)
    weeks[date(2024, 10, 14)], weeks[date(2024, 10, 7)] = "50", "45"
    absences.append(Absence.of(date(2024, 10, 22), "unpaid_leave"))
    days[date(2024, 10, 1)] = "12"
    assert later.explanation.text() == eager.text()
