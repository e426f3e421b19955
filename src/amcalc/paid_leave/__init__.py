"""Congés payés — acquisition, indemnity, payment timing and the leave ledger of
an assistant maternel's contract (CCN 3239 art. 48.1, 102; Code du travail
L3141-3 to L3141-28).

>>> from datetime import date
>>> from decimal import Decimal
>>> from amcalc.contract import Contract
>>> acquired_leave(weeks_worked="36").acquired_days
23
>>> c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=36, weekly_hours="40", days_per_week=4)
>>> leave_indemnity(c, acquired_days=23, reference_gross=Decimal("5760.00")).indemnity
Decimal('613.33')
"""

from amcalc.paid_leave.acquisition import (
    LAW_2024_364,
    LeaveAcquisition,
    LeaveMonthFraction,
    acquired_leave,
    acquired_leave_between,
    contract_months,
)
from amcalc.paid_leave.indemnity import (
    LeaveIndemnity,
    OccasionalLeavePay,
    TenthBase,
    leave_indemnity,
    occasional_leave_pay,
    tenth_base,
)
from amcalc.paid_leave.ledger import (
    LeaveLedger,
    MonthRecord,
    PajemploiLeave,
    PeriodLedger,
    leave_ledger,
)
from amcalc.paid_leave.payment import LeavePayment, PaymentKind, PaymentMethod, leave_payments
from amcalc.paid_leave.period import ReferencePeriod, reference_period, reference_periods
from amcalc.paid_leave.taking import (
    ComplementaryLeave,
    Fractionnement,
    LeaveSpan,
    UnpaidMonth,
    complementary_leave,
    fractionnement,
    main_leave_window,
)

__all__ = [
    "LAW_2024_364",
    "ComplementaryLeave",
    "Fractionnement",
    "LeaveAcquisition",
    "LeaveIndemnity",
    "LeaveLedger",
    "LeavePayment",
    "LeaveSpan",
    "MonthRecord",
    "OccasionalLeavePay",
    "PajemploiLeave",
    "LeaveMonthFraction",
    "PaymentKind",
    "PaymentMethod",
    "PeriodLedger",
    "ReferencePeriod",
    "TenthBase",
    "UnpaidMonth",
    "acquired_leave",
    "acquired_leave_between",
    "complementary_leave",
    "contract_months",
    "fractionnement",
    "leave_indemnity",
    "leave_ledger",
    "leave_payments",
    "main_leave_window",
    "occasional_leave_pay",
    "reference_period",
    "reference_periods",
    "tenth_base",
]
