"""Her paid-leave dates with several employers (CASF L423-23; CCN 3239 art. 102.1.1)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from amcalc.am import ChildCare, leave_dates
from amcalc.contract import Contract
from amcalc.month import month_pay

AUGUST = [date(2026, 8, 3) + timedelta(weeks=k) for k in range(4)]
TOLD = {"A": date(2026, 2, 27), "B": date(2026, 3, 1)}


def test_four_summer_weeks_and_one_winter_week_told_by_1_march() -> None:
    plan = leave_dates(2026, [*AUGUST, date(2026, 12, 21)], employers=["A", "B"], notified=TOLD)
    assert plan.lawful and not plan.agreed


def test_without_agreement_the_split_is_the_law_s() -> None:
    plan = leave_dates(2026, [*AUGUST, date(2026, 10, 26)], employers=["A", "B"], notified=TOLD)
    assert not plan.lawful
    assert "ici 4 en été, 0 en hiver et 1 autre(s)" in plan.findings[0]  # 26/10 → 01/11 straddles the window


def test_dates_agreed_by_1_march_stand() -> None:
    plan = leave_dates(2026, [date(2026, 7, 6), date(2026, 7, 13), date(2026, 7, 20)],
                       employers=["A", "B"], agreed_on=date(2026, 2, 15))
    assert plan.lawful and plan.agreed
    late = leave_dates(2026, [date(2026, 7, 6)], employers=["A"], agreed_on=date(2026, 3, 2))
    assert not late.agreed and not late.lawful


def test_what_each_contract_pays_comes_from_its_own_month() -> None:
    plan = leave_dates(2026, [*AUGUST, date(2026, 12, 21)], employers=["A", "B"], notified=TOLD)
    full = ChildCare.of(child="lina", employer="A", born=date(2024, 1, 1), contract=Contract.from_schedule(
        hourly_rate="4.00", weeks=52, start=date(2025, 9, 1), schedule={d: "08:00-17:00" for d in ("mon", "tue")}))
    part = ChildCare.of(child="noe", employer="B", born=date(2024, 1, 1), contract=Contract.from_schedule(
        hourly_rate="4.00", weeks=42, start=date(2025, 9, 1), schedule={"wed": "08:00-18:00"}))
    full_events = plan.contract_events(full)
    # August 2026: Mondays 3, 10, 17, 24 and Tuesdays 4, 11, 18, 25 off (15 August is a Saturday)
    august = [a for a in full_events["absences"] if a.day.month == 8]  # type: ignore[attr-defined]
    assert len(august) == 8
    # 52 weeks: the leave keeps the mensualised salary, 18 h × 52 / 12 = 78 h × 4.00 = 312.00
    m = month_pay(full.contract, "2026-08", absences=august)
    assert (m.gross_salary, m.care_days) == (Decimal("312.00"), ((date(2026, 8, 31), 9 * 3600),))
    # 42 weeks: the leave weeks are among the weeks without care; Wednesdays 5 to 26 August off
    part_events = plan.contract_events(part)
    assert part_events == {"non_care_weeks": [*AUGUST, date(2026, 12, 21)]}
    p = month_pay(part.contract, "2026-08", non_care_weeks=AUGUST)
    assert p.care_days == ()
