"""Banc d'essai — random realistic contract-months, and the ``amcalc bench`` figures.

:func:`random_rows` draws contract-months as a payroll service sees them:
52 weeks or 36 to 46 weeks, 3 to 5 days of 8 to 11 hours, rates from 3.70 € to
6.00 €, entretien agreed or at the minimum, absences in a quarter of the
months, extra hours in a tenth, weeks without care, a few hirings and endings
in the month, certified child illness, unjustified absences and weeks over 48 h
(``rare``: the cases that once took the scalar route), in 2023 to 2026, métropole and
a little Alsace-Moselle.

>>> table = random_rows(1000, seed=1)
>>> table.num_rows, table.schema.field("hourly_rate").type
(1000, Decimal128Type(decimal128(8, 4)))
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from amcalc.bulk import PayrollStats, payroll
from amcalc.bulk.engine import figures, month_of_row
from amcalc.bulk.files import payroll_file
from amcalc.calendar import WEEKDAYS, public_holidays
from amcalc.errors import AmcalcError
from amcalc.mensualisation import monthly_salary_cents

__all__ = ["bench", "numpy_formula", "random_rows", "timed"]

_SIMPLE_CAUSES = ["unpaid_leave", "am_sickness", "child_absence", "family_event", "paid_leave"]
_RARE_CAUSES = ["child_illness_certified", "am_unjustified"]
_EPOCH_MONTH = 1970 * 12


def _decimals(values: Any, precision: int, scale: int, valid: Any = None) -> pa.Array:
    words = np.zeros((len(values), 2), np.int64)
    words[:, 0] = values
    bitmap = None if valid is None else pa.py_buffer(np.packbits(valid, bitorder="little"))
    return pa.Array.from_buffers(pa.decimal128(precision, scale), len(values),
                                 [bitmap, pa.py_buffer(words)])


def random_rows(n: int, seed: int = 0, *, rare: float = 1.0) -> pa.Table:
    """``n`` random realistic contract-months (see the module's docstring); ``rare``
    scales the share of the rare cases: partial months, certified illness, unjustified
    absences, weeks over 48 h (0: none)."""
    rng = np.random.default_rng(seed)
    month_key = rng.integers(2023 * 12, 2027 * 12, n)
    first = (month_key - _EPOCH_MONTH).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    length = ((month_key - _EPOCH_MONTH + 1).astype("datetime64[M]").astype("datetime64[D]")
              .astype(np.int64) - first)
    full_year = rng.random(n) < 0.6
    weeks = np.where(full_year, 52, rng.integers(36, 47, n))
    days_count = rng.integers(3, 6, n)
    order = np.argsort(rng.random((n, 5)), axis=1)
    hours = rng.choice([800, 850, 900, 950, 1000, 1050, 1100], n)  # hundredths of an hour
    hours = np.where(days_count == 5, np.minimum(hours, 900), hours)  # at most 45 h a week
    schedule = np.zeros((n, 7), np.int64)
    for k in range(5):
        chosen = order[:, k] < days_count
        schedule[chosen, k] = hours[chosen]
    rate = rng.integers(380, 601, n) * 100  # 1/10 000 €
    partial = rng.random(n) < 0.03 * rare
    start = np.where(partial, first + rng.integers(1, 20, n), first - rng.integers(0, 900, n))
    start = np.maximum(start, 19_000 + 358)  # not before 2023-01-01
    start = np.minimum(start, first + length - 1)
    ends = rng.random(n) < 0.01 * rare
    columns: dict[str, pa.Array] = {
        "id": pa.array(np.arange(n, dtype=np.int64)),
        "hourly_rate": _decimals(rate, 8, 4),
        "weeks": pa.array(weeks.astype(np.int64)),
        "start": pa.array(start.astype(np.int32)).view(pa.date32()),
        "end": pa.array((first + length - 3).astype(np.int32), mask=~ends).view(pa.date32()),
    }
    for k, day in enumerate(WEEKDAYS):
        columns[day] = _decimals(schedule[:, k], 4, 2)
    columns["month"] = pa.array(first.astype(np.int32)).view(pa.date32())
    territory = rng.choice(3, n, p=[0.95, 0.03, 0.02])
    columns["territory"] = pa.DictionaryArray.from_arrays(
        pa.array(territory.astype(np.int8)), pa.array(["metropole", "alsace", "moselle"]))
    columns["am_ge"] = pa.array(rng.random(n) < 0.1)
    columns["majorated_rate"] = _decimals(rng.choice([1000, 2500], n), 6, 4)
    columns["complementary_rate"] = _decimals(rng.choice([0, 0, 1000], n), 6, 4)
    maintenance = rng.integers(40, 61, n) * 100
    columns["maintenance_per_hour"] = _decimals(maintenance, 8, 4, rng.random(n) >= 0.3)
    columns.update(_events(rng, n, first, length, schedule, full_year, rare))
    return pa.table(columns)


def _events(rng: np.random.Generator, n: int, first: Any, length: Any, schedule: Any,
            full_year: Any, rare: float) -> dict[str, pa.Array]:
    """Absences (a quarter of the months), worked weeks (a tenth), weeks without care."""
    # absences: 1 to 5 days of the month on a scheduled weekday
    count = np.where(rng.random(n) < 0.25, rng.integers(1, 6, n), 0)
    parents = np.repeat(np.arange(n), count)
    day = first[parents] + rng.integers(0, 28, len(parents))
    weekday = (day + 3) % 7
    keep = (schedule[parents, weekday] > 0) & ~np.isin(day, _holidays())
    parents, day = parents[keep], day[keep]
    day, unique = np.unique(parents * 100_000 + (day - first[parents]), return_index=True)
    parents = parents[unique]
    day = first[parents] + day % 100_000
    rare_cause = rng.random(len(parents)) < 0.02 * rare
    causes = np.where(rare_cause, rng.choice(_RARE_CAUSES, len(parents)),
                      rng.choice(_SIMPLE_CAUSES, len(parents)))
    part_day = (rng.random(len(parents)) < 0.05) & full_year[parents]
    absences = pa.StructArray.from_arrays(
        [pa.array(day.astype(np.int32)).view(pa.date32()),
         pa.array(["2" if p else None for p in part_day.tolist()], pa.string()),
         pa.array(causes.tolist(), pa.string())],
        names=["date", "hours", "cause"])
    offsets = np.zeros(n + 1, np.int32)
    np.cumsum(np.bincount(parents, minlength=n), out=offsets[1:])
    # worked hours: one civil week inside the month, 0 to 8 hours more than planned
    worked = rng.random(n) < 0.1
    first_monday = first + (7 - (first + 3) % 7) % 7
    week = first_monday + 7 * rng.integers(0, 3, n)
    worked &= week + 6 < first + length
    w_rows = np.flatnonzero(worked)
    extra = rng.integers(0, 9, len(w_rows)) * 3600
    planned = schedule[w_rows].sum(axis=1) * 36
    over = rng.random(len(w_rows)) < 0.05 * rare  # beyond 48 h: art. 96.3 warnings
    w_hours = np.where(over, planned + extra, np.minimum(planned + extra, 48 * 3600)) / 3600
    w_offsets = np.zeros(n + 1, np.int32)
    np.cumsum(worked, out=w_offsets[1:])
    worked_hours = pa.StructArray.from_arrays(
        [pa.array(week[w_rows].astype(np.int32)).view(pa.date32()),
         pa.array([f"{h:.2f}" for h in w_hours], pa.string())],
        names=["week", "hours"])
    # weeks without care (46 weeks or less): a Monday of the month
    care = (~full_year) & (rng.random(n) < 0.3) & ~worked & (count == 0)
    c_rows = np.flatnonzero(care)
    c_offsets = np.zeros(n + 1, np.int32)
    np.cumsum(care, out=c_offsets[1:])
    mondays = pa.array(week[c_rows].astype(np.int32)).view(pa.date32())
    return {
        "absences": pa.ListArray.from_arrays(pa.array(offsets), absences),
        "worked_hours": pa.ListArray.from_arrays(pa.array(w_offsets), worked_hours),
        "non_care_weeks": pa.ListArray.from_arrays(pa.array(c_offsets), mondays),
    }


def _holidays() -> Any:
    """Days (since 1970) of the métropole public holidays of 2022 to 2027."""
    days = [(d - date(1970, 1, 1)).days for year in range(2022, 2028) for d in public_holidays(year)]
    return np.array(days, np.int64)


def timed(run: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """The best wall time of ``repeat`` runs of ``run`` (seconds) and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - began)
    return best, result


def numpy_formula(table: pa.Table) -> Any:
    """The floor: mensualised salary + extra hours − deduction, as one plain numpy formula."""
    rate = np.frombuffer(table.column("hourly_rate").combine_chunks().buffers()[1], np.int64)[::2]
    weekly = sum(np.frombuffer(table.column(d).combine_chunks().buffers()[1], np.int64)[::2]
                 for d in WEEKDAYS) * 36
    weeks = table.column("weeks").to_numpy()
    base: Any = monthly_salary_cents(weekly * weeks, rate)  # type: ignore[arg-type]
    extra = (weekly // 10) * rate // 360_000
    deduction = base * (weekly // 20) // np.maximum(weekly, 1)
    return base + extra - deduction


def bench(rows: int, *, seed: int = 0, scalar_rows: int = 2000, threads: int = 2,
          processes: int = 2) -> dict[str, Any]:
    """The figures of ``amcalc bench --json`` (see benchmarks/README.md)."""
    table = random_rows(rows, seed)
    stats = PayrollStats()
    bulk_time, result = timed(lambda: payroll(table, threads=threads, processes=processes, stats=stats), repeat=1)
    numpy_time, _ = timed(lambda: numpy_formula(table))
    checked = min(rows, scalar_rows)
    sample = table.slice(0, checked)
    records = sample.to_pylist()
    began = time.perf_counter()
    identical = True
    expected = result.slice(0, checked).to_pylist()
    for record, got in zip(records, expected, strict=True):
        try:
            m = month_of_row(record)
        except AmcalcError as err:
            identical &= got["error_code"] == err.code
            continue
        identical &= got == {**got, **figures(m)}
    scalar_time = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.parquet", Path(folder) / "out.parquet"
        pq.write_table(table, source)
        parquet_time, _ = timed(lambda: payroll_file(source, target, threads=threads,
                                                                  processes=processes), repeat=1)
    return {
        "rows": rows,
        "bulk_cm_per_s": round(rows / bulk_time),
        "scalar_cm_per_s": round(checked / scalar_time),
        "numpy_formula_cm_per_s": round(rows / numpy_time),
        "bit_identical": bool(identical),
        "parquet_cm_per_s": round(rows / parquet_time),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "scalar_route_share": round(stats.scalar_share, 4),
        "rows_checked": checked,
    }


def main(rows: int, as_json: bool) -> int:
    figures = bench(rows)
    print(json.dumps(figures) if as_json else "\n".join(f"{k}: {v}" for k, v in figures.items()))
    return 0
