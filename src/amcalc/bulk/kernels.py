"""Les noyaux partagés — the kernels of the single-contract API, typed for ``int``, called
on numpy arrays unchanged by the vector route, and the per-row tables and totals its paths
share."""

from __future__ import annotations

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

__all__ = ["Refusal", "Totals", "contributions", "kernel", "maintenance_rates", "per_pattern", "per_row",
           "rates_of_rows", "stacked", "sum_by", "uniform"]


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
