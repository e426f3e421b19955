"""Période de référence — 1 June to 31 May (CCN 3239 art. 48.1.1.1).

Paid leave is earned over a reference period running from 1 June to the
next 31 May. A contract's first period runs from the hiring date to the next
31 May, its last one from 1 June to the end date (rules.md §6.1). Calendar
months never straddle two periods.

>>> from datetime import date
>>> reference_period(date(2024, 12, 25)).label
'du 01/06/2024 au 31/05/2025'
>>> [p.label for p in reference_periods(date(2024, 9, 2), date(2025, 8, 29))]
['du 02/09/2024 au 31/05/2025', 'du 01/06/2025 au 29/08/2025']
"""

from __future__ import annotations

from datetime import date

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import french_date
from amcalc.inputs import parse_date

__all__ = ["ReferencePeriod", "reference_period", "reference_periods"]

_FIRST_MONTH = 6  # the period opens on 1 June (CCN 3239 art. 48.1.1.1)


@attrs.frozen
class ReferencePeriod:
    """Days ``first`` to ``last`` (inclusive) of the reference period that ends on
    ``closing`` (a 31 May); ``first``/``last`` differ from 1 June/31 May for the
    first and last periods of a contract."""

    first: date
    last: date

    def __attrs_post_init__(self) -> None:
        if self.last < self.first or self.closing != _closing(self.first):
            raise InvalidInput(
                "last",
                f"du {french_date(self.first)} au {french_date(self.last)} ne tient pas dans une "
                "période de référence du 1er juin au 31 mai (CCN 3239 art. 48.1.1.1).",
            )

    @property
    def opening(self) -> date:
        """1 June that opens the whole period."""
        return date(self.closing.year - 1, _FIRST_MONTH, 1)

    @property
    def closing(self) -> date:
        """31 May that closes the whole period: the rights are acquired on that day."""
        return _closing(self.last)

    @property
    def is_partial(self) -> bool:
        """True for a contract's first or last period when it is not a whole year."""
        return self.first != self.opening or self.last != self.closing

    @property
    def label(self) -> str:
        return f"du {french_date(self.first)} au {french_date(self.last)}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def _closing(day: date) -> date:
    year = day.year + 1 if day.month >= _FIRST_MONTH else day.year
    return date(year, 5, 31)


def reference_period(day: date) -> ReferencePeriod:
    """Période de référence — the whole period (1 June – 31 May) containing
    ``day`` (CCN 3239 art. 48.1.1.1).

    >>> reference_period(date(2025, 6, 1)).closing
    datetime.date(2026, 5, 31)
    """
    closing = _closing(parse_date(day, "day"))
    return ReferencePeriod(date(closing.year - 1, _FIRST_MONTH, 1), closing)


def reference_periods(first: date, last: date) -> tuple[ReferencePeriod, ...]:
    """Périodes de référence d'un contrat — from its first day to its last (or
    to a date of your choice), the first and last ones cut to the contract
    (CCN 3239 art. 48.1.1.1).

    >>> reference_periods(date(2025, 3, 3), date(2025, 5, 31))[0].is_partial
    True
    """
    first, last = parse_date(first, "first"), parse_date(last, "last")
    if last < first:
        raise InvalidInput("last", "la fin précède le début du contrat.")
    periods = []
    start = first
    while start <= last:
        whole = reference_period(start)
        periods.append(ReferencePeriod(start, min(last, whole.closing)))
        start = date(whole.closing.year, _FIRST_MONTH, 1)
    return tuple(periods)
