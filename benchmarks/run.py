"""Benchmarks of the bulk engine (see README.md). Not a test: it prints numbers.

    python benchmarks/run.py --rows 1000000            # amcalc bench, one JSON line
    python benchmarks/run.py --memory 10000000         # Parquet → Parquet in a child process
    python benchmarks/run.py --memory 10000000 --rare 0   # only rows of the vector route
    python benchmarks/run.py --vector 1000000          # the vector route alone against numpy

``--vector N`` draws ``random_rows(N, rare=0)``, keeps the rows that take the
vector route and times ``payroll`` (2 threads) and the plain numpy formula on
them, best of 3 each.

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
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from amcalc.bulk import payroll
from amcalc.bulk.bench import bench, numpy_formula, random_rows, timed


def vector(rows: int) -> dict[str, object]:
    table = random_rows(rows, rare=0)
    route = payroll(table).column("route").cast(pa.string())
    kept = table.filter(pc.equal(route, "vector"))
    engine, _ = timed(lambda: payroll(kept, threads=2))
    floor, _ = timed(lambda: numpy_formula(kept))
    return {"vector_rows": kept.num_rows, "vector_cm_per_s": round(kept.num_rows / engine),
            "numpy_cm_per_s": round(kept.num_rows / floor), "times_numpy": round(engine / floor, 1),
            "scalar_share_rare0": round(1 - kept.num_rows / rows, 4)}


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=0)
    parser.add_argument("--memory", type=int, default=0)
    parser.add_argument("--vector", type=int, default=0)
    parser.add_argument("--rare", type=float, default=1.0)
    args = parser.parse_args()
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine()}
    if args.rows:
        print(json.dumps({**bench(args.rows), **machine}))
    if args.vector:
        print(json.dumps({**vector(args.vector), **machine}))
    if args.memory:
        print(json.dumps({**memory(args.memory, args.rare), **machine}))


if __name__ == "__main__":
    main()
