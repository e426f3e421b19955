"""Les fichiers de contrat — a contract file, TOML or JSON, read into the API's arguments.

A file holds a ``[contract]`` table (the scenario-format keys, as
:meth:`amcalc.Contract.from_mapping` takes them) and, optionally:

- a ``[month]`` table: ``month`` (``"2025-11"``), ``absences``
  (``[{ date, cause, hours? }]``), ``worked_hours`` (``[{ week, hours }]``), ``worked_days``
  (``[{ date, hours }]``), ``non_care_weeks``, ``worked_holidays`` (dates), ``rhythm_weeks``
  (``[{ week, rhythm }]``, the index in ``patterns``), ``meals``, ``meal_price``,
  ``kilometres``, ``mileage_rate``, ``partial_month``, ``illness_rule``;
- an ``[end]`` table: ``reason``, ``sent``, ``notified``, ``total_gross``,
  ``leave_completed`` / ``leave_current`` as ``{ days, reference_gross, already_paid }``,
  ``regularisation`` as ``{ hours_paid, hours_due }``, ``notice_waived``, and the options of
  :func:`~amcalc.termination.settlement` ``precarity_exception``, ``cdd_leave_already_paid``,
  ``month_end``, ``rupture_base``;
- a ``[paid_leave]`` table: ``acquired_days`` or ``until`` (the acquisition from the
  hiring date), and ``reference_gross``;
- a ``[household]`` table, for what the family pays in the ``[month]``: ``resources``
  (the year N−2), ``children`` (dependent), ``child_born``, and optionally
  ``single_parent``, ``aeeh`` and ``employer_aid`` (the keys of the ``family_cost``
  scenario calculation).

A JSON file has the same keys, its dates written ``"AAAA-MM-JJ"``. Every problem of
the file itself (missing, not UTF-8, not TOML or JSON, nested too deep) is an
:class:`~amcalc.errors.UnreadableFile` naming it.

>>> import json, tempfile
>>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
...     json.dump({"contract": {"hourly_rate": "4.00", "weeks": 52, "start": "2025-09-01",
...                             "schedule": {"mon": "10", "tue": "10", "thu": "10", "fri": "10"}}}, f)
>>> contract_of(read_file(f.name)).start
datetime.date(2025, 9, 1)
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from amcalc.contract import Contract, parse_choice
from amcalc.errors import InvalidInput, UnreadableFile
from amcalc.family import Care, Child, ChildcareCost, FamilyMonth, Household, family_month
from amcalc.money import parse_money
from amcalc.month import MonthPay
from amcalc.paid_leave import LeaveAcquisition, LeaveIndemnity, acquired_leave_between, leave_indemnity
from amcalc.periods import MonthEnd
from amcalc.scenarios.calculations import MONTH_KEYS, month_from_inputs, required_date
from amcalc.serialization.contract import iso_dates
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd, Settlement, regularisation, settlement
from amcalc.termination.rupture_indemnity import RuptureBase

__all__ = ["END_KEYS", "HOUSEHOLD_KEYS", "TABLES", "contract_of", "family_month_of", "leave_of", "month_of",
           "read_file", "settlement_of"]

TABLES = ("contract", "month", "end", "paid_leave", "household")
HOUSEHOLD_KEYS = frozenset({"resources", "children", "child_born", "single_parent", "aeeh", "employer_aid"})
END_KEYS = frozenset({"reason", "sent", "notified", "total_gross", "leave_completed", "leave_current",
                      "regularisation", "notice_waived", "precarity_exception", "cdd_leave_already_paid",
                      "month_end", "rupture_base"})
_MAX_DEPTH = 64


def _depth(value: object, level: int = 0) -> int:
    """How deeply ``value`` nests (stops counting past the limit)."""
    if level > _MAX_DEPTH or not isinstance(value, (list, Mapping)):
        return level
    children = value.values() if isinstance(value, Mapping) else value
    return max((_depth(v, level + 1) for v in children), default=level)


def read_file(path: str | Path) -> dict[str, Any]:
    """The tables of a contract file: JSON when its name ends in ``.json``, else TOML."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8")
        data = json.loads(text) if name.lower().endswith(".json") else tomllib.loads(text, parse_float=Decimal)
    except FileNotFoundError:
        raise UnreadableFile(name, "fichier introuvable.") from None
    except IsADirectoryError:
        raise UnreadableFile(name, "c'est un dossier, pas un fichier.") from None
    except OSError as err:
        raise UnreadableFile(name, f"lecture impossible ({err.strerror}).") from None
    except UnicodeDecodeError as err:
        raise UnreadableFile(name, f"le fichier n'est pas en UTF-8 (octet {err.start}).") from None
    except RecursionError:
        raise UnreadableFile(name, f"données imbriquées sur plus de {_MAX_DEPTH} niveaux.") from None
    except (tomllib.TOMLDecodeError, ValueError) as err:
        kind = "JSON" if name.lower().endswith(".json") else "TOML"
        raise UnreadableFile(name, f"ce n'est pas du {kind} valide ({err}).") from None
    if not isinstance(data, dict):
        raise UnreadableFile(name, "un objet de tables (contract, month, end) est attendu.")
    if _depth(data) > _MAX_DEPTH:
        raise UnreadableFile(name, f"données imbriquées sur plus de {_MAX_DEPTH} niveaux.")
    unknown = set(data) - set(TABLES)
    if "contract" in data and unknown:
        raise InvalidInput(sorted(unknown)[0], f"table inconnue : {', '.join(TABLES)}.")
    data = iso_dates(data)
    tables: dict[str, Any] = data if "contract" in data else {"contract": data}
    for table in TABLES:
        if not isinstance(tables.get(table, {}), Mapping):
            raise InvalidInput(table, "une table est attendue.")
    return tables


def contract_of(tables: Mapping[str, Any]) -> Contract:
    """The contract of a file's tables."""
    return Contract.from_mapping(tables.get("contract", {}))


def month_of(tables: Mapping[str, Any]) -> MonthPay:
    """The month of the ``[month]`` table (the contract's keys beside it)."""
    month = tables.get("month", {})
    unknown = set(month) - MONTH_KEYS
    if unknown:
        raise InvalidInput(f"month.{sorted(unknown)[0]}", f"clé inconnue : {', '.join(sorted(MONTH_KEYS))}.")
    if "month" not in month:
        raise InvalidInput("month.month", "indiquez le mois (AAAA-MM).")
    return month_from_inputs({**tables.get("contract", {}), **month})


def family_month_of(tables: Mapping[str, Any]) -> FamilyMonth:
    """What the family pays in the ``[month]`` for the contract's child, from the ``[household]``
    table: the month amcalc computes, its CMG, the employer aid and what remains."""
    household = tables.get("household")
    if not household:
        raise InvalidInput("household", "ajoutez une table [household] : resources, children, child_born.")
    unknown = set(household) - HOUSEHOLD_KEYS
    if unknown:
        raise InvalidInput(f"household.{sorted(unknown)[0]}", f"clé inconnue : {', '.join(sorted(HOUSEHOLD_KEYS))}.")
    pay = month_of(tables)
    care = Care(Child.of(born=household.get("child_born")), ChildcareCost.of_month(pay),
                household.get("employer_aid", "0.00"))
    return family_month(Household.from_mapping(household), [care], (pay.year, pay.month))


def _leave(raw: object, field: str) -> LeaveOwed | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or set(raw) - {"days", "reference_gross", "already_paid"}:
        raise InvalidInput(field, "attendu : { days, reference_gross, already_paid }.")
    return LeaveOwed(days=raw.get("days"),  # type: ignore[arg-type]
                     reference_gross=parse_money(raw.get("reference_gross"), f"{field}.reference_gross"),
                     already_paid=parse_money(raw.get("already_paid", "0.00"), f"{field}.already_paid"))


def settlement_of(contract: Contract, end: Mapping[str, Any]) -> Settlement:
    """The solde de tout compte of the ``[end]`` table."""
    unknown = set(end) - END_KEYS
    if unknown:
        raise InvalidInput(f"end.{sorted(unknown)[0]}", "clé inconnue pour la fin du contrat.")
    statements = []
    if "regularisation" in end:
        reg = end["regularisation"]
        if not isinstance(reg, Mapping) or set(reg) != {"hours_paid", "hours_due"}:
            raise InvalidInput("end.regularisation", "attendu : { hours_paid, hours_due }.")
        statements.append(regularisation(hourly_rate=contract.hourly_rate, hours_paid=reg["hours_paid"],
                                         hours_due=reg["hours_due"]))
    notice_waived = end.get("notice_waived", False)
    if not isinstance(notice_waived, bool):
        raise InvalidInput("end.notice_waived", "true ou false est attendu.")
    return settlement(
        contract, reason=end.get("reason"), sent=required_date(end, "sent"),  # type: ignore[arg-type]
        notified=required_date(end, "notified") if "notified" in end else None, total_gross=end.get("total_gross"),
        leave=LeaveOwedAtEnd(completed=_leave(end.get("leave_completed"), "end.leave_completed"),
                             current=_leave(end.get("leave_current"), "end.leave_current")),
        regularisations=statements, notice_waived=notice_waived,
        precarity_exception=end.get("precarity_exception"),
        cdd_leave_already_paid=end.get("cdd_leave_already_paid", "0.00"),
        month_end=parse_choice(MonthEnd, end.get("month_end", MonthEnd.LAST_DAY_OF_MONTH), "end.month_end"),
        rupture_base=parse_choice(RuptureBase, end.get("rupture_base", RuptureBase.ALL_GROSS_SALARIES),
                                  "end.rupture_base"),
    )


def leave_of(contract: Contract, table: Mapping[str, Any]) -> tuple[LeaveAcquisition | None, LeaveIndemnity | None]:
    """The ``[paid_leave]`` table: the days acquired from the hiring date ``until`` a day
    (or ``acquired_days`` as given), and their indemnity when ``reference_gross`` is given."""
    unknown = set(table) - {"acquired_days", "until", "reference_gross"}
    if unknown:
        raise InvalidInput(f"paid_leave.{sorted(unknown)[0]}", "clés attendues : acquired_days ou until, "
                                                               "reference_gross.")
    if ("until" in table) == ("acquired_days" in table):
        raise InvalidInput("paid_leave.until", "indiquez soit until (une date), soit acquired_days.")
    acquisition = None
    if "until" in table:
        if contract.start is None:
            raise InvalidInput("start", "la date d'embauche est nécessaire pour compter les congés acquis.")
        acquisition = acquired_leave_between(contract.start, required_date(table, "until"))
    days = acquisition.acquired_days if acquisition else table["acquired_days"]
    indemnity = None
    if "reference_gross" in table:
        indemnity = leave_indemnity(contract, acquired_days=days,
                                    reference_gross=parse_money(table["reference_gross"], "reference_gross"))
    return acquisition, indemnity
