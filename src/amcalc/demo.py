"""La démonstration — a contract file explained end to end, in French.

A demo file holds a ``[contract]`` table (scenario-format keys) and, optionally,
a ``[month]`` table (``month``, ``absences``, ``worked_hours``,
``non_care_weeks``) and an ``[end]`` table (``reason``, ``sent``, ``notified``,
``total_gross``, ``leave_completed`` / ``leave_current`` as ``{ days,
reference_gross, already_paid }``, ``regularisation`` as ``{ hours_paid,
hours_due }``, ``notice_waived``). :func:`explain_file` prints the
mensualisation, then the month, then the solde de tout compte.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from amcalc.contract import Contract
from amcalc.errors import InvalidInput
from amcalc.mensualisation import mensualise
from amcalc.money import parse_money
from amcalc.scenarios.calculations import month_from_inputs
from amcalc.termination import LeaveOwed, LeaveOwedAtEnd, regularisation, settlement

__all__ = ["explain_file"]

_END_KEYS = {"reason", "sent", "notified", "total_gross", "leave_completed", "leave_current",
             "regularisation", "notice_waived"}


def _leave(raw: object, field: str) -> LeaveOwed | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or set(raw) - {"days", "reference_gross", "already_paid"}:
        raise InvalidInput(field, "attendu : { days, reference_gross, already_paid }.")
    return LeaveOwed(days=raw.get("days"),  # type: ignore[arg-type]
                     reference_gross=parse_money(raw.get("reference_gross"), f"{field}.reference_gross"),
                     already_paid=parse_money(raw.get("already_paid", "0.00"), f"{field}.already_paid"))


def _end(contract: Contract, end: Mapping[str, Any]) -> str:
    unknown = set(end) - _END_KEYS
    if unknown:
        raise InvalidInput(f"end.{sorted(unknown)[0]}", "clé inconnue pour la fin du contrat.")
    statements = []
    if "regularisation" in end:
        reg = end["regularisation"]
        statements.append(regularisation(hourly_rate=contract.hourly_rate, hours_paid=reg.get("hours_paid"),
                                         hours_due=reg.get("hours_due")))
    s = settlement(
        contract, reason=end.get("reason"), sent=end.get("sent"),  # type: ignore[arg-type]
        notified=end.get("notified"), total_gross=end.get("total_gross"),
        leave=LeaveOwedAtEnd(completed=_leave(end.get("leave_completed"), "end.leave_completed"),
                             current=_leave(end.get("leave_current"), "end.leave_current")),
        regularisations=statements, notice_waived=bool(end.get("notice_waived", False)),
    )
    return s.explain()


def explain_file(path: str | Path) -> str:
    """The French explanation of a demo file: mensualisation, month, settlement."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle, parse_float=Decimal)
    contract_keys = data.get("contract", {})
    contract = Contract.from_mapping(contract_keys)
    parts = [f"Contrat : {Path(path).name}", mensualise(contract).explain()]
    if "month" in data:
        parts.append(month_from_inputs({**contract_keys, **data["month"]}).explain())
    if "end" in data:
        parts.append(_end(contract, data["end"]))
    return "\n\n".join(parts)
