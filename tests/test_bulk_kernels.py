"""The per-batch tables of the bulk kernels: the contributions of each row's month, stacked
once per set of months, withhold what the single-contract kernel of that month withholds."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

np = pytest.importorskip("numpy")

from amcalc.bulk import kernels  # noqa: E402
from amcalc.bulk.arrays import day_number, distinct_values, pattern_counts, week_pattern  # noqa: E402
from amcalc.bulk.kernels import (  # noqa: E402
    contributions,
    maintenance_rates,
    overtime_reduction,
    per_pattern,
    per_row,
    rates_of_rows,
    stacked,
    withheld,
    within_ceiling,
)
from amcalc.bulk.month_facts import TERRITORIES, MonthFacts, are_holidays, month_facts  # noqa: E402
from amcalc.calendar import public_holidays  # noqa: E402
from amcalc.maintenance import MaintenanceRates, day_allowance  # noqa: E402
from amcalc.net_salary import contribution_kernel  # noqa: E402

# (month, territory index: metropole, Alsace, Moselle): the local regime's extra line in
# Alsace-Moselle, its rate 1,50 % before April 2022
MONTHS = [(date(2024, 3, 1), 0), (date(2025, 9, 1), 1), (date(2025, 9, 1), 0), (date(2022, 2, 1), 2)]


def _facts() -> list[MonthFacts]:
    return [month_facts(day.year * 12 + day.month - 1, territory) for day, territory in MONTHS]


def test_each_row_withholds_what_its_months_kernel_withholds() -> None:
    group = np.array([0, 1, 2, 3, 1, 0, 3, 2], np.int64)
    gross = np.array([0, 53387, 60000, 100, 250000, 60000, 99999, 1], np.int64)
    extra = np.array([0, 0, 10000, 100, 0, 10000, 5000, 1], np.int64)
    by_hand = [contribution_kernel(MONTHS[k][0], TERRITORIES[MONTHS[k][1]]).withheld(int(c), int(e))
               for k, c, e in zip(group, gross, extra, strict=True)]
    table = contributions(_facts(), group)
    assert table.withheld(gross, extra).tolist() == by_hand
    assert (table.withheld(gross, 0) - table.reduction(gross, extra)).tolist() == by_hand
    assert (withheld(_facts(), group, gross) - overtime_reduction(_facts(), group, gross, extra)).tolist() == by_hand
    # one month only: every term is one int
    one = contributions(_facts()[:1], np.zeros(3, np.int64))
    assert all(isinstance(p, int) for p, _ in one.lines) and isinstance(one.ceiling_cents, int)
    assert one.withheld(gross[:3], extra[:3]).tolist() == [
        contribution_kernel(MONTHS[0][0]).withheld(int(c), int(e)) for c, e in zip(gross[:3], extra[:3], strict=True)]


def _kernel_of(k: int) -> Any:
    return contribution_kernel(MONTHS[k][0], TERRITORIES[MONTHS[k][1]])


def test_the_table_and_the_other_lines_withhold_what_each_months_kernel_withholds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the lines common to métropole and Alsace-Moselle from the table, the régime local's
    # (1,30 %; 1,50 % in 2022) by the kernel; grosses at the ends of the table's blocks of
    # 16 384 cents, above the highest ceiling and below 0 (from no table: the kernel's own)
    monkeypatch.setattr(kernels, "_TABLES", {})
    group = np.array([0, 1, 2, 3] * 6, np.int64)
    gross = np.array([0] * 4 + [1] * 4 + [16383] * 4 + [16384] * 4 + [10 ** 6] * 4 + [-250] * 4, np.int64)
    by_hand = [_kernel_of(k).withheld(int(c), 0) for k, c in zip(group, gross, strict=True)]
    assert withheld(_facts(), group, gross).tolist() == by_hand  # a small batch: no table built
    assert kernels._TABLES == {}
    monkeypatch.setattr(kernels, "_TABLE_ROWS", 1 << 40)  # every batch pays for its table
    low = gross < 16384
    assert withheld(_facts(), group[low], gross[low]).tolist() == np.array(by_hand)[low].tolist()
    (table,) = kernels._TABLES.values()
    assert len(table) == 16384  # the grosses asked for, by a block
    assert withheld(_facts(), group, gross).tolist() == by_hand
    (table,) = kernels._TABLES.values()
    assert len(table) > max(_kernel_of(k).ceiling_cents for k in range(4))
    # one month: every line from the table
    rng = np.random.default_rng(3)
    one = rng.integers(0, 400_000, 2000)
    assert withheld(_facts()[:1], np.zeros(2000, np.int64), one).tolist() == [
        _kernel_of(0).withheld(int(c), 0) for c in one]


def test_a_gross_above_its_months_ceiling_is_not_within() -> None:
    group = np.array([0, 1, 2, 3] * 3, np.int64)
    ceilings = np.array([_kernel_of(k).ceiling_cents for k in range(4)] * 3)
    gross = ceilings + np.repeat([-1, 0, 1], 4)
    assert within_ceiling(_facts(), group, gross).tolist() == [True] * 8 + [False] * 4
    assert within_ceiling(_facts()[:1], np.zeros(3, np.int64), gross[::4]).tolist() == [True, True, False]


def test_each_row_has_the_maintenance_terms_of_its_month() -> None:
    # the minimum garanti differs between February 2022, March 2024 and September 2025
    group = np.array([0, 1, 3, 2, 3, 0], np.int64)
    seconds = np.array([[0, 3600, 9 * 3600], [1, 36000, 0], [7200, 0, 60], [0, 0, 5], [30000, 1, 0], [0, 0, 0]])
    per_hour = np.array([0, 30000, 0, 50000, 12345, 0], np.int64)
    rates = maintenance_rates(_facts(), group)
    by_hand = [[day_allowance(int(s), int(p), MaintenanceRates.at(MONTHS[k][0])) for s in line]
               for k, p, line in zip(group, per_hour, seconds, strict=True)]
    assert kernel_allowance(seconds, per_hour, rates) == by_hand
    assert rates_of_rows(rates).prorated.tolist() == [MaintenanceRates.at(MONTHS[k][0]).prorated for k in group]
    assert rates_of_rows(rates, np.array([2, 0])).prorated.tolist() == [
        MaintenanceRates.at(MONTHS[k][0]).prorated for k in (3, 0)]
    # one month only: every term is one int, and the same allowances
    one = maintenance_rates(_facts()[1:3], np.zeros(6, np.int64))
    assert all(isinstance(term, int) for term in (one.scale, one.agreed, one.prorated, one.floor))
    assert rates_of_rows(one, np.array([1])) == MaintenanceRates.at(MONTHS[1][0])
    assert kernel_allowance(seconds, per_hour, one) == [
        [day_allowance(int(s), int(p), MaintenanceRates.at(MONTHS[1][0])) for s in line]
        for p, line in zip(per_hour, seconds, strict=True)]


def kernel_allowance(seconds: Any, per_hour: Any, rates: MaintenanceRates) -> Any:
    """The allowances of (rows × days) ``seconds`` by the kernel on arrays, as lists."""
    return day_allowance(seconds, per_hour[:, None], rates).tolist()


def test_the_stacked_tables_are_kept_per_set_of_months_and_read_only() -> None:
    facts = _facts()
    assert stacked(tuple(facts), "counts") is stacked(tuple(_facts()), "counts")
    assert stacked(tuple(facts[:2]), "counts") is not stacked(tuple(facts), "counts")
    with pytest.raises(ValueError, match="read-only"):
        stacked(tuple(facts), "counts")[0, 0] = 9
    # March 2024 began on a Friday: 5 Fridays, Saturdays and Sundays, 4 of the other days
    assert per_row(facts, "counts", np.array([0, 0])).tolist() == [[4, 4, 4, 4, 5, 5, 5]] * 2


def test_the_public_holidays_of_days_across_years_and_territories() -> None:
    # 15 December 2024 to 15 January 2027, each day in each territory: the days the
    # calendar of the single-contract API gives as public holidays (Alsace-Moselle: 26 December)
    first = date(2024, 12, 15)
    days = [first + timedelta(days=k) for k in range(762)]
    numbers = np.array([[day_number(d) for d in days]] * len(TERRITORIES))
    territory = np.arange(len(TERRITORIES))[:, None]
    by_hand = [[d in public_holidays(d.year, t) for d in days] for t in TERRITORIES]
    assert are_holidays(numbers, territory).tolist() == by_hand
    assert are_holidays(numbers[:, ::-1], territory).tolist() == [line[::-1] for line in by_hand]
    # 2025, 2026: 11 holidays, 13 in Alsace-Moselle; 25 (and 26) December 2024; 1 January 2027
    assert sum(map(sum, by_hand)) == 3 * 11 * 2 + 2 * 2 * 2 + (3 + 2) + 3
    assert are_holidays(np.zeros((2, 0), np.int64), np.zeros((2, 1), np.int64)).shape == (2, 0)


def test_the_week_pattern_of_each_row_is_its_weekdays_with_seconds() -> None:
    # every pattern of 7 days, each day with 0, a negative (a bad row: no care) or some
    # seconds; the bits written one weekday at a time, by hand
    rng = np.random.default_rng(19)
    schedule = rng.choice([0, -5, 1, 36000, 86400], size=(1000, 7))
    schedule[:128] = ((np.arange(128)[:, None] >> np.arange(7)) & 1) * 3600  # each pattern once
    by_hand = [sum(1 << d for d in range(7) if line[d] > 0) for line in schedule.tolist()]
    assert week_pattern(schedule).tolist() == by_hand
    assert week_pattern(schedule[:128]).tolist() == list(range(128))
    assert week_pattern(schedule[5:6]).tolist() == [5] and week_pattern(schedule[:0]).tolist() == []


def test_a_months_days_of_each_pattern_are_the_sum_of_its_weekday_counts() -> None:
    facts = _facts()
    group = np.array([0, 1, 2, 3, 0, 3], np.int64)
    schedule = np.array([[1, 0, 0, 0, 1, 1, 0], [0] * 7, [9] * 7, [0, 0, 0, 0, 0, 0, 3], [0, 2, 0, 0, 0, 0, 0],
                         [5, 5, 5, 5, 5, 0, 0]])
    counts = per_row(facts, "counts", group)
    by_hand = [sum(int(c) for c, s in zip(line, days, strict=True) if s > 0) for line, days in zip(counts, schedule,
                                                                                                 strict=True)]
    assert per_pattern(facts, "counts", group, week_pattern(schedule)).tolist() == by_hand
    # March 2024 began on a Friday: 4 Mondays, 5 Fridays and Saturdays; September 2025: 30 days
    assert by_hand[0] == 4 + 5 + 5 and by_hand[2] == 30
    assert pattern_counts(np.ones((1, 7), np.int64))[0, [0, 1, 3, 127]].tolist() == [0, 1, 2, 7]


def test_the_mensualised_days_of_each_pattern_and_weeks_are_rounded_up_twelfths() -> None:
    # the vector route's table of Pajemploi days when nothing is deducted: a year of the
    # pattern's days × the weeks, over 12, rounded up (4 days × 46 weeks = 184 → 15,33 → 16)
    from amcalc.bulk.vector import _MENSUALISED_DAYS
    by_hand = [-(-bin(pattern).count("1") * weeks // 12) for pattern in range(128) for weeks in range(64)]
    assert _MENSUALISED_DAYS.tolist() == by_hand
    assert by_hand[0b1111 * 64 + 46] == 16 and by_hand[0b11111 * 64 + 52] == 22


def test_distinct_values_of_a_wide_range_are_those_of_a_sort() -> None:
    # durations past 2^16 seconds (a week's care spread on its days): few distinct values,
    # each searched among them; many distinct ones; a small range (counted); each value's
    # index among the distinct ones, as set() and sorted() give them
    rng = np.random.default_rng(23)
    for values in (rng.choice(rng.integers(46801, 180001, 90), 2100), rng.integers(-(1 << 40), 1 << 40, 6000),
                   rng.integers(0, 5000, 300), np.array([1 << 20, 5, 1 << 20])):
        distinct, which = distinct_values(values)
        expected = sorted(set(values.tolist()))
        assert distinct.tolist() == expected
        assert [expected[k] for k in which.tolist()] == values.tolist()


def test_a_months_weekdays_and_holidays_are_those_of_the_calendar() -> None:
    # every month of 2024–2025 in each territory, day by day from the single-contract calendar
    for year in (2024, 2025):
        for month in range(1, 13):
            first = date(year, month, 1)
            days = [first + timedelta(days=k) for k in range(31) if (first + timedelta(days=k)).month == month]
            for t, territory in enumerate(TERRITORIES):
                facts = month_facts(year * 12 + month - 1, t)
                holidays = public_holidays(year, territory)
                assert facts.length == len(days)
                assert facts.in_month.tolist() == [k < len(days) for k in range(31)]
                assert facts.weekday.tolist() == [d.weekday() for d in days] + [0] * (31 - len(days))
                assert facts.holiday.tolist() == [d in holidays for d in days] + [False] * (31 - len(days))
                assert facts.work_counts.tolist() == [sum(d.weekday() == w and d not in holidays for d in days)
                                                      for w in range(7)]
