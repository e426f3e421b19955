"""The calculator page's Python side (web/amcalc_web.py) in CPython: what the browser
tests (test_web.py) cannot reach quickly — the contract file it writes, read back by the
command line's reader, and the errors it hands to the page."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from amcalc.contract_file import family_month_of, month_of, read_file
from amcalc.errors import AmcalcError
from amcalc.family import Household

_spec = importlib.util.spec_from_file_location("amcalc_web", Path(__file__).parent.parent / "web" / "amcalc_web.py")
assert _spec is not None and _spec.loader is not None
glue: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(glue)

FORM = {"contract": {"hourly_rate": "4.20", "weeks": "36", "start": "2025-09-01", "maintenance_per_hour": "0.45",
                     "schedule": {"mon": "08:00-18:00", "tue": "7.5", "thu": "08:00-18:00"}},
        "month": {"month": "2025-11", "meals": "8", "meal_price": "3.50",
                  "absences": [{"date": "2025-11-20", "cause": "unpaid_leave", "hours": "3"}],
                  "worked_hours": [{"week": "2025-11-24", "hours": "30"}], "worked_holidays": ["2025-11-11"]}}


@pytest.mark.parametrize("kind", ["toml", "json"])
def test_the_saved_contract_file_is_the_command_lines(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"contrat.{kind}"
    path.write_text(glue.contract_file(json.dumps(FORM), kind), encoding="utf-8")
    tables = read_file(path)
    assert tables["contract"]["schedule"] == FORM["contract"]["schedule"] and tables["month"]["meals"] == 8
    figures = {f["key"]: f["amount"] for f in json.loads(glue.month_page(json.dumps(FORM)))["figures"]}
    pay = month_of(tables)
    assert figures["gross_salary"] == str(pay.gross_salary) and figures["meals"] == "28.00"  # 8 × 3,50 €
    reopened = json.loads(glue.open_contract_file(path.read_text(encoding="utf-8"), path.name))["tables"]
    assert reopened["month"]["absences"] == [{"date": "2025-11-20", "cause": "unpaid_leave", "hours": "3"}]


def test_the_cost_pages_file_is_read_by_amcalc_family_cost(tmp_path: Path) -> None:
    form = {**FORM, "contract": {**FORM["contract"], "start": "2025-01-06"}, "month": {"month": "2025-11"},
            "household": {"resources": "36000.00", "children": "1", "child_born": "2024-03-15",
                          "single_parent": False}}
    path = tmp_path / "contrat.toml"
    path.write_text(glue.contract_file(json.dumps(form), "toml"), encoding="utf-8")
    answer = json.loads(glue.family_page(json.dumps(form)))
    shown = {f["key"]: f["amount"] for f in answer["figures"]}
    month = family_month_of(read_file(path))
    assert (shown["cmg"], shown["remains"]) == (str(month.cmg), str(month.remains)) and month.cmg > 0
    # the CMG's scales start in April 2025: the year counts April to December, and says so
    assert answer["months"] == 9 and answer["notes"] == [
        "L'année ne compte pas 01/2025, 02/2025, 03/2025 : le CMG de ces mois ne peut pas être calculé "
        "(barème non disponible à cette date)."]


def test_errors_carry_the_typed_errors_field_and_message() -> None:
    form = {**FORM, "household": {"resources": "30000", "children": "deux", "child_born": "2024-01-01"}}
    error = json.loads(glue.family_page(json.dumps(form)))["error"]
    with pytest.raises(AmcalcError) as expected:
        Household.of(resources="30000", dependent_children="deux")
    assert (error["code"], error["field"], error["message"]) == (
        "invalid_input", "household.children", expected.value.message)
    outside = {**form, "household": {**form["household"], "children": "1"},
               "month": {"month": "2025-06"}}
    assert json.loads(glue.family_page(json.dumps(outside)))["error"]["field"] == "month.month"


def test_a_decimal_comma_is_a_decimal_point() -> None:
    form = {**FORM, "contract": {**FORM["contract"], "hourly_rate": "4,20"}, "month": {"month": "2025-10"}}
    comma, point = (json.loads(glue.month_page(json.dumps(f)))["figures"] for f in (
        form, {**form, "contract": {**form["contract"], "hourly_rate": "4.20"}}))
    # by hand: (10 + 7,5 + 10) h × 36 weeks ÷ 12 = 82,5 h a month × 4,20 € = 346,50 €
    assert comma == point and comma[0]["amount"] == "346.50"


def test_an_unreadable_file_names_the_file_not_a_temporary_path() -> None:
    error = json.loads(glue.open_contract_file("[contract\nhourly_rate = 4", "mon-contrat.toml"))["error"]
    assert error["field"] == "mon-contrat.toml" and "TOML" in error["message"] and "/tmp" not in error["message"]
