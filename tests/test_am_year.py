"""An AM with three contracts over 2025, checked by hand.

2025 has one SMIC horaire, 11.88 € (from 2024-11-01), so the forfait of a day of
8 h or more is 3 × 11.88 = 35.64 € all year (CGI art. 80 sexies).

- lina (employer A): 52 weeks, Mon, Tue, Thu, Fri 08:00-17:00 (9 h), all year.
  Those weekdays in 2025: 52 each (2025 starts on a Wednesday, the only weekday
  met 53 times) = 208 days; public holidays on them: 21/04, 01/05, 08/05,
  29/05, 09/06, 14/07, 15/08, 11/11, 25/12 = 9 → 199 days; paid leave: the 4
  weeks from 4 August (16 days, less 15/08, a holiday) = 15 days, and 22, 23
  and 26 December = 3 days → **181 days of care**, 181 × 35.64 = 6 450.84 €.
- noe (employer B): from 2025-09-01, 52 weeks, Wednesdays 08:00-18:00; the child
  gives a majoration of pay (4 × SMIC = 47.52 €). Wednesdays from 3 September
  to 31 December: 4 + 5 + 4 + 5 = **18 days**, no holiday → 18 × 47.52 = 855.36 €.
- sacha (employer C): until 2025-06-30, Mon, Tue, Thu, Fri 16:30-19:00 (2.5 h,
  so 2.5/8 of the forfait = 11.1375 €). 1 January to 30 June is 25 weeks from a
  Wednesday and 6 days (Wed to Mon): Mon 26, Tue 25, Thu 26, Fri 26 = 103 days,
  less 5 holidays (21/04, 01/05, 08/05, 29/05, 09/06) → **98 days**,
  98 × 11.1375 = 1 091.475 €.

Deduction: 6 450.84 + 855.36 + 1 091.475 = 8 397.675 → **8 397.68 €** (rounded once).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest

from amcalc.am import ChildCare, Childminder
from amcalc.am.year import MONEY_FIGURES, childminder_month, childminder_year
from amcalc.contract import Contract
from amcalc.errors import InvalidInput
from amcalc.month import Absence, month_pay

FOUR_DAYS = ("mon", "tue", "thu", "fri")


def contract(rate: str, schedule: dict[str, str], start: date, end: date | None = None) -> Contract:
    return Contract.from_schedule(hourly_rate=rate, weeks=52, start=start, end=end, schedule=schedule,
                                  maintenance_per_hour="0.40")


LINA = ChildCare.of(child="lina", employer="A", born=date(2023, 6, 1),
                    contract=contract("4.20", {d: "08:00-17:00" for d in FOUR_DAYS}, date(2024, 9, 2)))
NOE = ChildCare.of(child="noe", employer="B", born=date(2024, 2, 1), majorated=True,
                   contract=contract("4.60", {"wed": "08:00-18:00"}, date(2025, 9, 1)))
SACHA = ChildCare.of(child="sacha", employer="C", born=date(2019, 4, 1),
                     contract=contract("4.50", {d: "16:30-19:00" for d in FOUR_DAYS}, date(2024, 10, 1),
                                       date(2025, 6, 30)))
AM = Childminder.of(own_children=[], contracts=[LINA, NOE, SACHA])


def leave_days() -> list[date]:
    weeks = [date(2025, 8, 4) + timedelta(days=k) for k in range(26)]
    days = [d for d in weeks if d.weekday() in (0, 1, 3, 4) and d != date(2025, 8, 15)]
    return [*days, date(2025, 12, 22), date(2025, 12, 23), date(2025, 12, 26)]


def lina_events() -> dict[str, dict[str, object]]:
    by_month: dict[str, dict[str, object]] = {}
    for day in leave_days():
        entry = by_month.setdefault(f"{day.year}-{day.month:02d}", {"absences": []})
        entry["absences"].append(Absence.of(day, "paid_leave"))  # type: ignore[attr-defined]
    return by_month


@pytest.fixture(scope="module")
def year():  # type: ignore[no-untyped-def]
    return childminder_year(AM, 2025, {"lina": lina_events()})


def test_leave_days_are_those_of_the_docstring() -> None:
    assert len(leave_days()) == 18


def test_days_of_care_per_child(year) -> None:  # type: ignore[no-untyped-def]
    per_child: Counter[str] = Counter()
    for month in year.months:
        for care, pay in month.lines:
            per_child[care.child] += len(pay.care_days)
    assert per_child == {"lina": 181, "noe": 18, "sacha": 98}
    assert {(r.factor, r.seconds) for r in year.care_days} == {(3, 9 * 3600), (4, 10 * 3600), (3, 9000)}


def test_the_deduction_is_days_of_care_times_the_forfait(year) -> None:  # type: ignore[no-untyped-def]
    tax = year.income_tax(taxable_salary="12000.00")
    assert tax.special.forfait == Decimal("8397.68")
    received = Decimal("12000.00") + year.totals["maintenance"] + year.totals["meals"]
    assert tax.special.deduction == min(Decimal("8397.68"), received)


def test_every_month_adds_up_the_contracts_own_month_pay(year) -> None:  # type: ignore[no-untyped-def]
    events = lina_events()
    for month in year.months:
        key = f"{month.year}-{month.month:02d}"
        alone = []
        for care, pay in month.lines:
            options = events.get(key, {}) if care.child == "lina" else {}
            alone.append(month_pay(care.contract, key, **options))  # type: ignore[arg-type]  # no illness nor weekly totals: no ledger to carry
            assert pay == alone[-1]
        for name in MONEY_FIGURES:
            assert month.totals[name] == sum((getattr(p, name) for p in alone), Decimal("0.00"))
    for name in MONEY_FIGURES:
        assert year.totals[name] == sum((m.totals[name] for m in year.months), Decimal("0.00"))


def test_march_by_hand(year) -> None:  # type: ignore[no-untyped-def]
    # lina: 36 h × 52 / 12 = 156 h × 4.20 = 655.20; sacha: 10 h × 52 / 12 = 130/3 h × 4.50 = 195.00;
    # noe not yet hired; no holiday nor absence in March 2025
    march = year.months[2]
    assert [care.child for care, _ in march.lines] == ["lina", "sacha"]
    assert march.totals["gross_salary"] == Decimal("850.20")
    # entretien 0.40 €/h, at least the daily floor: lina 17 days × 9 h; sacha 17 days × 2.5 h
    # (Mon 3,10,17,24,31 + Tue 4,11,18,25 + Thu 6,13,20,27 + Fri 7,14,21,28 = 17 days)
    assert sum(row.days for row in march.care_days) == 34


def test_months_outside_a_contract_are_left_out(year) -> None:  # type: ignore[no-untyped-def]
    assert [c.child for c, _ in year.months[6].lines] == ["lina"]  # July: sacha gone, noe not yet
    assert [c.child for c, _ in year.months[8].lines] == ["lina", "noe"]


def test_rows_are_arrow_ready(year) -> None:  # type: ignore[no-untyped-def]
    pa = pytest.importorskip("pyarrow")
    table = pa.Table.from_pylist(year.rows())
    assert table.num_rows == 12 + 4 + 6  # lina every month, noe from September, sacha until June
    assert sum(table.column("gross_salary").to_pylist()) == year.totals["gross_salary"]
    lina_march = next(r for r in year.rows() if r["child"] == "lina" and r["month"] == "2025-03")
    assert (lina_march["care_days"], lina_march["worked_seconds"]) == (17, 17 * 9 * 3600)


def test_the_year_explains_itself_in_french(year) -> None:  # type: ignore[no-untyped-def]
    text = year.explain()
    assert "Jours de garde effective : jours travaillés, enfant par enfant = 297" in text  # 181 + 18 + 98
    assert "rules.md" not in text and "§" not in text


def test_events_for_an_unknown_child() -> None:
    with pytest.raises(InvalidInput):
        childminder_month(AM, "2025-03", {"zoe": {}})
