"""Salaire net (gross to net as Pajemploi applies it): published figures,
hand-computed payslips, the overtime reduction, the reverse conversion and
properties of the rounding.

Every expected amount below is derived by hand from the rates (6,90 + 0,40 +
3,15 + 0,86 + 1,04 % on the gross, 6,80 + 2,90 % on 98,25 % of the gross,
1,50 % then 1,30 % in Alsace-Moselle) or copied from a published source whose
address is given beside it.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amcalc import parameters
from amcalc.calendar import Territory
from amcalc.errors import InvalidInput, ParameterUnavailable, UnsupportedCase
from amcalc.net_salary import ContributionRounding, gross_from_net, net_salary

D = Decimal
PER_LINE, TOTAL = ContributionRounding.PER_LINE, ContributionRounding.TOTAL
LOCAL = (Territory.ALSACE, Territory.MOSELLE)

NEW_FILES = (
    "contribution_old_age_capped", "contribution_old_age_uncapped",
    "contribution_complementary_pension", "contribution_ceg", "contribution_provident",
    "contribution_csg_deductible", "contribution_csg_crds_non_deductible", "csg_base_share",
    "contribution_alsace_moselle_health", "overtime_contribution_reduction_cap",
    "social_security_monthly_ceiling",
)


# -- published figures --------------------------------------------------------

# Pajemploi, "La rémunération" (assistante maternelle agréée), plafond journalier
# de référence au 1er janvier 2023: 56,35 € brut = 44,01 € net (métropole),
# 43,28 € net (Bas-Rhin, Haut-Rhin, Moselle).
# https://www.pajemploi.urssaf.fr/pajewebinfo/cms/sites/pajewebinfo/accueil/assistante-maternelle-agreee/je-suis-remuneree-et-declaree/la-remuneration.html
@pytest.mark.parametrize(
    ("territory", "net"),
    [(Territory.METROPOLE, "44.01"), (Territory.ALSACE, "43.28"), (Territory.MOSELLE, "43.28")],
)
def test_pajemploi_daily_ceiling_2023(territory: Territory, net: str) -> None:
    assert net_salary(D("56.35"), date(2023, 1, 1), territory).net == D(net)


# Hourly minima converted to net by Pajemploi/Urssaf and relayed by AM sites: they
# are the gross times the single conversion rate, rounded once (TOTAL rounding).
# 2022-09: 3,17 € → 2,48 € (2,44 € Alsace-Moselle); AM-GE 3,30 € → 2,58 € (2,54 €)
#   https://assistantes-maternelles.net (thread "Augmentation au 1er septembre 2022")
# 2024-11: 3,50 € → 2,73 € (2,69 €); AM-GE 3,64 € → 2,84 € (2,80 €)
#   https://zen-avec-mon-assmat.com/tarif-assistante-maternelle/
@pytest.mark.parametrize(
    ("on", "gross", "net", "net_local"),
    [
        (date(2022, 9, 1), "3.17", "2.48", "2.44"),
        (date(2022, 9, 1), "3.30", "2.58", "2.54"),
        (date(2024, 11, 1), "3.50", "2.73", "2.69"),
        (date(2024, 11, 1), "3.64", "2.84", "2.80"),
    ],
)
def test_published_hourly_minima_total_rounding(on: date, gross: str, net: str, net_local: str) -> None:
    assert net_salary(gross, on, rounding=TOTAL).net == D(net)
    assert net_salary(gross, on, Territory.MOSELLE, rounding=TOTAL).net == D(net_local)


# -- hand-computed payslips ---------------------------------------------------

def test_month_533_87_line_by_line() -> None:
    # 533,87 € (mensualised 52 weeks × 32 h at 3,85 €), September 2025, métropole:
    # 6,90 %: 36,83703 → 36,84   0,40 %: 2,13548 → 2,14   3,15 %: 16,816905 → 16,82
    # 0,86 %: 4,591282 → 4,59    1,04 %: 5,552248 → 5,55
    # CSG base 533,87 × 98,25 % = 524,527275: 6,80 % → 35,67 ; 2,90 % → 15,21
    # total 116,82 → net 417,05
    n = net_salary("533.87", date(2025, 9, 1))
    assert [line.amount for line in n.contributions] == [
        D("36.84"), D("2.14"), D("16.82"), D("4.59"), D("5.55"), D("35.67"), D("15.21"),
    ]
    assert n.contributions[5].base == D("524.527275")
    assert (n.total_contributions, n.net) == (D("116.82"), D("417.05"))
    assert n.conversion_rate == D("0.7811975")


def test_month_533_87_alsace_and_total_rounding() -> None:
    # Alsace adds 1,30 % × 533,87 = 6,94031 → 6,94: total 123,76, net 410,11.
    assert net_salary("533.87", date(2025, 9, 1), Territory.ALSACE).net == D("410.11")
    # One rounding: 533,87 × 21,88025 % = 116,812... → 116,81, net 417,06;
    # Alsace 533,87 × 23,18025 % = 123,751... → 123,75, net 410,12.
    assert net_salary("533.87", date(2025, 9, 1), rounding=TOTAL).net == D("417.06")
    assert net_salary("533.87", date(2025, 9, 1), Territory.ALSACE, rounding=TOTAL).net == D("410.12")


def test_alsace_moselle_rate_fell_on_1_april_2022() -> None:
    # 1 000 €: 69 + 4 + 31,50 + 8,60 + 10,40 + 66,81 + 28,49 (28,4925) = 218,80 → 781,20;
    # régime local 15,00 € until 31 March 2022 (1,50 %), 13,00 € from 1 April (1,30 %).
    assert net_salary("1000", date(2022, 2, 15)).net == D("781.20")
    assert net_salary("1000", date(2022, 3, 31), Territory.ALSACE).net == D("766.20")
    assert net_salary("1000", date(2022, 4, 1), Territory.MOSELLE).net == D("768.20")


def test_overtime_reduction() -> None:
    # 600 € of which 100 € for heures complémentaires, March 2024:
    # 41,40 + 2,40 + 18,90 + 5,16 + 6,24 + 40,09 (40,086) + 17,10 (17,0955) = 131,29;
    # reduction 11,31 % × 100 = 11,31 → withheld 119,98, net 480,02.
    n = net_salary("600.00", date(2024, 3, 1), extra_hours_pay="100.00")
    reduction = n.contributions[-1]
    assert (reduction.base, reduction.rate, reduction.amount) == (D("100.00"), D("0.1131"), D("-11.31"))
    assert (n.total_contributions, n.net) == (D("119.98"), D("480.02"))


def test_overtime_reduction_limited_to_legal_old_age_contributions() -> None:
    # 100 € all for extra hours: contributions 6,90 + 0,40 + 3,15 + 0,86 + 1,04 + 6,68
    # (6,681) + 2,85 (2,84925) = 21,88; 11,31 € exceeds the legal old-age
    # contributions 6,90 + 0,40 = 7,30 (CSS L241-17 II) → reduction 7,30, net 85,42.
    n = net_salary("100", date(2024, 3, 1), extra_hours_pay="100")
    assert n.contributions[-1].amount == D("-7.30")
    assert n.net == D("85.42")


# -- reverse ------------------------------------------------------------------

def test_gross_from_net_picks_the_gross_nearest_the_conversion() -> None:
    # 56,33 €, 56,34 €, 56,35 € and 56,36 € all net 44,01 € in 2023 (per line);
    # 44,01 ÷ 0,7811975 = 56,3366 → 56,34 €.
    g = gross_from_net("44.01", date(2023, 1, 1))
    assert (g.gross, g.net) == (D("56.34"), D("44.01"))
    # One rounding: 3,49 € and 3,50 € both net 2,73 €; 2,73 ÷ 0,7811975 = 3,4946 → 3,49 €.
    assert gross_from_net("2.73", date(2024, 11, 1), rounding=TOTAL).gross == D("3.49")


def test_gross_from_net_explains_the_choice() -> None:
    text = gross_from_net("417.05", date(2025, 9, 1)).explain()
    assert "Brut correspondant au net demandé" in text
    assert "Plusieurs bruts" in text


# -- errors -------------------------------------------------------------------

def test_errors() -> None:
    with pytest.raises(ParameterUnavailable):
        net_salary("500", date(2021, 12, 31))
    with pytest.raises(UnsupportedCase) as above:
        net_salary("3925.01", date(2025, 6, 1))  # PMSS 2025: 3 925 €
    assert above.value.field == "gross"
    assert net_salary("3925.00", date(2025, 6, 1)).net > 0
    with pytest.raises(InvalidInput):
        net_salary("-1", date(2025, 6, 1))
    with pytest.raises(InvalidInput):
        net_salary(1.5, date(2025, 6, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as extra:
        net_salary("100", date(2025, 6, 1), extra_hours_pay="100.01")
    assert extra.value.field == "extra_hours_pay"
    with pytest.raises(UnsupportedCase):
        gross_from_net("3200", date(2025, 6, 1))  # needs about 4 096 € gross


# -- explanation and parameters -----------------------------------------------

def test_explanation_lists_lines_rates_and_sources() -> None:
    n = net_salary("56.35", date(2023, 1, 1), Territory.ALSACE)
    text = n.explain()
    assert "6,90 % × 56,35 € = 3,89 €" in text
    assert "1,30 % × 56,35 € = 0,73 €" in text
    assert "Salaire net : 56,35 € − 13,07 € = 43,28 €" in text
    assert "régime local" in text
    assert "Salaire net" in n._repr_html_()
    metro = net_salary("56.35", date(2023, 1, 1)).explain()
    assert "Alsace-Moselle" not in metro.split("Paramètres appliqués")[1].split("Note")[0]


@pytest.mark.parametrize("name", NEW_FILES)
def test_parameter_files(name: str) -> None:
    p = parameters.get(name)
    starts = [v.start for v in p.values]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert starts[0] == date(2022, 1, 1)
    for v in p.values:
        assert v.evidence in ("P", "S", "U") and v.reference
        assert v.value > 0
        if p.unit == "ratio":
            assert v.value < 1


# -- properties ---------------------------------------------------------------

DAYS = st.integers(0, (date(2026, 12, 31) - date(2022, 1, 1)).days).map(
    lambda n: date(2022, 1, 1) + timedelta(days=n)
)
CENTS = st.integers(0, 300_000)
TERRITORIES = st.sampled_from(list(Territory))


def _euros(cents: int) -> Decimal:
    return D(cents) / 100


@given(CENTS, DAYS, TERRITORIES)
def test_per_line_net_is_close_to_the_conversion_rate(cents: int, on: date, territory: Territory) -> None:
    n = net_salary(_euros(cents), on, territory)
    assert 0 <= n.net <= n.gross
    assert n.total_contributions == sum(line.amount for line in n.contributions)
    assert n.gross - n.net == n.total_contributions
    # each rounded line is within half a cent of its exact amount
    assert abs(n.net - n.gross * n.conversion_rate) <= D("0.005") * len(n.contributions)
    if cents >= 100:
        assert n.net < n.gross


@given(CENTS, st.integers(11, 5_000), DAYS, TERRITORIES)
def test_per_line_net_is_monotone_beyond_eleven_cents(
    cents: int, step: int, on: date, territory: Territory
) -> None:
    # A one-cent rise can lower the net by a cent when two lines round up at once
    # (as on any payslip); with at most 8 lines of ½ cent each, a rise of 11 cents
    # or more (× conversion ≥ 0,768) always raises the net.
    low = net_salary(_euros(cents), on, territory).net
    assert net_salary(_euros(cents + step), on, territory).net >= low


@given(CENTS, DAYS, TERRITORIES)
def test_total_rounding_net_is_monotone_cent_by_cent(cents: int, on: date, territory: Territory) -> None:
    low = net_salary(_euros(cents), on, territory, rounding=TOTAL)
    high = net_salary(_euros(cents + 1), on, territory, rounding=TOTAL)
    assert high.net - low.net in (D("0.00"), D("0.01"))
    assert low.net <= low.gross
    if cents >= 3:
        assert low.net < low.gross


@given(CENTS, st.integers(0, 10_000), DAYS, TERRITORIES)
def test_traces_on_or_off_give_the_same_amounts(cents: int, extra: int, on: date, territory: Territory) -> None:
    extra = min(extra, cents)
    traced = net_salary(_euros(cents), on, territory, extra_hours_pay=_euros(extra))
    figures_only = net_salary(_euros(cents), on, territory, extra_hours_pay=_euros(extra), trace=False)
    assert figures_only == traced  # every field but the explanation
    assert figures_only.contributions == traced.contributions and figures_only.net == traced.net
    assert traced.explanation.steps and not figures_only.explanation.steps


@given(CENTS, DAYS, TERRITORIES)
def test_local_regime_never_pays_more(cents: int, on: date, territory: Territory) -> None:
    metro = net_salary(_euros(cents), on).net
    assert net_salary(_euros(cents), on, territory).net <= metro


@given(st.integers(0, 230_000), DAYS, TERRITORIES, st.sampled_from(list(ContributionRounding)))
def test_gross_from_net_is_an_exact_inverse(
    cents: int, on: date, territory: Territory, rounding: ContributionRounding
) -> None:
    wanted = _euros(cents)
    g = gross_from_net(wanted, on, territory, rounding=rounding)
    assert g.net == wanted
    assert net_salary(g.gross, on, territory, rounding=rounding).net == wanted
    # nearest to net ÷ conversion: within the window of the rounded terms
    terms = 1 if rounding is TOTAL else len(g.contributions)
    assert abs(g.gross * g.conversion_rate - wanted) <= D("0.005") * terms


@given(CENTS, DAYS, TERRITORIES)
def test_gross_from_net_round_trip_keeps_the_net(cents: int, on: date, territory: Territory) -> None:
    net = net_salary(_euros(cents), on, territory).net
    again = gross_from_net(net, on, territory)
    assert again.net == net
    assert abs(again.gross - _euros(cents)) <= D("0.11")


@given(st.integers(0, 200_000), st.integers(0, 200_000), st.integers(0, 200_000), DAYS, TERRITORIES)
def test_more_extra_hours_pay_never_lowers_the_net(
    cents: int, extra: int, more: int, on: date, territory: Territory
) -> None:
    low, high = sorted((min(extra, cents), min(more, cents)))
    gross = _euros(cents)
    base = net_salary(gross, on, territory, extra_hours_pay=_euros(low))
    assert net_salary(gross, on, territory, extra_hours_pay=_euros(high)).net >= base.net
    assert base.net <= gross


@given(st.lists(st.tuples(CENTS, st.integers(0, 10_000)), min_size=1, max_size=20), DAYS, TERRITORIES)
def test_the_contribution_kernel_withholds_what_net_salary_withholds_on_ints_and_arrays(
        pays: list[tuple[int, int]], on: date, territory: Territory) -> None:
    # rows with and without extra pay mixed (the reduction is computed only where there is
    # some: extra_cents the int 0 skips it); each row against net_salary's own total
    np = pytest.importorskip("numpy")
    from amcalc.net_salary import contribution_kernel
    kernel = contribution_kernel(on, territory)
    pays = [(cents, min(extra, cents) * (i % 3 != 0)) for i, (cents, extra) in enumerate(pays)]
    expected = [int(net_salary(_euros(c), on, territory, extra_hours_pay=_euros(e), trace=False)
                    .total_contributions * 100) for c, e in pays]
    assert [kernel.withheld(c, e) for c, e in pays] == expected
    gross, extra = (np.array(column, np.int64) for column in zip(*pays, strict=True))
    assert kernel.withheld(gross, extra).tolist() == expected
    assert (kernel.withheld(gross, 0) - kernel.reduction(gross, extra)).tolist() == expected
    plain = [c for c, e in pays if e == 0]
    assert kernel.withheld(np.array(plain, np.int64), 0).tolist() == [w for (_, e), w in zip(pays, expected, strict=True)
                                                                       if e == 0]


def test_the_contribution_kernel_of_a_day_is_the_one_its_own_table_gives() -> None:
    # the kernel is built once per set of values in force; on every day a bundled value
    # starts (any parameter: one the table reads but the kernel's dates missed would show
    # here) and the day before, it must equal the kernel built from that day's own table
    from amcalc.money import scaled
    from amcalc.net_salary import ContributionKernel, _Table, contribution_kernel
    starts = {value.start for name in parameters.names() for value in parameters.get(name).values}
    days = sorted(day for start in starts for day in (start - timedelta(days=1), start))
    checked = 0
    for territory in Territory:
        for day in days:
            try:
                table = _Table.of(day, territory)
            except ParameterUnavailable:
                with pytest.raises(ParameterUnavailable):
                    contribution_kernel(day, territory)
                continue
            expected = ContributionKernel(table.kernel, table.reduction_rate, table.legal_old_age,
                                          scaled(table.ceiling.value, 2, "ceiling"))
            assert contribution_kernel(day, territory) == expected, (day, territory)
            checked += 1
    assert checked > 100
