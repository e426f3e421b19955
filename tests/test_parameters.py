"""Every parameter file is valid: sorted dates, a unit, a reference and an evidence
tag on each value; lookups are exact and refuse dates before the data."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from amcalc import parameters
from amcalc.errors import ParameterUnavailable
from amcalc.money import round_to_cents

UNITS = {"EUR", "EUR/h", "ratio", "factor", "months"}  # factor: a multiple of another value (5 × SMIC)


@pytest.mark.parametrize("name", parameters.names())
def test_parameter_file_is_well_formed(name: str) -> None:
    p = parameters.get(name)
    assert p.name == name
    assert p.unit in UNITS and p.label and p.description
    starts = [v.start for v in p.values]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for v in p.values:
        assert isinstance(v.value, Decimal) and v.value > 0
        assert v.reference.strip()
        assert v.evidence in parameters.EVIDENCE
        if p.unit == "ratio":
            assert v.value <= 1


@pytest.mark.parametrize("name", parameters.names())
def test_no_value_before_the_first_entry(name: str) -> None:
    first = parameters.get(name).values[0].start
    with pytest.raises(ParameterUnavailable) as err:
        parameters.get(name).at(first - timedelta(days=1))
    assert err.value.code == "parameter_unavailable"
    assert parameters.get(name).at(first).start == first


def test_values_change_on_their_effective_date() -> None:
    smic = parameters.get("smic_horaire")
    assert smic.at(date(2024, 10, 31)).value == Decimal("11.65")
    assert smic.at(date(2024, 11, 1)).value == Decimal("11.88")


def test_am_ge_column_is_base_plus_uplift_rounded() -> None:
    """Annex 5 prints both columns; they must agree with the AM-GE uplift (rules.md §3.2)."""
    base = parameters.get("conventional_minimum_rate")
    am_ge = parameters.get("conventional_minimum_rate_am_ge")
    uplift = parameters.get("am_ge_uplift")
    assert [v.start for v in base.values] == [v.start for v in am_ge.values]
    for entry in base.values:
        expected = round_to_cents(entry.value * (1 + uplift.at(entry.start).value))
        assert am_ge.at(entry.start).value == expected, entry.start


def test_as_of_is_the_last_effective_date() -> None:
    assert parameters.as_of == max(parameters.get(n).values[-1].start for n in parameters.names())
    assert parameters.as_of >= date(2026, 1, 1)


def test_unknown_parameter() -> None:
    with pytest.raises(ParameterUnavailable):
        parameters.get("no_such_parameter")


# --- the review (issue 20) ------------------------------------------------------------------------


@pytest.mark.parametrize("name", parameters.names())
def test_newest_value_is_at_most_a_year_older_than_the_verified_date(name: str) -> None:
    """A value revised from time to time whose newest entry is over a year old was probably
    missed at the review: mark it ``stable`` if it deliberately has no scheduled revision, or
    confirm it in the review's ``[confirmed]`` table with how it was checked."""
    p = parameters.get(name)
    year_before = parameters.VERIFIED_UP_TO.replace(year=parameters.VERIFIED_UP_TO.year - 1)
    recent = p.values[-1].start >= year_before
    assert recent or p.stable or name in parameters.CONFIRMED or name in parameters.MISSING, (
        f"{name}: newest value from {p.values[-1].start}, before {year_before}")
    assert not (p.stable and name in parameters.CONFIRMED), f"{name}: stable, so no confirmation"
    assert not (name in parameters.CONFIRMED and name in parameters.MISSING), f"{name}: confirmed or missing"


def test_confirmations_name_real_parameters_that_need_them() -> None:
    year_before = parameters.VERIFIED_UP_TO.replace(year=parameters.VERIFIED_UP_TO.year - 1)
    for name, how in (*parameters.CONFIRMED.items(), *parameters.MISSING.items()):
        assert name in parameters.names() and how.strip()
        assert parameters.get(name).values[-1].start < year_before, f"{name} is recent: drop its confirmation"


def test_the_yearly_values_are_not_marked_stable() -> None:
    # revised each year or more often (décrets and arrêtés, annual negotiations, the local
    # board's decision): marking one stable would silence the test above
    for name in ("smic_horaire", "minimum_garanti", "social_security_monthly_ceiling",
                 "conventional_minimum_rate", "conventional_minimum_rate_am_ge",
                 "contribution_alsace_moselle_health"):
        assert not parameters.get(name).stable, name


def test_the_december_2026_review_tags() -> None:
    smic, mg = parameters.get("smic_horaire"), parameters.get("minimum_garanti")
    june_2026 = date(2026, 6, 1)
    assert (smic.at(june_2026).value, smic.at(june_2026).evidence) == (Decimal("12.31"), "S")
    assert (mg.at(june_2026).value, mg.at(june_2026).evidence) == (Decimal("4.35"), "S")
    assert "JO 24/05/2026" in smic.at(june_2026).reference
    may_2023 = date(2023, 5, 1)
    for p, value in ((smic, "11.52"), (mg, "4.10")):  # arrêté du 26 avril 2023, JORF 27 avril 2023
        assert (p.at(may_2023).value, p.at(may_2023).evidence) == (Decimal(value), "P")
    provident = parameters.get("contribution_provident").values[-1]
    assert provident.value == Decimal("0.0104")  # annex 3, annex B: 1.02 % + 0.02 % (APNI)
    assert "avenant n° 8 du 27 juin 2025" in provident.reference and "avenant n° 9" in provident.reference
    alsace = parameters.get("contribution_alsace_moselle_health").values[-1]
    assert alsace.value == Decimal("0.013") and "2026 à confirmer" in alsace.reference
