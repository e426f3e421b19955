"""Le seuil de rentabilité d'une assistante — what she needs to cover her part of the house.

What she must cover in a month is her share of the charges and her PALA
instalment. What covers it is the entretien her employers pay (CCN 3239
art. 114: the indemnity for the costs of care; :class:`BreakEvenCover` adds the
meals where the house buys the food). Her break-even is told three ways:

- the entretien she needs: what she must cover, and what is missing;
- the children she needs at the average entretien per child of her contracts
  this month: ⌈to cover × children ÷ entretien⌉;
- the hours of care she needs at their average entretien per hour:
  ⌈to cover × hours ÷ entretien⌉, whole hours.

Both counts are rounded **up** (one child or hour less would not cover it),
and both are absent when she has no entretien to average.

>>> be = break_even("Anne", (2025, 10), share="500.00", instalment="0.00", covered="300.00", children=3, hours=400)
>>> be.missing, be.children_needed, be.hours_needed
(Decimal('200.00'), 5, 667)
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.explain import Explained, Explanation, Step, euros, number
from amcalc.money import parse_money

__all__ = ["BreakEven", "BreakEvenCover", "break_even"]

ZERO = Decimal("0.00")


class BreakEvenCover(StrEnum):
    """What pays for the AM's part of the house; ``MAINTENANCE`` by default."""

    MAINTENANCE = "maintenance"
    """The entretien only (CCN 3239 art. 114.1): the meals feed the children of her contracts."""
    MAINTENANCE_AND_MEALS = "maintenance_and_meals"
    """The entretien and the meals, where the MAM's budget buys the food (CCN 3239 art. 114.2)."""

    @property
    def label(self) -> str:
        return "l'entretien" if self is BreakEvenCover.MAINTENANCE else "l'entretien et les repas"


@attrs.frozen(kw_only=True)
class BreakEven(Explained):
    """``to_cover`` (share + instalment) against ``covered``; ``missing`` is never negative,
    ``margin`` never either; the counts are ``None`` without entretien to average."""

    to_cover: Decimal
    covered: Decimal
    missing: Decimal
    margin: Decimal
    children_needed: int | None
    hours_needed: int | None
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def reached(self) -> bool:
        return self.missing == 0


def _ceil(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)


def break_even(name: str, month: tuple[int, int], *, share: object, instalment: object, covered: object,
               children: int, hours: Fraction | int, cover: BreakEvenCover = BreakEvenCover.MAINTENANCE) -> BreakEven:
    """The break-even of the AM ``name`` (see the module); money as ``Decimal`` or decimal text."""
    share_, instalment_, covered_ = (parse_money(value, field) for value, field in (
        (share, "share"), (instalment, "instalment"), (covered, "covered")))
    to_cover = share_ + instalment_
    hours_ = Fraction(hours)
    steps = [Step("À couvrir", f"part des charges {euros(share_)}" + (
        f" + mensualité du PALA {euros(instalment_)}" if instalment_ else ""), euros(to_cover)),
             Step(f"Couvert par {cover.label}", "reçu de ses contrats du mois (montant indiqué)",
                  euros(covered_),
                  "CCN 3239 art. 114")]
    missing, margin = max(to_cover - covered_, ZERO), max(covered_ - to_cover, ZERO)
    steps.append(Step("Manque" if missing else "Marge", f"{euros(to_cover)} − {euros(covered_)}" if missing
                      else f"{euros(covered_)} − {euros(to_cover)}", euros(missing or margin)))
    notes = []
    children_needed = hours_needed = None
    if covered_ and children:
        children_needed = _ceil(Fraction(to_cover) * children / Fraction(covered_))
        steps.append(Step("Enfants nécessaires", f"{euros(to_cover)} ÷ ({euros(covered_)} ÷ {children} enfant"
                          f"{'s' if children > 1 else ''} = {euros(Fraction(covered_) / children)} par enfant), "
                          "arrondi à l'entier supérieur", str(children_needed)))
    if covered_ and hours_:
        hours_needed = _ceil(Fraction(to_cover) * hours_ / Fraction(covered_))
        per_hour = Fraction(covered_) / hours_
        steps.append(Step("Heures d'accueil nécessaires", f"{euros(to_cover)} ÷ ({euros(covered_)} ÷ "
                          f"{number(hours_)} h = {number(per_hour, 4)} € par heure), arrondi à l'heure supérieure",
                          f"{number(hours_needed, 0)} h"))
    if children_needed is None:
        notes.append(f"Rien n'étant reçu ce mois-ci pour ces frais ({cover.label}), le nombre d'enfants et "
                     "d'heures nécessaires ne peut pas être estimé.")
    else:
        notes.append("Les enfants et les heures nécessaires supposent que chacun rapporte en moyenne autant "
                     f"({cover.label}) que ses contrats du mois.")
    year, number_ = month
    return BreakEven(to_cover=to_cover, covered=covered_, missing=missing, margin=margin,
                     children_needed=children_needed, hours_needed=hours_needed,
                     explanation=Explanation(title=f"Seuil de rentabilité de {name} en {number_:02d}/{year}",
                                             reference="CCN 3239 art. 114 ; règlement de fonctionnement de la MAM",
                                             steps=tuple(steps), notes=tuple(notes)))
