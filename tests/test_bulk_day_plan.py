"""The bulk engine's day-by-day plan (:mod:`amcalc.bulk.day_plan`) at the bounds of its
int32 arrays: the seconds of a day and of a month, against ``month_pay``."""

from __future__ import annotations

from datetime import date, timedelta

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
