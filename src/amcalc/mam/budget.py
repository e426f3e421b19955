"""Le budget de la MAM — the house's charges of a month, by category.

The charges are those of the budget annex of the departmental guides to
creating a MAM: the **premises** (rent, energy, insurance, upkeep, taxes),
the **running costs** (food, hygiene and childcare supplies, educational
material, outings, civil-liability and car insurance) and the
**administration** (office, phone, post, documentation, travel). Each is a
monthly amount (a yearly charge enters as the twelfth the MAM sets aside).

>>> budget = Budget.of({"rent": "900.00", "energy": "150.00", "food": "400.00", "phone": "40.00"})
>>> budget.total, budget.category_total(ChargeCategory.PREMISES)
(Decimal('1490.00'), Decimal('1050.00'))
>>> Budget.of({"rnet": "900"})
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: charges.rnet : poste inconnu ; postes possibles : rent, energy, insurance, upkeep, taxes, food, supplies, educational_material, outings, liability_insurance, office, phone, post, documentation, travel.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros
from amcalc.money import parse_money

__all__ = ["Budget", "Charge", "ChargeCategory"]

ZERO = Decimal("0.00")
BUDGET_REFERENCE = "Budget prévisionnel de la MAM (guides départementaux de création, annexe budgétaire)"


class ChargeCategory(StrEnum):
    """The three parts of the budget."""

    PREMISES = "premises"
    RUNNING = "running"
    ADMINISTRATION = "administration"

    @property
    def label(self) -> str:
        return {"premises": "Locaux", "running": "Fonctionnement", "administration": "Administration"}[self.value]


class Charge(StrEnum):
    """A line of the budget, with its category and its French label."""

    RENT = "rent"
    ENERGY = "energy"
    INSURANCE = "insurance"
    UPKEEP = "upkeep"
    TAXES = "taxes"
    FOOD = "food"
    SUPPLIES = "supplies"
    EDUCATIONAL_MATERIAL = "educational_material"
    OUTINGS = "outings"
    LIABILITY_INSURANCE = "liability_insurance"
    OFFICE = "office"
    PHONE = "phone"
    POST = "post"
    DOCUMENTATION = "documentation"
    TRAVEL = "travel"

    @property
    def category(self) -> ChargeCategory:
        return _CATEGORY[self]

    @property
    def label(self) -> str:
        return _LABEL[self]


_CATEGORY = {
    **dict.fromkeys((Charge.RENT, Charge.ENERGY, Charge.INSURANCE, Charge.UPKEEP, Charge.TAXES),
                    ChargeCategory.PREMISES),
    **dict.fromkeys((Charge.FOOD, Charge.SUPPLIES, Charge.EDUCATIONAL_MATERIAL, Charge.OUTINGS,
                     Charge.LIABILITY_INSURANCE), ChargeCategory.RUNNING),
    **dict.fromkeys((Charge.OFFICE, Charge.PHONE, Charge.POST, Charge.DOCUMENTATION, Charge.TRAVEL),
                    ChargeCategory.ADMINISTRATION),
}

_LABEL = {
    Charge.RENT: "loyer", Charge.ENERGY: "énergie", Charge.INSURANCE: "assurance des locaux",
    Charge.UPKEEP: "entretien des locaux", Charge.TAXES: "impôts et taxes", Charge.FOOD: "alimentation",
    Charge.SUPPLIES: "hygiène et puériculture", Charge.EDUCATIONAL_MATERIAL: "matériel pédagogique",
    Charge.OUTINGS: "sorties", Charge.LIABILITY_INSURANCE: "assurances responsabilité civile et véhicule",
    Charge.OFFICE: "fournitures de bureau", Charge.PHONE: "téléphone", Charge.POST: "affranchissement",
    Charge.DOCUMENTATION: "documentation", Charge.TRAVEL: "déplacements",
}


def _charge(key: object) -> Charge:
    try:
        return Charge(str(key))
    except ValueError:
        known = ", ".join(c.value for c in Charge)
        raise InvalidInput(f"charges.{key}", f"poste inconnu ; postes possibles : {known}.") from None


@attrs.frozen
class Budget(Explained):
    """The MAM's monthly charges, one amount per line (lines in the order of :class:`Charge`)."""

    charges: tuple[tuple[Charge, Decimal], ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @classmethod
    def of(cls, charges: Mapping[str, object]) -> Budget:
        """From ``{"rent": "900.00", …}``: money as decimal text, at least one line."""
        if not isinstance(charges, Mapping) or not charges:
            raise InvalidInput("charges", "au moins un poste de charges est attendu ({\"rent\": \"900.00\", …}).")
        given = {_charge(key): parse_money(value, f"charges.{key}") for key, value in charges.items()}
        lines = tuple((charge, given[charge]) for charge in Charge if charge in given)
        return cls(lines, _explanation(lines))

    @property
    def total(self) -> Decimal:
        """The month's charges."""
        return sum((amount for _, amount in self.charges), ZERO)

    def category_total(self, category: ChargeCategory) -> Decimal:
        return sum((amount for charge, amount in self.charges if charge.category is category), ZERO)


def _explanation(lines: tuple[tuple[Charge, Decimal], ...]) -> Explanation:
    steps = []
    for category in ChargeCategory:
        mine = [(charge, amount) for charge, amount in lines if charge.category is category]
        if mine:
            formula = " + ".join(f"{charge.label} {euros(amount)}" for charge, amount in mine)
            steps.append(Step(category.label, formula, euros(sum((a for _, a in mine), ZERO))))
    total = sum((amount for _, amount in lines), ZERO)
    steps.append(Step("Charges du mois", " + ".join(s.result for s in steps), euros(total)))
    return Explanation(title="Budget mensuel de la MAM", reference=BUDGET_REFERENCE, steps=tuple(steps))
