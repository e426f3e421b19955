"""Every parameter file is valid: sorted dates, a unit, a reference and an evidence
tag on each value; lookups are exact and refuse dates before the data."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from amcalc import parameters
from amcalc.errors import ParameterUnavailable
from amcalc.money import round_to_cents

UNITS = {"EUR", "EUR/h", "ratio"}


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
