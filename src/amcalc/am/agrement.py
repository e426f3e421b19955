"""Agrément et capacité d'accueil — how many children the AM may have at once (CASF L421-4).

The agrément states the number of children the AM may care for at the same
time, their ages and its dates of validity. Whatever it says, the law caps the
minors under 11 in her exclusive charge at 6, of whom at most 4 under 3, her
own children included while they are there (CASF L421-4).

>>> a = Agrement.of(children=3, max_age=6)
>>> a.children, a.max_age, a.valid_on(date(2026, 1, 5))
(3, 6, True)
>>> Agrement.of(children=0)
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: agrement : un agrément accueille de 1 à 6 enfants à la fois (0 donné).
"""

from __future__ import annotations

from datetime import date

import attrs
from dateutil.relativedelta import relativedelta

from amcalc.errors import InvalidInput

__all__ = ["MAX_MINORS_UNDER_11", "MAX_UNDER_3", "Agrement", "age_on", "whole_number"]

MAX_UNDER_3 = 4
"""Children under 3 in the AM's charge at once, her own included (CASF L421-4)."""
MAX_MINORS_UNDER_11 = 6
"""Minors under 11 in the AM's exclusive charge at once, her own included (CASF L421-4)."""


def whole_number(value: object, field: str, low: int = 0) -> int:
    """An integer of at least ``low`` (never a bool), or :class:`InvalidInput`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidInput(field, f"un nombre entier d'au moins {low} est attendu ({value!r}).")
    return value


def age_on(born: date, on: date) -> int:
    """Whole years of a child born on ``born``, on ``on``.

    >>> age_on(date(2023, 3, 1), date(2026, 2, 28)), age_on(date(2023, 3, 1), date(2026, 3, 1))
    (2, 3)
    """
    return relativedelta(on, born).years


@attrs.frozen(kw_only=True)
class Agrement:
    """The département's agrément (CASF L421-3, L421-4): ``children`` at once, the
    children's ``max_age`` (years, excluded: 6 means "under 6"; ``None`` when it says
    nothing), and its validity from ``start`` to ``end`` (``None``: not given)."""

    children: int = 4
    max_age: int | None = None
    start: date | None = None
    end: date | None = None

    @classmethod
    def of(cls, *, children: object = 4, max_age: object = None, start: object = None,
           end: object = None) -> Agrement:
        """The agrément, checked: 1 to 6 children (4 as a rule, +2 only by a temporary
        exception, CASF L421-4 II), dates in order."""
        count = whole_number(children, "agrement", 0)
        if not 1 <= count <= MAX_MINORS_UNDER_11:
            raise InvalidInput("agrement", f"un agrément accueille de 1 à {MAX_MINORS_UNDER_11} enfants "
                                           f"à la fois ({count} donné).")
        age = None if max_age is None else whole_number(max_age, "agrement.max_age", 1)
        for name, value in (("start", start), ("end", end)):
            if value is not None and not isinstance(value, date):
                raise InvalidInput(f"agrement.{name}", f"une date est attendue ({value!r}).")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            raise InvalidInput("agrement.end", "la fin de l'agrément précède son début.")
        return cls(children=count, max_age=age, start=start, end=end)  # type: ignore[arg-type]

    def valid_on(self, on: date) -> bool:
        """Whether the agrément is in force on ``on``."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)
