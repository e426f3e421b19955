"""A contract's month (CCN 3239 art. 47, 96, 101, 105, 109–111, 114): figures derived by hand
from the rules, and the properties of issue 3."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from amcalc.calendar import WEEKDAYS, month_plan
from amcalc.child_illness import ChildIllnessLedger, ContractYearUsage
from amcalc.contract import Contract, ContractKind
from amcalc.errors import BelowMinimumRate, InvalidInput, UnsupportedCase
from amcalc.extra_hours import split_week
from amcalc.mensualisation import mensualise
from amcalc.month import Absence, MonthLedger, PartialMonth, band_seconds, month_pay, spread_seconds

H = 3600
WEEKDAYS_9H = {d: "9" for d in ("mon", "tue", "wed", "thu", "fri")}


def full_year(start: date = date(2024, 9, 2), **options: object) -> Contract:
    """52 weeks, Mon–Fri 9 h at 4.00 €: 195 h, 780.00 € a month."""
    return Contract.from_schedule(hourly_rate="4.00", weeks=52, start=start, schedule=WEEKDAYS_9H,
                                  **options)


def test_hiring_mid_month_prorata_and_actual_hours() -> None:
    # March 2025: 21 weekdays = 189 h; hired Mon 17 March: 10 days (90 h) before hiring.
    c = full_year(start=date(2025, 3, 17))
    m = month_pay(c, "2025-03")
    assert m.absence_deduction == Decimal("371.43")  # 780 × 90 / 189 = 371.428…
    assert m.gross_salary == Decimal("408.57")
    assert m.pajemploi.declared_hours == 102  # 408.57 / 4 = 102.14
    actual = month_pay(c, "2025-03", partial_month=PartialMonth.ACTUAL_HOURS)
    assert actual.gross_salary == Decimal("396.00")  # 11 days × 9 h × 4.00


def test_leaving_mid_month() -> None:
    # Ends Fri 14 March 2025: the 11 days from 17 to 31 March (99 h) are not paid.
    m = month_pay(full_year(end=date(2025, 3, 14)), "2025-03")
    assert m.absence_deduction == Decimal("408.57")  # 780 × 99 / 189 = 408.571…


def test_may_day_and_ordinary_holiday_worked() -> None:
    # May 2025: 1 May (Thu) worked +100 % and 8 May (Thu) worked +10 %, Ascension (29) chômé.
    m = month_pay(full_year(), "2025-05", worked_holidays=[date(2025, 5, 1), date(2025, 5, 8)])
    assert m.holiday_pay == Decimal("39.60")  # 9 × 4 × 100 % + 9 × 4 × 10 %
    assert m.gross_salary == Decimal("819.60")
    # Entretien at the minimum (no agreed rate): 21 days worked × 90 % × MG 4.22 for 9 h.
    assert m.maintenance == Decimal("79.76")  # 21 × 3.798 = 79.758


def test_unjustified_absence_before_a_holiday_loses_it() -> None:
    # Nov 2024: 21 weekdays (189 h); unjustified absence Fri 8 Nov, so Mon 11 Nov is not maintained.
    m = month_pay(full_year(), "2024-11", absences=[Absence.of(date(2024, 11, 8), "am_unjustified")])
    assert m.absence_deduction == Decimal("74.29")  # 780 × 18 / 189 = 74.285…
    # An authorised absence (unpaid leave) keeps the holiday paid.
    kept = month_pay(full_year(), "2024-11", absences=[Absence.of(date(2024, 11, 8), "unpaid_leave")])
    assert kept.absence_deduction == Decimal("37.14")  # 780 × 9 / 189 = 37.142…


def test_part_year_non_care_week_stays_in_the_denominator() -> None:
    # 40 weeks Mon/Tue/Thu/Fri 9 h at 3.80 € (456.00 €), Nov 2024: 17 planned days;
    # week of 25 Nov without care, unpaid leave on 18 Nov: 456 × 1 / 17.
    c = Contract.from_schedule(hourly_rate="3.80", weeks=40, start=date(2024, 9, 2),
                               schedule={d: "9" for d in ("mon", "tue", "thu", "fri")},
                               maintenance_per_hour="0.45")
    m = month_pay(c, "2024-11", non_care_weeks=[date(2024, 11, 25)],
                  absences=[Absence.of(date(2024, 11, 18), "unpaid_leave")])
    assert (m.scheduled_days, m.absence_deduction) == (17, Decimal("26.82"))
    # Entretien: 17 − 2 holidays − 4 non-care days − 1 absence = 10 days × 9 h × 0.45 €.
    assert m.maintenance == Decimal("40.50")
    # Hours done in a week without care are all complementary (rules.md §2).
    extra = month_pay(c, "2024-11", non_care_weeks=[date(2024, 11, 25)],
                      worked_weeks={date(2024, 11, 25): "10"})
    assert (extra.complementary_hours, extra.complementary_pay) == (10, Decimal("38.00"))


def test_paid_leave_depends_on_the_modality() -> None:
    leave = [Absence.of(date(2025, 3, 10), "paid_leave")]
    assert month_pay(full_year(), "2025-03", absences=leave).absence_deduction == Decimal("0.00")
    part = Contract.from_schedule(hourly_rate="4.00", weeks=40, start=date(2024, 9, 2), schedule=WEEKDAYS_9H)
    # 40 weeks: 45 × 40 / 12 = 150 h → 600.00 €; 1 day of 21 deducted, the leave is paid apart.
    assert month_pay(part, "2025-03", absences=leave).absence_deduction == Decimal("28.57")


def test_week_straddling_two_months_is_paid_in_each_month() -> None:
    # Week of Mon 28 Apr 2025, Mon–Fri 8 h, 1 May chômé: 32 h planned, 44 h worked → 12 h
    # complementary. Spread 11 h a day: 1 h falls on Wed 30 April, 11 h on Fri 2 May.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 9, 2),
                               schedule={d: "8" for d in ("mon", "tue", "wed", "thu", "fri")})
    week = {date(2025, 4, 28): "44"}
    april, may = month_pay(c, "2025-04", worked_weeks=week), month_pay(c, "2025-05", worked_weeks=week)
    assert (april.complementary_hours, april.complementary_pay) == (1, Decimal("4.00"))
    assert (may.complementary_hours, may.complementary_pay) == (11, Decimal("44.00"))


def test_child_illness_limit_within_the_month_and_carried_over() -> None:
    # Jan 2025: 23 weekdays with 1 Jan = 207 h. Certified illness 6–10 and 13–14 Jan (one
    # absence of 9 calendar days, back on the 15th): 5 days unpaid (45 h), 2 paid.
    days = [date(2025, 1, d) for d in (6, 7, 8, 9, 10, 13, 14)]
    m = month_pay(full_year(), "2025-01", absences=[Absence.of(d, "child_illness_certified") for d in days])
    assert m.absence_deduction == Decimal("169.57")  # 780 × 45 / 207 = 169.565…
    assert [d.paid for d in m.illness_days] == [False] * 5 + [True] * 2
    # February: the 5 days of the contract year are used, a new certified day is paid.
    feb = month_pay(full_year(), "2025-02", ledger=m.ledger,
                    absences=[Absence.of(date(2025, 2, 4), "child_illness_certified")])
    assert feb.absence_deduction == Decimal("0.00")


def test_long_illness_across_two_months() -> None:
    # Certified 27–31 Jan, 3–7 and 10 Feb 2025, back on 11 Feb: 15 calendar days from 27 Jan.
    jan = month_pay(full_year(), "2025-01", absences=[
        Absence.of(date(2025, 1, d), "child_illness_certified") for d in range(27, 32)])
    assert jan.ledger.child_illness is not None and jan.ledger.child_illness.open_run is not None
    feb = month_pay(full_year(), "2025-02", ledger=jan.ledger, absences=[
        Absence.of(date(2025, 2, d), "child_illness_certified") for d in (3, 4, 5, 6, 7, 10)])
    assert [d.paid for d in feb.illness_days] == [False] * 5 + [True]
    assert feb.resume_or_end_on == date(2025, 2, 10)  # the 15th calendar day


def test_an_illness_to_the_last_day_of_the_month_goes_on_the_next() -> None:
    # Certified Thu 20 to Mon 31 March 2025, the child expected back Tue 1 April: the absence
    # reaches the month's end and may go on. Ill again 1–3 April, back Fri 4: one absence from
    # 20 March to 3 April, 15 calendar days, long: unpaid to its 14th day (Wed 2 April), so
    # 1 and 2 April are unpaid (18 h of April's 198 h: 780 × 18 / 198 = 70.909… → 70.91 €).
    march = month_pay(full_year(), "2025-03", absences=[
        Absence.of(date(2025, 3, d), "child_illness_certified") for d in (20, 21, 24, 25, 26, 27, 28, 31)])
    assert march.ledger.child_illness is not None
    assert march.ledger.child_illness.open_run == (date(2025, 3, 20), date(2025, 3, 31))
    april = month_pay(full_year(), "2025-04", ledger=march.ledger, absences=[
        Absence.of(date(2025, 4, d), "child_illness_certified") for d in (1, 2, 3)])
    assert [d.paid for d in april.illness_days] == [False, False, True]
    assert (april.absence_deduction, april.resume_or_end_on) == (Decimal("70.91"), date(2025, 4, 3))


def test_occasional_care_keeps_a_holiday_only_as_art_47_says() -> None:
    # Mondays and Thursdays 9 h in April 2025. The AM is absent without reason on Thu 17, the
    # last scheduled day before Easter Monday (21st): the holiday is not kept (art. 47, for
    # every accueil). Paid: 6 days done, 54 h × 4.00 € = 216.00 €.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 1, 6),
                               schedule={"mon": "9", "thu": "9"}, kind=ContractKind.OCCASIONAL)
    m = month_pay(c, "2025-04", absences=[Absence.of(date(2025, 4, 17), "am_unjustified")])
    assert m.base_salary == Decimal("216.00")


def test_occasional_care_pays_certified_illness_beyond_the_limits() -> None:
    # The same contract, the 5 short days of the contract year used: a certified illness on
    # Thu 10 April 2025 is paid (art. 105) as its planned 9 h: 54 h done + 9 h + Easter Monday
    # kept = 72 h × 4.00 € = 288.00 €; with days left it is unpaid: 63 h, 252.00 €.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 1, 6),
                               schedule={"mon": "9", "thu": "9"}, kind=ContractKind.OCCASIONAL)
    used = MonthLedger(ChildIllnessLedger(date(2025, 1, 6), (ContractYearUsage(date(2025, 1, 6), 5),)))
    ill = [Absence.of(date(2025, 4, 10), "child_illness_certified")]
    assert month_pay(c, "2025-04", absences=ill, ledger=used).base_salary == Decimal("288.00")
    assert month_pay(c, "2025-04", absences=ill).base_salary == Decimal("252.00")


def test_occasional_care_pays_hours_done() -> None:
    # Mondays of Feb 2025 (4 × 9 h), one not worked: 27 h × 4.00 €.
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 1, 6),
                               schedule={"mon": "9"}, kind=ContractKind.OCCASIONAL)
    m = month_pay(c, "2025-02", absences=[Absence.of(date(2025, 2, 10), "unpaid_leave")])
    assert (m.base_salary, m.gross_salary, m.pajemploi.declared_hours) == (Decimal("108.00"),) * 2 + (27,)


def test_meals_mileage_are_indemnities_not_salary() -> None:
    m = month_pay(full_year(), "2025-03", meals=20, meal_price="3.50", kilometres="12.5",
                  mileage_rate="0.42")
    assert (m.meals, m.mileage, m.gross_salary) == (Decimal("70.00"), Decimal("5.25"), Decimal("780.00"))
    assert m.pajemploi.other_indemnities == Decimal("75.25")
    # Net on 780.00 € gross (March 2025, one rounding per line): 53.82 + 3.12 + 24.57 + 6.71
    # + 8.11 + 52.11 + 22.22 (CSG/CRDS on 98.25 % = 766.35 €) = 170.66 € withheld.
    assert m.net_salary == m.pajemploi.net_salary == Decimal("609.34")
    assert m.pajemploi.paid_leave_days is None


def test_legal_warnings() -> None:
    m = month_pay(full_year(), "2025-03", worked_days={date(2025, 3, 3): "14"},
                  worked_weeks={date(2025, 3, 10): "50"})
    assert any("11 heures" in w for w in m.warnings)
    assert any("48 h" in w for w in m.warnings)
    heavy = MonthLedger(weekly_hours=tuple((date(2025, 3, 3) - timedelta(weeks=k), 55 * H) for k in range(1, 17)))
    assert any("Moyenne" in w for w in month_pay(full_year(), "2025-03", ledger=heavy).warnings)
    assert month_pay(full_year(), "2025-03").warnings == ()


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"absences": [Absence.of(date(2025, 3, 8), "unpaid_leave")]}, InvalidInput),  # a Saturday
    ({"absences": [Absence.of(date(2025, 3, 10), "unpaid_leave", "10")]}, InvalidInput),  # > 9 h
    ({"non_care_weeks": [date(2025, 3, 10)]}, InvalidInput),  # 52 weeks
    ({"worked_weeks": {date(2025, 3, 11): "40"}}, InvalidInput),  # not a Monday
])
def test_refused_month_inputs(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        month_pay(full_year(), "2025-03", **kwargs)  # type: ignore[arg-type]


def test_refused_months() -> None:
    with pytest.raises(InvalidInput):
        month_pay(full_year(), "2024-08")  # before hiring
    with pytest.raises(BelowMinimumRate):  # 3.50 € was the minimum at hiring, not in May 2025
        month_pay(Contract.from_schedule(hourly_rate="3.50", weeks=52, start=date(2024, 9, 2),
                                         schedule=WEEKDAYS_9H), "2025-05")
    with pytest.raises(UnsupportedCase):
        month_pay(Contract.from_rhythms(hourly_rate="4.00", weeks=40, rhythms=[
            {"weeks": 30, "weekly_hours": "40", "days_per_week": 4},
            {"weeks": 10, "weekly_hours": "45", "days_per_week": 5}]), "2025-03")


def test_kernels() -> None:
    assert spread_seconds(47 * H, [10 * H] * 4) == [42300, 42300, 42300, 42300]
    assert sum(spread_seconds(100, [3, 3, 3])) == 100
    assert band_seconds([10, 10, 10], 15, 10) == [0, 5, 5]


# --- properties (issue 3) ----------------------------------------------------------------------

DAY_HOURS = ["4", "7.5", "9", "08:30-17:45"]
schedules = st.lists(st.sampled_from(DAY_HOURS), min_size=7, max_size=7).flatmap(
    lambda hours: st.sets(st.sampled_from(WEEKDAYS[:6]), min_size=1, max_size=5).map(
        lambda days: {d: hours[i] for i, d in enumerate(WEEKDAYS) if d in days}))

months = st.tuples(st.integers(2023, 2026), st.integers(1, 12))
weeks = st.sampled_from([52, 46, 40, 36])
causes = st.sampled_from(["unpaid_leave", "am_sickness", "child_absence", "family_event",
                          "am_unjustified", "paid_leave", "maternity"])


def contract_for(schedule: dict[str, str], weeks_: int) -> Contract:
    return Contract.from_schedule(hourly_rate="4.20", weeks=weeks_, start=date(2022, 9, 5), schedule=schedule)


def planned_days(c: Contract, year: int, month: int) -> list[date]:
    assert c.schedule is not None
    return [p.day for p in month_plan(year, month, c.schedule.seconds_by_weekday, c.territory).days
            if p.holiday is None]


@settings(deadline=None, max_examples=60)
@given(schedules, weeks, months)
def test_no_event_pays_exactly_the_mensualised_salary(schedule: dict[str, str], weeks_: int,
                                                      month: tuple[int, int]) -> None:
    c = contract_for(schedule, weeks_)
    m = month_pay(c, month)
    assert m.gross_salary == m.base_salary == mensualise(c).monthly_salary
    assert m.absence_deduction == Decimal("0.00")


@settings(deadline=None, max_examples=60)
@given(schedules, weeks, months, causes, st.data())
def test_more_absence_never_pays_more(schedule: dict[str, str], weeks_: int, month: tuple[int, int],
                                      cause: str, data: st.DataObject) -> None:
    check_more_absence_never_pays_more(contract_for(schedule, weeks_), month, cause, data)


@settings(deadline=None, max_examples=60)
@given(schedules, weeks, months, st.data())
def test_child_illness_stays_within_the_limits(schedule: dict[str, str], weeks_: int,
                                               month: tuple[int, int], data: st.DataObject) -> None:
    # "More absence never pays more" does not hold for art. 105 itself: a child back for one
    # day splits an absence, and the parent must resume pay beyond 14 consecutive days. What
    # holds: at most 5 unpaid short days and unpaid long days within 14 calendar days.
    c = contract_for(schedule, weeks_)
    days = planned_days(c, *month)
    chosen = data.draw(st.lists(st.sampled_from(days), unique=True, max_size=len(days)))
    m = month_pay(c, month, absences=[Absence.of(d, "child_illness_certified") for d in chosen])
    assert m.ledger.child_illness is None or all(u.short_days <= 5 for u in m.ledger.child_illness.years)
    long_start = [u.long_absence for u in (m.ledger.child_illness.years if m.ledger.child_illness else ())
                  if u.long_absence]
    for d in m.illness_days:  # each contract year has its own long absence (art. 105)
        began = [start for start in long_start if start <= d.day]
        if not d.paid and began:
            assert d.day < began[-1] + timedelta(days=14) or "courte" in d.reason
    assert Decimal(0) <= m.absence_deduction <= m.base_salary
    assert sorted(d.day for d in m.illness_days) == sorted(chosen)


def check_more_absence_never_pays_more(c: Contract, month: tuple[int, int], cause: str,
                                       data: st.DataObject) -> None:
    days = planned_days(c, *month)
    chosen = data.draw(st.lists(st.sampled_from(days), unique=True, max_size=len(days)))
    previous = None
    for k in range(len(chosen) + 1):
        m = month_pay(c, month, absences=[Absence.of(d, cause) for d in chosen[:k]])
        assert Decimal(0) <= m.absence_deduction <= m.base_salary
        if previous is not None:
            assert m.gross_salary <= previous
        previous = m.gross_salary


@settings(deadline=None, max_examples=60)
@given(schedules, months, st.integers(0, 70 * 4) .map(lambda q: q * 900))
def test_a_straddling_week_adds_up(schedule: dict[str, str], month: tuple[int, int], worked: int) -> None:
    c = contract_for(schedule, 52)
    year, number = month
    first = date(year, number, 1)
    monday = first - timedelta(days=first.weekday())
    assume(monday != first)  # the week must straddle two months
    before = (monday.year, monday.month)
    hours = {monday: f"{worked // H}.{(worked % H) * 100 // H:02d}"}
    a, b = month_pay(c, before, worked_weeks=hours), month_pay(c, month, worked_weeks=hours)
    assert c.schedule is not None
    planned = sum(
        0 if (p := _planned(c, monday + timedelta(days=i))) is None else p for i in range(7))
    comp, maj = split_week(worked, planned)
    assert (a.complementary_hours + b.complementary_hours) * H == comp
    assert (a.majorated_hours + b.majorated_hours) * H == maj


def _planned(c: Contract, day: date) -> int | None:
    assert c.schedule is not None
    for p in month_plan(day.year, day.month, c.schedule.seconds_by_weekday, c.territory).days:
        if p.day == day:
            return 0 if p.holiday else p.seconds
    return None


def test_weeks_and_days_may_be_iso_text_and_a_wrong_day_names_its_monday() -> None:
    c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 11, 4),
                               schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
    # 18 May 2026 is a Monday, its week has no holiday: 45 h worked against 40 h planned give
    # 5 complementary hours × 4.00 € = 20.00 €.
    assert month_pay(c, "2026-05", worked_weeks={"2026-05-18": "45"}).complementary_pay == Decimal("20.00")
    with pytest.raises(InvalidInput) as err:
        month_pay(c, "2026-05", worked_weeks={"2026-05-20": "45"})
    assert "18/05/2026" in err.value.message


@pytest.mark.parametrize("contract", [
    Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 3, 12),
                           schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"}),
    # occasional care over 45 h a week: a week as planned has majorated hours (art. 96.4)
    Contract.from_schedule(hourly_rate="4.50", weeks=52, start=date(2025, 1, 6), kind="occasional",
                           schedule={"mon": "12", "tue": "12", "wed": "12", "thu": "12"}),
], ids=["hiring month", "occasional over 45 h"])
def test_a_week_walked_as_planned_or_through_its_days_given_is_the_same(contract: Contract) -> None:
    # the weeks without events are shared between months; giving each day its planned hours
    # sends every week through the day-by-day step: the same seconds, bands and totals
    from amcalc.month import walk_month
    plain = walk_month(contract, "2025-03")
    days = {d.day: str(d.planned // 3600) for week in plain.weeks for d in week.days if d.planned}
    given = walk_month(contract, "2025-03", worked_days=days)
    assert (given.actual, given.complementary, given.majorated) == (plain.actual, plain.complementary, plain.majorated)
    assert [(w.days, w.seconds, w.threshold, w.complementary, w.majorated) for w in given.weeks] == [
        (w.days, w.seconds, w.threshold, w.complementary, w.majorated) for w in plain.weeks]
    assert not any(w.given for w in plain.weeks) and all(w.given for w in given.weeks if w.worked)
    if contract.kind is ContractKind.OCCASIONAL:  # 4 × 12 h = 48 h: the Thursday's last 3 h are over 45 h
        # (the week of 31 March has them on 3 April, the month after)
        assert {d: s for d, s in plain.majorated.items() if s} == {date(2025, 3, d): 3 * 3600 for d in (6, 13, 20, 27)}
