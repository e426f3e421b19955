"""The bulk engine (issue 6): the same cents as the single-contract API on every row,
no row lost, results independent of batching, the published schema, the
``amcalc payroll`` and ``amcalc bench`` commands, and Dask."""

from __future__ import annotations

import json
import threading
import tomllib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")
pq = pytest.importorskip("pyarrow.parquet")

from bulk_support import with_scalar_rows  # noqa: E402

import amcalc.bulk  # noqa: E402
from amcalc.absences import AbsenceCause  # noqa: E402
from amcalc.bulk import CHUNK_ROWS, OUTPUT_SCHEMA, TABLE_CHUNK_ROWS, PayrollStats, chunk_rows_for, payroll  # noqa: E402
from amcalc.bulk.bench import random_rows  # noqa: E402
from amcalc.bulk.engine import figures, month_of_row  # noqa: E402
from amcalc.bulk.schema import ILLNESS_LEDGER, MONEY, RECENT_WEEKS, decimal_array  # noqa: E402
from amcalc.calendar import WEEKDAYS, Territory, public_holidays  # noqa: E402
from amcalc.child_illness import contract_year_start  # noqa: E402
from amcalc.cli import main  # noqa: E402
from amcalc.errors import AmcalcError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CASES = [ROOT.parent / "shared" / "cases" / "month.toml", ROOT / "tests" / "scenarios" / "month.toml"]


def expected(row: dict[str, Any]) -> dict[str, Any]:
    """What the single-contract API gives for ``row``: its figures, or its error."""
    try:
        return figures(month_of_row(row))
    except AmcalcError as err:
        return {"error_code": err.code, "error_field": err.field, "error_message": err.message}


def assert_same(rows: list[dict[str, Any]], result: Any) -> None:
    assert result.num_rows == len(rows)
    for row, got in zip(rows, result.to_pylist(), strict=True):
        want = expected(row)
        assert {k: got[k] for k in want} == want, (row, got["route"])


# --- the published figures -------------------------------------------------------------------


def test_a_published_month_through_the_vector_route() -> None:
    # zen-avec-mon-assmat, Dec 2024: 52 weeks, Mon/Tue/Thu/Fri 10 h at 4.00 €, Christmas week
    # unpaid: 693.33 € × 40 h / 180 h = 154.07 €; 539.26 € / 4.00 € = 134.8 → 135 h declared.
    row = {"id": 7, "hourly_rate": "4.00", "weeks": 52, "start": date(2024, 11, 4), "month": "2024-12",
           "mon": "10", "tue": "10", "thu": "10", "fri": "10",
           "absences": [{"date": date(2024, 12, d), "hours": None, "cause": "unpaid_leave"}
                        for d in (23, 24, 26, 27)]}
    got = payroll(pa.Table.from_pylist([row])).to_pylist()[0]
    assert got["route"] == "vector"
    assert (got["id"], got["month"]) == (7, date(2024, 12, 1))
    assert (got["base_salary"], got["absence_deduction"], got["gross_salary"]) == (
        Decimal("693.33"), Decimal("154.07"), Decimal("539.26"))
    assert (got["scheduled_seconds"], got["scheduled_days"], got["declared_hours"]) == (180 * 3600, 18, 135)
    assert got["warnings"] == [] and got["error_code"] is None


def month_cases() -> list[dict[str, Any]]:
    rows = []
    for path in CASES:
        if path.exists():
            rows += [c["input"] for c in tomllib.loads(path.read_text("utf-8"))["case"]
                     if c["calc"] == "month"]
    return rows


@pytest.mark.parametrize("row", month_cases())
def test_every_month_scenario_case_is_a_row(row: dict[str, Any]) -> None:
    assert_same([row], payroll(pa.Table.from_pylist([row])))


# --- the same cents as the single-contract API ---------------------------------------------------

SIMPLE = [c.value for c in AbsenceCause]
HOURS = ["7", "8", "8.5", "9", "10", "11", "13", "08:30-18:30", "14"]


@st.composite
def contract_months(draw: st.DrawFn) -> dict[str, Any]:
    """A contract-month: mostly valid and simple (the vector route), sometimes partial,
    complex or wrong (the scalar route)."""
    clean = draw(st.integers(0, 3)) > 0
    year, month = draw(st.integers(2023, 2026)), draw(st.integers(1, 12))
    first = date(year, month, 1)
    length = ((first + timedelta(days=32)).replace(day=1) - first).days
    days = draw(st.lists(st.sampled_from(WEEKDAYS[:6]), min_size=1, max_size=5, unique=True))
    weeks = draw(st.sampled_from([52, 52, 40, 46] if clean else [52, 47, 10]))
    row: dict[str, Any] = {
        "hourly_rate": draw(st.sampled_from(["4.10", "4.5678", "5.00", "6.25"] if clean else
                                            ["3.50", "abc", "5.00"])),
        "weeks": weeks,
        "start": first - timedelta(days=draw(st.sampled_from([0, 1, 30, 400, -3, -12] if clean else [-10, 0]))),
        "month": draw(st.sampled_from([f"{year}-{month:02d}", first])),
        "territory": draw(st.sampled_from([None, "metropole", "alsace", "moselle"])),
        "am_ge": draw(st.booleans()),
        "majorated_rate": draw(st.sampled_from([None, "0.10", "0.25"])),
        "complementary_rate": draw(st.sampled_from([None, "0", "0.10"])),
        "maintenance_per_hour": draw(st.sampled_from([None, "0.30", "0.55", "1.00"])),
        "end": draw(st.sampled_from([None, None, first + timedelta(days=length - 1),
                                     first + timedelta(days=draw(st.integers(12, length - 2)))]
                                    if clean else [None, first + timedelta(days=20)])),
        "kind": draw(st.sampled_from([None, "cdi", "cdd", "occasional"] if clean else ["occasional", "cdi"])),
    }
    hours = ["7", "8", "8.5", "09:00-17:30"] if len(days) == 5 else ["8", "9.25", "10", "08:30-18:30", "11"]
    for day in WEEKDAYS:
        row[day] = draw(st.sampled_from(hours if clean else [*hours, "13.5", "25"])) if day in days else None
    usual = [first + timedelta(days=k) for k in range(length)
             if WEEKDAYS[(first + timedelta(days=k)).weekday()] in days]
    if clean:  # within the contract: a partial month stays on the vector route
        usual = [d for d in usual if row["start"] <= d and (row["end"] is None or d <= row["end"])]
    else:
        usual = [first + timedelta(days=k) for k in range(-3, 31)]
    causes = SIMPLE
    chosen = draw(st.lists(st.sampled_from(usual), max_size=4, unique=True)) if usual else []
    row["absences"] = [{"date": d, "hours": draw(st.sampled_from([None, None, "2"] if clean else
                                                                 [None, "0", "30"])),
                        "cause": draw(st.sampled_from(causes))} for d in chosen]
    mondays = [first - timedelta(days=first.weekday()) + timedelta(weeks=k) for k in range(6)]
    if clean:  # the weeks of the month, those that straddle two months included
        mondays = [m for m in mondays if first - timedelta(days=6) <= m < first + timedelta(days=length)]
    row["worked_hours"] = [
        {"week": week, "hours": draw(st.sampled_from(["0", "30", "42", "46.5", "50", "120"] if clean
                                                     else ["50", "42"]))}
        for week in draw(st.lists(st.sampled_from(mondays), max_size=2, unique=True))]
    row["non_care_weeks"] = draw(st.lists(st.sampled_from(mondays), max_size=1)) if weeks < 52 or not clean else []
    holidays = sorted(d for d in public_holidays(year, Territory(row["territory"] or "metropole"))
                      if (d.year, d.month) == (year, month))
    row["worked_holidays"] = draw(st.lists(st.sampled_from(holidays or [first]), max_size=2, unique=True)
                                  if clean else st.sampled_from([[], [first + timedelta(days=2)]]))
    row["illness_ledger"] = draw(st.none() | carried_ledgers(row["start"], first, clean))
    row["recent_weeks"] = draw(st.none() | recent_weeks(first, clean))
    return row


def recent_weeks(first: date, clean: bool) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Weeks carried from last month (art. 96.3): Mondays of the 20 weeks before the month,
    some over 48 h, sometimes a week of the month itself (this month's total wins), and
    when not ``clean`` a day that is not a Monday."""
    monday = first - timedelta(days=first.weekday())
    weeks = [monday - timedelta(weeks=k) for k in range(-1, 20)]
    if not clean:
        weeks.append(monday + timedelta(days=2))
    return st.lists(st.fixed_dictionaries({"week": st.sampled_from(weeks),
                                           "seconds": st.sampled_from([0, 30 * 3600, 45 * 3600, 60 * 3600])}),
                    max_size=6, unique_by=lambda w: w["week"])


def carried_ledgers(hired: date, first: date, clean: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Art. 105 counters carried from last month: the contract year of the month's first
    day (or a wrong one, or too many days, when not ``clean``), maybe an absence open at
    last month's end."""
    year_start = contract_year_start(hired, max(hired, first))
    years = st.fixed_dictionaries({
        "year_start": st.just(year_start) if clean else st.sampled_from([year_start, year_start + timedelta(days=1)]),
        "short_days": st.integers(0, 5) if clean else st.integers(0, 7),
        "long_absence": st.none() | st.just(year_start)})
    runs = st.just((None, None))
    if hired <= first - timedelta(days=3):
        runs |= st.sampled_from([(first - timedelta(days=3), first - timedelta(days=1)),
                                 (first - timedelta(days=3), first - timedelta(days=3))])
    return st.builds(lambda y, r: {"years": y, "open_start": r[0], "open_last": r[1]},
                     st.lists(years, max_size=1), runs)


@settings(max_examples=60, deadline=None)
@given(contract_months())
def test_traces_on_or_off_give_the_same_amounts(row: dict[str, Any]) -> None:
    # the scalar route computes without the explanation: month_pay(trace=False)
    try:
        traced = month_of_row(row)
    except AmcalcError as err:
        with pytest.raises(type(err)) as caught:
            month_of_row(row, trace=False)
        assert (caught.value.code, caught.value.field, caught.value.message) == (err.code, err.field, err.message)
        return
    figures_only = month_of_row(row, trace=False)
    assert figures_only == traced  # every field but the explanation, net_detail included
    assert figures(figures_only) == figures(traced)
    assert traced.explanation.steps and not figures_only.explanation.steps


def table_of(rows: list[dict[str, Any]]) -> Any:
    schema = pa.schema([
        ("id", pa.int64()), ("hourly_rate", pa.string()), ("weeks", pa.int64()), ("start", pa.date32()),
        ("end", pa.date32()), ("kind", pa.string()), ("territory", pa.string()), ("am_ge", pa.bool_()),
        ("majorated_rate", pa.string()), ("complementary_rate", pa.string()),
        ("maintenance_per_hour", pa.string()), *((d, pa.string()) for d in WEEKDAYS),
        ("absences", pa.list_(pa.struct([("date", pa.date32()), ("hours", pa.string()),
                                         ("cause", pa.string())]))),
        ("worked_hours", pa.list_(pa.struct([("week", pa.date32()), ("hours", pa.string())]))),
        ("non_care_weeks", pa.list_(pa.date32())), ("worked_holidays", pa.list_(pa.date32())),
        ("illness_ledger", ILLNESS_LEDGER),
        ("recent_weeks", RECENT_WEEKS),
    ])
    months = pa.array([r["month"] if isinstance(r["month"], str) else r["month"].strftime("%Y-%m")
                       for r in rows])
    table = pa.Table.from_pylist([{k: v for k, v in r.items() if k != "month"} | {"id": i}
                                  for i, r in enumerate(rows)], schema=schema)
    return table.append_column("month", months)


@settings(max_examples=60, deadline=None)
@given(st.lists(contract_months(), min_size=1, max_size=8))
def test_bulk_equals_the_single_contract_api_on_every_row(rows: list[dict[str, Any]]) -> None:
    for row in rows:  # the bulk table holds the month as text: so does the scalar reference
        if isinstance(row["month"], date):
            row["month"] = row["month"].strftime("%Y-%m")
    assert_same(rows, payroll(table_of(rows)))


def test_random_realistic_rows_mostly_take_the_vector_route_and_agree() -> None:
    table = random_rows(1500, seed=3)
    stats = PayrollStats()
    result = payroll(table, stats=stats, chunk_rows=500)
    assert stats.rows == 1500 and stats.scalar_share < 0.15
    assert_same(table.to_pylist(), result)


# --- no row lost, order kept, batching irrelevant -------------------------------------------------


def test_bad_rows_get_their_error_and_the_others_are_computed() -> None:
    good = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", "mon": "9", "tue": "9"}
    rows = [
        good,
        {**good, "hourly_rate": "quatre"},
        {**good, "weeks": 49},
        {**good, "month": "2025-13"},
        {**good, "mon": "25"},
        {**good, "hourly_rate": "2.00"},
        good,
    ]
    result = payroll(pa.Table.from_pylist([{**r, "id": i} for i, r in enumerate(rows)]))
    assert result.column("id").to_pylist() == list(range(7))
    assert result.column("error_code").to_pylist() == [
        None, "invalid_input", "invalid_input", "invalid_input", "invalid_input", "below_minimum_rate", None]
    assert result.column("error_field").to_pylist()[1:3] == ["hourly_rate", "weeks"]
    assert result.column("gross_salary").to_pylist()[1:6] == [None] * 5
    # 9 h Mon and Tue, 52 weeks: 18 h × 52 / 12 = 78 h × 4.00 € = 312.00 €
    assert result.column("gross_salary").to_pylist()[::6] == [Decimal("312.00")] * 2


def moved_to(row: dict[str, Any], month: date) -> dict[str, Any]:
    """``row`` with its month ``month`` and its dates moved by as many whole weeks (same weekdays)."""
    shift = timedelta(weeks=(month - row["month"]).days // 7)
    return row | {
        "month": month, **{k: row[k] + shift for k in ("start", "end") if row[k] is not None},
        "absences": [a | {"date": a["date"] + shift} for a in row["absences"] or []],
        "worked_hours": [w | {"week": w["week"] + shift} for w in row["worked_hours"] or []],
        "non_care_weeks": [d + shift for d in row["non_care_weeks"] or []]}


@pytest.mark.parametrize("month", [date(1900, 2, 1), date(2199, 10, 1), date(2199, 11, 1), date(2199, 12, 1)])
def test_months_at_the_ends_of_the_holiday_calendar_as_the_single_contract_api(month: date) -> None:
    # public holidays are known from 1900 to 2199: a month whose weeks or whose child's return
    # reach beyond gets month_pay's figures or its error, never a row the engine cannot place
    rows = [moved_to(row, month) for row in random_rows(150, seed=11, rare=10).to_pylist()]
    assert_same(rows, payroll(pa.Table.from_pylist(rows), chunk_rows=50))


def test_rows_refused_by_the_single_contract_api_get_its_error_without_the_scalar_route() -> None:
    # hired on Wed 12 March 2025: Mon 10 March is before the contract, and so is the week of 3 March
    hired = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", "start": date(2025, 3, 12),
             "mon": "9", "tue": "9", "absences": [], "worked_hours": []}
    rows = [
        hired | {"absences": [{"date": date(2025, 3, 17), "hours": "3", "cause": "unpaid_leave"},
                              {"date": date(2025, 3, 10), "hours": None, "cause": "unpaid_leave"}]},
        hired | {"absences": [{"date": date(2025, 3, 17), "hours": "10", "cause": "unpaid_leave"}]},
        hired | {"worked_hours": [{"week": date(2025, 3, 17), "hours": "20"},
                                  {"week": date(2025, 3, 3), "hours": "5"}]},
    ]
    stats = PayrollStats()
    result = payroll(pa.Table.from_pylist(rows), stats=stats).to_pylist()
    assert stats.scalar_rows == 0
    assert [(r["route"], r["error_field"], r["error_message"]) for r in result] == [
        ("vector", "absences", "le 10/03/2025 n'est pas un jour d'accueil prévu (jour non travaillé, "
                               "férié chômé, semaine sans accueil ou hors contrat)."),
        ("vector", "absences.hours", "le 17/03/2025 ne prévoit que 9,00 h."),
        ("vector", "worked_hours", "la semaine du 03/03/2025 n'a aucun jour d'accueil dans le contrat : "
                                   "donnez les heures par jour."),
    ]
    assert all(r["gross_salary"] is None for r in result)
    assert_same(rows, payroll(pa.Table.from_pylist(rows)))


def test_a_week_without_care_is_looked_up_day_by_day() -> None:
    # 40 weeks, Mon, Tue, Thu, Fri 10 h; March 2025 plans 17 days (170 h). No care the week
    # of Mon 10 March (4 days, 40 h) and an unpaid day on Mon 17: 120 h of care given. An
    # absence on Thu 13, in the week without care, is refused as month_pay refuses it.
    part_year = {"hourly_rate": "4.00", "weeks": 40, "month": "2025-03", "start": date(2024, 9, 2),
                 "mon": "10", "tue": "10", "thu": "10", "fri": "10", "non_care_weeks": [date(2025, 3, 10)]}
    rows = [part_year | {"absences": [{"date": date(2025, 3, 17), "hours": None, "cause": "unpaid_leave"}]},
            part_year | {"absences": [{"date": date(2025, 3, 13), "hours": None, "cause": "unpaid_leave"}]}]
    stats = PayrollStats()
    result = payroll(pa.Table.from_pylist(rows), stats=stats).to_pylist()
    assert stats.scalar_rows == 0 and [r["route"] for r in result] == ["vector", "vector"]
    assert result[0]["worked_seconds"] == 120 * 3600
    assert result[1]["error_message"].startswith("le 13/03/2025 n'est pas un jour d'accueil prévu")
    assert_same(rows, payroll(pa.Table.from_pylist(rows)))


def test_occasional_care_is_paid_by_the_hour_on_the_vector_route() -> None:
    # art. 108.2, 109.3: Mondays and Thursdays 9 h at 4.00 € in April 2025, 8 days planned.
    # Easter Monday (21st) is kept, and so is the child's absence on Thu 10 (the parent keeps
    # paying it); unpaid leave on Mon 14 is not paid. Done: 5 days, 45 h; kept: 18 h;
    # 63 h × 4.00 € = 252.00 €, nothing deducted; Pajemploi: 45 h and 5 days of care.
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-04", "start": date(2025, 1, 6), "kind": "occasional",
           "mon": "9", "thu": "9",
           "absences": [{"date": date(2025, 4, 10), "hours": None, "cause": "child_absence"},
                        {"date": date(2025, 4, 14), "hours": None, "cause": "unpaid_leave"}]}
    stats = PayrollStats()
    got = payroll(pa.Table.from_pylist([row]), stats=stats).to_pylist()[0]
    assert stats.scalar_rows == 0 and got["route"] == "vector"
    assert (got["base_salary"], got["absence_deduction"], got["gross_salary"]) == (
        Decimal("252.00"), Decimal("0.00"), Decimal("252.00"))
    assert (got["worked_seconds"], got["declared_hours"], got["declared_days"]) == (45 * 3600, 45, 5)
    assert_same([row], payroll(pa.Table.from_pylist([row])))


def test_a_week_across_two_months_counts_its_days_in_each() -> None:
    # Mon–Fri 9 h (45 h), 50 h given for the week of Mon 31 March 2025: 10 h a day. March has
    # Monday (190 h worked, 189 planned); the 5 majorated hours (beyond 45 h, art. 96.4) fall on
    # Friday 4 April: 5 h × 4.00 € × 1.25 = 25.00 € in April (193 h worked: Easter Monday off).
    week = [{"week": date(2025, 3, 31), "hours": "50"}]
    contract = {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 9, 2), "majorated_rate": "0.25",
                **{d: "9" for d in WEEKDAYS[:5]}, "worked_hours": week}
    rows = [contract | {"month": "2025-03"}, contract | {"month": "2025-04"}]
    stats = PayrollStats()
    march, april = payroll(pa.Table.from_pylist(rows), stats=stats).to_pylist()
    assert stats.scalar_rows == 0
    assert (march["worked_seconds"], march["majorated_seconds"], march["majorated_pay"]) == (
        190 * 3600, 0, Decimal("0.00"))
    assert (april["worked_seconds"], april["majorated_seconds"], april["majorated_pay"]) == (
        193 * 3600, 5 * 3600, Decimal("25.00"))
    assert_same(rows, payroll(pa.Table.from_pylist(rows)))


def test_holidays_worked_are_paid_with_their_uplift_on_the_vector_route() -> None:
    # art. 47, 101: Mon–Fri 9 h at 4.00 € (780.00 € a month), 1 and 8 May 2025 worked by
    # agreement: 9 h × 4.00 € × 100 % = 36.00 € for 1 May, 9 h × 4.00 € × 10 % = 3.60 € for
    # 8 May; gross 819.60 €; 21 days worked (Ascension, the 29th, off), 189 h.
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-05", "start": date(2024, 9, 2),
           **{d: "9" for d in WEEKDAYS[:5]}, "worked_holidays": [date(2025, 5, 1), date(2025, 5, 8)]}
    wrong = row | {"worked_holidays": [date(2025, 5, 2)]}  # not a holiday: month_pay's error
    stats = PayrollStats()
    got, refused = payroll(pa.Table.from_pylist([row, wrong]), stats=stats).to_pylist()
    assert got["route"] == "vector" and stats.scalar_rows == 1
    assert (got["holiday_pay"], got["gross_salary"], got["worked_seconds"]) == (
        Decimal("39.60"), Decimal("819.60"), 189 * 3600)
    assert (refused["error_code"], refused["error_field"]) == ("invalid_input", "worked_holidays")
    assert_same([row, wrong], payroll(pa.Table.from_pylist([row, wrong])))


def test_occasional_care_asks_art_47_and_105_on_the_vector_route() -> None:
    # as tests/test_month.py: an unjustified absence on Thu 17 April 2025 costs Easter Monday
    # (54 h, 216.00 €); a certified illness on Thu 10 April, the 5 short days used, is paid
    # (72 h, 288.00 €)
    occasional = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-04", "start": date(2025, 1, 6),
                  "kind": "occasional", "mon": "9", "thu": "9"}
    rows = [occasional | {"absences": [{"date": date(2025, 4, 17), "hours": None, "cause": "am_unjustified"}],
                          "illness_ledger": None},
            occasional | {"absences": ill(date(2025, 4, 10)),
                          "illness_ledger": {"years": [{"year_start": date(2025, 1, 6), "short_days": 5}]}}]
    stats = PayrollStats()
    got = payroll(pa.Table.from_pylist(rows), stats=stats).to_pylist()
    assert stats.scalar_rows == 0
    assert [g["base_salary"] for g in got] == [Decimal("216.00"), Decimal("288.00")]
    assert_same(rows, payroll(pa.Table.from_pylist(rows)))


def test_a_week_over_48_hours_takes_the_vector_route_with_its_warnings() -> None:
    # Mon–Fri 9 h (45 h); 100 h the week of 10 March 2025: 20 h a day (over 13 h, art. 96.1);
    # the 18 civil weeks from 2 Dec 2024 to 31 March average (17 × 45 + 100) / 18 = 48.06 h (art. 96.3)
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", "start": date(2024, 1, 8),
           **{d: "9" for d in WEEKDAYS[:5]}, "worked_hours": [{"week": date(2025, 3, 10), "hours": "100"}]}
    stats = PayrollStats()
    got = payroll(pa.Table.from_pylist([row]), stats=stats).to_pylist()[0]
    assert stats.scalar_rows == 0 and got["route"] == "vector"
    rest = "d'accueil ne laissent pas 11 heures consécutives de repos quotidien (CCN 3239 art. 96.1 ; CASF L423-21)."
    assert got["warnings"] == [
        "Semaine du 10/03/2025 : 100,00 h de travail. Au-delà de 48 h, l'accord de l'assistant maternel "
        "est requis et la durée moyenne sur 4 mois ne peut dépasser 48 h (CCN 3239 art. 96.3 ; CASF L423-22).",
        *(f"Le {d}/03/2025 : 20,00 h {rest}" for d in range(10, 15)),
        "Moyenne de 48,06 h par semaine sur les 4 derniers mois : au-delà de 48 h "
        "(CCN 3239 art. 96.3 ; CASF L423-22).",
    ]
    assert got["majorated_seconds"] == 55 * 3600 and got["complementary_seconds"] == 0
    assert_same([row], payroll(pa.Table.from_pylist([row])))


MON_FRI_8H = {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 1, 8), "month": "2025-11",
              **{d: "8" for d in WEEKDAYS[:5]}}
# 40 h × 52 / 12 × 4.00 € = 693.33 €; November 2025: 20 weekdays, 160 h, Tue 11 Nov a holiday


def test_a_holiday_next_to_an_unjustified_absence_is_unpaid_on_the_vector_route() -> None:
    # art. 47: Mon 10 Nov an unjustified absence, so the holiday of Tue 11 Nov is not paid:
    # 693.33 € × (8 + 8) h / 160 h = 69.33 € deducted (34.67 € for the absence alone)
    row = MON_FRI_8H | {"absences": [{"date": date(2025, 11, 10), "hours": None, "cause": "am_unjustified"}]}
    stats = PayrollStats()
    got = payroll(pa.Table.from_pylist([row]), stats=stats).to_pylist()[0]
    assert stats.scalar_rows == 0 and got["route"] == "vector"
    assert (got["absence_deduction"], got["gross_salary"]) == (Decimal("69.33"), Decimal("624.00"))
    assert_same([row], payroll(pa.Table.from_pylist([row])))


def test_a_long_certified_illness_takes_the_vector_route_with_its_resume_date() -> None:
    # art. 105: ill from Mon 3 to Fri 21 Nov, back Mon 24: 21 calendar days, a long absence
    # unpaid to its 14th day (Sun 16 Nov): 9 days of 8 h (the holiday of the 11th is no absence),
    # 693.33 € × 72 h / 160 h = 312.00 € deducted; pay resumes on Mon 17 Nov
    days = [date(2025, 11, d) for d in (3, 4, 5, 6, 7, 10, 12, 13, 14, 17, 18, 19, 20, 21)]
    row = MON_FRI_8H | {"absences": [{"date": d, "hours": None, "cause": "child_illness_certified"}
                                     for d in days]}
    stats = PayrollStats()
    got = payroll(pa.Table.from_pylist([row]), stats=stats).to_pylist()[0]
    assert stats.scalar_rows == 0 and got["route"] == "vector"
    assert (got["absence_deduction"], got["gross_salary"]) == (Decimal("312.00"), Decimal("381.33"))
    assert got["resume_or_end_on"] == date(2025, 11, 17)
    assert_same([row], payroll(pa.Table.from_pylist([row])))


# Mon, Tue, Thu, Fri 10 h at 4.00 €, 52 weeks, hired 4 Nov 2024: 693.33 € a month; March and
# April 2025 both have 170 scheduled hours (Easter Monday counts in April's, art. 47)
FOUR_DAYS_10H = {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 11, 4),
                 "mon": "10", "tue": "10", "thu": "10", "fri": "10"}


def ill(*days: date) -> list[dict[str, Any]]:
    return [{"date": d, "hours": None, "cause": "child_illness_certified"} for d in days]


def next_month(result: Any, row: dict[str, Any], month: str, absences: list[dict[str, Any]]) -> dict[str, Any]:
    """Next month's row: last month's ``illness_ledger`` output carried as input."""
    return row | {"month": month, "absences": absences,
                  "illness_ledger": result.column("illness_ledger").to_pylist()[0]}


def test_the_five_short_days_carry_from_month_to_month() -> None:
    # art. 105, 5 short days a contract year: ill Mon 3 and Tue 4 March (back Thu 6), 2 short
    # days unpaid, 693.33 € × 20 h / 170 h = 81.57 €; ill Mon 7 to Fri 11 April (back Mon 14),
    # 4 days of which 3 still unpaid: 693.33 € × 30 h / 170 h = 122.35 € (163.14 € for 4 days
    # if the counters started again from zero)
    march = FOUR_DAYS_10H | {"month": "2025-03", "absences": ill(date(2025, 3, 3), date(2025, 3, 4))}
    first = payroll(pa.Table.from_pylist([march]))
    assert first.column("absence_deduction").to_pylist() == [Decimal("81.57")]
    assert first.column("illness_ledger").to_pylist() == [
        {"years": [{"year_start": date(2024, 11, 4), "short_days": 2, "long_absence": None}],
         "open_start": None, "open_last": None}]
    april = next_month(first, march, "2025-04", ill(*(date(2025, 4, d) for d in (7, 8, 10, 11))))
    stats = PayrollStats()
    second = payroll(pa.Table.from_pylist([april]), stats=stats)
    assert stats.scalar_rows == 0 and second.column("route").to_pylist() == ["vector"]
    assert second.column("absence_deduction").to_pylist() == [Decimal("122.35")]
    assert second.column("illness_ledger").to_pylist()[0]["years"][0]["short_days"] == 5
    assert_same([april], second)


def test_an_illness_running_at_the_month_end_continues_into_the_next() -> None:
    # ill Fri 28 and Mon 31 March, the child expected back Tue 1 April: the absence is still
    # open; ill again from Tue 1 to Fri 11 April (back Mon 14): one absence from 28 March to
    # 13 April, 17 calendar days, long: unpaid to its 14th day (Thu 10 April), 6 days of
    # April, 693.33 € × 60 h / 170 h = 244.70 €, pay resumes on Fri 11 April
    march = FOUR_DAYS_10H | {"month": "2025-03", "absences": ill(date(2025, 3, 28), date(2025, 3, 31))}
    first = payroll(pa.Table.from_pylist([march]))
    carried = first.column("illness_ledger").to_pylist()[0]
    assert (carried["open_start"], carried["open_last"]) == (date(2025, 3, 28), date(2025, 3, 31))
    april = next_month(first, march, "2025-04", ill(*(date(2025, 4, d) for d in (1, 3, 4, 7, 8, 10, 11))))
    got = payroll(pa.Table.from_pylist([april])).to_pylist()[0]
    assert got["route"] == "vector"
    assert (got["absence_deduction"], got["resume_or_end_on"]) == (Decimal("244.70"), date(2025, 4, 11))
    assert got["illness_ledger"]["years"][0]["long_absence"] == date(2025, 3, 28)
    assert got["illness_ledger"]["open_start"] is None
    assert_same([april], payroll(pa.Table.from_pylist([april])))


def test_a_ledger_goes_on_through_a_month_without_illness_and_a_bad_one_is_refused() -> None:
    carried = {"years": [{"year_start": date(2024, 11, 4), "short_days": 4, "long_absence": None}],
               "open_start": date(2025, 2, 27), "open_last": date(2025, 2, 28)}
    quiet = FOUR_DAYS_10H | {"month": "2025-03", "illness_ledger": carried}
    wrong = quiet | {"illness_ledger": {**carried, "years": [{"year_start": date(2024, 11, 5), "short_days": 1}]}}
    got = payroll(pa.Table.from_pylist([quiet, wrong])).to_pylist()
    assert got[0]["route"] == "vector" and got[0]["illness_ledger"] == {**carried, "open_start": None,
                                                                         "open_last": None}
    assert (got[1]["error_code"], got[1]["error_field"]) == ("invalid_input", "illness_ledger.years")
    assert got[1]["illness_ledger"] is None


def test_the_weeks_of_the_last_months_carry_to_the_4_month_average() -> None:
    # art. 96.3: Mon–Fri 9 h (45 h a week). Carried: 60 h in each of the 12 weeks from Mon 2
    # Dec 2024 to Mon 17 Feb 2025. March 2025 gives no week: the 18 civil weeks starting after
    # 30 Nov 2024 average (12 × 60 h + 6 × 45 h) / 18 = 55 h, over 48 h: a warning.
    carried = [{"week": date(2024, 12, 2) + timedelta(weeks=k), "seconds": 60 * 3600} for k in range(12)]
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", "start": date(2024, 9, 2),
           **{d: "9" for d in WEEKDAYS[:5]}, "recent_weeks": carried}
    got = payroll(pa.Table.from_pylist([row, row | {"recent_weeks": None}])).to_pylist()
    assert [g["route"] for g in got] == ["vector", "vector"]
    assert got[0]["warnings"] == ["Moyenne de 55,00 h par semaine sur les 4 derniers mois : au-delà de 48 h "
                                  "(CCN 3239 art. 96.3 ; CASF L423-22)."]
    assert got[1]["warnings"] == [] and got[1]["recent_weeks"] is None
    assert got[0]["recent_weeks"] == carried  # all within the last 18 weeks of March
    assert_same([row], payroll(pa.Table.from_pylist([row])))


def test_recent_weeks_keep_the_weeks_given_and_drop_the_old_ones() -> None:
    # 50 h given for the week of Mon 10 March 2025; carried: Mon 11 Nov 2024 (past the 18
    # weeks ending on 31 March: dropped) and Mon 10 March itself (this month's total wins)
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", "start": date(2024, 9, 2),
           **{d: "9" for d in WEEKDAYS[:5]},
           "worked_hours": [{"week": date(2025, 3, 10), "hours": "50"}],
           "recent_weeks": [{"week": date(2024, 11, 11), "seconds": 40 * 3600},
                            {"week": date(2025, 3, 10), "seconds": 1}]}
    wrong = row | {"recent_weeks": [{"week": date(2025, 3, 12), "seconds": 3600}]}
    got = payroll(pa.Table.from_pylist([row, wrong])).to_pylist()
    assert got[0]["route"] == "vector"
    assert got[0]["recent_weeks"] == [{"week": date(2025, 3, 10), "seconds": 50 * 3600}]
    assert (got[1]["error_code"], got[1]["error_field"]) == ("invalid_input", "recent_weeks[0].week")
    assert_same([row, wrong], payroll(pa.Table.from_pylist([row, wrong])))


def test_a_float_or_unknown_column_type_is_an_error_in_its_row() -> None:
    table = pa.table({"hourly_rate": [4.0], "weeks": [52], "month": ["2025-03"], "mon": ["9"]})
    got = payroll(table).to_pylist()[0]
    assert got["error_code"] == "invalid_input" and got["error_field"] == "hourly_rate"


def test_dates_weeks_and_am_ge_as_text_give_the_same_results_as_typed_columns() -> None:
    # a CSV's cells: "2024-04-20", "52", "true"; every tenth row on the scalar route
    typed = with_scalar_rows(random_rows(600, seed=8))
    text = typed
    for name in ("start", "end", "weeks", "am_ge"):
        column = typed.column(name).cast(pa.string())
        text = text.set_column(text.schema.get_field_index(name), name,
                               column.dictionary_encode() if name == "weeks" else column)
    assert pa.types.is_dictionary(text.schema.field("weeks").type)
    assert pa.compute.sum(typed.column("am_ge")).as_py() > 0 and typed.column("end").null_count < 600
    stats = PayrollStats()
    got = payroll(text, stats=stats)
    assert stats.scalar_rows > 0 and stats.scalar_rows < 600 - stats.errors
    assert got.equals(payroll(typed))


def test_a_bad_date_weeks_or_am_ge_text_is_an_error_in_its_row() -> None:
    good = {"hourly_rate": "4.00", "weeks": "52", "start": "2024-11-04", "end": "", "am_ge": "false",
            "month": "2025-03", "mon": "9", "tue": "9"}
    rows = [good, good | {"start": "2024-13-01"}, good | {"end": "04/11/2025"}, good | {"weeks": "52.0"},
            good | {"am_ge": "oui"}, good | {"start": " 2024-11-04 ", "weeks": "+52", "am_ge": "TRUE"},
            good | {"start": "", "am_ge": ""}]
    result = payroll(pa.Table.from_pylist(rows)).to_pylist()
    assert [(r["error_code"], r["error_field"], r["error_message"]) for r in result] == [
        (None, None, None),
        ("invalid_input", "start", "date impossible : '2024-13-01'."),
        ("invalid_input", "end", "date attendue au format AAAA-MM-JJ, pas '04/11/2025'."),
        ("invalid_input", "weeks", "un nombre entier est attendu, pas '52.0'."),
        ("invalid_input", "am_ge", "vrai ou faux est attendu (true, false, 1 ou 0), pas 'oui'."),
        (None, None, None), (None, None, None)]
    # 9 h Mon and Tue, 52 weeks: 18 h × 52 / 12 = 78 h × 4.00 € = 312.00 €
    assert [r["gross_salary"] for r in result[::5]] == [Decimal("312.00")] * 2
    assert result[6]["gross_salary"] == Decimal("312.00")
    assert [r["route"] for r in result] == ["vector"] + ["scalar"] * 4 + ["vector"] * 2
    assert_same(rows, payroll(pa.Table.from_pylist(rows)))


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 400), st.integers(1, 3))
def test_results_do_not_depend_on_batching(seed: int, chunk: int, threads: int) -> None:
    table = random_rows(400, seed=seed)
    whole = payroll(table, chunk_rows=10**6, threads=1)
    parts = [table.slice(i, chunk) for i in range(0, 400, chunk)]
    split = payroll(iter(b for p in parts for b in p.to_batches()), chunk_rows=chunk, threads=threads)
    assert split.equals(whole)


def test_worker_processes_give_the_same_results() -> None:
    # the scalar route's rows computed by two worker processes, or here
    from amcalc.bulk.engine import ScalarPool, compute

    batch = with_scalar_rows(random_rows(300, seed=4, rare=5.0)).combine_chunks().to_batches()[0]
    here, scalar_here = compute(batch)
    there, scalar_there = compute(batch, ScalarPool(2, min_rows=1))
    assert scalar_here == scalar_there > 10
    assert there.equals(here)


def test_an_empty_input_gives_an_empty_result_with_the_schema() -> None:
    table = pa.table({name: pa.array([], pa.string()) for name in ("id", "hourly_rate", "weeks", "month", "mon")})
    result = payroll(table)
    assert result.num_rows == 0 and result.schema.field("id").type == pa.string()


# --- the schema ----------------------------------------------------------------------------------


def test_output_schema_money_is_decimal_and_dates_are_date32() -> None:
    result = payroll(random_rows(50, seed=1))
    assert result.schema.remove(0).equals(OUTPUT_SCHEMA)
    for name in ("base_salary", "gross_salary", "net_salary", "contributions", "maintenance"):
        assert result.schema.field(name).type == pa.decimal128(12, 2)
    assert result.schema.field("month").type == pa.date32()
    assert result.schema.field("resume_or_end_on").type == pa.date32()


@given(st.lists(st.integers(1 - 10**12, 10**12 - 1), max_size=40), st.data())
def test_decimal_from_int64_cents_equals_pyarrow_from_decimals(cents: list[int], data: st.DataObject) -> None:
    valid = data.draw(st.lists(st.booleans(), min_size=len(cents), max_size=len(cents)))
    built = decimal_array(np.array(cents, np.int64), np.array(valid, bool))
    reference = pa.array([Decimal(c).scaleb(-2) if v else None for c, v in zip(cents, valid, strict=True)],
                         MONEY)
    assert built.equals(reference)


def test_results_go_to_polars_and_pandas_through_the_arrow_stream() -> None:
    result = payroll(random_rows(20, seed=2))
    assert hasattr(result, "__arrow_c_stream__")
    assert pa.table(result).equals(result)
    polars = pytest.importorskip("polars")
    frame = polars.DataFrame(result)
    assert frame.height == 20 and str(frame.schema["gross_salary"]).startswith("Decimal")
    assert payroll(polars.from_arrow(random_rows(20, seed=2))).column("net_salary").equals(
        result.column("net_salary"))


# --- the commands ----------------------------------------------------------------------------------


def test_payroll_command_csv_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mois.csv"
    source.write_text(
        "id,hourly_rate,weeks,start,month,mon,tue,wed,thu,fri,maintenance_per_hour\n"
        "a,4.00,52,2024-11-04,2024-12,10,10,,10,10,\n"
        "b,3.90,37,2024-09-02,2025-02,08:30-18:30,08:30-18:30,,08:30-18:30,08:30-18:30,0.50\n"
        "c,abc,52,2024-11-04,2024-12,10,,,,,\n", "utf-8")
    target = tmp_path / "paie.csv"
    assert main(["payroll", str(source), "-o", str(target)]) == 0
    assert capsys.readouterr().out.startswith("3 rows, 1 errors")
    rows = pa.csv.read_csv(target).to_pylist()
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    # 40 h × 52 / 12 × 4.00 € = 693.33 €; 37 weeks × 40 h / 12 × 3.90 € = 481.00 €
    assert [r["gross_salary"] for r in rows[:2]] == [693.33, 481.0]
    assert rows[2]["error_code"] == "invalid_input"


def test_payroll_command_parquet_round_trip(tmp_path: Path) -> None:
    table = random_rows(300, seed=5)
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(table, source)
    assert main(["payroll", str(source), "-o", str(target), "-q"]) == 0
    assert pq.read_table(target).equals(payroll(table))


def test_payroll_command_rejects_an_unknown_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["payroll", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "y.csv")]) == 2
    assert capsys.readouterr().err == (
        "amcalc payroll: invalid_input: input : x.xlsx : format inconnu (.csv ou .parquet attendu).\n")
    assert main(["payroll", str(tmp_path / "x.csv"), "-o", str(tmp_path / "y.txt")]) == 2
    assert capsys.readouterr().err.startswith("amcalc payroll: invalid_input: output : y.txt : format inconnu")


def test_bench_command_prints_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--rows", "2000", "--json"]) == 0
    figures_ = json.loads(capsys.readouterr().out)
    assert set(figures_) >= {"rows", "bulk_cm_per_s", "scalar_cm_per_s", "numpy_formula_cm_per_s",
                             "bit_identical", "parquet_cm_per_s", "peak_rss_mb"}
    assert figures_["rows"] == 2000 and figures_["bit_identical"] is True


# --- Dask ------------------------------------------------------------------------------------------


def test_dask_two_workers_give_the_same_results() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pd = pytest.importorskip("pandas")
    from amcalc.bulk.dask import payroll_dask

    table = random_rows(600, seed=11)
    frame = dd.from_pandas(table.to_pandas(types_mapper=pd.ArrowDtype), npartitions=4)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        result = payroll_dask(frame).compute()
    got = pa.Table.from_pandas(result, preserve_index=False)
    assert got.column("id").to_pylist() == list(range(600))
    assert got.column("net_salary").equals(payroll(table).column("net_salary"))


def test_a_hiring_after_days_without_care_declares_the_mensualised_hours() -> None:
    # hired Mon 3 March 2025: the 1st and 2nd are a weekend, no usual working day is outside
    # the contract, so the month is not partial (rules.md §12.2: month_pay's days.partial).
    # 46 weeks of 45 h at 4.0003 €: 45 × 46 / 12 = 172.5 h → 173 h declared; 172.5 × 4.0003 =
    # 690.05175 → 690.05 €, and 690.05 / 4.0003 = 172.4996 → 172 h would be the salary kept ÷
    # the rate of a partial month. Hired Tue 4 March, Mon 3 (a usual working day) is outside:
    # 690.05 € × 1 / 21 days = 32.86 € deducted, (690.05 − 32.86) / 4.0003 = 164.29 → 164 h.
    row = {"hourly_rate": "4.0003", "weeks": 46, "month": "2025-03", "start": date(2025, 3, 3),
           "mon": "9", "tue": "9", "wed": "9", "thu": "9", "fri": "9"}
    rows = [row, row | {"start": date(2025, 1, 6)}, row | {"start": date(2025, 3, 4)}]
    result = payroll(pa.Table.from_pylist(rows))
    got = result.to_pylist()
    assert [g["route"] for g in got] == ["vector"] * 3
    assert [(g["base_salary"], g["absence_deduction"]) for g in got[:2]] == [(Decimal("690.05"), Decimal("0.00"))] * 2
    assert [g["declared_hours"] for g in got[:2]] == [173, 173]
    assert (got[2]["absence_deduction"], got[2]["declared_hours"]) == (Decimal("32.86"), 164)
    assert_same(rows, result)


def test_a_week_without_care_given_twice_counts_once() -> None:
    # 40 weeks, Mon, Tue, Thu, Fri 10 h; March 2025 plans 17 days (170 h); the week of Mon 10
    # March given twice takes its 4 days once (40 h), and that of Mon 31 March its Monday
    # (10 h; its other days are April's): 120 h of care, 12 days
    row = {"hourly_rate": "4.00", "weeks": 40, "month": "2025-03", "start": date(2024, 9, 2),
           "mon": "10", "tue": "10", "thu": "10", "fri": "10",
           "non_care_weeks": [date(2025, 3, 10), date(2025, 3, 31), date(2025, 3, 10)]}
    stats = PayrollStats()
    result = payroll(pa.Table.from_pylist([row]), stats=stats)
    got = result.to_pylist()[0]
    assert stats.scalar_rows == 0 and got["route"] == "vector"
    assert got["worked_seconds"] == 120 * 3600
    assert_same([row], result)


def test_a_hiring_before_the_first_minimum_rate_known_takes_the_scalar_route() -> None:
    # the least rates of the engine's table start on 1 January 2022: a contract hired before
    # cannot have its hiring rate checked on arrays, month_pay checks it (the other row,
    # hired in 2023 at 4.00 €, above every floor since, stays on the vector route; so does a
    # row hired on 1 January 2024 at 3.60 €, below the 3.64 € of June 2026 another row is
    # hired on, but not below the 3.43 € of its own hiring day)
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2025-03", "mon": "9", "tue": "9"}
    rows = [row | {"start": date(2021, 9, 1)}, row | {"start": date(2023, 1, 2)},
            row | {"start": date(2024, 1, 1), "hourly_rate": "3.60"},
            row | {"start": date(2026, 6, 1), "month": "2026-06", "hourly_rate": "3.70"}]
    result = payroll(pa.Table.from_pylist(rows))
    assert [g["route"] for g in result.to_pylist()] == ["scalar", "vector", "vector", "vector"]
    assert_same(rows, result)


def test_a_week_whose_sunday_is_next_month_counts_its_extra_hours_in_each() -> None:
    # Mon 26 January 2026 to Sun 1 February: 50 h given against 8 h a day Monday to Friday
    # and Sunday (48 h: no complementary hours, 2 h majorated, art. 96.4); the week's last
    # hours are its extra ones (month.band_seconds): the Sunday's 8 h hold both, February's
    row = {"hourly_rate": "4.00", "weeks": 52, "month": "2026-01", "start": date(2025, 9, 1),
           "mon": "8", "tue": "8", "wed": "8", "thu": "8", "fri": "8", "sun": "8",
           "worked_hours": [{"week": date(2026, 1, 26), "hours": "50"}]}
    rows = [row, row | {"month": "2026-02"}]
    stats = PayrollStats()
    result = payroll(pa.Table.from_pylist(rows), stats=stats)
    got = result.to_pylist()
    assert stats.scalar_rows == 0 and [g["route"] for g in got] == ["vector", "vector"]
    assert [g["majorated_seconds"] for g in got] == [0, 2 * 3600]
    assert_same(rows, result)


def test_the_day_plan_says_which_rows_have_a_usual_working_day_outside_the_contract(monkeypatch: Any) -> None:
    # March 2025 (Sat 1, Sun 2, Mon 3 ...; Mon 31 its last day), care Mon to Fri unless said:
    # hired Mon 3 (a weekend before): none; hired Tue 4: Mon 3; hired Wed 5: Mon 3, Tue 4;
    # hired Tue 4 caring Tue to Fri: none; hired Thu 13 caring Mon only: Mon 3 and 10
    import amcalc.bulk.vector as vector
    seen: list[list[bool]] = []

    def with_events(rows: Any, events: Any, busy: Any, out: Any, totals: Any, *rest: Any) -> Any:
        answer = plan_with_events(rows, events, busy, out, totals, *rest)
        seen.append((totals.partial[busy] != 0).tolist())
        return answer

    plan_with_events = vector.with_events
    monkeypatch.setattr(vector, "with_events", with_events)
    row = {"hourly_rate": "4.00", "weeks": 46, "month": "2025-03", "start": date(2025, 1, 6),
           "mon": "9", "tue": "9", "wed": "9", "thu": "9", "fri": "9"}
    rows = [row | {"start": date(2025, 3, 3)}, row | {"start": date(2025, 3, 4)}, row | {"start": date(2025, 3, 5)},
            row | {"start": date(2025, 3, 4), "mon": "0"},
            row | {"start": date(2025, 3, 13), "tue": "0", "wed": "0", "thu": "0", "fri": "0"}]
    result = payroll(pa.Table.from_pylist(rows))
    assert seen == [[False, True, True, False, True]]
    assert_same(rows, result)


def test_a_large_table_in_memory_is_computed_in_larger_chunks() -> None:
    # two chunks a thread at least: 131 072 rows at once, else (a stream, a small table) 65 536
    threshold = 2 * 2 * TABLE_CHUNK_ROWS
    ids = pa.table({"id": np.arange(threshold)})
    assert chunk_rows_for(ids, threads=2) == TABLE_CHUNK_ROWS == 131_072
    assert chunk_rows_for(ids.slice(1), threads=2) == CHUNK_ROWS == 65_536
    assert chunk_rows_for(ids.slice(threshold // 2), threads=1) == TABLE_CHUNK_ROWS
    assert chunk_rows_for(ids.to_batches()[0], threads=2) == TABLE_CHUNK_ROWS
    assert chunk_rows_for(iter(ids.to_batches()), threads=2) == CHUNK_ROWS
    assert chunk_rows_for(pa.RecordBatchReader.from_batches(ids.schema, ids.to_batches()), threads=2) == CHUNK_ROWS


def test_payroll_chooses_its_chunks_from_the_source(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def recording(source: Any, *, chunk_rows: int, **options: Any) -> Any:
        asked.append(chunk_rows)
        return iter(())

    monkeypatch.setattr(amcalc.bulk, "payroll_batches", recording)
    n = 4 * TABLE_CHUNK_ROWS
    ids = pa.table({"id": np.arange(n), "hourly_rate": pa.nulls(n, pa.string()), "weeks": pa.nulls(n, pa.int64()),
                    "month": pa.nulls(n, pa.string()), "mon": pa.nulls(n, pa.string())})
    payroll(ids)
    payroll(ids.slice(1))
    payroll(ids, chunk_rows=1000)
    assert asked == [TABLE_CHUNK_ROWS, CHUNK_ROWS, 1000]


def test_a_result_goes_out_as_soon_as_it_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream's first result is handed over once computed, before the next chunks are asked
    for (a file's writer starts sooner), not only once 2 × threads chunks are in flight."""
    events: list[str] = []
    first_done = threading.Event()
    compute = amcalc.bulk.compute_rows

    def computed(*args: Any) -> Any:
        result = compute(*args)
        first_done.set()
        return result

    def slow_source() -> Any:
        for number, batch in enumerate(random_rows(8, seed=5).to_batches(max_chunksize=2)):
            events.append(f"asked {number}")
            if number == 1:
                assert first_done.wait(30)  # a slow reader: the first chunk is computed meanwhile
            yield batch

    monkeypatch.setattr(amcalc.bulk, "compute_rows", computed)
    for number, _ in enumerate(amcalc.bulk.payroll_batches(slow_source(), chunk_rows=2, threads=2)):
        events.append(f"result {number}")
    assert events.index("result 0") < events.index("asked 2")
    assert [e for e in events if e.startswith("result")] == [f"result {n}" for n in range(4)]
