"""La voie vectorielle — the rows of a batch computed together on numpy arrays.

Every figure comes from the kernels of the single-contract API (integer
arithmetic on cents, seconds and 1/10 000 €, :func:`amcalc.money.half_up_div`),
called here on arrays unchanged (:data:`kernel`):
:func:`~amcalc.mensualisation.monthly_salary_cents`,
:func:`~amcalc.absences.deduction_cents`, :func:`~amcalc.extra_hours.split_week`,
:func:`~amcalc.month.spread_seconds`, :func:`~amcalc.extra_hours.hours_pay_cents`,
:func:`~amcalc.maintenance.day_allowance`,
:meth:`~amcalc.net_salary.ContributionKernel.withheld` and the Pajemploi kernels
of :mod:`amcalc.month`; the month's calendar comes from
:mod:`amcalc.bulk.month_facts`. Three shapes of row, from the cheapest: a whole
month without events (the weekday counts are enough), a whole month with
absences and weeks without care only (each of those days looked up), and the
others, planned day by day
(a rows × 31 matrix). Art. 105 and art. 47 are answered row by row by
``month_pay``'s own calendar and functions. Which rows come here: see
:mod:`amcalc.bulk.engine`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import attrs
import numpy as np

from amcalc.absences import AbsenceCause, deduction_cents
from amcalc.bulk.arrays import EPOCH, day_or_none, repeated_rows, row_dot, row_sum
from amcalc.bulk.month_facts import TERRITORIES, MonthFacts, are_holidays
from amcalc.bulk.rows import CAUSES, MAX_WEEK, Events, Rows
from amcalc.bulk.schema import Ints
from amcalc.child_illness import ChildIllnessLedger, LongAbsenceRule
from amcalc.duration import SECONDS_PER_HOUR, format_hours
from amcalc.errors import AmcalcError, InvalidInput
from amcalc.explain import french_date
from amcalc.extra_hours import CONVENTIONAL_WEEK_SECONDS, hours_pay_cents, split_week
from amcalc.holiday_pay import holiday_uplift
from amcalc.maintenance import MaintenanceRates, day_allowance
from amcalc.mensualisation import declared_hours, monthly_salary_cents
from amcalc.money import RATE_SCALE, choose, half_up_div, scaled
from amcalc.month import (
    DAY_REST_WARNING,
    HISTORY_WEEKS,
    MAX_DAY_SECONDS,
    Absence,
    MonthCalendar,
    MonthLedger,
    absence_not_on_care_day,
    absence_over_schedule,
    activity_days_declared,
    average_week_warning,
    band_seconds,
    child_illness_days,
    kept_when_occasional,
    long_week_warning,
    normal_hours_declared,
    spread_seconds,
    unpaid_holidays_of,
    week_without_care_day,
)
from amcalc.net_salary import ContributionKernel

__all__ = ["Art105", "kernel", "vector_route"]


kernel: Any = SimpleNamespace(
    ContributionKernel=ContributionKernel, MaintenanceRates=MaintenanceRates,
    activity_days_declared=activity_days_declared, choose=choose, day_allowance=day_allowance,
    declared_hours=declared_hours, deduction_cents=deduction_cents, half_up_div=half_up_div,
    hours_pay_cents=hours_pay_cents, monthly_salary_cents=monthly_salary_cents,
    normal_hours_declared=normal_hours_declared, spread_seconds=spread_seconds, split_week=split_week,
    band_seconds=band_seconds,
)
"""The shared kernels, typed for ``int``: here they run on numpy int64 arrays unchanged."""


_Error = tuple[str, str | None, str]  # code, field, French message of a refused row


def _per_row(facts: Sequence[MonthFacts], name: str, group: Ints) -> Ints:
    """A fact of each row's month, gathered by ``np.take`` (several times faster than
    fancy indexing for the (groups × 7) tables)."""
    return np.take(np.array([getattr(f, name) for f in facts], np.int64), group, axis=0)


def _per_group(values: Ints, group: Ints) -> Any:
    """``values`` (one per month group) for each row, or one int when every group has the same."""
    if (values == values[0]).all():
        return int(values[0])
    return np.take(values, group)


def _maintenance_rates(facts: Sequence[MonthFacts], group: Ints) -> Any:
    """A :class:`MaintenanceRates` of (rows × 1) arrays."""
    terms = _per_row(facts, "maintenance", group)
    return kernel.MaintenanceRates(*(terms[:, k:k + 1] for k in range(4)))


@attrs.frozen
class _Totals:
    """Per-row totals that the paths by day fill for the figures (rows of the batch)."""

    complementary: Ints  # seconds of the weeks given (art. 96.4)
    majorated: Ints
    absent: Ints  # seconds unpaid (art. 111, 52 weeks)
    unpaid_days: Ints  # days wholly unpaid (46 weeks or less)
    by_the_hour: Ints  # occasional care: seconds done or kept, paid at the hourly rate (art. 108.2)
    days_cared: Ints  # occasional care: days with care given

    @classmethod
    def zeros(cls, n: int) -> _Totals:
        return cls(*(np.zeros(n, np.int64) for _ in range(6)))


@attrs.frozen
class VectorResult:
    """What the vector route gives for a batch."""

    rows: Ints  # the rows it computed (indices)
    figures: dict[str, Ints]  # the number columns, rows of the batch
    warnings: dict[int, list[str]]
    refused: dict[int, _Error]  # rows refused by the single-contract API's checks
    illness: Art105  # the dates pay must resume, the counters for next month
    recent_weeks: Ints  # (row, Monday, seconds) of the weeks to carry, by row and Monday


def vector_route(rows: Rows, events: Events) -> VectorResult:
    """The rows that can take the vector route, computed together (see the module)."""
    n = rows.n
    # the columns filled part by part below; the others are computed whole at the end
    out = {name: np.zeros(n, np.int64) for name in ("maintenance", "worked_seconds", "holiday_pay")}
    fast = rows.fast & ~events.bad
    facts, g = rows.facts, rows.group
    sched = rows.schedule
    totals = _Totals.zeros(n)
    occasional = rows.occasional
    # art. 105 / 47 for occasional care or with holidays worked: the scalar route
    fast &= ~((occasional | events.holidays_worked) & events.asks)

    # rows without events: the weekday counts of the month are enough
    plain = np.flatnonzero(fast & ~events.has & ~rows.partial & ~occasional)
    if len(plain):
        g_plain, sched_plain = g[plain], np.take(sched, plain, axis=0)
        work = _per_row(facts, "work_counts", g_plain)
        terms = np.array([f.maintenance for f in facts], np.int64)
        scale, *others = (_per_group(terms[:, k], g_plain) for k in range(4))
        rates = kernel.MaintenanceRates(scale, *(t if isinstance(t, int) else t[:, None] for t in others))
        allowance = kernel.day_allowance(sched_plain, rows.maintenance.values[plain, None], rates)
        out["maintenance"][plain] = kernel.half_up_div(row_dot(work, allowance) * 100, scale)
        out["worked_seconds"][plain] = row_dot(work, sched_plain)

    # rows of a whole month with absences or weeks without care only: those days looked up
    quick = events.days_only & ~rows.partial & ~events.asks & ~occasional
    light = np.flatnonzero(fast & quick)
    refused: dict[int, _Error] = {}
    if len(light):
        bad, refused = _days_looked_up(rows, events, light, out, totals)
        fast[light[bad]] = False

    # rows with other events, and occasional care: the month's days, one column each
    busy = np.flatnonzero(fast & (events.has | rows.partial | occasional) & ~quick)
    long_days: list[Ints] = []
    weeks: list[Ints] = []
    # the counters carried from last month go on, without the absence then in progress
    illness = Art105({}, {row: attrs.evolve(book, open_run=None) for row, book in events.ledgers.items()})
    if len(busy):
        bad, busy_refused = _with_events(rows, events, busy, out, totals, long_days, weeks, illness)
        refused.update(busy_refused)
        fast[busy[bad]] = False

    # the figures of each row, from the kernels
    rate = rows.rate.values
    counts = _per_row(facts, "counts", g)
    days_per_week = (sched > 0).astype(np.int64)
    annual = row_sum(sched) * rows.weeks
    annual_days = row_sum(days_per_week) * rows.weeks
    base = kernel.monthly_salary_cents(annual, rate)  # mensualised (art. 109)
    by_the_hour = np.flatnonzero(occasional & fast)  # occasional care (art. 108.2, 109.3)
    base[by_the_hour] = kernel.hours_pay_cents(totals.by_the_hour[by_the_hour], rate[by_the_hour], RATE_SCALE)
    scheduled = row_dot(counts, sched)
    scheduled_days = row_dot(counts, days_per_week)
    # the kernels of absences and extra hours on the rows that have some (0 for the others)
    comp_s, maj_s, absent, unpaid_days = totals.complementary, totals.majorated, totals.absent, totals.unpaid_days
    absences = np.flatnonzero((absent != 0) | (unpaid_days != 0))
    deduction = _on_rows(absences, n, lambda b, a, s, u, d, full_year: kernel.choose(
        full_year, kernel.deduction_cents(b, a, np.maximum(s, 1)), kernel.deduction_cents(b, u, np.maximum(d, 1))),
        base, absent, scheduled, unpaid_days, scheduled_days, rows.full_year)
    extra = np.flatnonzero((comp_s != 0) | (maj_s != 0))
    comp_pay = _on_rows(extra, n, kernel.hours_pay_cents, comp_s, rate, RATE_SCALE + rows.complementary.values)
    maj_pay = _on_rows(extra, n, kernel.hours_pay_cents, maj_s, rate, RATE_SCALE + rows.majorated_e4)
    gross = base - deduction + comp_pay + maj_pay + out["holiday_pay"]
    lines = np.array([f.lines for f in facts], np.int64)
    used = np.flatnonzero((lines[:, :, 0] != 0).any(axis=0))
    lines = lines[:, :used[-1] + 1 if len(used) else 0]  # the padding after the last line withholds 0
    legal = np.array([f.legal for f in facts], np.int64)
    # each line's rate × base share per month, as (product, 1): the kernel only multiplies them;
    # a product the same in every month of the batch stays one int
    contributions = kernel.ContributionKernel(
        tuple((_per_group(lines[:, k, 0] * lines[:, k, 1], g), 1) for k in range(lines.shape[1])),
        _per_group(np.array([f.reduction for f in facts], np.int64), g),
        tuple((_per_group(legal[:, k, 0] * legal[:, k, 1], g), 1) for k in range(legal.shape[1])),
        _per_group(np.array([f.ceiling for f in facts], np.int64), g),
    )
    fast &= gross <= contributions.ceiling_cents
    withheld = contributions.withheld(gross, comp_pay + maj_pay)
    out.update(
        base_salary=base, scheduled_seconds=scheduled, scheduled_days=scheduled_days,
        absence_deduction=deduction, complementary_seconds=comp_s, complementary_pay=comp_pay,
        majorated_seconds=maj_s, majorated_pay=maj_pay, gross_salary=gross,
        contributions=withheld, net_salary=gross - withheld,
        declared_hours=kernel.choose(
            occasional, kernel.half_up_div(out["worked_seconds"] - maj_s - comp_s, SECONDS_PER_HOUR),
            kernel.normal_hours_declared(base, deduction, np.maximum(rate, 1), kernel.declared_hours(annual),
                                         rows.partial.astype(np.int64))),
        declared_days=kernel.activity_days_declared(kernel.choose(occasional, totals.days_cared * 12, annual_days),
                                                    unpaid_days, deduction),
        declared_complementary_hours=_on_rows(extra, n, kernel.half_up_div, comp_s, SECONDS_PER_HOUR),
        declared_majorated_hours=_on_rows(extra, n, kernel.half_up_div, maj_s, SECONDS_PER_HOUR),
    )
    given = np.concatenate(weeks) if weeks else np.zeros((0, 3), np.int64)
    given = given[fast[given[:, 0]]]
    carried = np.stack([events.r_row, events.r_week, events.r_seconds], axis=1)
    carried = carried[fast[carried[:, 0]]]
    return VectorResult(np.flatnonzero(fast), out, _row_warnings(rows, long_days, given, carried, fast),
                        refused, illness.of_rows(fast), _recent_weeks(rows, given, carried))


def _on_rows(index: Ints, n: int, function: Any, *columns: Any) -> Ints:
    """``function`` of the ``columns`` (arrays of n rows, or ints) on the rows ``index``; 0 on
    the others, where ``function`` gives 0 (no absence, no extra hour: nothing to pay or deduct)."""
    result = np.zeros(n, np.int64)
    if len(index):
        result[index] = function(*(c[index] if isinstance(c, np.ndarray) else c for c in columns))
    return result


@lru_cache(maxsize=1 << 16)
def _day_rest_text(day: int, seconds: int) -> str:
    """:data:`~amcalc.month.DAY_REST_WARNING` for a day number and its seconds of care."""
    return DAY_REST_WARNING.format(day=_french_day(day), hours=_hours_text(seconds))


@lru_cache(maxsize=1 << 12)
def _french_day(day: int) -> str:
    return french_date(EPOCH + timedelta(days=day))


@lru_cache(maxsize=1 << 16)
def _hours_text(seconds: int) -> str:
    return format_hours(seconds)


def _row_warnings(rows: Rows, long_days: list[Ints], given: Ints, carried: Ints,
                  fast: Any) -> dict[int, list[str]]:
    """Row → its warnings in the order of :func:`amcalc.month.month_pay`: weeks over 48 h,
    days over 13 h, then the 4-month average (art. 96.3, 96.1), worded by its functions.
    ``given``, ``carried``: (row, Monday, seconds) of the month's weeks and of the weeks
    carried from last month; the average can pass 48 h only in a row with a week over it
    (the usual week, unknown weeks' value, is at most 48 h on this route)."""
    warnings = _long_day_warnings(long_days, fast)
    heavy = np.union1d(given[given[:, 2] > MAX_WEEK, 0], carried[carried[:, 2] > MAX_WEEK, 0])
    for row in heavy.tolist():
        weeks = _weeks_of(given, row)
        last = EPOCH + timedelta(days=int(rows.first[row] + rows.length[row] - 1))
        # one weekday schedule: the contract's average week (annual hours / weeks) is its week
        average = average_week_warning(weeks, last, int(rows.schedule[row].sum()), None,
                                       MonthLedger(None, tuple(_weeks_of(carried, row))))
        warnings[row] = ([long_week_warning(monday, s) for monday, s in weeks if s > MAX_WEEK]
                         + warnings.get(row, []) + ([average] if average else []))
    return warnings


def _weeks_of(weeks: Ints, row: int) -> list[tuple[date, int]]:
    """(Monday, seconds) of the (row, Monday, seconds) ``weeks`` of ``row``, by Monday."""
    mine = weeks[weeks[:, 0] == row]
    return sorted((EPOCH + timedelta(days=day), seconds) for _, day, seconds in mine.tolist())


def _recent_weeks(rows: Rows, given: Ints, carried: Ints) -> Ints:
    """(row, Monday, seconds) of the weeks to carry to next month, by row and Monday: those
    carried and those given this month (which win for the same Monday), of the last 18 weeks
    (:attr:`amcalc.month.MonthLedger.weekly_hours`, as ``month_pay`` keeps them)."""
    weeks = np.concatenate([carried, given])
    source = np.repeat([0, 1], [len(carried), len(given)])
    order = np.lexsort((source, weeks[:, 1], weeks[:, 0]))
    weeks = weeks[order]
    last_of_week = np.ones(len(weeks), bool)  # the last entry of each (row, Monday): this month's
    last_of_week[:-1] = (weeks[1:, 0] != weeks[:-1, 0]) | (weeks[1:, 1] != weeks[:-1, 1])
    weeks = weeks[last_of_week]
    last = rows.first[weeks[:, 0]] + rows.length[weeks[:, 0]] - 1
    return weeks[weeks[:, 1] > last - 7 * HISTORY_WEEKS]


def _long_day_warnings(long_days: list[Ints], fast: Any) -> dict[int, list[str]]:
    """Row → its art. 96.1 warnings in day order, from (row, day, seconds) triples, in the
    words of :func:`amcalc.month.day_rest_warning` (each day and duration put in French once)."""
    if not long_days:
        return {}
    triples = np.concatenate(long_days)
    triples = triples[fast[triples[:, 0]]]
    triples = triples[np.lexsort((triples[:, 1], triples[:, 0]))]
    rows, days, seconds = triples.T.tolist()
    texts = [_day_rest_text(d, s) for d, s in zip(days, seconds, strict=True)]
    bounds = [*np.flatnonzero(np.diff(triples[:, 0], prepend=-1)).tolist(), len(texts)]
    return {rows[a]: texts[a:b] for a, b in zip(bounds, bounds[1:], strict=False)}


def _with_events(rows: Rows, events: Events, busy: Ints, out: dict[str, Ints], totals: _Totals,
                 long_days: list[Ints], weeks: list[Ints], illness: Art105) -> tuple[Any, dict[int, _Error]]:
    """Rows with events, a partial month or occasional care, as a (rows × 31 days) plan;
    fills ``totals``, ``long_days``
    ((row, day, seconds) of care over 13 h, art. 96.1) and ``weeks`` ((row, Monday, seconds)
    of every weekly total given, art. 96.3) and returns the rows to hand to the scalar route
    after all (what the columns alone could not settle), and the errors of the rows
    :func:`~amcalc.month.month_pay` refuses for an absence on a day without care or a weekly
    total without a day of care (their messages from the same functions); fills ``illness``
    (art. 105)."""
    m = len(busy)
    local = np.full(rows.n, -1, np.int64)
    local[busy] = np.arange(m)
    facts, g = rows.facts, rows.group[busy]
    weekday = np.array([f.weekday for f in facts], np.int64)[g]
    in_month = np.array([f.in_month for f in facts])[g]
    holiday = np.array([f.holiday for f in facts])[g]
    sched = np.take_along_axis(rows.schedule[busy], weekday, axis=1) * in_month
    first = rows.first[busy]
    day_index = np.arange(31)
    # days before the hiring or after the end: units not worked (art. 111, PartialMonth.PRORATA)
    outside = ((day_index < (rows.start[busy] - first)[:, None])
               | (day_index > (rows.end[busy] - first)[:, None]))
    bad = np.zeros(m, bool)

    non_care = np.zeros((m, 31), bool)
    keep = local[events.c_row] >= 0
    c_row, c_start = local[events.c_row[keep]], events.c_start[keep]
    for k in range(7):
        day = c_start + k
        inside = (day >= 0) & (day < 31)
        non_care[c_row[inside], day[inside]] = True
    non_care &= in_month
    keep = local[events.h_row] >= 0  # public holidays worked by agreement (art. 47, 101)
    h_row, h_day = local[events.h_row[keep]], events.h_day[keep]
    not_holiday = h_row[~holiday[h_row, h_day] | (sched[h_row, h_day] == 0)]  # month_pay words its error
    bad[not_holiday] = True
    holiday[h_row, h_day] = False  # the holidays left are those off (chômés)
    working = (sched > 0) & ~non_care & ~holiday & ~outside

    keep = keep_a = local[events.a_row] >= 0
    occasional = rows.occasional[busy]
    a_row, a_day = local[events.a_row[keep]], events.a_day[keep]
    whole, deducted = events.a_whole[keep], events.a_deducted[keep] > 0  # certified: decided below
    day_sched = sched[a_row, a_day]
    seconds = np.where(whole, day_sched, events.a_seconds[keep])
    partial_unpaid = deducted & (seconds != day_sched) & ~rows.full_year[busy][a_row]
    not_care_day = ~working[a_row, a_day]
    over = ~not_care_day & (seconds > day_sched)
    bad[a_row[not_care_day | over | partial_unpaid]] = True
    refused = _absence_refusals(a_row, first[a_row] + a_day, not_care_day, over, day_sched)
    repeated = repeated_rows(a_row, a_day)
    bad[repeated] = True
    # art. 105 and art. 47: certified illness days, and holidays next to an unjustified absence
    asks = events.a_asks[keep] & ~bad[a_row]
    usual_holidays = holiday & (sched > 0)
    asks &= events.a_certified[keep] | usual_holidays.any(axis=1)[a_row]
    unpaid = np.zeros((m, 31), np.int64)
    if asks.any():
        answers = _calendar_answers(rows, busy, a_row, a_day, events, keep, np.unique(a_row[asks]),
                                    usual_holidays)
        bad[answers.unanswered] = True
        deducted = np.where(events.a_certified[keep], answers.unpaid_illness, deducted)
        unpaid[answers.holiday_row, answers.holiday_day] = sched[answers.holiday_row, answers.holiday_day]
        illness.update(answers.illness)
    missing = np.zeros((m, 31), np.int64)
    missing[a_row, a_day] = seconds
    unpaid[a_row, a_day] = seconds * deducted
    if outside.any():
        unpaid = np.where(outside, sched, unpaid)
    actual = working * (sched - missing)  # the plan; the weeks given replace their days below

    keep = local[events.w_row] >= 0
    w_row, w_start, worked = local[events.w_row[keep]], events.w_start[keep], events.w_seconds[keep]
    if len(w_row):
        repeated = np.concatenate([repeated, repeated_rows(w_row, w_start)])
        bad[repeated] = True
        days = w_start[:, None] + np.arange(7)  # days of the month, −6 to 36
        inside = (days >= 0) & (days < rows.length[busy[w_row]][:, None])
        at = np.clip(days, 0, 30)
        weights = actual[w_row[:, None], at]
        usual = sched[w_row[:, None], at] * ~outside[w_row[:, None], at]
        across = np.flatnonzero(~inside.all(axis=1))  # weeks that straddle two months
        if len(across):
            planned, elsewhere = _days_elsewhere(rows, events, busy[w_row[across]],
                                                 first[w_row[across], None] + days[across])
            weights[across] = np.where(inside[across], weights[across], planned)
            usual[across] = np.where(inside[across], usual[across], elsewhere)
        threshold = row_sum(weights)
        weights = np.where((threshold == 0)[:, None], usual, weights)
        empty = row_sum(weights) == 0
        wrong = np.flatnonzero(empty & (worked > 0))
        bad[w_row[wrong]] = True
        wrong = wrong[np.lexsort((w_start[wrong], w_row[wrong]))]  # the first week of each row
        for k in wrong[np.unique(w_row[wrong], return_index=True)[1]].tolist():
            monday = EPOCH + timedelta(days=int(first[w_row[k]] + w_start[k]))
            refused.setdefault(int(w_row[k]), week_without_care_day(monday))
        weights[empty, 0] = 1
        by_day = kernel.spread_seconds(worked, [weights[:, k] for k in range(7)])
        parts = np.stack(by_day, axis=1)
        week, col = np.nonzero((parts > MAX_DAY_SECONDS) & inside)  # art. 96.1 warnings
        long_days.append(np.stack([busy[w_row[week]], first[w_row[week]] + days[week, col],
                                   parts[week, col]], axis=1))
        weeks.append(np.stack([busy[w_row], first[w_row] + w_start, worked], axis=1))  # art. 96.3
        week, col = np.nonzero(inside)
        actual[w_row[week], days[week, col]] = parts[week, col]
        # the week's extra hours, day by day: those of the month's days are this month's
        # (art. 96.4; occasional care: the hours beyond 45 h are majorated, art. 108.2)
        contract = kernel.choose(occasional[w_row], CONVENTIONAL_WEEK_SECONDS, threshold)
        comp, maj = kernel.split_week(worked, contract)
        for total, band_start, extra in ((totals.complementary, contract, comp),
                                         (totals.majorated, np.maximum(contract, CONVENTIONAL_WEEK_SECONDS), maj)):
            if len(across):  # only the days of this month, in the week's band (month.band_seconds)
                bands = kernel.band_seconds([d[across] for d in by_day], band_start[across], extra[across])
                extra[across] = row_sum(np.stack(bands, axis=1) * inside[across])
            np.add.at(total, busy[w_row], extra)

    rates = _maintenance_rates(facts, g)
    allowance = kernel.day_allowance(actual, rows.maintenance.values[busy, None], rates)
    out["maintenance"][busy] = kernel.half_up_div(row_sum(allowance) * 100, rates.scale[:, 0])
    out["worked_seconds"][busy] = row_sum(actual)
    unpaid *= ~occasional[:, None]  # occasional care is paid by the hour: nothing deducted
    totals.absent[busy] = row_sum(unpaid)
    totals.unpaid_days[busy] = np.count_nonzero((unpaid == sched) & (unpaid > 0), axis=1)
    if len(h_row):
        worked_holiday = np.zeros((m, 31), bool)
        worked_holiday[h_row, h_day] = True
        out["holiday_pay"][busy] = _worked_holiday_pay(rows, busy, actual * worked_holiday)
    if occasional.any():  # hours done, and the absences and holidays the parent keeps paying
        kept = _sum_by(a_row, seconds * _KEPT_WHEN_OCCASIONAL[events.a_cause[keep_a]], m)
        kept += row_sum(sched * (holiday & ~non_care & ~outside))
        mine = np.flatnonzero(occasional)
        totals.by_the_hour[busy[mine]] = (row_sum(actual) + kept)[mine] - totals.majorated[busy[mine]]
        totals.days_cared[busy[mine]] = np.count_nonzero(actual > 0, axis=1)[mine]
    # month_pay refuses those rows earlier, for another reason: the scalar route words it
    for row in np.unique(np.concatenate([repeated, not_holiday])).tolist():
        refused.pop(row, None)
    errors = {int(busy[row]): (e.code, e.field, e.message) for row, e in refused.items()}
    return bad, errors


def _worked_holiday_pay(rows: Rows, busy: Ints, worked: Ints) -> Ints:
    """Majoration des jours fériés travaillés (CCN 3239 art. 47, 101; Code du travail L3133-6):
    ``worked`` (rows × 31) the seconds worked on holidays; one line for 1 May, one for the
    other holidays, at the uplift in force on the first day worked of each, as ``month_pay``."""
    may_day = np.zeros(worked.shape, bool)
    may_day[:, 0] = rows.month_key[busy] % 12 == 4
    pay = np.zeros(len(busy), np.int64)
    for group in (worked * may_day, worked * ~may_day):
        seconds = row_sum(group)
        mine = np.flatnonzero(seconds)
        first_day = rows.first[busy[mine]] + np.argmax(group[mine] > 0, axis=1)
        uplift = np.array([_uplift_e4(day) for day in first_day.tolist()], np.int64)
        pay[mine] += kernel.hours_pay_cents(seconds[mine], rows.rate.values[busy[mine]], uplift)
    return pay


@lru_cache(maxsize=1 << 12)
def _uplift_e4(day: int) -> int:
    """The uplift of hours worked on the holiday ``day`` (a day number), in 1/10 000."""
    return scaled(holiday_uplift(EPOCH + timedelta(days=day)).value, 4, "uplift")


def _days_elsewhere(rows: Rows, events: Events, row: Ints, days: Ints) -> tuple[Ints, Ints]:
    """For days (day numbers, one line per week of ``row``, batch rows) of the month before
    or after: the seconds planned (a usual working day within the contract, not a public
    holiday nor in a week without care) and the usual seconds (within the contract), as
    :class:`~amcalc.month.MonthCalendar` plans them; no absence is given for them."""
    usual = rows.schedule[row[:, None], (days + 3) % 7]
    usual = usual * ((days >= rows.start[row][:, None]) & (days <= rows.end[row][:, None]))
    without_care = np.isin(row * (1 << 32) + days[:, 0], events.c_row * (1 << 32) + rows.first[events.c_row]
                           + events.c_start)
    off = are_holidays(days, rows.territory.values[row][:, None]) | without_care[:, None]
    return usual * ~off, usual


@attrs.frozen
class Art105:
    """What art. 105 says of rows: the date pay must resume (or the contract end), and
    the counters to carry to next month (:attr:`MonthPay.ledger`'s ``child_illness``)."""

    resume: dict[int, date]
    ledgers: dict[int, ChildIllnessLedger]

    def update(self, other: Art105) -> None:
        self.resume.update(other.resume)
        self.ledgers.update(other.ledgers)

    def of_rows(self, kept: Any) -> Art105:
        """Only the rows ``kept`` (a mask of the batch)."""
        return Art105({r: d for r, d in self.resume.items() if kept[r]},
                       {r: b for r, b in self.ledgers.items() if kept[r]})


@attrs.frozen
class _Answers:
    """What art. 105 and art. 47 say of the rows that ask (see :func:`_calendar_answers`)."""

    unpaid_illness: Any  # per absence: a certified illness day left unpaid
    holiday_row: Ints  # (local row, day of the month) of each holiday left unpaid
    holiday_day: Ints
    illness: Art105  # of the batch rows that ask
    unanswered: Ints  # local rows the calendar could not settle: the scalar route


def _calendar_answers(rows: Rows, busy: Ints, a_row: Ints, a_day: Ints, events: Events, keep: Any,
                      asking: Ints, holidays: Any) -> _Answers:
    """Art. 105 (certified illness days) and art. 47 (holidays next to an unjustified
    absence) for the rows ``asking`` (local indices into ``busy``, in order), answered by
    :func:`~amcalc.month.month_pay`'s own calendar and functions —
    :class:`~amcalc.month.MonthCalendar`, :func:`~amcalc.month.child_illness_days`,
    :func:`~amcalc.month.unpaid_holidays_of` — with its defaults, row by row (these rows are
    rare). ``a_row``, ``a_day``: the busy rows' absences (``keep`` of :class:`Events`'s);
    ``holidays``: (busy rows × 31) the public holidays on their usual working days."""
    asks = np.zeros(len(busy), bool)
    asks[asking] = True
    mine = np.flatnonzero(asks[a_row])
    mine = mine[np.argsort(a_row[mine], kind="stable")]  # the asking rows' absences, row by row
    absences = _absence_objects(rows.first[busy[a_row[mine]]] + a_day[mine], events, np.flatnonzero(keep)[mine])
    absence_bounds = _bounds(np.searchsorted(asking, a_row[mine]), len(asking))
    holiday_of, holiday_at = np.nonzero(holidays[asking])
    holiday_bounds, holiday_days = _bounds(holiday_of, len(asking)), holiday_at.tolist()
    batch_rows = busy[asking]
    non_care = _non_care_mondays(rows, events, batch_rows)
    unpaid_illness: list[bool] = []
    holiday_row: list[int] = []
    holiday_day: list[int] = []
    illness = Art105({}, {})
    unanswered: list[int] = []
    facts = zip(asking.tolist(), batch_rows.tolist(), rows.first[batch_rows].tolist(),
                rows.length[batch_rows].tolist(), rows.start[batch_rows].tolist(),
                rows.end[batch_rows].tolist(), rows.territory.values[batch_rows].tolist(),
                rows.schedule[batch_rows].tolist(), strict=True)
    for i, (local, row, first_day, length, start, end, territory, schedule) in enumerate(facts):
        first = EPOCH + timedelta(days=first_day)
        its_absences = absences[absence_bounds[i]:absence_bounds[i + 1]]
        cal = MonthCalendar(day_or_none(start), day_or_none(end), TERRITORIES[territory], [tuple(schedule)],
                            {}, non_care.get(row, frozenset()), frozenset(), {a.day: a for a in its_absences})
        # the month's days that can be unpaid holidays: holidays of usual working days
        candidates = holiday_days[holiday_bounds[i]:holiday_bounds[i + 1]]
        try:
            unpaid, unpaid_holidays, back, book = _row_answers(cal, first, length, candidates,
                                                               events.ledgers.get(row))
        except AmcalcError:
            unanswered.append(local)
            unpaid, unpaid_holidays, back, book = set(), set(), None, None
        unpaid_illness += [a.day in unpaid for a in its_absences]
        holiday_row += [local] * len(unpaid_holidays)
        holiday_day += [(h - first).days for h in unpaid_holidays]
        if back is not None:
            illness.resume[row] = back
        if book is not None:
            illness.ledgers[row] = book
    unpaid_absence = np.zeros(len(a_row), bool)
    unpaid_absence[mine] = unpaid_illness
    return _Answers(unpaid_absence, np.array(holiday_row, np.int64), np.array(holiday_day, np.int64),
                    illness, np.array(unanswered, np.int64))


def _absence_objects(days: Ints, events: Events, which: Ints) -> list[Absence]:
    """The events' absences ``which`` as :class:`~amcalc.month.Absence` (``days``: their days
    since 1970)."""
    return [Absence(day=EPOCH + timedelta(days=day), cause=CAUSES[cause], seconds=None if whole else seconds)
            for day, cause, whole, seconds in zip(days.tolist(), events.a_cause[which].tolist(),
                                                  events.a_whole[which].tolist(),
                                                  events.a_seconds[which].tolist(), strict=True)]


def _bounds(groups: Ints, n: int) -> list[int]:
    """Where each group 0 … n − 1 starts in the sorted ``groups``, then the end: group k
    spans [bounds[k], bounds[k + 1])."""
    bounds: list[int] = np.searchsorted(groups, np.arange(n + 1)).tolist()
    return bounds


def _row_answers(cal: MonthCalendar, first: date, length: int, candidates: list[int],
                 carried: ChildIllnessLedger | None) -> tuple[set[date], set[date], date | None,
                                                            ChildIllnessLedger | None]:
    """One row's unpaid certified illness days (art. 105, from the counters ``carried``),
    unpaid holidays among the ``candidates`` (days of the month, art. 47), the date pay
    must resume and the counters for next month, by :func:`~amcalc.month.month_pay`'s
    functions with its defaults (``month_of_row`` gives no option: the 14-day rule, one
    long absence a year)."""
    last = first + timedelta(days=length - 1)
    illness, back, book, _ = child_illness_days(cal.start, cal, first, last, cal.absences,
                                                MonthLedger(carried) if carried else None,
                                                LongAbsenceRule.FOURTEEN_DAYS, True)
    unjustified = any(a.cause is AbsenceCause.AM_UNJUSTIFIED for a in cal.absences.values())
    holidays = (unpaid_holidays_of(cal, [cal.day(first + timedelta(days=d)) for d in candidates])
                if unjustified else set())
    return {d.day for d in illness if not d.paid}, holidays, back, book


def _non_care_mondays(rows: Rows, events: Events, batch_rows: Ints) -> dict[int, frozenset[date]]:
    """Batch row → the Mondays of its weeks without care, for the rows ``batch_rows``."""
    wanted = np.zeros(rows.n, bool)
    wanted[batch_rows] = True
    care = wanted[events.c_row]
    mondays: dict[int, set[date]] = {}
    for row, day in zip(events.c_row[care].tolist(),
                        (rows.first[events.c_row[care]] + events.c_start[care]).tolist(), strict=True):
        mondays.setdefault(row, set()).add(EPOCH + timedelta(days=day))
    return {row: frozenset(days) for row, days in mondays.items()}


def _absence_refusals(row: Ints, day: Ints, not_care_day: Any, over: Any,
                      day_sched: Ints) -> dict[int, InvalidInput]:
    """Row → the error :func:`~amcalc.month.month_pay` gives for its first absence (in the
    given order) on a day without care or longer than the day's schedule (``day``: days since
    1970 of each absence, ``row`` in order)."""
    refused: dict[int, InvalidInput] = {}
    wrong = np.flatnonzero(not_care_day | over)
    for k in wrong[np.unique(row[wrong], return_index=True)[1]].tolist():
        when = EPOCH + timedelta(days=int(day[k]))
        refused[int(row[k])] = (absence_not_on_care_day(when) if not_care_day[k]
                                else absence_over_schedule(when, int(day_sched[k])))
    return refused


def _days_looked_up(rows: Rows, events: Events, light: Ints, out: dict[str, Ints],
                    totals: _Totals) -> tuple[Any, dict[int, _Error]]:
    """Rows of a whole month whose only events are absences that ask neither art. 105 nor
    art. 47, and weeks without care, without a day-by-day plan: each day concerned is
    looked up in the month's calendar, and the month is the rows without events less
    those days. The same checks and figures as :func:`_with_events`; returns the rows to
    hand to the scalar route and the refused rows' errors."""
    m = len(light)
    local = np.full(rows.n, -1, np.int64)
    local[light] = np.arange(m)
    facts, g = rows.facts, rows.group[light]
    sched = rows.schedule[light]
    bad = np.zeros(m, bool)
    keep = local[events.a_row] >= 0
    a_row, a_day = local[events.a_row[keep]], events.a_day[keep]
    weekdays = np.array([f.weekday for f in facts], np.int64)
    holidays = np.array([f.holiday for f in facts])
    absent_off, c_row, c_weekday = _weeks_without_care(events, local, sched, g, rows.length[light], weekdays,
                                                       holidays, a_row, a_day)
    weekday, holiday = weekdays[g[a_row], a_day], holidays[g[a_row], a_day]
    day_sched = sched[a_row, weekday]
    whole, deducted = events.a_whole[keep], events.a_deducted[keep].astype(bool)
    seconds = np.where(whole, day_sched, events.a_seconds[keep])
    partial_unpaid = deducted & (seconds != day_sched) & ~rows.full_year[light][a_row]
    not_care_day = (day_sched == 0) | holiday | absent_off
    over = ~not_care_day & (seconds > day_sched)
    bad[a_row[not_care_day | over | partial_unpaid]] = True
    refused = _absence_refusals(a_row, rows.first[light][a_row] + a_day, not_care_day, over, day_sched)
    repeated = repeated_rows(a_row, a_day)
    bad[repeated] = True
    for row in np.unique(repeated).tolist():  # refused earlier, by the scalar route
        refused.pop(row, None)
    work = np.array([f.work_counts for f in facts], np.int64)[g]

    seconds = seconds * ~(not_care_day | over)  # those rows are refused: no figures
    per_hour = rows.maintenance.values[light]
    rates = _maintenance_rates(facts, g)
    usual = kernel.day_allowance(sched, per_hour[:, None], rates)
    one_day = kernel.MaintenanceRates(*(t[a_row, 0] for t in (rates.scale, rates.agreed, rates.prorated,
                                                                rates.floor)))
    change = (kernel.day_allowance(day_sched - seconds, per_hour[a_row], one_day)
              - usual[a_row, weekday]) * (seconds > 0)
    maintenance = row_dot(work, usual) + _sum_by(a_row, change, m) - _sum_by(c_row, usual[c_row, c_weekday], m)
    out["maintenance"][light] = kernel.half_up_div(maintenance * 100, rates.scale[:, 0])
    out["worked_seconds"][light] = (row_dot(work, sched) - _sum_by(a_row, seconds, m)
                                    - _sum_by(c_row, sched[c_row, c_weekday], m))
    totals.absent[light] = _sum_by(a_row, seconds * deducted, m)
    totals.unpaid_days[light] = _sum_by(a_row, (deducted & (seconds == day_sched) & (seconds > 0)).astype(np.int64),
                                        m)
    return bad, {int(light[row]): (e.code, e.field, e.message) for row, e in refused.items()}


def _weeks_without_care(events: Events, local: Ints, sched: Ints, group: Ints, length: Ints, weekdays: Ints,
                        holidays: Any, a_row: Ints, a_day: Ints) -> tuple[Any, Ints, Ints]:
    """The weeks without care of the rows ``local`` points to (batch row → index, −1 for the
    others; ``sched``, ``group``, ``length``: theirs): whether each absence (``a_row``,
    ``a_day``) falls in one, and the usual working days of the month they take, each once:
    their rows and weekdays."""
    keep = local[events.c_row] >= 0
    given = local[events.c_row[keep]]
    with_weeks = np.unique(given)  # a (those rows × 31) mask of their days
    index = np.full(len(sched), -1, np.int64)
    index[with_weeks] = np.arange(len(with_weeks))
    row = np.repeat(given, 7)
    day = (events.c_start[keep][:, None] + np.arange(7)).ravel()
    inside = (day >= 0) & (day < length[row])
    off = np.zeros((len(with_weeks), 31), bool)
    off[index[row[inside]], day[inside]] = True  # a week given twice counts once
    at = index[a_row]
    absent_off = np.zeros(len(a_row), bool)
    absent_off[at >= 0] = off[at[at >= 0], a_day[at >= 0]]
    which, day = np.nonzero(off)
    row = with_weeks[which]
    weekday = weekdays[group[row], day]
    usual = (sched[row, weekday] > 0) & ~holidays[group[row], day]
    return absent_off, row[usual], weekday[usual]


_KEPT_WHEN_OCCASIONAL = np.array([kept_when_occasional(c) for c in CAUSES], np.int64)
"""[cause] → 1 where occasional care keeps paying the absence (:func:`~amcalc.month.kept_when_occasional`)."""


def _sum_by(row: Ints, values: Ints, m: int) -> Ints:
    """Σ of ``values`` per row (0 to m − 1), exact in int64."""
    totals = np.zeros(m, np.int64)
    np.add.at(totals, row, values)
    return totals
