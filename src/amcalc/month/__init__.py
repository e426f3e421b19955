"""Le mois d'un contrat — one month's pay walked over the calendar (CCN 3239 art. 47, 96, 101,
105, 109–111, 114; rules.md §2, §4, §5, §9, §12).

The month starts from the mensualised salary (art. 109) and the contract's
plan for the month: the weekday schedule (of each civil week's rhythm, when the
contract has several) on the calendar of the contract's territory
(:func:`amcalc.calendar.month_plan`), chômé public holidays on usual working days
and weeks without care **included** (they are in the art. 111 denominator,
rules.md §4.1). Then:

- unpaid absences are deducted by the méthode réelle (art. 111: hours for
  52 weeks, days for 46 weeks or less), certified child illness within the
  limits of art. 105 (:mod:`amcalc.child_illness`, counters in the
  :class:`MonthLedger` carried from month to month);
- heures complémentaires and majorées are counted per civil week
  (:mod:`amcalc.extra_hours`) and paid in the month of each day worked;
- worked public holidays get their majoration (:mod:`amcalc.holiday_pay`);
- entretien is due per hour actually worked, never below the daily floor
  (art. 114.1), meals and mileage as agreed — none of them is salary;
- the net salary comes from :func:`amcalc.net_salary.net_salary` on the rates
  of the month (heures complémentaires and majorées earn their reduction);
- the Pajemploi figures are given.

One module per step, named after its legal concept: :mod:`~amcalc.month.events` (what the
caller says happened), :mod:`~amcalc.month.planned_days` (the contract's plan of the
days), :mod:`~amcalc.month.walk` (the month day by day),
:mod:`~amcalc.month.working_time` (art. 96.1, 96.3), :mod:`~amcalc.month.unpaid_days`
(art. 47, 105, 111), :mod:`~amcalc.month.salary` (art. 109, 111, 108.2),
:mod:`~amcalc.month.extra_pay` (art. 96.4, 110, 47, 101), :mod:`~amcalc.month.indemnities`
(art. 114, 57, 113), :mod:`~amcalc.month.pajemploi` and :mod:`~amcalc.month.pay`, which puts
the month together. Every name is importable from ``amcalc.month``.

>>> from datetime import date
>>> from amcalc.contract import Contract
>>> c = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2024, 11, 4),
...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
>>> m = month_pay(c, "2024-12", absences=[
...     Absence.of(date(2024, 12, d), "unpaid_leave") for d in (23, 24, 26, 27)])
>>> m.base_salary, m.absence_deduction, m.gross_salary, m.pajemploi.declared_hours
(Decimal('693.33'), Decimal('154.07'), Decimal('539.26'), 135)
"""

from amcalc.inputs import parse_month
from amcalc.month.events import (
    Absence,
    MonthLedger,
    PartialMonth,
    events_from_tables,
    recent_weeks_of,
    rhythm_weeks_of,
)
from amcalc.month.pajemploi import (
    PajemploiFigures,
    activity_days_declared,
    normal_hours_declared,
    pajemploi_section,
)
from amcalc.month.pay import (
    MonthPay,
    month_pay,
)
from amcalc.month.planned_days import CalendarDay, MonthCalendar
from amcalc.month.unpaid_days import (
    child_illness_days,
    kept_when_occasional,
    unpaid_holidays_of,
)
from amcalc.month.walk import (
    MonthWalk,
    WeekWalk,
    absence_not_on_care_day,
    absence_over_schedule,
    band_seconds,
    spread_seconds,
    walk_month,
    week_without_care_day,
)
from amcalc.month.working_time import (
    DAY_REST_WARNING,
    HISTORY_WEEKS,
    MAX_AVERAGE_WEEK_SECONDS,
    MAX_DAY_SECONDS,
    average_week_warning,
    day_rest_warning,
    long_week_warning,
    working_time_warnings,
)

__all__ = [
    "Absence",
    "CalendarDay",
    "DAY_REST_WARNING",
    "HISTORY_WEEKS",
    "MAX_AVERAGE_WEEK_SECONDS",
    "MAX_DAY_SECONDS",
    "MonthCalendar",
    "MonthLedger",
    "MonthPay",
    "MonthWalk",
    "PajemploiFigures",
    "PartialMonth",
    "WeekWalk",
    "absence_not_on_care_day",
    "absence_over_schedule",
    "activity_days_declared",
    "average_week_warning",
    "band_seconds",
    "child_illness_days",
    "day_rest_warning",
    "events_from_tables",
    "kept_when_occasional",
    "long_week_warning",
    "month_pay",
    "normal_hours_declared",
    "pajemploi_section",
    "parse_month",
    "recent_weeks_of",
    "rhythm_weeks_of",
    "spread_seconds",
    "unpaid_holidays_of",
    "walk_month",
    "week_without_care_day",
    "working_time_warnings",
]
