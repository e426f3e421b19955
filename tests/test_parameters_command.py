"""``amcalc parameters`` (issue 20): every parameter file, its newest value (or the one in
force on ``--on``) with its evidence, and the date up to which the values were verified."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from amcalc import parameters
from amcalc.cli import main

DATA = Path(__file__).resolve().parents[1] / "src" / "amcalc" / "parameters" / "data"


def _files() -> dict[str, dict[str, object]]:
    return {p.stem: tomllib.loads(p.read_text("utf-8"), parse_float=Decimal) for p in sorted(DATA.glob("*.toml"))}


def test_json_lists_every_parameter_file_with_its_newest_value_and_evidence(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parameters", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["verified_up_to"], data["reviewed_on"], data["on"]) == ("2026-12-31", "2026-12-05", None)
    files = _files()
    assert [p["name"] for p in data["parameters"]] == sorted(files)
    for listed in data["parameters"]:
        raw = files[listed["name"]]
        newest = raw["values"][-1]  # type: ignore[index]
        assert (listed["from"], listed["reference"], listed["evidence"]) == (
            newest["from"].isoformat(), newest["reference"], newest["evidence"])
        assert Decimal(listed["value"]) == Decimal(newest["value"])
        assert listed["label"] == raw["label"] and listed["unit"] == raw["unit"]
        assert listed["evidence_label"] == {"P": "texte primaire", "S": "source secondaire",
                                            "U": "non vérifié"}[listed["evidence"]]
        assert listed["stable"] is raw.get("stable", False)


def test_json_on_a_day_gives_the_values_then_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parameters", "--json", "--on", "2024-06-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    smic = next(p for p in data["parameters"] if p["name"] == "smic_horaire")
    # décret n° 2023-1216: 11.65 € from 1 January 2024 to 31 October 2024
    assert (data["on"], smic["value"], smic["from"]) == ("2024-06-01", "11.65", "2024-01-01")
    # the effort-rate CMG (CSS D531-18) was not yet in force: listed without a value
    cap = next(p for p in data["parameters"] if p["name"] == "cmg_hourly_cost_cap")
    assert (cap["value"], cap["from"], cap["evidence"]) == (None, None, None)


def test_text_shows_each_label_value_and_the_verified_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parameters"]) == 0
    out = capsys.readouterr().out
    assert "valeurs vérifiées jusqu'au 31/12/2026, revue du 05/12/2026" in out
    for name in parameters.names():
        assert parameters.get(name).label in out
    assert "12,31 €/h depuis le 01/06/2026" in out  # SMIC of 1 June 2026
    assert "6,90 % depuis le 01/01/2022" in out  # capped old-age rate 0.069
    assert "120 mois depuis le 01/09/2011" in out  # the PALA's instalments, unit "months"
    assert "_" not in out  # no identifiers (smic_horaire) in the French text


@pytest.mark.parametrize(("day", "code", "status"), [("2005-12-31", "parameter_unavailable", 1),
                                                      ("2026-13-01", "invalid_input", 2)])
def test_a_bad_day_is_a_typed_error_without_traceback(day: str, code: str, status: int,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # exit 1: no value could be given for that day; 2: the day itself is not valid input
    assert main(["parameters", "--on", day]) == status
    err = capsys.readouterr().err
    assert err.startswith(f"amcalc parameters: {code}: on : ") and "Traceback" not in err


def test_the_newest_values_are_those_in_force_on_the_verified_date() -> None:
    for name in parameters.names():
        p = parameters.get(name)
        assert p.at(parameters.VERIFIED_UP_TO) == p.values[-1], name
    assert date(2026, 12, 31) == parameters.VERIFIED_UP_TO
