"""Les colonnes de la famille — the CMG and what the family pays, next to each contract-month.

When the input has the household columns of :data:`HOUSEHOLD_COLUMNS` (the keys
of the ``cmg`` and ``family_cost`` scenario calculations), each row's output
gains :data:`FAMILY_FIELDS`: the CMG of the month (:func:`amcalc.family.cmg`),
the share of the contributions it takes over, the family's cost and what
remains for it to pay (:func:`amcalc.family.family_month`), from the row's own
net salary, entretien, gross salary and the hours declared to Pajemploi
(:meth:`amcalc.family.ChildcareCost.of_month`).

The rows of valid households are computed on arrays, with the kernels of
:mod:`amcalc.family.cmg_effort_rate` for the months from September 2025 and
those of :mod:`amcalc.family.cmg_flat_amount` for the months of the flat
amounts; any other row (a child not yet born, a month whose values are not
held, the AEEH or a salary without a declared day before September 2025)
through :func:`~amcalc.family.family_month` itself, which words its error.
Both give the same cents. A row
whose household cells do not parse gets ``family_error_code`` and
``family_error_message`` (its month is still paid); a row with no household
cell at all gets no family figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pyarrow as pa

from amcalc import parameters
from amcalc.bulk.arrays import Ints
from amcalc.bulk.schema import (
    FAMILY_FIELDS,
    HOUSEHOLD_COLUMNS,
    SHARE,
    Column,
    decimal_array,
    decode,
    string_array,
    typed_cell,
)
from amcalc.employer_contributions import employer_rates, employer_total_cents
from amcalc.errors import AmcalcError, ParameterUnavailable
from amcalc.family import Care, Child, ChildcareCost, Household, family_month
from amcalc.family.cmg import age_limit
from amcalc.family.cmg_effort_rate import EFFORT_RATES, effort_rate_cents, effort_rate_level, monthly_income
from amcalc.family.cmg_flat_amount import (
    CAP_SHARE,
    DAILY_LIMIT_FACTOR,
    SINGLE_PARENT_UPLIFT,
    age_band,
    band_of,
    capped_amount_cents,
    ceiling_parameters,
    flat_amount_parameter,
    income_ceiling,
    within_daily_limit,
)
from amcalc.family.cmg_rule import REFORM_DAY, CmgRule
from amcalc.family.household import MOST_CHILDREN
from amcalc.inputs import FIRST_DATE, LAST_DATE
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
    """The household cells of a batch, decoded column by column into integers (each distinct
    text once, by the single API's own parsers); ``fast`` marks the rows whose every cell is
    valid there. The other rows, and those the arrays do not compute, are parsed row by row
    by the single API (:meth:`parsed`), which words their error."""

    def __init__(self, given: pa.RecordBatch) -> None:
        n = given.num_rows
        self.given = given
        column = {name: given.column(name) if name in given.schema.names else None for name in HOUSEHOLD_COLUMNS}
        resources, aid = decode(column["resources"], "money", n), decode(column["employer_aid"], "money", n)
        children, born = _whole(column["children"], n), _day(column["child_born"], n)
        single, aeeh = _flag(column["single_parent"], n), _flag(column["aeeh"], n)
        self.present = ~(resources.null & children.null & born.null)
        self.fast = (self.present & resources.ok & ~resources.null & (resources.values % 100 == 0)
                     & children.ok & ~children.null & (children.values >= 1) & (children.values <= MOST_CHILDREN)
                     & born.ok & ~born.null & (born.values >= _FIRST_DAY) & (born.values <= _LAST_DAY)
                     & single.ok & aeeh.ok & aid.ok & (aid.values % 100 == 0))
        self.resources, self.aid = resources.values // 100, aid.values // 100
        self.children, self.born, self.single, self.aeeh = children.values, born.values, single.values, aeeh.values

    def built(self, rows: Sequence[int]) -> dict[int, Parsed]:
        """The household, child and aid of ``rows``, rows whose every cell is valid (``fast``),
        built from their decoded integers: the values the single API's parsers give."""
        return {i: (Household(to_euros(self.resources[i]), int(self.children[i]), bool(self.single[i]),
                              int(self.aeeh[i])),
                    Child(_EPOCH + timedelta(days=int(self.born[i]))), to_euros(self.aid[i])) for i in rows}

    def parsed(self, rows: Sequence[int]) -> dict[int, Parsed]:
        """The single API's household, child and aid (or error) of ``rows``."""
        if not rows:
            return {}
        picked = self.given.take(pa.array(rows, pa.int64()))
        cells = [picked.column(name).to_pylist() if name in picked.schema.names else [None] * len(rows)
                 for name in HOUSEHOLD_COLUMNS]
        return {i: _household(row) for i, row in zip(rows, zip(*cells, strict=True), strict=True)}


_EPOCH = date(1970, 1, 1)
_FIRST_DAY, _LAST_DAY = ((day - _EPOCH).days for day in (FIRST_DATE, LAST_DATE))


def _whole(array: pa.Array | None, n: int) -> Column:
    if array is not None and pa.types.is_integer(array.type):
        values = array.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        null = array.is_null().to_numpy(zero_copy_only=False)
        return Column(values, np.ones(n, bool), null)
    return decode(array, "whole", n)


def _day(array: pa.Array | None, n: int) -> Column:
    if array is not None and pa.types.is_date32(array.type):
        values = array.cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        return Column(values, np.ones(n, bool), array.is_null().to_numpy(zero_copy_only=False))
    return decode(array, "date", n)


def _flag(array: pa.Array | None, n: int) -> Column:
    """A flag as 1 or 0; an absent or null cell is false (the default of the single API)."""
    if array is not None and pa.types.is_boolean(array.type):
        return Column(array.fill_null(False).to_numpy(zero_copy_only=False).astype(np.int64), np.ones(n, bool),
                      array.is_null().to_numpy(zero_copy_only=False))
    return decode(array, "flag", n)


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
        """Row ``i``'s month as :meth:`ChildcareCost.of_month` gives it: the pay's figures."""
        return ChildcareCost(net_salary=to_euros(self.net[i]), hours=Fraction(int(self.hours[i])),
                             maintenance=to_euros(self.maintenance[i]), gross_salary=to_euros(self.gross[i]),
                             declared_days=int(self.days[i]))


class _Figures:
    def __init__(self, n: int) -> None:
        self.cmg, self.cost, self.remains = (np.zeros(n, np.int64) for _ in range(3))
        self.share = np.zeros(n, np.int64)
        self.done = np.zeros(n, bool)
        self.errors: dict[int, tuple[str, str]] = {}
        """Each refused row's error code and message: kept as text, not as the error, whose
        traceback would hold every frame of the call alive (the garbage collector then walks
        them on every collection, the cost of a run with many refused rows)."""

    def refuse(self, i: int, error: AmcalcError) -> None:
        self.errors[i] = (error.code, str(error))


def family_columns(given: pa.RecordBatch, result: pa.RecordBatch) -> list[pa.Array]:
    """The :data:`FAMILY_FIELDS` columns of ``result``, the output of the rows of ``given``."""
    n = result.num_rows
    households, rows, figures = _Households(given), _Rows(result), _Figures(n)
    computed = rows.valid & households.present
    rest = _vector_rows(households, np.flatnonzero(computed & households.fast), rows, figures)
    slow = {**households.built(rest), **households.parsed(np.flatnonzero(computed & ~households.fast).tolist())}
    for i, parsed in sorted(slow.items()):
        if isinstance(parsed, AmcalcError):
            figures.refuse(i, parsed)
        elif parsed is not None:
            _scalar_row(parsed, rows, i, figures)
    done = figures.done
    return [
        decimal_array(figures.cmg, done), decimal_array(figures.share, done, SHARE),
        decimal_array(figures.cost, done), decimal_array(figures.remains, done),
        string_array({i: code for i, (code, _) in figures.errors.items()}, n),
        string_array({i: message for i, (_, message) in figures.errors.items()}, n),
    ]


def _vector_rows(households: _Households, index: Ints, rows: _Rows, figures: _Figures) -> list[int]:
    """Compute the rows ``index`` on arrays: months from September 2025 by the effort rate, earlier
    months by the flat amounts; return the others (children not yet born, months whose values
    are not held, and the flat-amount rows the arrays do not take), whose figures or error the
    single API gives."""
    if not len(index):
        return []
    month_key: Ints = rows.year[index] * 12 + rows.month[index] - 1
    born_month = households.born[index].astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) + 1970 * 12
    born = born_month <= month_key
    reform = month_key >= REFORM_DAY.year * 12 + REFORM_DAY.month - 1
    for rule, computed in ((_effort_rate_rows, born & reform), (_flat_amount_rows, born & ~reform)):
        if computed.any():
            rule(households, index[computed], month_key[computed], rows, figures)
    others: list[int] = index[~figures.done[index]].tolist()
    return others


def _effort_rate_rows(households: _Households, index: Ints, month_key: Ints, rows: _Rows, figures: _Figures) -> None:
    """The family's month by the effort-rate rule (CSS D531-17, D531-18) for rows ``index``:
    the CMG within the cap, the contributions not taken over (employee's: gross − net;
    employer's: :mod:`amcalc.employer_contributions`) beyond it or for a child not of age."""
    taken, table = _by_month(month_key, _effort_rate_values, True)
    index, month_key = index[taken], month_key[taken]
    if not len(index):
        return
    level: Ints = _LEVELS[households.children[index], np.minimum(households.aeeh[index], 1)]
    cap, reference, floor, ceiling = (table[k] for k in ("cap", "reference", "floor", "ceiling"))
    effort: Ints = np.take_along_axis(table["effort"], level[:, None], axis=1)[:, 0]
    of_age = month_key <= _birthday_month(households.born[index], households.single[index], CmgRule.EFFORT_RATE)
    cost: Ints = rows.net[index] + rows.maintenance[index]
    capped: Ints = cap * rows.hours[index]
    amount: Ints = np.where(of_age, effort_rate_cents(minimum(cost, capped), monthly_income(
        households.resources[index], floor, ceiling), effort, reference), 0)
    contributions = _contributions(rows, index, table["rates"])
    uncovered = np.where(of_age, np.maximum(cost - capped, 0), np.maximum(cost, 1))
    unpaid: Ints = half_up_div(contributions * uncovered, np.maximum(cost, 1))
    share = np.where(~of_age, 0, np.where(cost <= capped, 10_000, half_up_div(capped * 10_000, np.maximum(cost, 1))))
    _write(figures, index, households.aid[index], amount, cost + unpaid, share)


def _flat_amount_rows(households: _Households, index: Ints, month_key: Ints, rows: _Rows, figures: _Figures) -> None:
    """The family's month by the flat amounts (old CSS D531-17, D531-18) for rows ``index``, with
    the kernels of :mod:`amcalc.family.cmg_flat_amount`: every contribution taken over and the
    amount of the band and age within the cap, or neither (pay above 5 × SMIC a day, a child
    not of age: the contributions are the family's). Rows of a child of age with the AEEH or a
    salary without a day declared are left to the single API, which words their error."""
    born, single = households.born[index], households.single[index]
    of_age = month_key <= _birthday_month(born, single, CmgRule.FLAT_AMOUNT)
    gross, days = rows.gross[index], rows.days[index]
    refused = of_age & ((households.aeeh[index] > 0) | ((days == 0) & (gross > 0)))
    taken, table = _by_month(month_key, _flat_amount_values, ~refused)
    index, month_key, of_age, gross, days = (a[taken] for a in (index, month_key, of_age, gross, days))
    if not len(index):
        return
    born, single, children = born[taken], single[taken], households.children[index]
    eligible = of_age & within_daily_limit(gross, days, table["factor"], table["smic"])
    low, high = (income_ceiling(by_kind[:, 0], by_kind[:, 1], by_kind[:, 2], children, single, table["uplift"])
                 for by_kind in (table["ceiling1"], table["ceiling2"]))
    band = band_of(households.resources[index], low, high)
    age = age_band(month_key, _birthday_month(born, single, CmgRule.FLAT_AMOUNT, years=3))
    # the published amount's column in _FLAT_AMOUNTS: couple then single parent, age band, income band
    column = (single * 2 + age) * 3 + band - 1
    published: Ints = np.take_along_axis(table["amounts"], column[:, None], axis=1)[:, 0]
    paid: Ints = rows.net[index] + rows.maintenance[index]
    amount = np.where(eligible, capped_amount_cents(published, 1, paid, table["share"]), 0)
    unpaid = np.where(eligible, 0, _contributions(rows, index, table["rates"]))
    _write(figures, index, households.aid[index], amount, paid + unpaid, np.where(eligible, 10_000, 0))


def _contributions(rows: _Rows, index: Ints, rates: Ints) -> Ints:
    """The employee's (gross − net) and the employer's contributions of rows ``index``, in cents."""
    gross = rows.gross[index]
    total: Ints = gross - rows.net[index] + employer_total_cents(gross, list(rates.T))
    return total


def _write(figures: _Figures, index: Ints, aid: Ints, amount: Ints, total: Ints, share: Ints) -> None:
    figures.cmg[index], figures.cost[index], figures.share[index] = amount, total, share
    figures.remains[index] = np.maximum(total - amount - aid, 0)
    figures.done[index] = True


_LEVELS = np.array([[0, 0]] + [[effort_rate_level(Household(Decimal(0), children, False, aeeh)) for aeeh in (0, 1)]
                               for children in range(1, MOST_CHILDREN + 1)], np.int64)
"""The effort-rate row of :func:`effort_rate_level` for each number of children and AEEH (0 or 1)."""


def _birthday_month(born_days: Ints, single: Ints, rule: CmgRule, years: int | None = None) -> Ints:
    """The month (year × 12 + month − 1) of the birthday of ``years``, by default the last month
    the CMG of ``rule`` is due (:func:`amcalc.family.cmg.age_limit`), read from
    :meth:`Child.birthday` for each distinct child."""
    # each distinct (birth day, single) as one int64 key: 2 × day + single (1 or 0)
    keys, which = np.unique(born_days * 2 + single, return_inverse=True)
    ages = [age_limit(alone, rule)[0] if years is None else years for alone in (False, True)]
    ends = []
    for key in keys.tolist():
        days, alone = divmod(key, 2)
        birthday = Child(_EPOCH + timedelta(days=days)).birthday(ages[alone])
        ends.append(birthday.year * 12 + birthday.month - 1)
    return np.array(ends, np.int64)[which.ravel()]


def _by_month(month_key: Ints, values_of: Callable[[date], dict[str, Any]], keep: Any) -> tuple[Any, dict[str, Ints]]:
    """The rows of ``keep`` whose month's values are held, and those values for them
    (``values_of`` the month's first day, looked up once a month)."""
    months, which = np.unique(month_key, return_inverse=True)
    found: list[dict[str, Any] | None] = []
    for key in months.tolist():
        try:
            found.append(values_of(date(key // 12, key % 12 + 1, 1)))
        except ParameterUnavailable:
            found.append(None)
    taken = keep & np.array([values is not None for values in found])[which.ravel()]
    held = [values for values in found if values is not None]
    if not held:
        return taken, {}
    rows = [values or held[0] for values in found]  # a month not held is never taken
    return taken, {name: np.take(np.array([values[name] for values in rows], np.int64), which.ravel()[taken], axis=0)
                   for name in held[0]}


def _employer_rates(day: date) -> list[int]:
    """The employer rates of ``day`` in millionths (:mod:`amcalc.employer_contributions`)."""
    return [scaled(v.value, 6, p.name) for p, v, _ in employer_rates(day)]


def _value(name: str, day: date, places: int) -> int:
    return scaled(parameters.get(name).at(day).value, places, name)


def _effort_rate_values(day: date) -> dict[str, Any]:
    """The dated values of the effort-rate formula and the employer rates (``rates``, millionths)."""
    return {"cap": _value("cmg_hourly_cost_cap", day, 2), "reference": _value("cmg_reference_hourly_cost", day, 2),
            "floor": int(parameters.get("cmg_income_floor").at(day).value),
            "ceiling": int(parameters.get("cmg_income_ceiling").at(day).value),
            "effort": [_value(name, day, 6) for name in EFFORT_RATES], "rates": _employer_rates(day)}


_FLAT_AMOUNTS = [flat_amount_parameter(single, age, band) for single in (False, True) for age in (0, 1)
                 for band in (1, 2, 3)]


def _flat_amount_values(day: date) -> dict[str, Any]:
    """The dated values of the flat-amount rule (cents, and millionths for the factor, the
    uplift and the share) and the employer rates."""
    return {
        "factor": _value(DAILY_LIMIT_FACTOR, day, 6), "smic": _value("smic_horaire", day, 2),
        **{f"ceiling{bound}": [_value(name, day, 2) for name in ceiling_parameters(bound)] for bound in (1, 2)},
        "uplift": _value(SINGLE_PARENT_UPLIFT, day, 6),
        "amounts": [_value(name, day, 2) for name in _FLAT_AMOUNTS],
        "share": _value(CAP_SHARE, day, 6), "rates": _employer_rates(day),
    }


def _scalar_row(parsed: tuple[Household, Child, Decimal], rows: _Rows, i: int, figures: _Figures) -> None:
    household, child, aid = parsed
    try:
        month = family_month(household, [Care(child, rows.cost(i), aid)], (int(rows.year[i]), int(rows.month[i])))
    except AmcalcError as err:
        figures.refuse(i, err)
        return
    line = month.children[0]
    share = line.cmg.contributions_taken_over
    figures.cmg[i], figures.cost[i] = scaled(line.cmg.amount, 2, "cmg"), scaled(month.cost, 2, "cost")
    figures.remains[i] = scaled(month.remains, 2, "remains")
    figures.share[i] = half_up_div(share.numerator * 10_000, share.denominator)
    figures.done[i] = True
