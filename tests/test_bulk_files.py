"""Bulk payroll files (issue 6): Parquet → Parquet gives exactly the in-memory
``payroll`` table, whatever the row groups; the written file is read back as
``decimal128(12, 2)`` and ``date32`` by pyarrow, polars, pandas (and duckdb when
installed); reading, computing and writing overlap in threads with a bounded
number of batches in flight, and an error on either side is raised, never a hang;
a file that cannot be read is a typed error in French (never a pyarrow traceback),
with no output left, and a bad cell of a CSV is an error in its row."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pv = pytest.importorskip("pyarrow.csv")
pc = pytest.importorskip("pyarrow.compute")

from bulk_support import with_scalar_rows  # noqa: E402

import amcalc.bulk  # noqa: E402
from amcalc.bulk import PayrollStats, output_schema, payroll  # noqa: E402
from amcalc.bulk import files as bulk_files  # noqa: E402
from amcalc.bulk.bench import random_rows  # noqa: E402
from amcalc.bulk.files import READ_AHEAD, WRITE_BEHIND, payroll_file  # noqa: E402
from amcalc.bulk.json_cells import as_json, json_cell  # noqa: E402
from amcalc.cli import main  # noqa: E402
from amcalc.errors import InvalidInput, UnreadableFile  # noqa: E402

MONEY_COLUMNS = ("base_salary", "absence_deduction", "complementary_pay", "majorated_pay", "holiday_pay",
                 "gross_salary", "contributions", "net_salary", "maintenance")


def finishes(run: Callable[[], object], seconds: float = 60) -> BaseException | None:
    """Run ``run`` in a thread and return what it raised; fail if it hangs."""
    raised: list[BaseException] = []

    def target() -> None:
        try:
            run()
        except BaseException as err:  # returned to the test
            raised.append(err)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "payroll_file hung"
    return raised[0] if raised else None


def no_pipeline_threads_left() -> bool:
    return not any(t.name in ("amcalc-read", "amcalc-write") for t in threading.enumerate())


@pytest.fixture(scope="module")
def rows() -> Any:
    return with_scalar_rows(random_rows(1_000, seed=21))  # every tenth row on the scalar route


@pytest.fixture(scope="module")
def expected(rows: Any) -> Any:
    return payroll(rows)


# --- the same table as in memory ----------------------------------------------------------------


@pytest.mark.parametrize("row_group_rows", [100, 1_000, 333])
def test_a_parquet_round_trip_gives_the_in_memory_table(tmp_path: Path, rows: Any, expected: Any,
                                                         row_group_rows: int) -> None:
    # 128-row chunks: row groups of 100 and 333 rows are read whole, one of 1 000 in pieces
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source, row_group_size=row_group_rows)
    assert pq.ParquetFile(source).num_row_groups == -(-1_000 // row_group_rows)
    stats = payroll_file(source, target, chunk_rows=128)
    back = pq.read_table(target)
    assert back.schema.equals(expected.schema)
    assert back.equals(expected)
    assert stats.rows == 1_000
    assert stats.errors == 1_000 - expected.column("error_code").null_count > 0
    assert stats.scalar_rows == expected.column("route").to_pylist().count("scalar") > 0


def test_money_is_decimal_and_dates_are_date32_after_the_round_trip(tmp_path: Path, rows: Any,
                                                                   expected: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source)
    payroll_file(source, target)
    back = pq.read_table(target)
    for name in MONEY_COLUMNS:
        assert back.schema.field(name).type == pa.decimal128(12, 2), name
        assert back.column(name).equals(expected.column(name)), name
    for name in ("month", "resume_or_end_on"):
        assert back.schema.field(name).type == pa.date32(), name
    assert back.schema.field("route").type == pa.string()  # Spark has no dictionary type
    assert back.schema.field("warnings").type == pa.list_(pa.string())


def test_the_written_file_keeps_cents_as_integers_and_statistics_on_id_and_month(tmp_path: Path,
                                                                                rows: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source)
    payroll_file(source, target)
    group = pq.read_metadata(target).row_group(0)
    columns = {group.column(i).path_in_schema: group.column(i) for i in range(group.num_columns)}
    assert {columns[name].physical_type for name in MONEY_COLUMNS} == {"INT64"}
    assert columns["id"].is_stats_set and columns["month"].is_stats_set
    assert columns["month"].statistics.min <= columns["month"].statistics.max
    assert "RLE_DICTIONARY" in columns["route"].encodings
    assert columns["gross_salary"].compression == "SNAPPY"


def test_polars_and_pandas_read_the_money_back_as_decimal(tmp_path: Path, rows: Any,
                                                                 expected: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source)
    payroll_file(source, target)
    want = expected.column("net_salary").to_pylist()
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(target)
    assert frame.schema["net_salary"] == pl.Decimal(12, 2) and frame.schema["month"] == pl.Date
    assert frame["net_salary"].to_list() == want
    pd = pytest.importorskip("pandas")
    data = pd.read_parquet(target, dtype_backend="pyarrow")
    assert data.dtypes["net_salary"] == pd.ArrowDtype(pa.decimal128(12, 2))
    assert data.dtypes["month"] == pd.ArrowDtype(pa.date32())
    assert [None if pd.isna(v) else v for v in data["net_salary"]] == want


def test_an_empty_file_gives_an_empty_file_with_the_output_schema(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    empty = random_rows(10, seed=1).slice(0, 0)
    pq.write_table(empty, source)
    stats = payroll_file(source, target)
    back = pq.read_table(target)
    assert stats == PayrollStats()
    assert back.num_rows == 0 and back.schema.equals(output_schema(pa.int64()))
    assert back.schema.equals(payroll(empty).schema)


def test_an_empty_csv_gives_a_csv_with_the_output_header(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.csv", tmp_path / "paie.csv"
    source.write_text("hourly_rate,weeks,month,mon\n", "utf-8")
    assert payroll_file(source, target).rows == 0
    header = [f'"{n}"' for n in output_schema().names]  # lists and structures as JSON text
    assert target.read_text("utf-8").splitlines()[0].split(",") == header


def test_a_csv_in_several_batches_keeps_its_rows_in_order(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.csv", tmp_path / "paie.parquet"
    lines = ["id,hourly_rate,weeks,month,mon,tue"]
    lines += [f"r{i},{4 + i % 3}.00,52,2025-0{1 + i % 9},9,{'abc' if i % 50 == 7 else 9}" for i in range(700)]
    source.write_text("\n".join(lines) + "\n", "utf-8")
    stats = payroll_file(source, target, chunk_rows=64)
    back = pq.read_table(target)
    assert back.column("id").to_pylist() == [f"r{i}" for i in range(700)]
    assert stats.rows == 700 and stats.errors == 14 == 700 - back.column("error_code").null_count
    # 18 h a week × 52 / 12 = 78 h a month, at 4.00 €
    assert back.column("base_salary")[0].as_py() == pa.scalar(312, pa.decimal128(12, 2)).as_py()


def test_the_progress_bar_ends_at_every_row(tmp_path: Path, rows: Any, expected: Any) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    pq.write_table(rows, source, row_group_size=300)
    shown = io.StringIO()
    stats = payroll_file(source, target, chunk_rows=128, progress=True, stream=shown)
    last = shown.getvalue().rstrip("\n").split("\r")[-1]
    errors = 1_000 - expected.column("error_code").null_count
    assert last.startswith("[" + "#" * 30 + "] 100% 1 000 lignes") and last.endswith(f" {errors} erreurs")
    assert stats.rows == 1_000


# --- errors propagate ----------------------------------------------------------------------------


def test_a_bad_parquet_file_raises_without_hanging(tmp_path: Path) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.parquet"
    source.write_bytes(b"PAR1" + b"\x00" * 64 + b"PAR1")
    raised = finishes(lambda: payroll_file(source, target))
    assert isinstance(raised, UnreadableFile) and isinstance(raised.__cause__, pa.ArrowException | OSError)
    assert no_pipeline_threads_left()


def test_an_error_reading_in_the_middle_of_the_file_is_raised(tmp_path: Path, rows: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(path: Path, batch_rows: int, **dialect: bool) -> Iterator[Any]:
        yield from rows.to_batches(max_chunksize=100)[:3]
        raise OSError("disque illisible")

    monkeypatch.setattr(bulk_files, "_read", failing)
    raised = finishes(lambda: payroll_file(tmp_path / "mois.parquet", tmp_path / "paie.parquet", chunk_rows=100))
    assert isinstance(raised, OSError) and str(raised) == "disque illisible"
    assert no_pipeline_threads_left()


def test_an_error_computing_is_raised_and_both_threads_stop(tmp_path: Path, rows: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "mois.parquet"
    pq.write_table(rows, source, row_group_size=50)
    compute = amcalc.bulk.compute_rows
    calls = iter(range(10**6))

    def failing(chunk: Any, scalar: Any, extra: Any) -> Any:
        if next(calls) == 5:
            raise RuntimeError("panne de calcul")
        return compute(chunk, scalar, extra)

    monkeypatch.setattr(amcalc.bulk, "compute_rows", failing)
    raised = finishes(lambda: payroll_file(source, tmp_path / "paie.parquet", chunk_rows=50))
    assert isinstance(raised, RuntimeError) and str(raised) == "panne de calcul"
    assert no_pipeline_threads_left()


def test_an_error_writing_is_raised_without_hanging(tmp_path: Path, rows: Any) -> None:
    source = tmp_path / "mois.parquet"
    pq.write_table(rows, source, row_group_size=50)
    raised = finishes(lambda: payroll_file(source, tmp_path / "absent" / "paie.parquet", chunk_rows=50))
    assert isinstance(raised, bulk_files.UnwritableFile), raised
    assert no_pipeline_threads_left()


# --- bad input files: a typed error, no output; bad cells: an error in their row -------------------

CSV_HEADER = "id,hourly_rate,weeks,start,am_ge,month,mon,tue"


def csv_rows(n: int) -> list[str]:
    """n good CSV rows: 9 h Mon and Tue, 52 weeks, 4.00 € (78 h a month: 312.00 €)."""
    return [f"r{i},4.00,52,2024-11-04,{'true' if i % 2 else 'false'},2025-03,9,9" for i in range(n)]


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    return written(path, ("\n".join(lines) + "\n").encode(encoding))


def parquet_of(path: Path, rows: Any) -> Path:
    pq.write_table(rows, path, row_group_size=100)
    return path


def damaged_row_group(path: Path, rows: Any) -> Path:
    """A Parquet file of 10 row groups of 100 rows whose 6th row group's page headers are overwritten."""
    data = bytearray(parquet_of(path, rows).read_bytes())
    group = pq.read_metadata(path).row_group(5)
    for i in range(group.num_columns):
        column = group.column(i)
        start = column.dictionary_page_offset or column.data_page_offset
        data[start:start + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    return path


UNREADABLE: dict[str, tuple[str, Callable[[Path, Any], Path], list[str]]] = {
    # case: (file name, how to make it, what the message says)
    "truncated parquet": ("mois.parquet",
                          lambda p, rows: written(p, parquet_of(p, rows).read_bytes()[:5_000]),
                          ["mois.parquet n'est pas un fichier Parquet lisible : fichier tronqué, abîmé ou d'un "
                           "autre format (pyarrow : "]),
    "text named .parquet": ("mois.parquet", lambda p, rows: write_csv(p, [CSV_HEADER, *csv_rows(3)]),
                            ["n'est pas un fichier Parquet lisible", "magic bytes"]),
    "empty parquet": ("mois.parquet", lambda p, rows: written(p, b""),
                      ["n'est pas un fichier Parquet lisible", "0 bytes"]),
    "damaged row group": ("mois.parquet", damaged_row_group,
                          ["mois.parquet : groupe de lignes 6 sur 10 (lignes 501 à 600) illisible, fichier "
                           "tronqué ou abîmé (pyarrow : "]),
    "empty csv": ("mois.csv", lambda p, rows: written(p, b""),
                  ["mois.csv est vide : sa première ligne doit nommer les colonnes"]),
    "short csv line": ("mois.csv", lambda p, rows: write_csv(p, [CSV_HEADER, *csv_rows(400), "r,4.00,52",
                                                                 *csv_rows(400)]),
                       ["mois.csv : une ligne a 3 champ(s) au lieu des 8 de l'en-tête, 'r,4.00,52'"]),
    "latin-1 csv": ("mois.csv", lambda p, rows: write_csv(p, [CSV_HEADER, *csv_rows(5), "r,4.00,52,,,2025-03,9,été"],
                                                          "latin-1"),
                    ["mois.csv n'est pas encodé en UTF-8 (colonne tue) : enregistrez-le en UTF-8"]),
    "semicolons": ("mois.csv", lambda p, rows: write_csv(p, [CSV_HEADER.replace(",", ";"), "r;4,00;52"]),
                   ["mois.csv : les colonnes doivent être séparées par des virgules, pas par des points-virgules (un CSV "
                    "d'Excel en français se lit avec --excel)."]),
    "missing file": ("absent.parquet", lambda p, rows: p, ["absent.parquet est introuvable."]),
}


def no_output_left(folder: Path, target: Path) -> bool:
    return not target.exists() and not list(folder.glob(".*.part"))


@pytest.mark.parametrize("case", UNREADABLE)
def test_an_unreadable_file_raises_a_typed_error_and_leaves_no_output(tmp_path: Path, rows: Any,
                                                                       case: str) -> None:
    name, make, says = UNREADABLE[case]
    source, target = make(tmp_path / name, rows), tmp_path / "paie.parquet"
    raised = finishes(lambda: payroll_file(source, target, chunk_rows=100))
    assert isinstance(raised, UnreadableFile), raised
    assert (raised.code, raised.field) == ("unreadable_file", "input")
    assert all(words in raised.message for words in says), raised.message
    assert no_output_left(tmp_path, target) and no_pipeline_threads_left()


@pytest.mark.parametrize("case", UNREADABLE)
def test_the_command_prints_the_code_and_the_french_message(tmp_path: Path, rows: Any, case: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    name, make, says = UNREADABLE[case]
    source, target = make(tmp_path / name, rows), tmp_path / "paie.csv"
    assert main(["payroll", str(source), "-o", str(target), "--processes", "0"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("amcalc payroll: unreadable_file: input : ") and err.count("\n") == 1
    assert all(words in err for words in says), err
    assert "Traceback" not in err and no_output_left(tmp_path, target)


def test_a_damaged_row_group_after_written_batches_keeps_the_earlier_output(tmp_path: Path, rows: Any,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "paie.parquet"
    target.write_bytes(b"resultat precedent")
    source = damaged_row_group(tmp_path / "mois.parquet", rows)
    written: list[int] = []
    write = bulk_files._Sink.write

    def counted(sink: Any, batch: Any) -> None:
        write(sink, batch)
        written.append(batch.num_rows)

    monkeypatch.setattr(bulk_files._Sink, "write", counted)
    raised = finishes(lambda: payroll_file(source, target, chunk_rows=100, threads=1))
    assert isinstance(raised, UnreadableFile) and "groupe de lignes 6 sur 10" in raised.message
    assert sum(written) >= 100  # rows before the damaged group were computed and written…
    assert target.read_bytes() == b"resultat precedent"  # …to a file that is not the target
    assert not list(tmp_path.glob(".*.part"))


def test_a_csv_bad_cell_is_an_error_in_its_row_and_every_other_row_is_computed(tmp_path: Path) -> None:
    lines = csv_rows(1_500)
    lines[700] = "r700,4.00,52,2024-13-01,false,2025-03,9,9"  # no 13th month
    lines[900] = "r900,4.00,cinquante-deux,2024-11-04,false,2025-03,9,9"
    lines[1_400] = "r1400,4.00,52,2024-11-04,oui,2025-03,9,9"
    source, target = write_csv(tmp_path / "mois.csv", [CSV_HEADER, *lines]), tmp_path / "paie.parquet"
    stats = payroll_file(source, target, chunk_rows=128)
    back = pq.read_table(target)
    assert stats.rows == 1_500 and stats.errors == 3
    assert back.column("id").to_pylist() == [f"r{i}" for i in range(1_500)]
    errors = {i: (r["error_code"], r["error_field"], r["error_message"])
              for i, r in enumerate(back.select(["error_code", "error_field", "error_message"]).to_pylist())
              if r["error_code"] is not None}
    assert errors == {
        700: ("invalid_input", "start", "date impossible : '2024-13-01'."),
        900: ("invalid_input", "weeks", "un nombre entier est attendu, pas 'cinquante-deux'."),
        1_400: ("invalid_input", "am_ge", "vrai ou faux est attendu (true, false, 1 ou 0), pas 'oui'."),
    }
    gross = back.column("gross_salary").to_pylist()
    assert {gross[i] for i in range(1_500) if i not in errors} == {pa.scalar(312, pa.decimal128(12, 2)).as_py()}


def test_the_command_computes_a_csv_with_a_bad_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = csv_rows(10)
    lines[4] = "r4,4.00,52,04/11/2024,false,2025-03,9,9"
    source, target = write_csv(tmp_path / "mois.csv", [CSV_HEADER, *lines]), tmp_path / "paie.csv"
    assert main(["payroll", str(source), "-o", str(target), "--processes", "0"]) == 0
    assert capsys.readouterr().out.startswith("10 rows, 1 errors")
    back = pv.read_csv(target).to_pylist()
    assert (back[4]["error_field"], back[4]["error_message"]) == (
        "start", "date attendue au format AAAA-MM-JJ, pas '04/11/2024'.")
    assert [r["error_code"] for r in back] == [""] * 4 + ["invalid_input"] + [""] * 5


def test_a_csv_id_is_copied_as_written(tmp_path: Path) -> None:
    # leading zeros kept; a number then a text in the same column does not stop the run
    lines = [line.replace("r0,", "00042,").replace("r1,", "7,").replace("r2,", "A-7,") for line in csv_rows(3)]
    source, target = write_csv(tmp_path / "mois.csv", [CSV_HEADER, *lines]), tmp_path / "paie.parquet"
    payroll_file(source, target)
    assert pq.read_table(target).column("id").to_pylist() == ["00042", "7", "A-7"]


def test_an_id_csv_cannot_hold_is_refused_not_altered(tmp_path: Path, rows: Any,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "mois.parquet", tmp_path / "paie.csv"
    pq.write_table(rows.set_column(0, "id", pa.array([[i] for i in range(1_000)])), source)
    raised = finishes(lambda: payroll_file(source, target))
    assert isinstance(raised, InvalidInput) and not isinstance(raised, UnreadableFile)
    assert (raised.code, raised.field) == ("invalid_input", "id")
    assert raised.message.startswith("un id de type list<element: int64> ne s'écrit pas en CSV : écrivez")
    assert main(["payroll", str(source), "-o", str(target), "--processes", "0"]) == 2
    assert capsys.readouterr().err.startswith("amcalc payroll: invalid_input: id : un id de type list")
    assert no_output_left(tmp_path, target)
    payroll_file(source, tmp_path / "paie.parquet")  # Parquet holds it
    assert pq.read_table(tmp_path / "paie.parquet").column("id").to_pylist()[:2] == [[0], [1]]


# --- CSV: events and carried counters as JSON cells ---------------------------------------------

FOUR_DAYS_HEADER = "id,hourly_rate,weeks,start,month,mon,tue,thu,fri,absences,illness_ledger"


def four_days(id_: str, month: str, absences: str, ledger: str = "") -> str:
    """A CSV line: Mon, Tue, Thu, Fri 10 h at 4.00 €, 52 weeks, hired 4 Nov 2024 (693.33 € a month)."""
    return ",".join([id_, "4.00", "52", "2024-11-04", month, "10", "10", "10", "10", csv_quoted(absences),
                     csv_quoted(ledger)])


def csv_quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if text else ""


def ill(month: str, *days: int) -> str:
    return json.dumps([{"date": f"{month}-{d:02}", "cause": "child_illness_certified"} for d in days])


def test_a_csv_gives_its_absences_as_json_cells(tmp_path: Path) -> None:
    # zen-avec-mon-assmat, Dec 2024 (as tests/test_bulk.py): the Christmas week unpaid,
    # 693.33 € × 40 h / 180 h = 154.07 €; hours as text, as a JSON number, or the whole day
    absences = ('[{"date": "2024-12-23", "cause": "unpaid_leave"}, {"date": "2024-12-24", "cause": "unpaid_leave",'
                ' "hours": "10"}, {"date": "2024-12-26", "cause": "unpaid_leave", "hours": 10},'
                ' {"date": "2024-12-27", "cause": "unpaid_leave", "hours": 10.0}]')
    source = write_csv(tmp_path / "mois.csv", [FOUR_DAYS_HEADER, four_days("lea", "2024-12", absences)])
    assert main(["payroll", str(source), "-o", str(tmp_path / "paie.csv"), "--processes", "0"]) == 0
    got = pv.read_csv(tmp_path / "paie.csv").to_pylist()[0]
    assert (got["route"], got["error_code"]) == ("vector", None)
    assert (got["absence_deduction"], got["gross_salary"], got["declared_hours"]) == (154.07, 539.26, 135)


def test_a_csv_month_hands_its_counters_to_next_months_csv(tmp_path: Path) -> None:
    # art. 105, 5 short days a contract year (as tests/test_bulk.py): ill Mon 3 and Tue 4 March,
    # 693.33 € × 20 h / 170 h = 81.57 €; ill 7, 8, 10, 11 April, 3 days still unpaid:
    # 693.33 € × 30 h / 170 h = 122.35 € (163.14 € if the counters started again from zero)
    march = write_csv(tmp_path / "mars.csv", [FOUR_DAYS_HEADER, four_days("lea", "2025-03", ill("2025-03", 3, 4))])
    payroll_file(march, tmp_path / "paie-mars.csv")
    paid = pv.read_csv(tmp_path / "paie-mars.csv", convert_options=pv.ConvertOptions(
        column_types={"illness_ledger": pa.string()})).to_pylist()[0]
    assert paid["absence_deduction"] == 81.57
    ledger = paid["illness_ledger"]
    assert ledger == ('{"years":[{"year_start":"2024-11-04","short_days":2,"long_absence":null}],'
                      '"open_start":null,"open_last":null}')
    april = write_csv(tmp_path / "avril.csv", [FOUR_DAYS_HEADER,
                                               four_days("lea", "2025-04", ill("2025-04", 7, 8, 10, 11), ledger)])
    payroll_file(april, tmp_path / "paie-avril.parquet")
    got = pq.read_table(tmp_path / "paie-avril.parquet").to_pylist()[0]
    assert (got["route"], got["absence_deduction"]) == ("vector", Decimal("122.35"))
    assert got["illness_ledger"]["years"] == [{"year_start": date(2024, 11, 4), "short_days": 5,
                                               "long_absence": None}]


def test_a_bad_json_cell_is_an_error_in_its_row(tmp_path: Path) -> None:
    bad = {
        1: ('[{"date": "2025-03-32", "cause": "unpaid_leave"}]',
            ("absences[0].date", "date impossible : '2025-03-32'.")),
        3: ('[{"date": "2025-03-10", "cause": "unpaid_leave"}',
            ("absences", "JSON illisible au caractère 49 : "
                         "'[{\"date\": \"2025-03-10\", \"cause\": \"unpaid_leave\"}'.")),
        4: ('[{"day": "2025-03-10", "cause": "unpaid_leave"}]',
            ("absences[0]", "un objet { } de clés date, hours, cause est attendu, pas "
                            "{'day': '2025-03-10', 'cause': 'unpaid_leave'}.")),
        6: ('{"date": "2025-03-10", "cause": "unpaid_leave"}',
            ("absences", "une liste [ … ] est attendue, pas {'date': '2025-03-10', 'cause': 'unpaid_leave'}.")),
        7: ('[{"date": "2025-03-10", "cause": "grasse_matinee"}]',  # JSON, but month_pay refuses it
            ("absences.cause", "'grasse_matinee' inconnu")),
    }
    lines = [four_days(f"r{i}", "2025-03", bad[i][0] if i in bad else "") for i in range(9)]
    source = write_csv(tmp_path / "mois.csv", [FOUR_DAYS_HEADER, *lines])
    stats = payroll_file(source, tmp_path / "paie.parquet")
    back = pq.read_table(tmp_path / "paie.parquet").to_pylist()
    assert stats.errors == len(bad)
    for i, row in enumerate(back):
        if i in bad:
            field, message = bad[i][1]
            assert (row["error_code"], row["error_field"]) == ("invalid_input", field)
            assert row["error_message"].startswith(message) and row["gross_salary"] is None
        else:  # 170 h in March 2025: the month's salary
            assert (row["error_code"], row["gross_salary"]) == (None, Decimal("693.33"))


@pytest.mark.parametrize(("column", "text", "field", "message"), [
    ("illness_ledger", '{"years": [{"year_start": "2024-11-04", "short_days": "2"}]}',
     "illness_ledger.years[0].short_days", "un nombre entier est attendu, pas '2'."),
    ("illness_ledger", '{"years": [{"year_start": "2024-11-04", "short_days": 4294967296}]}',
     "illness_ledger.years[0].short_days", "un nombre entier est attendu, pas 4294967296."),
    ("absences", '[{"date": "2025-03-10", "cause": "unpaid_leave", "hours": true}]',
     "absences[0].hours", "un texte ou un nombre est attendu, pas True."),
    ("worked_hours", '[{"week": 20250310, "hours": "50"}]',
     "worked_hours[0].week", "date attendue au format AAAA-MM-JJ, pas 20250310."),
    ("non_care_weeks", '["2025-08-04", "2025-08-11", "2025-8-18"]',
     "non_care_weeks[2]", "date attendue au format AAAA-MM-JJ, pas '2025-8-18'."),
])
def test_a_json_cell_not_of_its_type_names_the_place(column: str, text: str, field: str, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        json_cell(column, text)
    assert (raised.value.field, raised.value.message) == (field, message)


def test_a_json_cell_reads_numbers_exactly_and_blank_as_none() -> None:
    assert json_cell("worked_hours", '[{"week": "2025-03-10", "hours": 0.1}]') == [
        {"week": date(2025, 3, 10), "hours": "0.1"}]
    assert json_cell("absences", "  ") is None and json_cell("absences", "null") is None
    assert json_cell("hourly_rate", "[1]") == "[1]"  # not a JSON column: as it is


def as_csv_text(table: Any) -> Any:
    """``table`` as a CSV gives it: every column text, lists and structures as JSON cells."""
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        column = column.combine_chunks()
        if field.name == "month" and pa.types.is_date32(field.type):
            columns.append(pc.strftime(column.cast(pa.timestamp("s")), "%Y-%m"))
        elif pa.types.is_nested(field.type):
            columns.append(as_json(column))
        else:
            columns.append(column.cast(pa.string()))
    return pa.table(columns, names=table.schema.names)


def test_json_cells_give_the_same_results_as_arrow_lists(rows: Any, expected: Any) -> None:
    # every column of the realistic mix as text, events as JSON: the same cents, warnings and
    # errors, on both routes (every tenth row takes the scalar route, which reads the JSON itself)
    got = payroll(as_csv_text(rows), chunk_rows=128)
    assert got.column("id").to_pylist() == [str(i) for i in expected.column("id").to_pylist()]
    assert got.drop_columns(["id"]).equals(expected.drop_columns(["id"]))
    assert "scalar" in got.column("route").to_pylist()


def test_warnings_and_carried_weeks_are_json_text_in_a_csv(tmp_path: Path) -> None:
    # a week of 50 h (five days of 10 h): the art. 96 warning, and the week carried for the
    # 4-month average, both as JSON text that next month's CSV reads back
    header = "id,hourly_rate,weeks,start,month,mon,tue,wed,thu,fri,worked_hours"
    week = csv_quoted('[{"week": "2025-03-10", "hours": "50"}]')
    source = write_csv(tmp_path / "mois.csv", [header, f"a,4.00,52,2024-11-04,2025-03,9,9,9,9,9,{week}"])
    payroll_file(source, tmp_path / "paie.csv")
    got = pv.read_csv(tmp_path / "paie.csv", convert_options=pv.ConvertOptions(
        column_types={"warnings": pa.string(), "recent_weeks": pa.string()})).to_pylist()[0]
    assert json.loads(got["recent_weeks"]) == [{"week": "2025-03-10", "seconds": 50 * 3600}]
    assert [w[:35] for w in json.loads(got["warnings"])] == ["Semaine du 10/03/2025 : 50,00 h de "]
    assert json_cell("recent_weeks", got["recent_weeks"]) == [{"week": date(2025, 3, 10), "seconds": 180000}]


# --- memory: a bounded number of batches in flight (counted, not timed) ---------------------------


def test_reading_runs_at_most_a_few_batches_ahead_of_writing(tmp_path: Path, rows: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    batches = rows.to_batches(max_chunksize=20)  # 50 batches
    read, written, ahead = [0], [0], []

    def counted(path: Path, batch_rows: int, **dialect: bool) -> Iterator[Any]:
        for batch in batches:
            read[0] += 1
            yield batch

    write = bulk_files._Sink.write

    def slow_write(sink: Any, batch: Any) -> None:
        ahead.append(read[0] - written[0])
        time.sleep(0.005)  # a slow disk: an unbounded reader would run to the end meanwhile
        write(sink, batch)
        written[0] += 1

    monkeypatch.setattr(bulk_files, "_read", counted)
    monkeypatch.setattr(bulk_files._Sink, "write", slow_write)
    stats = payroll_file(tmp_path / "mois.parquet", tmp_path / "paie.parquet", chunk_rows=20, threads=2)
    assert stats.rows == 1_000 and written[0] == len(batches) == 50
    # queued to read, held by the reader and by the chunker, in the pool, queued to write, being written
    bound = READ_AHEAD + 1 + 1 + 2 * 2 + WRITE_BEHIND + 1
    assert max(ahead) <= bound < 50
