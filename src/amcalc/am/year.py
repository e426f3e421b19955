"""Ses mois et son année — every contract's month (:func:`amcalc.month.month_pay`) side by side,
the totals, and her days of actual care for the special tax regime (CGI art. 80 sexies).

Nothing is recomputed here: each line is the contract's own ``MonthPay``; the AM's
month adds them up, her year adds the months up, and her days of care are the
days each month's walk found worked (chômé holidays, absences and paid leave
left out — not the days declared to Pajemploi).

>>> from datetime import date
>>> from amcalc.am.childminder import ChildCare, Childminder
>>> from amcalc.contract import Contract
>>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2026, 1, 5),
...     schedule={d: "08:00-17:00" for d in ("mon", "tue", "thu", "fri")})
>>> am = Childminder.of(contracts=[ChildCare.of(child="lina", employer="A", born=date(2025, 2, 1), contract=c)])
>>> m = childminder_month(am, "2026-03")
>>> m.totals["gross_salary"], m.care_days[0]
(Decimal('624.00'), CareDays(year=2026, month=3, days=18, seconds=32400, factor=3))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from amcalc.am.childminder import ChildCare, Childminder
from amcalc.am.tax_regime import (
    FACTOR_STANDARD,
    CareDays,
    IncomeTax,
    ShortDayBasis,
    SmicDate,
    income_tax,
)
from amcalc.duration import SECONDS_PER_HOUR
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros
from amcalc.month import MonthLedger, MonthPay, month_pay, parse_month

__all__ = ["MONEY_FIGURES", "ChildminderMonth", "ChildminderYear", "childminder_month", "childminder_year"]

MONEY_FIGURES = ("base_salary", "absence_deduction", "complementary_pay", "majorated_pay", "holiday_pay",
                 "gross_salary", "net_salary", "maintenance", "meals", "mileage")
"""The ``MonthPay`` amounts a month and a year add up across contracts."""
_LABELS = {"gross_salary": "salaire brut", "net_salary": "salaire net", "maintenance": "entretien",
           "meals": "repas", "mileage": "indemnités kilométriques"}
_DAY = 24 * SECONDS_PER_HOUR
Events = Mapping[str, Mapping[str, Mapping[str, Any]]]
"""child → ``"YYYY-MM"`` → keyword arguments of :func:`amcalc.month.month_pay` (absences, worked
weeks, meals…); the ledger is carried from month to month by :func:`childminder_year`."""


def _sum(pays: Iterable[MonthPay], name: str) -> Decimal:
    return sum((getattr(p, name) for p in pays), Decimal("0.00"))


@attrs.frozen(kw_only=True)
class ChildminderMonth(Explained):
    """Her month: each contract in force (``ChildCare``, its ``MonthPay``), the ``totals`` of
    :data:`MONEY_FIGURES` and her days of care (one row per child and kind of day)."""

    year: int
    month: int
    lines: tuple[tuple[ChildCare, MonthPay], ...]
    totals: Mapping[str, Decimal]
    care_days: tuple[CareDays, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def rows(self) -> list[dict[str, object]]:
        """One row per contract (Arrow- and pandas-ready: ``pyarrow.Table.from_pylist``; for JSON,
        ``json.dumps(rows, default=str)`` writes the amounts as exact decimal strings)."""
        return [{"month": f"{self.year}-{self.month:02d}", "child": care.child, "employer": care.employer,
                 **{name: getattr(pay, name) for name in MONEY_FIGURES},
                 "worked_seconds": sum(seconds for _, seconds in pay.care_days),
                 "care_days": len(pay.care_days)}
                for care, pay in self.lines]


def _care_days(care: ChildCare, pay: MonthPay) -> list[CareDays]:
    """Days of actual care of one contract's month, grouped by length; the factor is 3, one more
    for a child giving a majoration of pay, one more for a 24-hour day (CGI art. 80 sexies)."""
    groups = Counter(seconds for _, seconds in pay.care_days)
    return [CareDays(year=pay.year, month=pay.month, days=count, seconds=seconds,
                     factor=FACTOR_STANDARD + care.majorated + (seconds >= _DAY))
            for seconds, count in sorted(groups.items())]


def childminder_month(am: Childminder, month: str, events: Mapping[str, Mapping[str, Any]] | None = None,
                      ledgers: Mapping[str, MonthLedger] | None = None) -> ChildminderMonth:
    """Son mois : every contract's :func:`~amcalc.month.month_pay` for ``month`` (contracts in
    force that month), ``events``: child → the month's keyword arguments of ``month_pay``;
    ``ledgers``: child → the previous month's ledger."""
    year, number_ = parse_month(month)
    given = events or {}
    unknown = set(given) - {c.child for c in am.contracts}
    if unknown:
        raise InvalidInput("events", f"aucun contrat pour {', '.join(sorted(unknown))}.")
    lines = []
    for care in am.contracts:
        if not _runs_in(care, year, number_):
            continue
        options = dict(given.get(care.child, {}))
        if {"ledger", "trace"} & set(options):
            raise InvalidInput(f"events.{care.child}", "le report d'un mois à l'autre est fait pour vous.")
        pay = month_pay(care.contract, (year, number_), ledger=(ledgers or {}).get(care.child), **options)
        lines.append((care, pay))
    pays = [p for _, p in lines]
    totals = {name: _sum(pays, name) for name in MONEY_FIGURES}
    care_days = tuple(row for care, pay in lines for row in _care_days(care, pay))
    steps = [Step(f"{care.child} ({care.employer})",
                  ", ".join(f"{_LABELS[n]} {euros(getattr(pay, n))}" for n in _LABELS),
                  f"{len(pay.care_days)} jours de garde", "CCN 3239 art. 109–114")
             for care, pay in lines]
    steps += [Step(f"Total : {_LABELS[n]}", " + ".join(euros(getattr(pay, n)) for pay in pays) or "aucun contrat",
                   euros(totals[n])) for n in _LABELS]
    explanation = Explanation(f"Mois {year}-{number_:02d} de l'assistant maternel, tous contrats",
                              "CCN 3239 art. 109–114", tuple(steps),
                              notes=("Chaque ligne est le mois du contrat, calculé seul ; les totaux en "
                                     "sont la somme.",))
    return ChildminderMonth(year=year, month=number_, lines=tuple(lines), totals=totals, care_days=care_days,
                            explanation=explanation)


def _runs_in(care: ChildCare, year: int, month: int) -> bool:
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1)
    start, end = care.contract.start, care.contract.end
    return (start is None or start < last) and (end is None or end >= first)


@attrs.frozen(kw_only=True)
class ChildminderYear(Explained):
    """Her civil year: the months, the year's ``totals`` and her days of care."""

    year: int
    months: tuple[ChildminderMonth, ...]
    totals: Mapping[str, Decimal]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def care_days(self) -> tuple[CareDays, ...]:
        return tuple(row for m in self.months for row in m.care_days)

    def rows(self) -> list[dict[str, object]]:
        """Every contract's month, one row each (Arrow- and pandas-ready)."""
        return [row for m in self.months for row in m.rows()]

    def income_tax(self, *, taxable_salary: object, smic_date: SmicDate = SmicDate.DAY_OF_CARE,
                   short_day: ShortDayBasis = ShortDayBasis.EIGHT_HOURS) -> IncomeTax:
        """Her income tax from her year (CGI art. 80 sexies): ``taxable_salary`` is the net taxable
        salary of the year (Pajemploi's annual statement); entretien and meals are the year's,
        the days of care those the months found. Mileage allowances are not declared."""
        return income_tax(self.year, salary=taxable_salary, indemnities=self.totals["maintenance"],
                          meals=self.totals["meals"], care=self.care_days, smic_date=smic_date,
                          short_day=short_day)


def childminder_year(am: Childminder, year: int, events: Events | None = None) -> ChildminderYear:
    """Son année : the twelve months of ``year`` (:func:`childminder_month`), each contract's ledger
    handed from month to month; ``events``: child → ``"YYYY-MM"`` → that month's keyword arguments."""
    given = events or {}
    ledgers: dict[str, MonthLedger] = {}
    months = []
    for number_ in range(1, 13):
        key = f"{year}-{number_:02d}"
        month = childminder_month(am, key, {child: by_month[key] for child, by_month in given.items()
                                            if key in by_month}, ledgers)
        ledgers.update({care.child: pay.ledger for care, pay in month.lines})
        months.append(month)
    totals = {name: sum((m.totals[name] for m in months), Decimal("0.00")) for name in MONEY_FIGURES}
    days = sum(row.days for m in months for row in m.care_days)
    steps = [Step(f"{m.year}-{m.month:02d}", f"{len(m.lines)} contrats, net {euros(m.totals['net_salary'])}, "
                  f"entretien {euros(m.totals['maintenance'])}", euros(m.totals["gross_salary"]) + " brut")
             for m in months]
    steps += [Step(f"Année : {_LABELS[n]}", " + ".join(euros(m.totals[n]) for m in months), euros(totals[n]))
              for n in _LABELS]
    steps.append(Step("Jours de garde effective", "jours travaillés, enfant par enfant", str(days),
                      "CGI art. 80 sexies"))
    explanation = Explanation(f"Année {year} de l'assistant maternel, tous contrats", "CCN 3239 art. 109–114",
                              tuple(steps))
    return ChildminderYear(year=year, months=tuple(months), totals=totals, explanation=explanation)
