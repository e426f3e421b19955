"""La maison d'assistants maternels (MAM) — the house, its planning and its delegations
(CASF L424-1 to L424-7, L421-4), and a house that pays its way.

- :mod:`amcalc.mam.house`: the house as a value, its AMs, children and limits;
- :mod:`amcalc.mam.planning`: a week of the house checked against the law;
- :mod:`amcalc.mam.delegation`: delegations proposed when an AM is absent;
- the budget (:class:`Budget`), its split between the AMs by the rule of their
  règlement de fonctionnement (:func:`split_charges`), each AM's month and
  break-even (:func:`mam_month`) from the months amcalc computes for her
  contracts, and the start-up plan: the CAF's aids and the PALA loans with
  their instalments (:func:`startup_plan`, :func:`pala_loan`).
"""

from amcalc.mam.break_even import BreakEven, BreakEvenCover, break_even
from amcalc.mam.budget import Budget, Charge, ChargeCategory
from amcalc.mam.charges_split import ChargesSplit, Share, SplitRule, largest_remainders, split_charges
from amcalc.mam.delegation import Absence, DelegationProposal, ProposedDelegation, Uncovered, propose_delegations
from amcalc.mam.house import (
    MAX_AMS,
    MAX_AMS_AT_WORK,
    MAX_CHILDREN,
    Delegate,
    LegalLimit,
    Mam,
    MamChild,
    Member,
    Premises,
)
from amcalc.mam.mam_month import MamMonth, MemberMonth, mam_month
from amcalc.mam.member import MamMember
from amcalc.mam.pala import PalaLoan, pala_loan
from amcalc.mam.planning import CareInterval, PlanningCheck, PlanningRule, PlanningViolation, check_planning
from amcalc.mam.startup import StartupPlan, startup_plan

__all__ = [
    "MAX_AMS", "MAX_AMS_AT_WORK", "MAX_CHILDREN", "Absence", "BreakEven", "BreakEvenCover", "Budget", "CareInterval",
    "Charge", "ChargeCategory", "ChargesSplit", "Delegate", "DelegationProposal", "LegalLimit", "Mam", "MamChild",
    "MamMember", "MamMonth", "Member", "MemberMonth", "PalaLoan", "PlanningCheck", "PlanningRule",
    "PlanningViolation", "Premises", "ProposedDelegation", "Share", "SplitRule", "StartupPlan", "Uncovered",
    "break_even", "check_planning", "largest_remainders", "mam_month", "pala_loan", "propose_delegations",
    "split_charges", "startup_plan",
]
