"""La maison d'assistants maternels (MAM) — the house, its planning and its delegations
(CASF L424-1 to L424-7, L421-4).

- :mod:`amcalc.mam.house`: the house as a value, its AMs, children and limits;
- :mod:`amcalc.mam.planning`: a week of the house checked against the law;
- :mod:`amcalc.mam.delegation`: delegations proposed when an AM is absent.
"""

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
from amcalc.mam.planning import CareInterval, PlanningCheck, PlanningRule, PlanningViolation, check_planning

__all__ = [
    "MAX_AMS",
    "MAX_AMS_AT_WORK",
    "MAX_CHILDREN",
    "Absence",
    "CareInterval",
    "Delegate",
    "DelegationProposal",
    "LegalLimit",
    "Mam",
    "MamChild",
    "Member",
    "PlanningCheck",
    "PlanningRule",
    "PlanningViolation",
    "Premises",
    "ProposedDelegation",
    "Uncovered",
    "check_planning",
    "propose_delegations",
]
