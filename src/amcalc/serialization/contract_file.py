"""The JSON Schema of a contract file (:mod:`amcalc.contract_file`): the ``contract`` table and the
optional ``month``, ``end`` and ``paid_leave`` tables, as an application in any language
writes them for ``amcalc mensualisation|month|settlement|paid-leave FILE.json``."""

from __future__ import annotations

from enum import Enum

from amcalc.absences import AbsenceCause
from amcalc.child_illness import LongAbsenceRule
from amcalc.contract import Contract
from amcalc.month import PartialMonth
from amcalc.periods import MonthEnd
from amcalc.serialization import VERSION
from amcalc.serialization.codec import DATE_PATTERN, DECIMAL_PATTERN, Json
from amcalc.termination import EndReason
from amcalc.termination.fixed_term import PrecarityException
from amcalc.termination.rupture_indemnity import RuptureBase

__all__ = ["NAME", "contract_file_schema"]

NAME = "ContractFile"

_DATE: Json = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
_MONEY: Json = {"type": "string", "pattern": DECIMAL_PATTERN}
_HOURS: Json = {"type": "string"}
_INTEGER: Json = {"type": "integer"}


def _choice(kind: type[Enum]) -> Json:
    return {"type": "string", "enum": [m.value for m in kind]}


def _table(required: list[str], **properties: Json) -> Json:
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def _list(item: Json) -> Json:
    return {"type": "array", "items": item}


def contract_file_schema() -> dict[str, Json]:
    """The schema of a contract file (JSON, dates ``"AAAA-MM-JJ"``)."""
    contract = Contract._own_schema()
    month = _table(
        ["month"], month={"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}$"},
        absences=_list(_table(["date", "cause"], date=_DATE, cause=_choice(AbsenceCause), hours=_HOURS)),
        worked_hours=_list(_table(["week", "hours"], week=_DATE, hours=_HOURS)),
        worked_days=_list(_table(["date", "hours"], date=_DATE, hours=_HOURS)),
        non_care_weeks=_list(_DATE), worked_holidays=_list(_DATE),
        rhythm_weeks=_list(_table(["week", "rhythm"], week=_DATE, rhythm=_INTEGER)),
        meals=_INTEGER, meal_price=_MONEY, kilometres=_MONEY, mileage_rate=_MONEY,
        partial_month=_choice(PartialMonth), illness_rule=_choice(LongAbsenceRule),
    )
    leave = _table(["days", "reference_gross"], days=_INTEGER, reference_gross=_MONEY, already_paid=_MONEY)
    end = _table(
        ["reason", "sent", "total_gross"], reason=_choice(EndReason), sent=_DATE, notified=_DATE,
        total_gross=_MONEY, leave_completed=leave, leave_current=leave,
        regularisation=_table(["hours_paid", "hours_due"], hours_paid=_HOURS, hours_due=_HOURS),
        notice_waived={"type": "boolean"}, precarity_exception=_choice(PrecarityException),
        cdd_leave_already_paid=_MONEY, month_end=_choice(MonthEnd), rupture_base=_choice(RuptureBase),
    )
    paid_leave = _table([], until=_DATE, acquired_days=_INTEGER, reference_gross=_MONEY)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://amcalc.invalid/schemas/v{VERSION}/{NAME}.schema.json",
        "title": NAME,
        "description": "A contract file: the contract (scenario-format keys) and, optionally, a month, the "
                       "end of the contract and paid leave.",
        **_table(["contract"], contract={"$ref": "#/$defs/Contract"}, month=month, end=end, paid_leave=paid_leave),
        "$defs": {"Contract": contract},
    }
