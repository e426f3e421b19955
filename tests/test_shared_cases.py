"""The published worked examples (../shared/cases) and the project's own cases
(tests/scenarios), for every calculation implemented so far — selected by
calculation, never by case id."""

from __future__ import annotations

from pathlib import Path

import pytest

from amcalc.scenarios import CALCULATIONS
from amcalc.scenarios.runner import collect_files, load_cases, run_case

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT.parent / "shared" / "cases", ROOT / "tests" / "scenarios"]
CASES = [
    case
    for folder in FOLDERS
    if folder.is_dir()
    for path in collect_files([folder])
    for case in load_cases(path)
    if case.calc in CALCULATIONS
]


def test_shared_cases_are_present() -> None:
    assert (ROOT.parent / "shared" / "cases").is_dir(), "../shared/cases is missing beside the repo"
    assert CASES


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.path.name}::{c.id}")
def test_case(case: object) -> None:
    result = run_case(case)  # type: ignore[arg-type]
    assert result.status in ("passed", "skipped"), result.mismatches
