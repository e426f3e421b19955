"""Les questions au calendrier — certified child illness (CCN 3239 art. 105) and the
holidays next to an unjustified absence (art. 47), for the rows of the vector route that
ask them, answered on (rows × 31 days) arrays of their month: the questions
:func:`~amcalc.month.month_pay` asks its calendar (the nearest working day before and
after a holiday, a working day without absence between two absences, the child's planned
return) asked of every row at once, and the decisions of art. 105 taken with the limits
and counters of :mod:`amcalc.child_illness` (the 5 short days, the one absence of 14
calendar days a contract year, :class:`~amcalc.child_illness.ChildIllnessLedger`).

A row these arrays cannot settle — its illness days in two contract years, an absence
carried over more than 366 days or starting after the illness, a day before the hiring —
is handed to the scalar route
(``month_pay`` itself, which gives its figures or its error)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
import numpy as np

from amcalc.bulk.arrays import EPOCH, NEVER, Ints, day_number, distinct_rows, first_of_runs, is_in
from amcalc.bulk.illness_counters import NO_DAY, YEAR_STARTS_FROM, Counters, year_starts
from amcalc.bulk.rows import Events, Rows
from amcalc.child_illness import (
    LONG_ABSENCE_CALENDAR_DAYS,
    SHORT_ABSENCE_DAYS,
    ChildIllnessLedger,
    ContractYearUsage,
)
from amcalc.month.planned_days import NEIGHBOUR_SEARCH_DAYS
from amcalc.month.unpaid_days import RETURN_SEARCH_DAYS

__all__ = ["Answers", "Art105", "MonthDays", "calendar_answers"]


@attrs.frozen
class Art105:
    """What art. 105 says of rows: the date pay must resume (or the contract end), and
    the counters to carry to next month (:attr:`MonthPay.ledger`'s ``child_illness``): as
    ledgers for the rows that carried some from last month and the scalar route's, as
    arrays for the others."""

    resume: dict[int, date]
    ledgers: dict[int, ChildIllnessLedger]
    counted: list[Counters] = attrs.field(factory=list)

    def update(self, other: Art105) -> None:
        self.resume.update(other.resume)
        self.ledgers.update(other.ledgers)
        self.counted.extend(other.counted)

    def of_rows(self, kept: Any) -> Art105:
        """Only the rows ``kept`` (a mask of the batch)."""
        return Art105({r: d for r, d in self.resume.items() if kept[r]},
                      {r: b for r, b in self.ledgers.items() if kept[r]},
                      [c.of_rows(kept) for c in self.counted if c.any()])

    def counters(self, n: int) -> Counters:
        """The counters of every row of a batch of ``n`` rows, as arrays (a row's ledger
        taking the place of its arrays; the parts without a row left out, one part as it is)."""
        parts = [c for c in self.counted if c.any()]
        if self.ledgers:
            objects = np.zeros(n, bool)
            objects[list(self.ledgers)] = True
            parts = [Counters.of_ledgers(self.ledgers), *(c.of_rows(~objects) for c in parts)]
        if len(parts) < 2:
            return parts[0] if parts else Counters.none()
        return Counters(*(np.concatenate(column) for column in zip(*(attrs.astuple(p, recurse=False)
                                                                      for p in parts), strict=True)))


@attrs.frozen
class MonthDays:
    """The month of the rows that ask, as :class:`~amcalc.month.MonthCalendar` sees it: one
    line a row, one column a day of the month (rows × 31, false past its end)."""

    work: Any  # status "work": a usual working day of the contract, not chômé, not in a week without care
    holiday: Any  # status "holiday": a public holiday off on a usual working day, 1 May aside
    absent: Any  # an absence is given for the day
    certified: Any  # … certified child illness (art. 105)
    unjustified: Any  # … an unjustified absence of the AM (art. 47)
    after: Callable[[Ints], Any]  # lines → (lines × 32) the working days planned after the month's end
    length: Ints  # days in the month


@attrs.frozen
class Answers:
    """What art. 105 and art. 47 say of the rows that ask (see :func:`calendar_answers`)."""

    unpaid_illness: Any  # (rows × 31) a certified illness day left unpaid
    unpaid_holidays: Any  # (rows × 31) a holiday left unpaid
    illness: Art105  # of the batch rows that ask
    unanswered: Ints  # rows the arrays could not settle: the scalar route


_FAR = -NO_DAY  # an index beyond any day of the arrays


def calendar_answers(rows: Rows, events: Events, asking: Ints, days: MonthDays) -> Answers:
    """Art. 105 (certified illness days) and art. 47 (holidays next to an unjustified
    absence) for the batch rows ``asking``, from ``days`` (their months, in that order),
    as :func:`~amcalc.month.month_pay` answers them with its defaults (``month_of_row``
    gives no option: the 14-day rule, one long absence a contract year)."""
    unanswered = np.zeros(len(asking), bool)
    unpaid_illness, illness = _child_illness(rows, events, asking, days, unanswered)
    return Answers(unpaid_illness, _unpaid_holidays(days), illness, np.flatnonzero(unanswered))


def _unpaid_holidays(days: MonthDays) -> Any:
    """Jours fériés chômés non payés (art. 47; :func:`~amcalc.month.unpaid_holidays_of`): a
    holiday off is unpaid when the nearest working day before or after it, within 14 days,
    was an unjustified absence. Days outside the contract and those of the months around
    have no absence: worked, as ``neighbour_worked`` counts them. Only the rows with a
    holiday and an unjustified absence are looked at: their nearest working days found for
    every day at once, then read at the holidays (a few a row)."""
    unpaid = np.zeros(days.work.shape, bool)
    lines = np.flatnonzero(days.holiday.any(axis=1) & days.unjustified.any(axis=1))  # the others: none unpaid
    if not len(lines):
        return unpaid
    work, unjustified = days.work[lines], days.unjustified[lines]
    column = np.arange(31, dtype=np.int32)  # days and ±_FAR (2²⁰): int32, as the arrays below
    previous = np.full((len(lines), 32), -_FAR, np.int32)  # [d]: the last working day before d
    np.maximum.accumulate(np.where(work, column, -_FAR), axis=1, out=previous[:, 1:])
    following = np.full((len(lines), 32), _FAR, np.int32)  # [d + 1]: the first working day after d
    following[:, :31] = np.minimum.accumulate(np.where(work, column, _FAR)[:, ::-1], axis=1)[:, ::-1]
    line, day = np.nonzero(days.holiday[lines])
    before, after = previous[line, day], following[line, day + 1]
    unworked_before = (day - before <= NEIGHBOUR_SEARCH_DAYS) & unjustified[line, np.clip(before, 0, 30)]
    unworked_after = (after - day <= NEIGHBOUR_SEARCH_DAYS) & unjustified[line, np.clip(after, 0, 30)]
    unworked = unworked_before | unworked_after
    unpaid[lines[line[unworked]], day[unworked]] = True
    return unpaid


def _child_illness(rows: Rows, events: Events, asking: Ints, days: MonthDays,
                   unanswered: Any) -> tuple[Any, Art105]:
    """Absences de l'enfant malade (art. 105; :func:`~amcalc.month.child_illness_days` and
    :func:`~amcalc.child_illness.assess_illness`): the month's certified days grouped into
    absences up to the child's planned return, an absence open at last month's end going
    on, each decided against the counters of its contract year."""
    unpaid = np.zeros(days.certified.shape, bool)
    line, day = np.nonzero(days.certified)  # by row, then day
    if not len(line):
        return unpaid, Art105({}, {})
    free = days.work & ~days.absent  # a working day without absence
    seen = np.zeros((len(free), 32), np.int8)  # working days without absence before each day: at most 31
    np.cumsum(free, axis=1, out=seen[:, 1:])
    # absences: certified days with no working day without absence between them
    first_of_line = first_of_runs(line)
    previous = np.concatenate([[0], day[:-1]])
    new = first_of_line | (seen[line, day] - seen[line, np.minimum(previous + 1, day)] > 0)
    run = np.cumsum(new) - 1
    opens = np.flatnonzero(new)
    run_line, run_first = line[opens], day[opens]
    run_last = day[np.append(opens[1:], len(day)) - 1]
    # an absence open at the end of last month goes on when no working day came between
    # (carried in a ledger: none without)
    start = run_first  # days of the month, from its first
    if events.ledgers:
        open_start, open_last = _open_runs(events, asking, rows.first[asking])
        since = np.clip(open_last[run_line] + 1, 0, run_first)
        goes_on = (first_of_line[opens] & (open_start[run_line] > -_FAR)
                   & (seen[run_line, run_first] - seen[run_line, since] == 0))
        start = np.where(goes_on, open_start[run_line], run_first)
    end = _planned_return(days, free, run_line, run_last) - 1
    # IllnessAbsence refuses a span over 366 days, or one ending before it starts (an open
    # absence carried that starts after this month's illness)
    unanswered[run_line[(end - start >= 366) | (end < start)]] = True
    decided = _decided(run_line, start, end, run_first, run_last, np.bincount(run, minlength=len(opens)), len(free),
                       events, asking, rows, unanswered)
    long_run, short_unpaid, resume, touched, short_days, long_start, year_start = decided
    rank = np.arange(len(day)) - opens[run]
    unpaid[line, day] = np.where(long_run[run], day < start[run] + LONG_ABSENCE_CALENDAR_DAYS,
                                 rank < short_unpaid[run])
    last_run = np.append(run_line[1:] != run_line[:-1], True)
    still_open = last_run & (end >= days.length[run_line] - 1)  # the child is not back before next month
    first_days = rows.first[asking]
    # the absence left open at the month's end, for next month (day numbers)
    left_start, left_last = np.full(len(free), NO_DAY), np.full(len(free), NO_DAY)
    left_start[run_line[still_open]] = first_days[run_line[still_open]] + start[still_open]
    left_last[run_line[still_open]] = first_days[run_line[still_open]] + run_last[still_open]
    ill = distinct_rows(line[~unanswered[line]])
    resumed = ill[resume[ill] < _FAR]
    illness = Art105(dict(zip(asking[resumed].tolist(), map(_date, (first_days + resume)[resumed].tolist()),
                              strict=True)), {})
    # the rows that carried counters from last month go on from their ledger, the others on arrays
    carried = _carrying(events, asking[ill])
    for i in ill[carried].tolist():
        book = events.ledgers[int(asking[i])]
        if touched[i]:
            book = book.with_usage(ContractYearUsage(
                _date(int(year_start[i])), int(short_days[i]),
                _date(int(long_start[i])) if long_start[i] != NO_DAY else None))
        illness.ledgers[int(asking[i])] = ChildIllnessLedger(
            book.hired, book.years,
            (_date(int(left_start[i])), _date(int(left_last[i]))) if left_start[i] != NO_DAY else None)
    new = ill[~carried]
    counted = new[touched[new]]
    illness.counted.append(Counters(asking[new], left_start[new], left_last[new], asking[counted],
                                    year_start[counted], short_days[counted], long_start[counted]))
    return unpaid, illness


def _planned_return(days: MonthDays, free: Any, run_line: Ints, run_last: Ints) -> Ints:
    """The child's planned return after each absence (art. 105): the next working day without
    absence of the month, else the next planned day after it, searched for
    :data:`~amcalc.month.unpaid_days.RETURN_SEARCH_DAYS` days (beyond: the day after that search)."""
    reach = np.full((len(free), 32), _FAR, np.int32)  # days and _FAR (2²⁰): int32; a day past the month
    np.copyto(reach[:, :31], np.arange(31, dtype=np.int32), where=free)
    back = np.minimum.accumulate(reach[:, ::-1], axis=1)[:, ::-1][run_line, run_last + 1].astype(np.int64)
    later = np.flatnonzero(back == _FAR)  # not back within the month
    if len(later):
        planned = days.after(run_line[later])
        back[later] = np.where(planned.any(axis=1), days.length[run_line[later]] + np.argmax(planned, axis=1), _FAR)
    return np.where(back - run_last <= RETURN_SEARCH_DAYS, back, run_last + RETURN_SEARCH_DAYS + 1)


def _decided(run_line: Ints, start: Ints, end: Ints, run_first: Ints, run_last: Ints, count: Ints, lines: int,
             events: Events, asking: Ints, rows: Rows, unanswered: Any) -> tuple[Any, ...]:
    """Each absence decided in date order against its contract year's counters
    (:func:`~amcalc.child_illness.assess_illness`, the 14-day rule, one long absence a
    year): whether it is the long absence, how many of its first days are short days left
    unpaid; per row, the first day pay must resume (days from the month's first), whether
    the counters changed, and the counters of the contract year."""
    first = rows.first[asking]
    year_start = np.zeros(lines, np.int64)
    short_days = np.zeros(lines, np.int64)
    long_start = np.full(lines, -_FAR)
    ill = distinct_rows(run_line)
    # the days that place a row's absences in contract years (art. 105 counts a long absence
    # in the year of its start, short days in their own): its certified days, and the start
    # of its first absence (an absence carried open may start before or after them)
    head, tail = np.searchsorted(run_line, ill), np.searchsorted(run_line, ill, side="right") - 1
    earliest = first[ill] + np.minimum(start[head], run_first[head])
    latest = first[ill] + np.maximum(start[head], run_last[tail])
    hired = rows.start[asking[ill]]
    # not placed: a day before the hiring (contract_year_start's error), no hiring date, before the year 5
    placed = (earliest >= hired) & (hired > -NEVER) & (earliest >= YEAR_STARTS_FROM)
    unanswered[ill[~placed]] = True
    ill, hired, earliest, latest = ill[placed], hired[placed], earliest[placed], latest[placed]
    opened, closed = year_starts(np.concatenate([hired, hired]), np.concatenate([earliest, latest])).reshape(2, -1)
    one_year = opened == closed
    unanswered[ill[~one_year]] = True
    ill, opened = ill[one_year], opened[one_year]
    year_start[ill] = opened - first[ill]
    carried = _carrying(events, asking[ill])
    for i, day in zip(ill[carried].tolist(), opened[carried].tolist(), strict=True):
        used = events.ledgers[int(asking[i])].usage(_date(day))
        short_days[i] = used.short_days
        long_start[i] = day_number(used.long_absence) - first[i] if used.long_absence else -_FAR
    order = np.arange(len(run_line)) - np.searchsorted(run_line, run_line)  # k-th absence of its row
    long_run = np.zeros(len(run_line), bool)
    short_unpaid = np.zeros(len(run_line), np.int64)
    resume = np.full(lines, _FAR)
    touched = np.zeros(lines, bool)
    for k in range(int(order.max()) + 1):
        now = np.flatnonzero(order == k)
        i = run_line[now]
        allowed = (long_start[i] == -_FAR) | (long_start[i] == start[now])
        long = (end[now] - start[now] + 1 >= LONG_ABSENCE_CALENDAR_DAYS) & allowed
        unpaid = np.minimum(count[now], np.maximum(SHORT_ABSENCE_DAYS - short_days[i], 0)) * ~long
        short_days[i] += unpaid
        long_start[i] = np.where(long, start[now], long_start[i])
        beyond = long & (end[now] >= start[now] + LONG_ABSENCE_CALENDAR_DAYS)
        resume[i] = np.where(beyond, start[now] + LONG_ABSENCE_CALENDAR_DAYS, resume[i])  # one long a year
        touched[i] |= long | (unpaid > 0)
        long_run[now], short_unpaid[now] = long, unpaid
    return (long_run, short_unpaid, resume, touched, short_days,
            np.where(long_start > -_FAR, long_start + first, -_FAR), year_start + first)


def _open_runs(events: Events, asking: Ints, first: Ints) -> tuple[Ints, Ints]:
    """The absence open at last month's end of each row (its first and last day, from the
    month's first day), −_FAR where none is carried."""
    start = np.full(len(asking), -_FAR)
    last = np.full(len(asking), -_FAR)
    for i in np.flatnonzero(_carrying(events, asking)).tolist():
        carried = events.ledgers[int(asking[i])]
        if carried.open_run is not None:
            start[i] = day_number(carried.open_run[0]) - first[i]
            last[i] = day_number(carried.open_run[1]) - first[i]
    return start, last


def _carrying(events: Events, rows: Ints) -> Any:
    """Whether each of the batch ``rows`` carries a ledger from last month (``events.ledgers``)."""
    return is_in(rows, np.fromiter(events.ledgers, np.int64, len(events.ledgers)))


def _date(day: int) -> date:
    return EPOCH + timedelta(days=day)
