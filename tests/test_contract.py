from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from amcalc import Accueil, Contract, Territory
from amcalc.errors import BelowMinimumRate, InvalidInput, LegalLimitExceeded


def weekly(**kw: object) -> Contract:
    args: dict[str, object] = {"hourly_rate": "4.00", "weeks": 52, "weekly_hours": "40", "days_per_week": 4}
    args.update(kw)
    return Contract.from_weekly_hours(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize("weeks", [47, 48, 49, 50, 51, 53, 0, -1])
def test_only_two_accueil_modalities(weeks: int) -> None:
    with pytest.raises(InvalidInput) as err:
        weekly(weeks=weeks)
    assert err.value.field == "weeks" and "97.1" in str(err.value)


def test_modality_of_weeks() -> None:
    assert weekly(weeks=52).accueil is Accueil.FULL_YEAR
    assert weekly(weeks=46).accueil is Accueil.PART_YEAR
    assert weekly(weeks=1).accueil is Accueil.PART_YEAR


def test_schedule_with_time_ranges_is_exact() -> None:
    c = Contract.from_schedule(
        hourly_rate="3.90", weeks=37,
        schedule={"mon": "08:30-18:30", "tue": "08:30-18:30", "thu": "7.5", "fri": "08:15-16:35"},
    )
    # 10 + 10 + 7.5 + 8 h 20 = 35 h 50 = 215/6 h.
    assert c.weekly_hours_average == Fraction(215, 6)
    assert c.schedule is not None and c.schedule.days_per_week == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weekly_hours": "-5"}, "weekly_hours"),
        ({"days_per_week": 8}, "days_per_week"),
        ({"days_per_week": 0}, "days_per_week"),
        ({"weekly_hours": "50", "days_per_week": 2}, "weekly_hours"),
        ({"hourly_rate": "0"}, "hourly_rate"),
        ({"majorated_rate": "0.05"}, "majorated_rate"),
        ({"territory": "corse"}, "territory"),
        ({"start": date(2025, 1, 6), "end": date(2024, 12, 31)}, "end"),
    ],
)
def test_invalid_input_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        weekly(**changes)
    assert err.value.code == "invalid_input" and err.value.field == field


def test_more_than_48_hours_on_average_is_a_legal_limit() -> None:
    with pytest.raises(LegalLimitExceeded) as err:
        weekly(weekly_hours="50", days_per_week=5)
    assert err.value.code == "legal_limit_exceeded" and "96.3" in str(err.value)
    # 36 weeks of 50 h and 8 of 30 h average 46.4 h: allowed.
    Contract.from_rhythms(hourly_rate="4", weeks=44, rhythms=[
        {"weeks": 36, "weekly_hours": "50", "days_per_week": 5},
        {"weeks": 8, "weekly_hours": "30", "days_per_week": 4},
    ])


def test_over_48_hours_with_the_am_written_consent_within_2250_hours_a_year() -> None:
    # CASF L423-22: with consent, averaged over 12 months, at most 2 250 h a year.
    # 45 weeks of 50 h = 2 250 h: allowed; 46 weeks = 2 300 h: refused.
    assert weekly(weeks=45, weekly_hours="50", days_per_week=5,
                  consent_over_48=True).annual_work_hours == 2250
    with pytest.raises(LegalLimitExceeded) as err:
        weekly(weeks=46, weekly_hours="50", days_per_week=5, consent_over_48=True)
    assert "2 250" in err.value.message and "2300" in err.value.message.replace(" ", "")
    # 52 weeks include 5 weeks of leave: 49 h × 47 weeks worked = 2 303 h > 2 250 h.
    with pytest.raises(LegalLimitExceeded):
        weekly(weekly_hours="49", days_per_week=5, consent_over_48=True)
    # Without consent the 48-hour average stays, and says that consent is the way beyond it.
    with pytest.raises(LegalLimitExceeded) as err:
        weekly(weeks=45, weekly_hours="50", days_per_week=5)
    assert "accord" in err.value.message
    assert Contract.from_mapping({"hourly_rate": "4", "weeks": 45, "weekly_hours": "50",
                                  "days_per_week": 5, "consent_over_48": True}).consent_over_48


def test_rhythm_weeks_must_add_up() -> None:
    with pytest.raises(InvalidInput) as err:
        Contract.from_rhythms(hourly_rate="4", weeks=44, rhythms=[
            {"weeks": 36, "weekly_hours": "20", "days_per_week": 4},
            {"weeks": 6, "weekly_hours": "45", "days_per_week": 5},
        ])
    assert err.value.field == "patterns"


def test_rate_below_minimum_at_hiring_names_the_minimum() -> None:
    with pytest.raises(BelowMinimumRate) as err:
        weekly(hourly_rate="3.60", start=date(2025, 4, 1))
    assert err.value.code == "below_minimum_rate"
    assert "3,64" in str(err.value) and "avenant n° 9" in str(err.value)
    # The legal floor is compared exactly: 3.11 € < 0.281 × 11.07 € = 3.11067 €.
    with pytest.raises(BelowMinimumRate) as err:
        weekly(hourly_rate="3.11", start=date(2022, 8, 15))
    assert "D423-9" in str(err.value)
    assert weekly(hourly_rate="3.1107", start=date(2022, 8, 15)).hourly_rate == Decimal("3.1107")


def test_am_ge_minimum_applies_to_title_holders() -> None:
    weekly(hourly_rate="3.64", start=date(2025, 4, 1))
    with pytest.raises(BelowMinimumRate):
        weekly(hourly_rate="3.64", start=date(2025, 4, 1), am_ge=True)


def test_contract_from_toml(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "c.toml"
    path.write_text(
        '[contract]\nhourly_rate = "4.20"\nweeks = 36\nstart = 2025-09-01\nterritory = "moselle"\n'
        'schedule = { mon = "08:00-18:00", thu = "9" }\n', encoding="utf-8"
    )
    c = Contract.from_toml(path)
    assert c.territory is Territory.MOSELLE and c.weekly_hours_average == 19
    path.write_text('hourly_rate = "4.20"\nweeks = 36\nweekly_hours = "10"\ndays_per_week = 1\nfoo = 1\n',
                    encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        Contract.from_toml(path)
    assert err.value.field == "foo"


def test_hiring_before_2022_builds_the_contract() -> None:
    # CCN 3239 governs it from 1 January 2022 (art. 8): the rate is checked from that day.
    assert weekly(start=date(2021, 12, 31)).start == date(2021, 12, 31)


def test_several_rhythms_name_the_faulty_pattern() -> None:
    with pytest.raises(InvalidInput) as err:
        Contract.from_rhythms(hourly_rate="4", weeks=44, rhythms=[
            {"weeks": 36, "weekly_hours": "20", "days_per_week": 4},
            {"weeks": 8, "weekly_hours": "45", "days_per_week": 9},
        ])
    assert err.value.field == "patterns[1].days_per_week"
