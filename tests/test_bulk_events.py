"""The bulk engine's events decoded (:class:`amcalc.bulk.rows.Events`): the kinds of event a
batch does not give, whole-day absences (their hours null), the weeks without care as keys,
and the art. 105 counters of a batch gathered from their parts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from test_bulk import assert_same, table_of  # noqa: E402

from amcalc.bulk import payroll  # noqa: E402
from amcalc.bulk.calendar_answers import Art105  # noqa: E402
from amcalc.bulk.illness_counters import NO_DAY, Counters  # noqa: E402
from amcalc.bulk.rows import Events, Rows, _parents  # noqa: E402


def _month(**events: Any) -> dict[str, Any]:
    """December 2024, 52 weeks, Mon/Tue/Thu/Fri 10 h at 4.00 € (the published month of
    test_bulk), with ``events``."""
    return {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 11, 4), "month": "2024-12",
            "mon": "10", "tue": "10", "thu": "10", "fri": "10"} | events


def _events(rows: list[dict[str, Any]], hours_type: Any = None) -> Events:
    table = table_of(rows)
    if hours_type is not None:  # the absences' hours given in another type
        kind = pa.list_(pa.struct([("date", pa.date32()), ("hours", hours_type), ("cause", pa.string())]))
        table = table.set_column(table.schema.get_field_index("absences"), "absences",
                                 table.column("absences").cast(kind))
    batch = table.to_batches()[0]
    return Events(batch, Rows(batch))


def _day(day: date) -> int:
    return (day - date(1970, 1, 1)).days


@pytest.mark.parametrize("hours_type", [None, pa.decimal128(9, 2)])
def test_whole_day_absences_have_no_hours_and_the_others_theirs(hours_type: Any) -> None:
    whole = [{"date": date(2024, 12, d), "hours": None, "cause": "unpaid_leave"} for d in (23, 24)]
    alone = _events([_month(absences=whole)], hours_type)
    assert alone.a_whole.tolist() == [True, True] and alone.a_seconds.tolist() == [0, 0]
    # 2.5 h given on 26 December: 2.5 × 3600 = 9 000 s, the others whole days
    mixed = _events([_month(absences=[*whole, {"date": date(2024, 12, 26), "hours": "2.5", "cause": "unpaid_leave"}])],
                    hours_type)
    assert mixed.a_whole.tolist() == [True, True, False] and mixed.a_seconds.tolist() == [0, 0, 9000]
    assert mixed.a_day.tolist() == [22, 23, 25]  # days of the month, from 0
    assert not alone.bad.any() and not mixed.bad.any()


def test_a_kind_of_event_not_given_leaves_its_arrays_empty() -> None:
    rows = [_month(absences=[{"date": date(2024, 12, 2), "hours": None, "cause": "unpaid_leave"}]), _month()]
    events = _events(rows)
    for empty in (events.w_row, events.w_seconds, events.w_start, events.c_row, events.c_start,
                  events.h_row, events.h_day, events.r_row):
        assert len(empty) == 0 and empty.dtype == np.int64
    assert events.has.tolist() == [True, False]
    assert events.days_only.tolist() == [True, False]  # absences only: looked up day by day
    assert events.asks.tolist() == [False, False]  # unpaid leave asks neither art. 105 nor art. 47


def test_weeks_without_care_are_sorted_keys_of_row_and_monday() -> None:
    mondays = [date(2024, 12, 16), date(2024, 12, 2)]  # given out of order
    events = _events([_month(weeks=40, non_care_weeks=mondays), _month(weeks=40, non_care_weeks=[date(2024, 12, 9)])])
    assert events.non_care_weeks.tolist() == [_day(date(2024, 12, 2)), _day(date(2024, 12, 16)),
                                              (1 << 32) + _day(date(2024, 12, 9))]
    assert events.c_start.tolist() == [15, 1, 8]  # their days of the month, from 0


def test_the_batch_counters_gather_their_parts_in_order() -> None:
    def counters(row: int, year_start: int, short_days: int) -> Counters:
        return Counters(*(np.array(v, np.int64) for v in ([row], [NO_DAY], [NO_DAY], [row], [year_start],
                                                            [short_days], [NO_DAY])))

    assert len(Art105({}, {}, [Counters.none()]).counters(4).row) == 0
    one = counters(2, 19000, 3)
    alone = Art105({}, {}, [Counters.none(), one]).counters(4)
    assert (alone.row.tolist(), alone.short_days.tolist()) == ([2], [3])
    both = Art105({}, {}, [one, Counters.none(), counters(0, 19100, 5)]).counters(4)
    assert both.row.tolist() == [2, 0] and both.year_start.tolist() == [19000, 19100]
    assert both.short_days.tolist() == [3, 5] and both.long_absence.tolist() == [NO_DAY, NO_DAY]


def test_one_certified_illness_row_agrees_with_month_pay() -> None:
    # a row alone (the per-chunk fixed cost's case) and among others, whole days of illness
    ill = _month(absences=[{"date": date(2024, 12, d), "hours": None, "cause": "child_illness_certified"}
                           for d in (2, 3)])
    for rows in ([ill], [ill, _month(), _month(absences=[{"date": date(2024, 12, 5), "hours": "4",
                                                          "cause": "child_illness_certified"}])]):
        result = payroll(table_of(rows))
        assert result.column("route").to_pylist()[0] == "vector"
        assert_same(rows, result)


@pytest.mark.parametrize("array", [
    pa.array([[1, 2], [], [3], [4, 5, 6]]),  # many entries: counted from the offsets
    pa.array([[1], [], [], [], [], [], [], [2, 3]]),  # few: list_parent_indices
    pa.array([[1, 2], [], [3], [4, 5, 6], [7]]).slice(1, 3),  # a slice: its offsets start at 2
    pa.array([[1, 2, 3]], pa.large_list(pa.int64())),
    # a null list may hold entries in the child array (Arrow leaves them defined)
    pa.ListArray.from_arrays(pa.array([0, 2, 4, 5], pa.int32()), pa.array([1, 2, 3, 4, 5]),
                             mask=pa.array([False, True, False])),
])
def test_the_entries_rows_are_those_arrow_gives(array: Any) -> None:
    assert _parents(array).tolist() == pa.compute.list_parent_indices(array).to_pylist()


def test_a_null_list_has_no_entry_whatever_its_child_array_holds() -> None:
    # Arrow lets a null list keep entries in the child array: row 0's non-care weeks (3 and
    # 10 March 2025) and row 1's absence (11 March) belong to null lists, so no row has them;
    # each row as month_pay computes it from the same values read as Python (None: no event)
    non_care = pa.ListArray.from_arrays(
        pa.array([0, 2, 3, 4], pa.int32()),
        pa.array([date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17), date(2025, 3, 24)]),
        mask=pa.array([True, False, False]))
    absence = pa.array([{"date": date(2025, 3, d), "hours": None, "cause": "unpaid_leave"} for d in (4, 11, 18)])
    absences = pa.ListArray.from_arrays(pa.array([0, 1, 2, 3], pa.int32()), absence,
                                        mask=pa.array([False, True, False]))
    table = pa.table({"hourly_rate": ["4.00"] * 3, "weeks": [40] * 3, "mon": ["8"] * 3, "tue": ["8"] * 3,
                      "month": ["2025-03"] * 3, "non_care_weeks": non_care, "absences": absences})
    result = payroll(table)
    assert result.column("route").to_pylist() == ["vector"] * 3
    assert_same(table.to_pylist(), result)
