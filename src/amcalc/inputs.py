"""Saisies — the boundary where every public entry point reads what a user passes.

One place turns loose values into the library's types, or raises
:class:`~amcalc.errors.InvalidInput` naming the field and saying what is
expected; the calculations behind it never see anything else. Numbers are read
by :func:`amcalc.money.parse_money` (money, at most 4 decimals for rates),
:func:`amcalc.money.parse_ratio` and :func:`amcalc.duration.parse_hours`, which
share the same bound on magnitudes; this module reads the rest: dates, months,
whole numbers, yes/no, choices and tables.

Dates are a :class:`datetime.date` or ISO text ``"2025-09-01"``. A ``datetime``
at midnight (what a date column of a data frame holds) is taken as its date on
purpose; one with a time of day is refused, as the rules count whole days.
Dates run from 1900 to 2199, a range that keeps every date computed from them
(notice, anniversaries, reference periods) valid.

>>> from datetime import date, datetime
>>> parse_date("2025-09-01", "start"), parse_date(datetime(2025, 9, 1), "start")
(datetime.date(2025, 9, 1), datetime.date(2025, 9, 1))
>>> parse_date("01/09/2025", "start")
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: start : une date est attendue, au format AAAA-MM-JJ (« 2025-09-01 ») : '01/09/2025'.
>>> parse_month("2025-03"), parse_whole(4, "days_per_week")
((2025, 3), 4)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from amcalc.errors import InvalidInput

__all__ = [
    "FIRST_DATE",
    "LAST_DATE",
    "parse_choice",
    "parse_count",
    "parse_date",
    "parse_flag",
    "parse_items",
    "parse_month",
    "parse_optional_date",
    "parse_span",
    "parse_table",
    "parse_whole",
]

FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _in_range(day: date, field: str) -> date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise InvalidInput(field, f"le {day.isoformat()} est hors des dates calculées (de 1900 à 2199).")
    return day


def parse_date(value: object, field: str) -> date:
    """A ``date``, ``"YYYY-MM-DD"`` text or a ``datetime`` at midnight, as a ``date``."""
    if isinstance(value, datetime):
        if value.time() != datetime.min.time() or value.tzinfo is not None:
            raise InvalidInput(field, f"une date sans heure est attendue ({value.isoformat()}) : "
                               "les règles comptent des jours entiers.")
        return _in_range(value.date(), field)
    if isinstance(value, date):
        return _in_range(value, field)
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return _in_range(date.fromisoformat(value.strip()), field)
        except ValueError:
            pass
    raise InvalidInput(field, "une date est attendue, au format AAAA-MM-JJ (« 2025-09-01 ») : "
                       f"{value!r}.")


def parse_span(holder: object, first: str, last: str, field: str, *, max_days: int | None = None) -> None:
    """Parse the dates ``first`` and ``last`` of a frozen ``holder`` in place (its
    ``__attrs_post_init__``), refusing a span that ends before it starts or lasts over
    ``max_days`` days."""
    start = parse_date(getattr(holder, first), f"{field}.{first}")
    end = parse_date(getattr(holder, last), f"{field}.{last}")
    object.__setattr__(holder, first, start)
    object.__setattr__(holder, last, end)
    if end < start:
        raise InvalidInput(f"{field}.{last}", f"la période du {start.isoformat()} finit avant de "
                           "commencer.")
    if max_days is not None and (end - start).days >= max_days:
        raise InvalidInput(f"{field}.{last}", f"du {start.isoformat()} au {end.isoformat()} : "
                           f"une telle période ne dépasse pas {max_days} jours.")


def parse_optional_date(value: object, field: str) -> date | None:
    """:func:`parse_date`, with ``None`` kept for an input left out."""
    return None if value is None else parse_date(value, field)


def parse_month(month: object, field: str = "month") -> tuple[int, int]:
    """(year, month) of ``"YYYY-MM"``, of a (year, month) pair or of a date's month.

    >>> parse_month((2025, 13))
    Traceback (most recent call last):
    ...
    amcalc.errors.InvalidInput: month : mois impossible, écrivez AAAA-MM (« 2025-03 ») : (2025, 13).
    """
    if isinstance(month, date):
        day = parse_date(month, field)
        return day.year, day.month
    if isinstance(month, tuple) and len(month) == 2 and all(
            isinstance(x, int) and not isinstance(x, bool) for x in month):
        year, number = month
    elif isinstance(month, str) and (found := _ISO_MONTH.match(month.strip())):
        year, number = int(found[1]), int(found[2])
    else:
        raise InvalidInput(field, f"mois attendu au format AAAA-MM (« 2025-03 »), pas {month!r}.")
    if not 1 <= number <= 12 or not FIRST_DATE.year <= year <= LAST_DATE.year:
        raise InvalidInput(field, f"mois impossible, écrivez AAAA-MM (« 2025-03 ») : {month!r}.")
    return year, number


def parse_whole(value: object, field: str) -> int:
    """A whole number, given as an ``int`` (``4``, not ``"4"`` nor ``4.0``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(field, f"un nombre entier est attendu, écrit sans guillemets (4), pas {value!r}.")
    return value


def parse_count(value: object, field: str, *, least: int, most: int) -> int:
    """A whole number between ``least`` and ``most`` (children, places…)."""
    count = parse_whole(value, field)
    if not least <= count <= most:
        raise InvalidInput(field, f"un nombre entre {least} et {most} est attendu ({count}).")
    return count


def parse_flag(value: object, field: str) -> bool:
    """``True`` or ``False`` (never a truthy string or number)."""
    if not isinstance(value, bool):
        raise InvalidInput(field, f"vrai ou faux est attendu ({value!r}).")
    return value


def parse_table(value: object, field: str, expected: str) -> Mapping[str, Any]:
    """A table (mapping) of ``expected`` content, e.g. a weekday schedule."""
    if not isinstance(value, Mapping):
        raise InvalidInput(field, f"une table {expected} est attendue ({type(value).__name__} reçu).")
    return value


def parse_tables(inputs: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """The array of tables under ``key`` of scenario-format inputs (``[[key]]`` in TOML), empty
    when ``key`` is not given."""
    value = inputs.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise InvalidInput(key, "un tableau de tables TOML est attendu.")
    return value


T = TypeVar("T")


def parse_items(value: object, kind: type[T], field: str) -> tuple[T, ...]:
    """A list (any iterable but text or a table) of ``kind`` objects, as a tuple."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInput(field, f"une liste de {kind.__name__} est attendue ({type(value).__name__} reçu).")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInput(f"{field}[{index}]", f"un {kind.__name__} est attendu "
                               f"({type(item).__name__} reçu).")
    return items


E = TypeVar("E", bound=StrEnum)


def parse_choice(kind: type[E], value: object, field: str) -> E:
    """The member of ``kind`` given as itself or its value, or :class:`InvalidInput` listing the choices."""
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value))
    except ValueError:
        names = ", ".join(m.value for m in kind)
        raise InvalidInput(field, f"valeur inconnue {value!r} : {names}.") from None
