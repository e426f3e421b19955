"""Her real weeks across contracts: the 4-month average (CCN 3239 art. 96.3) and, with her
consent, the 2 250 h of the year (CASF L423-22) — figures worked out from the public-holiday
calendar and the schedules, not from the code under test."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from amcalc import public_holidays
from amcalc.am import Agrement, ChildCare, Childminder, WeekRule, childminder_year, real_hours
from amcalc.contract import Contract
from amcalc.errors import InvalidInput

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def care(child: str, hours: str, consent: bool = False) -> ChildCare:
    return ChildCare.of(child=child, employer=child, born=date(2024, 1, 1), contract=Contract.from_schedule(
        hourly_rate="4.50", weeks=52, start=date(2025, 1, 6), schedule={d: hours for d in WEEKDAYS},
        consent_over_48=consent))


def expected_hours(first: date, last: date, per_day: Fraction) -> tuple[int, Fraction]:
    """Whole weeks from ``first`` to ``last``: weekdays that are not public holidays × ``per_day``."""
    holidays = {d for year in {first.year, last.year} for d in public_holidays(year)}
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    weeks, hours = 0, Fraction(0)
    while monday + timedelta(days=6) <= last:
        weeks += 1
        hours += per_day * sum(1 for i in range(5) if monday + timedelta(days=i) not in holidays)
        monday += timedelta(weeks=1)
    return weeks, hours


def test_a_moment_is_counted_once_and_the_average_breaks_48_hours() -> None:
    # 08:00–17:00 and 16:00–18:30 overlap one hour: 10.5 h a day, not 11.5 h
    am = Childminder.of(agrement=Agrement.of(children=4),
                        contracts=[care("lou", "08:00-17:00"), care("tom", "16:00-18:30")])
    check = real_hours(am, childminder_year(am, 2025).months[:4])
    weeks, hours = expected_hours(date(2025, 1, 1), date(2025, 4, 30), Fraction(21, 2))
    assert (weeks, check.average) == (16, hours / weeks) == (16, Fraction(1659, 32))
    assert [v.rule for v in check.violations] == [WeekRule.WEEKLY_HOURS]
    assert "51,84 h par semaine en moyenne" in check.violations[0].message


def test_with_consent_the_year_is_checked_against_2250_hours() -> None:
    am = Childminder.of(agrement=Agrement.of(children=4), consent_over_48=True,
                        contracts=[care("lou", "08:00-17:00", True), care("tom", "16:00-18:30", True)])
    check = real_hours(am, childminder_year(am, 2025).months)
    _, hours = expected_hours(date(2025, 1, 1), date(2025, 12, 31), Fraction(21, 2))
    assert check.year_hours == hours > 2250
    assert [v.rule for v in check.violations] == [WeekRule.ANNUAL_HOURS]


def test_weeks_without_care_are_left_out_and_days_without_times_counted_apart() -> None:
    # hours without times ("9"): counted in full, apart; 45 h a week within 48 h
    am = Childminder.of(agrement=Agrement.of(children=4), contracts=[care("lou", "9")])
    months = childminder_year(am, 2025).months[:4]
    check = real_hours(am, months)
    assert check.violations == () and check.average < 48
    assert all(w.apart * 9 * 3600 == w.seconds for w in check.weeks)  # every day of care apart, 9 h each
    assert any(w.apart == 5 for w in check.weeks)
    # January starts with the week of 30 December, before the contract: not a whole week of the months
    assert check.weeks[0].monday == date(2025, 1, 6)


def test_months_must_follow_each_other() -> None:
    am = Childminder.of(agrement=Agrement.of(children=4), contracts=[care("lou", "08:00-17:00")])
    months = childminder_year(am, 2025).months
    with pytest.raises(InvalidInput):
        real_hours(am, [months[0], months[2]])
