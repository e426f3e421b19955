"""The MAM's money: its budget, the split of its charges by each rule of the
règlement de fonctionnement, each AM's month and break-even, the PALA and the
start-up plan.

Every expected figure is worked out by hand in its comment. The house: four AMs
in October 2025, contracts at 0,45 € of entretien an hour (above the floor of
art. 114.1: 90 % × 4,22 € ÷ 9 h = 0,422 € an hour), so each contract's
entretien is 0,45 € × its hours:

- contract A, Mon/Tue/Thu/Fri 9 h: October 2025 has 4 Mondays, 4 Tuesdays,
  5 Thursdays and 5 Fridays = 18 days × 9 h = 162 h, entretien 72,90 €;
- contract B, Mon–Fri 8 h: 23 weekdays × 8 h = 184 h, entretien 82,80 €.

Anne: 4 places, 3 contracts A (486 h, 218,70 €); Béa: 4 places, 2 contracts B
(368 h, 165,60 €); Chloé: 3 places, 1 contract A (162 h, 72,90 €); Dina:
2 places, no contract yet.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from amcalc import Contract, month_pay
from amcalc.am import Agrement, ChildCare, Childminder, childminder_month
from amcalc.errors import InvalidInput, LegalLimitExceeded
from amcalc.mam import (
    BreakEvenCover,
    Budget,
    ChargeCategory,
    MamMember,
    SplitRule,
    mam_month,
    pala_loan,
    split_charges,
    startup_plan,
)
from amcalc.month import MonthPay

OCTOBER = "2025-10"


def contract(days: tuple[str, ...], hours: str) -> Contract:
    return Contract.from_schedule(hourly_rate="4.50", weeks=46, start=date(2025, 9, 1),
                                  schedule=dict.fromkeys(days, hours), maintenance_per_hour="0.45")


A = month_pay(contract(("mon", "tue", "thu", "fri"), "9"), OCTOBER)
B = month_pay(contract(("mon", "tue", "wed", "thu", "fri"), "8"), OCTOBER)

# premises 900 + 180 + 45 + 60 + 35 = 1 220,00; running 300 + 120 + 40 + 25 + 60 = 545,00;
# administration 20 + 45 + 10,01 + 15 + 45 = 135,01; total 1 900,01 € = 190 001 cents
BUDGET = Budget.of({
    "rent": "900.00", "energy": "180.00", "insurance": "45.00", "upkeep": "60.00", "taxes": "35.00",
    "food": "300.00", "supplies": "120.00", "educational_material": "40.00", "outings": "25.00",
    "liability_insurance": "60.00",
    "office": "20.00", "phone": "45.00", "post": "10.01", "documentation": "15.00", "travel": "45.00",
})


def house(loan_for_anne: object = None) -> list[MamMember]:
    return [MamMember.of(name="Anne", places=4, months=[A, A, A], loan=loan_for_anne),
            MamMember.of(name="Béa", places=4, months=[B, B]),
            MamMember.of(name="Chloé", places=3, months=[A]),
            MamMember.of(name="Dina", places=2)]


def shares(rule: SplitRule) -> list[Decimal]:
    return [s.share for s in split_charges(BUDGET, house(), rule=rule).shares]


def test_the_contracts_of_the_house() -> None:
    assert (A.worked_hours, A.maintenance, B.worked_hours, B.maintenance) == (
        Fraction(162), Decimal("72.90"), Fraction(184), Decimal("82.80"))
    anne = house()[0]
    assert (anne.children, anne.hours, anne.maintenance) == (3, Fraction(486), Decimal("218.70"))


def test_a_member_from_the_am_across_her_employers() -> None:
    # Chloé as amcalc.am knows her: agrément of 3, two contracts A (one from November: not in
    # force in October), so one child, 162 h and 72,90 € of entretien in October
    def care(child: str, start: date) -> ChildCare:
        c = Contract.from_schedule(hourly_rate="4.50", weeks=46, start=start, maintenance_per_hour="0.45",
                                   schedule=dict.fromkeys(("mon", "tue", "thu", "fri"), "9"))
        return ChildCare.of(child=child, employer=f"famille-{child}", born=date(2025, 1, 10), contract=c)

    am = Childminder.of(agrement=Agrement.of(children=3), contracts=[care("lina", date(2025, 9, 1)),
                                                                    care("noe", date(2025, 11, 3))])
    chloe = MamMember.of_childminder(name="Chloé", childminder=am, month=childminder_month(am, OCTOBER))
    assert (chloe.places, chloe.children, chloe.hours, chloe.maintenance) == (3, 1, Fraction(162), Decimal("72.90"))
    assert chloe.net_salary == A.net_salary
    with pytest.raises(InvalidInput) as err:
        MamMember.of_childminder(name="Chloé", childminder=am, month=[A])  # type: ignore[arg-type]
    assert err.value.field == "month"


def test_budget_by_category() -> None:
    assert BUDGET.category_total(ChargeCategory.PREMISES) == Decimal("1220.00")
    assert BUDGET.category_total(ChargeCategory.RUNNING) == Decimal("545.00")
    assert BUDGET.category_total(ChargeCategory.ADMINISTRATION) == Decimal("135.01")
    assert BUDGET.total == Decimal("1900.01")
    text = BUDGET.explain()
    assert "Locaux : loyer 900,00 € + énergie 180,00 €" in text and "= 1 900,01 €" in text


def test_equal_split() -> None:
    # 190 001 ÷ 4 = 47 500,25 each: 1 cent missing, equal remainders, first listed (Anne)
    assert shares(SplitRule.EQUAL) == [Decimal("475.01"), Decimal("475.00"), Decimal("475.00"), Decimal("475.00")]


def test_split_by_agrement_places() -> None:
    # 4 + 4 + 3 + 2 = 13 places. 190 001 × 4 ÷ 13 = 58 461,846 (twice); × 3 ÷ 13 = 43 846,385;
    # × 2 ÷ 13 = 29 230,923. Floors add up to 189 998: 3 cents to Dina (,923), Anne and Béa (,846)
    assert shares(SplitRule.AGREMENT_PLACES) == [
        Decimal("584.62"), Decimal("584.62"), Decimal("438.46"), Decimal("292.31")]


def test_split_by_children_under_contract() -> None:
    # 3 + 2 + 1 + 0 = 6 children. 190 001 × 3 ÷ 6 = 95 000,5; × 2 ÷ 6 = 63 333,667; × 1 ÷ 6 =
    # 31 666,833; Dina 0. Floors 189 999: 2 cents to Chloé (,833) and Béa (,667)
    assert shares(SplitRule.CHILDREN_UNDER_CONTRACT) == [
        Decimal("950.00"), Decimal("633.34"), Decimal("316.67"), Decimal("0.00")]


def test_split_by_hours_of_care() -> None:
    # 486 + 368 + 162 + 0 = 1 016 h. 190 001 × 486 ÷ 1 016 = 90 886,305; × 368 ÷ 1 016 =
    # 68 819,260; × 162 ÷ 1 016 = 30 295,435. Floors 190 000: 1 cent to Chloé (,435)
    assert shares(SplitRule.HOURS_OF_CARE) == [
        Decimal("908.86"), Decimal("688.19"), Decimal("302.96"), Decimal("0.00")]


def test_split_explained() -> None:
    text = split_charges(BUDGET, house(), rule=SplitRule.AGREMENT_PLACES).explain()
    assert "Part de Dina : 1 900,01 € × 2 places ÷ 13 places = 292,3092 € = 292,31 €" in text
    assert "plus grands restes" in text


def test_each_ams_month_and_break_even() -> None:
    # equal split: Anne 475,01 €, the others 475,00 €; Anne repays a PALA of 5 000 € granted in
    # April 2025 over 120 months from 10/2025 (the sixth month after April, CSS D542-37):
    # 500 000 ÷ 120 = 4 166,67 cents → 41,66 € a month
    loan = pala_loan("5000.00", works="20000.00", granted_on="2025-04-20")
    month = mam_month(BUDGET, house(loan), OCTOBER)
    anne, bea, chloe, dina = month.members
    # Anne receives what month_pay computed for her three contracts, never recomputed
    assert anne.received == 3 * (A.net_salary + A.maintenance)
    assert (anne.share, anne.loan_instalment) == (Decimal("475.01"), Decimal("41.66"))
    assert anne.remains == anne.received - Decimal("475.01") - Decimal("41.66")
    # to cover 475,01 + 41,66 = 516,67 €; entretien 218,70 € → 297,97 € missing; at 72,90 € a
    # child: 516,67 ÷ 72,90 = 7,09 → 8 children; at 0,45 € an hour: 516,67 ÷ 0,45 = 1 148,16 → 1 149 h
    be = anne.break_even
    assert (be.to_cover, be.covered, be.missing, be.margin) == (
        Decimal("516.67"), Decimal("218.70"), Decimal("297.97"), Decimal("0.00"))
    assert (be.children_needed, be.hours_needed, be.reached) == (8, 1149, False)
    # Béa: 475,00 − 165,60 = 309,40 € missing; 475 ÷ 82,80 = 5,74 → 6 children; 475 ÷ 0,45 = 1 055,6 → 1 056 h
    assert (bea.break_even.missing, bea.break_even.children_needed, bea.break_even.hours_needed) == (
        Decimal("309.40"), 6, 1056)
    assert chloe.loan_instalment == Decimal("0.00")
    # Dina has no contract: nothing received, nothing to average
    assert (dina.received, dina.remains) == (Decimal("0.00"), Decimal("-475.00"))
    assert (dina.break_even.children_needed, dina.break_even.hours_needed) == (None, None)
    text = anne.explain()
    assert "Mensualité du PALA : échéance du mois de son prêt de 5 000,00 € = 41,66 €" in text
    assert "Enfants nécessaires : 516,67 € ÷ (218,70 € ÷ 3 enfants = 72,90 € par enfant)" in text
    assert "Heures d'accueil nécessaires" in text and "= 1 149 h" in text
    assert "Seuil de rentabilité non atteint ce mois-ci : Anne, Béa, Chloé, Dina." in month.explain()


def test_break_even_reached_with_a_margin_and_meals_counted() -> None:
    # one AM alone, charges 100,00 €, 2 contracts A with 18 meals at 3,00 € (54,00 € each):
    # entretien 145,80 € → margin 45,80 €; with the meals 145,80 + 108,00 = 253,80 € → margin 153,80 €;
    # 100 ÷ (253,80 ÷ 2) = 0,79 → 1 child; 100 ÷ (253,80 ÷ 324 h) = 127,66 → 128 h
    with_meals = month_pay(contract(("mon", "tue", "thu", "fri"), "9"), OCTOBER, meals=18, meal_price="3.00")
    alone = [MamMember.of(name="Anne", places=4, months=[with_meals, with_meals])]
    budget = Budget.of({"rent": "100.00"})
    entretien = mam_month(budget, alone, OCTOBER).members[0].break_even
    assert (entretien.margin, entretien.reached) == (Decimal("45.80"), True)
    both = mam_month(budget, alone, OCTOBER, cover=BreakEvenCover.MAINTENANCE_AND_MEALS).members[0]
    assert (both.break_even.margin, both.break_even.children_needed, both.break_even.hours_needed) == (
        Decimal("153.80"), 1, 128)
    assert both.received == 2 * (with_meals.net_salary + Decimal("72.90") + Decimal("54.00"))


def test_pala_schedule() -> None:
    # 7 500 € over 84 months: 750 000 ÷ 84 = 8 928,57 cents → 89,28 €; the last:
    # 7 500 − 83 × 89,28 = 7 500 − 7 410,24 = 89,76 €; granted 15/12/2025, due from the sixth
    # month after (CSS D542-37): first 06/2026, the 84th 83 months later, 05/2033
    loan = pala_loan("7500.00", works="9375.00", granted_on="2025-12-15", instalments=84)
    assert (loan.regular_instalment, loan.last_instalment) == (Decimal("89.28"), Decimal("89.76"))
    assert (loan.first_month, loan.last_month) == ((2026, 6), (2033, 5))
    schedule = loan.schedule()
    assert len(schedule) == 84 and schedule[0] == ("2026-06", Decimal("89.28"))
    assert schedule[-1] == ("2033-05", Decimal("89.76"))
    assert loan.instalment("2026-05") == loan.instalment("2033-06") == Decimal("0.00")
    assert pala_loan("100.00", works="200", granted_on="2025-01-01", instalments=3,
                     first_month="2025-03").schedule() == (
        ("2025-03", Decimal("33.33")), ("2025-04", Decimal("33.33")), ("2025-05", Decimal("33.34")))


@pytest.mark.parametrize(("amount", "works", "instalments", "field"), [
    ("10000.01", "20000", 120, "amount"),   # over the 10 000 € ceiling
    ("8000.01", "10000", 120, "amount"),    # over 80 % of 10 000 €
    ("5000", "10000", 121, "instalments"),  # over 120 instalments
])
def test_pala_limits(amount: str, works: str, instalments: int, field: str) -> None:
    with pytest.raises(LegalLimitExceeded) as err:
        pala_loan(amount, works=works, granted_on="2025-01-01", instalments=instalments)
    assert (err.value.code, err.value.field) == ("legal_limit_exceeded", field)


def test_startup_plan() -> None:
    # opening 01/09/2025: aide au démarrage 6 000 € (from 2024); Anne and Béa first agrément:
    # 2 × 1 200 €; PALA Anne 8 000 + Béa 4 000 = 12 000 ≤ 80 % × 15 000 = 12 000;
    # investment 15 000 + 6 000 = 21 000; resources 6 000 + 2 400 + 12 000 + 500 = 20 900 → 100 € to find
    anne_loan = pala_loan("8000.00", works="15000.00", granted_on="2025-07-01")
    bea_loan = pala_loan("4000.00", works="15000.00", granted_on="2025-07-01", instalments=60)
    members = [MamMember.of(name="Anne", places=4, first_agrement=True, loan=anne_loan),
               MamMember.of(name="Béa", places=4, first_agrement=True, loan=bea_loan),
               MamMember.of(name="Chloé", places=3)]
    plan = startup_plan(works="15000.00", equipment="6000.00", members=members, opening_on="2025-09-01",
                        own_funds="500.00")
    assert (plan.investment, plan.startup_aid, plan.aids, plan.loans) == (
        Decimal("21000.00"), Decimal("6000.00"), Decimal("8400.00"), Decimal("12000.00"))
    assert (plan.to_finance, plan.surplus) == (Decimal("100.00"), Decimal("0.00"))
    assert plan.installation_premiums == (("Anne", Decimal("1200.00")), ("Béa", Decimal("1200.00")))
    # Béa: 400 000 ÷ 60 = 6 666,67 → 66,66 €, last 4 000 − 59 × 66,66 = 67,06 €
    assert "PALA de Béa : 60 mensualités de 66,66 € (dernière 67,06 €) à partir de 01/2026" in plan.explain()


def test_startup_aids_by_date() -> None:
    # before 1 July 2023: 300 €, or 600 € where the commune's coverage is low; then 1 200 € everywhere;
    # the aide au démarrage 3 000 € until 2023, 6 000 € from 1 January 2024
    first = [MamMember.of(name="Anne", places=4, first_agrement=True)]

    def aids(day: str, low: bool) -> tuple[Decimal, Decimal]:
        plan = startup_plan(works="0", equipment="0", members=first, opening_on=day, low_coverage=low)
        return plan.startup_aid, plan.installation_premiums[0][1]

    assert aids("2023-06-30", False) == (Decimal("3000.00"), Decimal("300.00"))
    assert aids("2023-06-30", True) == (Decimal("3000.00"), Decimal("600.00"))
    assert aids("2023-07-01", True) == (Decimal("3000.00"), Decimal("1200.00"))
    assert aids("2024-01-01", False) == (Decimal("6000.00"), Decimal("1200.00"))
    plan = startup_plan(works="0", equipment="0", members=first, opening_on="2024-03-01", startup_aid=False)
    assert (plan.startup_aid, plan.surplus) == (Decimal("0.00"), Decimal("1200.00"))


def test_startup_loans_over_80_percent_of_the_works() -> None:
    # each loan is within 80 % of 10 000 €, together 12 000 > 8 000
    loan = pala_loan("6000.00", works="10000.00", granted_on="2025-07-01")
    members = [MamMember.of(name=n, places=4, loan=loan) for n in ("Anne", "Béa")]
    with pytest.raises(LegalLimitExceeded) as err:
        startup_plan(works="10000.00", equipment="0", members=members, opening_on="2025-09-01")
    assert err.value.field == "members"


@pytest.mark.parametrize(("call", "field"), [
    (lambda: Budget.of({}), "charges"),
    (lambda: Budget.of({"rent": "-1"}), "charges.rent"),
    (lambda: Budget.of({"rent": 900.0}), "charges.rent"),
    (lambda: Budget.of({"loyer": "900"}), "charges.loyer"),
    (lambda: MamMember.of(name="", places=4), "name"),
    (lambda: MamMember.of(name="Anne", places=7), "places"),
    (lambda: MamMember.of(name="Anne", places=4, months=["2025-10"]), "months[0]"),
    (lambda: MamMember.of(name="Anne", places=4, first_agrement="yes"), "first_agrement"),
    (lambda: split_charges(BUDGET, [MamMember.of(name=str(i), places=1) for i in range(7)]), "members"),
    (lambda: split_charges(BUDGET, [MamMember.of(name="Anne", places=1)] * 2), "members[1].name"),
    (lambda: split_charges(BUDGET, [MamMember.of(name="Dina", places=2)],
                           rule=SplitRule.CHILDREN_UNDER_CONTRACT), "rule"),
    (lambda: split_charges(BUDGET, house(), rule="equal"), "rule"),  # type: ignore[arg-type]
    (lambda: mam_month(BUDGET, house(), "2025-11"), "members[0].months"),
    (lambda: mam_month(BUDGET, house(), "2025-13"), "month"),
    (lambda: pala_loan("0", works="100", granted_on="2025-01-01"), "amount"),
    (lambda: pala_loan("100", works="1000", granted_on="2025-01-01", instalments=0), "instalments"),
    (lambda: pala_loan("1.00", works="1000", granted_on="2025-01-01", instalments=120), "instalments"),
    (lambda: pala_loan("100", works="1000", granted_on="01/01/2025"), "granted_on"),
    (lambda: pala_loan("100", works="1000", granted_on="2025-03-01", first_month="2025-02"), "first_month"),
    (lambda: startup_plan(works="1", equipment="1", members=house(), opening_on="2025-13-01"), "opening_on"),
])
def test_invalid_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        call()  # type: ignore[operator]
    assert err.value.field == field


def test_members_months_must_be_one_month() -> None:
    november: MonthPay = month_pay(contract(("mon", "tue", "thu", "fri"), "9"), "2025-11")
    with pytest.raises(InvalidInput) as err:
        MamMember.of(name="Anne", places=4, months=[A, november])
    assert err.value.field == "months"


def test_results_render_as_html() -> None:
    month = mam_month(BUDGET, house(), OCTOBER, rule=SplitRule.HOURS_OF_CARE)
    loan = pala_loan("1000.00", works="2000.00", granted_on="2025-07-01")
    plan = startup_plan(works="2000.00", equipment="0", members=house(loan), opening_on="2025-09-01")
    for result in (month, month.split, month.members[0], month.members[0].break_even, BUDGET, loan, plan):
        assert result._repr_html_().startswith("<div class='amcalc'>")
    assert "au prorata des heures d'accueil du mois" in month.explain()
