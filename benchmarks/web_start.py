"""Time to first result of the calculator page: ``python benchmarks/web_start.py [--runs N]``.

Builds the page (web/build.py), serves it from 127.0.0.1 and opens each of the three
pages in headless Chromium (Debian's, with Selenium), ``N`` times with a fresh browser
(cold: nothing cached) and ``N`` times in the same browser (warm: files from the HTTP
cache). For each load it reads the page's own clock (``amcalcPage.timings``, milliseconds
from the start of navigation): Pyodide started, amcalc's wheels loaded and imported, first
result shown. Prints one JSON line per page and kind, with the median of the runs.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import importlib.util
import json
import os
import platform
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("cout.html", "mois.html", "fin.html")


def _site() -> Path:
    spec = importlib.util.spec_from_file_location("web_build", ROOT / "web" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return Path(build.build())


def _browser() -> Any:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def _load(driver: Any, url: str) -> dict[str, float]:
    driver.get(url)
    limit = time.monotonic() + 300
    while time.monotonic() < limit:
        timings = driver.execute_script("return window.amcalcPage && amcalcPage.timings")
        if timings and "firstResult" in timings:
            return {k: round(v / 1000, 2) for k, v in timings.items()}
        time.sleep(0.05)
    raise TimeoutError(url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="loads of each page, cold and warm (default 3)")
    args = parser.parse_args()
    site = _site()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 — the base class's name
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    machine = {"cpus": os.cpu_count(), "python": platform.python_version()}
    try:
        for page in PAGES:
            cold = []
            for _ in range(args.runs):
                driver = _browser()
                try:
                    cold.append(_load(driver, base + page))
                finally:
                    driver.quit()
            driver = _browser()
            try:
                _load(driver, base + page)  # fills the cache
                warm = [_load(driver, base + page) for _ in range(args.runs)]
            finally:
                driver.quit()
            for kind, runs in (("cold", cold), ("warm", warm)):
                median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(json.dumps({"page": page, "kind": kind, "runs": len(runs), "median_s": median, **machine}))
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
