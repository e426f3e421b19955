"""`make demo` installs the package alone; `make test` adds what the tests need."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = (Path(__file__).parent.parent / "Makefile").read_text()


def _recipe(target: str) -> str:
    match = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)+)", MAKEFILE, re.M)
    assert match, target
    return match.group(1)


def test_demo_installs_only_the_runtime_dependencies() -> None:
    assert re.search(r"^demo: \$\(RUNTIME\)$", MAKEFILE, re.M)
    installs = [line for line in _recipe("$(RUNTIME)").splitlines() if "install" in line and "pip\n" not in line]
    assert any(line.rstrip().endswith("install --quiet -e .") for line in installs)
    assert "[" not in "".join(installs)  # no extra


def test_test_installs_the_test_and_docs_extras() -> None:
    assert re.search(r"^test: \$\(TOOLS\)$", MAKEFILE, re.M)
    assert "'.[test,docs]'" in _recipe("$(TOOLS)")


def test_check_says_where_the_shared_cases_are_expected() -> None:
    assert "SHARED_CASES ?= ../shared/cases" in MAKEFILE and "no shared cases at" in _recipe("check")
