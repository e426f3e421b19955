"""Notebooks: a year of months as rows with month_pay's cents, HTML tables in French."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from amcalc import Absence, Contract, InvalidInput, mensualise, month_pay, months
from amcalc.contract_sheet import contract_sheet

LEA = Contract.from_schedule(hourly_rate="4.20", weeks=36, start=date(2025, 9, 1), maintenance_per_hour="0.45",
                             schedule={"mon": "08:00-18:00", "tue": "08:00-18:00", "thu": "08:00-18:00",
                                       "fri": "08:00-17:00"})
FULL = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 9, 1),
                              schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
EVENTS = {
    "absences": [{"date": date(2025, 11, 20), "cause": "unpaid_leave"}, Absence.of(date(2026, 3, 5), "unpaid_leave", "4")],
    # the week of 29/09 straddles September and October: each month takes its days
    "worked_hours": [{"week": date(2025, 9, 29), "hours": "46"}, {"week": date(2025, 11, 24), "hours": "45"}],
}


def test_a_year_of_months_has_the_cents_of_month_pay() -> None:
    rows = months(FULL, "2025-09", "2026-08", events=EVENTS)
    assert [r["month"] for r in rows][:2] == ["2025-09", "2025-10"] and len(rows) == 12
    nov, mar = Absence.of(date(2025, 11, 20), "unpaid_leave"), Absence.of(date(2026, 3, 5), "unpaid_leave", "4")
    by_month = {"2025-09": ([], {date(2025, 9, 29): "46"}), "2025-10": ([], {date(2025, 9, 29): "46"}),
                "2025-11": ([nov], {date(2025, 11, 24): "45"}), "2026-03": ([mar], {})}
    ledger = None
    for row in rows:
        absences, weeks = by_month.get(row["month"], ([], {}))
        m = month_pay(FULL, row["month"], absences=absences, worked_weeks=weeks, ledger=ledger)
        ledger = m.ledger
        assert (row["gross_salary"], row["net_salary"], row["maintenance"]) == (m.gross_salary, m.net_salary,
                                                                                m.maintenance)
    # by hand: 40 h × 52 / 12 × 4.00 = 693.33; November (160 h planned): − 693.33 × 10/160 = 43.33,
    # + 5 h complementary × 4.00 = 20.00 → 670.00 (the README's month)
    assert rows[0]["base_salary"] == Decimal("693.33") and rows[2]["gross_salary"] == Decimal("670.00")
    assert rows[2]["scheduled_hours"] == Decimal("160.00")


def test_rows_go_into_arrow_and_polars() -> None:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    rows = months(LEA, "2025-09", "2025-12")
    table = pa.Table.from_pylist(rows)
    assert table.num_rows == 4 and table.column("gross_salary").to_pylist()[0] == rows[0]["gross_salary"]
    assert pl.DataFrame(rows).height == 4


def test_an_event_outside_the_period_is_refused() -> None:
    with pytest.raises(InvalidInput) as err:
        months(FULL, "2025-09", "2025-10", events={"absences": [{"date": date(2025, 12, 4), "cause": "unpaid_leave"}]})
    assert err.value.field == "events.absences"
    with pytest.raises(InvalidInput):
        months(FULL, "2025-09", "2025-10", events={"holidays": []})
    with pytest.raises(InvalidInput):
        months(FULL, "2025-10", "2025-09")


def test_contract_html_is_a_french_table() -> None:
    page = LEA._repr_html_()
    assert "<table>" in page and "Taux horaire brut" in page and "4,20 €" in page
    assert "lundi 10 h" in page and "vendredi 9 h" in page and "36 semaines programmées" in page
    assert dict(contract_sheet(LEA))["Embauche"] == "01/09/2025"


def test_result_html_and_short_repr() -> None:
    m = mensualise(LEA)
    assert "<table>" in m._repr_html_() and "Heures mensualisées" in m._repr_html_()
    assert repr(m) == "Mensualisation(monthly_hours=117, monthly_salary=491.40, monthly_days=12, declared_hours=117, …)"
