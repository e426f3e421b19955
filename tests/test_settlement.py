"""Solde de tout compte: figures derived by hand from the articles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from amcalc import Contract
from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.termination import fixed_term_end, regularisation
from amcalc.termination.leave_compensation import LeaveOwed, leave_compensation
from amcalc.termination.settlement import LeaveOwedAtEnd, settlement

NOTHING_OWED = LeaveOwedAtEnd()  # every day of paid leave already paid


def full_year() -> Contract:
    return Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2023, 9, 4),
                                  schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})


def part_year() -> Contract:
    return Contract.from_schedule(hourly_rate="4.00", weeks=36, start=date(2023, 9, 4),
                                  schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})


def test_notice_waived_by_the_parent_is_paid_and_enters_the_rupture_base() -> None:
    s = settlement(full_year(), reason="withdrawal", sent=date(2025, 6, 2),
                   total_gross=Decimal("14560.00"), notice_waived=True, leave=NOTHING_OWED)
    # Notice 2 June – 1 July 2025. June: 17 planned days, all in the notice (170 h of 170 h);
    # July: 1 July is a Tuesday, 10 h of 180 h. 693.33 + 693.33 × 10/180 = 731.848… → 731.85.
    assert [(x.label, x.amount, x.salary) for x in s.lines] == [
        ("Indemnité compensatrice de préavis", Decimal("731.85"), True),
        # (14 560.00 + 731.85) / 80 = 191.148… → 191.15 (default: final indemnities in the base).
        ("Indemnité de rupture", Decimal("191.15"), False),
    ]
    assert (s.notice_first_day, s.notice_last_day, s.last_day) == (
        date(2025, 6, 2), date(2025, 7, 1), date(2025, 7, 1))
    assert (s.salary_total, s.indemnity_total, s.total) == (
        Decimal("731.85"), Decimal("191.15"), Decimal("923.00"))


def test_serious_misconduct_owes_leave_but_no_notice_and_no_rupture_indemnity() -> None:
    s = settlement(full_year(), reason="serious_misconduct", sent=date(2025, 6, 2),
                   total_gross=Decimal("14560.00"),
                   leave=LeaveOwedAtEnd(current=LeaveOwed(days=3, reference_gross=Decimal("693.33"))))
    assert [(x.label, x.amount) for x in s.lines] == [
        ("Indemnité compensatrice de congés payés", Decimal("80.00"))]  # 3/6 × 40 h × 4.00 €
    assert s.notice_first_day is None and s.last_day == date(2025, 6, 2)
    assert len(s.not_due) == 1 and "faute grave" in s.not_due[0]


def test_resignation_owes_no_rupture_indemnity_and_says_why() -> None:
    s = settlement(full_year(), reason="resignation", sent=date(2025, 6, 2), total_gross="14560.00",
                   leave=NOTHING_OWED)
    assert s.lines == () and s.total == Decimal("0.00")
    assert s.not_due and s.not_due[0].startswith("Indemnité de rupture :")


def test_regularisation_is_paid_only_in_the_am_favour() -> None:
    owed = regularisation(hourly_rate="4.00", hours_paid="1200", hours_due="1230")  # +30 h
    s = settlement(part_year(), reason="withdrawal", sent=date(2025, 6, 2), total_gross="11000.00",
                   regularisations=[owed], leave=NOTHING_OWED)
    assert ("Régularisation de fin de contrat", Decimal("120.00")) in [(x.label, x.amount) for x in s.lines]
    favour_parent = regularisation(hourly_rate="4.00", hours_paid="1230", hours_due="1200")
    s = settlement(part_year(), reason="withdrawal", sent=date(2025, 6, 2), total_gross="11000.00",
                   regularisations=[favour_parent], leave=NOTHING_OWED)
    assert all(x.label != "Régularisation de fin de contrat" for x in s.lines)
    assert any("non récupéré" in text for text in s.not_due)
    with pytest.raises(InvalidInput):
        settlement(full_year(), reason="withdrawal", sent=date(2025, 6, 2), total_gross="1",
                   regularisations=[owed], leave=NOTHING_OWED)


def cdd(**options: object) -> Contract:
    return Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2023, 9, 4), kind="cdd",
                                  schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"},
                                  **options)


def test_the_end_of_a_cdd_pays_precarity_and_leave_not_the_rupture_indemnity() -> None:
    # Ville de Paris example: 11 400.00 € of salaries; précarité 10 % = 1 140.00 €; leave
    # 10 % × (11 400.00 + 1 140.00) = 1 254.00 €; total 2 394.00 €.
    s = settlement(cdd(), reason="fixed_term_end", sent=date(2024, 9, 4), total_gross="11400.00")
    assert [(x.label, x.amount) for x in s.lines] == [
        ("Indemnité de fin de contrat (précarité)", Decimal("1140.00")),
        ("Indemnité compensatrice de congés payés", Decimal("1254.00")),
    ]
    assert s.total == Decimal("2394.00")
    assert any("121.1" in text for text in s.not_due)
    # The same function as the single calculation: 950.00 € of leave already paid leaves 304.00 €.
    paid = settlement(cdd(), reason="fixed_term_end", sent=date(2024, 9, 4), total_gross="11400.00",
                      cdd_leave_already_paid="950.00")
    assert paid.lines[1].amount == fixed_term_end(total_gross="11400.00",
                                                  leave_already_paid="950.00").leave_compensation
    assert paid.total == Decimal("1444.00")  # 1 140.00 + 304.00


def test_cdd_leave_given_per_period_keeps_the_precarity_in_the_tenth_base() -> None:
    # 30 days: maintien 30/6 × 40 h × 4.00 € = 800.00 €; 1/10 of (11 400.00 + 1 140.00) = 1 254.00 €.
    s = settlement(cdd(), reason="fixed_term_end", sent=date(2024, 9, 4), total_gross="11400.00",
                   leave=LeaveOwedAtEnd(current=LeaveOwed(days=30, reference_gross=Decimal("11400.00"))))
    assert s.lines[1].amount == Decimal("1254.00")


def test_settlement_never_leaves_the_leave_compensation_out() -> None:
    with pytest.raises(InvalidInput) as err:
        settlement(full_year(), reason="withdrawal", sent=date(2025, 6, 2), total_gross="14560.00")
    assert err.value.field == "leave" and "congés" in err.value.message


def test_end_reasons_fit_the_kind_of_contract() -> None:
    with pytest.raises(InvalidInput) as err:  # a CDI does not end at a term
        settlement(full_year(), reason="fixed_term_end", sent=date(2024, 9, 4), total_gross="11400.00")
    assert err.value.field == "reason" and "CDD" in err.value.message
    for cdi_only in ("withdrawal", "resignation", "retirement"):
        with pytest.raises(InvalidInput) as err:
            settlement(cdd(), reason=cdi_only, sent=date(2024, 9, 4), total_gross="11400.00",
                       leave=NOTHING_OWED)
        assert "L1243-1" in err.value.message
    with pytest.raises(UnsupportedCase):
        settlement(cdd(), reason="child_death", sent=date(2024, 9, 4), total_gross="11400.00",
                   leave=NOTHING_OWED)
    # Faute grave ends a CDD early: no précarité (L1243-10), no 1/80 (art. 121.1 is for the CDI).
    s = settlement(cdd(), reason="serious_misconduct", sent=date(2024, 9, 4), total_gross="11400.00",
                   leave=NOTHING_OWED)
    assert s.lines == () and len(s.not_due) == 2 and "121.1" in s.not_due[1]


def test_leave_compensation_per_period_minus_what_was_paid() -> None:
    c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=36, weekly_hours="40", days_per_week=4)
    iccp = leave_compensation(
        c,
        # 30 days: maintien 30/6 × 40 × 4 = 800.00 against 1/10 of 8 650 = 865.00; 300 paid.
        completed=LeaveOwed(days=30, reference_gross=Decimal("8650.00"), already_paid=Decimal("300.00")),
        # 23 days: 613.33 (maintien) against 576.00.
        current=LeaveOwed(days=23, reference_gross=Decimal("5760.00")),
    )
    assert [x.amount for x in iccp.lines] == [Decimal("565.00"), Decimal("613.33")]
    assert iccp.total == Decimal("1178.33")
    assert "L3141-28" in iccp.explain()


def test_settlement_explains_itself_in_text_and_html() -> None:
    s = settlement(full_year(), reason="withdrawal", sent=date(2025, 6, 2), total_gross="14560.00",
                   leave=NOTHING_OWED)
    assert "Solde de tout compte" in s.explain() and "art. 69" in s.explain()
    assert "<table>" in s._repr_html_()


def test_the_final_regularisation_enters_the_rupture_base() -> None:
    owed = regularisation(hourly_rate="4.00", hours_paid="1200", hours_due="1230")  # +30 h: 120.00 €
    s = settlement(part_year(), reason="withdrawal", sent=date(2025, 6, 2), total_gross="11000.00",
                   regularisations=[owed], leave=NOTHING_OWED)
    # Every gross salary of the contract, the final regularisation too: (11 000 + 120) / 80 = 139.00.
    assert dict((x.label, x.amount) for x in s.lines)["Indemnité de rupture"] == Decimal("139.00")


def test_the_leave_ledger_gives_the_leave_compensation() -> None:
    from amcalc.paid_leave import MonthRecord, leave_ledger

    hired = dict(hourly_rate="4.00", weeks=52, start=date(2025, 1, 6),
                 schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"})
    s_contract = Contract.from_schedule(**hired)  # type: ignore[arg-type]
    # Withdrawal sent Tuesday 1 April 2025: 2 months 26 days of seniority, 8 days of notice,
    # last day 8 April. Leave, month by month: 6–31 January 23 jours ouvrables / 24, February
    # and March 1 each, 1–8 April 7 / 24: 3.25 months × 2.5 = 8.125 → 9 days; maintien
    # 9/6 × 40 h × 4.00 € = 240.00 € against 1/10 of 600.00 + 693.33 + 693.33 + 200.00
    # = 2 186.66 € → 218.67 €: 240.00 €, none taken.
    ended = Contract.from_schedule(end=date(2025, 4, 8), **hired)  # type: ignore[arg-type]
    ledger = leave_ledger(ended, [MonthRecord.of(m, pay) for m, pay in (
        ("2025-01", "600.00"), ("2025-02", "693.33"), ("2025-03", "693.33"), ("2025-04", "200.00"))])
    s = settlement(s_contract, reason="withdrawal", sent=date(2025, 4, 1), total_gross="2186.66",
                   leave=ledger)
    assert s.last_day == date(2025, 4, 8)
    assert [(x.label, x.amount) for x in s.lines] == [
        ("Indemnité compensatrice de congés payés", Decimal("240.00"))]
    with pytest.raises(InvalidInput) as err:  # a ledger that stops elsewhere is refused
        settlement(s_contract, reason="withdrawal", sent=date(2025, 3, 20), total_gross="2186.66",
                   leave=ledger)
    assert err.value.field == "leave"
