"""amcalc — exact, explained payroll figures for French assistants maternels (IDCC 3239).

>>> from amcalc import Contract, mensualise
>>> contract = Contract.from_weekly_hours(
...     hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
>>> mensualise(contract).monthly_salary
Decimal('693.33')
"""

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
from amcalc.termination import (
    EndReason,
    end_consequences,
    final_regularisation,
    fixed_term_end,
    notice,
    notice_compensation,
    regularisation,
    rupture_indemnity,
    seniority,
    settlement,
)
from amcalc.trial_period import TrialPeriod, trial_period

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
