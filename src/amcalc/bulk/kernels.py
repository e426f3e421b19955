"""Les noyaux partagés — the kernels of the single-contract API, typed for ``int``, called
on numpy arrays unchanged by the vector route, and the per-row tables and totals its paths
share; the employee contributions of a batch from a table of the kernel's values
(:func:`withheld`)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import attrs
import numpy as np

from amcalc.absences import deduction_cents
from amcalc.bulk.arrays import WEEK_PATTERNS, Ints, pattern_counts
from amcalc.bulk.month_facts import MonthFacts
from amcalc.extra_hours import hours_pay_cents, split_week
from amcalc.maintenance import MaintenanceRates, day_allowance
from amcalc.mensualisation import declared_hours, monthly_salary_cents
from amcalc.money import choose, half_up_div
from amcalc.month import activity_days_declared, band_seconds, normal_hours_declared, spread_seconds
from amcalc.net_salary import ContributionKernel

__all__ = ["Refusal", "Totals", "contributions", "kernel", "maintenance_rates", "overtime_reduction", "per_pattern",
           "per_row", "rates_of_rows", "stacked", "sum_by", "uniform", "withheld", "within_ceiling"]


kernel: Any = SimpleNamespace(
    ContributionKernel=ContributionKernel, MaintenanceRates=MaintenanceRates,
    activity_days_declared=activity_days_declared, choose=choose, day_allowance=day_allowance,
    declared_hours=declared_hours, deduction_cents=deduction_cents, half_up_div=half_up_div,
    hours_pay_cents=hours_pay_cents, monthly_salary_cents=monthly_salary_cents,
    normal_hours_declared=normal_hours_declared, spread_seconds=spread_seconds, split_week=split_week,
    band_seconds=band_seconds,
)
"""The shared kernels, typed for ``int``: here they run on numpy int64 arrays unchanged."""


Refusal = tuple[str, str | None, str]  # code, field, French message of a refused row


def per_row(facts: Sequence[MonthFacts], name: str, group: Ints) -> Ints:
    """A fact of each row's month, gathered by ``np.take`` (several times faster than
    fancy indexing for the (groups × 7) tables)."""
    return np.take(stacked(tuple(facts), name), group, axis=0)


def per_pattern(facts: Sequence[MonthFacts], name: str, group: Ints, pattern: Ints) -> Ints:
    """A count of each row's month by weekday (``counts``, ``work_counts``) summed over the
    weekdays of the row's week pattern (:func:`~amcalc.bulk.arrays.week_pattern`): one
    lookup in a (months × patterns) table, no (rows × 7) product."""
    return np.take(_pattern_table(tuple(facts), name), group * WEEK_PATTERNS + pattern)


@lru_cache(maxsize=64)
def _pattern_table(facts: tuple[MonthFacts, ...], name: str) -> Ints:
    table = pattern_counts(stacked(facts, name)).ravel()
    table.flags.writeable = False
    return table


@lru_cache(maxsize=256)
def stacked(facts: tuple[MonthFacts, ...], name: str, kind: type = np.int64) -> Ints:
    """A fact of each month of a batch, stacked once per set of months (read-only): numbers
    in int64, or the (months × 31) day flags (``in_month``, ``holiday``) with ``kind=bool``."""
    table: Ints = np.array([getattr(f, name) for f in facts], kind)
    table.flags.writeable = False
    return table


def uniform(values: Ints) -> Any:
    """``values`` (one per month group), or one int when every group has the same."""
    return int(values[0]) if (values == values[0]).all() else values


def contributions(facts: Sequence[MonthFacts], group: Ints) -> Any:
    """The :class:`ContributionKernel` of the rows of months ``group``: each line's rate × base
    share as (product, 1), the kernel only multiplies them; a term the same in every month
    of the batch stays one int."""
    lines, reduction, legal, ceiling = _contribution_terms(tuple(facts))
    def each(value: Any) -> Any:
        return value if isinstance(value, int) else np.take(value, group)
    return kernel.ContributionKernel(tuple((each(p), 1) for p in lines), each(reduction),
                                     tuple((each(p), 1) for p in legal), each(ceiling))


@lru_cache(maxsize=64)
def _contribution_terms(facts: tuple[MonthFacts, ...]) -> tuple[tuple[Any, ...], Any, tuple[Any, ...], Any]:
    """The terms of :func:`contributions`, once per set of months; the padding after the
    last line (rate 0) withholds 0: dropped."""
    lines, legal = stacked(facts, "lines"), stacked(facts, "legal")
    used = np.flatnonzero((lines[:, :, 0] != 0).any(axis=0))
    lines = lines[:, :used[-1] + 1 if len(used) else 0]
    return (tuple(uniform(lines[:, k, 0] * lines[:, k, 1]) for k in range(lines.shape[1])),
            uniform(stacked(facts, "reduction")),
            tuple(uniform(legal[:, k, 0] * legal[:, k, 1]) for k in range(legal.shape[1])),
            uniform(stacked(facts, "ceiling")))


def withheld(facts: Sequence[MonthFacts], group: Ints, gross: Ints) -> Ints:
    """What the :class:`ContributionKernel` of each row's month (``group``) withholds from its
    ``gross`` without extra pay (``withheld(gross, 0)``: each line rounded, then summed), in two
    parts: the lines the same in every month of the batch read from the kernel's table of their
    sum (:func:`_withheld_table`) — computed where the gross is outside it —, then the lines
    that differ between months (the régime local's, 0 outside Alsace-Moselle) by the kernel;
    a batch too small to pay for a table that is not there: the kernel on every row."""
    common, varying, highest_ceiling = _split_lines(tuple(facts))
    table = _TABLES.get(common)
    if table is None and len(gross) * _TABLE_ROWS < _TABLE_BLOCK:
        return contributions(facts, group).withheld(gross, 0)
    low, high = int(gross.min(initial=0)), int(gross.max(initial=0))
    if table is None or high >= len(table):
        table = _withheld_table(common, min(high, highest_ceiling), len(gross))
        if table is None:
            return contributions(facts, group).withheld(gross, 0)
    if low >= 0 and high < len(table):
        common_part = np.take(table, gross)  # int32
    else:
        common_part = np.take(table, gross, mode="clip").astype(np.int64)
        outside = np.flatnonzero((gross < 0) | (gross >= len(table)))
        common_part[outside] = _withholding(common).withheld(gross[outside], 0)
    if not varying:
        return common_part.astype(np.int64, copy=False)
    result: Ints = _withholding(tuple(np.take(p, group) for p in varying)).withheld(gross, 0)
    result += common_part  # the table's int32 added into the kernel's int64: no int64 copy of it
    return result


def overtime_reduction(facts: Sequence[MonthFacts], group: Ints, gross: Ints, extra_pay: Ints) -> Ints:
    """The overtime reduction (:meth:`ContributionKernel.reduction`) of the kernel of each row's
    month, from its rate and legal old-age lines alone (rows with extra pay)."""
    _, reduction, legal, _ = _contribution_terms(tuple(facts))
    def each(value: Any) -> Any:
        return value if isinstance(value, int) else np.take(value, group)
    return kernel.ContributionKernel((), each(reduction), tuple((each(p), 1) for p in legal), 0).reduction(
        gross, extra_pay)


def within_ceiling(facts: Sequence[MonthFacts], group: Ints, gross: Ints) -> Any:
    """Where ``gross`` does not exceed the contributions' ceiling of the row's month (the others:
    the scalar route); only the rows above the batch's least ceiling look theirs up."""
    ceiling = _contribution_terms(tuple(facts))[3]
    if isinstance(ceiling, int):
        return gross <= ceiling
    within = gross <= int(ceiling.min())
    above = np.flatnonzero(~within)
    within[above] = gross[above] <= np.take(ceiling, group[above])
    return within


@lru_cache(maxsize=64)
def _split_lines(facts: tuple[MonthFacts, ...]) -> tuple[tuple[int, ...], tuple[Any, ...], int]:
    """The contribution lines (rate × base share) the same in every month of a set, those
    that are not (one per month), and the highest ceiling."""
    lines, _, _, ceiling = _contribution_terms(facts)
    return (tuple(p for p in lines if isinstance(p, int)), tuple(p for p in lines if not isinstance(p, int)),
            int(np.max(ceiling)))


def _withholding(products: tuple[Any, ...]) -> Any:
    """The :class:`ContributionKernel` of lines of rate × base share ``products`` (as
    (product, 1): the kernel only multiplies them), without overtime reduction."""
    return kernel.ContributionKernel(tuple((p, 1) for p in products), 0, (), 0)


_TABLE_ROWS = 8
"""A batch of fewer rows than 1/8 of the grosses a table lacks does not add them (they cost
as many rows of the kernel, once)."""
_TABLE_BLOCK = 1 << 14
_TABLES: dict[tuple[int, ...], Ints] = {}
_TABLES_LOCK = threading.Lock()


def _withheld_table(products: tuple[int, ...], top: int, rows: int) -> Ints | None:
    """What the lines of rate × base share ``products`` withhold from each gross of 0 to at
    least ``top`` cents: the kernel's values, in int32 (a contribution is less than its gross:
    half the memory to read), read-only; grown by blocks of grosses for a batch of ``rows``
    large enough, else as it is (None when there is none). One thread builds, the others wait."""
    with _TABLES_LOCK:
        table = _TABLES.get(products)
        have = 0 if table is None else len(table)
        grosses = (top // _TABLE_BLOCK + 1) * _TABLE_BLOCK
        if have >= grosses or rows * _TABLE_ROWS < grosses - have:
            return table
        grown = np.empty(grosses, np.int32)
        if table is not None:
            grown[:have] = table
        withholding = _withholding(products)
        for start in range(have, grosses, _TABLE_BLOCK):
            grown[start:start + _TABLE_BLOCK] = withholding.withheld(np.arange(start, start + _TABLE_BLOCK), 0)
        grown.flags.writeable = False
        if len(_TABLES) >= 8:  # the months of many years: the oldest table goes
            _TABLES.pop(next(iter(_TABLES)))
        _TABLES[products] = grown
        return grown


def maintenance_rates(facts: Sequence[MonthFacts], group: Ints) -> Any:
    """A :class:`MaintenanceRates` of the rows of months ``group``: each term one int when
    every month of the batch has the same, else a (rows × 1) array (one per row, against
    the rows × days of care)."""
    return kernel.MaintenanceRates(*(term if isinstance(term, int) else np.take(term, group)[:, None]
                                     for term in _maintenance_terms(tuple(facts))))


@lru_cache(maxsize=64)
def _maintenance_terms(facts: tuple[MonthFacts, ...]) -> tuple[Any, ...]:
    """The four terms of :func:`maintenance_rates`, once per set of months."""
    terms = stacked(facts, "maintenance")
    return tuple(uniform(terms[:, k]) for k in range(4))


def rates_of_rows(rates: Any, which: Any = slice(None)) -> Any:
    """The :class:`MaintenanceRates` of :func:`maintenance_rates` for the rows ``which``,
    one value per row (a term one int stays one int)."""
    return kernel.MaintenanceRates(*(term if isinstance(term, int) else term[which, 0]
                                     for term in (rates.scale, rates.agreed, rates.prorated, rates.floor)))


@attrs.frozen
class Totals:
    """Per-row totals that the paths by day fill for the figures (rows of the batch)."""

    complementary: Ints  # seconds of the weeks given (art. 96.4)
    majorated: Ints
    absent: Ints  # seconds unpaid (art. 111, 52 weeks)
    unpaid_days: Ints  # days wholly unpaid (46 weeks or less)
    by_the_hour: Ints  # occasional care: seconds done or kept, paid at the hourly rate (art. 108.2)
    days_cared: Ints  # occasional care: days with care given
    partial: Ints  # 1 where a usual working day is outside the contract (month_pay's partial month)

    @classmethod
    def zeros(cls, n: int) -> Totals:
        return cls(*(np.zeros(n, np.int64) for _ in range(7)))


def sum_by(row: Ints, values: Ints, m: int) -> Ints:
    """Σ of ``values`` per row (0 to m − 1), exact in int64."""
    totals = np.zeros(m, np.int64)
    np.add.at(totals, row, values)
    return totals
