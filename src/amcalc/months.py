"""Une année de mois — the months of a contract as rows, for notebooks and data frames.

:func:`months` computes each month of a period with :func:`amcalc.month.month_pay`,
handing each month's ledger to the next, and returns one row (a dict) per month:
``pyarrow.Table.from_pylist(rows)``, ``pandas.DataFrame(rows)`` or
``polars.DataFrame(rows)`` take them as they are. Money is the month's own
``Decimal`` (the same cents as ``month_pay``); hours are rounded half-up to two
places for reading (the exact ones are in ``month_pay``'s result).

The events of the whole period are given once, with the scenario-format keys;
each month receives those of the civil weeks that touch it:

>>> from datetime import date
>>> from amcalc import Contract
>>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 9, 1),
...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
>>> rows = months(c, "2025-09", "2025-11", events={
...     "absences": [{"date": date(2025, 11, 20), "cause": "unpaid_leave"}],
...     "worked_hours": [{"week": date(2025, 11, 24), "hours": "45"}]})
>>> [(r["month"], r["gross_salary"]) for r in rows]
[('2025-09', Decimal('693.33')), ('2025-10', Decimal('693.33')), ('2025-11', Decimal('670.00'))]
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from amcalc.contract import Contract
from amcalc.errors import InvalidInput
from amcalc.money import round_to_cents
from amcalc.month import (
    Absence,
    MonthLedger,
    MonthPay,
    events_from_tables,
    month_pay,
    parse_month,
    rhythm_weeks_of,
)

__all__ = ["EVENT_KEYS", "month_row", "months"]

EVENT_KEYS = frozenset({"absences", "worked_hours", "non_care_weeks", "worked_holidays", "rhythm_weeks"})


def month_row(m: MonthPay) -> dict[str, Any]:
    """A month's figures as one flat row."""
    p = m.pajemploi
    return {
        "month": f"{m.year}-{m.month:02d}",
        "base_salary": m.base_salary, "absence_deduction": m.absence_deduction,
        "complementary_pay": m.complementary_pay, "majorated_pay": m.majorated_pay,
        "holiday_pay": m.holiday_pay, "gross_salary": m.gross_salary,
        "contributions": m.net_detail.total_contributions, "net_salary": m.net_salary,
        "maintenance": m.maintenance, "meals": m.meals, "mileage": m.mileage,
        "scheduled_hours": _hours(m.scheduled_hours), "worked_hours": _hours(m.worked_hours),
        "complementary_hours": _hours(m.complementary_hours), "majorated_hours": _hours(m.majorated_hours),
        "scheduled_days": m.scheduled_days,
        "declared_hours": p.declared_hours, "declared_days": p.declared_days,
        "declared_complementary_hours": p.complementary_hours, "declared_majorated_hours": p.majorated_hours,
        "warnings": list(m.warnings),
    }


def _hours(value: Fraction) -> Decimal:
    return round_to_cents(value)  # the same half-up to two places, for hours read in a table


def _span(year: int, number: int) -> tuple[date, date]:
    """Monday of the first civil week touching the month, Sunday of the last."""
    first = date(year, number, 1)
    last = date(year, number, _stdlib_calendar.monthrange(year, number)[1])
    return first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())


def _month_list(first: str | tuple[int, int], last: str | tuple[int, int]) -> list[tuple[int, int]]:
    y, m = parse_month(first)
    end = parse_month(last)
    if end < (y, m):
        raise InvalidInput("last", "le dernier mois précède le premier.")
    if (end[0] - y) * 12 + end[1] - m >= 1200:
        raise InvalidInput("last", "au plus 100 ans de mois à la fois.")
    out = []
    while (y, m) <= end:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _in(day: object, span: tuple[date, date]) -> bool:
    return isinstance(day, date) and span[0] <= day <= span[1]


def months(
    contract: Contract,
    first: str | tuple[int, int],
    last: str | tuple[int, int],
    *,
    events: Mapping[str, Iterable[Any]] | None = None,
    ledger: MonthLedger | None = None,
    **options: Any,
) -> list[dict[str, Any]]:
    """One row per month from ``first`` to ``last`` (``"AAAA-MM"``), each month's ledger
    handed to the next. ``events`` (scenario-format keys): ``absences`` (tables
    ``{date, cause, hours}`` or :class:`~amcalc.month.Absence`), ``worked_hours``
    (``{week, hours}``), ``non_care_weeks``, ``worked_holidays`` (dates),
    ``rhythm_weeks`` (``{week, rhythm}``); ``options`` go to every ``month_pay``."""
    given = dict(events or {})
    unknown = set(given) - EVENT_KEYS
    if unknown:
        raise InvalidInput(f"events.{sorted(unknown)[0]}", f"clé inconnue : {', '.join(sorted(EVENT_KEYS))}.")
    tables = [a for a in given.get("absences", ()) if not isinstance(a, Absence)]
    absences, weeks = events_from_tables(tables, given.get("worked_hours", ()))
    absences += [a for a in given.get("absences", ()) if isinstance(a, Absence)]
    rhythm = rhythm_weeks_of({"rhythm_weeks": list(given["rhythm_weeks"])}) if "rhythm_weeks" in given else None
    period = _month_list(first, last)
    whole = (_span(*period[0])[0], _span(*period[-1])[1])
    days = [(a.day, "absences") for a in absences] + [(d, "worked_hours") for d in weeks] + [
        (d, key) for key in ("non_care_weeks", "worked_holidays") for d in given.get(key, ())]
    for day, key in days:
        if not _in(day, whole):
            raise InvalidInput(f"events.{key}", f"{day!r} n'est pas une date des semaines de la période.")
    rows = []
    for year, number in period:
        span = _span(year, number)
        m = month_pay(
            contract, (year, number), ledger=ledger,
            absences=[a for a in absences if _in(a.day, span)],
            worked_weeks={k: v for k, v in weeks.items() if _in(k, span)},
            non_care_weeks=[d for d in given.get("non_care_weeks", ()) if _in(d, span)],
            worked_holidays=[d for d in given.get("worked_holidays", ()) if _in(d, span) and d.month == number],
            rhythm_weeks={k: v for k, v in rhythm.items() if _in(k, span)} if rhythm is not None else None,
            **options,
        )
        rows.append(month_row(m))
        ledger = m.ledger
    return rows
