"""Each command on the bundled example files: its ``--json`` output is the Python API's
result; bad input exits 2 with a message naming the file or the key, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import amcalc
from amcalc import Absence, Contract, mensualise, month_pay, settlement
from amcalc.cli import main
from amcalc.paid_leave import acquired_leave_between, leave_indemnity
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd, regularisation

EXAMPLES = Path(amcalc.__file__).parent / "examples"
FILES = [EXAMPLES / "contrat-lea.toml", EXAMPLES / "contrat-lea.json"]
SRC = str(Path(amcalc.__file__).parent.parent)

# The example written out with the Python API, independently of the file readers.
LEA = Contract.from_schedule(hourly_rate="4.20", weeks=36, start=date(2025, 9, 1), maintenance_per_hour="0.45",
                             schedule={"mon": "08:00-18:00", "tue": "08:00-18:00", "thu": "08:00-18:00",
                                       "fri": "08:00-17:00"})


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.suffix)
def test_mensualisation(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "mensualisation", str(path)) == mensualise(LEA).to_dict()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.suffix)
def test_month(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = month_pay(LEA, "2025-11", absences=[Absence.of(date(2025, 11, 20), "unpaid_leave")],
                         worked_weeks={date(2025, 11, 24): "44"})
    assert run_json(capsys, "month", str(path)) == expected.to_dict()


def test_month_options_add_events(capsys: pytest.CaptureFixture[str]) -> None:
    got = run_json(capsys, "month", str(FILES[0]), "--month", "2025-12", "--absence", "2025-12-04:unpaid_leave:3",
                   "--worked-week", "2025-12-08=41")
    expected = month_pay(LEA, "2025-12", absences=[Absence.of(date(2025, 12, 4), "unpaid_leave", "3")],
                         worked_weeks={date(2025, 12, 8): "41"})
    assert got == expected.to_dict()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.suffix)
def test_settlement(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = settlement(
        LEA, reason="withdrawal", sent=date(2026, 6, 1), total_gross="4720.00",
        leave=LeaveOwedAtEnd(completed=LeaveOwed(days=23, reference_gross=Decimal("4422.60")),
                             current=LeaveOwed(days=2, reference_gross=Decimal("245.70"))),
        regularisations=[regularisation(hourly_rate="4.20", hours_paid="1053", hours_due="1092")])
    assert run_json(capsys, "settlement", str(path)) == expected.to_dict()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.suffix)
def test_paid_leave(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acquisition = acquired_leave_between(date(2025, 9, 1), date(2026, 5, 31))
    indemnity = leave_indemnity(LEA, acquired_days=acquisition.acquired_days, reference_gross=Decimal("4422.60"))
    assert run_json(capsys, "paid-leave", str(path)) == {"acquisition": acquisition.to_dict(),
                                                          "indemnity": indemnity.to_dict()}
    # 9 months × 2.5 = 22.5 → 23 days; maintien 23/6 × 39 h × 4.20 = 627.90 beats 442.26
    assert (acquisition.acquired_days, indemnity.indemnity) == (23, Decimal("627.90"))


def test_french_output_is_the_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mensualisation", str(FILES[0])]) == 0
    assert capsys.readouterr().out.strip() == mensualise(LEA).explain()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"amcalc {amcalc.__version__}"


@pytest.mark.parametrize(("content", "name", "message"), [
    (None, "absent.toml", "fichier introuvable"),
    (b"[contract\n", "bad.toml", "TOML valide"),
    (b"\xff\xfe[contract]\n", "latin.toml", "UTF-8"),
    (b"x = " + b"[" * 900 + b"]" * 900, "deep.toml", "imbriqu"),
    (b'{"contract": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "deep.json", "imbriqu"),
    (b"{", "bad.json", "JSON valide"),
])
@pytest.mark.parametrize("command", ["demo", "mensualisation", "month", "settlement", "paid-leave"])
def test_unreadable_files_exit_2_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 command: str, content: bytes | None, name: str,
                                                 message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and message in err and "Traceback" not in err


def test_bad_value_exits_2_and_json_callers_get_the_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"contract": {"hourly_rate": "4.20", "weeks": 49, "weekly_hours": "40",
                                             "days_per_week": 4}}))
    assert main(["mensualisation", str(path), "--json"]) == 2
    out = capsys.readouterr().out
    assert json.loads(out)["error"]["field"] == "weeks"


def test_no_legal_value_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"  # a month of 2021: no CCN 3239 minimum in force yet
    path.write_text('[contract]\nhourly_rate = "4.20"\nweeks = 52\nschedule = { mon = "10" }\n'
                    '[month]\nmonth = "2021-03"\n')
    assert main(["month", str(path)]) == 1
    assert "parameter_unavailable" in capsys.readouterr().err


def test_a_closed_pipe_is_not_a_traceback() -> None:
    # `amcalc check --json … | head -1`: the reader goes away after one line
    cases = Path(__file__).parent.parent / "docs" / "examples" / "scenarios"
    process = subprocess.Popen([sys.executable, "-m", "amcalc", "check", "--json", str(cases), str(cases), str(cases)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={"PYTHONPATH": SRC})
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait() in (0, 1, 141) and "Traceback" not in err and "Exception" not in err


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["month", "--help"], ["check", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        for english in ("show this help", "usage:", "positional arguments", " the ", " a contract"):
            assert english not in out, (argv, english)


def test_every_key_of_a_month_from_a_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    contract = {"hourly_rate": "4.20", "weeks": 40, "start": "2025-09-01", "patterns": [
        {"weeks": 36, "schedule": {"mon": "9", "tue": "9", "thu": "9", "fri": "9"}},
        {"weeks": 4, "schedule": {"mon": "10", "tue": "10", "wed": "10"}}]}
    month = {"month": "2025-11", "worked_holidays": ["2025-11-11"], "meals": 8, "meal_price": "3.50",
             "kilometres": "12", "mileage_rate": "0.5", "worked_days": [{"date": "2025-11-13", "hours": "10"}],
             "rhythm_weeks": [{"week": w, "rhythm": 0} for w in ("2025-10-27", "2025-11-03", "2025-11-10",
                                                                  "2025-11-17", "2025-11-24")]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"contract": contract, "month": month}))
    expected = month_pay(
        Contract.from_dict(contract), "2025-11", worked_holidays=[date(2025, 11, 11)], meals=8, meal_price="3.50",
        kilometres="12", mileage_rate="0.5", worked_days={date(2025, 11, 13): "10"},
        rhythm_weeks={date(2025, 10, 27) + (date(2025, 11, 3) - date(2025, 10, 27)) * k: 0 for k in range(5)})
    got = run_json(capsys, "month", str(path))
    assert got == expected.to_dict()
    # 8 meals × 3.50 = 28.00; 12 km × 0.50 = 6.00 (art. 114.2, 57)
    assert (expected.meals, expected.mileage) == (Decimal("28.00"), Decimal("6.00"))


def test_a_defect_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from amcalc.commands import mensualisation as command

    def broken(args: object) -> int:
        raise TypeError("'<' not supported")

    monkeypatch.setattr(command, "run", broken)
    assert main(["mensualisation", str(FILES[0])]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "erreur interne (TypeError" in err and "Traceback" not in err


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe[[case]]\n", "UTF-8"),
    (b'[[case]]\nid = "x"\ncalc = "month"\ninput = { a = ' + b"[" * 900 + b"]" * 900 + b" }\nexpect = { a = 1 }\n",
     "nested too deep"),
])
def test_check_on_an_unreadable_scenario_file_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                content: bytes, message: str) -> None:
    path = tmp_path / "cases.toml"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and message in err
