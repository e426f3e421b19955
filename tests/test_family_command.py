"""``amcalc family-cost FILE``: the month of a contract file and its ``[household]`` table, in
French or JSON, with the same cents as the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amcalc.cli import main
from amcalc.contract_file import family_month_of, read_file

FILE = """
[contract]
hourly_rate = "4.85"
weeks = 52
start = 2025-09-01
schedule = { mon = "10", tue = "10", thu = "10", fri = "10" }

[month]
month = "2025-10"

[household]
resources = "36000.00"
children = 1
child_born = 2024-03-15
employer_aid = "50.00"
"""


@pytest.fixture
def contract_file(tmp_path: Path) -> Path:
    path = tmp_path / "famille.toml"
    path.write_text(FILE, "utf-8")
    return path


def test_family_cost_json_equals_the_library(contract_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["family-cost", str(contract_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    month = family_month_of(read_file(contract_file))
    assert (data["cost"], data["cmg"], data["employer_aid"], data["remains"]) == (
        str(month.cost), str(month.cmg), "50.00", str(month.remains))
    # 656.73 net + 75.96 entretien = 732.69; × (1 − 3 000 × 0.000619 ÷ 4.85) = 452.15; − 50 aid
    assert (data["cost"], data["cmg"], data["remains"]) == ("732.69", "452.15", "230.54")


def test_family_cost_in_french_and_a_missing_household(contract_file: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["family-cost", str(contract_file)]) == 0
    out = capsys.readouterr().out
    assert "Reste à charge : 732,69 € − 452,15 € − 50,00 €, jamais négatif = 230,54 €" in out
    assert "CMG : 732,69 € × (1 − 3 000 € × 0,0619 % ÷ 4,85 €) = 452,15 €" in out
    bare = tmp_path / "sans-foyer.toml"
    bare.write_text(FILE.split("[household]")[0], "utf-8")
    assert main(["family-cost", str(bare)]) == 2
    assert capsys.readouterr().err.startswith("amcalc family-cost: invalid_input: household : ")
