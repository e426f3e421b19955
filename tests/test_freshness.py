"""Freshness (issue 20): a calculation for a day after the date up to which the legal
values were verified carries a French warning — in its explanation (text, HTML and the
attrs field a JSON form carries) and in the bulk ``freshness`` column; one before does not."""

from __future__ import annotations

import calendar
import html
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

from amcalc import Absence, Contract, maintenance_minimum, minimum_rate, month_pay, net_salary, parameters
from amcalc.parameters import FRESHNESS_WARNING, VERIFIED_UP_TO, freshness_warning

pa = pytest.importorskip("pyarrow")

_AFTER = VERIFIED_UP_TO + timedelta(days=1)


def _month_of(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def _last_day(month: str) -> date:
    year, number = map(int, month.split("-"))
    return date(year, number, calendar.monthrange(year, number)[1])


# The last month ending on or before VERIFIED_UP_TO, and the month after it.
_FRESH = _month_of(VERIFIED_UP_TO if _AFTER.day == 1 else VERIFIED_UP_TO.replace(day=1) - timedelta(days=1))
_STALE = _month_of(_last_day(_FRESH) + timedelta(days=1))


def test_the_months_straddle_the_verified_date() -> None:
    assert _last_day(_FRESH) <= VERIFIED_UP_TO < _last_day(_STALE)
    assert (_FRESH, _STALE) == ("2026-12", "2027-01")  # the December 2026 review


def test_the_warning_starts_the_day_after_the_verified_date() -> None:
    assert freshness_warning(VERIFIED_UP_TO) is None
    assert freshness_warning(_AFTER) == FRESHNESS_WARNING
    assert "31/12/2026" in FRESHNESS_WARNING and "SMIC" in FRESHNESS_WARNING


def test_the_review_dates_are_read_from_the_package_data() -> None:
    assert parameters.REVIEWED_ON <= VERIFIED_UP_TO
    assert parameters.as_of <= VERIFIED_UP_TO  # no value is in force beyond what was checked


def _contract() -> Contract:
    # 4.20 €/h is above every minimum from 2024 (at most 0.281 × 12.31 € and 3.79 €)
    return Contract.from_schedule(hourly_rate="4.20", weeks=52, start=date(2024, 1, 8),
                                  schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"},
                                  maintenance_per_hour="0.50")


def test_a_month_after_the_verified_date_warns_one_before_does_not() -> None:
    fresh, stale = month_pay(_contract(), _FRESH), month_pay(_contract(), _STALE)
    assert fresh.explanation.freshness is None
    assert "Avertissement" not in fresh.explain() and "vérifiées" not in fresh.explain()
    assert stale.explanation.freshness == FRESHNESS_WARNING
    assert stale.explain().endswith(f"Avertissement : {FRESHNESS_WARNING}")
    assert html.escape(FRESHNESS_WARNING) in stale._repr_html_()
    # the net salary's own explanation says it too
    assert stale.net_detail.explanation.freshness == FRESHNESS_WARNING
    assert fresh.net_detail.explanation.freshness is None


def test_a_month_without_care_still_warns() -> None:
    # no entretien, no public holiday worked: the month's own parameters list is empty,
    # the month's last day decides
    absences = [Absence.of(d, "unpaid_leave") for d in _care_days(_STALE)]
    stale = month_pay(_contract(), _STALE, absences=absences)
    assert stale.maintenance == 0 and not stale.explanation.parameters
    assert stale.explanation.freshness == FRESHNESS_WARNING


def _care_days(month: str) -> list[date]:
    last = _last_day(month)
    days = [last.replace(day=d) for d in range(1, last.day + 1)]
    return [d for d in days if d.weekday() in (0, 1, 3, 4)
            and d not in {date(2027, 1, 1)}]  # 1 January, a public holiday


def test_the_warning_is_a_field_of_the_explanation_so_its_data_form_carries_it() -> None:
    stale = month_pay(_contract(), _STALE)
    assert attrs.asdict(stale)["explanation"]["freshness"] == FRESHNESS_WARNING
    assert attrs.asdict(month_pay(_contract(), _FRESH))["explanation"]["freshness"] is None


def test_each_result_listing_dated_values_warns_from_the_day_they_were_applied() -> None:
    assert minimum_rate(VERIFIED_UP_TO).explanation.freshness is None
    assert minimum_rate(_AFTER).explanation.freshness == FRESHNESS_WARNING
    assert maintenance_minimum(VERIFIED_UP_TO, hours="9").explanation.freshness is None
    assert maintenance_minimum(_AFTER, hours="9").explanation.freshness == FRESHNESS_WARNING
    assert net_salary("800.00", VERIFIED_UP_TO).explanation.freshness is None
    assert net_salary("800.00", _AFTER).explanation.freshness == FRESHNESS_WARNING
    uses = net_salary("800.00", _AFTER).explanation.parameters
    assert uses and {u.on for u in uses} == {_AFTER}


def test_a_looked_up_value_remembers_its_day_but_compares_as_the_entry() -> None:
    smic = parameters.get("smic_horaire")
    looked_up = smic.at(_AFTER)
    assert looked_up.applied_on == _AFTER and looked_up == smic.values[-1]


# --- bulk ----------------------------------------------------------------------------------------


def _row(month: str, **extra: Any) -> dict[str, Any]:
    return {"hourly_rate": "4.20", "weeks": 52, "start": date(2024, 1, 8), "month": month,
            "mon": "10", "tue": "10", "thu": "10", "fri": "10", **extra}


def test_bulk_rows_carry_the_warning_in_their_column_on_both_routes() -> None:
    from amcalc.bulk import payroll

    # a day over 13 h takes the scalar route (month_pay itself, with its art. 96.1 warning)
    rows = [_row(_FRESH), _row(_STALE), _row(_FRESH, mon="14", tue="8"), _row(_STALE, mon="14", tue="8"),
            _row(_STALE, hourly_rate="abc")]
    got = payroll(pa.Table.from_pylist(rows)).to_pylist()
    assert [g["route"] for g in got[:4]] == ["vector", "vector", "scalar", "scalar"]
    assert [g["freshness"] for g in got] == [None, FRESHNESS_WARNING, None, FRESHNESS_WARNING, None]
    assert got[4]["error_code"] == "invalid_input"  # no figures, no freshness


def test_bulk_csv_output_writes_the_warning_as_text(tmp_path: Path) -> None:
    from amcalc.cli import main

    source, target = tmp_path / "mois.csv", tmp_path / "paie.csv"
    source.write_text("id,hourly_rate,weeks,start,month,mon,tue,thu,fri\n"
                      f"a,4.20,52,2024-01-08,{_FRESH},10,10,10,10\n"
                      f"b,4.20,52,2024-01-08,{_STALE},10,10,10,10\n", "utf-8")
    assert main(["payroll", str(source), "-o", str(target), "-q"]) == 0
    rows = pa.csv.read_csv(target).to_pylist()
    assert [r["freshness"] for r in rows] == ["", FRESHNESS_WARNING]  # CSV: null is an empty cell
