"""Benchmarks of the bulk engine (see README.md). Not a test: it prints numbers.

    python benchmarks/run.py --rows 1000000            # amcalc bench, one JSON line
    python benchmarks/run.py --memory 10000000         # Parquet → Parquet in a child process
    python benchmarks/run.py --memory 10000000 --rare 0   # only rows of the vector route
    python benchmarks/run.py --vector 1000000          # the vector route alone against numpy
    python benchmarks/run.py --cores 400000            # what a second core adds, processes and threads
    python benchmarks/run.py --io 1000000              # Parquet alone: reading the input, writing the output
    python benchmarks/run.py --app [--json]            # cold import, first month, warm latencies
    python benchmarks/run.py --one-row [--calls N]     # the fixed cost of a chunk: one row through the engine
    python benchmarks/run.py --phases 1000000          # one thread's time a chunk, step by step
    python benchmarks/run.py --first-call 1000000      # a process's first payroll against its next ones

``--app`` times what an app waits for: ``import amcalc`` in a fresh interpreter
(bytecode compiled beforehand) against the bare interpreter; in another,
after ``import amcalc``, ``from amcalc import Contract, month_pay`` with the
contract built, then the first ``month_pay`` (public holidays included), and
the whole process up to that first month; and, warm in this process, the median and 99th
percentile of ``mensualise``, ``month_pay`` (plain, without explanations, with
absences and extra hours, with certified child illness) and ``settlement``
against a plain-Python formula of the month's salary (``--processes`` fresh
interpreters, ``--calls`` calls each).

``--one-row`` times the fixed cost of a chunk: ``compute`` on a batch of one
row of ``random_rows`` (a plain row; the same row with a certified child
illness on its first day of care, which asks art. 105), warm, the median and
99th percentile of ``--calls`` calls, against the single-contract API on the
same row (:func:`~amcalc.bulk.engine.month_of_row`, figures only: what the
scalar route computes).

``--phases N`` computes ``random_rows(N)`` chunk by chunk in one thread (two
chunks first, untimed) and reports the milliseconds a 65 536-row chunk spends
in each of the engine's steps (decoding, the vector route and its parts, the
output columns); the steps nest (``vector_route`` holds ``with_events``…), so
they do not add up.

``--first-call N`` calls ``payroll`` (2 threads) three times in this process on
``random_rows(N)`` and reports each call's rows a second, user and system CPU and
page faults, and the bytes a row of the results that are new memory (buffers not
shared with the input or between chunks); then the machine's cost of new memory, as
a baseline of the same run: numpy writing that many bytes into memory just mapped
from the system, against writing them again into the same, already mapped, memory.
A first call pays for its results' pages; the next calls find pages freed by the
previous ones.

``--vector N`` draws ``random_rows(N, rare=0)``, keeps the rows that take the
vector route and times ``payroll`` (2 threads) and the plain numpy formula on
them, best of 3 each.

``--cores N`` measures what the machine's second core gives this engine: the
rows a second of one process computing ``random_rows(N)`` chunk by chunk on its
own, then of two processes doing the same at the same moment (each its own
rows: nothing shared, no GIL between them), then of ``payroll`` with 1 and with
2 threads in one process. If two processes together do not reach twice one
process, the limit is the machine, not the engine's threads.

``--io N`` times Parquet alone, without computing: reading N input rows row
group by row group (CPU seconds: Arrow decodes columns in threads) and writing
their N results with :data:`~amcalc.bulk.files.PARQUET_OPTIONS` (one thread, as
``ParquetWriter`` does), so that the CPU a Parquet → Parquet run spends outside
the engine is known; then, in the same run, ``payroll_file`` from that file to
Parquet (2 threads, 2 worker processes) and its share of that ceiling, with the
process CPU of that run (``parquet_cpu_s``; ``parquet_cores_busy`` = CPU / wall) and
the cores that other processes took meanwhile (``other_processes_cores``, from
/proc/stat; ``null`` elsewhere): a run where another process held a core says so.
``second_call_cm_per_s`` and ``second_call_share`` time ``payroll_file`` once more
in the same process: the first call of a process also pays the engine's fresh
memory (page faults), which the ceiling, timed after ``payroll``, does not.

``--memory N`` writes N random contract-months to a Parquet file batch by batch,
then runs ``amcalc payroll`` on it in a child process and reports its throughput
and peak memory, from /proc (Linux), sampled every 20 ms: ``peak_rss_mb``, the
high-water mark (VmHWM) of the ``amcalc`` process itself, and ``tree_peak_rss_mb``,
the sum of the high-water marks of it and its worker processes (the fork server,
the workers: an upper bound of what they held together). ``getrusage`` is not
used: a child forked from this process, which holds the generated rows, would
inherit its resident size until it execs.
"""

from __future__ import annotations

import argparse
import importlib
import json
import mmap
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from amcalc import Absence, Contract, mensualise, month_pay, settlement
from amcalc.bulk import CHUNK_ROWS, payroll
from amcalc.bulk.bench import bench, numpy_formula, random_rows, timed
from amcalc.bulk.engine import compute, month_of_row
from amcalc.bulk.files import PARQUET_OPTIONS, payroll_file
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd


def vector(rows: int) -> dict[str, object]:
    table = random_rows(rows, rare=0)
    route = payroll(table).column("route").cast(pa.string())
    kept = table.filter(pc.equal(route, "vector"))
    engine, _ = timed(lambda: payroll(kept, threads=2))
    floor, _ = timed(lambda: numpy_formula(kept))
    return {"vector_rows": kept.num_rows, "vector_cm_per_s": round(kept.num_rows / engine),
            "numpy_cm_per_s": round(kept.num_rows / floor), "times_numpy": round(engine / floor, 1),
            "scalar_share_rare0": round(1 - kept.num_rows / rows, 4)}


def _compute_rate(rows: int, rare: float, start: Any = None) -> float:
    """Rows a second of :func:`amcalc.bulk.engine.compute`, chunk by chunk, in this process
    (after ``start.wait()`` when given: processes started together)."""
    table = random_rows(rows, rare=rare)
    chunks = [c for b in table.to_batches() for c in (b.slice(o, CHUNK_ROWS) for o in range(0, b.num_rows, CHUNK_ROWS))]
    compute(chunks[0])  # the month facts, once
    if start is not None:
        start.wait()
    elapsed, _ = timed(lambda: [compute(c) for c in chunks])
    return rows / elapsed


def cores(rows: int, rare: float) -> dict[str, object]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as one:
        alone = one.apply(_compute_rate, (rows, rare))
    with context.Manager() as manager, context.Pool(2) as two:
        start = manager.Barrier(2)
        together = sum(two.starmap(_compute_rate, [(rows, rare, start)] * 2))
    table = random_rows(rows, rare=rare)
    payroll(table.slice(0, CHUNK_ROWS))
    threads = {k: rows / timed(partial(payroll, table, threads=k))[0] for k in (1, 2)}
    return {"rows": rows, "rare": rare, "one_process_cm_per_s": round(alone),
            "two_processes_cm_per_s": round(together), "processes_speedup": round(together / alone, 2),
            "one_thread_cm_per_s": round(threads[1]), "two_threads_cm_per_s": round(threads[2]),
            "threads_speedup": round(threads[2] / threads[1], 2)}


def io(rows: int, rare: float) -> dict[str, object]:
    table = random_rows(rows, rare=rare)
    results = payroll(table)
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.parquet", Path(folder) / "out.parquet"
        pq.write_table(table, source, row_group_size=CHUNK_ROWS)
        began = time.process_time()
        with pq.ParquetFile(source, pre_buffer=False) as file:
            for group in range(file.num_row_groups):
                file.read_row_group(group, use_threads=True)
        read = time.process_time() - began
        began = time.process_time()
        with pq.ParquetWriter(target, results.schema, **PARQUET_OPTIONS) as writer:
            for batch in results.to_batches(CHUNK_ROWS):
                writer.write_batch(batch)
        write = time.process_time() - began
        ceiling = 2 * rows / (read + write)
        machine, began = _machine_busy_s(), time.process_time()
        computed, _ = timed(lambda: payroll_file(source, target, threads=2, processes=2), repeat=1)
        cpu = time.process_time() - began
        others = None if machine is None else (_machine_busy_s() or 0.0) - machine - cpu
        again, _ = timed(lambda: payroll_file(source, target, threads=2, processes=2), repeat=1)
    return {"rows": rows, "rare": rare, "read_cpu_s": round(read, 3), "write_cpu_s": round(write, 3),
            "parquet_only_ceiling_cm_per_s_2_cores": round(ceiling),
            "parquet_cm_per_s": round(rows / computed), "share_of_ceiling": round(rows / computed / ceiling, 2),
            "parquet_cpu_s": round(cpu, 3), "parquet_cores_busy": round(cpu / computed, 2),
            "other_processes_cores": None if others is None else round(max(others, 0.0) / computed, 2),
            "second_call_cm_per_s": round(rows / again), "second_call_share": round(rows / again / ceiling, 2)}


def _machine_busy_s() -> float | None:
    """CPU seconds the machine has been busy since it started, all processes (Linux's /proc/stat:
    every state but idle and iowait); None where it is missing."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = sum(map(int, fields)) - int(fields[3]) - int(fields[4])
    return ticks / os.sysconf("SC_CLK_TCK")


def memory(rows: int, rare: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.parquet", Path(folder) / "out.parquet"
        writer = None
        for offset in range(0, rows, 1_000_000):
            table = random_rows(min(1_000_000, rows - offset), seed=offset, rare=rare)
            writer = writer or pq.ParquetWriter(source, table.schema)
            writer.write_table(table, row_group_size=65_536)
        assert writer is not None
        writer.close()
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "amcalc", "payroll", str(source), "-o", str(target),
                                  "-q"], stdout=subprocess.PIPE, text=True)
        peaks: dict[int, int] = {}
        while child.poll() is None:
            for pid in _tree(child.pid):
                peaks[pid] = max(peaks.get(pid, 0), _high_water_kb(pid))
            time.sleep(0.02)
        elapsed = time.perf_counter() - began
        assert child.returncode == 0 and child.stdout is not None
        return {"rows": rows, "rare": rare, "seconds": round(elapsed, 2),
                "parquet_cm_per_s": round(rows / elapsed), "peak_rss_mb": round(peaks.get(child.pid, 0) / 1024),
                "tree_peak_rss_mb": round(sum(peaks.values()) / 1024), "processes": len(peaks),
                "summary": child.stdout.read().strip()}


def _tree(pid: int) -> list[int]:
    """A process and its descendants (just the process where /proc is missing)."""
    try:
        children = [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                    for c in (task / "children").read_text().split()]
    except OSError:
        return [pid]
    return [pid, *(p for c in children for p in _tree(c))]


def _high_water_kb(pid: int) -> int:
    """Peak resident memory of a live process (VmHWM), 0 when unknown."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


# --- app side: what an app, a command or a notebook waits for (issue 19) ---

_CONTRACT = ('Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 9, 2), '
             'schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})')
_FIRST_CALL = ("import time; began = time.perf_counter(); import amcalc; imported = time.perf_counter(); "
               "from datetime import date; from amcalc import Contract, month_pay; contract = "
               f"{_CONTRACT}; ready = time.perf_counter(); month_pay(contract, (2025, 11)); "
               "print(imported - began, ready - imported, time.perf_counter() - ready)")


_WITH_BYTECODE = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _process_seconds(code: str) -> tuple[float, str]:
    """Wall time of a fresh interpreter running ``code`` (start and exit included), and its output;
    bytecode is written and read (``PYTHONDONTWRITEBYTECODE`` left out)."""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                          env=_WITH_BYTECODE)
    return time.perf_counter() - began, done.stdout


def _quantiles(seconds: list[float], prefix: str = "") -> dict[str, float]:
    """Median and 99th percentile, in microseconds."""
    ordered = sorted(seconds)
    return {f"{prefix}median_us": round(statistics.median(ordered) * 1e6, 1),
            f"{prefix}p99_us": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1e6, 1)}


def _warm(call: Callable[[], object], calls: int) -> dict[str, float]:
    """Median and p99 of ``calls`` timed calls of ``call`` after ten untimed ones: on the wall
    clock, then as many on the thread's CPU clock (``cpu_``: without the time other processes
    took the core — on a shared machine, what the wall clock's tail owes to the code)."""
    for _ in range(10):
        call()
    timed = {}
    for prefix, clock in (("", time.perf_counter), ("cpu_", time.thread_time)):
        seconds = []
        for _ in range(calls):
            began = clock()
            call()
            seconds.append(clock() - began)
        timed.update(_quantiles(seconds, prefix))
    return timed


def _month_salary_formula(rate: Decimal, weekly_hours: Decimal, weeks: int) -> Decimal:
    """The baseline: the month's salary as one plain-Python formula (rate × hours × weeks / 12)."""
    return (rate * weekly_hours * weeks / 12).quantize(Decimal("0.01"), ROUND_HALF_UP)


def app(processes: int, calls: int) -> dict[str, Any]:
    """Cold import and first ``month_pay`` in fresh interpreters (``processes`` each, alternating
    with the bare interpreter), then the warm median and p99 of ``calls`` calls of each function."""
    _process_seconds(_FIRST_CALL)  # writes the bytecode of what it imports
    bare, cold, month_names, first, process = [], [], [], [], []
    for _ in range(processes):
        bare.append(_process_seconds("pass")[0])
        cold.append(_process_seconds("import amcalc")[0])
        whole, printed = _process_seconds(_FIRST_CALL)
        process.append(whole)
        _, names, first_call = map(float, printed.split())
        month_names.append(names)
        first.append(first_call)
    contract = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 9, 2),
                                      schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
    absences = [Absence.of(date(2025, 11, 13), "unpaid_leave"), Absence.of(date(2025, 11, 14), "unpaid_leave", "3")]
    extra = {date(2025, 11, 17): "46", date(2025, 11, 24): "42"}
    illness = [Absence.of(date(2025, 11, d), "child_illness_certified") for d in (4, 6, 7)]
    leave = LeaveOwedAtEnd(current=LeaveOwed(days=3, reference_gross=Decimal("693.33")))
    rate, hours = Decimal("4.00"), Decimal("40")
    warm = {
        "month_salary_formula": _warm(lambda: _month_salary_formula(rate, hours, 52), calls),
        "mensualise": _warm(lambda: mensualise(contract), calls),
        "month_pay": _warm(lambda: month_pay(contract, (2025, 11)), calls),
        "month_pay_untraced": _warm(lambda: month_pay(contract, (2025, 11), trace=False), calls),
        "month_pay_absences_extra": _warm(
            lambda: month_pay(contract, (2025, 11), absences=absences, worked_weeks=extra), calls),
        "month_pay_child_illness": _warm(lambda: month_pay(contract, (2025, 11), absences=illness), calls),
        "settlement": _warm(lambda: settlement(contract, reason="withdrawal", sent=date(2025, 12, 1),
                                               total_gross=Decimal("10400.00"), leave=leave), calls),
    }
    ms = 1e3
    return {
        "processes": processes, "calls": calls,
        "bare_interpreter_ms": round(statistics.median(bare) * ms, 1),
        "import_amcalc_ms": round(statistics.median(cold) * ms, 1),
        "import_amcalc_over_bare_ms": round((statistics.median(cold) - statistics.median(bare)) * ms, 1),
        "then_import_contract_month_pay_ms": round(statistics.median(month_names) * ms, 1),
        "first_month_pay_ms": round(statistics.median(first) * ms, 1),
        "process_to_first_month_ms": round(statistics.median(process) * ms, 1),
        "warm": warm,
    }


def _one_row_batches() -> dict[str, pa.RecordBatch]:
    """A plain row of ``random_rows`` (no event) and the same row with a certified child illness
    on its first day of care, each a batch of one row."""
    table = random_rows(2000, seed=4, rare=0)
    events = zip(*(table.column(c).to_pylist() for c in ("absences", "worked_hours", "non_care_weeks")), strict=True)
    plain = next(i for i, kinds in enumerate(events) if not any(kinds))
    row = table.slice(plain, 1).to_pylist()[0]
    weekdays = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    day = next(d for d in (row["month"] + timedelta(days=k) for k in range(7)) if row[weekdays[d.weekday()]])
    ill = row | {"absences": [{"date": day, "hours": None, "cause": "child_illness_certified"}]}
    return {"plain": table.slice(plain, 1).to_batches()[0],
            "child_illness": pa.Table.from_pylist([ill], schema=table.schema).to_batches()[0]}


def one_row(calls: int) -> dict[str, Any]:
    """``compute`` on a one-row batch and ``month_of_row`` on the same row, warm (see ``--one-row``)."""
    figures: dict[str, Any] = {"calls": calls}
    for name, batch in _one_row_batches().items():
        record = batch.to_pylist()[0]
        result, _ = compute(batch)
        if result.column("error_code")[0].is_valid:
            raise SystemExit(f"the {name} row is refused: {result.column('error_message')[0]}")
        figures[name] = {"compute_one_row_batch": _warm(partial(compute, batch), calls),
                         "month_of_row": _warm(partial(month_of_row, record, trace=False), calls)}
    return figures


_PHASES = {
    "amcalc.bulk.engine": ("Rows", "Events", "vector_route", "json_columns", "number_columns", "_warnings",
                           "_ledger_column", "_recent_weeks_column", "_freshness", "_records"),
    "amcalc.bulk.vector": ("days_looked_up", "with_events", "row_warnings", "recent_weeks", "_figures"),
    "amcalc.bulk.day_plan": ("calendar_answers",),
}
"""The engine's steps timed by ``--phases``: the names each module calls them by."""


def phases(rows: int) -> dict[str, Any]:
    """One thread's milliseconds a chunk in each step of :data:`_PHASES` (see ``--phases``)."""
    spent: dict[str, float] = dict.fromkeys((name for names in _PHASES.values() for name in names), 0.0)

    def timed_step(step: Callable[..., Any], name: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return step(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - began
        return run

    for module_name, names in _PHASES.items():
        module = importlib.import_module(module_name)
        for name in names:
            if not hasattr(module, name):
                raise SystemExit(f"--phases: {module_name} has no step {name!r} any more: update _PHASES")
            setattr(module, name, timed_step(getattr(module, name), name))
    batches = random_rows(rows, seed=3).to_batches(max_chunksize=CHUNK_ROWS)
    for batch in batches[:2]:
        compute(batch)
    spent.update(dict.fromkeys(spent, 0.0))
    began = time.perf_counter()
    for batch in batches:
        compute(batch)
    total = time.perf_counter() - began
    per_chunk = {name: round(seconds * 1e3 / len(batches), 2) for name, seconds in spent.items()}
    return {"rows": rows, "chunks": len(batches), "cm_per_s": round(rows / total),
            "compute_ms_per_chunk": round(total * 1e3 / len(batches), 2),
            "ms_per_chunk": dict(sorted(per_chunk.items(), key=lambda item: -item[1]))}


def first_call(rows: int) -> dict[str, Any]:
    """Three ``payroll`` calls of this process and the machine's cost of new memory (``--first-call``)."""
    table = random_rows(rows)
    calls, fresh = [], 0
    for _ in range(3):
        before, began = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
        result = payroll(table)
        wall, after = time.perf_counter() - began, resource.getrusage(resource.RUSAGE_SELF)
        calls.append({"cm_per_s": round(rows / wall), "user_s": round(after.ru_utime - before.ru_utime, 3),
                      "system_s": round(after.ru_stime - before.ru_stime, 3),
                      "page_faults": after.ru_minflt - before.ru_minflt})
        fresh = _new_bytes(result, table)
        del result
    new, reused = _writing_memory(fresh)
    return {"rows": rows, "calls": calls, "results_new_bytes_per_row": round(fresh / rows, 1),
            "write_new_memory_s": round(new, 3), "write_mapped_memory_s": round(reused, 3)}


def _new_bytes(result: pa.Table, source: pa.Table) -> int:
    """The bytes of ``result``'s buffers, each counted once, that are not ``source``'s."""
    def buffers(table: pa.Table) -> dict[int, int]:
        return {b.address: b.size for column in table.columns for chunk in column.chunks
                for b in chunk.buffers() if b is not None}
    given = buffers(source)
    return sum(size for address, size in buffers(result).items() if address not in given)


def _writing_memory(size: int) -> tuple[float, float]:
    """Seconds numpy takes to write ``size`` bytes into anonymous memory just mapped, then
    into the same memory again."""
    region = mmap.mmap(-1, size)
    words = np.frombuffer(region, np.uint8)
    seconds = []
    for value in (1, 2):
        began = time.perf_counter()
        words.fill(value)
        seconds.append(time.perf_counter() - began)
    del words
    region.close()
    return seconds[0], seconds[1]


def _app_table(figures: dict[str, Any]) -> str:
    lines = ["| measure | median | p99 | CPU median | CPU p99 |", "|---|---|---|---|---|"]
    for key in ("bare_interpreter_ms", "import_amcalc_ms", "import_amcalc_over_bare_ms",
                "then_import_contract_month_pay_ms", "first_month_pay_ms", "process_to_first_month_ms"):
        lines.append(f"| {key} | {figures[key]} ms | | | |")
    for name, warm in figures["warm"].items():
        lines.append(f"| {name} (warm) | {warm['median_us']} µs | {warm['p99_us']} µs "
                     f"| {warm['cpu_median_us']} µs | {warm['cpu_p99_us']} µs |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=0)
    parser.add_argument("--memory", type=int, default=0)
    parser.add_argument("--vector", type=int, default=0)
    parser.add_argument("--cores", type=int, default=0)
    parser.add_argument("--io", type=int, default=0)
    parser.add_argument("--rare", type=float, default=1.0)
    parser.add_argument("--app", action="store_true")
    parser.add_argument("--one-row", action="store_true")
    parser.add_argument("--phases", type=int, default=0)
    parser.add_argument("--first-call", type=int, default=0)
    parser.add_argument("--processes", type=int, default=15)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine()}
    if args.rows:
        print(json.dumps({**bench(args.rows), **machine}))
    if args.vector:
        print(json.dumps({**vector(args.vector), **machine}))
    if args.cores:
        print(json.dumps({**cores(args.cores, args.rare), **machine}))
    if args.io:
        print(json.dumps({**io(args.io, args.rare), **machine}))
    if args.memory:
        print(json.dumps({**memory(args.memory, args.rare), **machine}))
    if args.phases:
        print(json.dumps({**phases(args.phases), **machine}))
    if args.first_call:
        print(json.dumps({**first_call(args.first_call), **machine, "load_average": os.getloadavg()[0]}))
    if args.one_row:
        print(json.dumps({**one_row(args.calls), **machine, "load_average": os.getloadavg()[0]}))
    if args.app:
        figures = {**app(args.processes, args.calls), **machine, "load_average": os.getloadavg()[0]}
        print(json.dumps(figures) if args.json else _app_table(figures))


if __name__ == "__main__":
    main()
