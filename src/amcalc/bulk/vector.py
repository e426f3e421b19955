"""La voie vectorielle — the rows of a batch computed together on numpy arrays.

Every figure comes from the kernels of the single-contract API (integer
arithmetic on cents, seconds and 1/10 000 €, :func:`amcalc.money.half_up_div`),
called on arrays unchanged (:data:`amcalc.bulk.kernels.kernel`):
:func:`~amcalc.mensualisation.monthly_salary_cents`,
:func:`~amcalc.absences.deduction_cents`, :func:`~amcalc.extra_hours.split_week`,
:func:`~amcalc.month.spread_seconds`, :func:`~amcalc.extra_hours.hours_pay_cents`,
:func:`~amcalc.maintenance.day_allowance`,
:meth:`~amcalc.net_salary.ContributionKernel.withheld` (for the lines the same in every
month of a batch, read from a table of its values: :func:`amcalc.bulk.kernels.withheld`)
and the Pajemploi kernels of :mod:`amcalc.month`; the month's calendar comes from
:mod:`amcalc.bulk.month_facts`. Three shapes of row, from the cheapest: a whole month
without events (the weekday counts are enough), a whole month with
absences and weeks without care only (each of those days looked up), and the
others, planned day by day (:mod:`amcalc.bulk.day_plan`); art. 105 and art. 47
are answered on arrays of those days as ``month_pay``'s calendar answers them
(:mod:`amcalc.bulk.calendar_answers`), the art. 96 warnings worded by its
functions (:mod:`amcalc.bulk.working_time`). Which rows come here: see
:mod:`amcalc.bulk.engine`."""


from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from amcalc.bulk.arrays import Ints, pattern_counts, row_dot, week_pattern
from amcalc.bulk.calendar_answers import Art105
from amcalc.bulk.day_plan import days_looked_up, with_events
from amcalc.bulk.kernels import (
    Refusal,
    Totals,
    kernel,
    maintenance_rates,
    overtime_reduction,
    per_pattern,
    per_row,
    rates_of_rows,
    withheld,
    within_ceiling,
)
from amcalc.bulk.rows import Events, Rows
from amcalc.bulk.working_time import RowWarnings, of_rows, recent_weeks, row_warnings
from amcalc.duration import SECONDS_PER_HOUR
from amcalc.money import RATE_SCALE

__all__ = ["VectorResult", "vector_route"]


@attrs.frozen
class VectorResult:
    """What the vector route gives for a batch."""

    computed: Any  # the rows it computed (a mask of the batch)
    figures: dict[str, Ints]  # the number columns, rows of the batch
    warnings: RowWarnings
    refused: dict[int, Refusal]  # rows refused by the single-contract API's checks
    illness: Art105  # the dates pay must resume, the counters for next month
    recent_weeks: Ints  # (row, Monday, seconds) of the weeks to carry, by row and Monday


def vector_route(rows: Rows, events: Events) -> VectorResult:
    """The rows that can take the vector route, computed together (see the module)."""
    n = rows.n
    # the columns filled part by part below; the others are computed whole at the end
    out = {name: np.zeros(n, np.int64) for name in ("maintenance", "worked_seconds", "holiday_pay")}
    fast = rows.fast & ~events.bad
    totals = Totals.zeros(n)
    occasional = rows.occasional

    # rows without events: the weekday counts of the month are enough
    _without_events(rows, np.flatnonzero(fast & ~events.has & ~rows.partial & ~occasional), out)

    # rows of a whole month with absences or weeks without care only: those days looked up
    quick = events.days_only & ~rows.partial & ~events.asks & ~occasional
    light = np.flatnonzero(fast & quick)
    refused: dict[int, Refusal] = {}
    if len(light):
        bad, refused = days_looked_up(rows, events, light, out, totals)
        fast[light[bad]] = False

    # rows with other events, and occasional care: the month's days, one column each
    busy = np.flatnonzero(fast & (events.has | rows.partial | occasional) & ~quick)
    long_days: list[Ints] = []
    weeks: list[Ints] = []
    # the counters carried from last month go on, without the absence then in progress
    illness = Art105({}, {row: attrs.evolve(book, open_run=None) for row, book in events.ledgers.items()},
                     [events.carried.closed()])
    if len(busy):
        bad, busy_refused = with_events(rows, events, busy, out, totals, long_days, weeks, illness)
        refused.update(busy_refused)
        fast[busy[bad]] = False

    fast &= _figures(rows, fast, totals, out)
    given = of_rows(np.concatenate(weeks) if weeks else np.zeros((0, 3), np.int64), fast)
    carried = of_rows(np.stack([events.r_row, events.r_week, events.r_seconds], axis=1), fast)
    recent = recent_weeks(rows, given, carried)
    return VectorResult(fast, out, row_warnings(rows, long_days, given, carried, recent, fast),
                        refused, illness.of_rows(fast), recent)


def _without_events(rows: Rows, plain: Ints, out: dict[str, Ints]) -> None:
    """Entretien and hours worked of the ``plain`` rows (no event, a whole month, not
    occasional care): the month's weekday counts, public holidays off, times the schedule."""
    if not len(plain):
        return
    facts, g_plain, sched_plain = rows.facts, rows.group[plain], np.take(rows.schedule, plain, axis=0)
    work = per_row(facts, "work_counts", g_plain)
    rates = maintenance_rates(facts, g_plain)
    per_hour = np.take(rows.maintenance.values, plain)[:, None]  # not ``values[plain, None]``: 2 × slower
    allowance = kernel.day_allowance(sched_plain, per_hour, rates)
    out["maintenance"][plain] = kernel.half_up_div(row_dot(work, allowance) * 100, rates_of_rows(rates).scale)
    out["worked_seconds"][plain] = row_dot(work, sched_plain)


def _figures(rows: Rows, fast: Any, totals: Totals, out: dict[str, Ints]) -> Any:
    """The figures of every row from the kernels, into ``out`` (those of the rows not ``fast``
    are not used): the mensualised salary (art. 109) or occasional care by the hour (art.
    108.2, 109.3), the deduction of absences, the extra hours, the gross, the contributions
    withheld, the net and the Pajemploi figures; returns where the gross stays within the
    contributions' ceiling (the others: the scalar route)."""
    n, facts, g, sched, occasional = rows.n, rows.facts, rows.group, rows.schedule, rows.occasional
    rate = rows.rate.values
    counts = per_row(facts, "counts", g)
    pattern = week_pattern(sched)  # the weekdays of care
    annual = rows.weekly * rows.weeks
    base = kernel.monthly_salary_cents(annual, rate)  # mensualised (art. 109)
    by_the_hour = np.flatnonzero(occasional & fast)  # occasional care (art. 108.2, 109.3)
    base[by_the_hour] = kernel.hours_pay_cents(totals.by_the_hour[by_the_hour], rate[by_the_hour], RATE_SCALE)
    scheduled = row_dot(counts, sched)
    scheduled_days = per_pattern(facts, "counts", g, pattern)
    # the kernels of absences and extra hours on the rows that have some (0 for the others)
    comp_s, maj_s, absent, unpaid_days = totals.complementary, totals.majorated, totals.absent, totals.unpaid_days
    absences = np.flatnonzero((absent != 0) | (unpaid_days != 0))
    deduction = _on_rows(absences, n, _deduction, base, absent, scheduled, unpaid_days, scheduled_days, rows.full_year)
    extra = np.flatnonzero((comp_s != 0) | (maj_s != 0))
    comp_pay = _on_rows(extra, n, _extra_pay, comp_s, rate, rows.complementary.values)
    maj_pay = _on_rows(extra, n, _extra_pay, maj_s, rate, rows.majorated_e4)
    gross = base - deduction + comp_pay + maj_pay + out["holiday_pay"]
    contributions_cents = withheld(facts, g, gross)  # the overtime reduction on the rows with extra pay only
    if len(extra):
        contributions_cents[extra] -= overtime_reduction(facts, g[extra], gross[extra], comp_pay[extra] + maj_pay[extra])
    out.update(
        base_salary=base, scheduled_seconds=scheduled, scheduled_days=scheduled_days,
        absence_deduction=deduction, complementary_seconds=comp_s, complementary_pay=comp_pay,
        majorated_seconds=maj_s, majorated_pay=maj_pay, gross_salary=gross,
        contributions=contributions_cents, net_salary=gross - contributions_cents,
        declared_hours=_declared_hours(rows, out["worked_seconds"], totals, base, deduction, annual, by_the_hour),
        declared_days=_declared_days(rows, pattern, totals, deduction, absences, by_the_hour),
        declared_complementary_hours=_on_rows(extra, n, kernel.half_up_div, comp_s, SECONDS_PER_HOUR),
        declared_majorated_hours=_on_rows(extra, n, kernel.half_up_div, maj_s, SECONDS_PER_HOUR),
    )
    return within_ceiling(facts, g, gross)


_DAYS_A_WEEK = pattern_counts(np.ones((1, 7), np.int64))[0]  # weekdays of each pattern
_WEEKS = 64  # a contract's weeks a year (1 to 52 on this route) in the low 6 bits of a key
# the kernel's Pajemploi days when nothing is deducted (the mensualised days, rounded up) of
# a year of each week pattern's days × 0 to 63 weeks: one lookup a row
_MENSUALISED_DAYS = kernel.activity_days_declared(np.outer(_DAYS_A_WEEK, np.arange(_WEEKS)).ravel(), 0, 0)


def _declared_days(rows: Rows, pattern: Ints, totals: Totals, deduction: Ints, absences: Ints,
                   occasional: Ints) -> Ints:
    """Pajemploi days of activity (:func:`~amcalc.month.activity_days_declared`): the mensualised
    days of the row's weekdays of care and weeks, read from the kernel's table; the kernel itself
    on the rows ``absences`` (the only ones with days wholly unpaid or a deduction) and on those
    in occasional care (``occasional``: the days of care given, art. 108.2)."""
    days = np.take(_MENSUALISED_DAYS, (pattern << 6) | (rows.weeks & (_WEEKS - 1)))
    if len(absences):
        annual = np.take(_DAYS_A_WEEK, np.take(pattern, absences)) * np.take(rows.weeks, absences)
        days[absences] = kernel.activity_days_declared(annual, np.take(totals.unpaid_days, absences),
                                                       np.take(deduction, absences))
    if len(occasional):
        days[occasional] = kernel.activity_days_declared(totals.days_cared[occasional] * 12,
                                                         totals.unpaid_days[occasional], deduction[occasional])
    return days


def _deduction(base: Ints, absent: Ints, scheduled: Ints, unpaid_days: Ints, scheduled_days: Ints,
               full_year: Any) -> Ints:
    """The deduction of absences (art. 111): the seconds absent over those scheduled for a
    contract of 52 weeks, the days wholly unpaid over those scheduled for 46 weeks or less
    (one kernel call on the terms chosen)."""
    return kernel.deduction_cents(base, kernel.choose(full_year, absent, unpaid_days),
                                  np.maximum(kernel.choose(full_year, scheduled, scheduled_days), 1))


def _extra_pay(seconds: Ints, rate: Ints, increase_e4: Ints) -> Ints:
    """The pay of complementary or majorated hours at the rate increased by ``increase_e4``
    (art. 110)."""
    return kernel.hours_pay_cents(seconds, rate, RATE_SCALE + increase_e4)


def _declared_hours(rows: Rows, worked: Ints, totals: Totals, base: Ints, deduction: Ints, annual: Ints,
                    occasional: Ints) -> Ints:
    """Pajemploi normal hours: the mensualised hours, the salary kept ÷ the rate where
    something is deducted or a usual working day is outside the contract (``totals.partial``;
    :func:`~amcalc.month.normal_hours_declared`, on those rows only: it gives the mensualised
    hours on the others), the hours done in occasional care (the rows ``occasional``), majorated
    ones aside (art. 108.2)."""
    hours = kernel.declared_hours(annual)
    partial = totals.partial
    kept = np.flatnonzero((deduction != 0) | (partial != 0))  # bools: no int64 cast
    if len(kept):
        hours[kept] = kernel.normal_hours_declared(base[kept], deduction[kept], np.maximum(rows.rate.values[kept], 1),
                                                   hours[kept], partial[kept])
    if len(occasional):
        done = worked[occasional] - totals.majorated[occasional] - totals.complementary[occasional]
        hours[occasional] = kernel.half_up_div(done, SECONDS_PER_HOUR)
    return hours


def _on_rows(index: Ints, n: int, function: Any, *columns: Any) -> Ints:
    """``function`` of the ``columns`` (arrays of n rows, or ints) on the rows ``index``; 0 on
    the others, where ``function`` gives 0 (no absence, no extra hour: nothing to pay or deduct)."""
    result = np.zeros(n, np.int64)
    if len(index):
        result[index] = function(*(c[index] if isinstance(c, np.ndarray) else c for c in columns))
    return result
