"""Bulk columns are checked by name (issue 15): a column the engine does not
read is one clear error naming the closest known column (a misspelt
``absence`` would leave every absence paid in full), or is passed through to
the output untouched on request; a missing required column is one error for
the run, not a message on every row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from amcalc.bulk import payroll  # noqa: E402
from amcalc.bulk.schema import KNOWN_COLUMNS  # noqa: E402
from amcalc.cli import main  # noqa: E402
from amcalc.errors import InvalidInput  # noqa: E402

# 10 h Mon, Tue, Thu, Fri, 52 weeks at 4.00 €: 40 h × 52 / 12 = 173.33 h, 693.33 €
CONTRACT = {"id": ["lea"], "hourly_rate": ["4.00"], "weeks": ["52"], "start": ["2024-11-04"],
            "month": ["2024-12"], "mon": ["10"], "tue": ["10"], "thu": ["10"], "fri": ["10"]}
# 4 days of unpaid leave: 4 × 10 h of the 180 h the month's schedule plans (art. 111): 693.33 × 40 / 180
ABSENCES = '[{"date": "2024-12-23", "cause": "unpaid_leave"}, {"date": "2024-12-24", "cause": "unpaid_leave"}, ' \
           '{"date": "2024-12-26", "cause": "unpaid_leave"}, {"date": "2024-12-27", "cause": "unpaid_leave"}]'


@pytest.mark.parametrize(("misspelt", "meant"), [("absence", "absences"),
                                                 ("maintenance_per_hours", "maintenance_per_hour"),
                                                 ("hourly_rates", "hourly_rate")])
def test_a_misspelt_column_is_one_error_naming_the_closest_one(misspelt: str, meant: str) -> None:
    table = pa.table(CONTRACT | {misspelt: [ABSENCES]})
    with pytest.raises(InvalidInput) as raised:
        payroll(table)
    assert raised.value.field == misspelt
    assert raised.value.message.startswith(f"colonne inconnue {misspelt!r} ({meant} ?). Colonnes lues : id, ")
    assert all(name in raised.value.message for name in KNOWN_COLUMNS)


def test_a_column_far_from_any_name_gets_no_guess() -> None:
    with pytest.raises(InvalidInput, match=r"colonne inconnue 'centre_de_cout'\. Colonnes lues"):
        payroll(pa.table(CONTRACT | {"centre_de_cout": ["A12"]}))


def test_the_right_name_deducts_the_absence() -> None:
    result = payroll(pa.table(CONTRACT | {"absences": [ABSENCES]}))
    assert result.column("absence_deduction").to_pylist() == [Decimal("154.07")]


def test_extra_columns_are_passed_through_untouched_on_request() -> None:
    extra = {"centre_de_cout": pa.array(["A12"]), "matricule": pa.array([7], pa.int16()),
             "notes": pa.array([["x", "y"]])}
    result = payroll(pa.table(CONTRACT | extra), keep_extra=True)
    assert result.schema.names[:4] == ["id", "centre_de_cout", "matricule", "notes"]
    assert result.schema.field("matricule").type == pa.int16()
    assert result.select(["centre_de_cout", "matricule", "notes"]).to_pylist() == [
        {"centre_de_cout": "A12", "matricule": 7, "notes": ["x", "y"]}]
    assert result.column("gross_salary").to_pylist() == [Decimal("693.33")]


def test_a_missing_required_column_is_one_error() -> None:
    table = pa.table({k: v for k, v in CONTRACT.items() if k != "weeks"})
    with pytest.raises(InvalidInput) as raised:
        payroll(table)
    assert raised.value.field == "weeks"
    assert raised.value.message == ("colonne manquante : weeks (colonnes lues : id, hourly_rate, start, month, mon, "
                                    "tue, thu, fri).")


def test_no_weekday_column_is_one_error() -> None:
    table = pa.table({k: v for k, v in CONTRACT.items() if k not in ("mon", "tue", "thu", "fri")})
    with pytest.raises(InvalidInput, match="aucune colonne d'horaire"):
        payroll(table)


def test_the_command_refuses_an_unknown_column_and_keeps_it_on_request(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mois.csv"
    source.write_text("id,hourly_rate,weeks,month,mon,tue,absence,centre\n"
                      'lea,4.00,52,2025-03,9,9,"[]",A12\n', encoding="utf-8")
    target = tmp_path / "paie.csv"
    assert main(["payroll", str(source), "-o", str(target), "--processes", "0", "-q"]) == 2
    assert capsys.readouterr().err.startswith("amcalc payroll: invalid_input: absence : colonne inconnue "
                                              "'absence' (absences ?).")
    assert not target.exists() and not list(tmp_path.glob(".*.part"))
    source.write_text(source.read_text(encoding="utf-8").replace("absence,", "absences,"), encoding="utf-8")
    assert main(["payroll", str(source), "-o", str(target), "--processes", "0", "-q", "--keep-extra"]) == 0
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith('"id","centre","month"')


def test_an_earlier_result_s_columns_are_not_unknown(tmp_path: Path) -> None:
    march = payroll(pa.table(CONTRACT))
    again = pa.table(CONTRACT).append_column("gross_salary", march.column("gross_salary"))
    assert payroll(again).column("gross_salary").to_pylist() == [Decimal("693.33")]


def test_a_column_named_twice_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mois.csv"
    source.write_text("id,hourly_rate,weeks,month,mon,id\nlea,4.00,52,2025-03,9,lea\n", encoding="utf-8")
    assert main(["payroll", str(source), "-o", str(tmp_path / "paie.csv"), "--processes", "0", "-q"]) == 2
    assert capsys.readouterr().err == ("amcalc payroll: invalid_input: id : colonne en double : id (chaque colonne "
                                       "une seule fois).\n")
