"""Run scenario files (format v1, ``../shared/spec/scenarios.md``) and report.

Every case runs; a failing case never stops the run. A file that is not valid
TOML or not valid v1 raises :class:`ScenarioFileError` (exit 2 in the CLI).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from amcalc.errors import AmcalcError
from amcalc.money import half_up_div
from amcalc.scenarios.calculations import CALCULATIONS, V1_CALCULATIONS

__all__ = ["CaseResult", "Mismatch", "ScenarioFileError", "collect_files", "load_cases", "run_case"]

_CASE_KEYS = {"id", "calc", "title", "source", "skip", "input", "expect"}


class ScenarioFileError(Exception):
    """A file that is not valid TOML or not valid scenario format v1."""

    def __init__(self, path: Path, key: str, message: str) -> None:
        super().__init__(f"{path}: {key}: {message}")
        self.path, self.key = path, key


@attrs.frozen
class Case:
    path: Path
    id: str
    calc: str
    input: Mapping[str, Any]
    expect: Mapping[str, Any]
    skip: str | None


@attrs.frozen
class Mismatch:
    key: str
    expected: str
    got: str


@attrs.frozen
class CaseResult:
    case: Case
    status: str  # "passed", "failed" or "skipped"
    mismatches: tuple[Mismatch, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.case.path), "id": self.case.id, "calc": self.case.calc,
            "status": self.status,
            "mismatches": [attrs.asdict(m) for m in self.mismatches],
        }


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and ``*.toml`` below folders named, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.toml")))
        elif path.exists():
            files.append(path)
        else:
            raise ScenarioFileError(path, "-", "no such file or folder")
    return files


def _reject_floats(path: Path, where: str, value: object) -> None:
    if isinstance(value, float):
        raise ScenarioFileError(path, where, "TOML floats are not allowed: write a string (\"3.85\")")
    if isinstance(value, Mapping):
        for k, v in value.items():
            _reject_floats(path, f"{where}.{k}", v)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _reject_floats(path, f"{where}[{i}]", v)


def load_cases(path: Path) -> list[Case]:
    """Parse and validate one scenario file."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ScenarioFileError(path, "-", f"not valid TOML ({err})") from None
    except UnicodeDecodeError as err:
        raise ScenarioFileError(path, "-", f"not UTF-8 (byte {err.start})") from None
    except RecursionError:
        raise ScenarioFileError(path, "-", "nested too deep") from None
    except OSError as err:
        raise ScenarioFileError(path, "-", f"cannot be read ({err.strerror})") from None
    extra = set(data) - {"case"}
    if extra:
        raise ScenarioFileError(path, sorted(extra)[0], "unknown top-level key (only [[case]])")
    raw_cases = data.get("case")
    if not isinstance(raw_cases, list) or not all(isinstance(c, dict) for c in raw_cases):
        raise ScenarioFileError(path, "case", "expected an array of [[case]] tables")
    cases, seen = [], set()
    for index, raw in enumerate(raw_cases):
        where = f"case[{index}]"
        unknown = set(raw) - _CASE_KEYS
        if unknown:
            raise ScenarioFileError(path, f"{where}.{sorted(unknown)[0]}", "unknown case key")
        for key, kind in (("id", str), ("calc", str), ("input", dict), ("expect", dict)):
            if not isinstance(raw.get(key), kind):
                raise ScenarioFileError(path, f"{where}.{key}", f"missing or not a {kind.__name__}")
        for key in ("title", "source", "skip"):
            if key in raw and not isinstance(raw[key], str):
                raise ScenarioFileError(path, f"{where}.{key}", "expected a string")
        if raw["id"] in seen:
            raise ScenarioFileError(path, f"{where}.id", f"duplicate id {raw['id']!r}")
        seen.add(raw["id"])
        if not raw["expect"]:
            raise ScenarioFileError(path, f"{where}.expect", "expects nothing")
        _reject_floats(path, f"{where}.input", raw["input"])
        _reject_floats(path, f"{where}.expect", raw["expect"])
        cases.append(Case(path, raw["id"], raw["calc"], raw["input"], raw["expect"], raw.get("skip")))
    return cases


def _show(value: object) -> str:
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}" if value.denominator != 1 else str(value.numerator)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return "(none)" if value is None else str(value)


def _matches(expected: object, got: object) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected == got
    if isinstance(expected, date):
        return isinstance(got, date) and expected == got
    if isinstance(expected, int):
        return isinstance(got, (int, Fraction, Decimal)) and Fraction(got) == expected
    if isinstance(expected, str):
        if isinstance(got, str):
            return expected == got
        if not isinstance(got, (int, Fraction, Decimal)):
            return False
        try:
            wanted = Decimal(expected)
        except ArithmeticError:
            return False
        places = max(0, -int(wanted.as_tuple().exponent))
        exact = Fraction(got) * 10**places
        return Fraction(half_up_div(exact.numerator, exact.denominator), 10**places) == Fraction(wanted)
    return expected == got


def _expected_error(case: Case, exc: AmcalcError | None) -> CaseResult:
    wanted = case.expect["error"]
    others = [k for k in case.expect if k != "error"]
    if others:
        return CaseResult(case, "failed", (Mismatch(others[0], "nothing beside error", "a figure"),))
    got = exc.code if exc is not None else "no error"
    if got == wanted:
        return CaseResult(case, "passed")
    return CaseResult(case, "failed", (Mismatch("error", str(wanted), got),))


def run_case(case: Case) -> CaseResult:
    """Run one case and compare every expected key."""
    if case.skip is not None:
        return CaseResult(case, "skipped")
    calculation = CALCULATIONS.get(case.calc)
    if calculation is None:
        got = "not implemented" if case.calc in V1_CALCULATIONS else f"unknown calc {case.calc!r}"
        return CaseResult(case, "failed", (Mismatch("calc", "a v1 calculation", got),))
    unknown = sorted(set(case.input) - calculation.inputs)
    if unknown:
        return CaseResult(case, "failed", (Mismatch(f"input.{unknown[0]}", "a v1 input key", "unknown key"),))
    try:
        figures = calculation.run(case.input)
    except AmcalcError as exc:
        if "error" in case.expect:
            return _expected_error(case, exc)
        return CaseResult(case, "failed", (Mismatch("error", "no error", f"{exc.code}: {exc}"),))
    except Exception as exc:  # a bug must fail its case, not the run
        return CaseResult(case, "failed", (Mismatch("error", "no error", f"{type(exc).__name__}: {exc}"),))
    if "error" in case.expect:
        return _expected_error(case, None)
    mismatches = []
    for key, expected in case.expect.items():
        if key not in calculation.figures:
            mismatches.append(Mismatch(key, _show(expected), "unknown expected key"))
        elif not _matches(expected, figures.get(key)):
            mismatches.append(Mismatch(key, _show(expected), _show(figures.get(key))))
    return CaseResult(case, "failed" if mismatches else "passed", tuple(mismatches))


def run_files(paths: Iterable[str | Path], calcs: Iterable[str] | None = None) -> Iterator[CaseResult]:
    """Run every case of the files (all validated first), optionally only some calcs."""
    selected = None if calcs is None else set(calcs)
    cases = [case for path in collect_files(paths) for case in load_cases(path)]
    for case in cases:
        if selected is None or case.calc in selected:
            yield run_case(case)
