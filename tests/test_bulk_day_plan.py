"""The bulk engine's day-by-day plan (:mod:`amcalc.bulk.day_plan`) at the bounds of its
int32 arrays: the seconds of a day and of a month, against ``month_pay``."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

pa = pytest.importorskip("pyarrow")

from test_bulk import assert_same, table_of  # noqa: E402

from amcalc.bulk import payroll  # noqa: E402


def test_the_longest_weeks_given_fill_the_plan_without_overflow() -> None:
    # The plan keeps each day's seconds in int32: a day holds at most a week given whole,
    # 168 h = 604 800 s (more: the scalar route), a month at most 31 × that = 18 748 800 s,
    # far below 2³¹ − 1; the entretien (money) is summed in int64. December 2024, Mon/Tue/
    # Thu/Fri 10 h, every week given at 168 h, entretien at 100 € an hour:
    # the weeks of 2, 9, 16 and 23 December wholly in the month: 4 × 168 h = 672 h;
    # the week of 30 December spread over its 4 planned days (30, 31 Dec, 2, 3 Jan), 42 h
    # each: 84 h in December; that of 25 November has only Sunday 1 December (not planned).
    # 672 h + 84 h = 756 h = 2 721 600 s.
    mondays = [date(2024, 11, 25) + timedelta(weeks=k) for k in range(6)]
    row = {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 11, 4), "month": "2024-12",
           "mon": "10", "tue": "10", "thu": "10", "fri": "10", "maintenance_per_hour": "100.00",
           "worked_hours": [{"week": monday, "hours": "168"} for monday in mondays]}
    result = payroll(table_of([row]))
    assert result.column("route").to_pylist() == ["vector"]
    assert result.column("worked_seconds").to_pylist() == [2_721_600]
    assert_same([row], result)


def _week_days(hours: str) -> dict[str, str | None]:
    return {day: (hours if k < 5 else None) for k, day in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}


def test_a_hiring_and_an_end_at_every_edge_of_the_month() -> None:
    # The days outside the contract of a partial month (art. 111) come from a table by the
    # month's first and last day of contract, clipped to −1 and 31: hired before, on, or
    # after the month's first day, ending before, on or after its last. March 2025 (1 March a
    # Saturday, no public holiday), Monday to Friday 8 h, hired Saturday 15 March: 17–21,
    # 24–28 and 31 March, 11 days × 8 h = 88 h = 316 800 s.
    base = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", **_week_days("8")}
    hired_mid_month = base | {"start": date(2025, 3, 15)}
    result = payroll(table_of([hired_mid_month]))
    assert result.column("route").to_pylist() == ["vector"]
    assert result.column("worked_seconds").to_pylist() == [316_800]
    first, last = date(2025, 3, 1), date(2025, 3, 31)
    rows = [base | {"start": start, "end": end}
            for start in (first - timedelta(days=40), first - timedelta(days=1), first, first + timedelta(days=1),
                          last - timedelta(days=1), last)
            for end in (None, first, first + timedelta(days=2), last - timedelta(days=1), last, last + timedelta(days=9))
            if end is None or end >= start]
    result = payroll(table_of(rows))
    assert set(result.column("route").to_pylist()) == {"vector"}
    assert_same(rows, result)


def test_weeks_given_from_the_first_monday_before_the_month_to_the_last_in_it() -> None:
    # Each week given reads its days of the month and their columns from tables by its
    # Monday, −6 to 30 days from the month's first: June 2025 starts on a Sunday (the week of
    # 26 May has one day in June), and the week of 30 June one (Monday 30). Against month_pay.
    mondays = [date(2025, 5, 26) + timedelta(weeks=k) for k in range(6)]
    rows = [{"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 9, 2), "month": "2025-06",
             **_week_days("9"), "worked_hours": [{"week": monday, "hours": "47"}]} for monday in mondays]
    rows.append(rows[0] | {"worked_hours": [{"week": monday, "hours": "50"} for monday in mondays]})
    result = payroll(table_of(rows))
    assert set(result.column("route").to_pylist()) == {"vector"}
    assert_same(rows, result)


def test_the_days_unpaid_of_a_month_with_absences_a_lost_holiday_and_an_end() -> None:
    # The seconds and days unpaid of a planned row add up its absences, the holidays art. 47
    # leaves unpaid and its usual working days after the contract's end (art. 111), each
    # counted once. May 2025, Monday to Friday 8 h at 4.00 €, 52 weeks, ending Friday 23 May:
    # an unjustified absence on Friday 9 May makes Thursday 8 May (a holiday off) unpaid,
    # unpaid leave on Tuesday 13 May, and 26–30 May (Ascension, 29 May, among them) after
    # the end: 1 + 1 + 1 + 5 = 8 days of 8 h = 64 h out of the month's 22 weekdays × 8 h =
    # 176 h. Salary 40 h × 52 / 12 × 4.00 € = 693.33 €, deducted × 64 / 176 = 252.12 €.
    row = {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 9, 2), "end": date(2025, 5, 23),
           "month": "2025-05", **_week_days("8"),
           "absences": [{"date": date(2025, 5, 9), "hours": None, "cause": "am_unjustified"},
                        {"date": date(2025, 5, 13), "hours": None, "cause": "unpaid_leave"}]}
    result = payroll(table_of([row]))
    assert result.column("route").to_pylist() == ["vector"]
    assert result.column("scheduled_seconds").to_pylist() == [176 * 3600]
    assert result.column("absence_deduction").to_pylist() == [Decimal("252.12")]
    assert_same([row], result)
    # without the absence of 9 May, 8 May stays paid: 6 days, 48 h, 693.33 € × 48 / 176 = 189.09 €
    kept = row | {"absences": row["absences"][1:]}
    assert payroll(table_of([kept])).column("absence_deduction").to_pylist() == [Decimal("189.09")]
    assert_same([kept], payroll(table_of([kept])))


def test_weeks_without_care_at_the_month_edges_and_over_holidays() -> None:
    # A month's weeks without care are looked up as a set of its weeks (the first that has
    # a day of the month to the sixth): their working days left out by weekday.
    # May 2025 (1 May a Thursday), Mon, Tue, Thu 8 h, 40 weeks: Mondays 5, 12, 19, 26,
    # Tuesdays 6, 13, 20, 27, Thursdays 15, 22 (1 and 8 May, 29 May Ascension off): 10 days.
    # Without care: the week of 28 April (Thu 1 May off, Fri 2 May not planned: none), of
    # 12 May (12, 13, 15) and of 26 May (26, 27; 29 off): 5 days left, less Mon 19 May
    # absent (unpaid leave): 4 days × 8 h = 32 h = 115 200 s.
    may = {"hourly_rate": "4.00", "weeks": 40, "month": "2025-05", "start": date(2024, 9, 2),
           "mon": "8", "tue": "8", "thu": "8", "maintenance_per_hour": "0.50",
           "non_care_weeks": [date(2025, 4, 28), date(2025, 5, 12), date(2025, 5, 26)],
           "absences": [{"date": date(2025, 5, 19), "hours": None, "cause": "unpaid_leave"}]}
    # March 2025 (1 March a Saturday, 31 March a Monday: six weeks), Mon, Tue, Thu, Fri
    # 10 h: 17 days; the week of 24 February has only 1–2 March (a weekend), that of
    # 31 March its Monday: 16 days × 10 h = 160 h = 576 000 s.
    march = may | {"month": "2025-03", "fri": "10", "mon": "10", "tue": "10", "thu": "10", "absences": [],
                   "non_care_weeks": [date(2025, 2, 24), date(2025, 3, 31)]}
    # June 2025 (1 June a Sunday), as May: Mondays 2, 16, 23, 30 (9 June, Whit Monday, off),
    # Tuesdays 3, 10, 17, 24, Thursdays 5, 12, 19, 26: 12 days; without care the week of
    # 26 May (only Sunday 1 June), of 2 June (2, 3, 5) and of 30 June (30): 8 days left,
    # less Tue 10 June absent (in the week after one without care): 7 × 8 h = 201 600 s.
    june = may | {"month": "2025-06", "non_care_weeks": [date(2025, 5, 26), date(2025, 6, 2), date(2025, 6, 30)],
                  "absences": [{"date": date(2025, 6, 10), "hours": None, "cause": "unpaid_leave"}]}
    # September 2025 (1 September a Monday, no public holiday), as May: 5 Mondays, 5
    # Tuesdays, 4 Thursdays, 14 days; without care the weeks of 1 September (3 days) and of
    # 29 September (29, 30): 9 days × 8 h = 259 200 s.
    september = may | {"month": "2025-09", "non_care_weeks": [date(2025, 9, 1), date(2025, 9, 29)], "absences": []}
    # An absence in a week without care is refused (not a day of care), as month_pay does.
    refused = may | {"absences": [{"date": date(2025, 5, 13), "hours": None, "cause": "unpaid_leave"}]}
    rows = [may, march, june, september, refused]
    result = payroll(table_of(rows))
    assert result.column("route").to_pylist()[:4] == ["vector"] * 4
    assert result.column("worked_seconds").to_pylist()[:4] == [115_200, 576_000, 201_600, 259_200]
    assert_same(rows, result)


def test_weeks_given_without_a_planned_day_spread_over_their_usual_days() -> None:
    # A week given none of whose days is planned (absent, a holiday off, outside the contract)
    # is spread over its usual days within the contract, those of the months around included
    # (art. 96.3); the usual days are looked up for those weeks only. June 2025, Monday to
    # Friday 8 h, Whit Monday 9 June a holiday off: 21 weekdays − 1 = 20 days planned.
    def leave(*days: int) -> list[dict[str, object]]:
        return [{"date": date(2025, 6, d), "hours": None, "cause": "unpaid_leave"} for d in days]

    base = {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 9, 2), "month": "2025-06", **_week_days("8")}
    rows = [
        # the week of 9 June at 40 h, 10–13 June on leave: 40 h over its 5 usual days, the other
        # 16 days 8 h each: 128 h + 40 h = 168 h; the week's planned hours 0, so 40 h complementary
        base | {"worked_hours": [{"week": date(2025, 6, 9), "hours": "40"}], "absences": leave(10, 11, 12, 13)},
        # ending 30 June, the week of 30 June at 10 h, 30 June on leave: July outside the contract,
        # the 10 h on Monday 30 June; 19 days × 8 h + 10 h = 162 h, 10 h complementary
        base | {"end": date(2025, 6, 30), "worked_hours": [{"week": date(2025, 6, 30), "hours": "10"}],
                "absences": leave(30)},
        # the same without an end: the week spread over 1–4 July (planned), none of it in June: 152 h
        base | {"worked_hours": [{"week": date(2025, 6, 30), "hours": "10"}], "absences": leave(30)},
        # hired 2 June, the week of 26 May: no usual day within the contract, month_pay's error
        base | {"start": date(2025, 6, 2), "worked_hours": [{"week": date(2025, 5, 26), "hours": "5"}]},
        # March 2025 (31 days, no holiday, 21 weekdays), ending Monday 31 March, the week of 31
        # March at 10 h, 31 March on leave: the 10 h on 31 March (not on the April days, outside
        # the contract): 20 × 8 h + 10 h = 170 h
        base | {"month": "2025-03", "end": date(2025, 3, 31), "absences": [
            {"date": date(2025, 3, 31), "hours": None, "cause": "unpaid_leave"}],
            "worked_hours": [{"week": date(2025, 3, 31), "hours": "10"}]},
    ]
    result = payroll(table_of(rows))
    assert result.column("route").to_pylist() == ["vector"] * 5
    assert result.column("worked_seconds").to_pylist() == [168 * 3600, 162 * 3600, 152 * 3600, None, 170 * 3600]
    assert result.column("complementary_seconds").to_pylist() == [40 * 3600, 10 * 3600, 0, None, 10 * 3600]
    assert result.column("error_code").to_pylist() == [None, None, None, "invalid_input", None]
    assert_same(rows, result)


def test_a_partial_month_with_public_holidays_inside_and_outside_the_contract() -> None:
    # A month hired and left in, without event: the weekdays within the contract less the
    # public holidays off are cared for, the usual days outside it unpaid, public holidays
    # included (art. 111, PartialMonth.PRORATA). May 2025 (1 May a Thursday; 1, 8 and 29 May
    # (Ascension) public holidays), Monday to Friday 8 h, hired Wednesday 7 May, leaving
    # Wednesday 28 May:
    # within: 7–9, 12–16, 19–23, 26–28 May = 16 weekdays, less 8 May = 15 days × 8 h = 432 000 s;
    # entretien 1.00 € an hour (above the daily minimum): 15 × 8 × 1.00 = 120.00 €;
    # outside: 1, 2, 5, 6, 29, 30 May = 6 usual days, 48 h of the month's 22 × 8 = 176 h:
    # 52 weeks, base 52 × 40 h × 4.00 € / 12 = 693.33 €, deducted 693.33 × 48 / 176 = 189.09 €;
    # 45 weeks, base 45 × 40 h × 4.00 € / 12 = 600.00 €, deducted 600.00 × 6 / 22 = 163.64 €.
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-05", "start": date(2025, 5, 7),
           "end": date(2025, 5, 28), "maintenance_per_hour": "1.00", **_week_days("8")}
    rows = [row, row | {"weeks": 45}]
    result = payroll(table_of(rows))
    assert result.column("route").to_pylist() == ["vector", "vector"]
    assert result.column("worked_seconds").to_pylist() == [432_000, 432_000]
    assert result.column("maintenance").to_pylist() == [Decimal("120.00")] * 2
    assert result.column("absence_deduction").to_pylist() == [Decimal("189.09"), Decimal("163.64")]
    assert_same(rows, result)
