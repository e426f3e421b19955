"""Les colonnes de la famille — the CMG and what the family pays, next to each contract-month.

When the input has the household columns of :data:`HOUSEHOLD_COLUMNS` (the keys
of the ``cmg`` and ``family_cost`` scenario calculations), each row's output
gains :data:`FAMILY_FIELDS`: the CMG of the month (:func:`amcalc.family.cmg`),
the share of the contributions it takes over, the family's cost and what
remains for it to pay (:func:`amcalc.family.family_month`), from the row's own
net salary, entretien, gross salary and the hours declared to Pajemploi
(:meth:`amcalc.family.ChildcareCost.of_month`).

The usual row — a month from September 2025, a child of age, a pay within the
hourly cap — is computed on arrays with the kernels of
:mod:`amcalc.family.cmg_effort_rate`; any other row through
:func:`~amcalc.family.family_month` itself. Both give the same cents. A row
whose household cells do not parse gets ``family_error_code`` and
``family_error_message`` (its month is still paid); a row with no household
cell at all gets no family figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

from amcalc import parameters
from amcalc.bulk.schema import (
    FAMILY_FIELDS,
    HOUSEHOLD_COLUMNS,
    SHARE,
    Ints,
    decimal_array,
    decode,
    string_array,
    typed_cell,
)
from amcalc.employer_contributions import employer_rates, employer_total_cents
from amcalc.errors import AmcalcError
from amcalc.family import Care, Child, ChildcareCost, Household, family_month
from amcalc.family.cmg import age_limit
from amcalc.family.cmg_effort_rate import EFFORT_RATES, effort_rate_cents, effort_rate_level, monthly_income
from amcalc.family.cmg_rule import REFORM_DAY, CmgRule
from amcalc.money import half_up_div, minimum, parse_money, scaled, to_euros

__all__ = ["FAMILY_FIELDS", "HOUSEHOLD_COLUMNS", "family_columns", "has_household"]

def has_household(batch: pa.RecordBatch) -> bool:
    return "resources" in batch.schema.names


Parsed = tuple[Household, Child, Decimal] | AmcalcError | None


def _household(cells: Sequence[object]) -> Parsed:
    """One row's household, child and employer aid, parsed by the single API's own boundary
    (``None`` for a row without household cells)."""
    resources, children, born, single, aeeh, aid = (None if c == "" else c for c in cells)
    if all(cell is None for cell in (resources, children, born)):
        return None
    try:
        household = Household.from_mapping({
            "resources": resources, "children": typed_cell("children", children),
            "single_parent": typed_cell("single_parent", False if single is None else single),
            "aeeh": typed_cell("aeeh", False if aeeh is None else aeeh)})
        child = Child.of(born=typed_cell("child_born", born))
        return household, child, parse_money("0.00" if aid is None else aid, "employer_aid")
    except AmcalcError as err:
        return err


class _Households:
    """The household cells of a batch: ``parsed`` per row (the single API's own values or
    error), each distinct tuple of cells parsed once."""

    def __init__(self, given: pa.RecordBatch) -> None:
        n = given.num_rows
        cells = [given.column(name).to_pylist() if name in given.schema.names else [None] * n
                 for name in HOUSEHOLD_COLUMNS]
        cache: dict[tuple[object, ...], Parsed] = {}
        self.parsed: list[Parsed] = []
        for row in zip(*cells, strict=True):
            found = cache.get(row, cache)
            if found is cache:
                found = cache[row] = _household(row)
            self.parsed.append(found)  # type: ignore[arg-type]


class _Rows:
    """The figures of the output batch the family's month is computed from, as integers."""

    def __init__(self, result: pa.RecordBatch) -> None:
        n = result.num_rows
        self.valid = result.column("error_code").is_null().to_numpy(zero_copy_only=False)
        self.net = decode(result.column("net_salary"), "money", n).values // 100
        self.maintenance = decode(result.column("maintenance"), "money", n).values // 100
        self.gross = decode(result.column("gross_salary"), "money", n).values // 100
        hours = [result.column(name).fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64) for name in
                 ("declared_hours", "declared_complementary_hours", "declared_majorated_hours")]
        self.hours = hours[0] + hours[1] + hours[2]
        self.days = result.column("declared_days").fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        month = result.column("month").cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False)
        months = month.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        self.year, self.month = months // 12 + 1970, months % 12 + 1

    def cost(self, i: int) -> ChildcareCost:
        return ChildcareCost.of(net_salary=to_euros(self.net[i]), hours=str(self.hours[i]),
                                maintenance=to_euros(self.maintenance[i]), gross_salary=to_euros(self.gross[i]),
                                declared_days=int(self.days[i]))


class _Figures:
    def __init__(self, n: int) -> None:
        self.cmg, self.cost, self.remains = (np.zeros(n, np.int64) for _ in range(3))
        self.share = np.zeros(n, np.int64)
        self.done = np.zeros(n, bool)
        self.errors: dict[int, AmcalcError] = {}


def family_columns(given: pa.RecordBatch, result: pa.RecordBatch) -> list[pa.Array]:
    """The :data:`FAMILY_FIELDS` columns of ``result``, the output of the rows of ``given``."""
    n = result.num_rows
    parsed = _Households(given).parsed
    rows, figures = _Rows(result), _Figures(n)
    usable = [i for i, p in enumerate(parsed) if isinstance(p, tuple) and rows.valid[i]]
    figures.errors.update({i: p for i, p in enumerate(parsed) if isinstance(p, AmcalcError) and rows.valid[i]})
    rest = _vector_rows(parsed, usable, rows, figures)
    for i in rest:
        _scalar_row(parsed[i], rows, i, figures)  # type: ignore[arg-type]
    done = figures.done
    return [
        decimal_array(figures.cmg, done), decimal_array(figures.share, done, SHARE),
        decimal_array(figures.cost, done), decimal_array(figures.remains, done),
        string_array({i: e.code for i, e in figures.errors.items()}, n),
        string_array({i: str(e) for i, e in figures.errors.items()}, n),
    ]


def _vector_rows(parsed: Sequence[Parsed], usable: Sequence[int], rows: _Rows, figures: _Figures) -> list[int]:
    """Compute the rows of months from September 2025 on arrays; return the others (earlier
    months, and children not yet born, whose error the single API words)."""
    index = np.array(usable, np.int64)
    if not len(index):
        return []
    households = [p for p in (parsed[i] for i in usable) if isinstance(p, tuple)]
    month_key: Ints = rows.year[index] * 12 + rows.month[index] - 1
    born = np.array([h[1].born.year * 12 + h[1].born.month - 1 for h in households], np.int64)
    # a child not yet born that month: the single API words the error
    reform = (month_key >= REFORM_DAY.year * 12 + REFORM_DAY.month - 1) & (born <= month_key)
    index, month_key = index[reform], month_key[reform]
    households = [h for h, keep in zip(households, reform.tolist(), strict=True) if keep]
    if len(index):
        _effort_rate_rows(households, index, month_key, rows, figures)
    others: list[int] = np.array(usable, np.int64)[~reform].tolist()
    return others


def _effort_rate_rows(households: Sequence[tuple[Household, Child, Decimal]], index: Ints, month_key: Ints,
                      rows: _Rows, figures: _Figures) -> None:
    """The family's month by the effort-rate rule (CSS D531-17, D531-18) for rows ``index``:
    the CMG within the cap, the contributions not taken over (employee's: gross − net;
    employer's: :mod:`amcalc.employer_contributions`) beyond it or for a child not of age."""
    level: Ints = np.array([effort_rate_level(h[0]) for h in households], np.int64)
    resources: Ints = np.array([scaled(h[0].resources, 2, "resources") for h in households], np.int64)
    aid: Ints = np.array([scaled(h[2], 2, "employer_aid") for h in households], np.int64)
    table = _values(month_key)
    cap, reference, floor, ceiling = (table[k] for k in ("cap", "reference", "floor", "ceiling"))
    effort: Ints = np.take_along_axis(table["effort"], level[:, None], axis=1)[:, 0]
    of_age = _of_age(households, month_key)
    cost: Ints = rows.net[index] + rows.maintenance[index]
    capped: Ints = cap * rows.hours[index]
    amount: Ints = np.where(of_age, effort_rate_cents(minimum(cost, capped), monthly_income(
        resources, floor, ceiling), effort, reference), 0)
    gross = rows.gross[index]
    contributions: Ints = gross - rows.net[index] + employer_total_cents(gross, list(table["rates"].T))
    uncovered = np.where(of_age, np.maximum(cost - capped, 0), np.maximum(cost, 1))
    unpaid: Ints = half_up_div(contributions * uncovered, np.maximum(cost, 1))
    share = np.where(~of_age, 0, np.where(cost <= capped, 10_000, half_up_div(capped * 10_000, np.maximum(cost, 1))))
    total = cost + unpaid
    figures.cmg[index], figures.cost[index], figures.share[index] = amount, total, share
    figures.remains[index] = np.maximum(total - amount - aid, 0)
    figures.done[index] = True


def _of_age(households: Sequence[tuple[Household, Child, Decimal]], month_key: Ints) -> Ints:
    """Due up to and including the month of the birthday that ends the right, read from
    :func:`amcalc.family.cmg.age_limit` and :meth:`Child.birthday` for each distinct child."""
    last: dict[tuple[Child, bool], int] = {}
    ends = np.empty(len(households), np.int64)
    for k, (household, child, _) in enumerate(households):
        key = (child, household.single_parent)
        if key not in last:
            limit, _article = age_limit(household.single_parent, CmgRule.EFFORT_RATE)
            birthday = child.birthday(limit)
            last[key] = birthday.year * 12 + birthday.month - 1
        ends[k] = last[key]
    return month_key <= ends


def _values(month_key: Ints) -> dict[str, Ints]:
    """The dated values of the effort-rate formula and the employer rates (``rates``, millionths)
    for each row's month, looked up once a month."""
    months, which = np.unique(month_key, return_inverse=True)
    rows: dict[str, list[Any]] = {"cap": [], "reference": [], "floor": [], "ceiling": [], "effort": [],
                                  "rates": []}
    for key in months.tolist():
        day = date(key // 12, key % 12 + 1, 1)
        value = {name: parameters.get(name).at(day).value for name in (
            "cmg_hourly_cost_cap", "cmg_reference_hourly_cost", "cmg_income_floor", "cmg_income_ceiling")}
        rows["cap"].append(scaled(value["cmg_hourly_cost_cap"], 2, "cap"))
        rows["reference"].append(scaled(value["cmg_reference_hourly_cost"], 2, "reference"))
        rows["floor"].append(int(value["cmg_income_floor"]))
        rows["ceiling"].append(int(value["cmg_income_ceiling"]))
        rows["effort"].append([scaled(parameters.get(name).at(day).value, 6, name) for name in EFFORT_RATES])
        rows["rates"].append([scaled(v.value, 6, p.name) for p, v, _ in employer_rates(day)])
    return {name: np.array(values, np.int64)[which.ravel()] for name, values in rows.items()}


def _scalar_row(parsed: tuple[Household, Child, Decimal], rows: _Rows, i: int, figures: _Figures) -> None:
    household, child, aid = parsed
    try:
        month = family_month(household, [Care(child, rows.cost(i), aid)], (int(rows.year[i]), int(rows.month[i])))
    except AmcalcError as err:
        figures.errors[i] = err
        return
    line = month.children[0]
    share = line.cmg.contributions_taken_over
    figures.cmg[i], figures.cost[i] = scaled(line.cmg.amount, 2, "cmg"), scaled(month.cost, 2, "cost")
    figures.remains[i] = scaled(month.remains, 2, "remains")
    figures.share[i] = half_up_div(share.numerator * 10_000, share.denominator)
    figures.done[i] = True
