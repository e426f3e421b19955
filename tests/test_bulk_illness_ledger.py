"""The art. 105 counters of the vector route (the ``illness_ledger`` column built from
arrays, the contract years placed by a table of ``contract_year_start``): carried month
after month as ``month_pay`` carries its ledger, across a contract anniversary, with rows
that carry counters and rows that do not in one chunk; and the errors of refused absences."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from test_bulk import assert_same, expected, table_of  # noqa: E402

from amcalc.bulk import payroll  # noqa: E402
from amcalc.bulk.arrays import day_number  # noqa: E402
from amcalc.bulk.calendar_answers import Art105  # noqa: E402
from amcalc.bulk.engine import _ledger_column, month_of_row  # noqa: E402
from amcalc.bulk.illness_counters import NO_DAY, Counters, year_starts  # noqa: E402
from amcalc.bulk.schema import ILLNESS_LEDGER  # noqa: E402
from amcalc.calendar import WEEKDAYS  # noqa: E402
from amcalc.child_illness import ChildIllnessLedger, ContractYearUsage, contract_year_start  # noqa: E402

# Tuesdays and Thursdays 9 h, 52 weeks, hired Tue 4 July 2023: contract years open on 4 July
TUE_THU = {"hourly_rate": "4.50", "weeks": 52, "start": date(2023, 7, 4), "end": None, "kind": None,
           "territory": None, "am_ge": False, "majorated_rate": None, "complementary_rate": None,
           "maintenance_per_hour": None, **{d: None for d in WEEKDAYS}, "tue": "9", "thu": "9",
           "worked_hours": [], "worked_holidays": [], "non_care_weeks": [], "recent_weeks": None,
           "illness_ledger": None}


def _ill(*days: date) -> list[dict[str, Any]]:
    return [{"date": d, "hours": None, "cause": "child_illness_certified"} for d in days]


def _year(start: date, short: int, long: date | None = None) -> dict[str, Any]:
    return {"year_start": start, "short_days": short, "long_absence": long}


# each month's certified days (Tuesdays and Thursdays) and the counters it hands to the next
MONTHS = [
    # one absence of 2 days: 2 short days of the year opened 4 July 2023
    ("2024-04", _ill(date(2024, 4, 9), date(2024, 4, 11)),
     {"years": [_year(date(2023, 7, 4), 2)], "open_start": None, "open_last": None}),
    ("2024-05", _ill(date(2024, 5, 14), date(2024, 5, 16)),
     {"years": [_year(date(2023, 7, 4), 4)], "open_start": None, "open_last": None}),
    # the 5th short day unpaid, the next one paid: the count stops at 5
    ("2024-06", _ill(date(2024, 6, 11), date(2024, 6, 13)),
     {"years": [_year(date(2023, 7, 4), 5)], "open_start": None, "open_last": None}),
    # after the anniversary (Thu 4 July 2024): a new contract year, its own 5 days
    ("2024-07", _ill(date(2024, 7, 9), date(2024, 7, 11)),
     {"years": [_year(date(2023, 7, 4), 5), _year(date(2024, 7, 4), 2)], "open_start": None, "open_last": None}),
    # ill Tue 27 and Thu 29 August: the child is expected back Tue 3 September, the absence
    # is still open at the month's end (its first and last certified days carried)
    ("2024-08", _ill(date(2024, 8, 27), date(2024, 8, 29)),
     {"years": [_year(date(2023, 7, 4), 5), _year(date(2024, 7, 4), 4)],
      "open_start": date(2024, 8, 27), "open_last": date(2024, 8, 29)}),
    # ill again Tue 3 and Thu 5 September, back Tue 10: one absence 27 August – 9 September,
    # 5 + 9 = 14 calendar days, the long absence of the year opened 4 July 2024
    ("2024-09", _ill(date(2024, 9, 3), date(2024, 9, 5)),
     {"years": [_year(date(2023, 7, 4), 5), _year(date(2024, 7, 4), 4, date(2024, 8, 27))],
      "open_start": None, "open_last": None}),
]


def test_a_ledger_carried_month_after_month_across_an_anniversary() -> None:
    carried = None
    scalar_ledger = None
    for month, absences, counters in MONTHS:
        row = TUE_THU | {"month": month, "absences": absences, "illness_ledger": carried}
        result = payroll(table_of([row]))
        assert result.column("route").to_pylist() == ["vector"], month
        carried = result.column("illness_ledger").to_pylist()[0]
        assert carried == counters, month
        # month_pay, its ledger carried from its own last month: the same counters
        scalar = month_of_row(TUE_THU | {"month": month, "absences": absences, "illness_ledger": scalar_ledger})
        scalar_ledger = scalar.ledger.child_illness.as_mapping()
        assert scalar_ledger == counters, month


def test_rows_with_and_without_carried_counters_in_one_chunk_have_month_pay_s_column() -> None:
    # September 2024 (see MONTHS): the same illness with the counters carried from August, without
    # any, with counters but no illness, a row of the scalar route (an illness across the
    # anniversary of a hiring on 5 September), and a row without illness nor counters
    august = MONTHS[4][2]
    ill = TUE_THU | {"month": "2024-09", "absences": MONTHS[5][1]}
    rows = [ill | {"illness_ledger": august}, ill, TUE_THU | {"month": "2024-09", "absences": [], "illness_ledger": august},
            ill | {"start": date(2023, 9, 5)}, TUE_THU | {"month": "2024-09", "absences": []},
            ill | {"illness_ledger": {**august, "open_start": None, "open_last": None}}]
    result = payroll(table_of(rows * 3), chunk_rows=len(rows) * 3)
    assert result.column("route").to_pylist() == ["vector", "vector", "vector", "scalar", "vector", "vector"] * 3
    want = pa.array([expected(r)["illness_ledger"] for r in rows * 3], ILLNESS_LEDGER)
    got = result.column("illness_ledger").combine_chunks()
    assert got.type == ILLNESS_LEDGER and got.equals(want)
    assert got.to_pylist()[:5] == [
        MONTHS[5][2],  # the long absence of the year opened 4 July 2024, from 27 August
        # without August's counters: an absence of 3 to 9 September, 7 days, 2 short days
        {"years": [_year(date(2024, 7, 4), 2)], "open_start": None, "open_last": None},
        {**august, "open_start": None, "open_last": None},  # no illness: the open absence ends
        expected(rows[3])["illness_ledger"],
        None,
    ]
    assert_same(rows * 3, result)


@pytest.mark.parametrize("hired", [date(2024, 2, 29), date(2023, 2, 28), date(2023, 3, 1), date(2023, 12, 31),
                                   date(2024, 1, 1), date(2000, 2, 29), date(5, 6, 15)])
def test_contract_year_starts_on_arrays_are_contract_year_start(hired: date) -> None:
    # every day around each anniversary for 9 years, and the year 9999
    anniversaries = [contract_year_start(hired, date(hired.year + k, 12, 31)) for k in range(9)]
    days = sorted({hired, *(a + timedelta(days=d) for a in anniversaries for d in (-1, 0, 1) if a + timedelta(days=d) >= hired),
                   date(9999, 12, 31)})
    numbers = np.array([day_number(d) for d in days])
    got = year_starts(np.full(len(numbers), day_number(hired)), numbers)
    assert got.tolist() == [day_number(contract_year_start(hired, d)) for d in days]


def test_a_hiring_on_29_february_opens_its_years_on_28_february_of_common_years() -> None:
    hired = date(2024, 2, 29)
    days = [date(2025, 2, 27), date(2025, 2, 28), date(2028, 2, 28), date(2028, 2, 29)]
    got = year_starts(np.full(4, day_number(hired)), np.array([day_number(d) for d in days]))
    assert got.tolist() == [day_number(d) for d in (date(2024, 2, 29), date(2025, 2, 28), date(2027, 2, 28),
                                                    date(2028, 2, 29))]


def test_refused_absences_of_one_day_with_two_schedules_keep_their_own_message() -> None:
    # Tue 9 h and Thu 9 h, or Tue 7 h: a 8-hour absence on Tue 10 September 2024 is refused by
    # the second contract only (7,00 h planned), one on Wed 11 (no care) by both
    absence = [{"date": date(2024, 9, 10), "hours": "8", "cause": "unpaid_leave"}]
    off_day = [{"date": date(2024, 9, 11), "hours": None, "cause": "unpaid_leave"}]
    rows = [TUE_THU | {"month": "2024-09", "absences": absence},
            TUE_THU | {"month": "2024-09", "absences": absence, "tue": "7"},
            TUE_THU | {"month": "2024-09", "absences": absence, "tue": "7", "start": date(2024, 1, 2)},
            TUE_THU | {"month": "2024-09", "absences": off_day},
            TUE_THU | {"month": "2024-09", "absences": off_day, "tue": "7"}]
    result = payroll(table_of(rows))
    messages = result.column("error_message").to_pylist()
    assert messages == [None, "le 10/09/2024 ne prévoit que 7,00 h.", "le 10/09/2024 ne prévoit que 7,00 h.",
                        messages[3], messages[3]]
    assert messages[3] is not None and messages[3].startswith("le 11/09/2024 n'est pas un jour d'accueil prévu")
    assert_same(rows, result)


def test_the_counters_of_a_batch_keep_each_row_once_its_ledger_first() -> None:
    # rows 1 and 3 as arrays (row 3: 5 short days in the year opened 27 June 2024, an absence
    # open 2–3 March 2025), row 1 also as a ledger (the scalar route's): its counters replace the arrays'
    days = {d: day_number(d) for d in (date(2024, 6, 26), date(2024, 6, 27), date(2025, 3, 2), date(2025, 3, 3))}
    arrays = Counters(np.array([1, 3]), np.array([NO_DAY, days[date(2025, 3, 2)]]),
                      np.array([NO_DAY, days[date(2025, 3, 3)]]), np.array([1, 3]),
                      np.array([days[date(2024, 6, 26)], days[date(2024, 6, 27)]]), np.array([2, 5]),
                      np.array([NO_DAY, NO_DAY]))
    ledger = ChildIllnessLedger(date(2024, 1, 2), (ContractYearUsage(date(2024, 1, 2), 1, date(2024, 3, 4)),
                                                   ContractYearUsage(date(2025, 1, 2), 4)))
    illness = Art105({}, {1: ledger}, [arrays])
    kept = np.array([True, True, True, True])
    counters = illness.of_rows(kept).counters(4)
    assert counters.row.tolist() == [1, 3] and counters.year_row.tolist() == [1, 1, 3]
    assert counters.short_days.tolist() == [1, 4, 5]
    assert counters.long_absence.tolist() == [day_number(date(2024, 3, 4)), NO_DAY, NO_DAY]
    assert illness.of_rows(np.array([True, True, True, False])).counters(4).row.tolist() == [1]
    assert _ledger_column(counters, 4).to_pylist() == [
        None, ledger.as_mapping(), None,
        {"years": [_year(date(2024, 6, 27), 5)], "open_start": date(2025, 3, 2), "open_last": date(2025, 3, 3)}]


Y23, Y24 = date(2023, 7, 4), date(2024, 7, 4)  # TUE_THU's contract years
CARRIED = {
    # counters the arrays read: two years, a long absence inside its year, an absence left open
    # (ended by a month without illness), no years, short days left out (0)
    "two years": {"years": [_year(Y23, 5), _year(Y24, 2)]},
    "long absence": {"years": [_year(Y24, 0, date(2024, 9, 3))]},
    "open absence": {"years": [_year(Y24, 1)], "open_start": date(2024, 9, 24), "open_last": date(2024, 9, 26)},
    "no years": {"years": None},
    "empty years": {"years": []},
    "short days left out": {"years": [{"year_start": Y24, "short_days": None, "long_absence": None}]},
    # counters from_mapping refuses: each row gets its error
    "not an anniversary": {"years": [_year(date(2024, 7, 5), 1)]},
    "before the hiring": {"years": [_year(date(2022, 7, 4), 1)]},
    "a year twice": {"years": [_year(Y24, 1), _year(Y24, 2)]},
    "six short days": {"years": [_year(Y24, 6)]},
    "long absence in the next year": {"years": [_year(Y23, 0, date(2024, 7, 10))]},
    "long absence before its year": {"years": [_year(Y24, 0, date(2024, 7, 1))]},
    "open start alone": {"years": [], "open_start": date(2024, 9, 24)},
    "open last alone": {"years": [], "open_last": date(2024, 9, 24)},
    "open absence ending before it starts": {"years": [], "open_start": date(2024, 9, 24),
                                             "open_last": date(2024, 9, 20)},
    "open absence before the hiring": {"years": [], "open_start": date(2023, 6, 1), "open_last": date(2023, 6, 2)},
    "a null year": {"years": [None]},
    "a year past the calendar": {"years": [_year(date(2300, 7, 4), 0)]},
}


def _carried_rows() -> list[dict[str, Any]]:
    rows = []
    for k, ledger in enumerate(CARRIED.values()):
        full = {"years": None, "open_start": None, "open_last": None} | ledger
        for absences in ([], _ill(date(2024, 10, 8))):  # a month without illness, one with (art. 105 asked)
            rows.append(TUE_THU | {"id": len(rows), "month": "2024-10", "illness_ledger": full,
                                   "absences": absences, "hourly_rate": f"4.{50 + k}"})
    rows.append(TUE_THU | {"id": len(rows), "month": "2024-10", "start": None,  # no hiring date to place the years
                           "illness_ledger": {"years": [_year(Y24, 1)], "open_start": None, "open_last": None}})
    return rows


@pytest.mark.parametrize("chunk_rows", [1, 7, 1000])
def test_carried_counters_read_on_arrays_as_month_pay_reads_them(chunk_rows: int) -> None:
    # every kind of carried counters, valid or refused, in months with and without illness:
    # the figures, the counters handed on and the errors of month_of_row
    rows = _carried_rows()
    result = payroll(table_of(rows), chunk_rows=chunk_rows)
    assert_same(rows, result)
    errors = [row["error_code"] for row in result.to_pylist()]
    assert errors.count(None) == 2 * 6  # the six valid kinds, with and without illness
    assert result.column("illness_ledger").to_pylist()[4] == {  # the open absence ended by October
        "years": [_year(Y24, 1)], "open_start": None, "open_last": None}
