"""Congés payés: expected figures worked out by hand from CCN 3239 art. 48.1 and
102 and Code du travail L3141-3 to -24 (rules.md §6), never from the code."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import event, given, reject
from hypothesis import strategies as st

from amcalc.calendar import jours_ouvrables
from amcalc.contract import Contract, ContractKind
from amcalc.errors import InvalidInput
from amcalc.paid_leave import (
    LeaveMonthFraction,
    LeaveSpan,
    MonthRecord,
    PajemploiLeave,
    PaymentKind,
    PaymentMethod,
    acquired_leave,
    acquired_leave_between,
    complementary_leave,
    fractionnement,
    leave_indemnity,
    leave_ledger,
    leave_payments,
    occasional_leave_pay,
    reference_period,
    reference_periods,
    tenth_base,
)
from amcalc.paid_leave.period import ReferencePeriod
from amcalc.paid_leave.taking import continuous_spans

D = Decimal
SCHEDULE = {"mon": "10", "tue": "10", "thu": "10", "fri": "10"}


def contract(weeks: int = 52, **options: object) -> Contract:
    return Contract.from_schedule(hourly_rate="4.00", weeks=weeks, schedule=SCHEDULE, **options)


# --- reference periods (CCN art. 48.1.1.1) ---------------------------------

def test_reference_period_runs_from_1_june_to_31_may() -> None:
    assert reference_period(date(2025, 5, 31)) == ReferencePeriod(date(2024, 6, 1), date(2025, 5, 31))
    assert reference_period(date(2025, 6, 1)).closing == date(2026, 5, 31)
    assert not reference_period(date(2025, 1, 1)).is_partial


def test_contract_periods_first_and_last_are_partial() -> None:
    periods = reference_periods(date(2024, 9, 2), date(2026, 8, 29))
    assert [(p.first, p.last) for p in periods] == [
        (date(2024, 9, 2), date(2025, 5, 31)),
        (date(2025, 6, 1), date(2026, 5, 31)),
        (date(2026, 6, 1), date(2026, 8, 29)),
    ]
    assert [p.is_partial for p in periods] == [True, False, True]


def test_a_period_cannot_straddle_31_may() -> None:
    with pytest.raises(InvalidInput):
        ReferencePeriod(date(2025, 4, 1), date(2025, 6, 30))
    with pytest.raises(InvalidInput):
        reference_periods(date(2025, 6, 1), date(2025, 5, 1))


# --- acquisition (art. 48.1.1.2; L3141-3 to -8) -----------------------------

@pytest.mark.parametrize(
    ("kwargs", "raw", "acquired"),
    [
        ({"months_worked": "7"}, Fraction(35, 2), 18),
        ({"months_worked": "12"}, Fraction(30), 30),
        ({"weeks_worked": "36"}, Fraction(45, 2), 23),
        ({"weeks_worked": "44", "assimilated_weeks": "4"}, Fraction(30), 30),
        ({"weeks_worked": "0.5"}, Fraction(5, 16), 1),
        ({"weeks_worked": "46", "assimilated_weeks": "6"}, Fraction(65, 2), 30),  # 32.5, capped
        ({"weeks_worked": "19.2", "dependent_children": 1}, Fraction(12), 14),
        ({"months_worked": "11", "dependent_children": 1}, Fraction(55, 2), 30),  # 28 + 2
        ({"months_worked": "12", "dependent_children": 2}, Fraction(30), 30),
    ],
)
def test_acquired_days(kwargs: dict[str, object], raw: Fraction, acquired: int) -> None:
    result = acquired_leave(**kwargs)  # type: ignore[arg-type]
    assert (result.raw_days, result.acquired_days) == (raw, acquired)


def test_sickness_since_loi_2024_364_earns_2_days_a_month_within_24() -> None:
    assert acquired_leave(months_worked="6", sick_months="6").acquired_days == 27  # 15 + 12
    assert acquired_leave(months_worked="0", sick_months="12").acquired_days == 24  # 24, not 24+
    mixed = acquired_leave(months_worked="11", sick_months="1")  # 27.5 + 2 = 29.5
    assert (mixed.sickness_days, mixed.acquired_days) == (2, 30)


def test_sickness_before_24_april_2024_needs_the_retroactive_option() -> None:
    plain = acquired_leave(months_worked="6", earlier_sick_months="6")
    assert plain.acquired_days == 15
    assert "2024-364" in plain.explain()
    # loi 2024-364 art. 37 II: the period's total is held to 24 days.
    assert acquired_leave(months_worked="6", earlier_sick_months="6",
                          retroactive_sickness=True).acquired_days == 24
    assert acquired_leave(months_worked="10", earlier_sick_months="2",
                          retroactive_sickness=True).acquired_days == 25  # 25 already > 24


def test_children_of_an_am_under_21() -> None:
    assert acquired_leave(months_worked="12", dependent_children=2, am_under_21=True).acquired_days == 34
    # leave of 6 days or less: one day per child (L3141-8)
    assert acquired_leave(months_worked="2", dependent_children=2, am_under_21=True).acquired_days == 7


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"months_worked": "3", "weeks_worked": "12"},
        {"months_worked": "3", "assimilated_weeks": "1"},
        {"months_worked": "13"},
        {"months_worked": "7", "sick_months": "6"},
        {"weeks_worked": "54"},
        {"weeks_worked": "-1"},
        {"weeks_worked": 4.5},
        {"months_worked": "1", "dependent_children": -1},
    ],
)
def test_acquisition_rejects_impossible_input(kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        acquired_leave(**kwargs)  # type: ignore[arg-type]


def test_acquisition_between_dates_counts_whole_months_then_the_rest() -> None:
    assert acquired_leave_between(date(2024, 9, 1), date(2025, 5, 31)).raw_days == Fraction(45, 2)
    # 15 Jan → 14 Feb is a month; 15 Feb → 3 Mar holds 17 days, 14 of them jours ouvrables.
    by_days = acquired_leave_between(date(2025, 1, 15), date(2025, 3, 3))
    assert (by_days.raw_days, by_days.acquired_days) == (Fraction(5, 2) * Fraction(19, 12), 4)
    by_calendar = acquired_leave_between(date(2025, 1, 15), date(2025, 3, 3),
                                         month_fraction=LeaveMonthFraction.CALENDAR_DAYS)
    assert (by_calendar.raw_days, by_calendar.acquired_days) == (Fraction(5, 2) * Fraction(45, 28), 5)
    # 26 jours ouvrables in a remainder never count more than a month.
    assert acquired_leave_between(date(2025, 6, 1), date(2025, 6, 30)).raw_days == Fraction(5, 2)
    with pytest.raises(InvalidInput):
        acquired_leave_between(date(2025, 4, 1), date(2025, 6, 30))


# --- taking leave (art. 48.1.1.3, 48.1.1.4, 102.2; L3141-19) ----------------

def test_leave_is_counted_in_jours_ouvrables_without_chome_holidays() -> None:
    span = LeaveSpan(date(2025, 8, 4), date(2025, 8, 23))  # 3 weeks, 15 August a Friday
    assert span.count == 17 == jours_ouvrables(span.first, span.last)
    assert span.holidays == (date(2025, 8, 15),)
    assert LeaveSpan(date(2025, 8, 4), date(2025, 8, 9)).count == 6  # Saturday counts
    with pytest.raises(InvalidInput):
        LeaveSpan(date(2025, 8, 9), date(2025, 8, 4))


@pytest.mark.parametrize(
    ("ordinary", "inside", "outside", "extra"),
    [(30, 18, 6, 2), (30, 24, 6, 0), (30, 19, 7, 1), (30, 21, 5, 1), (23, 18, 5, 1),
     (30, 22, 2, 0), (12, 6, 6, 2), (12, 10, 2, 0)],
)
def test_fractionnement(ordinary: int, inside: int, outside: int, extra: int) -> None:
    assert fractionnement(ordinary_days=ordinary, inside=inside, outside=outside).extra_days == extra
    assert fractionnement(ordinary_days=ordinary, inside=inside, outside=outside, waived=True).extra_days == 0


def test_complementary_unpaid_leave_52_weeks_gives_the_hours_to_deduct() -> None:
    # 28/07 → 30/08/2025: 5 weeks, 15 August off: 29 jours ouvrables; 23 paid, 6 unpaid
    # (25 → 30 August: Mon, Tue, Thu, Fri of 10 h = 40 h).
    leave = complementary_leave(contract(), acquired_days=23,
                                spans=[LeaveSpan(date(2025, 7, 28), date(2025, 8, 30))])
    assert (leave.paid_days, leave.unpaid_days, leave.deducted) == (23, 6, True)
    assert leave.unpaid_dates[0] == date(2025, 8, 25)
    assert [(m.month, m.seconds) for m in leave.months] == [(date(2025, 8, 1), 40 * 3600)]


def test_complementary_unpaid_leave_46_weeks_is_not_deducted() -> None:
    leave = complementary_leave(contract(36), acquired_days=23,
                                spans=[LeaveSpan(date(2025, 7, 28), date(2025, 8, 30))])
    assert (leave.unpaid_days, leave.deducted, leave.months) == (6, False, ())


def test_unpaid_hours_without_a_schedule_use_one_sixth_of_the_week() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="45", days_per_week=5)
    leave = complementary_leave(c, acquired_days=0, spans=[LeaveSpan(date(2025, 3, 3), date(2025, 3, 4))])
    assert leave.months[0].seconds == 2 * 45 * 3600 / 6


def test_more_rest_than_30_days_is_not_leave() -> None:
    with pytest.raises(InvalidInput):
        complementary_leave(contract(), acquired_days=23,
                            spans=[LeaveSpan(date(2025, 7, 7), date(2025, 8, 16))])


# --- indemnity (art. 48.1.1.5; L3141-24) ------------------------------------

def test_indemnity_maintien_wins_for_36_weeks() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=36, weekly_hours="40", days_per_week=4)
    i = leave_indemnity(c, acquired_days=23, reference_gross=D("5760.00"))
    # 23/6 × 40 × 4.00 = 613.333… ; 5 760 / 10 = 576
    assert (i.maintien, i.tenth, i.indemnity, i.method) == (D("613.33"), D("576.00"), D("613.33"), "maintien")
    assert "613,33 €" in i.explain()


def test_indemnity_tenth_wins_for_52_weeks_with_extra_hours() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
    i = leave_indemnity(c, acquired_days=30, reference_gross=D("8650.00"))
    assert (i.maintien, i.tenth, i.indemnity, i.method) == (D("800.00"), D("865.00"), D("865.00"), "tenth")


def test_indemnity_with_several_rhythms_uses_the_average_week() -> None:
    c = Contract.from_rhythms(hourly_rate="4.00", weeks=44, rhythms=[
        {"weeks": 36, "weekly_hours": "40", "days_per_week": 4},
        {"weeks": 8, "weekly_hours": "10", "days_per_week": 1},
    ])
    # average (36 × 40 + 8 × 10) / 44 = 1 520 / 44 h; 28/6 × 1 520/44 × 4 = 644.848…
    i = leave_indemnity(c, acquired_days=28, reference_gross=D("0"))
    assert i.maintien == D("644.85")
    assert "[U]" in i.explain()


def test_indemnity_rounds_each_amount_once_half_up() -> None:
    c = Contract.from_weekly_hours(hourly_rate="3.50", weeks=40, weekly_hours="40", days_per_week=4)
    i = leave_indemnity(c, acquired_days=3, reference_gross=D("466.65"))
    assert (i.maintien, i.tenth) == (D("70.00"), D("46.67"))  # 46.665 → 46.67


def test_occasional_care_is_10_percent_at_the_end() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=10, weekly_hours="20", days_per_week=2,
                                   kind="occasional")
    assert c.kind is ContractKind.OCCASIONAL
    with pytest.raises(InvalidInput, match="102.1.2.3"):
        leave_indemnity(c, acquired_days=3, reference_gross=D("800.00"))
    assert occasional_leave_pay("800.05").amount == D("80.01")  # 80.005 → 80.01


def test_tenth_base_counts_80_percent_of_sick_pay_since_2024() -> None:
    base = tenth_base(salaries="5000.00", leave_paid="480.00", assimilated_pay="300.00",
                      sickness_pay="1000.00", closing=date(2025, 5, 31))
    assert base.total == D("6580.00")
    with pytest.raises(InvalidInput):
        tenth_base(salaries="5000.00", sickness_pay="10.00", closing=date(2023, 5, 31))


# --- payment timing (art. 102.1.2) ------------------------------------------

def _36_weeks() -> tuple[Contract, object]:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=36, weekly_hours="40", days_per_week=4)
    return c, leave_indemnity(c, acquired_days=23, reference_gross=D("5760.00"))


def test_46_weeks_pays_in_june_or_with_the_main_leave() -> None:
    c, i = _36_weeks()
    june = leave_payments(c, i, closing=date(2025, 5, 31), method="june")  # type: ignore[arg-type]
    assert [(p.month, p.amount, p.days) for p in june] == [(date(2025, 6, 1), D("613.33"), 23)]
    assert june[0].declared_hours == Fraction(61333, 400)  # 613.33 / 4.00
    spans = [LeaveSpan(date(2025, 7, 7), date(2025, 7, 12)), LeaveSpan(date(2025, 8, 4), date(2025, 8, 23))]
    main = leave_payments(c, i, closing=date(2025, 5, 31), method="main_leave", taken=spans)  # type: ignore[arg-type]
    assert [(p.month, p.amount) for p in main] == [(date(2025, 8, 1), D("613.33"))]
    with pytest.raises(InvalidInput):
        leave_payments(c, i, closing=date(2025, 5, 31), method="main_leave")  # type: ignore[arg-type]


def test_46_weeks_as_taken_adds_up_to_the_indemnity() -> None:
    c, i = _36_weeks()
    spans = [LeaveSpan(date(2025, 7, 7), date(2025, 7, 12)), LeaveSpan(date(2025, 8, 4), date(2025, 8, 16))]
    payments = leave_payments(c, i, closing=date(2025, 5, 31), method=PaymentMethod.AS_TAKEN, taken=spans)  # type: ignore[arg-type]
    # July: 6 days → 613.33 × 6/23 = 160.00; August: 11 days → cumulative 17/23 → 453.33;
    # balance of 6 days in May 2026.
    assert [(p.month, p.amount, p.days, p.kind) for p in payments] == [
        (date(2025, 7, 1), D("160.00"), 6, PaymentKind.INDEMNITY),
        (date(2025, 8, 1), D("293.33"), 11, PaymentKind.INDEMNITY),
        (date(2026, 5, 1), D("160.00"), 6, PaymentKind.BALANCE),
    ]
    assert sum(p.amount for p in payments) == i.indemnity  # type: ignore[attr-defined]


@pytest.mark.parametrize("method", ["monthly", "1/12", "twelfth", "mensuel", ""])
def test_any_other_method_is_refused(method: str) -> None:
    c, i = _36_weeks()
    with pytest.raises(InvalidInput, match=r"102\.1\.2\.2") as err:
        leave_payments(c, i, closing=date(2025, 5, 31), method=method)  # type: ignore[arg-type]
    assert err.value.field == "method"


def test_52_weeks_pays_the_tenth_excess_in_june_and_takes_no_method() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
    tenth = leave_indemnity(c, acquired_days=30, reference_gross=D("8650.00"))
    payments = leave_payments(c, tenth, closing=date(2025, 5, 31))
    assert [(p.month, p.amount, p.days, p.kind) for p in payments] == [
        (date(2025, 6, 1), D("65.00"), 0, PaymentKind.TENTH_TOP_UP)]
    maintien = leave_indemnity(c, acquired_days=30, reference_gross=D("7000.00"))
    assert leave_payments(c, maintien, closing=date(2025, 5, 31)) == ()
    with pytest.raises(InvalidInput, match=r"102\.1\.2\.1"):
        leave_payments(c, tenth, closing=date(2025, 5, 31), method="june")


# --- ledger ------------------------------------------------------------------

def _months(first: date, last: date, gross: str, **figures: object) -> list[MonthRecord]:
    out, month = [], first.replace(day=1)
    while month <= last:
        out.append(MonthRecord.of(month, gross, **figures))  # type: ignore[arg-type]
        month = (month + timedelta(days=32)).replace(day=1)
    return out


def test_ledger_52_weeks_over_two_periods() -> None:
    c = contract(52, start=date(2024, 9, 2))
    months = _months(date(2024, 9, 1), date(2025, 12, 1), "693.33")
    taken = [LeaveSpan(date(2024, 12, 23), date(2024, 12, 28)), LeaveSpan(date(2025, 7, 28), date(2025, 8, 23)),
             LeaveSpan(date(2025, 12, 22), date(2025, 12, 27))]
    ledger = leave_ledger(c, months, taken=taken)
    first, second = ledger.periods
    # 2/09/2024 → 31/05/2025: September counts whole (25 jours ouvrables ≥ 24), 9 months → 23 days.
    assert (first.acquired_days, first.taken_days, first.remaining_days) == (23, 23, 0)
    # 9 × 693.33 = 6 239.97 → 624.00 beats 23/6 × 40 × 4 = 613.33: 10.67 in June.
    assert first.indemnity is not None and first.indemnity.indemnity == D("624.00")
    assert [(p.month, p.amount) for p in first.payments] == [(date(2025, 6, 1), D("10.67"))]
    assert (second.closed, second.acquired_days) == (False, 18)  # June → December: 7 × 2.5
    # Christmas 2024 (no right yet) and Christmas 2025 (rights used): complementary unpaid
    # leave, 23, 24, 26, 27 Dec 2024 (40 h) and 22, 23, 26 Dec 2025 (30 h).
    assert [(u.month, u.days, u.seconds) for u in ledger.unpaid] == [
        (date(2024, 12, 1), 5, 40 * 3600), (date(2025, 12, 1), 5, 30 * 3600)]
    assert ledger.pajemploi("2025-06").days == 0  # 52 weeks: never the CP days field


def test_ledger_52_weeks_end_of_contract_with_fractionnement() -> None:
    c = contract(52, start=date(2024, 6, 3), end=date(2026, 1, 30))
    months = _months(date(2024, 6, 1), date(2026, 1, 1), "693.33")
    taken = [LeaveSpan(date(2025, 7, 7), date(2025, 7, 26)),   # 17 days (14 July)
             LeaveSpan(date(2025, 11, 3), date(2025, 11, 8)),  # 6 days outside the window
             LeaveSpan(date(2025, 12, 22), date(2025, 12, 27))]  # 5 days (25 Dec)
    first, last = leave_ledger(c, months, taken=taken).periods
    # main leave 24: 17 inside, 7 of the 11 outside → +2 days (L3141-19)
    assert (first.fractionnement_days, first.acquired_days, first.taken_days) == (2, 32, 28)
    assert (first.compensated_days, first.remaining_days) == (4, 0)
    # 12 × 693.33 = 8 319.96 → 832.00 > 800.00: 32.00 in June; 4 days left: 4/6 × 160 = 106.67.
    assert [(p.month, p.amount, p.kind) for p in first.payments] == [
        (date(2025, 6, 1), D("32.00"), PaymentKind.TENTH_TOP_UP),
        (date(2026, 1, 1), D("106.67"), PaymentKind.COMPENSATION)]
    # last period June 2025 → 30 Jan 2026: 8 months → 20 days; base 8 × 693.33 + 32.00 + 106.67.
    assert last.base.total == D("5685.31")
    assert last.indemnity is not None and last.indemnity.indemnity == D("568.53")
    assert (last.compensated_days, last.remaining_days, last.paid) == (20, 0, D("568.53"))


def test_ledger_46_weeks_june_payment_enters_the_next_base() -> None:
    c = contract(36, start=date(2024, 9, 2))
    weeks = [4, 3, 3, 3, 4, 2, 4, 2, 3, 4, 1, 0, 4]  # Sept 2024 → Sept 2025
    months = [MonthRecord.of(m.month, "480.00", weeks_worked=str(w),
                             assimilated_weeks="3" if m.month == date(2025, 8, 1) else "0")
              for m, w in zip(_months(date(2024, 9, 1), date(2025, 9, 1), "0"), weeks, strict=True)]
    ledger = leave_ledger(c, months, taken=[LeaveSpan(date(2025, 8, 4), date(2025, 8, 23))], method="june")
    first, second = ledger.periods
    # 28 weeks → 17.5 → 18 days; maintien 18/6 × 40 × 4 = 480.00 > 432.00
    assert (first.acquired_days, first.taken_days, first.remaining_days) == (18, 17, 1)
    assert [(p.month, p.amount, p.days) for p in first.payments] == [(date(2025, 6, 1), D("480.00"), 18)]
    assert ledger.pajemploi("2025-06").days == 18
    assert ledger.pajemploi("2025-06").hours == 120
    # Next base: 4 × 480 salaries + 480 of leave paid in June.
    assert second.base.total == D("2400.00")
    assert ledger.unpaid == ()


def test_ledger_46_weeks_as_taken_then_end_of_contract() -> None:
    c = contract(36, start=date(2024, 9, 2), end=date(2025, 12, 19))
    weeks = [4, 3, 3, 3, 4, 2, 4, 2, 3, 4, 1, 0, 4, 3, 3, 3]  # Sept 2024 → Dec 2025
    months = [MonthRecord.of(m.month, "480.00", weeks_worked=str(w),
                             assimilated_weeks="3" if m.month == date(2025, 8, 1) else "0")
              for m, w in zip(_months(date(2024, 9, 1), date(2025, 12, 1), "0"), weeks, strict=True)]
    ledger = leave_ledger(c, months, taken=[LeaveSpan(date(2025, 8, 4), date(2025, 8, 23))],
                          method="as_taken")
    first, last = ledger.periods
    # 18 days at 480.00: 17 taken in August → 480 × 17/18 = 453.33; the last day is
    # compensated at the end (26.67), not in May 2026.
    assert [(p.month, p.amount, p.days, p.kind) for p in first.payments] == [
        (date(2025, 8, 1), D("453.33"), 17, PaymentKind.INDEMNITY),
        (date(2025, 12, 1), D("26.67"), 1, PaymentKind.COMPENSATION)]
    # June → 19 Dec 2025: 4+1+0+3+4+3+3+3 = 21 weeks → 13.125 → 14 days; base 7 × 480 + 480
    # paid for the first period: 3 840 → 384.00 beats 14/6 × 160 = 373.33.
    assert (last.acquired_days, last.base.total) == (14, D("3840.00"))
    assert [(p.month, p.amount, p.days) for p in last.payments] == [(date(2025, 12, 1), D("384.00"), 14)]
    assert ledger.pajemploi("2025-12") == PajemploiLeave(15, Fraction(41067, 400), D("410.67"))


def test_ledger_46_weeks_pays_with_the_longest_leave_in_the_window() -> None:
    c = contract(36, start=date(2024, 9, 2))
    months = _months(date(2024, 9, 1), date(2025, 8, 1), "480.00", weeks_worked="3")
    taken = [LeaveSpan(date(2025, 7, 7), date(2025, 7, 12)), LeaveSpan(date(2025, 8, 4), date(2025, 8, 23))]
    row = leave_ledger(c, months, taken=taken, method="main_leave").periods[0]
    # 27 weeks → 16.875 → 17 days, all of them used by July (6) and August (11 of 17)
    assert [(p.month, p.days) for p in row.payments] == [(date(2025, 8, 1), 17)]


def test_continuous_spans_ignore_sundays_and_holidays() -> None:
    days = LeaveSpan(date(2025, 8, 4), date(2025, 8, 23)).days + (date(2025, 9, 1),)
    assert continuous_spans(days) == (LeaveSpan(date(2025, 8, 4), date(2025, 8, 23)),
                                      LeaveSpan(date(2025, 9, 1), date(2025, 9, 1)))


def test_ledger_46_weeks_main_leave_not_yet_taken() -> None:
    c = contract(36, start=date(2024, 9, 2))
    months = _months(date(2024, 9, 1), date(2025, 6, 1), "480.00", weeks_worked="3")
    row = leave_ledger(c, months, method="main_leave").periods[0]
    assert row.closed and row.payments == ()
    assert "congé principal" in row.explain()


def test_ledger_occasional_care_pays_10_percent_at_the_end() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=10, weekly_hours="20", days_per_week=2,
                                   kind="occasional", start=date(2025, 3, 3), end=date(2025, 4, 30))
    ledger = leave_ledger(c, [MonthRecord.of("2025-03", "300.00", months_worked="1"),
                              MonthRecord.of("2025-04", "250.00", months_worked="1")])
    (row,) = ledger.periods
    assert (row.acquired_days, row.compensated_days, row.remaining_days) == (5, 5, 0)
    # 10 % × 550.00 = 55.00, declared with the 5 days and 55 / 4 = 13.75 h
    assert ledger.pajemploi("2025-04") == PajemploiLeave(5, Fraction(55, 4), D("55.00"))
    with pytest.raises(InvalidInput, match="102.1.2.3"):
        leave_ledger(c, [MonthRecord.of("2025-03", "300.00", months_worked="1")], method="june")


def test_ledger_refuses_bad_input() -> None:
    c36 = contract(36, start=date(2024, 9, 2))
    months = _months(date(2024, 9, 1), date(2024, 10, 1), "480.00", weeks_worked="4")
    with pytest.raises(InvalidInput, match="102.1.2.2"):
        leave_ledger(c36, months)
    with pytest.raises(InvalidInput, match="102.1.2.2"):
        leave_ledger(c36, months, method="monthly")
    with pytest.raises(InvalidInput):
        leave_ledger(c36, months[1:], method="june")  # months must start at hiring
    with pytest.raises(InvalidInput):
        leave_ledger(contract(52, start=date(2024, 9, 2)), _months(date(2024, 9, 1), date(2024, 9, 1), "1"),
                     method="june")
    with pytest.raises(InvalidInput):
        MonthRecord.of("2023-05", "1", months_worked="0.5", sick_months="0.5")
    with pytest.raises(InvalidInput):
        MonthRecord.of("2024-06", "1", months_worked="0.5", earlier_sick_months="0.5")


# --- properties ----------------------------------------------------------------

def hundredths(most: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=most)


@given(data=st.data(), children=st.integers(0, 6), retro=st.booleans())
def test_acquired_days_never_exceed_the_cap(data: st.DataObject, children: int, retro: bool) -> None:
    worked = data.draw(hundredths(1200))
    ill = data.draw(hundredths(1200 - worked))
    before = data.draw(hundredths(1200 - worked - ill))
    months, sick, earlier = (Fraction(n, 100) for n in (worked, ill, before))
    a = acquired_leave(months_worked=months, sick_months=sick, earlier_sick_months=earlier,
                       retroactive_sickness=retro, dependent_children=children)
    assert a.sickness_days <= 24
    assert a.ordinary_days <= a.acquired_days <= 30


rates = st.decimals(min_value="3.50", max_value="12.00", places=2)
cents = st.integers(min_value=0, max_value=3_000_000)


@given(rate=rates, weeks=st.sampled_from([52, 46, 36, 20]), hours=st.integers(1, 48),
       days=st.integers(0, 34), base=cents)
def test_indemnity_is_the_higher_method(rate: Decimal, weeks: int, hours: int, days: int, base: int) -> None:
    c = Contract.from_weekly_hours(hourly_rate=rate, weeks=weeks, weekly_hours=str(hours), days_per_week=5)
    i = leave_indemnity(c, acquired_days=days, reference_gross=Decimal(base) / 100)
    assert i.indemnity == max(i.maintien, i.tenth)
    assert i.indemnity == (i.maintien if i.method == "maintien" else i.tenth)


@given(low=cents, extra=cents)
def test_the_tenth_grows_with_the_base(low: int, extra: int) -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
    small = leave_indemnity(c, acquired_days=30, reference_gross=Decimal(low) / 100)
    large = leave_indemnity(c, acquired_days=30, reference_gross=Decimal(low + extra) / 100)
    assert small.tenth <= large.tenth
    assert small.indemnity <= large.indemnity


@given(
    weeks=st.sampled_from([52, 36]),
    start=st.dates(min_value=date(2024, 6, 1), max_value=date(2025, 5, 31)),
    length=st.integers(min_value=3, max_value=26),
    spans=st.lists(st.tuples(st.integers(1, 150), st.integers(0, 13)), max_size=6),
    method=st.sampled_from(list(PaymentMethod)),
    ends=st.booleans(),
)
def test_the_ledger_balances(
    weeks: int, start: date, length: int, spans: list[tuple[int, int]], method: PaymentMethod, ends: bool
) -> None:
    last_month = (start.replace(day=1) + timedelta(days=31 * length)).replace(day=1)
    end = (last_month + timedelta(days=32)).replace(day=1) - timedelta(days=1) if ends else None
    c = contract(weeks, start=start, end=end)
    figures = {"months_worked": "1"} if weeks == 52 else {"weeks_worked": "3"}
    months = _months(start, last_month, "600.00", **figures)
    as_of = (last_month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    day = date(reference_period(start).closing.year, 5, 1)  # the first rights become usable
    taken = []
    for gap, size in spans:  # one after the other, never overlapping
        first, day = day + timedelta(days=gap), day + timedelta(days=gap + size)
        if day <= as_of:
            taken.append(LeaveSpan(first, day))
    try:
        ledger = leave_ledger(c, months, taken=taken, method=None if weeks == 52 else method)
    except InvalidInput:
        reject()
    for row in ledger.periods:
        assert row.acquired_days == row.taken_days + row.compensated_days + row.remaining_days
        assert row.remaining_days >= 0 and row.taken_days <= row.acquired_days
        if ends:
            assert row.remaining_days == 0
        event("days taken" if row.taken_days else "no leave taken")
        event("fractionnement" if row.fractionnement_days else "no fractionnement")
        if weeks == 36 and row.indemnity is not None and ends:
            extra = sum(p.amount for p in row.payments if p.kind is PaymentKind.FRACTIONNEMENT)
            assert row.paid == row.indemnity.indemnity + extra
