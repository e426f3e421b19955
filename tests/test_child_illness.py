"""Absences de l'enfant malade (CCN 3239 art. 105) — cases constructed from the article."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from amcalc.child_illness import (
    ChildIllnessLedger,
    IllnessAbsence,
    LongAbsenceRule,
    child_illness,
    contract_year_start,
)
from amcalc.errors import InvalidInput

WEEK = ["mon", "tue", "wed", "thu", "fri"]
HIRED = date(2024, 9, 2)


def run(*absences: IllnessAbsence, **options: object) -> object:
    return child_illness(hired=HIRED, scheduled_days=WEEK, absences=absences, **options)  # type: ignore[arg-type]


def test_thirteen_days_are_short_absences_by_default() -> None:
    # 3–15 Feb 2025: 13 calendar days, 10 scheduled days → 5 unpaid, 5 paid, no rupture date.
    r = run(IllnessAbsence(date(2025, 2, 3), date(2025, 2, 15)))
    assert (r.unpaid_days, r.paid_days, r.resume_or_end_on) == (5, 5, None)  # type: ignore[attr-defined]


def test_thirteen_days_long_under_the_other_reading() -> None:
    r = run(IllnessAbsence(date(2025, 2, 3), date(2025, 2, 15)), rule=LongAbsenceRule.MORE_THAN_FIVE_DAYS)
    assert (r.unpaid_days, r.paid_days, r.resume_or_end_on) == (10, 0, None)  # type: ignore[attr-defined]


def test_exactly_fourteen_days_all_unpaid_and_short_allowance_untouched() -> None:
    r = run(IllnessAbsence(date(2025, 2, 3), date(2025, 2, 16)),
            IllnessAbsence(date(2025, 3, 3), date(2025, 3, 4)))
    # 10 days of the long absence + 2 short days, all unpaid; 3 short days left.
    assert (r.unpaid_days, r.paid_days, r.resume_or_end_on) == (12, 0, None)  # type: ignore[attr-defined]
    assert r.ledger.usage(date(2025, 3, 4)).short_days == 2  # type: ignore[attr-defined]


def test_second_long_absence_in_the_year_falls_back_to_the_five_days() -> None:
    r = run(IllnessAbsence(date(2025, 2, 3), date(2025, 2, 16)),
            IllnessAbsence(date(2025, 3, 3), date(2025, 3, 16)))
    # Second one: 10 scheduled days, 5 unpaid (short allowance), 5 paid.
    assert (r.unpaid_days, r.paid_days) == (15, 5)  # type: ignore[attr-defined]
    r = run(IllnessAbsence(date(2025, 2, 3), date(2025, 2, 16)),
            IllnessAbsence(date(2025, 3, 3), date(2025, 3, 16)), one_long_absence_per_year=False)
    assert (r.unpaid_days, r.paid_days) == (20, 0)  # type: ignore[attr-defined]


def test_public_holiday_is_not_a_day_of_care() -> None:
    # 28 Apr – 2 May 2025, 1 May chômé: 4 scheduled days.
    r = run(IllnessAbsence(date(2025, 4, 28), date(2025, 5, 2)))
    assert (r.unpaid_days, r.paid_days) == (4, 0)  # type: ignore[attr-defined]


def test_ledger_carries_the_counters() -> None:
    first = run(IllnessAbsence(date(2024, 10, 7), date(2024, 10, 9)))
    second = run(IllnessAbsence(date(2024, 11, 4), date(2024, 11, 6)),
                 ledger=first.ledger)  # type: ignore[attr-defined]
    assert (second.unpaid_days, second.paid_days) == (2, 1)  # type: ignore[attr-defined]


def test_adjacent_periods_are_one_absence() -> None:
    r = run(IllnessAbsence(date(2025, 2, 3), date(2025, 2, 9)), IllnessAbsence(date(2025, 2, 10), date(2025, 2, 20)))
    # 3–20 Feb = 18 days: long; unpaid until 16 Feb (10 days), paid 17–20 (4 days).
    assert (r.unpaid_days, r.paid_days, r.resume_or_end_on) == (10, 4, date(2025, 2, 17))  # type: ignore[attr-defined]


def test_contract_year_from_hiring_anniversary() -> None:
    assert contract_year_start(date(2024, 2, 29), date(2025, 3, 1)) == date(2025, 2, 28)
    assert contract_year_start(HIRED, date(2025, 9, 1)) == HIRED
    with pytest.raises(InvalidInput):
        contract_year_start(HIRED, date(2024, 9, 1))


hirings = st.one_of(st.dates(date(2000, 1, 1), date(2080, 12, 31)),
                    st.sampled_from([date(2000, 2, 29), date(2023, 2, 28), date(2024, 2, 29), date(2024, 3, 1)]))


@given(hirings, st.integers(0, 366 * 9))
def test_contract_year_start_is_the_last_anniversary_as_relativedelta_counts_it(hired: date, offset: int) -> None:
    # The definition: the latest hired + k years (k >= 0, 29 February → 28 February in a
    # common year, as dateutil adds years) that is not after the day.
    day = hired + timedelta(days=offset)
    anniversaries = (hired + relativedelta(years=k) for k in range(day.year - hired.year + 1))
    assert contract_year_start(hired, day) == max(a for a in anniversaries if a <= day)


def test_short_absence_across_the_anniversary_counts_in_each_contract_year() -> None:
    # Hired 2 Sep 2024, 4 short days used in that contract year. Thu 28 Aug – Fri 5 Sep 2025
    # (9 calendar days, short): 28 Aug is the 5th short day of the year opened on 02/09/2024,
    # 29 Aug and 1 Sep are paid; 2–5 Sep are short days 1 to 4 of the year opened on 02/09/2025.
    before = run(IllnessAbsence(date(2024, 10, 7), date(2024, 10, 10)))
    r = run(IllnessAbsence(date(2025, 8, 28), date(2025, 9, 5)), ledger=before.ledger)  # type: ignore[attr-defined]
    assert [(d.day.day, d.paid) for d in r.days] == [  # type: ignore[attr-defined]
        (28, False), (29, True), (1, True), (2, False), (3, False), (4, False), (5, False)]
    assert [d.reason for d in r.days][:2] == [  # type: ignore[attr-defined]
        "courte absence n° 5 sur 5 de l'année de contrat ouverte le 02/09/2024",
        "limite de 5 jours de courtes absences atteinte pour l'année de contrat : le salaire est dû"]
    assert r.days[-1].reason == ("courte absence n° 4 sur 5 de l'année de contrat "  # type: ignore[attr-defined]
                                 "ouverte le 02/09/2025")
    assert [(u.year_start, u.short_days) for u in r.ledger.years] == [  # type: ignore[attr-defined]
        (date(2024, 9, 2), 5), (date(2025, 9, 2), 4)]


def test_bad_inputs() -> None:
    with pytest.raises(InvalidInput):
        IllnessAbsence(date(2025, 2, 3), date(2025, 2, 1))
    with pytest.raises(InvalidInput):
        child_illness(hired=HIRED, scheduled_days=["lun"], absences=())
    with pytest.raises(InvalidInput):
        run(ledger=ChildIllnessLedger(date(2020, 1, 1)))


# --- the counters carried from month to month (the bulk column illness_ledger) ---------------


def test_a_carried_ledger_reads_back_what_it_wrote() -> None:
    data = {"years": [{"year_start": date(2025, 9, 2), "short_days": 1, "long_absence": None},
                      {"year_start": date(2024, 9, 2), "short_days": 5, "long_absence": date(2025, 1, 6)}],
            "open_start": date(2025, 9, 29), "open_last": date(2025, 9, 30)}
    ledger = ChildIllnessLedger.from_mapping(data, HIRED)
    assert ledger.usage(date(2025, 3, 1)).short_days == 5 and ledger.usage(date(2025, 10, 1)).short_days == 1
    assert ledger.open_run == (date(2025, 9, 29), date(2025, 9, 30))
    assert ledger.as_mapping() == {**data, "years": data["years"][::-1]}  # years in order


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"years": [{"year_start": date(2025, 9, 1), "short_days": 1}]}, "illness_ledger.years", "anniversaires"),
    ({"years": [{"year_start": date(2023, 9, 2), "short_days": 1}]}, "illness_ledger.years", "anniversaires"),
    ({"years": [{"year_start": date(2024, 9, 2), "short_days": 6}]}, "illness_ledger.years.short_days", "de 0 à 5"),
    ({"years": [{"year_start": date(2024, 9, 2), "short_days": 1, "long_absence": date(2025, 9, 2)}]},
     "illness_ledger.years.long_absence", "n'est pas dans l'année de contrat"),
    ({"years": [{"year_start": date(2024, 9, 2)}, {"year_start": date(2024, 9, 2)}]},
     "illness_ledger.years", "deux fois"),
    ({"years": [], "open_start": date(2025, 1, 6)}, "illness_ledger", "vont ensemble"),
    ({"years": [], "open_start": date(2025, 1, 7), "open_last": date(2025, 1, 6)}, "illness_ledger", "finir"),
    ({"years": ["2024-09-02"]}, "illness_ledger.years", "table"),
    ("3 jours", "illness_ledger", "table"),
])
def test_a_carried_ledger_that_cannot_be_is_refused(data: object, field: str, words: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        ChildIllnessLedger.from_mapping(data, HIRED)  # type: ignore[arg-type]
    assert caught.value.field == field and words in caught.value.message


def test_a_carried_ledger_needs_the_hiring_date() -> None:
    with pytest.raises(InvalidInput) as caught:
        ChildIllnessLedger.from_mapping({"years": []}, None)
    assert caught.value.field == "start" and "embauche" in caught.value.message
