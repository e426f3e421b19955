"""The family's columns of a bulk run equal the single API on every row: the CMG, the share
of contributions taken over, the family's cost and what remains, or the family error."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")
pc = pytest.importorskip("pyarrow.compute")

from amcalc.bulk import payroll  # noqa: E402
from amcalc.bulk.bench import random_rows  # noqa: E402
from amcalc.bulk.engine import month_of_row  # noqa: E402
from amcalc.errors import AmcalcError  # noqa: E402
from amcalc.family import Care, Child, ChildcareCost, Household, family_month  # noqa: E402

FAMILY = ("cmg", "contributions_taken_over", "family_cost", "remains", "family_error_code")


def household_columns(n: int, seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    born = [date(2014, 1, 1) + (date(2026, 6, 1) - date(2014, 1, 1)) * float(x) for x in rng.random(n)]
    return {
        "resources": [str(Decimal(int(x)) / 100) for x in rng.integers(0, 15_000_000, n)],
        "children": rng.integers(1, 11, n).tolist(),
        "child_born": [date(d.year, d.month, min(d.day, 28)) for d in born],
        "single_parent": (rng.random(n) < 0.2).tolist(),
        "aeeh": (rng.random(n) < 0.05).tolist(),
        "employer_aid": [str(Decimal(int(x)) / 100) for x in rng.choice([0, 0, 0, 5000, 20000], n)],
    }


def expected(row: dict[str, Any]) -> dict[str, Any]:
    """The family's figures of a row by the single API: its month, then its family month."""
    try:
        pay = month_of_row(row)
    except AmcalcError:
        return {name: None for name in FAMILY}
    try:
        household = Household.of(resources=row["resources"], dependent_children=row["children"],
                                 single_parent=row["single_parent"], aeeh_children=int(row["aeeh"]))
        child = Child.of(born=row["child_born"])
        month = family_month(household, [Care(child, ChildcareCost.of_month(pay), row["employer_aid"])],
                             (pay.year, pay.month))
    except AmcalcError as err:
        return {"cmg": None, "contributions_taken_over": None, "family_cost": None, "remains": None,
                "family_error_code": err.code}
    share = month.children[0].cmg.contributions_taken_over
    return {"cmg": month.cmg, "family_cost": month.cost, "remains": month.remains, "family_error_code": None,
            "contributions_taken_over": (Decimal(share.numerator) / share.denominator).quantize(Decimal("0.0001"))}


def test_bulk_family_columns_equal_the_single_api() -> None:
    n = 1500
    table = random_rows(n, seed=11)
    for name, values in household_columns(n, seed=12).items():
        table = table.append_column(name, pa.array(values))
    result = payroll(table, chunk_rows=500)
    rows, got = table.to_pylist(), result.to_pylist()
    kinds = {"vector": 0, "scalar": 0, "error": 0}
    for row, out in zip(rows, got, strict=True):
        want = expected(row)
        assert {k: out[k] for k in FAMILY} == want, row
        kinds["error" if out["family_error_code"] else "vector" if out["contributions_taken_over"] == 1 else
              "scalar"] += 1
    # the sample reaches every kind of row: fully covered, partly covered or not eligible, refused
    assert min(kinds.values()) > 0, kinds


def test_household_cells_as_text_and_errors_in_their_row() -> None:
    base = {"hourly_rate": "4.85", "weeks": "52", "mon": "10", "tue": "10", "thu": "10", "fri": "10",
            "month": "2025-10"}
    rows = [
        {**base, "resources": "36000.00", "children": "1", "child_born": "2024-03-15", "single_parent": "false"},
        {**base, "resources": "-5", "children": "1", "child_born": "2024-03-15", "single_parent": "false"},
        {**base, "resources": "36000.00", "children": "1", "child_born": "2024-02-30", "single_parent": ""},
        {**base, "resources": "", "children": "", "child_born": "", "single_parent": ""},
    ]
    result = payroll(pa.Table.from_pylist(rows)).to_pylist()
    # 173 h declared, net 656.73 + entretien: the CMG of the first row by the single API
    assert result[0]["cmg"] == expected({**rows[0], "weeks": 52, "children": 1, "single_parent": False,
                                         "aeeh": False, "employer_aid": "0", "child_born": date(2024, 3, 15)})["cmg"]
    assert [r["family_error_code"] for r in result] == [None, "invalid_input", "invalid_input", None]
    assert "resources" in result[1]["family_error_message"] and result[1]["gross_salary"] is not None
    assert result[3]["cmg"] is None and result[3]["net_salary"] is not None


def test_no_household_column_no_family_column() -> None:
    table = random_rows(10, seed=3)
    assert "cmg" not in payroll(table).schema.names


def households_of_every_kind(n: int, seed: int) -> dict[str, Any]:
    """Households of 1 to 4 children, born 2019–2026 (any day, 29 February included), a third
    single parents, a tenth with the AEEH, every cell as text, and a few cells that do not parse."""
    rng = np.random.default_rng(seed)
    born = [date(2019, 1, 1) + timedelta(days=int(x)) for x in rng.integers(0, 8 * 365 + 2, n)]
    resources = [str(Decimal(int(x)) / 100) for x in rng.integers(0, 12_000_000, n)]
    for i in rng.choice(n, n // 100, replace=False):
        resources[i] = rng.choice(["-5", "abc", "1e3"])
    return {
        "resources": resources,
        "children": [str(x) for x in rng.integers(1, 5, n)],
        "child_born": [d.isoformat() for d in born],
        "single_parent": ["true" if x else "false" for x in rng.random(n) < 0.3],
        "aeeh": ["1" if x else "" for x in rng.random(n) < 0.1],
        "employer_aid": [str(Decimal(int(x)) / 100) for x in rng.choice([0, 0, 0, 5000, 45000], n)],
    }


def test_family_columns_of_every_month_equal_the_single_api() -> None:
    # months 2023-01 to 2026-12, those of 2025 (the flat amounts until August, the effort rate
    # after, the months whose flat amounts are not held before April) taken more often
    table = random_rows(6000, seed=21)
    month = table.column("month").to_pylist()
    table = table.take(pa.array([i for i, m in enumerate(month) if m.year == 2025 or i < 1200]))
    # and the rare months paid without a day of activity declared (refused by the flat amounts)
    rare = random_rows(40_000, seed=5, rare=20)
    pay = payroll(rare)
    table = pa.concat_tables([table, rare.filter(pc.and_(pc.and_(
        pc.equal(pay.column("declared_days"), 0), pc.greater(pay.column("gross_salary"), 0)),
        pc.less(rare.column("month"), pa.scalar(date(2025, 9, 1)))))])
    for name, values in households_of_every_kind(table.num_rows, seed=22).items():
        table = table.append_column(name, pa.array(values))
    result = payroll(table, chunk_rows=700)
    seen: dict[tuple[str, str], int] = {}
    days_refused = False
    for row, out in zip(table.to_pylist(), result.to_pylist(), strict=True):
        want = single_api(row)
        assert {k: out[k] for k in want} == want, row
        rule = "flat" if (out["month"].year, out["month"].month) < (2025, 9) else "effort"
        kind = (out["family_error_code"] or ("none" if out["cmg"] is None else "taken over" if
                out["contributions_taken_over"] == 1 else "not taken over"))
        seen[rule, kind] = seen.get((rule, kind), 0) + 1
        days_refused = days_refused or "aucun jour d'activité" in (out["family_error_message"] or "")
    # every outcome of both rules: the CMG with the contributions, neither (pay above 5 × SMIC a
    # day, a child past 6), and each refusal (AEEH before September 2025, a month whose flat
    # amounts are not held, a child not yet born or a cell that does not parse)
    for rule, kind in [("flat", "taken over"), ("flat", "not taken over"), ("flat", "unsupported_case"),
                       ("flat", "parameter_unavailable"), ("flat", "invalid_input"), ("effort", "taken over"),
                       ("effort", "not taken over"), ("effort", "invalid_input")]:
        assert seen.get((rule, kind), 0) > 0, (rule, kind, seen)
    assert days_refused


def single_api(row: dict[str, Any]) -> dict[str, Any]:
    """A row's family figures, error code and message by the single API alone: the household
    as the scenario keys give it, the month of the contract, then :func:`family_month`."""
    none = {"cmg": None, "contributions_taken_over": None, "family_cost": None, "remains": None,
            "family_error_code": None, "family_error_message": None}
    try:
        pay = month_of_row(row)
    except AmcalcError:
        return none
    try:
        household = Household.from_mapping({
            "resources": row["resources"], "children": int(row["children"]),
            "single_parent": row["single_parent"] == "true", "aeeh": row["aeeh"] == "1"})
        child = Child.of(born=date.fromisoformat(row["child_born"]))
        month = family_month(household, [Care(child, ChildcareCost.of_month(pay), row["employer_aid"])],
                             (pay.year, pay.month))
    except AmcalcError as err:
        return {**none, "family_error_code": err.code, "family_error_message": str(err)}
    share = month.children[0].cmg.contributions_taken_over
    return {**none, "cmg": month.cmg, "family_cost": month.cost, "remains": month.remains,
            "contributions_taken_over": (Decimal(share.numerator) / share.denominator).quantize(Decimal("0.0001"))}


def test_flat_amount_months_worked_by_hand() -> None:
    """June 2025, the old barème (amounts of April 2025, CSS D531-17 and D531-18 in their former
    wording), every row within the daily cap: 840,67 € ÷ 18 days = 46,70 € ≤ 5 × 11,88 € = 59,40 €
    and 312,00 € ÷ 9 days = 34,67 €, so every contribution is taken over."""
    full = {"hourly_rate": "4.85", "weeks": "52", "mon": "10", "tue": "10", "thu": "10", "fri": "10",
            "month": "2025-06", "start": "2024-09-02", "single_parent": "false", "employer_aid": "0"}
    small = {**full, "hourly_rate": "4.00", "mon": "9", "tue": "9", "thu": "", "fri": ""}
    rows = [
        # a couple, 1 child born 2024-10-01 (under 3), 22 000 € ≤ 23 903 €: band 1, 538,28 €;
        # the cap, 85 % × (656,73 + 67,52) = 615,6125 €, does not bind: CMG 538,28 €,
        # cost 724,25 €, remains 724,25 − 538,28 = 185,97 €
        {**full, "resources": "22000.00", "children": "1", "child_born": "2024-10-01"},
        # the same family with 2 days a week: 85 % × (243,74 + 30,38) = 233,002 € < 538,28 €
        # binds: CMG 233,00 €, remains 274,12 − 233,00 = 41,12 €
        {**small, "resources": "22000.00", "children": "1", "child_born": "2024-10-01"},
        # a single parent, 30 000 €: the ceiling 23 903 × 1,40 = 33 464,2 → 33 464 € keeps band 1,
        # 699,76 €, capped at 615,61 €; remains 724,25 − 615,61 = 108,64 €
        {**full, "resources": "30000.00", "children": "1", "child_born": "2024-10-01", "single_parent": "true"},
        # a couple, 3 children, 70 000 € > 60 659 + 7 540 = 68 199 €: band 3; the child turns 3 on
        # 2025-06-20, still "under 3" in its birthday's month: 203,63 € (the 3–6 amount, 101,82 €,
        # from July); remains 724,25 − 203,63 − 50,00 (employer aid) = 470,62 €
        {**full, "resources": "70000.00", "children": "3", "child_born": "2022-06-20", "employer_aid": "50.00"},
    ]
    got = payroll(pa.Table.from_pylist(rows)).to_pylist()
    # the pay's figures the CMG is worked from (the month's net salary, entretien, gross and days)
    assert [(r["net_salary"], r["maintenance"], r["gross_salary"], r["declared_days"]) for r in got] == [
        (Decimal("656.73"), Decimal("67.52"), Decimal("840.67"), 18), (Decimal("243.74"), Decimal("30.38"),
                                                                      Decimal("312.00"), 9)] + [
        (Decimal("656.73"), Decimal("67.52"), Decimal("840.67"), 18)] * 2
    assert [(r["cmg"], r["contributions_taken_over"], r["family_cost"], r["remains"]) for r in got] == [
        (Decimal(cmg), Decimal("1.0000"), Decimal(cost), Decimal(remains)) for cmg, cost, remains in [
            ("538.28", "724.25", "185.97"), ("233.00", "274.12", "41.12"), ("615.61", "724.25", "108.64"),
            ("203.63", "724.25", "470.62")]]
