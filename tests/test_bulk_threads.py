"""The bulk engine's chunks in threads: two threads starting together compute each month's
facts once."""

from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

from amcalc.bulk import month_facts as facts_module  # noqa: E402


def test_two_threads_asking_the_same_new_month_compute_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # a month not asked before (2031-07, Alsace) by 8 threads at once: one computation (its
    # holidays slow to come, so that the others ask meanwhile)
    computed: list[int] = []
    real = facts_module.public_holidays

    def counted(year: int, territory: object) -> object:
        computed.append(year)
        time.sleep(0.05)
        return real(year, territory)  # type: ignore[arg-type]

    monkeypatch.setattr(facts_module, "public_holidays", counted)
    key = 2031 * 12 + 6
    start = threading.Barrier(8)
    found: list[object] = []

    def ask() -> None:
        start.wait()
        found.append(facts_module.month_facts(key, 1))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert computed == [2031] and len(found) == 8 and all(f is found[0] for f in found)
