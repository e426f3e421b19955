"""amcalc — exact, explained payroll figures for French assistants maternels (IDCC 3239).

>>> from amcalc import Contract, mensualise
>>> contract = Contract.from_weekly_hours(
...     hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
>>> mensualise(contract).monthly_salary
Decimal('693.33')
"""

from amcalc import parameters
from amcalc.calendar import Territory, jours_ouvrables, public_holidays
from amcalc.contract import Accueil, Contract, ContractKind, Rhythm, WeeklySchedule
from amcalc.errors import (
    AmcalcError,
    BelowMinimumRate,
    InvalidInput,
    LegalLimitExceeded,
    ParameterUnavailable,
    UnsupportedCase,
)
from amcalc.maintenance import MaintenanceMinimum, maintenance_minimum
from amcalc.mensualisation import Mensualisation, mensualise
from amcalc.minimum_rate import MinimumRate, minimum_rate
from amcalc.paid_leave import (
    LeaveAcquisition,
    LeaveIndemnity,
    LeaveLedger,
    acquired_leave,
    leave_indemnity,
    leave_ledger,
)
from amcalc.trial_period import TrialPeriod, trial_period

__version__ = "0.1.0"

__all__ = [
    "Accueil",
    "AmcalcError",
    "BelowMinimumRate",
    "Contract",
    "ContractKind",
    "InvalidInput",
    "LeaveAcquisition",
    "LeaveIndemnity",
    "LeaveLedger",
    "LegalLimitExceeded",
    "MaintenanceMinimum",
    "Mensualisation",
    "MinimumRate",
    "ParameterUnavailable",
    "Rhythm",
    "Territory",
    "TrialPeriod",
    "UnsupportedCase",
    "WeeklySchedule",
    "acquired_leave",
    "jours_ouvrables",
    "leave_indemnity",
    "leave_ledger",
    "maintenance_minimum",
    "mensualise",
    "minimum_rate",
    "parameters",
    "public_holidays",
    "trial_period",
]
