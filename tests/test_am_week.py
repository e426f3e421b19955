"""The AM's week across her contracts (CASF L421-4, L423-21, L423-22; CCN 3239 art. 46, 96, 100):
figures worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from amcalc.am import Agrement, ChildCare, Childminder, Presence, WeekRule, check_week
from amcalc.contract import Contract
from amcalc.errors import InvalidInput, UnsupportedCase

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def presence(child: str, hours: str, days: tuple[str, ...] = WEEKDAYS, under_3: bool = True) -> Presence:
    return Presence.from_schedule(child, {d: hours for d in days}, under_3=under_3)


def care(child: str, schedule: dict[str, str], born: date = date(2025, 1, 10),
         start: date = date(2026, 1, 5), end: date | None = None) -> ChildCare:
    contract = Contract.from_schedule(hourly_rate="4.20", weeks=52, start=start, end=end, schedule=schedule)
    return ChildCare.of(child=child, employer=f"famille-{child}", born=born, contract=contract)


def test_a_moment_is_counted_once() -> None:
    # 08:00-12:00 and 10:00-14:00 overlap 2 h: 6 h a day, not 8; 5 days = 30 h
    week = check_week([presence("a", "08:00-12:00"), presence("b", "10:00-14:00")])
    assert week.weekly_hours == 30
    assert week.max_children == 2
    assert week.violations == ()


def test_ranges_are_half_open() -> None:
    # a child leaving at 12:00 and one arriving at 12:00 are never together
    four_days = ("mon", "tue", "thu", "fri")
    week = check_week([presence("a", "08:00-12:00", four_days), presence("b", "12:00-18:00", four_days)],
                      agrement=Agrement.of(children=1))
    assert week.weekly_hours == 40
    assert week.max_children == 1
    assert week.violations == ()


def test_a_break_inside_the_day_is_not_daily_rest_but_not_work_either() -> None:
    # 07:00-09:00 and 16:00-19:00: 5 h of work a day; the working day runs 07:00-19:00,
    # leaving 12 h of rest until 07:00 the next morning
    week = check_week([presence("a", "07:00-09:00"), presence("b", "16:00-19:00")])
    assert week.weekly_hours == 25
    assert week.violations == ()


def test_daily_rest_counts_sunday_to_monday() -> None:
    # Sunday 14:00-23:00 then Monday 08:00: 9 h of rest across the week's turn
    week = check_week([presence("a", "08:00-17:00", ("mon", "tue")),
                       Presence.from_schedule("b", {"sun": "14:00-23:00"})])
    rest = [v for v in week.violations if v.rule is WeekRule.DAILY_REST]
    assert len(rest) == 1
    assert rest[0].when == "entre le dimanche et le lundi"
    assert "9,00 h de repos" in rest[0].message
    assert rest[0].article == "CCN 3239 art. 96.1 ; CASF L423-21"


def test_agrement_stretch_says_when_and_shows_the_count() -> None:
    # agrément 2: a (08-17), b (08-17), c (12-14) → 3 children from 12:00 to 14:00 each day
    week = check_week([presence("a", "08:00-17:00"), presence("b", "08:00-17:00"),
                       presence("c", "12:00-14:00", ("mon",))], agrement=Agrement.of(children=2))
    assert week.rules == ("agrement",)
    (violation,) = week.violations
    assert violation.when == "lundi de 12h00 à 14h00"
    assert violation.message == "Lundi de 12h00 à 14h00 : 3 enfants pour un agrément de 2 (CASF L421-4)."


def test_five_under_3_breaks_under_3_even_within_an_agrement_of_6() -> None:
    # 4 children under 3 and her own baby: 5 under 3 (limit 4), 5 in all (agrément 6: fine)
    week = check_week([presence(c, "08:00-16:00") for c in "abcd"], agrement=Agrement.of(children=6),
                      own_children_under_3=1)
    assert week.max_children == 5
    assert week.rules == ("under_3",)


def test_minors_under_11_are_capped_at_6() -> None:
    # 5 children of 3 or more and her 2 children under 11: 7 minors under 11; her children
    # of 3 or more do not count in the agrément (5 children of 6)
    week = check_week([presence(c, "08:00-16:00", under_3=False) for c in "abcde"],
                      agrement=Agrement.of(children=6), own_children_under_11=2)
    assert week.rules == ("under_11",)


def test_over_48_hours_needs_consent_then_2250_a_year() -> None:
    long_days = [presence("a", "07:00-17:00")]  # 10 h × 5 = 50 h
    assert check_week(long_days).rules == ("weekly_hours",)
    assert check_week(long_days, consent_over_48=True, weeks_worked=45).rules == ()  # 2 250 h exactly
    over = check_week(long_days, consent_over_48=True, weeks_worked=46)  # 2 300 h
    assert over.rules == ("annual_hours",)
    assert "2 300,00 h par an" in over.violations[0].message


def test_seven_days_and_no_weekly_rest() -> None:
    week = check_week([presence("a", "08:00-12:00", ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))])
    assert week.rules == ("consecutive_days", "weekly_rest")


def test_six_days_with_a_sunday_off_are_lawful() -> None:
    # Saturday 12:00 to Monday 08:00: 44 h of rest
    week = check_week([presence("a", "08:00-12:00", ("mon", "tue", "wed", "thu", "fri", "sat"))])
    assert week.violations == ()


def test_a_day_given_in_hours_cannot_be_placed_in_the_week() -> None:
    with pytest.raises(InvalidInput) as err:
        Presence.from_schedule("a", {"mon": "9"})
    assert err.value.field == "schedule.mon"


def test_the_same_child_twice_is_refused() -> None:
    with pytest.raises(InvalidInput):
        check_week([presence("a", "08:00-12:00"), presence("a", "13:00-15:00")])


def test_childminder_counts_her_own_children_by_age_on_the_day() -> None:
    # her child turns 3 on 2026-05-02: before, 4 under 3 at once; from then, 3
    am = Childminder.of(agrement=Agrement.of(children=4), own_children=[date(2023, 5, 2)],
                        contracts=[care(c, {d: "08:00-16:00" for d in WEEKDAYS}) for c in ("a", "b", "c")])
    assert am.check_week(date(2026, 4, 27)).max_children == 4
    assert am.own_under(3, date(2026, 4, 27)) == 1 and am.own_under(3, date(2026, 5, 4)) == 0


def test_agrement_ages_and_dates() -> None:
    am = Childminder.of(agrement=Agrement.of(children=4, max_age=3, end=date(2026, 6, 30)),
                        contracts=[care("a", {"mon": "08:00-16:00"}, born=date(2023, 1, 15))])
    assert am.check_week(date(2026, 1, 12)).rules == ()  # 2 years old until 15 January
    assert am.check_week(date(2026, 1, 19)).rules == ("agrement_age",)
    assert am.check_week(date(2026, 7, 6)).rules == ("agrement_age", "agrement_validity")


def test_contracts_not_in_force_are_left_out() -> None:
    am = Childminder.of(contracts=[care("a", {"mon": "08:00-16:00"}),
                                   care("b", {"mon": "08:00-16:00"}, start=date(2026, 9, 1))])
    assert am.check_week(date(2026, 3, 2)).weekly_hours == 8
    assert am.check_week(date(2026, 3, 2)).max_children == 1
    assert am.check_week(date(2026, 9, 7)).max_children == 2


def test_a_new_contract_warns_only_of_what_it_breaks() -> None:
    am = Childminder.of(agrement=Agrement.of(children=2),
                        contracts=[care("a", {d: "07:00-20:30" for d in ("mon", "tue")}),
                                   care("b", {"mon": "08:00-17:00"})])
    on = date(2026, 3, 2)
    assert am.check_week(on).rules == ("daily_rest",)  # Monday 20:30 → Tuesday 07:00: 10.5 h
    new = care("c", {"mon": "09:00-10:00", "tue": "09:00-10:00"})
    broken = am.would_break(new, on)
    assert [(v.rule, v.when) for v in broken] == [(WeekRule.AGREMENT, "lundi de 09h00 à 10h00")]


def test_a_contract_with_several_rhythms_needs_its_rhythm() -> None:
    contract = Contract.from_rhythms(hourly_rate="4.20", weeks=44, start=date(2026, 1, 5), rhythms=[
        {"weeks": 36, "schedule": {"mon": "08:00-12:00"}}, {"weeks": 8, "schedule": {"mon": "08:00-18:00"}}])
    am = Childminder.of(contracts=[ChildCare.of(child="a", employer="x", born=date(2025, 1, 1),
                                                contract=contract)])
    assert am.check_week(date(2026, 3, 2)).weekly_hours == 4
    assert am.check_week(date(2026, 3, 2), rhythms={"a": 1}).weekly_hours == 10
    hours_only = Contract.from_schedule(hourly_rate="4.20", weeks=52, schedule={"mon": "8"})
    with pytest.raises(InvalidInput):
        ChildCare.of(child="b", employer="y", born=date(2025, 1, 1), contract=hours_only).presence(date(2026, 3, 2))
    with pytest.raises(UnsupportedCase):
        ChildCare.of(child="b", employer="y", born=date(2025, 1, 1), contract=Contract.from_weekly_hours(
            hourly_rate="4.20", weeks=52, weekly_hours="8", days_per_week=1)).presence(date(2026, 3, 2))


def test_weekly_hours_are_exact_fractions() -> None:
    assert check_week([presence("a", "08:10-08:30", ("mon",))]).weekly_hours == Fraction(1, 3)
