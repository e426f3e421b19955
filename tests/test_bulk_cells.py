"""No cell can stop a bulk run (issue 15): every number is read with range
checks, every JSON cell with depth and size bounds, and anything outside is an
error in its row while every other row is computed — checked on the cells a
spreadsheet produces (``1E+30``, ``20255-03``) and by a fuzz test over every
input column, as text (a CSV) and as Arrow types (Parquet)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from amcalc.bulk import engine, payroll  # noqa: E402
from amcalc.bulk.json_cells import NESTED_COLUMNS  # noqa: E402
from amcalc.errors import AmcalcError  # noqa: E402

# 9 h on Monday and Tuesday, 52 weeks, 4.00 €: 78 h a month (9 h × 2 × 52 / 12), 312.00 € gross
GOOD = {"id": "ok", "hourly_rate": "4.00", "weeks": "52", "start": "2024-11-04", "month": "2025-03",
        "mon": "9", "tue": "9"}
GOOD_GROSS = Decimal("312.00")


def run(bad: dict[str, str]) -> Any:
    """A bad row between two good ones, all text as a CSV gives them."""
    columns = sorted(GOOD.keys() | bad.keys())
    rows = [GOOD, GOOD | bad | {"id": "bad"}, GOOD]
    return payroll(pa.table({c: pa.array([r.get(c) for r in rows], pa.string()) for c in columns}))


HOSTILE = {
    "spreadsheet scientific notation": ({"hourly_rate": "1E+30"}, "hourly_rate", "'1E+30' est hors bornes"),
    "typo in the year": ({"month": "20255-03"}, "month", "mois attendu au format AAAA-MM, pas '20255-03'"),
    "JSON nested 1 000 deep": ({"absences": "[" * 1000 + "]" * 1000}, "absences",
                               "JSON imbriqué sur plus de 4 niveaux"),
    "5 000-digit rate": ({"hourly_rate": "9" * 5000}, "hourly_rate", "un nombre de 5000 caractères est hors bornes"),
    "5 000-digit weeks": ({"weeks": "9" * 5000}, "weeks", "un nombre entier est attendu"),
    "5 000-digit hours in JSON": ({"absences": '[{"date": "2025-03-03", "cause": "unpaid_leave", "hours": '
                                               + "9" * 5000 + "}]"}, "absences[0].hours", "hors bornes"),
    "1e400 hours in JSON": ({"worked_hours": '[{"week": "2025-03-03", "hours": 1e400}]'}, "worked_hours[0].hours",
                            "'1E+400' est hors bornes"),
    "hours in scientific notation": ({"mon": "1E+30"}, "mon", "'1E+30' est hors bornes"),
    "huge JSON cell": ({"non_care_weeks": "[" + ", ".join(['"2025-03-03"'] * 20_000) + "]"}, "non_care_weeks",
                       "cellule JSON de 280000 caractères : au plus 100000"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_cell_is_an_error_in_its_row(case: str) -> None:
    bad, field, message = HOSTILE[case]
    result = run(bad)
    assert result.column("id").to_pylist() == ["ok", "bad", "ok"]
    assert result.column("error_code").to_pylist() == [None, "invalid_input", None]
    assert result.column("error_field")[1].as_py() == field
    assert message in result.column("error_message")[1].as_py()
    assert len(result.column("error_message")[1].as_py()) < 200
    assert result.column("gross_salary").to_pylist() == [GOOD_GROSS, None, GOOD_GROSS]


def test_a_date_beyond_the_year_9999_is_an_error_in_its_row() -> None:
    far = (date(9999, 12, 31) - date(1970, 1, 1)).days + 400  # date32 holds it, Python does not
    days = pa.array([(date(2024, 11, 4) - date(1970, 1, 1)).days, far, far - 10**6 * 4], pa.int32())
    table = pa.table({"id": ["ok", "bad", "worse"], "hourly_rate": ["4.00"] * 3, "weeks": [52] * 3,
                      "start": days.view(pa.date32()), "month": ["2025-03"] * 3, "mon": ["9"] * 3, "tue": ["9"] * 3})
    result = payroll(table)
    assert result.column("gross_salary").to_pylist()[0] == GOOD_GROSS
    assert result.column("error_code").to_pylist()[1:] == ["invalid_input", "invalid_input"]



@pytest.mark.parametrize("month", ["1899-12", "2200-01", "9999-12"])
@pytest.mark.parametrize("typed", [False, True])
def test_a_month_beyond_the_calendar_is_the_single_contract_error(month: str, typed: bool) -> None:
    # the public holidays are known from 1900 to 2199 (amcalc.inputs.FIRST_DATE, LAST_DATE): a month
    # outside is month_of_row's error in its row, not a row the engine could not place
    if typed:  # a date32 column, as Parquet gives it
        year, number = map(int, month.split("-"))
        rows = [GOOD | {"month": date(2025, 3, 1)}, GOOD | {"month": date(year, number, 1)}, GOOD | {"month": date(2025, 3, 1)}]
        result = payroll(pa.Table.from_pylist(rows))
    else:
        result = run({"month": month})
    with pytest.raises(AmcalcError) as expected:
        engine.month_of_row(GOOD | {"month": month})
    assert result.column("error_code").to_pylist() == [None, expected.value.code, None]
    assert result.column("error_field")[1].as_py() == "month"
    assert result.column("gross_salary").to_pylist() == [GOOD_GROSS, None, GOOD_GROSS]

# --- fuzz: every column, good and hostile cells ------------------------------------------------------

HOSTILE_TEXT = st.sampled_from([
    "", " ", "1E+30", "-1E+30", "1e-30", "9" * 5000, "-0", "NaN", "Infinity", "0x10", "1_000", "4,50", "٣",
    "20255-03", "2025-13", "0000-00", "9999-12", "2025-03-01", "2024-02-30", "99999-01-01", "=1+1", "\x00",
    "[" * 1000, "[" * 1000 + "]" * 1000, '{"years": ' * 10 + "1" + "}" * 10, "null", "true", "[]", "{}",
    '[{"date": "2025-03-03"}]', '[{"date": 20250303, "hours": 1e400, "cause": "unpaid_leave"}]',
    '[{"week": "2025-03-03", "hours": ' + "9" * 5000 + "}]", '[{"week": "2025-03-03", "seconds": -1}]',
    "08:30-18:30", "25:00-26:00", "99999999999999:00-1:00", "é" * 300,
])
GOOD_TEXT = {
    "hourly_rate": st.sampled_from(["4.00", "3.85", "12", "4,50"]), "weeks": st.sampled_from(["52", "46", "30"]),
    "start": st.sampled_from(["2024-11-04", "2025-03-10", ""]), "end": st.sampled_from(["", "2025-03-20"]),
    "month": st.sampled_from(["2025-03", "2025-04-01"]), "kind": st.sampled_from(["cdi", "occasional", ""]),
    "territory": st.sampled_from(["metropole", "moselle"]), "am_ge": st.sampled_from(["true", "0"]),
    "majorated_rate": st.just("0.25"), "complementary_rate": st.just("0.10"), "maintenance_per_hour": st.just("0.40"),
    **{d: st.sampled_from(["9", "08:30-18:30", ""]) for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
    "absences": st.just('[{"date": "2025-03-03", "cause": "unpaid_leave"}]'),
    "worked_hours": st.just('[{"week": "2025-03-03", "hours": "20"}]'),
    "non_care_weeks": st.just('["2025-03-10"]'), "worked_holidays": st.just('["2025-04-21"]'),
    "illness_ledger": st.just('{"years": [{"year_start": "2024-11-04", "short_days": 2}]}'),
    "recent_weeks": st.just('[{"week": "2025-02-24", "seconds": 72000}]'),
}
assert set(NESTED_COLUMNS) <= set(GOOD_TEXT)


REQUIRED = ("hourly_rate", "weeks", "month", "mon")  # a run without them is one error, not a row's


def text_rows() -> st.SearchStrategy[list[dict[str, str | None]]]:
    cell = {c: st.one_of(good, HOSTILE_TEXT, st.text(max_size=30), st.none()) for c, good in GOOD_TEXT.items()}
    return st.lists(st.fixed_dictionaries({c: cell[c] for c in REQUIRED},
                                          optional={c: v for c, v in cell.items() if c not in REQUIRED}),
                    min_size=1, max_size=12)


def no_lost_row(table: Any) -> None:
    n = table.num_rows
    table = table.append_column("id", pa.array([f"row{i}" for i in range(n)]))
    result = payroll(table, chunk_rows=5)
    assert result.num_rows == n
    assert result.column("id").to_pylist() == [f"row{i}" for i in range(n)]
    # every row is computed or has its error; none is a row the engine could not place
    assert "internal_error" not in result.column("error_code").to_pylist()
    computed = result.column("gross_salary").is_valid().to_pylist()
    errors = result.column("error_code").is_valid().to_pylist()
    assert [c != e for c, e in zip(computed, errors, strict=True)] == [True] * n


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_rows())
def test_no_text_cell_stops_a_run(rows: list[dict[str, str | None]]) -> None:
    columns = sorted({c for r in rows for c in r})
    no_lost_row(pa.table({c: pa.array([r.get(c) for r in rows], pa.string()) for c in columns}))


DAY = pa.date32()
DAYS = st.integers(-2**31, 2**31 - 1)  # every date32, far beyond Python's years 1 to 9999
ABSENCE = [("date", DAY), ("hours", pa.string()), ("cause", pa.string())]
WEEK = [("week", DAY), ("seconds", pa.int64())]
TYPED: dict[str, tuple[st.SearchStrategy[Any], pa.DataType]] = {
    # column: (values, Arrow type); dates drawn as int32 day numbers and cast
    "hourly_rate": (st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**30,
                                max_value=10**30), pa.decimal128(38, 4)),
    "maintenance_per_hour": (st.integers(-2**63, 2**63 - 1), pa.int64()),
    "weeks": (st.integers(-2**63, 2**63 - 1), pa.int64()),
    "start": (DAYS, DAY), "end": (DAYS, DAY), "month": (DAYS, DAY),
    "mon": (st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**30, max_value=10**30),
            pa.decimal128(38, 2)),
    "tue": (st.integers(-2**63, 2**63 - 1), pa.int64()),
    "am_ge": (st.booleans(), pa.bool_()),
    "absences": (st.lists(st.fixed_dictionaries({
        "date": DAYS, "hours": st.sampled_from([None, "3", "1E+30", "9" * 200]),
        "cause": st.sampled_from(["unpaid_leave", "child_illness_certified", "x"])}), max_size=3),
        pa.list_(pa.struct(ABSENCE))),
    "worked_holidays": (st.lists(DAYS, max_size=2), pa.list_(DAY)),
    "recent_weeks": (st.lists(st.fixed_dictionaries({"week": DAYS, "seconds": st.integers(-2**63, 2**63 - 1)}),
                              max_size=3), pa.list_(pa.struct(WEEK))),
}


def as_drawn(kind: pa.DataType) -> pa.DataType:
    """``kind`` with its dates as int32: the type the drawn day numbers are built in, then cast."""
    if kind == DAY:
        return pa.int32()
    if pa.types.is_list(kind):
        return pa.list_(as_drawn(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([f.with_type(as_drawn(f.type)) for f in kind])
    return kind


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.fixed_dictionaries({c: st.one_of(v, st.none()) for c, (v, _) in TYPED.items() if c in REQUIRED},
                                      optional={c: v for c, (v, _) in TYPED.items() if c not in REQUIRED}),
                min_size=1, max_size=8))
def test_no_typed_cell_stops_a_run(rows: list[dict[str, Any]]) -> None:
    columns = sorted({c for r in rows for c in r})
    no_lost_row(pa.table({c: pa.array([r.get(c) for r in rows], as_drawn(TYPED[c][1])).cast(TYPED[c][1])
                          for c in columns}))


def test_a_row_that_breaks_the_engine_is_isolated_in_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault no bound foresaw (here a row the engine raises on) costs that row only: the
    chunk is split until the row is alone, reported as ``internal_error``."""
    compute = engine.compute

    def breaks_on_boom(batch: Any, pool: Any) -> Any:
        if "boom" in batch.column("id").to_pylist():
            raise OverflowError("Python int too large to convert to C long")
        return compute(batch, pool)

    monkeypatch.setattr(engine, "compute", breaks_on_boom)
    ids = [f"r{i}" for i in range(37)]
    ids[23] = "boom"
    table = pa.table({c: [GOOD[c]] * len(ids) for c in GOOD if c != "id"}).append_column("id", pa.array(ids))
    result = payroll(table, chunk_rows=16)
    assert result.column("id").to_pylist() == ids
    assert result.column("error_code").to_pylist() == [None] * 23 + ["internal_error"] + [None] * 13
    assert result.column("gross_salary").to_pylist() == [GOOD_GROSS] * 23 + [None] + [GOOD_GROSS] * 13
    assert "Python" not in result.column("error_message")[23].as_py()
