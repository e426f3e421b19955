"""Le mois jour par jour — the rows of the vector route with events: a (rows × 31 days)
plan of the month, or, for a whole month with only absences and weeks without care, those
days looked up in the calendar; the same checks and errors as
:func:`~amcalc.month.month_pay`."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from typing import Any

import attrs
import numpy as np

from amcalc.bulk.arrays import (
    EPOCH,
    Ints,
    distinct_rows,
    first_of_runs,
    is_in,
    repeated_rows,
    row_dot,
    row_sum,
    sorted_distinct,
)
from amcalc.bulk.calendar_answers import Art105, MonthDays, calendar_answers
from amcalc.bulk.kernels import Refusal, Totals, kernel, maintenance_rates, rates_of_rows, stacked, sum_by
from amcalc.bulk.month_facts import MonthFacts, are_holidays
from amcalc.bulk.rows import CAUSES, Events, Rows
from amcalc.errors import InvalidInput
from amcalc.extra_hours import CONVENTIONAL_WEEK_SECONDS
from amcalc.holiday_pay import holiday_uplift
from amcalc.money import scaled
from amcalc.month import (
    MAX_DAY_SECONDS,
    absence_not_on_care_day,
    absence_over_schedule,
    kept_when_occasional,
    week_without_care_day,
)

__all__ = ["absence_refusals", "days_looked_up", "with_events"]


def with_events(rows: Rows, events: Events, busy: Ints, out: dict[str, Ints], totals: Totals,
                 long_days: list[Ints], weeks: list[Ints], illness: Art105) -> tuple[Any, dict[int, Refusal]]:
    """Rows with events, a partial month or occasional care, as a (rows × 31 days) plan;
    fills ``out``, ``totals``, ``long_days`` ((row, day, seconds) of care over 13 h, art.
    96.1), ``weeks`` ((row, Monday, seconds) of every weekly total given, art. 96.3) and
    ``illness`` (art. 105); returns the rows to hand to the scalar route after all (what the
    columns alone could not settle), and the errors of the rows
    :func:`~amcalc.month.month_pay` refuses for an absence on a day without care or a weekly
    total without a day of care (their messages from the same functions)."""
    plan = _Plan.of(rows, events, busy)
    plan.absences(rows, events, illness)
    plan.weeks_given(rows, events, totals, long_days, weeks)
    plan.figures(rows, out, totals)
    # month_pay refuses those rows earlier, for another reason: the scalar route words it
    if plan.refused:
        for row in np.unique(np.concatenate([plan.repeated, plan.not_holiday])).tolist():
            plan.refused.pop(row, None)
    return plan.bad, _of_batch(plan.refused, busy)


@attrs.define
class _Plan:
    """The busy rows' month, one column a day (rows × 31), and what their events change.

    The seconds of a day are int32: a day holds at most 13 h planned (longer: the scalar
    route) or a week given whole, 168 h = 604 800 s (longer: the scalar route), so a row's
    month at most 31 × 604 800 = 18 748 800 s, far below 2³¹; sums of a row stay int32 and
    are widened where they land in the int64 columns, the money kernels get int64 operands
    (a day's entretien: the int32 seconds × the int64 rate a second)."""

    busy: Ints
    local: Ints  # batch row → index in busy, −1 for the others
    first: Ints  # day number of the month's first day
    sched: Ints  # seconds planned each day (the weekday's schedule)
    holiday: Any  # public holidays off (chômés)
    non_care: Any  # days of the weeks without care
    outside: Any  # days before the hiring or after the end (art. 111, PartialMonth.PRORATA)
    occasional: Any
    h_row: Ints  # holidays worked by agreement (art. 47, 101): rows and days
    h_day: Ints
    not_holiday: Ints  # rows giving a worked holiday that is not one: month_pay's error
    bad: Any  # rows to hand to the scalar route
    refused: dict[int, Refusal] = attrs.field(factory=dict)
    repeated: Ints = attrs.field(factory=lambda: np.zeros(0, np.int64))  # rows given a day twice
    # set by absences():
    actual: Ints = None  # seconds of care each day (the weeks given replace theirs in weeks_given())
    unpaid: Ints = None  # seconds unpaid by row (art. 111): its absences' and its holidays art. 47 leaves unpaid
    unpaid_days: Ints = None  # days wholly unpaid by row, of the same (figures() adds the days outside the contract)
    lost: Any = None  # holidays art. 47 leaves unpaid
    kept_absent: Ints = None  # occasional care: seconds of absence the parent keeps paying, per row (set when any)

    @classmethod
    def of(cls, rows: Rows, events: Events, busy: Ints) -> _Plan:
        m = len(busy)
        local = np.full(rows.n, -1, np.int64)
        local[busy] = np.arange(m)
        facts, g = rows.facts, rows.group[busy]
        holiday = np.take(stacked(tuple(facts), "holiday", bool), g, axis=0)  # np.take: faster than [g]
        first, length = rows.first[busy], rows.length[busy]
        sched = _planned(np.take(rows.schedule, busy, axis=0).astype(np.int32), first)
        for day in range(28, 31):  # no day past the month's end (a month has 28 days or more); a column at
            sched[:, day] *= day < length  # a time: on the (rows × 3) last days, numpy would loop 3 by 3
        keep = local[events.h_row] >= 0
        h_row, h_day = local[events.h_row[keep]], events.h_day[keep]
        not_holiday = h_row[~holiday[h_row, h_day] | (sched[h_row, h_day] == 0)]
        bad = np.zeros(m, bool)
        bad[not_holiday] = True
        holiday[h_row, h_day] = False  # the holidays left are those off
        return cls(busy, local, first, sched, holiday, _without_care(events, local, length),
                   _outside(rows, busy, first), rows.occasional[busy], h_row, h_day, not_holiday, bad)

    def absences(self, rows: Rows, events: Events, illness: Art105) -> None:
        """The absences' days: checked as month_pay checks them, unpaid as art. 105, 111 and
        47 say (certified illness and the holidays next to an unjustified absence:
        :func:`calendar_answers`); sets ``actual``, ``unpaid``, ``unpaid_days``, ``lost`` and
        ``kept_absent``. A row's absences and lost holidays are days apart (else the row is
        refused: an absence on a holiday off, or given twice), so their totals add up."""
        m, sched, bad = len(self.busy), self.sched, self.bad
        off = self.non_care | self.holiday  # a day off, or outside the contract: in place, one array
        off |= self.outside
        mine = np.flatnonzero(self.local[events.a_row] >= 0)  # the busy rows' absences: gathered by
        # np.take, several times faster than a boolean mask (most absences are the light rows')
        a_row, a_day = self.local.take(events.a_row.take(mine)), events.a_day.take(mine)
        whole, deducted = events.a_whole.take(mine), events.a_deducted.take(mine) > 0  # certified: decided below
        certified, asked = events.a_certified.take(mine), events.a_asks.take(mine)
        cell = a_row * 31 + a_day  # (row, day) in the flat plan: np.take and np.put, no 2-D index
        day_sched = np.take(sched, cell)
        seconds = np.where(whole, day_sched, events.a_seconds.take(mine))
        not_care_day = (day_sched == 0) | np.take(off, cell)
        over = ~not_care_day & (seconds > day_sched)
        self.refused = _checked(rows, self.busy, self.first, a_row, a_day, seconds, day_sched, deducted,
                                not_care_day, over, bad)
        self.repeated = repeated_rows(a_row, a_day)
        bad[self.repeated] = True
        # art. 105 and art. 47: certified illness days, and holidays next to an unjustified absence
        asks = asked & ~bad[a_row]
        by_holiday = np.flatnonzero(asks & ~certified)  # art. 47: in a month with a holiday off
        if len(by_holiday):
            asks[by_holiday] = (self.holiday[a_row[by_holiday]] & (sched[a_row[by_holiday]] > 0)).any(axis=1)
        self.lost = np.zeros((m, 31), bool)
        lost_row, lost_seconds = np.zeros(0, np.int64), np.zeros(0, np.int32)
        if asks.any():
            asking = distinct_rows(a_row[asks])
            answers = calendar_answers(rows, events, self.busy[asking],
                                       self._asked(rows, events, asking, off, a_row, a_day,
                                                   certified, asked & ~certified))
            bad[asking[answers.unanswered]] = True
            at = np.full(m, -1, np.int64)
            at[asking] = np.arange(len(asking))
            line = at[a_row]
            unpaid_illness = answers.unpaid_illness[np.maximum(line, 0), a_day] & (line >= 0)
            deducted = np.where(certified, unpaid_illness, deducted)
            lost_line, lost_day = np.nonzero(answers.unpaid_holidays)
            lost_row = asking[lost_line]
            lost_seconds = sched[lost_row, lost_day]  # a holiday off on a planned day: > 0, wholly unpaid
            self.lost[lost_row, lost_day] = True
            illness.update(answers.illness)
        self.unpaid, self.unpaid_days = _unpaid_totals(np.concatenate([a_row, lost_row]),
                                                      np.concatenate([seconds, lost_seconds]),
                                                      np.concatenate([day_sched, lost_seconds]),
                                                      np.concatenate([deducted, np.ones(len(lost_row), bool)]), m)
        # the plan (the weeks given replace their days): the working days' schedule, less each
        # absence on its day (an absence on another day refuses the row: 0 there, as the day)
        self.actual = sched * np.logical_not(off, out=off)  # the working days: off is read no more (in place)
        np.put(self.actual, cell, (day_sched - seconds) * ~not_care_day)
        if self.occasional.any():  # occasional care: certified illness is kept beyond the limits of art. 105
            kept = np.where(certified, ~deducted, _KEPT_WHEN_OCCASIONAL[events.a_cause.take(mine)])
            self.kept_absent = sum_by(a_row, seconds * kept, m)

    def _asked(self, rows: Rows, events: Events, asking: Ints, off: Any, a_row: Ints, a_day: Ints,
               certified: Any, unjustified: Any) -> MonthDays:
        """The month of the rows ``asking`` (local indices) as art. 105 and 47 ask it, from the
        busy rows' days ``off`` (holidays, weeks without care, outside the contract) and
        absences (``a_row``, ``a_day``, whether ``certified`` or ``unjustified``)."""
        lines = np.full(len(self.busy), -1, np.int64)
        lines[asking] = np.arange(len(asking))
        mine = np.flatnonzero(lines[a_row] >= 0)
        line, day = lines.take(a_row.take(mine)), a_day.take(mine)

        def marked(which: Any) -> Any:
            table = np.zeros((len(asking), 31), bool)
            table[line[which], day[which]] = True
            return table

        planned = self.sched[asking] > 0
        working = planned & ~off[asking]
        outside, non_care = self.outside[asking], self.non_care[asking]
        holiday = planned & ~outside & ~non_care & self.holiday[asking]
        holiday[:, 0] &= rows.month_key[self.busy[asking]] % 12 != 4  # not 1 May (Code du travail L3133-4)
        batch_rows = self.busy[asking]
        length = rows.length[batch_rows]

        def after(lines: Ints) -> Any:
            days = rows.first[batch_rows[lines], None] + length[lines, None] + np.arange(32)
            return _days_elsewhere(rows, events, batch_rows[lines], days)[0] > 0

        return MonthDays(working, holiday, marked(slice(None)),
                         marked(certified.take(mine)), marked(unjustified.take(mine)), after, length)

    def weeks_given(self, rows: Rows, events: Events, totals: Totals, long_days: list[Ints],
                    weeks: list[Ints]) -> None:
        """The weekly totals given replace their days, spread over the planned ones (a week
        across two months over both), and give the extra hours of this month's days."""
        keep = self.local[events.w_row] >= 0
        w_row, w_start, worked = self.local[events.w_row[keep]], events.w_start[keep], events.w_seconds[keep]
        if not len(w_row):
            return
        busy, first, actual = self.busy, self.first, self.actual
        self.repeated = np.concatenate([self.repeated, repeated_rows(w_row, w_start)])
        self.bad[self.repeated] = True
        length = rows.length[busy[w_row]]
        # (7 weekdays × weeks): a weekday's days contiguous, as the kernels take them (no transposed copy)
        inside = np.take(_WEEK_INSIDE, (w_start + 6) * 4 + length - 28, axis=1)  # the days of this month
        at = np.take(_WEEK_CLIPPED, w_start + 6, axis=1) + w_row * 31  # (day, week) in the flat plan
        weights = np.take(actual, at).astype(np.int64)  # the weeks' days in int64, as the kernels take them
        across = np.flatnonzero((w_start < 0) | (w_start + 7 > length))  # weeks that straddle two months
        if len(across):
            planned, elsewhere = _days_elsewhere(rows, events, busy[w_row[across]],
                                                 (first[w_row[across]] + w_start[across])[:, None] + np.arange(7))
            weights[:, across] = np.where(inside[:, across], weights[:, across], planned.T)
        threshold = weights.sum(axis=0)
        unplanned = np.flatnonzero(threshold == 0)  # no day planned: spread over the usual days
        if len(unplanned):  # (those weeks only) their usual days within the contract, of the months around too
            days_at = at[:, unplanned]
            usual = np.take(self.sched, days_at).astype(np.int64)
            np.copyto(usual, 0, where=np.take(self.outside, days_at))  # not ``*=``: bools cast
            if len(across):
                line = np.searchsorted(across, unplanned)  # an unplanned week's line in ``across``, if there
                straddle = np.flatnonzero(across.take(line, mode="clip") == unplanned)
                usual[:, straddle] = np.where(inside[:, unplanned[straddle]], usual[:, straddle],
                                              elsewhere[line[straddle]].T)
            weights[:, unplanned] = usual
        empty = threshold == 0
        empty[unplanned] = weights[:, unplanned].sum(axis=0) == 0
        wrong = np.flatnonzero(empty & (worked > 0))
        self.bad[w_row[wrong]] = True
        wrong = wrong[np.lexsort((w_start[wrong], w_row[wrong]))]  # the first week of each row
        wrong = wrong[first_of_runs(w_row[wrong])]
        for row, monday in zip(w_row[wrong].tolist(), (first[w_row[wrong]] + w_start[wrong]).tolist(), strict=True):
            self.refused.setdefault(row, _week_refusal(monday))
        weights[0, empty] = 1
        by_day = kernel.spread_seconds(worked, list(weights))  # a row a weekday
        parts = np.stack(by_day)
        cells = np.flatnonzero(inside)  # the weeks' days in this month (weekday × weeks + week)
        seconds = parts.take(cells)
        col, week = np.divmod(cells[seconds > MAX_DAY_SECONDS], len(w_row))  # art. 96.1 warnings
        long_days.append(np.stack([busy[w_row[week]], first[w_row[week]] + w_start[week] + col,
                                   parts[col, week]], axis=1))
        weeks.append(np.stack([busy[w_row], first[w_row] + w_start, worked], axis=1))  # art. 96.3
        # a fancy assignment of int32 (a day's seconds ≤ 604 800, see _Plan): 2.5 × faster than np.put
        actual.reshape(-1)[at.take(cells)] = seconds.astype(np.int32)
        # the week's extra hours, day by day: those of the month's days are this month's
        # (art. 96.4; occasional care: the hours beyond 45 h are majorated, art. 108.2)
        contract = kernel.choose(self.occasional[w_row], CONVENTIONAL_WEEK_SECONDS, threshold)
        comp, maj = kernel.split_week(worked, contract)
        for total, band_start, extra in ((totals.complementary, contract, comp),
                                         (totals.majorated, np.maximum(contract, CONVENTIONAL_WEEK_SECONDS), maj)):
            if len(across):  # only the days of this month, in the week's band (month.band_seconds)
                bands = kernel.band_seconds([d[across] for d in by_day], band_start[across], extra[across])
                extra[across] = (np.stack(bands) * inside[:, across]).sum(axis=0)
            np.add.at(total, busy[w_row], extra)

    def figures(self, rows: Rows, out: dict[str, Ints], totals: Totals) -> None:
        """Entretien, hours worked, what is unpaid, the holidays worked, and occasional care
        by the hour."""
        busy, actual, unpaid, unpaid_days = self.busy, self.actual, self.unpaid, self.unpaid_days
        rates = maintenance_rates(rows.facts, rows.group[busy])
        allowance = kernel.day_allowance(actual, rows.maintenance.values.take(busy)[:, None], rates)
        out["maintenance"][busy] = kernel.half_up_div(row_sum(allowance) * 100, rates_of_rows(rates).scale)
        out["worked_seconds"][busy] = row_sum(actual)
        hired_or_left = np.flatnonzero(rows.partial[busy])  # the usual working days outside the contract: unpaid
        if len(hired_or_left):
            # a product by the flags (int32 × bool), not a masked copy: no branch a day
            usual = np.take(self.sched, hired_or_left, axis=0) * np.take(self.outside, hired_or_left, axis=0)
            outside_days = row_sum((usual > 0).view(np.int8))  # at most 31: exact in int8
            totals.partial[busy[hired_or_left]] = outside_days > 0
            unpaid[hired_or_left] += row_sum(usual)
            unpaid_days[hired_or_left] += outside_days
        if self.occasional.any():  # occasional care is paid by the hour: nothing deducted
            unpaid[self.occasional] = unpaid_days[self.occasional] = 0
        totals.absent[busy] = unpaid
        totals.unpaid_days[busy] = unpaid_days
        if len(self.h_row):
            worked_holiday = np.zeros(actual.shape, bool)
            worked_holiday[self.h_row, self.h_day] = True
            out["holiday_pay"][busy] = _worked_holiday_pay(rows, busy, actual * worked_holiday)
        mine = np.flatnonzero(self.occasional)
        if len(mine):  # hours done, and the absences and holidays the parent keeps paying (art. 47)
            kept = self.kept_absent + row_sum(self.sched * (self.holiday & ~self.non_care & ~self.outside
                                                            & ~self.lost))
            totals.by_the_hour[busy[mine]] = (row_sum(actual) + kept)[mine] - totals.majorated[busy[mine]]
            totals.days_cared[busy[mine]] = np.count_nonzero(actual > 0, axis=1)[mine]


def _outside(rows: Rows, busy: Ints, first: Ints) -> Any:
    """(rows × 31) the days of the batch rows ``busy`` (months from the days ``first``) before
    the hiring or after the end (art. 111, PartialMonth.PRORATA): one gather of a row's 31
    flags, those of a whole month for the rows without either."""
    which = np.full(len(busy), _WHOLE_MONTH)
    partial = np.flatnonzero(rows.partial[busy])  # the others have every day within the contract
    hired_or_left = busy[partial]
    hired = np.clip(rows.start[hired_or_left] - first[partial], -1, 31)  # days of the month, −1 to 31
    left = np.clip(rows.end[hired_or_left] - first[partial], -1, 31)
    which[partial] = (hired + 1) * 33 + left + 1
    return np.take(_OUTSIDE, which, axis=0)


def _without_care(events: Events, local: Ints, length: Ints) -> Any:
    """(rows × 31) the days of the weeks without care of the rows ``local`` points to (batch
    row → index, −1 for the others; ``length``: their months' days), set in one scatter."""
    days = np.zeros((len(length), 31), bool)
    keep = local[events.c_row] >= 0
    row, monday = local[events.c_row[keep]], events.c_start[keep]
    day = monday[:, None] + np.arange(7)  # (weeks × 7) the weeks' days, from the month's first (0)
    inside = (day >= 0) & (day < length[row, None])
    days.reshape(-1)[(row[:, None] * 31 + day)[inside]] = True
    return days


def _planned(schedule: Ints, first: Ints) -> Ints:
    """Each row's weekday schedule (rows × 7, Monday first) laid over 31 days from its month's
    ``first`` day (a day number: 1 January 1970 was a Thursday): six weeks side by side, and
    of each row the 31 days from its first day's weekday (one gather, no index per day; the
    six weeks seen as (rows × 7 × 31) windows by an ndarray view, cheaper than ``as_strided``)."""
    weeks = np.tile(schedule, 6)
    step = weeks.strides[1]
    windows = np.ndarray((len(weeks), 7, 31), weeks.dtype, weeks, strides=(weeks.strides[0], step, step))
    return windows[np.arange(len(weeks)), (first + 3) % 7]


def _worked_holiday_pay(rows: Rows, busy: Ints, worked: Ints) -> Ints:
    """Majoration des jours fériés travaillés (CCN 3239 art. 47, 101; Code du travail L3133-6):
    ``worked`` (rows × 31) the seconds worked on holidays; one line for 1 May, one for the
    other holidays, at the uplift in force on the first day worked of each, as ``month_pay``."""
    may_day = np.zeros(worked.shape, bool)
    may_day[:, 0] = rows.month_key[busy] % 12 == 4
    pay = np.zeros(len(busy), np.int64)
    for group in (worked * may_day, worked * ~may_day):
        seconds = row_sum(group).astype(np.int64)  # the money kernel's int64
        mine = np.flatnonzero(seconds)
        first_day = rows.first[busy[mine]] + np.argmax(group[mine] > 0, axis=1)
        days, which = np.unique(first_day, return_inverse=True)  # the uplift once per day
        uplift = np.array([_uplift_e4(day) for day in days.tolist()], np.int64)[which.ravel()]
        pay[mine] += kernel.hours_pay_cents(seconds[mine], rows.rate.values[busy[mine]], uplift)
    return pay


@lru_cache(maxsize=1 << 12)
def _uplift_e4(day: int) -> int:
    """The uplift of hours worked on the holiday ``day`` (a day number), in 1/10 000."""
    return scaled(holiday_uplift(EPOCH + timedelta(days=day)).value, 4, "uplift")


def _days_elsewhere(rows: Rows, events: Events, row: Ints, days: Ints) -> tuple[Ints, Ints]:
    """For days (day numbers, one line for each of the batch rows ``row``) of the months
    before or after: the seconds planned (a usual working day within the contract, not a
    public holiday nor in a week without care) and the usual seconds (within the contract),
    as :class:`~amcalc.month.MonthCalendar` plans them; no absence is given for them."""
    usual = rows.schedule[row[:, None], (days + 3) % 7]
    usual = usual * ((days >= rows.start[row][:, None]) & (days <= rows.end[row][:, None]))
    mondays = days - (days + 3) % 7
    without_care = is_in(row[:, None] * (1 << 32) + mondays, events.non_care_weeks)
    off = are_holidays(days, rows.territory.values[row][:, None]) | without_care
    return usual * ~off, usual


def _checked(rows: Rows, batch_rows: Ints, first: Ints, a_row: Ints, a_day: Ints, seconds: Ints, day_sched: Ints,
             deducted: Any, not_care_day: Any, over: Any, bad: Any) -> dict[int, Refusal]:
    """The checks :func:`~amcalc.month.month_pay` makes of the absences (``a_row``: index in
    ``batch_rows``, whose months start on the days ``first``; ``a_day`` the day of the month)
    that the arrays answer: the rows with one on a day without care or longer than the day's
    schedule are ``bad`` and refused (their errors returned), those with part of a day deducted
    in a contract of 46 weeks or less are ``bad`` (the scalar route words them)."""
    bad[a_row[not_care_day | over]] = True
    partial = a_row[deducted & (seconds != day_sched)]
    bad[partial[~rows.full_year[batch_rows[partial]]]] = True
    return absence_refusals(a_row, first, a_day, not_care_day, over, day_sched)


def absence_refusals(row: Ints, first: Ints, day: Ints, not_care_day: Any, over: Any,
                      day_sched: Ints) -> dict[int, Refusal]:
    """Row → the error :func:`~amcalc.month.month_pay` gives for its first absence (in the
    given order) on a day without care or longer than the day's schedule (``row`` in order,
    ``day`` the day of the month of each absence, ``first`` the day number (days since 1970)
    of each row's month's first day)."""
    wrong = np.flatnonzero(not_care_day | over)
    if not len(wrong):
        return {}
    at = wrong[first_of_runs(row[wrong])]
    scheduled = np.where(not_care_day[at], -1, day_sched[at])
    return dict(zip(row[at].tolist(), map(_refusal, (first[row[at]] + day[at]).tolist(), scheduled.tolist()),
                    strict=True))


@lru_cache(maxsize=1 << 14)
def _refusal(day: int, scheduled: int) -> Refusal:
    """The error of an absence on ``day`` (days since 1970) not a day of care (``scheduled``
    −1) or longer than its ``scheduled`` seconds: the same for every row."""
    when = EPOCH + timedelta(days=day)
    return _refused(absence_not_on_care_day(when) if scheduled < 0 else absence_over_schedule(when, scheduled))


@lru_cache(maxsize=1 << 12)
def _week_refusal(monday: int) -> Refusal:
    """The error of a weekly total given for the week of ``monday`` (days since 1970) without
    a day of care: the same for every row."""
    return _refused(week_without_care_day(EPOCH + timedelta(days=monday)))


def _refused(error: InvalidInput) -> Refusal:
    """The code, field and message of an error (read, never raised)."""
    return error.code, error.field, error.message


def _of_batch(refused: dict[int, Refusal], rows: Ints) -> dict[int, Refusal]:
    """The errors of ``refused`` (index in ``rows`` → error) by row of the batch."""
    return dict(zip(rows[np.fromiter(refused, np.int64, len(refused))].tolist(), refused.values(), strict=True))


def days_looked_up(rows: Rows, events: Events, light: Ints, out: dict[str, Ints],
                    totals: Totals) -> tuple[Any, dict[int, Refusal]]:
    """Rows of a whole month whose only events are absences that ask neither art. 105 nor
    art. 47, and weeks without care, without a day-by-day plan: each day concerned is
    looked up in the month's calendar, and the month is the rows without events less
    those days. The same checks and figures as :func:`with_events`; returns the rows to
    hand to the scalar route and the refused rows' errors."""
    m = len(light)
    local = np.full(rows.n, -1, np.int64)
    local[light] = np.arange(m)
    facts, g = rows.facts, rows.group[light]
    sched = np.take(rows.schedule, light, axis=0)
    bad = np.zeros(m, bool)
    mine = np.flatnonzero(local[events.a_row] >= 0)  # their absences, gathered by np.take (faster than a mask)
    a_row, a_day = local.take(events.a_row.take(mine)), events.a_day.take(mine)
    holidays = stacked(tuple(facts), "holiday", bool)
    at = g[a_row] * 31 + a_day  # (month, day) in the flat (months × 31) tables: np.take, no 2-D index
    weekday, holiday = np.take(stacked(tuple(facts), "weekday"), at), np.take(holidays, at)
    weeks_off = _weeks_without_care(events, local, m)
    absent_off = (np.take(weeks_off, a_row) >> (a_day - weekday + 6) // 7) & 1 > 0  # in a week without care
    cell = a_row * 7 + weekday  # in the flat (rows × 7) table: np.take
    day_sched = np.take(sched, cell)
    whole, deducted = events.a_whole.take(mine), events.a_deducted.take(mine).astype(bool)
    seconds = np.where(whole, day_sched, events.a_seconds.take(mine))
    not_care_day = (day_sched == 0) | holiday | absent_off
    over = ~not_care_day & (seconds > day_sched)
    refused = _checked(rows, light, rows.first[light], a_row, a_day, seconds, day_sched, deducted, not_care_day,
                       over, bad)
    repeated = repeated_rows(a_row, a_day)
    bad[repeated] = True
    for row in np.unique(repeated).tolist():  # refused earlier, by the scalar route
        refused.pop(row, None)
    work = np.take(_working_days(tuple(facts)), g * _WEEK_SETS + weeks_off, axis=0)  # the weeks without care left out

    seconds = seconds * ~(not_care_day | over)  # those rows are refused: no figures
    per_hour = rows.maintenance.values[light]
    rates = maintenance_rates(facts, g)
    usual = kernel.day_allowance(sched, per_hour[:, None], rates)
    change = (kernel.day_allowance(day_sched - seconds, per_hour[a_row], rates_of_rows(rates, a_row))
              - np.take(usual, cell)) * (seconds > 0)
    maintenance = row_dot(work, usual) + sum_by(a_row, change, m)
    out["maintenance"][light] = kernel.half_up_div(maintenance * 100, rates_of_rows(rates).scale)
    out["worked_seconds"][light] = row_dot(work, sched) - sum_by(a_row, seconds, m)
    totals.absent[light], totals.unpaid_days[light] = _unpaid_totals(a_row, seconds, day_sched, deducted, m)
    return bad, _of_batch(refused, light)


def _unpaid_totals(row: Ints, seconds: Ints, day_sched: Ints, deducted: Any, m: int) -> tuple[Ints, Ints]:
    """The seconds unpaid and the days wholly unpaid (all their planned seconds) of each of
    ``m`` rows, from days apart (``row``, the ``seconds`` missing of the ``day_sched``
    planned, whether ``deducted``: art. 111)."""
    unpaid = seconds * deducted
    return sum_by(row, unpaid, m), sum_by(row, ((unpaid == day_sched) & (unpaid > 0)).astype(np.int64), m)


def _weeks_without_care(events: Events, local: Ints, m: int) -> Ints:
    """The weeks without care of the ``m`` rows ``local`` points to (batch row → index, −1
    for the others), as a set of the month's weeks each: bit k for the week whose Monday is
    the month's day 7k − 6 to 7k (the k-th week that has a day of the month, 0 to 5); a week
    given twice counts once."""
    keep = local[events.c_row] >= 0
    given, start = local[events.c_row[keep]], events.c_start[keep]
    overlaps = (start > -7) & (start < 31)
    # (row, the week's bit) as one key, row × 8 + k, distinct: their bits summed are their set
    weeks = sorted_distinct(given[overlaps] * 8 + (start[overlaps] + 6) // 7)
    sets = np.zeros(m, np.int64)
    np.add.at(sets, weeks >> 3, 1 << (weeks & 7))
    return sets


_WEEK_SETS = 1 << 6


@lru_cache(maxsize=64)
def _working_days(facts: tuple[MonthFacts, ...]) -> Any:
    """[month × 64 + set of weeks] (a row of 7) the days of each weekday of a batch's month
    that are not public holidays off (``work_counts``) nor in those weeks without care (bits
    as :func:`_weeks_without_care`'s; read-only, once per set of months)."""
    month, day = np.nonzero(stacked(facts, "in_month", bool) & ~stacked(facts, "holiday", bool))
    weekday = stacked(facts, "weekday")[month, day]
    by_week = np.zeros((len(facts), 6, 7), np.int64)  # [month, week, weekday]: a week has one day of each
    by_week[month, (day - weekday + 6) // 7, weekday] = 1  # a day's week: its Monday's day 7k − 6 to 7k
    table = stacked(facts, "work_counts")[:, None, :]  # [month, set, weekday], from the empty set
    for week in range(6):  # the sets with this week: those without it, less its days
        table = np.concatenate([table, table - by_week[:, week, None, :]], axis=1)
    table = table.reshape(-1, 7)
    table.flags.writeable = False
    return table


_WEEK_DAYS = np.arange(-6, 31)[:, None] + np.arange(7)  # [Monday + 6]: the week's days of the month, −6 to 36

_WEEK_CLIPPED = np.clip(_WEEK_DAYS, 0, 30).T.copy()
"""[weekday, Monday + 6] the week's days as columns of the (rows × 31) plan (those outside it clipped: read,
never written)."""

_WEEK_INSIDE = ((_WEEK_DAYS[:, None, :] >= 0)
                & (_WEEK_DAYS[:, None, :] < np.arange(28, 32)[:, None])).reshape(-1, 7).T.copy()
"""[weekday, (Monday + 6) × 4 + days in the month − 28] whether that day of the week is a day of the month."""

_DAY_LIMITS = np.arange(-1, 32)
_OUTSIDE = ((np.arange(31) < _DAY_LIMITS[:, None, None]) | (np.arange(31) > _DAY_LIMITS[None, :, None])).reshape(-1, 31)
"""[(first + 1) × 33 + last + 1] the days of a month before its ``first`` day of contract or
after its ``last`` (−1 to 31 each): a row's 31 flags in one gather, not two comparisons and an or."""

_WHOLE_MONTH = (-1 + 1) * 33 + 31 + 1
"""The line of :data:`_OUTSIDE` without a day outside (from before the month to after it)."""

_WEEK_CLIPPED.flags.writeable = _WEEK_INSIDE.flags.writeable = _OUTSIDE.flags.writeable = False

_KEPT_WHEN_OCCASIONAL = np.array([bool(kept_when_occasional(c)) for c in CAUSES], np.int64)
"""[cause] → 1 where occasional care keeps paying the absence (:func:`~amcalc.month.kept_when_occasional`;
certified illness: decided by art. 105, see :func:`with_events`)."""
