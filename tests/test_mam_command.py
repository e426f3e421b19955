"""``amcalc mam-planning FILE``: registered on a parser as the command line does, its
exit status and its output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amcalc.cli import main

EXAMPLE = Path(__file__).parent.parent / "docs" / "examples" / "mam-planning.toml"


def run(*argv: str) -> int:
    return main(["mam-planning", *argv])


def test_the_example_breaks_anne_and_beas_agrement(capsys: pytest.CaptureFixture[str]) -> None:
    # Anne and Béa: 4 children each + 2 of Dina's = 6 for an agrément of 4; 14 children, 3 AMs.
    assert run(str(EXAMPLE), "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["conforme"], data["max_children"], data["max_ams"]) == (False, 14, 3)
    assert [(v["rule"], v["who"]) for v in data["violations"]] == [("agrement", "anne"), ("agrement", "bea")]


def test_a_conforme_week_exits_0_with_its_explanation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    week = tmp_path / "week.json"
    week.write_text(json.dumps({"ams": [{"id": "A"}], "children": [{"id": "a1", "am": "A"}], "presence": [
        {"day": "tue", "from": "08:00", "to": "12:00", "am": "A", "children": ["a1"]}]}), "utf-8")
    assert run(str(week)) == 0
    assert "Planning conforme" in capsys.readouterr().out


@pytest.mark.parametrize(("content", "code"), [
    ("ams = [", "unreadable_file"),
    ('ams = [{ id = "A" }]\nchildren = []\npresence = [{ day = "mon", from = "08:00", to = "09:00", am = "Z" }]',
     "invalid_input"),
])
def test_a_bad_file_exits_2_with_its_code(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str,
                                          code: str) -> None:
    week = tmp_path / "week.toml"
    week.write_text(content, "utf-8")
    assert run(str(week)) == 2
    assert capsys.readouterr().err.startswith(f"amcalc mam-planning: {code}: ")
