"""Durées exactes — hours of care held as whole seconds.

Hours are written as decimal strings (``"7.5"``, at most 2 decimals), as a
time range (``"08:30-18:30"``), as hours and minutes (``"1226:40"`` or
``"1226h40"``) or as an exact ``Fraction`` of hours (the mensualised
1 226 h 40 min is ``Fraction(3680, 3)``); all are exact in seconds, and so
are all the sums the library makes of them (rules.md §12.4: 1 min = 1/60 h).

>>> parse_hours("7.5", "mon"), parse_hours("08:30-18:30", "mon")
(27000, 36000)
>>> parse_time_range("08:30-18:30", "mon"), parse_time_range("10", "mon")
((30600, 66600), None)
>>> format_time(30600)
'08h30'
>>> parse_hours("1226:40", "hours_paid") == parse_hours(Fraction(3680, 3), "hours_paid") == 4416000
True
>>> format_hours(Fraction(520, 3) * SECONDS_PER_HOUR)
'173,33 h'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from amcalc.errors import InvalidInput
from amcalc.money import decimal_places

__all__ = ["SECONDS_PER_HOUR", "format_hours", "format_time", "hours", "parse_hours", "parse_time_range"]

SECONDS_PER_HOUR = 3600
MAX_HOURS = 1_000_000
"""Larger numbers of hours are refused: no contract, period or week comes near."""
_MAX_PLACES = 8
_RANGE = re.compile(r"^\s*(\d{1,2})[:h](\d{2})\s*-\s*(\d{1,2})[:h](\d{2})\s*$")
_HOURS_MINUTES = re.compile(r"^\s*(-?)(\d{1,7})\s*[:h]\s*(\d{2})\s*$")


def parse_hours(text: object, field: str, *, allow_negative: bool = False) -> int:
    """Seconds in ``text``: decimal hours (≤ 2 decimals), ``"HH:MM-HH:MM"``, ``"H:MM"``
    hours and minutes, or an exact ``Fraction`` of hours (whole seconds)."""
    if isinstance(text, (bool, float)):
        raise InvalidInput(field, "écrivez les heures en texte (\"7.5\" ou \"08:30-16:00\").")
    if isinstance(text, Fraction):
        return _checked(text * SECONDS_PER_HOUR, str(text), field, allow_negative)
    if type(text) is str and len(text) < 7 and text.isascii() and text.isdigit():  # whole hours, most often
        return int(text) * SECONDS_PER_HOUR  # below MAX_HOURS: nothing to check
    raw = str(text)
    time_range = parse_time_range(raw, field)
    if time_range:
        return time_range[1] - time_range[0]
    match = _HOURS_MINUTES.match(raw)
    if match:
        sign, whole, minutes = match.groups()
        if int(minutes) > 59:
            raise InvalidInput(field, f"{raw} : les minutes vont de 00 à 59.")
        seconds = (int(whole) * 60 + int(minutes)) * 60
        return _checked(Fraction(-seconds if sign else seconds), raw, field, allow_negative)
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidInput(
            field, f"{raw!r} n'est ni un nombre d'heures (\"7.5\") ni une plage (\"08:30-16:00\")."
        ) from None
    if not value.is_finite() or value.adjusted() > 6 or abs(value) > MAX_HOURS:
        raise InvalidInput(field, f"{raw!r} n'est pas un nombre d'heures possible.")
    if decimal_places(value) > _MAX_PLACES:
        raise InvalidInput(field, f"{raw} h : écrivez au plus 2 décimales ou une plage HH:MM.")
    exact = Fraction(value) * SECONDS_PER_HOUR
    if exact.denominator != 1:
        raise InvalidInput(field, f"{raw} h : écrivez au plus 2 décimales ou une plage HH:MM.")
    return _checked(exact, raw, field, allow_negative)


def _checked(seconds: Fraction, raw: str, field: str, allow_negative: bool) -> int:
    """Whole seconds, within ±:data:`MAX_HOURS`, not negative unless allowed."""
    if abs(seconds) > MAX_HOURS * SECONDS_PER_HOUR:
        raise InvalidInput(field, f"{raw} h n'est pas un nombre d'heures possible.")
    if seconds < 0 and not allow_negative:
        raise InvalidInput(field, f"un nombre d'heures ne peut pas être négatif ({raw}).")
    if seconds.denominator != 1:
        raise InvalidInput(field, f"{raw} h ne tombe pas sur une seconde entière.")
    return int(seconds)


def parse_time_range(text: object, field: str) -> tuple[int, int] | None:
    """(start, end) in seconds since midnight of ``"HH:MM-HH:MM"``, half-open [start, end);
    ``None`` when ``text`` is not a time range (a number of hours)."""
    raw = str(text)
    match = _RANGE.match(raw)
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
        raise InvalidInput(field, f"horaire impossible : {raw}.")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end <= start:
        raise InvalidInput(field, f"la fin de la plage {raw} précède son début.")
    return start * 60, end * 60


def format_time(seconds: int) -> str:
    """A moment of the day in seconds since midnight: ``08h30``."""
    minutes = seconds // 60
    return f"{minutes // 60:02d}h{minutes % 60:02d}"


def hours(seconds: int | Fraction) -> Fraction:
    """Exact hours in a number of seconds."""
    return Fraction(seconds) / SECONDS_PER_HOUR


def format_hours(seconds: int | Fraction, places: int = 2) -> str:
    """French rendering, rounded half-up for display only: ``173,33 h``."""
    # hours = n / d: half-up is ⌊(2 |n| × scale + d) / 2d⌋, in integers
    n, d = (seconds, SECONDS_PER_HOUR) if isinstance(seconds, int) else (
        seconds.numerator, seconds.denominator * SECONDS_PER_HOUR)
    scale = 10**places
    rounded = (abs(n) * scale * 2 + d) // (2 * d)
    sign = "-" if n < 0 else ""
    whole, part = divmod(rounded, scale)
    return f"{sign}{whole},{part:0{places}d} h" if places else f"{sign}{whole} h"
