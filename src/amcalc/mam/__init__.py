"""La maison d'assistants maternels — a house that pays its way.

The MAM's budget (:class:`Budget`), its split between the AMs by the rule of
their règlement de fonctionnement (:func:`split_charges`), each AM's month
and break-even (:func:`mam_month`) from the months amcalc computes for her
contracts, and the start-up plan: the CAF's aids and the PALA loans with their
instalments (:func:`startup_plan`, :func:`pala_loan`).
"""

from amcalc.mam.break_even import BreakEven, BreakEvenCover, break_even
from amcalc.mam.budget import Budget, Charge, ChargeCategory
from amcalc.mam.charges_split import ChargesSplit, Share, SplitRule, largest_remainders, split_charges
from amcalc.mam.mam_month import MamMonth, MemberMonth, mam_month
from amcalc.mam.member import MamMember
from amcalc.mam.pala import PalaLoan, pala_loan
from amcalc.mam.startup import StartupPlan, startup_plan

__all__ = [
    "BreakEven", "BreakEvenCover", "Budget", "Charge", "ChargeCategory", "ChargesSplit", "MamMember", "MamMonth",
    "MemberMonth", "PalaLoan", "Share", "SplitRule", "StartupPlan", "break_even", "largest_remainders", "mam_month", "pala_loan",
    "split_charges", "startup_plan",
]
