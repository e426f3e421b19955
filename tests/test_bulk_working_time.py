"""The vector route's working-time warnings (CCN 3239 art. 96.1, 96.3) and the weeks it hands
to next month: the texts and figures of ``month_pay`` over several chunks, the same day and the
same duration on many rows, a 4-month average at exactly 48 h and just over it."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import pytest

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from test_bulk import assert_same  # noqa: E402

from amcalc.bulk import PayrollStats, payroll  # noqa: E402
from amcalc.bulk.schema import utf8_strings  # noqa: E402
from amcalc.bulk.working_time import by_row_and_day, in_row_and_day_order  # noqa: E402
from amcalc.calendar import WEEKDAYS  # noqa: E402

# Mon–Fri 9 h: 45 h a week, the usual week of the 4-month average (every key in each row:
# Table.from_pylist takes the first row's)
MON_FRI_9H = {"hourly_rate": "4.00", "weeks": 52, "start": date(2024, 1, 8), **{d: "9" for d in WEEKDAYS[:5]},
              "worked_hours": None, "recent_weeks": None}
REST = "d'accueil ne laissent pas 11 heures consécutives de repos quotidien (CCN 3239 art. 96.1 ; CASF L423-21)."
LAW_96_3 = "(CCN 3239 art. 96.3 ; CASF L423-22)."


def long_week(monday: str, hours: str) -> str:
    return (f"Semaine du {monday} : {hours} h de travail. Au-delà de 48 h, l'accord de l'assistant maternel "
            f"est requis et la durée moyenne sur 4 mois ne peut dépasser 48 h {LAW_96_3}")


def average(hours: str) -> str:
    return f"Moyenne de {hours} h par semaine sur les 4 derniers mois : au-delà de 48 h {LAW_96_3}"


def vector_payroll(rows: list[dict[str, Any]], chunk_rows: int) -> Any:
    stats = PayrollStats()
    result = payroll(pa.Table.from_pylist(rows), chunk_rows=chunk_rows, threads=1, stats=stats)
    assert stats.scalar_rows == 0
    return result


def test_days_over_13_hours_worded_alike_on_many_rows_and_chunks() -> None:
    # a week given is shared over its 5 days of 9 h: 66 h → 13.20 h a day, 67.5 h → 13.50 h,
    # 70 h → 14.00 h, each day over 13 h (art. 96.1) and each week over 48 h (art. 96.3);
    # one week of 66 to 70 h among 45 h ones: (17 × 45 + 70) / 18 = 46.39 h, no average warning
    weeks = [(date(2025, 3, 10), "66"), (date(2025, 3, 17), "67.5"), (date(2025, 3, 10), "70"),
             (date(2025, 4, 7), "66")]
    rows = [MON_FRI_9H | {"id": i, "month": f"{monday:%Y-%m}", "worked_hours": [{"week": monday, "hours": hours}]}
            for i, (monday, hours) in enumerate(weeks * 6)]
    result = vector_payroll(rows, chunk_rows=5)  # the same days and durations in every chunk
    warnings = result.column("warnings").to_pylist()
    assert warnings[0] == [long_week("10/03/2025", "66,00"),
                           *(f"Le {d}/03/2025 : 13,20 h {REST}" for d in range(10, 15))]
    assert warnings[1][1:] == [f"Le {d}/03/2025 : 13,50 h {REST}" for d in range(17, 22)]
    assert warnings[2][1:] == [f"Le {d}/03/2025 : 14,00 h {REST}" for d in range(10, 15)]
    assert warnings[3][1:] == [f"Le 0{d}/04/2025 : 13,20 h {REST}" for d in range(7, 10)] + [
        f"Le {d}/04/2025 : 13,20 h {REST}" for d in range(10, 12)]
    assert warnings[4:] == warnings[:-4]  # every 4th row alike, whatever its chunk
    assert_same(rows, result)


def test_the_4_month_average_at_48_hours_and_just_over() -> None:
    # March 2025: 18 civil weeks start after 30 Nov 2024 (2 Dec to 31 March), 17 of them 45 h.
    # A week of 99 h: (17 × 45 h + 99 h) / 18 = 864 h / 18 = 48 h, not over: no warning;
    # 18 s more: 48 h + 1 s, over (shown 48,00 h).
    march = MON_FRI_9H | {"month": "2025-03"}
    at_48 = march | {"recent_weeks": [{"week": date(2025, 2, 10), "seconds": 99 * 3600}]}
    over_48 = march | {"recent_weeks": [{"week": date(2025, 2, 10), "seconds": 99 * 3600 + 18}]}
    # February 2025: the 17 weeks starting after 28 Oct 2024 (4 Nov to 24 Feb). 120 h the week
    # of 4 Nov: (16 × 45 h + 120 h) / 17 = 49.41 h, over; 120 h the week of 28 Oct, out of
    # the 4 months but among the 18 weeks handed on (after 25 Oct): 45 h, no warning.
    february = MON_FRI_9H | {"month": "2025-02"}
    in_window = february | {"recent_weeks": [{"week": date(2024, 11, 4), "seconds": 120 * 3600}]}
    before = february | {"recent_weeks": [{"week": date(2024, 10, 28), "seconds": 120 * 3600}]}
    # with the 99 h week of March given this month, and 14 h a day from Mon 17 (70 h):
    # (16 × 45 h + 99 h + 70 h) / 18 = 49.39 h
    given = at_48 | {"worked_hours": [{"week": date(2025, 3, 17), "hours": "70"}]}
    rows = [at_48, over_48, in_window, before, given] * 3
    result = vector_payroll(rows, chunk_rows=4)
    warnings = result.column("warnings").to_pylist()
    assert warnings[:5] == [[], [average("48,00")], [average("49,41")], [],
                            [long_week("17/03/2025", "70,00"),
                             *(f"Le {d}/03/2025 : 14,00 h {REST}" for d in range(17, 22)), average("49,39")]]
    assert warnings[5:] == warnings[:-5]
    assert result.column("recent_weeks").to_pylist()[3] == [{"week": date(2024, 10, 28), "seconds": 120 * 3600}]
    assert_same(rows, result)


def test_both_routes_warnings_each_in_its_row_of_one_chunk() -> None:
    # a week of 66 h over Mon–Fri 9 h (vector route): 13.20 h a day from 10 to 14 March; a
    # Monday of 14 h (not the vector route's schedule: the scalar route): each Monday of March
    # 2025 (3, 10, 17, 24, 31) over 13 h, then the schedule's own warning (art. 96.1)
    march = MON_FRI_9H | {"month": "2025-03"}
    long = march | {"worked_hours": [{"week": date(2025, 3, 10), "hours": "66"}]}
    monday_14h = march | {"mon": "14", "tue": "7"}
    rows = [long, monday_14h, march, monday_14h, long]
    stats = PayrollStats()
    result = payroll(pa.Table.from_pylist(rows), chunk_rows=5, threads=1, stats=stats)
    assert stats.scalar_rows == 2 and result.column("route").to_pylist()[:2] == ["vector", "scalar"]
    warnings = result.column("warnings").to_pylist()
    assert warnings[0] == [long_week("10/03/2025", "66,00"), *(f"Le {d}/03/2025 : 13,20 h {REST}" for d in range(10, 15))]
    assert warnings[1] == [*(f"Le {d:02d}/03/2025 : 14,00 h {REST}" for d in (3, 10, 17, 24, 31)),
                           "L'emploi du temps prévoit 14,00 h un jour de la semaine (n° 1) : le repos quotidien de "
                           "11 heures n'est pas respecté (CCN 3239 art. 96.1)."]
    assert warnings[2:] == [[], warnings[1], warnings[0]]
    assert_same(rows, result)


def test_more_than_2_gib_of_texts_in_one_array_is_an_error_not_wrapped_offsets() -> None:
    # int32 offsets: 2 texts of 2^30 bytes end at 2^31, one past the largest int32
    class Gib:
        def __len__(self) -> int:
            return 1 << 30

    with pytest.raises(OverflowError):
        utf8_strings(cast(Any, [Gib(), Gib()]))
    assert utf8_strings([b"ab", "\u00e9".encode()]).to_pylist() == ["ab", "\u00e9"]


@pytest.mark.parametrize(("row_step", "day_step"), [(1, 1), (1, 7), (2**40, 2**20)])
def test_rows_and_days_in_order_as_lexsort_puts_them(row_step: int, day_step: int) -> None:
    # one int64 key, or np.lexsort itself when rows × days would not fit in one (2⁴⁵ × 2²⁴)
    rng = np.random.default_rng(3)
    triples = np.stack([rng.integers(0, 40, 300) * row_step, rng.integers(-9, 9, 300) * day_step,
                        rng.integers(0, 3, 300)], axis=1)
    then = rng.integers(0, 2, 300)
    assert by_row_and_day(triples).tolist() == np.lexsort((triples[:, 1], triples[:, 0])).tolist()
    assert by_row_and_day(triples, then).tolist() == np.lexsort((then, triples[:, 1], triples[:, 0])).tolist()
    # put in that order; triples that come in it are kept as they are (no sort, no copy)
    by_lexsort = triples[np.lexsort((then, triples[:, 1], triples[:, 0]))]
    assert in_row_and_day_order(triples, then).tolist() == by_lexsort.tolist()
    ordered = triples[np.lexsort((triples[:, 1], triples[:, 0]))]
    assert in_row_and_day_order(ordered).tolist() == ordered.tolist()
    assert (in_row_and_day_order(ordered) is ordered) == (row_step == 1)  # too wide for one key: lexsort
    assert in_row_and_day_order(ordered[:0]).shape == (0, 3)
