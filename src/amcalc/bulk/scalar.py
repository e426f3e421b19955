"""La voie scalaire — the rows the vector route does not take, through the
single-contract API itself (:func:`amcalc.month.month_pay, recent_weeks_of`, figures only), in this
process or in worker processes (:class:`ScalarPool`); and a row's figures as the
output columns hold them, to compare the two routes."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from decimal import Decimal
from math import ceil
from typing import Any

import attrs

from amcalc.bulk.arrays import day_number
from amcalc.bulk.json_cells import NESTED_COLUMNS, json_cell
from amcalc.bulk.schema import AMOUNT_DIGITS, HOURS_DIGITS, bounded_number, month_of, typed_cell
from amcalc.calendar import WEEKDAYS
from amcalc.child_illness import ChildIllnessLedger
from amcalc.contract import Contract
from amcalc.duration import SECONDS_PER_HOUR
from amcalc.errors import AmcalcError, InvalidInput
from amcalc.money import scaled
from amcalc.month import MonthLedger, MonthPay, events_from_tables, month_pay, recent_weeks_of

__all__ = ["ScalarPool", "ScalarResult", "figures", "month_of_row", "scalar_rows", "stop_workers"]


_CONTRACT_KEYS = ("hourly_rate", "weeks", "start", "end", "kind", "territory", "am_ge",
                  "majorated_rate", "complementary_rate", "maintenance_per_hour")
_AMOUNTS = ("hourly_rate", "majorated_rate", "complementary_rate", "maintenance_per_hour")


def _bounded_hours(entries: Any, column: str) -> None:
    """The ``hours`` of each entry of an event list within :data:`HOURS_DIGITS` digits."""
    for i, entry in enumerate(entries or ()):
        if isinstance(entry, Mapping):
            bounded_number(entry.get("hours"), f"{column}[{i}].hours", HOURS_DIGITS)


def month_of_row(row: Mapping[str, Any], *, trace: bool = True) -> MonthPay:
    """A row (a mapping of the input columns, e.g. a ``month`` scenario case's inputs, or a
    CSV row with its lists as JSON text: :mod:`amcalc.bulk.json_cells`) through the
    single-contract API: :func:`amcalc.month.month_pay` (``trace=False``:
    the figures only, as the scalar route of the engine computes them)."""
    data = {k: typed_cell(k, row[k]) for k in _CONTRACT_KEYS if row.get(k) is not None and row.get(k) != ""}
    for key in _AMOUNTS:  # numbers within the output's precision (a spreadsheet's 1E+30 is an error)
        bounded_number(data.get(key), key, AMOUNT_DIGITS)
    schedule = row.get("schedule") or {d: row.get(d) for d in WEEKDAYS}
    data["schedule"] = {d: bounded_number(v, d, HOURS_DIGITS) for d, v in schedule.items()
                        if v is not None and v != ""}
    contract = Contract.from_mapping(data)
    month = row.get("month")
    if isinstance(month, date):
        if month.day != 1:
            raise InvalidInput("month", f"donnez le premier jour du mois, pas le {month.isoformat()}.")
        month = (month.year, month.month)
    elif isinstance(month, str):
        month = month_of(month)
    else:
        raise InvalidInput("month", f"mois attendu au format AAAA-MM, pas {month!r}.")
    events: Any = {k: json_cell(k, row.get(k)) for k in NESTED_COLUMNS}  # lists, or their JSON text
    _bounded_hours(events["absences"], "absences")
    _bounded_hours(events["worked_hours"], "worked_hours")
    absences, weeks = events_from_tables(events["absences"] or (), events["worked_hours"] or ())
    # what last month handed over (MonthPay.ledger): the art. 105 counters, the recent weeks
    carried, recent = events["illness_ledger"], recent_weeks_of(events["recent_weeks"] or ())
    ledger = MonthLedger(None if carried is None else ChildIllnessLedger.from_mapping(carried, contract.start),
                         recent) if carried is not None or recent else None
    return month_pay(contract, month, absences=absences, worked_weeks=weeks,
                     non_care_weeks=events["non_care_weeks"] or (),
                     worked_holidays=events["worked_holidays"] or (), ledger=ledger, trace=trace)


def _cents(amount: Decimal) -> int:
    return scaled(amount, 2, "amount")


def figures(m: MonthPay) -> dict[str, Any]:
    """The output columns of a month computed by the single-contract API (money in
    ``Decimal``), to compare a row's result with it."""
    p = m.pajemploi
    return {
        "base_salary": m.base_salary, "absence_deduction": m.absence_deduction,
        "complementary_pay": m.complementary_pay, "majorated_pay": m.majorated_pay,
        "holiday_pay": m.holiday_pay, "gross_salary": m.gross_salary,
        "contributions": m.net_detail.total_contributions, "net_salary": m.net_salary,
        "maintenance": m.maintenance,
        "scheduled_seconds": int(m.scheduled_hours * SECONDS_PER_HOUR), "worked_seconds": int(m.worked_hours * SECONDS_PER_HOUR),
        "complementary_seconds": int(m.complementary_hours * SECONDS_PER_HOUR),
        "majorated_seconds": int(m.majorated_hours * SECONDS_PER_HOUR),
        "scheduled_days": m.scheduled_days, "declared_hours": p.declared_hours,
        "declared_days": p.declared_days, "declared_complementary_hours": p.complementary_hours,
        "declared_majorated_hours": p.majorated_hours,
        "warnings": list(m.warnings), "resume_or_end_on": m.resume_or_end_on,
        "illness_ledger": m.ledger.child_illness.as_mapping() if m.ledger.child_illness else None,
        "recent_weeks": [{"week": w, "seconds": s} for w, s in m.ledger.weekly_hours] or None,
    }


def _figures(m: MonthPay) -> dict[str, int]:
    """The integer columns of :func:`figures` (money in cents), as the scalar route stores them."""
    return {k: _cents(v) if isinstance(v, Decimal) else v for k, v in figures(m).items()
            if k not in ("warnings", "resume_or_end_on", "illness_ledger", "recent_weeks")}


@attrs.frozen
class ScalarResult:
    """What the scalar route gives for a row: its figures (ints), first day, warnings,
    art. 105 date and counters, or its error (code, field, French message)."""

    figures: dict[str, int] = attrs.field(factory=dict)
    month_day: int = 0
    warnings: tuple[str, ...] = ()
    resume: date | None = None
    ledger: ChildIllnessLedger | None = None
    recent_weeks: tuple[tuple[date, int], ...] = ()
    error: tuple[str, str | None, str] | None = None


def scalar_rows(records: Sequence[Mapping[str, Any]]) -> list[ScalarResult]:
    """Rows through :func:`amcalc.month.month_pay` (``trace=False``): the scalar route,
    in this process or in a worker process (:class:`ScalarPool`)."""
    results = []
    for record in records:
        try:
            m = month_of_row(record, trace=False)
        except AmcalcError as err:
            results.append(ScalarResult(error=(err.code, err.field, err.message)))
            continue
        except Exception as err:  # noqa: BLE001 — a row is never lost: reported in its row
            results.append(ScalarResult(error=("internal_error", None, f"{type(err).__name__}: {err}")))
            continue
        results.append(ScalarResult(_figures(m), day_number(date(m.year, m.month, 1)), m.warnings,
                                    m.resume_or_end_on, m.ledger.child_illness, m.ledger.weekly_hours))
    return results


class ScalarPool:
    """The scalar route's rows of a chunk, spread over ``processes`` worker processes
    when there are at least ``min_rows`` of them, in this process otherwise (or when
    ``processes`` is 0). The workers are started at the first need and kept for the
    life of the process (one pool per number of processes). The rows are computed by
    the same :func:`scalar_rows` either way: results do not depend on it."""

    def __init__(self, processes: int = 0, min_rows: int = 256) -> None:
        self.processes, self.min_rows = processes, min_rows

    def run(self, records: list[dict[str, Any]]) -> list[ScalarResult]:
        if _STOPPING.is_set():  # a stopped run starts no worker again
            raise RunStopped
        if self.processes < 1 or len(records) < self.min_rows:
            return scalar_rows(records)
        size = max(32, ceil(len(records) / (4 * self.processes)))
        try:
            pool = _workers(self.processes)
            parts = [pool.submit(scalar_rows, records[k:k + size]) for k in range(0, len(records), size)]
            while wait(parts, timeout=0.2).not_done:  # a stopped run does not wait for ended workers
                if _STOPPING.is_set():
                    raise RunStopped
            return [result for part in parts for result in part.result()]
        except BrokenProcessPool:  # a worker died (memory?): this process computes the rows
            if _STOPPING.is_set():  # … unless the run is being stopped (stop_workers)
                raise RunStopped from None
            _WORKERS.pop(self.processes, None)
            return scalar_rows(records)


class RunStopped(BaseException):
    """The run is being stopped (:func:`stop_workers`): a chunk's computation ends here,
    not reported as an error of its rows (hence not an :class:`Exception`)."""


_WORKERS: dict[int, ProcessPoolExecutor] = {}
_WORKERS_LOCK = threading.Lock()
_STOPPING = threading.Event()


def stop_workers() -> None:
    """End every worker process now (a run stopped by SIGTERM or Ctrl-C): their rows are
    abandoned, not computed again here, and no process outlives the run."""
    _STOPPING.set()
    with _WORKERS_LOCK:
        pools = list(_WORKERS.values())
        _WORKERS.clear()
    for pool in pools:
        workers = list(getattr(pool, "_processes", {}).values())  # no public way before Python 3.14
        for worker in workers:
            worker.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.join(5)


def _workers(processes: int) -> ProcessPoolExecutor:
    """The shared pool of ``processes`` workers, forked from a server that has imported
    the engine once (spawned where there is no fork server): never a fork of this
    multi-threaded process."""
    with _WORKERS_LOCK:
        if processes not in _WORKERS:
            context: Any = multiprocessing.get_context("spawn")
            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["amcalc.bulk.scalar"])
            _WORKERS[processes] = ProcessPoolExecutor(processes, mp_context=context)
        return _WORKERS[processes]
