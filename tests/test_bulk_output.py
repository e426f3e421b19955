"""Bulk payroll files a payroll service can trust (issue 15): the input is never
written — an output that is the input under any name is refused before anything
runs —, and an output that cannot be written is a typed error in French, with
the system's error code, leaving neither a partial file nor a ``.part``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from amcalc.bulk.files import UnwritableFile, payroll_file  # noqa: E402
from amcalc.cli import main  # noqa: E402

CSV = ("id,hourly_rate,weeks,start,am_ge,month,mon,tue\n"
       "r1,4.00,52,2024-11-04,false,2025-03,9,9\n"
       "r2,4.00,52,2024-11-04,false,2025-03,9,9\n")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "paie.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def same_file_names(source: Path) -> dict[str, Path]:
    folder = source.parent
    (folder / "lien.csv").symlink_to(source)
    os.link(source, folder / "dur.csv")
    return {"same path": source, "another spelling": folder / "." / source.name,
            "symbolic link": folder / "lien.csv", "hard link": folder / "dur.csv"}


@pytest.mark.parametrize("how", ["same path", "another spelling", "symbolic link", "hard link"])
def test_an_output_that_is_the_input_is_refused_and_the_input_kept(source: Path, how: str) -> None:
    target = same_file_names(source)[how]
    with pytest.raises(UnwritableFile) as raised:
        payroll_file(source, target)
    assert (raised.value.code, raised.value.field) == ("unwritable_file", "output")
    assert "est le fichier d'entrée paie.csv" in raised.value.message
    assert source.read_text(encoding="utf-8") == CSV
    assert not list(source.parent.glob(".*.part"))


def test_the_command_refuses_to_write_over_its_input(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["payroll", str(source), "-o", str(source), "--processes", "0", "-q"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("amcalc payroll: unwritable_file: output : paie.csv est le fichier")
    assert source.read_text(encoding="utf-8") == CSV


def test_a_missing_folder_is_a_french_error_with_its_code(source: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "absent" / "res.csv"
    assert main(["payroll", str(source), "-o", str(target), "--processes", "0", "-q"]) == 2
    err = capsys.readouterr().err
    assert err == (f"amcalc payroll: unwritable_file: output : res.csv n'a pas pu être écrit : le dossier "
                   f"{target.parent} n'existe pas (ENOENT).\n")
    assert "Errno" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_without_the_right_to_write(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ferme"
    folder.mkdir(mode=0o500)
    with pytest.raises(UnwritableFile, match=r"le droit d'écrire dans .*ferme manque \(EACCES\)"):
        payroll_file(source, folder / "res.parquet")


def test_a_failed_final_rename_leaves_no_part_file(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "res.csv"
    target.mkdir()  # a folder at the output's name: the rename fails
    with pytest.raises(UnwritableFile, match=r"res.csv n'a pas pu être écrit : res.csv est un dossier \(EISDIR\)"):
        payroll_file(source, target)
    assert target.is_dir() and not list(tmp_path.glob(".*.part"))


def test_a_full_disk_is_reported_and_cleaned(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FullDisk:
        """pyarrow's writer on a full disk: an OSError without errno, the number in its text."""

        def __init__(self, *args: object) -> None:
            pass

        def write_batch(self, batch: object) -> None:
            raise OSError("Error writing bytes to file. Detail: [errno 28] No space left on device")

        def close(self) -> None:
            pass

    monkeypatch.setattr(pa.csv, "CSVWriter", FullDisk)
    with pytest.raises(UnwritableFile, match=r"res.csv n'a pas pu être écrit : le disque est plein \(ENOSPC\)"):
        payroll_file(source, tmp_path / "res.csv")
    assert not (tmp_path / "res.csv").exists() and not list(tmp_path.glob(".*.part"))
