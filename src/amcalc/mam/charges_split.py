"""La répartition des charges — each AM's share of the MAM's month, by the rule of its
règlement de fonctionnement.

The rule is the AMs' choice (:class:`SplitRule`): equal shares, or in
proportion to their agrément places, their children under contract or their
hours of care in the month. Money is exact: each share is first the exact
fraction of the charges rounded **down** to the cent; the cents still missing
go one by one to the shares with the **largest remainders** (equal remainders:
in the order the AMs are listed). The shares add up to the charges exactly and
none is more than a cent away from its exact value.

>>> from amcalc.mam.budget import Budget
>>> from amcalc.mam.member import MamMember
>>> budget = Budget.of({"rent": "1000.00"})
>>> members = [MamMember.of(name=n, places=p) for n, p in (("Anne", 4), ("Béa", 4), ("Chloé", 3))]
>>> [s.share for s in split_charges(budget, members).shares]
[Decimal('333.34'), Decimal('333.33'), Decimal('333.33')]

By places, 4 + 4 + 3 = 11: 100 000 cents × 4 ÷ 11 = 36 363,64 (twice) and × 3 ÷ 11 =
27 272,73; rounded down they miss 2 cents, which go to Chloé (remainder 0,73) and
Anne (0,64, listed before Béa):

>>> [s.share for s in split_charges(budget, members, rule=SplitRule.AGREMENT_PLACES).shares]
[Decimal('363.64'), Decimal('363.63'), Decimal('272.73')]
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, number
from amcalc.mam.budget import Budget
from amcalc.mam.member import MamMember
from amcalc.money import to_euros

__all__ = ["MOST_MEMBERS", "ChargesSplit", "Share", "SplitRule", "largest_remainders", "split_charges"]

MOST_MEMBERS = 6
"""A MAM gathers 1 to 6 AMs since 21 May 2021 (CASF L424-1)."""
SPLIT_REFERENCE = "Règlement de fonctionnement de la MAM ; CASF art. L424-1"


class SplitRule(StrEnum):
    """How the règlement de fonctionnement shares the charges; ``EQUAL`` by default."""

    EQUAL = "equal"
    """The same share for each AM."""
    AGREMENT_PLACES = "agrement_places"
    """In proportion to the places of each AM's agrément."""
    CHILDREN_UNDER_CONTRACT = "children_under_contract"
    """In proportion to the children under contract with each AM in the month."""
    HOURS_OF_CARE = "hours_of_care"
    """In proportion to each AM's hours of care actually worked in the month."""

    def weight(self, member: MamMember) -> Fraction:
        if self is SplitRule.EQUAL:
            return Fraction(1)
        if self is SplitRule.AGREMENT_PLACES:
            return Fraction(member.places)
        if self is SplitRule.CHILDREN_UNDER_CONTRACT:
            return Fraction(member.children)
        return member.hours

    def shown(self, weight: Fraction) -> str:
        """A weight in French: ``4 places``, ``2 enfants``, ``162,00 h``."""
        if self is SplitRule.HOURS_OF_CARE:
            return f"{number(weight)} h"
        unit = {"equal": "part", "agrement_places": "place", "children_under_contract": "enfant"}[self.value]
        return f"{weight} {unit}{'s' if weight > 1 else ''}"

    @property
    def label(self) -> str:
        return {"equal": "à parts égales", "agrement_places": "au prorata des places d'agrément",
                "children_under_contract": "au prorata des enfants sous contrat",
                "hours_of_care": "au prorata des heures d'accueil du mois"}[self.value]


def largest_remainders(total_cents: int, weights: Sequence[Fraction]) -> list[int]:
    """``total_cents`` shared in proportion to ``weights`` (non-negative, not all zero):
    each exact share rounded down, then one more cent to the largest remainders, the
    first listed first on a tie. The result adds up to ``total_cents``.

    >>> largest_remainders(100, [Fraction(1)] * 3)
    [34, 33, 33]
    >>> largest_remainders(100, [Fraction(1), Fraction(2)])
    [33, 67]
    """
    whole = sum(weights, Fraction(0))
    exact = [total_cents * w / whole for w in weights]
    cents = [e.numerator // e.denominator for e in exact]
    missing = total_cents - sum(cents)
    by_remainder = sorted(range(len(weights)), key=lambda i: (cents[i] - exact[i], i))
    for i in by_remainder[:missing]:
        cents[i] += 1
    return cents


@attrs.frozen(kw_only=True)
class Share:
    """One AM's share: her weight under the rule, the exact fraction of the charges, the cents."""

    name: str
    weight: Fraction
    exact: Fraction
    share: Decimal


@attrs.frozen(kw_only=True)
class ChargesSplit(Explained):
    """The month's charges shared between the AMs; the shares add up to ``total``."""

    rule: SplitRule
    total: Decimal
    shares: tuple[Share, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def share_of(self, name: str) -> Decimal:
        """The share of the AM called ``name``."""
        for share in self.shares:
            if share.name == name:
                return share.share
        raise InvalidInput("name", f"aucune assistante ne s'appelle {name!r} dans cette MAM.")


def check_members(members: Sequence[MamMember]) -> None:
    """1 to 6 :class:`MamMember`, each name once."""
    if not 1 <= len(members) <= MOST_MEMBERS:
        raise InvalidInput("members", f"une MAM réunit de 1 à {MOST_MEMBERS} assistantes ({len(members)} données).")
    seen: set[str] = set()
    for index, member in enumerate(members):
        if not isinstance(member, MamMember):
            raise InvalidInput(f"members[{index}]", f"une assistante (MamMember) est attendue, pas {member!r}.")
        if member.name in seen:
            raise InvalidInput(f"members[{index}].name", f"deux assistantes s'appellent {member.name!r} : "
                                                          "distinguez-les (initiale du nom).")
        seen.add(member.name)


def split_charges(budget: Budget, members: Sequence[MamMember], *, rule: SplitRule = SplitRule.EQUAL) -> ChargesSplit:
    """Share ``budget.total`` between ``members`` by ``rule`` (see the module)."""
    members = list(members)
    check_members(members)
    if not isinstance(rule, SplitRule):
        raise InvalidInput("rule", f"règle de répartition inconnue : {rule!r} ; règles : "
                                   f"{', '.join(r.value for r in SplitRule)}.")
    weights = [rule.weight(member) for member in members]
    whole = sum(weights, Fraction(0))
    if whole == 0:
        raise InvalidInput("rule", f"répartition {rule.label} impossible : le total est nul pour toutes "
                                   "les assistantes ce mois-ci ; choisissez une autre règle.")
    cents = largest_remainders(int(budget.total * 100), weights)
    shares = tuple(Share(name=m.name, weight=w, exact=Fraction(budget.total) * w / whole, share=to_euros(c))
                   for m, w, c in zip(members, weights, cents, strict=True))
    return ChargesSplit(rule=rule, total=budget.total, shares=shares,
                        explanation=_explanation(rule, budget.total, shares, whole))


def _explanation(rule: SplitRule, total: Decimal, shares: tuple[Share, ...], whole: Fraction) -> Explanation:
    steps = [Step(f"Part de {s.name}", f"{euros(total)} × {rule.shown(s.weight)} ÷ {rule.shown(whole)} "
                  f"= {number(s.exact, 4)} €", euros(s.share)) for s in shares]
    steps.append(Step("Total des parts", " + ".join(euros(s.share) for s in shares), euros(total)))
    notes = ("Chaque part exacte est arrondie au centime inférieur ; les centimes qui manquent pour "
             "atteindre le total vont un à un aux plus grands restes (à égalité, dans l'ordre des "
             "assistantes) : les parts font exactement le total des charges.",)
    return Explanation(title=f"Répartition des charges {rule.label}", reference=SPLIT_REFERENCE,
                       steps=tuple(steps), notes=notes)
