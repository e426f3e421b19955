"""Fin de contrat — end of an AM contract (CCN 3239 art. 60, 63-69, 93, 119-124; Code du travail
L1243-8, L1243-10, L3141-24).

Each function returns a frozen, explained result with dates and ``Decimal``
amounts, ready for a final settlement (solde de tout compte) to assemble:
:func:`end_consequences` (what each reason owes), :func:`seniority`,
:func:`notice` and its pay (:func:`notice_compensation`,
:func:`unperformed_notice`), :func:`rupture_indemnity`, the annual and final
:func:`regularisation`, :func:`fixed_term_end` and the engagement réciproque
(:func:`engagement_withdrawal`), the leave compensation (:func:`leave_compensation`)
and the whole solde de tout compte (:func:`settlement`).
"""

from amcalc.termination.end_reason import (
    CONSEQUENCES,
    EndConsequences,
    EndReason,
    NoticeRule,
    end_consequences,
)
from amcalc.termination.engagement import (
    EngagementCause,
    EngagementIndemnity,
    Party,
    engagement_withdrawal,
)
from amcalc.termination.fixed_term import (
    FixedTermEnd,
    PrecarityException,
    fixed_term_end,
)
from amcalc.termination.leave_compensation import (
    LeaveCompensation,
    LeaveCompensationLine,
    LeaveOwed,
    leave_compensation,
)
from amcalc.termination.notice import (
    MonthEnd,
    Notice,
    NoticeDuration,
    NoticePay,
    Suspension,
    SuspensionCause,
    notice,
    notice_compensation,
    notice_duration,
    unperformed_notice,
)
from amcalc.termination.regularisation import (
    FinalRegularisation,
    Regularisation,
    final_regularisation,
    regularisation,
)
from amcalc.termination.rupture_indemnity import (
    NineMonthsOn,
    RuptureBase,
    RuptureIndemnity,
    rupture_indemnity,
)
from amcalc.termination.seniority import Period, PeriodKind, Seniority, seniority
from amcalc.termination.settlement import (
    LeaveOwedAtEnd,
    Settlement,
    SettlementLine,
    settlement,
)

__all__ = [
    "CONSEQUENCES",
    "EndConsequences",
    "EndReason",
    "EngagementCause",
    "EngagementIndemnity",
    "FinalRegularisation",
    "FixedTermEnd",
    "LeaveCompensation",
    "LeaveCompensationLine",
    "LeaveOwed",
    "LeaveOwedAtEnd",
    "MonthEnd",
    "NineMonthsOn",
    "Notice",
    "NoticeDuration",
    "NoticePay",
    "NoticeRule",
    "Party",
    "Period",
    "PeriodKind",
    "PrecarityException",
    "Regularisation",
    "RuptureBase",
    "RuptureIndemnity",
    "Seniority",
    "Settlement",
    "SettlementLine",
    "Suspension",
    "SuspensionCause",
    "end_consequences",
    "engagement_withdrawal",
    "final_regularisation",
    "fixed_term_end",
    "leave_compensation",
    "notice",
    "notice_compensation",
    "notice_duration",
    "regularisation",
    "rupture_indemnity",
    "seniority",
    "settlement",
    "unperformed_notice",
]
