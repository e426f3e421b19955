"""A bulk run stopped by a signal stops cleanly (issue 15): SIGTERM (``timeout``,
a stopped cron job) and SIGINT (Ctrl-C) end the worker processes, remove the
temporary output, and the exit status says the run was interrupted (128 + the
signal, as a shell reports it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")

SRC = Path(__file__).resolve().parents[1] / "src"


def descendants(pid: int) -> set[int]:
    """The processes started by ``pid``, their children included (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found.update(children)
        todo.extend(children)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_workers_and_leaves_no_output(tmp_path: Path, stop: signal.Signals) -> None:
    # 14 h on Sunday: every row takes the scalar route, computed by the worker processes
    rows = [f"r{i},4.00,52,2025-03,9,9,14" for i in range(150_000)]
    source = tmp_path / "mois.csv"
    source.write_text("id,hourly_rate,weeks,month,mon,tue,sun\n" + "\n".join(rows) + "\n", encoding="utf-8")
    target = tmp_path / "paie.parquet"
    run = subprocess.Popen([sys.executable, "-m", "amcalc", "payroll", str(source), "-o", str(target),
                            "--processes", "2", "-q"], env=os.environ | {"PYTHONPATH": str(SRC)},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(started) < 3 and time.monotonic() < deadline and run.poll() is None:  # fork server, 2 workers
            started |= descendants(run.pid)
            time.sleep(0.05)
        assert len(started) >= 3, "the worker processes did not start"
        time.sleep(0.5)
        run.send_signal(stop)
        out, err = run.communicate(timeout=30)
    finally:  # a failed run leaves nothing behind either
        for pid in [run.pid, *started]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert run.returncode == 128 + stop, err
    assert err.startswith(f"amcalc payroll: interrupted ({stop.name})") and "Traceback" not in err
    for _ in range(100):  # orphans are reaped by init: give them a moment
        if not any(alive(pid) for pid in started):
            break
        time.sleep(0.05)
    assert not [pid for pid in started if alive(pid)]
    assert not target.exists() and not list(tmp_path.glob(".*.part"))
