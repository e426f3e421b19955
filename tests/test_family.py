"""The family's cost: CMG (both rules), tax credit, month, year, reform comparison.

Every expected figure is worked out by hand in its comment from the rules of
CSS D531-17/D531-18 (décret n° 2025-515), the old barème and CGI 200 quater B,
or taken from a published example (CAF 2025, service-public F8).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from amcalc import Absence, Contract, month_pay
from amcalc.employer_contributions import employer_contributions
from amcalc.errors import InvalidInput, ParameterUnavailable, UnsupportedCase
from amcalc.family import (
    AgeOnFirstJanuary,
    Care,
    Child,
    ChildcareCost,
    CmgRule,
    Household,
    MaintenanceInCredit,
    childcare_tax_credit,
    cmg,
    family_month,
    family_year,
    reform_comparison,
)

COUPLE_3000 = Household.of(resources="36000.00", dependent_children=1)
TODDLER = Child.of(born="2024-03-15")


def cost(net: str, hours: str, **more: object) -> ChildcareCost:
    return ChildcareCost.of(net_salary=net, hours=hours, **more)


# --- from 1 September 2025 (CSS D531-18) ---------------------------------------------------


def test_caf_example_after_the_reform() -> None:
    # CAF 2025: 606.25 × (1 − 3 000 × 0.000619 ÷ 4.85) = 606.25 × 0.617113… = 374.1251 → 374.13
    result = cmg(COUPLE_3000, TODDLER, cost("606.25", "125"), "2025-10")
    assert (result.eligible, result.amount, result.contributions_taken_over) == (True, Decimal("374.13"), 1)
    assert result.rule is CmgRule.EFFORT_RATE
    assert "606,25 € × (1 − 3 000 € × 0,0619 % ÷ 4,85 €)" in result.explain()


def test_each_aeeh_child_moves_one_rate_lower() -> None:
    # 4 children: 0.0310 %; with 2 AEEH children, two values lower: 0.0206 % (the last one).
    # 3 500 × 0.000206 ÷ 4.85 = 0.148660…; 550 × 0.851340 = 468.237 → 468.24
    family = Household.of(resources="42000.00", dependent_children=4, aeeh_children=2)
    assert cmg(family, TODDLER, cost("550.00", "110"), "2025-10").amount == Decimal("468.24")


def test_eight_children_and_more_take_the_last_rate() -> None:
    # 12 children: 0.0206 %; 8 500 × 0.000206 ÷ 4.85 = 0.361030…; 400 × 0.638969 = 255.5876 → 255.59
    family = Household.of(resources="150000.00", dependent_children=12)
    assert cmg(family, TODDLER, cost("400.00", "100"), "2025-10").amount == Decimal("255.59")


def test_income_floor() -> None:
    # 6 000 € a year → 500 € a month, raised to the 815 € floor:
    # 815 × 0.000619 ÷ 4.85 = 0.104017…; 300 × 0.895982 = 268.7948 → 268.79
    family = Household.of(resources="6000.00", dependent_children=1)
    result = cmg(family, TODDLER, cost("300.00", "60"), "2025-10")
    assert (result.monthly_income, result.amount) == (Decimal("815.00"), Decimal("268.79"))


def test_a_negative_formula_pays_nothing_but_keeps_the_contributions() -> None:
    # 1 child, income held at 8 500: 8 500 × 0.000619 = 5.2615 > 4.85 → below zero → 0.00
    family = Household.of(resources="200000.00", dependent_children=1)
    result = cmg(family, TODDLER, cost("606.25", "125"), "2025-10")
    assert (result.eligible, result.amount, result.contributions_taken_over) == (True, Decimal("0.00"), 1)


def test_the_hourly_cap_prorates_the_contributions() -> None:
    # 125 h at 9.00 € net: cost counted 8 × 125 = 1 000; 1 000 × 0.617113… = 617.113 → 617.11;
    # contributions taken over 1 000 ÷ 1 125 = 8/9
    result = cmg(COUPLE_3000, TODDLER, cost("1125.00", "125"), "2025-10")
    assert (result.cost_counted, result.amount) == (Decimal("1000.00"), Decimal("617.11"))
    assert result.contributions_taken_over == Fraction(8, 9)


@pytest.mark.parametrize(("month", "eligible"), [("2030-03", True), ("2030-04", False)])
def test_due_up_to_the_month_of_the_sixth_birthday(month: str, eligible: bool) -> None:
    # born 15 March 2024: 6 on 15 March 2030; due for March, not April (CSS R552-3 II 1°)
    assert cmg(COUPLE_3000, TODDLER, cost("300.00", "60"), month).eligible is eligible


def test_single_parent_keeps_it_until_twelve_after_the_reform_only() -> None:
    single = Household.of(resources="24000.00", dependent_children=1, single_parent=True)
    eight = Child.of(born="2017-09-20")
    assert cmg(single, eight, cost("291.00", "60"), "2026-02").eligible
    before = cost("291.00", "60", gross_salary="372.00", declared_days=12)
    assert not cmg(single, eight, before, "2025-06").eligible


def test_a_child_not_yet_born_is_refused() -> None:
    with pytest.raises(InvalidInput) as err:
        cmg(COUPLE_3000, Child.of(born="2025-11-02"), cost("300.00", "60"), "2025-10")
    assert err.value.field == "child_born"
    assert cmg(COUPLE_3000, Child.of(born="2025-10-30"), cost("30.00", "6"), "2025-10").eligible


def test_a_leap_day_birthday_falls_on_first_march() -> None:
    leap = Child.of(born="2020-02-29")
    assert leap.birthday(6) == date(2026, 3, 1)
    assert cmg(COUPLE_3000, leap, cost("300.00", "60"), "2026-03").eligible


# --- until 31 August 2025 (the flat amounts) ------------------------------------------------


def before(net: str, hours: str, gross: str, days: int, **more: object) -> ChildcareCost:
    return cost(net, hours, gross_salary=gross, declared_days=days, **more)


@pytest.mark.parametrize(("resources", "amount"), [
    ("23903.00", "538.28"),  # at the first ceiling: band 1
    ("23904.00", "339.42"),  # one euro above: band 2
    ("53120.00", "203.63"),  # above the second ceiling: band 3
])
def test_income_bands_of_one_child(resources: str, amount: str) -> None:
    family = Household.of(resources=resources, dependent_children=1)
    assert cmg(family, TODDLER, before("700.00", "140", "896.00", 18), "2025-05").amount == Decimal(amount)


def test_three_children_ceilings_and_single_parent_uplift() -> None:
    # couple, 3 children: ceiling 1 = 27 295 + 3 392 = 30 687; 30 688 is band 2 → 339.42
    couple = Household.of(resources="30688.00", dependent_children=3)
    assert cmg(couple, TODDLER, before("700.00", "140", "896.00", 18), "2025-05").amount == Decimal("339.42")
    # single parent, 1 child: ceiling 1 = 23 903 × 1.4 = 33 464.2 → 33 464; 33 000 is band 1 → 699.76
    # (85 % × 900 = 765 does not bind; 1 152 ÷ 20 = 57.60 a day, under 59.40)
    single = Household.of(resources="33000.00", dependent_children=1, single_parent=True)
    assert cmg(single, TODDLER, before("900.00", "180", "1152.00", 20), "2025-05").amount == Decimal("699.76")


def test_the_3_to_6_amount_starts_the_month_after_the_third_birthday() -> None:
    three = Child.of(born="2022-05-10")  # 3 on 10 May 2025
    family = Household.of(resources="36000.00", dependent_children=1)
    month_cost = before("700.00", "140", "896.00", 18)
    assert cmg(family, three, month_cost, "2025-05").amount == Decimal("339.42")
    assert cmg(family, three, month_cost, "2025-06").amount == Decimal("169.71")


def test_85_percent_cap() -> None:
    # band 1 amount 538.28 > 85 % × (150 + 10) = 136.00
    family = Household.of(resources="20000.00", dependent_children=1)
    assert cmg(family, TODDLER, before("150.00", "30", "192.00", 5, maintenance="10.00"),
               "2025-06").amount == Decimal("136.00")


def test_specific_hours_and_prepare() -> None:
    # band 2: 339.42 × 1.10 = 373.362 → 373.36; halved with a PreParE: 186.681 → 186.68
    month_cost = before("800.00", "160", "1024.00", 20)
    assert cmg(COUPLE_3000, TODDLER, month_cost, "2025-06", specific_hours=True).amount == Decimal("373.36")
    assert cmg(COUPLE_3000, TODDLER, month_cost, "2025-06", specific_hours=True,
               prepare_half=True).amount == Decimal("186.68")


def test_five_smic_a_day_test() -> None:
    # 5 × 11.88 = 59.40 €: 950.40 ÷ 16 = 59.40 passes; 950.56 ÷ 16 = 59.41 does not
    ok = cmg(COUPLE_3000, TODDLER, before("742.40", "160", "950.40", 16), "2025-06")
    over = cmg(COUPLE_3000, TODDLER, before("742.53", "160", "950.56", 16), "2025-06")
    assert (ok.eligible, over.eligible, over.amount, over.contributions_taken_over) == (True, False, 0, 0)


def test_the_old_rule_needs_its_figures_and_its_period() -> None:
    with pytest.raises(InvalidInput) as err:
        cmg(COUPLE_3000, TODDLER, cost("606.25", "125"), "2025-06")
    assert err.value.field == "gross_salary"
    with pytest.raises(ParameterUnavailable) as unavailable:
        cmg(COUPLE_3000, TODDLER, before("606.25", "125", "776.06", 16), "2025-03")
    assert unavailable.value.field == "month"
    aeeh = Household.of(resources="36000.00", dependent_children=2, aeeh_children=1)
    with pytest.raises(UnsupportedCase):
        cmg(aeeh, TODDLER, before("606.25", "125", "776.06", 16), "2025-06")


# --- the boundary ----------------------------------------------------------------------------


@pytest.mark.parametrize(("make", "field"), [
    (lambda: Household.of(resources="-1", dependent_children=1), "resources"),
    (lambda: Household.of(resources="1000", dependent_children=2, aeeh_children=3), "aeeh_children"),
    (lambda: Household.of(resources="1000", dependent_children=True), "dependent_children"),
    (lambda: Household.of(resources="1000", dependent_children=1, single_parent="yes"), "single_parent"),
    (lambda: Child.of(born="2024-13-01"), "child_born"),
    (lambda: ChildcareCost.of(net_salary="100", hours="-3"), "hours"),
    (lambda: ChildcareCost.of(net_salary="100", hours="10", declared_days=40), "declared_days"),
    (lambda: ChildcareCost.of(net_salary=1.5, hours="10"), "net_salary"),
    (lambda: Care(TODDLER, cost("100", "10"), "-5"), "employer_aid"),
])
def test_bad_input_names_its_field(make: object, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        make()  # type: ignore[operator]
    assert err.value.field == field


# --- the family's month ----------------------------------------------------------------------


def test_one_cmg_per_child_and_a_child_with_two_ams() -> None:
    family = Household.of(resources="60000.00", dependent_children=2)
    older, younger = Child.of(born="2022-01-10", name="Léa"), Child.of(born="2024-06-01", name="Tom")
    month = family_month(family, [
        Care(older, cost("300.00", "60")),
        Care(younger, cost("200.00", "40", maintenance="20.00")),
        Care(younger, cost("100.00", "20")),
    ], "2025-10")
    # 2 children, 5 000 €: factor 1 − 5 000 × 0.000516 ÷ 4.85 = 0.468041…
    # Léa: 300 × 0.468041 = 140.41; Tom on 320 € (two AMs summed): 149.773 → 149.77
    assert [line.cmg.amount for line in month.children] == [Decimal("140.41"), Decimal("149.77")]
    assert (month.cost, month.cmg, month.remains) == (Decimal("620.00"), Decimal("290.18"), Decimal("329.82"))
    assert "Reste à charge (Tom)" in month.explain()


def test_remains_are_never_negative() -> None:
    # 606.25 − 374.13 − 300.00 (aid) would be −67.88: 0.00
    month = family_month(COUPLE_3000, [Care(TODDLER, cost("606.25", "125"), "300.00")], "2025-10")
    assert month.remains == Decimal("0.00")


def test_contributions_not_taken_over_above_the_hourly_cap() -> None:
    # 125 h at 9.00 € net, gross 1 440.00; share not taken over 1 − 8/9 = 1/9.
    # Employee: 1 440.00 − 1 125.00 = 315.00. Employer (October 2025), line by line on 1 440.00:
    # 13 % 187.20 + 8.55 % 123.12 + 2.02 % 29.09 + 5.25 % 75.60 + 1.20 % 17.28 + 4.72 % 67.97
    # + 1.29 % 18.58 + 4.00 % 57.60 = 576.44. (315.00 + 576.44) ÷ 9 = 99.048… → 99.05.
    assert employer_contributions("1440.00", date(2025, 10, 1)).total == Decimal("576.44")
    month = family_month(COUPLE_3000, [Care(TODDLER, cost("1125.00", "125", gross_salary="1440.00"))],
                         "2025-10")
    line = month.children[0]
    assert line.contributions_not_taken_over == Decimal("99.05")
    assert (month.cost, month.cmg, month.remains) == (Decimal("1224.05"), Decimal("617.11"), Decimal("606.94"))
    with pytest.raises(UnsupportedCase):
        family_month(COUPLE_3000, [Care(TODDLER, cost("1125.00", "125"))], "2025-10")


def test_the_old_uncapped_rate_moves_in_2026() -> None:
    # CSS D242-4 (décret n° 2025-1446): 2.02 % in 2025, 2.11 % from 1 January 2026, on 1 000.00
    lines = {d: employer_contributions("1000.00", d).lines[2].amount for d in (date(2025, 12, 1),
                                                                              date(2026, 1, 1))}
    assert lines == {date(2025, 12, 1): Decimal("20.20"), date(2026, 1, 1): Decimal("21.10")}


def test_from_the_month_amcalc_computes() -> None:
    contract = Contract.from_schedule(hourly_rate="4.00", weeks=52, start=date(2025, 9, 1),
                                      schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "10"},
                                      maintenance_per_hour="0.40")
    pay = month_pay(contract, "2025-11", absences=[Absence.of(date(2025, 11, 20), "unpaid_leave")])
    from_month = ChildcareCost.of_month(pay)
    assert (from_month.net_salary, from_month.maintenance, from_month.gross_salary) == (
        pay.net_salary, pay.maintenance, pay.gross_salary)
    assert from_month.hours == pay.pajemploi.declared_hours
    given = ChildcareCost.of(net_salary=str(pay.net_salary), hours=str(pay.pajemploi.declared_hours),
                             maintenance=str(pay.maintenance))
    assert cmg(COUPLE_3000, TODDLER, from_month, "2025-11") == cmg(COUPLE_3000, TODDLER, given, "2025-11")


# --- the tax credit and the year -------------------------------------------------------------


def test_tax_credit_published_examples() -> None:
    # service-public F8 (2019): 1 000 € borne → 500 €. OpenFisca credit_garext (2017):
    # 0.5 × (min(3 000, 2 300) + min(2 000, 1 150)) = 1 725 €.
    assert childcare_tax_credit(2019, [(Child.of(born="2016-04-12"), "1000.00")]).credit == Decimal("500.00")
    garext = childcare_tax_credit(2017, [(Child.of(born="2013-03-14"), "3000.00"),
                                         (Child.of(born="2015-09-30", shared_residence=True), "2000.00")])
    assert (garext.base, garext.credit) == (Decimal("3450.00"), Decimal("1725.00"))


def test_tax_credit_age_on_first_january() -> None:
    # born 1 January 2019: 6 on 1 January 2025 → not under 6 (BOFiP), but born in 2025 − 6 (service-public)
    child = [(Child.of(born="2019-01-01"), "1000.00")]
    assert childcare_tax_credit(2025, child).credit == Decimal("0.00")
    assert childcare_tax_credit(2025, child,
                                age_rule=AgeOnFirstJanuary.BORN_IN_YEAR_MINUS_SIX).credit == Decimal("500.00")
    with pytest.raises(ParameterUnavailable):
        childcare_tax_credit(2005, child)


def test_the_year_adds_the_months_and_takes_the_credit() -> None:
    # Three months of the CAF example: remains 3 × 232.12 = 696.36; expenses borne the same
    # (no meals, no aid); credit 50 % = 348.18; net cost 348.18.
    months = [family_month(COUPLE_3000, [Care(TODDLER, cost("606.25", "125"))], f"2025-{m}")
              for m in ("12", "10", "11")]
    year = family_year(months)
    assert [m.month for m in year.months] == [10, 11, 12]
    assert (year.remains, year.tax_credit.credit, year.net_cost) == (
        Decimal("696.36"), Decimal("348.18"), Decimal("348.18"))
    assert year.rows()[0] == {"year": 2025, "month": 10, "cost": Decimal("606.25"), "cmg": Decimal("374.13"),
                              "employer_aid": Decimal("0.00"), "remains": Decimal("232.12")}


def test_meals_are_not_care_and_the_entretien_option() -> None:
    # One month: 663 net + 72 entretien + 54 meals, CMG 436.55 (see the family_cost case).
    # Expenses: 663 + 72 − 436.55 = 298.45 (meals out); with the 2.65 €/day forfait over 18 days,
    # entretien counted min(72, 47.70) = 47.70 → 274.15.
    care = Care(Child.of(born="2024-08-08"), cost("663.00", "130", maintenance="72.00", meals="54.00",
                                                   declared_days=18))
    month = family_month(Household.of(resources="42000.00", dependent_children=1), [care], "2025-11")
    assert family_year([month]).tax_credit.base == Decimal("298.45")
    assert family_year([month], maintenance=MaintenanceInCredit.DAILY_FORFAIT).tax_credit.base == Decimal("274.15")


def test_the_year_refuses_months_of_two_years() -> None:
    months = [family_month(COUPLE_3000, [Care(TODDLER, cost("606.25", "125"))], m) for m in ("2025-12", "2026-01")]
    with pytest.raises(InvalidInput):
        family_year(months)


# --- before or after the reform --------------------------------------------------------------


def test_reform_comparison_matches_the_caf_gain() -> None:
    # CAF 2025: 339 € before, 374 € after, "un gain de 35 € par mois": 374.13 − 339.42 = 34.71
    care = Care(TODDLER, before("606.25", "125", "776.06", 16))
    for month in ("2025-06", "2025-10"):
        comparison = reform_comparison(COUPLE_3000, [care], month)
        assert (comparison.before.cmg, comparison.after.cmg, comparison.gain) == (
            Decimal("339.42"), Decimal("374.13"), Decimal("34.71"))
    with pytest.raises(UnsupportedCase):
        reform_comparison(COUPLE_3000, [care], "2026-04")
