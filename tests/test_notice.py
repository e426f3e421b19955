"""Préavis (CCN 3239 art. 64, 120, 122): durations, end dates, suspensions and notice pay."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc.contract import Contract, ContractKind
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.termination import (
    EndReason,
    MonthEnd,
    NoticeDuration,
    Suspension,
    notice,
    notice_compensation,
    unperformed_notice,
)

HIRED_LONG_AGO = date(2020, 1, 6)


@pytest.mark.parametrize(("hired", "sent", "days", "months"), [
    (date(2024, 9, 1), date(2024, 11, 29), 8, None),    # 2 months 29 days
    (date(2024, 9, 1), date(2024, 11, 30), 15, None),   # 3 months, the sending day counted
    (date(2023, 3, 15), date(2024, 3, 13), 15, None),   # 11 months 29 days
    (date(2023, 3, 15), date(2024, 3, 14), None, 1),    # 1 year
])
def test_durations_by_seniority_on_the_sending_date(hired: date, sent: date, days: int | None,
                                                    months: int | None) -> None:
    n = notice("withdrawal", hired=hired, sent=sent)
    assert (n.notice_days, n.notice_months) == (days, months)


def test_the_notice_runs_from_the_first_presentation() -> None:
    # Seniority on the sending date (under 3 months), day 1 on the presentation.
    n = notice("withdrawal", hired=date(2024, 12, 2), sent=date(2025, 2, 25), notified=date(2025, 3, 4))
    assert (n.notice_days, n.start, n.end, n.contract_end) == (8, date(2025, 3, 4), date(2025, 3, 11),
                                                               date(2025, 3, 11))


@pytest.mark.parametrize(("first", "default", "clipped"), [
    (date(2024, 12, 16), date(2025, 1, 15), date(2025, 1, 15)),
    (date(2025, 3, 1), date(2025, 3, 31), date(2025, 3, 31)),
    (date(2025, 1, 28), date(2025, 2, 27), date(2025, 2, 27)),
    (date(2025, 1, 29), date(2025, 2, 28), date(2025, 2, 27)),
    (date(2025, 1, 31), date(2025, 2, 28), date(2025, 2, 27)),
    (date(2024, 1, 30), date(2024, 2, 29), date(2024, 2, 28)),
    (date(2024, 1, 29), date(2024, 2, 28), date(2024, 2, 28)),
    (date(2025, 3, 31), date(2025, 4, 30), date(2025, 4, 29)),
])
def test_one_month_end_date_options(first: date, default: date, clipped: date) -> None:
    month = NoticeDuration(months=1)
    assert month.last_day(first) == default
    assert month.last_day(first, MonthEnd.DAY_BEFORE_CLIPPED) == clipped
    n = notice("withdrawal", hired=HIRED_LONG_AGO, sent=first, month_end=MonthEnd.DAY_BEFORE_CLIPPED)
    assert n.end == clipped


@pytest.mark.parametrize("reason", ["serious_misconduct", "agrement_withdrawal", "trial_period",
                                    "am_birth_or_adoption", "am_death", "fixed_term_end"])
def test_no_notice(reason: str) -> None:
    n = notice(reason, hired=HIRED_LONG_AGO, sent=date(2025, 5, 12))
    assert (n.notice_days, n.notice_months, n.duration, n.end) == (0, None, None, None)
    assert n.contract_end == date(2025, 5, 12)


def test_inaptitude_has_no_notice_from_1_may_2026_and_is_unsupported_before() -> None:
    n = notice("professional_inaptitude", hired=HIRED_LONG_AGO, sent=date(2026, 5, 4))
    assert (n.notice_days, n.contract_end) == (0, date(2026, 5, 4))
    with pytest.raises(UnsupportedCase):
        notice("inaptitude", hired=HIRED_LONG_AGO, sent=date(2026, 4, 30))


def test_child_death_pays_an_indemnity_equal_to_the_notice() -> None:
    n = notice("child_death", hired=date(2024, 3, 4), sent=date(2024, 12, 16))
    assert (n.notice_days, n.performed, n.contract_end) == (0, False, date(2024, 12, 16))
    assert n.duration == NoticeDuration(days=15)
    assert (n.start, n.end) == (date(2024, 12, 17), date(2024, 12, 31))


def test_retirement_and_resignation_have_the_same_durations() -> None:
    for reason in ("resignation", "retirement"):
        n = notice(reason, hired=date(2024, 3, 4), sent=date(2024, 12, 16))
        assert (n.notice_days, n.end) == (15, date(2024, 12, 30))


def test_suspensions_push_the_end_back_and_sickness_does_not() -> None:
    # 15 days from 16 Dec end on 30 Dec; 5 days of agreed leave push it to 4 Jan; a work
    # accident on 2-3 Jan, after the first end but inside the pushed notice, to 6 Jan.
    events = [
        Suspension(date(2025, 1, 2), date(2025, 1, 3), "work_accident"),
        Suspension(date(2024, 12, 23), date(2024, 12, 27), "paid_leave"),
        Suspension(date(2024, 12, 18), date(2024, 12, 19), "sickness"),
        Suspension(date(2025, 1, 10), date(2025, 1, 20), "maternity"),
    ]
    n = notice("withdrawal", hired=date(2024, 3, 4), sent=date(2024, 12, 16), suspensions=events)
    assert (n.planned_end, n.end, n.suspended_days) == (date(2024, 12, 30), date(2025, 1, 6), 7)
    assert "ne prolonge pas" in n.explain()


def test_suspension_rules_are_enforced() -> None:
    with pytest.raises(InvalidInput):  # before the notice started
        notice("withdrawal", hired=HIRED_LONG_AGO, sent=date(2025, 3, 3),
               suspensions=[Suspension(date(2025, 3, 1), date(2025, 3, 5), "work_accident")])
    with pytest.raises(InvalidInput):  # overlapping
        notice("withdrawal", hired=HIRED_LONG_AGO, sent=date(2025, 3, 3), suspensions=[
            Suspension(date(2025, 3, 5), date(2025, 3, 9), "paid_leave"),
            Suspension(date(2025, 3, 9), date(2025, 3, 12), "work_accident")])
    with pytest.raises(InvalidInput):  # no notice to suspend
        notice("serious_misconduct", hired=HIRED_LONG_AGO, sent=date(2025, 3, 3),
               suspensions=[Suspension(date(2025, 3, 5), date(2025, 3, 9), "paid_leave")])
    with pytest.raises(InvalidInput) as err:
        Suspension(date(2025, 3, 5), date(2025, 3, 9), "holiday")
    assert err.value.field == "suspensions.cause"


def test_invalid_dates() -> None:
    with pytest.raises(InvalidInput) as err:
        notice("withdrawal", hired=date(2025, 3, 3), sent=date(2025, 3, 2))
    assert err.value.field == "sent"
    with pytest.raises(InvalidInput) as err:
        notice("withdrawal", hired=date(2025, 1, 6), sent=date(2025, 3, 3), notified=date(2025, 3, 2))
    assert err.value.field == "notified"


reasons_with_notice = st.sampled_from(["withdrawal", "resignation", "retirement", "child_death"])
days = st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 12, 31))


@given(reasons_with_notice, days, st.integers(0, 2000), st.integers(0, 20),
       st.sampled_from(list(MonthEnd)), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 20),
                                                           st.sampled_from(["work_accident", "maternity",
                                                                            "paid_leave", "sickness"])),
                                                 max_size=3))
def test_the_notice_never_ends_before_it_starts(reason: str, hired: date, tenure: int, delay: int,
                                                month_end: MonthEnd,
                                                events: list[tuple[int, int, str]]) -> None:
    sent = hired + timedelta(days=tenure)
    notified = sent + timedelta(days=delay)
    # Non-overlapping events inside the first 60 days of the notice.
    suspensions, cursor = [], notified
    for gap, length, cause in events:
        start = cursor + timedelta(days=gap)
        suspensions.append(Suspension(start, start + timedelta(days=length), cause))
        cursor = start + timedelta(days=length + 1)
    if reason == "child_death":
        suspensions = []
    n = notice(reason, hired=hired, sent=sent, notified=notified, suspensions=suspensions,
               month_end=month_end)
    assert n.start is not None and n.end is not None and n.planned_end is not None
    assert n.start <= n.planned_end <= n.end
    assert n.contract_end >= sent
    if n.duration is not None and n.duration.days is not None:
        assert (n.planned_end - n.start).days + 1 == n.duration.days
    else:  # one month: at least 28 days, at most 31
        assert 28 <= (n.planned_end - n.start).days + 1 <= 31
    assert (n.end - n.planned_end).days == n.suspended_days


# Notice pay: 40 h over 4 days (Mon, Tue, Thu, Fri, 10 h a day).
SCHEDULE = {"mon": "10", "tue": "10", "thu": "10", "fri": "10"}


def test_notice_compensation_52_weeks_prorated_in_hours() -> None:
    # 693.33 € a month (40 h × 52 / 12 × 4.00 €). March 2025: 17 days (170 h), 9 in the notice
    # from the 17th; April 2025: 17 days (Easter Monday included), 9 up to the 16th.
    # 693.33 × 90/170 × 2 = 734.1141… → 734.11 €.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, schedule=SCHEDULE)
    pay = notice_compensation(c, first_day=date(2025, 3, 17), last_day=date(2025, 4, 16))
    assert pay.amount == Decimal("734.11")
    assert [(s.units_in_period, s.units_in_month) for s in pay.shares] == [(90 * 3600, 170 * 3600)] * 2


def test_notice_compensation_whole_month_is_the_mensualised_salary() -> None:
    # March part 367.0571 + April 693.33 + May (18 days, 1-16: 10 days) 385.1833 = 1 445.57 €.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, schedule=SCHEDULE)
    pay = notice_compensation(c, first_day=date(2025, 3, 17), last_day=date(2025, 5, 16))
    assert pay.amount == Decimal("1445.57")
    assert pay.shares[1].units_in_period == pay.shares[1].units_in_month


def test_notice_compensation_46_weeks_prorated_in_days() -> None:
    # 480.00 € a month (40 h × 36 / 12 × 4.00 €); 9 days of 17 in March and in April:
    # 480 × 18 / 17 = 508.2352… → 508.24 €.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=36, schedule=SCHEDULE)
    pay = notice_compensation(c, first_day=date(2025, 3, 17), last_day=date(2025, 4, 16))
    assert pay.amount == Decimal("508.24")
    assert [(s.units_in_period, s.units_in_month) for s in pay.shares] == [(9, 17), (9, 17)]


def test_unperformed_notice_owes_the_net_pay_of_the_missing_part() -> None:
    # 7 to 16 April 2025: 6 days (60 h) of 170 h; 540.00 € net × 60 / 170 = 190.588… → 190.59 €.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, schedule=SCHEDULE)
    pay = unperformed_notice(c, monthly_net="540.00", first_day=date(2025, 4, 7),
                             last_day=date(2025, 4, 16))
    assert pay.amount == Decimal("190.59")


def test_notice_pay_needs_a_schedule_and_ordered_dates() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
    with pytest.raises(InvalidInput) as err:
        notice_compensation(c, first_day=date(2025, 3, 17), last_day=date(2025, 4, 16))
    assert err.value.field == "schedule"
    scheduled = Contract.from_schedule(hourly_rate="4.00", weeks=52, schedule=SCHEDULE)
    with pytest.raises(InvalidInput):
        notice_compensation(scheduled, first_day=date(2025, 4, 17), last_day=date(2025, 4, 16))


def test_reason_enum_and_string_are_the_same() -> None:
    a = notice(EndReason.WITHDRAWAL, hired=HIRED_LONG_AGO, sent=date(2025, 6, 2))
    b = notice("withdrawal", hired=HIRED_LONG_AGO, sent=date(2025, 6, 2))
    assert a == b


def test_notice_knows_the_kind_of_contract_when_told() -> None:
    # rules.md §1.2, §8.9: a CDD ends at its term (or early, Code du travail L1243-1), never by
    # resignation or retrait; the term of a CDD never ends a CDI
    hired, sent = date(2024, 12, 2), date(2025, 2, 25)
    assert notice("withdrawal", hired=hired, sent=sent, kind="cdi") == notice("withdrawal", hired=hired, sent=sent)
    with pytest.raises(InvalidInput) as refused:
        notice("resignation", hired=hired, sent=sent, kind="cdd")
    assert refused.value.field == "reason" and "L1243-1" in str(refused.value)
    with pytest.raises(InvalidInput) as refused:
        notice("fixed_term_end", hired=hired, sent=sent, kind=ContractKind.CDI)
    assert refused.value.field == "reason"
    with pytest.raises(InvalidInput) as refused:
        notice("withdrawal", hired=hired, sent=sent, kind="interim")
    assert refused.value.field == "kind"
