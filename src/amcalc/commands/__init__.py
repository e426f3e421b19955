"""Les commandes d'``amcalc`` — one small module per subcommand.

A command module defines ``NAME`` (the English command name), ``HELP`` (one
French line), ``add_arguments(parser)`` and ``run(args) -> int`` (the exit
code). :mod:`amcalc.cli` registers every module of :data:`COMMANDS`, in
order; to add a command, write its module and add it to the tuple.

Exit codes: 0 done; 1 a figure could not be computed (no legal value at that
date, a case amcalc does not handle) or, for ``check``, a case failed; 2 bad
input (a file missing or unreadable, a key or value refused, a wrong option).
"""

from __future__ import annotations

from types import ModuleType

from amcalc.commands import (
    bench,
    check,
    demo,
    family_cost,
    mam_planning,
    mensualisation,
    month,
    paid_leave,
    parameters,
    payroll,
    settlement,
)

__all__ = ["COMMANDS"]

COMMANDS: tuple[ModuleType, ...] = (
    mensualisation, month, settlement, paid_leave, family_cost, mam_planning, parameters, demo, check, payroll,
    bench,
)
