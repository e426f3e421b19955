"""What amcalc writes, amcalc reads (issue 15): every result file, CSV or
Parquet, is an input of next month's run as it is — its ``month`` as written
(``2025-03-01`` in a CSV, ``date32`` in Parquet), its carried columns
(``illness_ledger``, ``recent_weeks``) and the other result columns read back
or left aside. Three months chained through files give the figures of
``month_pay`` called month after month with ``ledger=previous.ledger``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pv = pytest.importorskip("pyarrow.csv")

from amcalc.bulk.files import payroll_file  # noqa: E402
from amcalc.bulk.json_cells import json_cell  # noqa: E402
from amcalc.bulk.scalar import figures  # noqa: E402
from amcalc.contract import Contract  # noqa: E402
from amcalc.month import MonthPay, events_from_tables, month_pay  # noqa: E402

CONTRACT = {"hourly_rate": "4.00", "weeks": "52", "start": "2024-11-04", "mon": "10", "tue": "10", "thu": "10",
            "fri": "10"}
MONTHS = ("2025-03", "2025-04", "2025-05")


def ill(*days: str) -> list[dict[str, str]]:
    return [{"date": d, "cause": "child_illness_certified"} for d in days]


# per contract and month: absences and worked weeks. "a" is ill 2 short days in March, 4 in
# April (the 5-day limit of art. 105 crossed only with March's counters), 1 in May; "b" works
# 47 h weeks in March and April (the art. 96.3 average needs the weeks carried); "c" nothing
EVENTS: dict[str, dict[str, dict[str, list[dict[str, str]]]]] = {
    "a": {"2025-03": {"absences": ill("2025-03-03", "2025-03-04")},
          "2025-04": {"absences": ill("2025-04-07", "2025-04-08", "2025-04-10", "2025-04-11")},
          "2025-05": {"absences": ill("2025-05-05")}},
    "b": {m: {"worked_hours": [{"week": w, "hours": "47"} for w in weeks]}
          for m, weeks in (("2025-03", ("2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24")),
                           ("2025-04", ("2025-04-07", "2025-04-14", "2025-04-21")), ("2025-05", ()))},
    "c": {},
}


def expected_months() -> dict[str, list[MonthPay]]:
    """Each contract through the single-contract API, each month given last month's ledger."""
    months: dict[str, list[MonthPay]] = {}
    weekdays = ("mon", "tue", "thu", "fri")
    contract = Contract.from_mapping({k: v for k, v in CONTRACT.items() if k not in weekdays}
                                     | {"schedule": dict.fromkeys(weekdays, "10"), "weeks": 52,
                                        "start": date(2024, 11, 4)})
    for key, events in EVENTS.items():
        previous = None
        months[key] = []
        for month in MONTHS:
            given = events.get(month, {})
            absences, weeks = events_from_tables(*(json_cell(c, json.dumps(given.get(c, []))) or ()
                                                   for c in ("absences", "worked_hours")))
            previous = month_pay(contract, month, absences=absences, worked_weeks=weeks,
                                 ledger=previous.ledger if previous else None, trace=False)
            months[key].append(previous)
    return months


def first_input(kind: str) -> Any:
    rows = [{"id": key} | CONTRACT | {"month": MONTHS[0]} | {k: json.dumps(v) for k, v in
                                                                EVENTS[key].get(MONTHS[0], {}).items()}
            for key in EVENTS]
    columns = sorted({c for r in rows for c in r})
    return pa.table({c: pa.array([r.get(c) for r in rows], pa.string()) for c in columns})


def next_input(result: Any, month: str, kind: str) -> Any:
    """Last month's result file as read, with the contracts and this month's events added and
    its ``month`` replaced by this month written the same way (``2025-04-01`` or date32)."""
    ids = result.column("id").to_pylist()
    table = result
    for column, value in CONTRACT.items():
        table = table.append_column(column, pa.array([value] * len(ids)))
    for column in ("absences", "worked_hours"):
        cells = [json.dumps(EVENTS[i][month][column]) if column in EVENTS[i].get(month, {}) else None for i in ids]
        table = table.append_column(column, pa.array(cells, pa.string()))
    first_day = date.fromisoformat(month + "-01")
    written = pa.array([first_day.isoformat()] * len(ids)) if kind == "csv" else pa.array([first_day] * len(ids))
    return table.set_column(table.schema.get_field_index("month"), "month", written)


def write(table: Any, path: Path) -> Path:
    if path.suffix == ".csv":
        pv.write_csv(table, path)
    else:
        pq.write_table(table, path)
    return path


def read(path: Path) -> Any:
    if path.suffix == ".csv":  # as a spreadsheet or a script would: every cell as text
        names = pv.read_csv(path).schema.names
        return pv.read_csv(path, convert_options=pv.ConvertOptions(column_types=dict.fromkeys(names, pa.string())))
    return pq.read_table(path)


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_three_months_chained_through_result_files(tmp_path: Path, kind: str) -> None:
    expected = expected_months()
    source = write(first_input(kind), tmp_path / f"mois-1.{kind}")
    for k, month in enumerate(MONTHS):
        target = tmp_path / f"paie-{k + 1}.{kind}"
        stats = payroll_file(source, target, processes=0)
        assert (stats.rows, stats.errors) == (3, 0)
        got = pq.read_table(target).to_pylist() if kind == "parquet" else None
        result = read(target)
        for row, key in zip(result.to_pylist() if got is None else got, EVENTS, strict=True):
            want = figures(expected[key][k])
            assert row["id"] == key
            assert str(row["month"]).startswith(month)
            for name in ("base_salary", "absence_deduction", "gross_salary", "net_salary", "declared_hours",
                         "majorated_pay", "complementary_pay"):
                assert str(row[name]) == str(want[name]), (month, key, name)
            assert row["warnings"] == (json.dumps(want["warnings"], ensure_ascii=False, separators=(",", ":"))
                                       if kind == "csv" else want["warnings"]), (month, key)
        if k + 1 < len(MONTHS):
            source = write(next_input(result, MONTHS[k + 1], kind), tmp_path / f"mois-{k + 2}.{kind}")


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_a_result_file_s_month_as_written_is_read_back(tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"paie.{kind}"
    payroll_file(write(first_input(kind), tmp_path / f"mois.{kind}"), target, processes=0)
    again = read(target)
    for column, value in CONTRACT.items():
        again = again.append_column(column, pa.array([value] * again.num_rows))
    rerun = tmp_path / f"encore.{kind}"
    payroll_file(write(again.drop_columns(["illness_ledger", "recent_weeks"]), tmp_path / f"relu.{kind}"), rerun,
                 processes=0)
    assert read(rerun).column("month").to_pylist() == read(target).column("month").to_pylist()
    assert pq.read_table(rerun).column("error_code").null_count == 3 if kind == "parquet" else \
        read(rerun).column("error_code").to_pylist() == [""] * 3
