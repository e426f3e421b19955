"""The AM's income tax (CGI art. 80 sexies, 83 3°): published forfaits and figures worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from amcalc.am import CareDays, ShortDayBasis, SmicDate, TaxRegime, income_tax, special_regime
from amcalc.am.tax_regime import expenses_deduction
from amcalc.errors import InvalidInput, ParameterUnavailable


@pytest.mark.parametrize(("month", "factor", "forfait"), [
    ("2023-02", 3, "33.81"),  # impots.gouv 2023 incomes: 3 × 11.27
    ("2023-06", 3, "34.56"),  # 3 × 11.52
    ("2024-06", 3, "34.95"),  # service-public F1234: 3 × 11.65
    ("2024-06", 4, "46.60"),
    ("2024-06", 5, "58.25"),
    ("2024-11", 3, "35.64"),  # family-am-mam.md B.1 (computed): 3 × 11.88
    ("2026-01", 3, "36.06"),  # 3 × 12.02
])
def test_published_forfaits_per_day(month: str, factor: int, forfait: str) -> None:
    r = special_regime([CareDays.of(month, days=1, hours="9", factor=factor)], received="10000.00")
    assert r.deduction == Decimal(forfait)


def test_short_day_prorated_on_8_hours_or_on_9() -> None:
    # March 2025, SMIC 11.88: 4 days of 3 h = 4 × 35.64 × 3/8 = 53.46 (÷ 8); 4 × 35.64 × 3/9 = 47.52
    rows = [CareDays.of("2025-03", days=4, hours="3")]
    assert special_regime(rows, received="1000").deduction == Decimal("53.46")
    assert special_regime(rows, received="1000", short_day=ShortDayBasis.CONVENTION_DAY).deduction == Decimal("47.52")
    # a day of 8 h keeps the whole forfait in both readings
    eight = [CareDays.of("2025-03", days=1, hours="8")]
    assert special_regime(eight, received="1000", short_day=ShortDayBasis.CONVENTION_DAY).deduction == Decimal("35.64")


def test_smic_of_the_month_of_payment() -> None:
    # October 2024 care: 11.65 on the day of care (34.95), 11.88 when paid in November (35.64)
    rows = [CareDays.of("2024-10", days=10, hours="9")]
    assert special_regime(rows, received="5000").deduction == Decimal("349.50")
    assert special_regime(rows, received="5000", smic_date=SmicDate.MONTH_OF_PAYMENT).deduction == Decimal("356.40")


def test_the_deduction_never_exceeds_the_sums_received() -> None:
    r = special_regime([CareDays.of("2025-03", days=20, hours="10")], received="500.00")
    assert r.forfait == Decimal("712.80")  # 20 × 35.64
    assert (r.deduction, r.taxable) == (Decimal("500.00"), Decimal("0.00"))


def test_rounded_once_at_the_total() -> None:
    # 1 day of 1 h: 35.64 / 8 = 4.455 each; two rows: 8.91 exact (two rounded lines would give 8.92)
    rows = [CareDays.of("2025-03", days=1, hours="1"), CareDays.of("2025-04", days=1, hours="1")]
    assert special_regime(rows, received="100").deduction == Decimal("8.91")


def test_before_the_smic_data() -> None:
    with pytest.raises(ParameterUnavailable):
        special_regime([CareDays.of("2019-06", days=20, hours="9")], received="12000.00")


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"days": 32, "hours": "9"}, "care.days"),
    ({"days": 3, "hours": "25"}, "care.hours"),
    ({"days": 3, "hours": "9", "factor": 6}, "care.factor"),
    ({"days": -1, "hours": "9"}, "care.days"),
])
def test_impossible_care_rows(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        CareDays.of("2025-01", **kwargs)  # type: ignore[arg-type]
    assert err.value.field == field


def test_ten_percent_with_its_floor_and_ceiling() -> None:
    assert expenses_deduction(Decimal("200000.00"), 2024) == Decimal("14426")
    assert expenses_deduction(Decimal("300.00"), 2024) == Decimal("300.00")  # never above the amount
    assert expenses_deduction(Decimal("12345.67"), 2023) == Decimal("1234.57")


def test_both_regimes_side_by_side() -> None:
    # 2024: salary 15 000, entretien 3 000, meals 600; 200 days of 9 h (3 × 11.65 = 34.95) → 6 990.00
    # special: 18 600 − 6 990 = 11 610.00, less 10 % (1 161.00) = 10 449.00
    # ordinary: 15 000 less 10 % (1 500.00) = 13 500.00 → special is better
    care = [CareDays.of(f"2024-{m:02d}", days=20, hours="9") for m in range(1, 11)]
    t = income_tax(2024, salary="15000.00", indemnities="3000.00", meals="600.00", care=care)
    assert t.special.deduction == Decimal("6990.00")
    assert (t.special_taxable, t.ordinary_taxable) == (Decimal("10449.00"), Decimal("13500.00"))
    assert t.better is TaxRegime.SPECIAL
    assert t.boxes == (("1AA", Decimal("11610.00")), ("1GA", Decimal("6990.00")))
    assert "Case 1GA" in t.explain()


def test_few_days_of_care_make_the_ordinary_regime_better() -> None:
    # 10 days (349.50) for 3 000 of entretien: 15 000 + 3 000 − 349.50 > 15 000
    t = income_tax(2024, salary="15000.00", indemnities="3000.00",
                   care=[CareDays.of("2024-03", days=10, hours="9")])
    assert t.better is TaxRegime.ORDINARY
    assert t.boxes == (("1AA", Decimal("15000.00")),)


def test_care_of_another_year_is_refused() -> None:
    with pytest.raises(InvalidInput):
        income_tax(2024, salary="1", indemnities="0", care=[CareDays.of("2025-01", days=1, hours="9")])


def test_a_year_whose_ten_percent_bounds_are_missing_says_so() -> None:
    # the bounds for the incomes of 2025 are not bundled (review.toml, [missing]): 2024's apply, with a note
    care = [CareDays.of("2025-03", days=20, hours="9")]
    later = income_tax(2025, salary="15000.00", indemnities="3000.00", care=care).explain()
    assert "ceux des revenus 2024 sont appliqués" in later
    earlier = income_tax(2024, salary="15000.00", indemnities="3000.00",
                         care=[CareDays.of("2024-03", days=20, hours="9")]).explain()
    assert "sont appliqués" not in earlier
