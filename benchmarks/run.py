"""Benchmarks of the bulk engine (see README.md). Not a test: it prints numbers.

    python benchmarks/run.py --rows 1000000            # amcalc bench, one JSON line
    python benchmarks/run.py --memory 10000000         # Parquet → Parquet in a child process
    python benchmarks/run.py --memory 10000000 --rare 0   # only rows of the vector route

``--memory N`` writes N random contract-months to a Parquet file batch by batch,
then runs ``amcalc payroll`` on it in a child process and reports the child's
peak resident memory, the peak of the child and its worker processes together
(sampled every 20 ms from /proc, Linux), and the throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

from amcalc.bulk.bench import bench, random_rows


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
        tree_peak = 0
        while child.poll() is None:
            tree_peak = max(tree_peak, _tree_rss(child.pid))
            time.sleep(0.02)
        elapsed = time.perf_counter() - began
        assert child.returncode == 0 and child.stdout is not None
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"rows": rows, "rare": rare, "seconds": round(elapsed, 2),
                "parquet_cm_per_s": round(rows / elapsed), "child_peak_rss_mb": round(peak),
                "tree_peak_rss_mb": round(tree_peak / 2**20), "summary": child.stdout.read().strip()}


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and its descendants (0 where /proc is missing)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        children = [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                    for c in (task / "children").read_text().split()]
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE") + sum(_tree_rss(c) for c in children)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=0)
    parser.add_argument("--memory", type=int, default=0)
    parser.add_argument("--rare", type=float, default=1.0)
    args = parser.parse_args()
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine()}
    if args.rows:
        print(json.dumps({**bench(args.rows), **machine}))
    if args.memory:
        print(json.dumps({**memory(args.memory, args.rare), **machine}))


if __name__ == "__main__":
    main()
