"""La démonstration — a contract file explained end to end, in French.

The file's tables are those of :mod:`amcalc.contract_file`: ``[contract]``, and
optionally ``[month]`` and ``[end]``. :func:`explain_file` prints the
mensualisation, then the month, then the solde de tout compte.
"""

from __future__ import annotations

from pathlib import Path

from amcalc.contract_file import contract_of, month_of, read_file, settlement_of
from amcalc.mensualisation import mensualise

__all__ = ["explain_file"]


def explain_file(path: str | Path) -> str:
    """The French explanation of a demo file: mensualisation, month, settlement."""
    tables = read_file(path)
    contract = contract_of(tables)
    parts = [f"Fichier : {Path(path).name}", mensualise(contract).explain()]
    if "month" in tables:
        parts.append(month_of(tables).explain())
    if "end" in tables:
        parts.append(settlement_of(contract, tables["end"]).explain())
    return "\n\n".join(parts)
