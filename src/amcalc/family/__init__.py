"""Ce que la famille paie — the CMG, the tax credit, the family's month and year.

Built on the contract core: the month amcalc computes for a contract gives
the figures the CMG is computed from (:meth:`ChildcareCost.of_month`).
"""

from amcalc.family.childcare_cost import ChildcareCost
from amcalc.family.cmg import cmg
from amcalc.family.cmg_rule import REFORM_DAY, Cmg, CmgRule
from amcalc.family.family_month import Care, ChildMonth, FamilyMonth, family_month
from amcalc.family.family_year import FamilyYear, MaintenanceInCredit, family_year
from amcalc.family.household import Child, Household
from amcalc.family.reform_comparison import ReformComparison, reform_comparison
from amcalc.family.tax_credit import AgeOnFirstJanuary, ChildcareTaxCredit, childcare_tax_credit

__all__ = [
    "REFORM_DAY", "AgeOnFirstJanuary", "Care", "Child", "ChildMonth", "ChildcareCost", "ChildcareTaxCredit",
    "Cmg", "CmgRule", "FamilyMonth", "FamilyYear", "Household", "MaintenanceInCredit", "ReformComparison",
    "childcare_tax_credit",
    "cmg", "family_month", "family_year", "reform_comparison",
]
