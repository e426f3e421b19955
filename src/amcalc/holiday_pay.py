"""Jours fériés — chômé or worked public holidays in a month's pay (CCN 3239 art. 47, 101).

- **1 May** is chômé with no loss of pay when it falls on a usual working day;
  worked only by agreement, its hours are paid **+100 %** (Code du travail L3133-6).
- **Ordinary holidays** (Code du travail L3133-1) worked when the contract lists
  them or the parties agreed in writing: hours **+10 %**.
- A chômé holiday on a usual working day keeps the usual pay if the AM worked
  the last scheduled day before it and the first one after it, unless the
  absence was authorised (no seniority condition); 1 May needs no condition.
  In the mensualised salary a maintained holiday is no deduction, and it counts
  in the art. 111 denominator.

Alsace and Moselle (Good Friday, 26 December) come from the contract's
territory (:class:`amcalc.calendar.Territory`): whether that local law reaches
an AM is an open question (rules.md §4.7), hence an opt-in territory.

>>> from datetime import date
>>> holiday_uplift(date(2025, 5, 1)).value, holiday_uplift(date(2025, 7, 14)).value
(Decimal('1.00'), Decimal('0.10'))
>>> is_may_day(date(2025, 5, 1))
True
"""

from __future__ import annotations

from datetime import date

from amcalc import parameters
from amcalc.parameters import DatedValue, Parameter

__all__ = ["holiday_uplift", "holiday_uplift_parameter", "is_may_day"]


def is_may_day(day: date) -> bool:
    """1 May, chômé by law (Code du travail L3133-4)."""
    return day.month == 5 and day.day == 1


def holiday_uplift_parameter(day: date) -> Parameter:
    """The parameter giving the majoration of hours worked on the holiday ``day``."""
    return parameters.get("may_day_worked_uplift" if is_may_day(day) else "worked_holiday_uplift")


def holiday_uplift(day: date) -> DatedValue:
    """Majoration of hours worked on the public holiday ``day`` (CCN 3239 art. 47, 101)."""
    return holiday_uplift_parameter(day).at(day)
