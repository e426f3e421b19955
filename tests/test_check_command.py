"""`amcalc check` as scenarios.md specifies it: one FAIL line per failing key,
a closing `N passed, M failed` line, exit codes 0 / 1 / 2, --json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from amcalc.cli import main

GOOD = """
[[case]]
id = "ok"
calc = "mensualisation"
[case.input]
hourly_rate = "4.00"
weeks = 52
weekly_hours = "40"
days_per_week = 4
[case.expect]
monthly_salary = "693.33"
monthly_hours = "173.33"
declared_days = 18
"""

BAD_FIGURE = GOOD.replace('id = "ok"', 'id = "wrong"').replace('"693.33"', '"693.34"')

MIXED = BAD_FIGURE + """
[[case]]
id = "unknown-calc"
calc = "horoscope"
[case.input]
[case.expect]
x = 1

[[case]]
id = "unknown-input"
calc = "trial_period"
[case.input]
days_per_week = 4
colour = "blue"
[case.expect]
max_months = 2

[[case]]
id = "expected-error-missing"
calc = "trial_period"
[case.input]
days_per_week = 4
[case.expect]
error = "invalid_input"

[[case]]
id = "skipped"
calc = "trial_period"
skip = "waiting for a source"
[case.input]
days_per_week = 4
[case.expect]
max_months = 2

[[case]]
id = "error-ok"
calc = "minimum_rate"
[case.input]
on = 2021-12-31
[case.expect]
error = "parameter_unavailable"
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_passing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(write(tmp_path, "a.toml", GOOD))]) == 0
    assert capsys.readouterr().out.splitlines() == ["1 passed, 0 failed"]


def test_every_case_runs_and_each_failure_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "b.toml", MIXED)
    assert main(["check", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 passed, 4 failed, 1 skipped"
    assert f"FAIL {path}::wrong monthly_salary: expected 693.34, got 693.33" in lines
    assert any(line.startswith(f"FAIL {path}::unknown-calc calc:") for line in lines)
    assert any(line.startswith(f"FAIL {path}::unknown-input input.colour:") for line in lines)
    assert f"FAIL {path}::expected-error-missing error: expected invalid_input, got no error" in lines


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "b.toml", MIXED)
    assert main(["check", "--json", str(tmp_path)]) == 1
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in objects][:2] == ["wrong", "unknown-calc"]
    wrong = objects[0]
    assert wrong["status"] == "failed"
    assert wrong["mismatches"] == [{"key": "monthly_salary", "expected": "693.34", "got": "693.33"}]
    assert {o["status"] for o in objects} == {"passed", "failed", "skipped"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[[case]\nid = 1", "-"),
        ('[[case]]\nid = "x"\ncalc = "trial_period"\n[case.expect]\nmax_months = 2\n', "case[0].input"),
        (GOOD.replace('"4.00"', "4.00"), "case[0].input.hourly_rate"),
        (GOOD + GOOD, "case[1].id"),
        ('title = "x"\n' + GOOD, "title"),
    ],
)
def test_invalid_file_exits_2_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, key: str
) -> None:
    path = write(tmp_path, "bad.toml", text)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and f": {key}:" in err


def test_python_dash_m(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", GOOD)
    done = subprocess.run([sys.executable, "-m", "amcalc", "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "1 passed, 0 failed"


def test_demo_explains_the_bundled_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    # Bundled example: 10 + 10 + 10 + 9 = 39 h × 36 weeks / 12 = 117 h × 4.20 € = 491.40 €.
    assert "117,00 h" in out and "491,40 €" in out and "109.2" in out
    # November 2025: one unpaid day of 16 planned (491.40 / 16 = 30.7125 → 30.71 €),
    # 11 November chômé and paid, a 44 h week: 5 h × 4.20 € = 21.00 €; 491.40 − 30.71 + 21.00.
    assert "30,71 €" in out and "21,00 €" in out and "481,69 €" in out and "Armistice" in out
    # Settlement: 15 days of notice (9 months of seniority on 1 June 2026); leave 23/6 × 39 h
    # × 4.20 € = 627.90 € plus 2/6 × 39 × 4.20 = 54.60 €; regularisation 39 h × 4.20 = 163.80 €;
    # rupture, every gross salary with the final ones: (4 720.00 + 682.50 + 163.80) / 80
    # = 69.57875 → 69.58 €.
    assert "15/06/2026" in out and "682,50 €" in out and "163,80 €" in out and "69,58 €" in out
