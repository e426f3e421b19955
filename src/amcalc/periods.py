"""Délais — periods counted in calendar days or in months from a first day.

A period of N days whose day 1 is ``first`` ends on day N; a period of N months
ends the day before the same date N months later (16 December → 15 January),
months being always added from the original date (dateutil's ``relativedelta``
clips to the month end and is not associative). When that month has no such
date (a period starting on 29–31 January), the end is an open point
(rules.md §8.3): :class:`MonthEnd` names the two readings.

>>> from datetime import date
>>> last_day(date(2024, 12, 16), months=1)
datetime.date(2025, 1, 15)
>>> last_day(date(2025, 1, 31), months=1), last_day(date(2025, 1, 31), months=1,
...     month_end=MonthEnd.DAY_BEFORE_CLIPPED)
(datetime.date(2025, 2, 28), datetime.date(2025, 2, 27))
>>> last_day(date(2022, 9, 26), days=8)
datetime.date(2022, 10, 3)
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from amcalc.errors import InvalidInput

__all__ = ["MonthEnd", "add_months", "check_span", "last_day"]


class MonthEnd(StrEnum):
    """Last day of a period in months when the final month has no same-numbered day."""

    LAST_DAY_OF_MONTH = "last_day_of_month"
    """Default: the period ends on the last day of that month (31 January → 28 February,
    31 March → 30 April), as a time limit in months expires on the last day of the month
    that lacks the same date (Code de procédure civile art. 641, by analogy)."""
    DAY_BEFORE_CLIPPED = "day_before_clipped"
    """The day before the date dateutil clips to (31 January → 27 February, 31 March → 29 April)."""


def add_months(day: date, months: int) -> date:
    """``day`` + ``months``, added from the original date (clipped to the month end)."""
    return day + relativedelta(months=months)


def last_day(
    first: date, *, days: int | None = None, months: int | None = None,
    month_end: MonthEnd = MonthEnd.LAST_DAY_OF_MONTH,
) -> date:
    """Last day of a period of ``days`` calendar days or ``months`` months whose day 1 is ``first``."""
    if days is not None:
        return first + timedelta(days=days - 1)
    same_day = add_months(first, months or 0)
    if same_day.day != first.day and month_end is MonthEnd.LAST_DAY_OF_MONTH:
        return same_day  # clipped: the final month has no such day
    return same_day - timedelta(days=1)


def check_span(start: date, end: date, field: str) -> None:
    """Refuse a period from ``start`` to ``end`` (inclusive) that ends before it starts."""
    if end < start:
        raise InvalidInput(field, f"la période du {start.strftime('%d/%m/%Y')} finit avant de commencer.")
