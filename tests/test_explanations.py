"""The French a parent reads: every figure line shows its operands, no code, file or
internal reference, and the texts of a set of contracts are kept as snapshots
(tests/snapshots/*.txt, reviewed by reading them; after a deliberate change of
wording: AMCALC_SNAPSHOTS=update pytest tests/test_explanations.py)."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from test_serialization import SAMPLES

import amcalc
from amcalc import Absence, Contract, month_pay
from amcalc.demo import explain_file
from amcalc.explain import Explained

SNAPSHOTS = Path(__file__).parent / "snapshots"
EXAMPLE = Path(amcalc.__file__).parent / "examples" / "contrat-lea.toml"
SCHEDULE = {"mon": "08:00-18:00", "tue": "08:00-18:00", "thu": "08:00-18:00", "fri": "08:00-17:00"}


def _months() -> dict[str, amcalc.MonthPay]:
    full = Contract.from_schedule(hourly_rate="4.20", weeks=52, start=date(2024, 9, 2), schedule=SCHEDULE,
                                  maintenance_per_hour="0.45")
    rhythms = Contract.from_rhythms(hourly_rate="4.20", weeks=40, start=date(2025, 9, 1), rhythms=[
        {"weeks": 36, "schedule": {"mon": "9", "tue": "9", "thu": "9", "fri": "9"}},
        {"weeks": 4, "schedule": {"mon": "10", "tue": "10", "wed": "10"}}])
    occasional = Contract.from_schedule(hourly_rate="4.50", weeks=52, start=date(2025, 1, 6), kind="occasional",
                                        schedule={"wed": "10"})
    return {
        # 1 May worked by agreement, a week of 47 h (2 h majorées), a day of the AM's sickness
        "month-52-weeks-may": month_pay(full, "2025-05", worked_holidays=[date(2025, 5, 1)],
                                        worked_weeks={date(2025, 5, 12): "47"},
                                        absences=[Absence.of(date(2025, 5, 20), "am_sickness")]),
        "month-rhythms-october": month_pay(rhythms, "2025-10", rhythm_weeks={
            date(2025, 9, 29): 0, date(2025, 10, 6): 0, date(2025, 10, 13): 0, date(2025, 10, 20): 1,
            date(2025, 10, 27): 1}),
        "month-occasional": month_pay(occasional, "2025-03", worked_days={date(2025, 3, 12): "6"}),
    }


MONTHS = _months()
TEXTS: dict[str, str] = {
    "demo-lea": explain_file(EXAMPLE),
    **{name: m.explain() for name, m in MONTHS.items()},
}
RESULTS = [x for samples in SAMPLES.values() for x in samples if isinstance(x, Explained)] + list(MONTHS.values())

CODE = re.compile(r"§|rules\.md|\.py\b|\.md\b|\(\)|\b[a-z]+_[a-z0-9_]+\b|\b(self|None|True|False|Decimal|Fraction)\b")
ENGLISH = re.compile(r"\b(the|and|with|per|week|weeks|hours|salary|option|end|start)\b")


def _lines(result: Explained) -> list[str]:
    e = result.explanation
    return [e.title, e.reference, e.header, *e.notes,
            *(f"{s.label} : {s.formula} = {s.result} [{s.reference}]" for s in e.steps),
            *(f"{name} : {value}" for section in e.sections for name, value in section.fields)]


FUNCTIONS = re.compile(r"\b(" + "|".join(n for n in amcalc.__all__ if n.islower()) + r"|explain|to_dict)\b")


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: type(r).__name__)
def test_no_code_file_or_english_in_the_french(result: Explained) -> None:
    for line in _lines(result):
        assert not CODE.search(line), line
        assert not FUNCTIONS.search(line), line
        assert not ENGLISH.search(line.replace("Code du travail", "")), line


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: type(r).__name__)
def test_every_amount_shows_its_operands(result: Explained) -> None:
    # an amount in euros comes with the figures it is computed from, unless it is an input ("indiqué")
    for step in result.explanation.steps:
        if "€" in step.result:
            assert re.search(r"\d", step.formula) or "indiqu" in step.formula, step


def test_the_demo_lines_worked_by_hand() -> None:
    text = TEXTS["demo-lea"]
    # 39 h × 36 / 12 = 117 h; 117 × 4.20 = 491.40; 4 days × 36 / 12 = 12 days exactly
    assert "Jours d'activité mensualisés : 4 j × 36 / 12 = 12 j" in text
    # November: 1 day of 16 deducted: 491.40 × 1/16 = 30.7125 → 30.71; + 5 h × 4.20 = 21.00
    assert "Salaire brut du mois : 491,40 € − 30,71 € + 21,00 € = 481,69 €" in text
    # Pajemploi: (491.40 − 30.71) / 4.20 = 109.688… h → 110
    assert "(491,40 € − 30,71 €) ÷ 4,20 € = 109,69 h, arrondies à l'heure la plus proche = 110 h" in text
    assert "- Nombre d'heures normales : 115 (110 + 5 complémentaires)" in text
    # settlement: regularisation 39 h × 4.20 = 163.80; 1/80 of 4 720.00 + 682.50 (ICCP) + 163.80
    # (the final regularisation, in the base by default) = 5 566.30 → 69.57875 → 69.58
    assert "5 566,30 € × 1 / 80" in text and "(1092,00 h dues − 1053,00 h payées) × 4,20 € = 163,80 €" in text
    assert "Total du solde : 846,30 € + 69,58 € = 915,88 €" in text
    assert "Contrat : 4,20 € brut de l'heure ; 39 h par semaine sur 4 jours" in text


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_snapshot(name: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("AMCALC_SNAPSHOTS") == "update":
        path.write_text(TEXTS[name] + "\n", "utf-8")
    assert path.read_text("utf-8") == TEXTS[name] + "\n"
