"""Les questions au calendrier — certified child illness (CCN 3239 art. 105) and the
holidays next to an unjustified absence (art. 47), answered row by row by
:func:`~amcalc.month.month_pay`'s own calendar and functions for the rows of the vector
route that ask them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import numpy as np

from amcalc.absences import AbsenceCause
from amcalc.bulk.arrays import EPOCH, day_or_none
from amcalc.bulk.month_facts import TERRITORIES
from amcalc.bulk.rows import CAUSES, Events, Rows
from amcalc.bulk.schema import Ints
from amcalc.child_illness import ChildIllnessLedger, LongAbsenceRule
from amcalc.errors import AmcalcError
from amcalc.month import Absence, MonthCalendar, MonthLedger, child_illness_days, unpaid_holidays_of

__all__ = ["Answers", "Art105", "calendar_answers"]


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
class Answers:
    """What art. 105 and art. 47 say of the rows that ask (see :func:`calendar_answers`)."""

    unpaid_illness: Any  # per absence: a certified illness day left unpaid
    holiday_row: Ints  # (local row, day of the month) of each holiday left unpaid
    holiday_day: Ints
    illness: Art105  # of the batch rows that ask
    unanswered: Ints  # local rows the calendar could not settle: the scalar route


def calendar_answers(rows: Rows, busy: Ints, a_row: Ints, a_day: Ints, events: Events, keep: Any,
                      asking: Ints, holidays: Any) -> Answers:
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
    non_care = _dates_by_row(events.c_row, rows.first[events.c_row] + events.c_start, batch_rows, rows.n)
    worked = _dates_by_row(events.h_row, rows.first[events.h_row] + events.h_day, batch_rows, rows.n)
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
                            {}, non_care.get(row, frozenset()), worked.get(row, frozenset()),
                            {a.day: a for a in its_absences})
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
    return Answers(unpaid_absence, np.array(holiday_row, np.int64), np.array(holiday_day, np.int64),
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


def _dates_by_row(row: Ints, days: Ints, batch_rows: Ints, n: int) -> dict[int, frozenset[date]]:
    """Batch row → its dates among ``days`` (day numbers of the rows ``row``), for the rows
    ``batch_rows`` (weeks without care, holidays worked)."""
    wanted = np.zeros(n, bool)
    wanted[batch_rows] = True
    mine = wanted[row]
    dates: dict[int, set[date]] = {}
    for r, day in zip(row[mine].tolist(), days[mine].tolist(), strict=True):
        dates.setdefault(r, set()).add(EPOCH + timedelta(days=day))
    return {r: frozenset(d) for r, d in dates.items()}
