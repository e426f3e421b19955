"""amcalc — exact, explained payroll figures for French assistants maternels (IDCC 3239).

>>> from amcalc import Contract, mensualise
>>> contract = Contract.from_weekly_hours(
...     hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
>>> mensualise(contract).monthly_salary
Decimal('693.33')
"""

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amcalc import parameters, termination
    from amcalc.absences import AbsenceCause, AbsenceDeduction, absence_deduction
    from amcalc.calendar import Territory, jours_ouvrables, public_holidays
    from amcalc.child_illness import (
        ChildIllness,
        ChildIllnessLedger,
        IllnessAbsence,
        LongAbsenceRule,
        child_illness,
    )
    from amcalc.contract import Accueil, Contract, ContractKind, Rhythm, WeeklySchedule
    from amcalc.errors import (
        AmcalcError,
        BelowMinimumRate,
        InvalidInput,
        LegalLimitExceeded,
        ParameterUnavailable,
        UnreadableFile,
        UnsupportedCase,
    )
    from amcalc.extra_hours import ExtraHours, extra_hours
    from amcalc.maintenance import MaintenanceMinimum, maintenance_minimum
    from amcalc.mensualisation import Mensualisation, mensualise
    from amcalc.minimum_rate import MinimumRate, minimum_rate
    from amcalc.month import (
        Absence,
        MonthLedger,
        MonthPay,
        PajemploiFigures,
        PartialMonth,
        month_pay,
    )
    from amcalc.months import months
    from amcalc.net_salary import (
        ContributionRounding,
        NetSalary,
        gross_from_net,
        net_salary,
    )
    from amcalc.paid_leave import (
        LeaveAcquisition,
        LeaveIndemnity,
        LeaveLedger,
        acquired_leave,
        leave_indemnity,
        leave_ledger,
    )
    from amcalc.termination.end_reason import EndReason, end_consequences
    from amcalc.termination.fixed_term import fixed_term_end
    from amcalc.termination.notice import notice, notice_compensation
    from amcalc.termination.regularisation import final_regularisation, regularisation
    from amcalc.termination.rupture_indemnity import rupture_indemnity
    from amcalc.termination.seniority import seniority
    from amcalc.termination.settlement import settlement
    from amcalc.trial_period import TrialPeriod, trial_period

_SUBMODULES = ("parameters", "termination")

_FROM = {
    "amcalc.absences": ("AbsenceCause", "AbsenceDeduction", "absence_deduction"),
    "amcalc.calendar": ("Territory", "jours_ouvrables", "public_holidays"),
    "amcalc.child_illness": (
        "ChildIllness", "ChildIllnessLedger", "IllnessAbsence", "LongAbsenceRule", "child_illness"
    ),
    "amcalc.contract": ("Accueil", "Contract", "ContractKind", "Rhythm", "WeeklySchedule"),
    "amcalc.errors": (
        "AmcalcError", "BelowMinimumRate", "InvalidInput", "LegalLimitExceeded", "ParameterUnavailable",
        "UnreadableFile", "UnsupportedCase"
    ),
    "amcalc.extra_hours": ("ExtraHours", "extra_hours"),
    "amcalc.maintenance": ("MaintenanceMinimum", "maintenance_minimum"),
    "amcalc.mensualisation": ("Mensualisation", "mensualise"),
    "amcalc.minimum_rate": ("MinimumRate", "minimum_rate"),
    "amcalc.month": ("Absence", "MonthLedger", "MonthPay", "PajemploiFigures", "PartialMonth", "month_pay"),
    "amcalc.months": ("months",),
    "amcalc.net_salary": ("ContributionRounding", "NetSalary", "gross_from_net", "net_salary"),
    "amcalc.paid_leave": (
        "LeaveAcquisition", "LeaveIndemnity", "LeaveLedger", "acquired_leave", "leave_indemnity",
        "leave_ledger"
    ),
    "amcalc.termination.end_reason": ("EndReason", "end_consequences"),
    "amcalc.termination.fixed_term": ("fixed_term_end",),
    "amcalc.termination.notice": ("notice", "notice_compensation"),
    "amcalc.termination.regularisation": ("final_regularisation", "regularisation"),
    "amcalc.termination.rupture_indemnity": ("rupture_indemnity",),
    "amcalc.termination.seniority": ("seniority",),
    "amcalc.termination.settlement": ("settlement",),
    "amcalc.trial_period": ("TrialPeriod", "trial_period"),
}
"""Where each public name lives: imported on first use (PEP 562), so that ``import amcalc``
costs only this file and a month loads neither the end of contract nor the scenarios."""

_ORIGIN = {name: module for module, names in _FROM.items() for name in names}

__version__ = "0.1.0"

__all__ = [
    "Absence",
    "AbsenceCause",
    "AbsenceDeduction",
    "Accueil",
    "AmcalcError",
    "BelowMinimumRate",
    "ChildIllness",
    "ChildIllnessLedger",
    "Contract",
    "ContractKind",
    "ContributionRounding",
    "EndReason",
    "ExtraHours",
    "IllnessAbsence",
    "InvalidInput",
    "LeaveAcquisition",
    "LeaveIndemnity",
    "LeaveLedger",
    "LegalLimitExceeded",
    "LongAbsenceRule",
    "MaintenanceMinimum",
    "Mensualisation",
    "MinimumRate",
    "MonthLedger",
    "MonthPay",
    "NetSalary",
    "PajemploiFigures",
    "ParameterUnavailable",
    "PartialMonth",
    "Rhythm",
    "Territory",
    "TrialPeriod",
    "UnreadableFile",
    "UnsupportedCase",
    "WeeklySchedule",
    "absence_deduction",
    "acquired_leave",
    "child_illness",
    "end_consequences",
    "extra_hours",
    "final_regularisation",
    "fixed_term_end",
    "gross_from_net",
    "jours_ouvrables",
    "leave_indemnity",
    "leave_ledger",
    "maintenance_minimum",
    "mensualise",
    "minimum_rate",
    "month_pay",
    "months",
    "net_salary",
    "notice",
    "notice_compensation",
    "parameters",
    "public_holidays",
    "regularisation",
    "rupture_indemnity",
    "seniority",
    "settlement",
    "termination",
    "trial_period",
]


def __getattr__(name: str) -> object:
    if name in _SUBMODULES:
        return import_module(f"amcalc.{name}")
    if name not in _ORIGIN:
        raise AttributeError(f"module 'amcalc' has no attribute {name!r}")
    value = getattr(import_module(_ORIGIN[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(ModuleType):
    """``amcalc`` itself: ``child_illness`` and ``months`` name both a submodule and its
    function, and importing the submodule must not replace the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if not (name in _ORIGIN and isinstance(value, ModuleType)):
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
