"""Contracts signed before the CCN 3239 (1 January 2022): computed from 2022 on, with their
seniority from the real hiring date (CCN 3239 art. 8, 60, 107; rules.md §3.2). Figures by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from amcalc import Contract, month_pay, settlement
from amcalc.errors import BelowMinimumRate, ParameterUnavailable
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd, notice, seniority


def hired_2019(hourly_rate: str = "4.00") -> Contract:
    return Contract.from_schedule(hourly_rate=hourly_rate, weeks=52, start=date(2019, 9, 2),
                                  schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})


def test_a_month_of_2025_of_a_contract_hired_in_2019() -> None:
    m = month_pay(hired_2019(), "2025-03")
    # 40 h × 52 / 12 = 173.33 h × 4.00 € = 693.33 €. March 2025: Mondays 3, 10, 17, 24, 31,
    # Tuesdays 4, 11, 18, 25, Thursdays 6, 13, 20, 27, Fridays 7, 14, 21, 28: 17 days × 10 h.
    assert (m.base_salary, m.gross_salary, m.scheduled_hours) == (
        Decimal("693.33"), Decimal("693.33"), 170)


def test_a_month_or_a_settlement_before_2022_has_no_law_in_force() -> None:
    with pytest.raises(ParameterUnavailable) as err:
        month_pay(hired_2019(), "2021-12")
    assert err.value.field == "month"
    with pytest.raises(ParameterUnavailable) as err:
        settlement(hired_2019(), reason="withdrawal", sent=date(2021, 11, 2),
                   total_gross="20000.00", leave=LeaveOwedAtEnd())
    assert err.value.field == "sent"


def test_the_rate_is_checked_from_2022_and_in_each_month() -> None:
    # 1 January 2022: 0.281 × 10.57 € = 2.97017 € (conventional 2.97 €). 2.95 € is refused at
    # construction although the contract was signed in 2019, when amcalc has no law to apply.
    with pytest.raises(BelowMinimumRate) as err:
        hired_2019(hourly_rate="2.95")
    assert err.value.field == "hourly_rate"
    # 3.00 € was enough in January 2022 but not in March 2025 (3.64 €, avenant n° 9).
    assert month_pay(hired_2019(hourly_rate="3.00"), "2022-01").base_salary == Decimal("520.00")
    with pytest.raises(BelowMinimumRate):
        month_pay(hired_2019(hourly_rate="3.00"), "2025-03")


def test_seniority_notice_and_settlement_count_from_2019() -> None:
    assert seniority(date(2019, 9, 2), date(2026, 3, 2)).months == 78  # 6 years 6 months + 1 day
    n = notice("withdrawal", hired=date(2019, 9, 2), sent=date(2026, 3, 2))
    assert (n.notice_months, n.end) == (1, date(2026, 4, 1))  # 1 month: ≥ 1 year (art. 120)
    s = settlement(hired_2019(), reason="withdrawal", sent=date(2026, 3, 2), total_gross="54000.00",
                   leave=LeaveOwedAtEnd(current=LeaveOwed(days=25, reference_gross=Decimal("6933.30"))))
    # ICCP: maintien 25/6 × 40 h × 4.00 € = 666.67 € against 1/10 × 6 933.30 € = 693.33 € → 693.33 €.
    # Rupture: 79 months at the end (2 Sept 2019 → 1 April 2026 included) ≥ 9;
    # (54 000.00 + 693.33) / 80 = 683.666… → 683.67 €.
    assert [(x.label, x.amount) for x in s.lines] == [
        ("Indemnité compensatrice de congés payés", Decimal("693.33")),
        ("Indemnité de rupture", Decimal("683.67")),
    ]
    assert s.lines[1].result.seniority.months == 79  # type: ignore[attr-defined]
    assert s.last_day == date(2026, 4, 1)


def test_paid_leave_periods_start_at_the_real_hiring_date() -> None:
    from amcalc.paid_leave import MonthRecord, leave_ledger

    months = [MonthRecord.of(f"{y}-{m:02}", "693.33") for y, m in
              [(2019, m) for m in range(9, 13)] + [(2020, m) for m in range(1, 6)]]
    first = leave_ledger(hired_2019(), months).periods[0]
    # 2 September 2019 – 31 May 2020: September counts whole (25 jours ouvrables ≥ 24), then
    # 8 months: 9 × 2.5 = 22.5 → 23 days (CCN 3239 art. 48.1.1.2, rounded up).
    assert (first.period.first, first.acquired_days) == (date(2019, 9, 2), 23)
