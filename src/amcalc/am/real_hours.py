"""Ses heures réelles — the AM's hours of work across all her contracts, week by week, on her
real months: the 48 h averaged over 4 months (CCN 3239 art. 96.3; CASF L423-22), or with her
written consent the 2 250 h of the year.

Each day of care comes from its contract's own month (:attr:`amcalc.month.MonthPay.care_days`,
the day-by-day walk of :func:`amcalc.month.walk_month`); a moment is counted once however
many children are there. Two readings are fixed here and said in the explanation:

- **the times of a day**: a day worked as its schedule plans takes the schedule's time range;
  a day whose hours differ (a week given as a total, a partial absence) or whose schedule
  gives hours without times is counted in full, apart from the others — an upper bound;
- **weeks without any care** (her paid leave, the families' holidays) are left out of the
  average, as periods of paid leave are neutral in the average of working time (directive
  2003/88/CE, art. 16 b); the weeks at the edges of the 4 months count when wholly inside.

>>> from datetime import date
>>> from amcalc.am import Agrement, ChildCare, Childminder, childminder_year
>>> from amcalc.contract import Contract
>>> def care(child, hours):
...     return ChildCare.of(child=child, employer=child, born=date(2024, 1, 1), contract=Contract.from_schedule(
...         hourly_rate="4.50", weeks=52, start=date(2025, 1, 6),
...         schedule={d: hours for d in ("mon", "tue", "wed", "thu", "fri")}))
>>> am = Childminder.of(agrement=Agrement.of(children=4),
...                     contracts=[care("lou", "08:00-17:00"), care("tom", "16:00-18:30")])
>>> check = real_hours(am, childminder_year(am, 2025).months[:4])
>>> check.average, [v.rule.value for v in check.violations]
(Fraction(1659, 32), ['weekly_hours'])

Each contract stays within 48 h (45 h and 12,5 h), but she works from 08:00 to 18:30,
10,5 h a day: 52,5 h in 15 of the 16 whole weeks of January to April 2025 and 42 h in
the week of Easter Monday, (15 × 52,5 + 42) ÷ 16 = 51,84 h on average.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from fractions import Fraction

import attrs

from amcalc.am.childminder import Childminder
from amcalc.am.working_time import MAX_ANNUAL_HOURS_WITH_CONSENT, Violation, WeekRule, merge_ranges
from amcalc.am.year import ChildminderMonth
from amcalc.contract import MAX_AVERAGE_WEEKLY_HOURS
from amcalc.duration import SECONDS_PER_HOUR, format_hours
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, french_date, number

__all__ = ["RealHours", "WeekHours", "real_hours"]

AVERAGE_MONTHS = 4
"""The 48 h are averaged over 4 months (CCN 3239 art. 96.3)."""


@attrs.frozen
class WeekHours:
    """A civil week of her real months: ``seconds`` of work, and how many days of care
    were counted apart because their times are not known (``apart``)."""

    monday: date
    seconds: int
    apart: int


@attrs.frozen(kw_only=True)
class RealHours(Explained):
    """Her real weeks over the months given, their average over the last 4 months and the
    year's hours, with the limits they break."""

    weeks: tuple[WeekHours, ...]
    average: Fraction
    year_hours: Fraction
    violations: tuple[Violation, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _day_times(months: Sequence[ChildminderMonth]) -> tuple[dict[date, list[tuple[int, int]]], dict[date, int],
                                                                dict[date, int]]:
    """Each day's known times of care (seconds from midnight), the seconds of care whose
    times are not known, and how many such contract-days."""
    times: dict[date, list[tuple[int, int]]] = defaultdict(list)
    apart: dict[date, int] = defaultdict(int)
    apart_days: dict[date, int] = defaultdict(int)
    for month in months:
        for care, pay in month.lines:
            schedule = care.contract.schedule
            for day, seconds in pay.care_days:
                planned = schedule.ranges[day.weekday()] if schedule is not None else None
                if planned is not None and planned[1] - planned[0] == seconds:
                    times[day].append(planned)
                else:
                    apart[day] += seconds
                    apart_days[day] += 1
    return times, apart, apart_days


def _weeks(months: Sequence[ChildminderMonth]) -> tuple[WeekHours, ...]:
    """The civil weeks wholly inside the months, with their hours of work."""
    first = date(months[0].year, months[0].month, 1)
    last_month = months[-1]
    last = date(last_month.year + last_month.month // 12, last_month.month % 12 + 1, 1) - timedelta(days=1)
    times, apart, apart_days = _day_times(months)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    weeks = []
    while monday + timedelta(days=6) <= last:
        days = [monday + timedelta(days=i) for i in range(7)]
        seconds = sum(end - start for day in days for start, end in merge_ranges(times.get(day, ())))
        seconds += sum(apart.get(day, 0) for day in days)
        weeks.append(WeekHours(monday, seconds, sum(apart_days.get(day, 0) for day in days)))
        monday += timedelta(weeks=1)
    return tuple(weeks)


def _consecutive(months: Sequence[ChildminderMonth]) -> None:
    keys = [m.year * 12 + m.month for m in months]
    if not keys or keys != list(range(keys[0], keys[0] + len(keys))):
        raise InvalidInput("months", "des mois consécutifs de l'assistant maternel sont attendus.")


def real_hours(am: Childminder, months: Sequence[ChildminderMonth]) -> RealHours:
    """Her real weeks over ``months`` (consecutive, e.g. :attr:`ChildminderYear.months`): the
    average of the weeks with care over the last 4 months against 48 h without her consent;
    with it, the hours of the months given (a year) against 2 250 h (CASF L423-22)."""
    _consecutive(months)
    weeks = _weeks(months)
    recent = _weeks(months[-AVERAGE_MONTHS:])
    worked = [w for w in recent if w.seconds]
    average = Fraction(sum(w.seconds for w in worked), len(worked) * SECONDS_PER_HOUR) if worked else Fraction(0)
    year_hours = Fraction(sum(w.seconds for w in weeks), SECONDS_PER_HOUR)
    violations = []
    if average > MAX_AVERAGE_WEEKLY_HOURS and not am.consent_over_48:
        violations.append(Violation(WeekRule.WEEKLY_HOURS, "4 derniers mois",
                                    f"{number(average)} h par semaine en moyenne sur les 4 derniers mois : au-delà "
                                    f"de {MAX_AVERAGE_WEEKLY_HOURS} h sans l'accord écrit de l'assistant maternel "
                                    f"({WeekRule.WEEKLY_HOURS.article})."))
    if am.consent_over_48 and len(months) >= 12 and year_hours > MAX_ANNUAL_HOURS_WITH_CONSENT:
        violations.append(Violation(WeekRule.ANNUAL_HOURS, "12 mois",
                                    f"{number(year_hours)} h sur 12 mois : au-delà de "
                                    f"{MAX_ANNUAL_HOURS_WITH_CONSENT} h, même avec son accord "
                                    f"({WeekRule.ANNUAL_HOURS.article})."))
    return RealHours(weeks=weeks, average=average, year_hours=year_hours, violations=tuple(violations),
                     explanation=_explanation(am, recent, worked, average, weeks, year_hours, violations))


def _explanation(am: Childminder, recent: Sequence[WeekHours], worked: Sequence[WeekHours], average: Fraction,
                 weeks: Sequence[WeekHours], year_hours: Fraction, violations: Sequence[Violation]) -> Explanation:
    steps = [Step(f"Semaine du {french_date(w.monday)}", "heures de garde, un moment compté une fois"
                  + (f" ; {w.apart} journée(s) sans horaires comptée(s) à part" if w.apart else ""),
                  format_hours(w.seconds)) for w in recent]
    steps.append(Step("Moyenne sur les 4 derniers mois",
                      f"{' + '.join(format_hours(w.seconds) for w in worked) or '0 h'} ÷ {len(worked)} semaines "
                      "avec accueil", f"{number(average)} h", WeekRule.WEEKLY_HOURS.article))
    steps.append(Step("Heures des mois donnés", f"{len(weeks)} semaines entières", f"{number(year_hours)} h",
                      WeekRule.ANNUAL_HOURS.article))
    notes = ["Les semaines sans aucun accueil (congés) sont neutres dans la moyenne (directive 2003/88/CE, "
             "art. 16) ; les semaines à cheval sur le début ou la fin de la période ne comptent pas.",
             "Une journée faite comme le prévoit l'emploi du temps prend ses horaires ; une autre est comptée "
             "en entier, à part (majorant).",
             "Avec l'accord écrit de l'assistant maternel : 2 250 h sur 12 mois au plus, la moyenne de 48 h ne "
             "s'applique pas." if am.consent_over_48 else "Sans son accord écrit : 48 h par semaine en moyenne "
             "sur 4 mois au plus."]
    notes += [v.message for v in violations]
    return Explanation("Durée du travail réelle de l'assistant maternel, tous contrats",
                       "CCN 3239 art. 96.3 ; CASF L423-22", tuple(steps), notes=tuple(notes))
