"""The calculator page's Python side: the forms' values in, the figures and their French
explanations out, as JSON — run in the browser by Pyodide (``web/static/app.js``).

A form sends the tables of a contract file (``contract``, ``month``, ``end``, as
:mod:`amcalc.inputs` reads them) with every value as text, plus the page's own
``household`` table. Each page function answers ``{"figures": [...], ...}`` or, for
bad input, ``{"error": {"code", "field", "message"}}`` from amcalc's typed error.

>>> answer = json.loads(month_page(json.dumps({
...     "contract": {"hourly_rate": "4.00", "weeks": "52", "start": "2025-09-01",
...                  "schedule": {"mon": "10", "tue": "10", "thu": "10", "fri": "10"}},
...     "month": {"month": "2025-11"}})))
>>> gross = next(f for f in answer["figures"] if f["key"] == "gross_salary")
>>> gross["label"], gross["amount"], gross["shown"]  # 40 h × 52 weeks ÷ 12 × 4,00 €
('Salaire brut', '693.33', '693,33 €')
>>> bad = {"contract": {"hourly_rate": "quatre", "weeks": "52", "schedule": {"mon": "10"}}, "month": {"month": "2025-11"}}
>>> json.loads(month_page(json.dumps(bad)))["error"]["field"]
'hourly_rate'
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from amcalc.absences import AbsenceCause
from amcalc.contract_file import contract_of, family_month_of, month_of, read_file, settlement_of
from amcalc.errors import AmcalcError, InvalidInput, ParameterUnavailable
from amcalc.explain import Explanation, Step, euros
from amcalc.family import Care, Child, ChildcareCost, Household, family_year, reform_comparison
from amcalc.family.reform_comparison import FIRST_MONTH, LAST_MONTH
from amcalc.inputs import parse_month
from amcalc.month import MonthPay
from amcalc.serialization.contract import iso_dates
from amcalc.termination import EndReason, end_consequences

__all__ = ["choices", "contract_file", "end_page", "family_page", "month_page", "open_contract_file"]

_INTEGERS = {("contract", "weeks"), ("contract", "days_per_week"), ("month", "meals"),
             ("household", "children"), ("leave_completed", "days"), ("leave_current", "days")}
_FILE_TABLES = ("contract", "month", "end", "household")
# Where the household's keys of a contract file are named by their Python argument in an error.
_FILE_KEY_OF = {"children": "household.children", "dependent_children": "household.children",
                "aeeh_children": "household.aeeh"}
_DECIMAL_COMMA = re.compile(r"-?[0-9]+,[0-9]+")

# The figures of a month and the labels of the explanation's steps that compute them.
_MONTH_FIGURES = (
    ("base_salary", "Salaire mensualisé", ("Salaire mensualisé",)),
    ("absence_deduction", "Déduction des absences", ("Déduction",)),
    ("complementary_pay", "Heures complémentaires", ("Semaine du", "Heures complémentaires")),
    ("majorated_pay", "Heures majorées", ("Semaine du", "Heures majorées")),
    ("gross_salary", "Salaire brut", ("Salaire brut",)),
    ("net_salary", "Salaire net", ("Salaire net",)),
    ("maintenance", "Indemnité d'entretien", ("Indemnité d'entretien",)),
    ("meals", "Repas", ("Repas",)),
    ("mileage", "Indemnités kilométriques", ("Indemnités kilométriques", "Kilomètres")),
)


def _typed(value: Any, path: tuple[str, ...]) -> Any:
    """A form's text values as a file has them: whole numbers where a count is expected,
    and a French decimal comma as a point ("4,20" is "4.20")."""
    if isinstance(value, Mapping):
        return {k: _typed(v, (*path, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v, path) for v in value]
    if isinstance(value, str) and path[-2:] in _INTEGERS and value.strip().isdigit():
        return int(value)
    if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
        return value.strip().replace(",", ".")
    return value


def _tables(form_json: str) -> dict[str, Any]:
    form = json.loads(form_json)
    if not isinstance(form, dict):
        raise InvalidInput(None, "un objet de tables est attendu.")
    return {name: iso_dates(_typed(table, (name,))) for name, table in form.items()}


def _error(err: AmcalcError, field: str | None = None) -> str:
    named = field or _FILE_KEY_OF.get(err.field or "", err.field)
    return json.dumps({"error": {"code": err.code, "field": named, "message": err.message}}, ensure_ascii=False)


def _answer(compute: Callable[[dict[str, Any]], dict[str, Any]], form_json: str) -> str:
    try:
        return json.dumps(compute(_tables(form_json)), ensure_ascii=False)
    except AmcalcError as err:
        return _error(err)


def _step_line(step: Step) -> str:
    where = f"  [{step.reference}]" if step.reference else ""
    return f"{step.label} : {step.formula} = {step.result}{where}"


def _figure(key: str, label: str, amount: Decimal, explanation: str) -> dict[str, str]:
    return {"key": key, "label": label, "amount": str(amount), "shown": euros(amount), "explain": explanation}


def _steps_text(explanation: Explanation, prefixes: Iterable[str]) -> str:
    """The steps of ``explanation`` whose label starts with one of ``prefixes`` (else all of it)."""
    lines = [_step_line(s) for s in explanation.steps if s.label.startswith(tuple(prefixes))]
    return "\n".join(lines) if lines else explanation.text()


def _month_figures(pay: MonthPay, keys: Iterable[str]) -> list[dict[str, str]]:
    wanted = set(keys)
    return [_figure(key, label, getattr(pay, key), _steps_text(pay.explanation, prefixes))
            for key, label, prefixes in _MONTH_FIGURES if key in wanted]


def _pajemploi(pay: MonthPay) -> list[dict[str, Any]]:
    return [{"title": s.title, "fields": [list(f) for f in s.fields]} for s in pay.explanation.sections]


def _month(tables: dict[str, Any]) -> dict[str, Any]:
    pay = month_of(tables)
    shown = [key for key, _, _ in _MONTH_FIGURES
             if getattr(pay, key) or key in ("base_salary", "gross_salary", "net_salary")]
    return {"title": pay.explanation.title, "figures": _month_figures(pay, shown),
            "sections": _pajemploi(pay), "warnings": list(pay.warnings), "explanation": pay.explain()}


def _months_of_year(tables: dict[str, Any], year: int) -> list[dict[str, Any]]:
    """The tables of the contract's months of the civil ``year``, with the form's meals
    and no event."""
    contract = contract_of(tables)
    first = max(date(year, 1, 1), contract.start or date(year, 1, 1))
    last = min(date(year, 12, 31), contract.end or date(year, 12, 31))
    if first > last:
        return []
    meals = {k: v for k, v in tables.get("month", {}).items() if k in ("meals", "meal_price")}
    return [{**tables, "month": {**meals, "month": f"{year}-{number:02d}"}}
            for number in range(first.month, last.month + 1)]


def _family(tables: dict[str, Any]) -> dict[str, Any]:
    year, number = parse_month(tables.get("month", {}).get("month"), "month.month")
    months = {(year, int(t["month"]["month"][5:])): t for t in _months_of_year(tables, year)}
    if (year, number) not in months:
        raise InvalidInput("month.month", "ce mois n'est pas dans la période du contrat.")
    families, missing = {}, []
    for key, table in months.items():
        try:
            families[key] = family_month_of(table)
        except ParameterUnavailable:  # a month the CMG's scales do not cover: left out of the year, said
            if key == (year, number):
                raise
            missing.append(f"{key[1]:02d}/{key[0]}")
    month, pay = families[(year, number)], month_of(months[(year, number)])
    line = month.children[0]
    figures = [
        *_month_figures(pay, ("net_salary", "maintenance", "meals")),
        _figure("cost", "Coût du mois", month.cost, month.explain()),
        _figure("cmg", "CMG versé par la CAF", month.cmg, line.cmg.explain()),
        _figure("remains", "Reste à charge du mois", month.remains, month.explain()),
    ]
    whole = family_year(list(families.values()))
    year_figures = [
        _figure("year_remains", f"Reste à charge {year}", whole.remains, whole.explain()),
        _figure("tax_credit", f"Crédit d'impôt (versé en {year + 1})", whole.tax_credit.credit,
                whole.tax_credit.explain()),
        _figure("year_net_cost", f"Coût net {year}", whole.net_cost, whole.explain()),
    ]
    answer: dict[str, Any] = {"title": month.explanation.title, "figures": figures, "year": year_figures,
                              "months": len(families), "explanation": month.explain()}
    if missing:
        answer["notes"] = [f"L'année ne compte pas {', '.join(missing)} : le CMG de ces mois ne peut pas être "
                           "calculé (barème non disponible à cette date)."]
    if FIRST_MONTH <= date(year, number, 1) <= LAST_MONTH:
        household = tables["household"]
        care = Care(Child.of(born=household.get("child_born")), ChildcareCost.of_month(pay),
                    household.get("employer_aid", "0.00"))
        both = reform_comparison(Household.from_mapping(household), [care], (year, number))
        answer["reform"] = [
            _figure("before_remains", "Reste à charge avant la réforme", both.before.remains, both.before.explain()),
            _figure("after_remains", "Reste à charge après la réforme", both.after.remains, both.after.explain()),
            _figure("gain", "Différence par mois", both.gain, both.explain()),
        ]
    return answer


def _end(tables: dict[str, Any]) -> dict[str, Any]:
    result = settlement_of(contract_of(tables), tables.get("end", {}))
    dates = [("Préavis", f"du {result.notice_first_day:%d/%m/%Y} au {result.notice_last_day:%d/%m/%Y}")
             if result.notice_first_day and result.notice_last_day else ("Préavis", "aucun"),
             ("Dernier jour du contrat", f"{result.last_day:%d/%m/%Y}"),
             ("Documents à remettre le", f"{result.documents_due:%d/%m/%Y}")]
    lines = [_figure(f"line{i}", line.label, line.amount, line.result.explain())
             for i, line in enumerate(result.lines)]
    totals = [_figure("salary_total", "Total soumis à cotisations", result.salary_total, result.explain()),
              _figure("indemnity_total", "Total non soumis à cotisations", result.indemnity_total, result.explain()),
              _figure("total", "Total du solde de tout compte", result.total, result.explain())]
    return {"title": result.explanation.title, "dates": [list(d) for d in dates], "figures": lines,
            "totals": totals, "not_due": [str(n) for n in result.not_due], "explanation": result.explain()}


def choices() -> str:
    """The lists of the forms' menus, in French: absence causes and end reasons."""
    return json.dumps({"absence_cause": [[c.value, c.label] for c in AbsenceCause],
                       "end_reason": [[r.value, end_consequences(r.value).label] for r in EndReason]},
                      ensure_ascii=False)


def family_page(form_json: str) -> str:
    """« Combien va-t-elle nous coûter ? »: the family's month, its year and the reform."""
    return _answer(_family, form_json)


def month_page(form_json: str) -> str:
    """« Le mois de mon assistante maternelle »: the month's figures and the Pajemploi block."""
    return _answer(_month, form_json)


def end_page(form_json: str) -> str:
    """« La fin du contrat »: notice, last day, settlement lines."""
    return _answer(_end, form_json)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string is a JSON string


def _json_ready(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def contract_file(form_json: str, kind: str) -> str:
    """The form's contract, month and end as the contract file the command line reads
    (``kind`` ``"json"`` or ``"toml"``), or ``{"error": …}`` as JSON when it is not valid."""
    try:
        tables = {name: table for name, table in _tables(form_json).items() if name in _FILE_TABLES and table}
        contract_of(tables)
    except AmcalcError as err:
        return _error(err)
    if kind == "json":
        return json.dumps(_json_ready(tables), ensure_ascii=False, indent=2) + "\n"
    return "\n".join(f"[{name}]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in table.items())
                     for name, table in tables.items())


def open_contract_file(text: str, name: str) -> str:
    """A contract file's tables (read as the command line reads it) as JSON, or ``{"error": …}``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_text(text, encoding="utf-8")
        try:
            tables = read_file(path)
            contract_of(tables)
        except AmcalcError as err:
            return _error(err, name if err.field == str(path) else None)
    return json.dumps({"tables": _json_ready(tables)}, ensure_ascii=False, default=str)
