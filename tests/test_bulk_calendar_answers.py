"""The vector route's answers of art. 105 (certified child illness) and art. 47 (holidays
next to an unjustified absence), compared with ``month_pay`` row by row on months drawn to
ask them hard: illnesses running over a month's end, counters and open absences carried in,
several illnesses a month, contract anniversaries, holidays beside unjustified absences,
weeks without care, hirings and ends in the month, weeks over 48 h."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from test_bulk import assert_same, table_of  # noqa: E402

from amcalc.bulk import PayrollStats, payroll  # noqa: E402
from amcalc.calendar import WEEKDAYS, Territory, public_holidays  # noqa: E402
from amcalc.child_illness import contract_year_start  # noqa: E402

_CAUSES = ["child_illness_certified"] * 6 + ["am_unjustified"] * 3 + ["paid_leave", "unpaid_leave", "child_absence"]


def _month(rng: Any) -> tuple[date, int]:
    year, month = int(rng.integers(2023, 2027)), int(rng.choice([1, 4, 5, 5, 6, 7, 8, 11, 12, int(rng.integers(1, 13))]))
    first = date(year, month, 1)
    return first, ((first + timedelta(days=32)).replace(day=1) - first).days


def _row(rng: Any) -> dict[str, Any]:
    """A contract-month whose absences ask art. 105 and art. 47."""
    first, length = _month(rng)
    last = first + timedelta(days=length - 1)
    full_year = rng.random() < 0.6
    days = sorted(rng.choice(5 if rng.random() < 0.9 else 6, int(rng.integers(1, 6)), replace=False).tolist())
    # hired long ago, some days ago (an anniversary in the month), or in the month itself
    start = first - timedelta(days=int(rng.choice([400, 700, 30, 3])))
    if rng.random() < 0.25:
        start = first - timedelta(days=365 * int(rng.integers(1, 3)) - int(rng.integers(0, length)))
    elif rng.random() < 0.1:
        start = first + timedelta(days=int(rng.integers(1, 12)))
    end = last - timedelta(days=int(rng.integers(0, 10))) if rng.random() < 0.1 else None
    row: dict[str, Any] = {
        "hourly_rate": "4.50", "weeks": 52 if full_year else int(rng.integers(36, 47)), "start": start,
        "end": end, "kind": "occasional" if rng.random() < 0.1 else None,
        "territory": str(rng.choice(["metropole", "metropole", "alsace"])), "am_ge": False,
        "majorated_rate": None, "complementary_rate": None, "maintenance_per_hour": None,
        "month": first.strftime("%Y-%m"),
    }
    for k, day in enumerate(WEEKDAYS):
        row[day] = "9" if k in days else None
    holidays = public_holidays(first.year, Territory(row["territory"]))
    usual = [first + timedelta(days=k) for k in range(length)
             if (first + timedelta(days=k)).weekday() in days and first + timedelta(days=k) not in holidays
             and first + timedelta(days=k) >= start and (end is None or first + timedelta(days=k) <= end)]
    mondays = [first - timedelta(days=first.weekday()) + timedelta(weeks=k) for k in range(6)]
    mondays = [m for m in mondays if m <= last]
    non_care = ([mondays[int(rng.integers(0, len(mondays)))]]
                if not full_year and rng.random() < 0.5 else [])
    usual = [d for d in usual if d - timedelta(days=d.weekday()) not in non_care]
    carried = _carried(rng, start, first) if start < first and rng.random() < 0.5 else None
    absences: dict[date, str] = {}
    for k in range(int(rng.integers(1, 4))):  # runs of absence, often to the month's end
        if not usual:
            break
        # an absence open at last month's end: often ill again on the month's first working day
        at = 0 if k == 0 and carried and carried["open_start"] and rng.random() < 0.5 else int(rng.integers(0, len(usual)))
        run = int(rng.choice([1, 2, 3, 5, 8, 12, 30]))
        cause = str(rng.choice(_CAUSES))
        for d in usual[at:at + run]:
            absences[d] = cause
        if rng.random() < 0.3:  # a day of another cause inside the run
            absences[usual[min(at + 1, len(usual) - 1)]] = str(rng.choice(_CAUSES))
    row["absences"] = [{"date": d, "hours": None, "cause": c} for d, c in sorted(absences.items())]
    row["non_care_weeks"] = non_care
    in_month = sorted(h for h in holidays if first <= h <= last)
    row["worked_holidays"] = [in_month[0]] if in_month and rng.random() < 0.15 else []
    row["worked_hours"] = ([{"week": mondays[1], "hours": str(rng.choice(["30", "50", "60"]))}]
                           if rng.random() < 0.15 else [])
    row["recent_weeks"] = None
    row["illness_ledger"] = carried
    return row


def _carried(rng: Any, hired: date, first: date) -> dict[str, Any]:
    """Counters from last month: short days used, a long absence taken, an absence still open."""
    year_start = contract_year_start(hired, first - timedelta(days=1))
    long_absence = year_start + timedelta(days=int(rng.integers(0, 20))) if rng.random() < 0.3 else None
    years = [{"year_start": year_start, "short_days": int(rng.integers(0, 6)),
              "long_absence": long_absence if long_absence and long_absence < first else None}]
    opened: tuple[date | None, date | None] = (None, None)
    if rng.random() < 0.5:
        back = int(rng.choice([1, 2, 3, 10, 20]))
        opened = (max(hired, first - timedelta(days=back)), first - timedelta(days=1))
        if rng.random() < 0.2:  # an absence open for over a year: IllnessAbsence refuses it
            opened = (max(hired, first - timedelta(days=400)), first - timedelta(days=1))
        elif rng.random() < 0.1:  # an odd one, open from a day of this month
            day = first + timedelta(days=int(rng.integers(0, 25)))
            opened = (day, day + timedelta(days=int(rng.integers(0, 10))))
    return {"years": years if rng.random() < 0.8 else [], "open_start": opened[0], "open_last": opened[1]}


@pytest.mark.parametrize("seed", range(6))
def test_art_105_and_47_answers_equal_month_pay_row_by_row(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows = [_row(rng) for _ in range(150)]
    stats = PayrollStats()
    result = payroll(table_of(rows), stats=stats, chunk_rows=64)
    asking = [r for r in rows if any(a["cause"] in ("child_illness_certified", "am_unjustified")
                                     for a in r["absences"])]
    assert_same(rows, result)
    # the months are asked of the arrays, not handed to month_pay (an illness across two
    # contract years is, and so is a row month_pay refuses)
    assert len(asking) > 100 and result.column("route").to_pylist().count("vector") > 0.7 * len(rows)


MONDAYS_9H = {"hourly_rate": "4.50", "weeks": 40, "start": date(2023, 9, 4), "end": None, "kind": None,
              "territory": None, "am_ge": False, "majorated_rate": None, "complementary_rate": None,
              "maintenance_per_hour": None, "mon": "9", **{d: None for d in WEEKDAYS[1:]},
              "worked_hours": [], "worked_holidays": [], "recent_weeks": None, "illness_ledger": None}


def test_the_nearest_working_day_of_art_47_may_be_14_days_away() -> None:
    # Mondays only, April 2025: Easter Monday 21 April; the week of 14 April without care, so
    # its nearest working day before is Mon 7 April, 14 days earlier, an unjustified absence:
    # Easter Monday is unpaid too: 2 of the month's 4 scheduled Mondays (7, 14, 21, 28),
    # 9 h × 40 / 12 × 4.50 € = 135.00 € × 2/4 = 67.50 € deducted (by days: 40 weeks, art. 111)
    row = MONDAYS_9H | {"month": "2025-04", "non_care_weeks": [date(2025, 4, 14)],
                        "absences": [{"date": date(2025, 4, 7), "hours": None, "cause": "am_unjustified"}]}
    result = payroll(table_of([row]))
    assert result.column("route").to_pylist() == ["vector"]
    assert result.column("absence_deduction").to_pylist() == [Decimal("67.50")]
    assert_same([row], result)


def test_an_absence_carried_open_for_over_a_year_is_month_pay_s_error() -> None:
    # hired Mon 5 Feb 2024, ill since (carried open to Mon 27 Jan 2025), ill again Mon 3 Feb
    # 2025, back Mon 10 Feb: one absence from 5 Feb 2024 to 9 Feb 2025, in one contract year
    # by its days but over 366 days long, which month_pay refuses (the scalar route gives its error)
    row = MONDAYS_9H | {"month": "2025-02", "start": date(2024, 2, 5), "non_care_weeks": [], "absences": [
        {"date": date(2025, 2, 3), "hours": None, "cause": "child_illness_certified"}],
        "illness_ledger": {"years": [], "open_start": date(2024, 2, 5), "open_last": date(2025, 1, 27)}}
    result = payroll(table_of([row]))
    assert result.column("error_code").to_pylist() == ["invalid_input"]
    assert_same([row], result)


def test_the_child_s_return_skips_a_week_without_care_across_the_month_end() -> None:
    # Mon–Fri, 40 weeks; ill Fri 18 April 2025 and Tue 22 to Fri 25 (Easter Monday between);
    # 28 April – 4 May a week without care (1 May a holiday): the child is expected back on
    # Mon 5 May, so the absence runs 18 April – 4 May, 17 calendar days: the long absence,
    # unpaid to its 14th day (1 May), pay resuming on Fri 2 May
    row = MONDAYS_9H | {d: "9" for d in WEEKDAYS[:5]} | {
        "month": "2025-04", "non_care_weeks": [date(2025, 4, 28)],
        "absences": [{"date": date(2025, 4, d), "hours": None, "cause": "child_illness_certified"}
                     for d in (18, 22, 23, 24, 25)]}
    result = payroll(table_of([row]))
    assert result.column("route").to_pylist() == ["vector"]
    assert result.column("resume_or_end_on").to_pylist() == [date(2025, 5, 2)]
    assert_same([row], result)


def test_an_open_absence_carried_that_starts_after_the_illness_is_month_pay_s_error() -> None:
    # a carried absence "open" from Thu 20 Feb 2025, ill Mon 3 Feb: the absence would end
    # before it starts, which month_pay refuses
    row = MONDAYS_9H | {"month": "2025-02", "start": date(2024, 3, 4), "non_care_weeks": [], "absences": [
        {"date": date(2025, 2, 3), "hours": None, "cause": "child_illness_certified"}],
        "illness_ledger": {"years": [], "open_start": date(2025, 2, 20), "open_last": date(2025, 2, 20)}}
    result = payroll(table_of([row]))
    assert result.column("error_code").to_pylist() == ["invalid_input"]
    assert_same([row], result)


def test_an_illness_over_an_anniversary_counts_each_day_in_its_contract_year() -> None:
    # Tue and Wed 9 h, 52 weeks, hired 9 June 2022: ill Tue 6, Wed 7 and Tue 13 June 2023, one
    # absence carried open from Sat 10 June; the year opened 9 June 2022 has 4 short days used,
    # the next none: 6 June unpaid (the 5th), 7 June paid, 13 June unpaid (the 1st of the new
    # year): 18 h × 4.50 € × 52 / 12 = 351.00 € a month, 351.00 € × 18 h / 72 h = 87.75 € deducted
    row = MONDAYS_9H | {"mon": None, "tue": "9", "wed": "9", "weeks": 52, "month": "2023-06",
                        "start": date(2022, 6, 9), "non_care_weeks": [],
                        "absences": [{"date": date(2023, 6, d), "hours": None, "cause": "child_illness_certified"}
                                     for d in (6, 7, 13)],
                        "illness_ledger": {"years": [{"year_start": date(2022, 6, 9), "short_days": 4}],
                                           "open_start": date(2023, 6, 10), "open_last": date(2023, 6, 10)}}
    # the same days 6 and 7, paid leave on 13, 14, 20 and 21: the absence from 10 June runs to
    # 26 June, 17 days, the long absence of the year opened 9 June 2023 (its start's year)
    leave = [{"date": date(2023, 6, d), "hours": None, "cause": "paid_leave"} for d in (13, 14, 20, 21)]
    long = row | {"absences": row["absences"][:2] + leave, "illness_ledger": {**row["illness_ledger"], "years": []}}
    result = payroll(table_of([row, long]))
    assert result.column("absence_deduction").to_pylist()[0] == Decimal("87.75")
    assert result.column("resume_or_end_on").to_pylist()[1] == date(2023, 6, 24)
    assert_same([row, long], result)
