"""The calculator page in a real browser: headless Chromium (Debian's) driven by Selenium,
the page built once per session (web/build.py, cached by a hash of its inputs) and served
from 127.0.0.1 with every other address unreachable. Each page is filled as a person
would, and the figures it shows are compared, cent for cent, with amcalc's Python API on
the same inputs. Screenshots are saved in build/web-screenshots.

Outside CI (``CI`` unset) the tests skip when Chromium, chromedriver or npm is missing;
in CI they fail instead (.ci/run installs Chromium).
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from amcalc import Absence, Contract, month_pay
from amcalc.contract_file import month_of, read_file
from amcalc.errors import AmcalcError
from amcalc.family import Care, Child, ChildcareCost, Household, family_month, family_year, reform_comparison
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd, settlement

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "build" / "web"
SHOTS = ROOT / "build" / "web-screenshots"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
START_TIMEOUT = 240  # seconds for Pyodide to start and the first result to show (10–30 s on 2 cores)
RUN_TIMEOUT = 60


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required in CI: .ci/run installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site() -> Path:
    """The page, built once (skipped when built from the same inputs)."""
    if shutil.which("npm") is None:
        _missing("npm is needed to build the page (web/build.py)")
    spec = importlib.util.spec_from_file_location("web_build", ROOT / "web" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return Path(build.build(SITE))


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 — the base class's name
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(base_url: str) -> Iterator[Any]:
    """Headless Chromium with every address but 127.0.0.1 out of reach: names resolve to
    nothing and any other connection goes to a closed proxy port."""
    if not os.environ.get("CI"):
        pytest.importorskip("selenium", reason="selenium is in the test extra: pip install -e '.[test]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        _missing(f"Chromium and chromedriver are needed ({CHROMIUM}, {CHROMEDRIVER}: apt-get install chromium "
                 "chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1000,1800", "--lang=fr-FR", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                     "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(START_TIMEOUT)
    driver.set_script_timeout(RUN_TIMEOUT)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _state(driver: Any) -> tuple[str | None, int]:
    body = driver.find_element("tag name", "body")
    return body.get_attribute("data-state"), int(body.get_attribute("data-runs") or 0)


def _wait(driver: Any, runs: int, timeout: float) -> str:
    """Wait until the page has computed more than ``runs`` times; its state ("done" or "error")."""
    limit = time.monotonic() + timeout
    while time.monotonic() < limit:
        state, done = _state(driver)
        if state == "failed":
            pytest.fail("the page could not start: " + driver.find_element("id", "status").text)
        if state == "crashed":
            pytest.fail("the page failed: " + driver.find_element("id", "results").text)
        if done > runs and state in ("done", "error"):
            return state
        time.sleep(0.1)
    pytest.fail(f"no result after {timeout} s (state {_state(driver)})")


def _open(driver: Any, base_url: str, page: str) -> float:
    """Load ``page`` and wait for its first result; the seconds it took."""
    began = time.monotonic()
    driver.get(base_url + page)
    assert _wait(driver, 0, START_TIMEOUT) == "done"
    return time.monotonic() - began


def _fill(driver: Any, values: dict[str, str]) -> None:
    from selenium.webdriver.support.ui import Select

    for name, value in values.items():
        element = driver.find_element("name", name)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        elif element.get_attribute("type") == "checkbox":
            if element.is_selected() != (value == "true"):
                element.click()
        else:
            element.clear()
            if value:
                element.send_keys(value)


def _compute(driver: Any) -> str:
    runs = _state(driver)[1]
    driver.find_element("css selector", "button[type=submit]").click()
    return _wait(driver, runs, RUN_TIMEOUT)


def _figures(driver: Any, block: str = "#results") -> dict[str, Decimal]:
    shown = {}
    for node in driver.find_elements("css selector", f"{block} .figure"):
        shown[node.get_attribute("data-key")] = Decimal(node.get_attribute("data-amount"))
        # the visible text shows the same cents, French style: "1 496,01 €"
        text = node.find_element("css selector", ".amount").text.replace("\u202f", " ").replace("\xa0", " ")
        amount = node.get_attribute("data-amount")
        whole, cents = amount.lstrip("-").split(".")
        assert text.endswith(f"{int(whole):,}".replace(",", " ") + f",{cents} €"), (text, amount)
    return shown


def _same_origin(driver: Any, base_url: str) -> None:
    """Every resource the page asked for came from its own origin."""
    entries = driver.execute_script("return performance.getEntries().map(e => e.name)")
    others = [name for name in entries if name.startswith(("http:", "https:", "ws:", "wss:"))
              and not name.startswith(base_url)]
    assert others == []


def _shot(driver: Any, name: str) -> None:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, min(max(height + 150, 900), 6000))
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    driver.set_window_size(width, 1800)


CONTRACT = {"hourly_rate": "4.80", "weeks": "52", "start": "2025-09-01", "maintenance_per_hour": "0.55",
            "schedule": {"mon": "08:00-17:00", "tue": "08:00-17:00", "thu": "08:00-17:00", "fri": "08:00-16:00"}}


def _contract_fields(contract: dict[str, Any]) -> dict[str, str]:
    fields = {f"contract.{k}": v for k, v in contract.items() if k != "schedule"}
    for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
        fields[f"contract.schedule.{day}"] = contract["schedule"].get(day, "")
    return fields


def test_the_family_month_and_year_are_the_librarys(browser: Any, base_url: str) -> None:
    _open(browser, base_url, "cout.html")
    _fill(browser, {**_contract_fields(CONTRACT), "month.month": "2025-12", "month.meals": "12",
                    "month.meal_price": "2.50", "household.resources": "30000.00",
                    "household.children": "2", "household.child_born": "2024-06-10",
                    "household.single_parent": "false"})
    assert _compute(browser) == "done"
    shown = _figures(browser)

    contract = Contract.from_mapping({**CONTRACT, "weeks": 52, "start": date(2025, 9, 1)})
    family = Household.of(resources="30000.00", dependent_children=2)
    child = Child.of(born=date(2024, 6, 10))
    pays = {m: month_pay(contract, f"2025-{m:02d}", meals=12, meal_price="2.50") for m in range(9, 13)}
    months = [family_month(family, [Care(child, ChildcareCost.of_month(p))], (2025, m)) for m, p in pays.items()]
    december, pay = months[-1], pays[12]
    assert {k: shown[k] for k in ("net_salary", "maintenance", "meals", "cost", "cmg", "remains")} == {
        "net_salary": pay.net_salary, "maintenance": pay.maintenance, "meals": pay.meals,
        "cost": december.cost, "cmg": december.cmg, "remains": december.remains}
    assert shown["meals"] == Decimal("30.00")  # 12 meals × 2,50 €, by hand
    assert shown["cost"] == shown["net_salary"] + shown["maintenance"] + shown["meals"]  # no contribution left
    year = family_year(months)
    assert (shown["year_remains"], shown["tax_credit"], shown["year_net_cost"]) == (
        year.remains, year.tax_credit.credit, year.net_cost)
    both = reform_comparison(family, [Care(child, ChildcareCost.of_month(pay))], "2025-12")
    assert (shown["before_remains"], shown["after_remains"], shown["gain"]) == (
        both.before.remains, both.after.remains, both.gain)
    _same_origin(browser, base_url)
    _shot(browser, "cout")


def test_a_month_with_an_absence_and_extra_hours_is_the_librarys(browser: Any, base_url: str) -> None:
    _open(browser, base_url, "mois.html")
    contract = {"hourly_rate": "4.00", "weeks": "52", "start": "2025-09-01",
                "schedule": {"mon": "10", "tue": "10", "thu": "10", "fri": "10"}}
    _fill(browser, {**_contract_fields(contract), "contract.maintenance_per_hour": "", "month.month": "2025-11",
                    "month.absences[0].date": "2025-11-20", "month.absences[0].cause": "unpaid_leave",
                    "month.absences[0].hours": "", "month.worked_hours[0].week": "2025-11-24",
                    "month.worked_hours[0].hours": "45"})
    browser.find_element("css selector", "[data-add='month.absences']").click()  # a second, half-day absence
    _fill(browser, {"month.absences[1].date": "2025-11-06", "month.absences[1].cause": "child_absence",
                    "month.absences[1].hours": "4"})
    assert _compute(browser) == "done"
    shown = _figures(browser)

    pay = month_pay(Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 9, 1),
                                           schedule=contract["schedule"]), "2025-11",
                    absences=[Absence.of(date(2025, 11, 20), "unpaid_leave"),
                              Absence.of(date(2025, 11, 6), "child_absence", "4")],
                    worked_weeks={date(2025, 11, 24): "45"})
    expected = {key: getattr(pay, key) for key in shown}
    assert shown == expected and {"absence_deduction", "complementary_pay", "gross_salary"} <= set(shown)
    # by hand: 40 h × 52 ÷ 12 × 4,00 € = 693,33 €; the unpaid day: 693,33 × 10 h ÷ 160 h = 43,33 €
    # (the child's absence is paid); the week of the 24th: 45 h − 40 h = 5 h × 4,00 € = 20,00 €
    assert (shown["base_salary"], shown["absence_deduction"], shown["complementary_pay"], shown["gross_salary"]) == (
        Decimal("693.33"), Decimal("43.33"), Decimal("20.00"), Decimal("670.00"))
    rows = browser.find_elements("css selector", "table.pajemploi tr")
    page_fields = [(r.find_element("tag name", "th").text, r.find_element("tag name", "td").text) for r in rows]
    assert page_fields == [tuple(f) for f in pay.explanation.sections[0].fields]
    # each figure unfolds to the library's French for it
    node = browser.find_element("css selector", ".figure[data-key=absence_deduction]")
    node.find_element("tag name", "summary").click()
    explained = node.find_element("css selector", ".explain").text
    step = next(s for s in pay.explanation.steps if s.label.startswith("Déduction"))
    assert f"{step.label} : {step.formula} = {step.result}" in explained
    _same_origin(browser, base_url)
    _shot(browser, "mois")


def test_the_settlement_is_the_librarys(browser: Any, base_url: str) -> None:
    _open(browser, base_url, "fin.html")
    _fill(browser, {**_contract_fields(CONTRACT), "end.reason": "withdrawal", "end.sent": "2026-03-02",
                    "end.total_gross": "3900.00", "end.leave_completed.days": "10",
                    "end.leave_completed.reference_gross": "2500.00", "end.leave_current.days": "",
                    "end.leave_current.reference_gross": "", "end.regularisation.hours_paid": "",
                    "end.regularisation.hours_due": ""})
    assert _compute(browser) == "done"
    shown = _figures(browser)

    result = settlement(Contract.from_mapping({**CONTRACT, "weeks": 52, "start": date(2025, 9, 1)}),
                        reason="withdrawal", sent=date(2026, 3, 2), total_gross="3900.00",
                        leave=LeaveOwedAtEnd(completed=LeaveOwed(days=10, reference_gross=Decimal("2500.00"))))
    lines = [(node.find_element("css selector", ".label").text, shown[node.get_attribute("data-key")])
             for node in browser.find_elements("css selector", ".block:not(.totals) .figure")]
    assert lines == [(line.label, line.amount) for line in result.lines] and lines
    assert (shown["salary_total"], shown["indemnity_total"], shown["total"]) == (
        result.salary_total, result.indemnity_total, result.total)
    dates = dict(zip([e.text for e in browser.find_elements("css selector", "dl.dates dt")],
                     [e.text for e in browser.find_elements("css selector", "dl.dates dd")], strict=True))
    assert dates["Dernier jour du contrat"] == f"{result.last_day:%d/%m/%Y}"
    # by hand: hired on 1 September 2025, six months before the letter: under a year of
    # seniority, 15 calendar days of notice from the letter (CCN 3239 art. 120)
    assert result.last_day == date(2026, 3, 16) and dates["Préavis"] == "du 02/03/2026 au 16/03/2026"
    _same_origin(browser, base_url)
    _shot(browser, "fin")


def _error_next_to(driver: Any, name: str) -> str:
    field = driver.find_element("name", name)
    message = field.find_element("xpath", "ancestor::div[contains(@class,'field')][1]").find_element(
        "css selector", ".field-error")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == message.get_attribute("id")
    return str(message.text)


def test_a_bad_input_shows_the_typed_errors_message_next_to_its_field(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, base_url, "mois.html")
    tables = read_file(ROOT / "src" / "amcalc" / "examples" / "contrat-lea.toml")
    for name, value, table, key in (("contract.hourly_rate", "4,2O", "contract", "hourly_rate"),
                                    ("month.month", "2025-13", "month", "month")):
        _fill(browser, {name: value})
        runs = _state(browser)[1]
        browser.find_element("name", name).send_keys(Keys.ENTER)  # the keyboard submits the form
        assert _wait(browser, runs, RUN_TIMEOUT) == "error"
        with pytest.raises(AmcalcError) as err:
            month_of({**tables, table: {**tables[table], key: value}})
        assert _error_next_to(browser, name) == err.value.message
        if name == "contract.hourly_rate":
            _shot(browser, "erreur")
        _fill(browser, {name: str(tables[table][key])})
    assert _compute(browser) == "done" and not browser.find_elements("css selector", ".field-error")


def test_the_page_works_with_every_other_address_cut(browser: Any, base_url: str) -> None:
    browser.get(base_url + "index.html")
    failed = browser.execute_async_script(
        "const done = arguments[0];"
        "fetch('https://example.org/').then(() => done(false), () => done(true));")
    assert failed  # the browser cannot reach another server…
    seconds = _open(browser, base_url, "fin.html")  # …and the page starts and computes all the same
    assert seconds < START_TIMEOUT and _figures(browser)["total"] > 0
    _same_origin(browser, base_url)


def test_a_contract_file_saved_by_the_page_is_read_by_the_command_line_and_back(
        browser: Any, base_url: str, tmp_path: Path) -> None:
    _open(browser, base_url, "mois.html")
    for kind in ("toml", "json"):
        text = browser.execute_script(f"return amcalcPage.contractFile('{kind}')")
        path = tmp_path / f"contrat.{kind}"
        path.write_text(text, encoding="utf-8")
        assert month_of(read_file(path)).gross_salary == _figures(browser)["gross_salary"]
    tables = json.loads((tmp_path / "contrat.json").read_text(encoding="utf-8"))
    tables["contract"]["hourly_rate"] = "5.10"
    tables["month"]["absences"] = []
    changed = tmp_path / "autre.json"
    changed.write_text(json.dumps(tables), encoding="utf-8")
    runs = _state(browser)[1]
    browser.find_element("id", "open-file").send_keys(str(changed))  # "Ouvrir un fichier de contrat"
    assert _wait(browser, runs, RUN_TIMEOUT) == "done"
    assert browser.find_element("name", "contract.hourly_rate").get_attribute("value") == "5.10"
    assert _figures(browser)["gross_salary"] == month_of(read_file(changed)).gross_salary


def test_the_pages_fit_a_phone(browser: Any, base_url: str) -> None:
    browser.set_window_size(390, 844)
    try:
        for page in ("cout.html", "mois.html", "fin.html"):
            _open(browser, base_url, page)
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, page
        browser.save_screenshot(str(SHOTS / "fin-telephone.png"))
    finally:
        browser.set_window_size(1000, 1800)
