"""Le foyer — what the CAF and the tax office know of a family employing an AM.

The household's resources are those of the reference year N−2 (CSS R532-1 to
R532-7); its dependent children decide the effort rate of the CMG (CSS
D531-18 3°), and a single parent keeps the CMG until the child is 12 (CSS
D531-18-1). Each child cared for is a :class:`Child`: its birth date decides
the age limits of the CMG (CSS R552-3) and of the tax credit (CGI 200 quater B).

>>> from datetime import date
>>> family = Household.of(resources="36000.00", dependent_children=1)
>>> family.resources, family.single_parent
(Decimal('36000.00'), False)
>>> Child.of(born="2024-03-15").born
datetime.date(2024, 3, 15)
>>> Household.of(resources="36000", dependent_children=0)
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: dependent_children : un nombre entre 1 et 20 est attendu (0).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from amcalc.errors import InvalidInput
from amcalc.inputs import parse_count, parse_date, parse_flag
from amcalc.money import parse_money

__all__ = ["Child", "Household"]

MOST_CHILDREN = 20
"""More dependent children than this is taken for a typing slip."""


@attrs.frozen
class Household:
    """A family as the CMG and the tax credit see it.

    ``resources``: yearly resources of the reference year N−2 (CSS R532-1);
    ``dependent_children``: children in the family's charge (all of them, not
    only those cared for); ``aeeh_children``: how many of them give right to
    the AEEH (CSS D531-18 3°); ``single_parent``: parent isolé (CSS D531-18-1).
    """

    resources: Decimal
    dependent_children: int
    single_parent: bool = False
    aeeh_children: int = 0

    @classmethod
    def of(cls, *, resources: object, dependent_children: object, single_parent: object = False,
           aeeh_children: object = 0) -> Household:
        """Validated at the boundary: money as decimal text, counts as integers, flags as booleans."""
        children = parse_count(dependent_children, "dependent_children", least=1, most=MOST_CHILDREN)
        return cls(
            parse_money(resources, "resources"), children, parse_flag(single_parent, "single_parent"),
            parse_count(aeeh_children, "aeeh_children", least=0, most=children),
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Household:
        """From the scenario-format keys: ``resources``, ``children``, optional ``single_parent``
        and ``aeeh`` (true: one dependent child gives right to the AEEH). Other keys are left
        to the caller (``child_born``, the month's figures…)."""
        children = parse_count(data.get("children"), "children", least=1, most=MOST_CHILDREN)
        return cls.of(resources=data.get("resources"), dependent_children=children,
                      single_parent=data.get("single_parent", False),
                      aeeh_children=int(parse_flag(data.get("aeeh", False), "aeeh")))


@attrs.frozen
class Child:
    """A child cared for: its birth date, whether it lives in shared residence
    (résidence alternée: each parent may claim the CMG from 1 December 2025,
    CSS D531-18-2; the tax ceiling is halved, CGI 200 quater B), and a name
    that tells twins apart."""

    born: date
    shared_residence: bool = False
    name: str = ""

    @classmethod
    def of(cls, *, born: object, shared_residence: object = False, name: object = "") -> Child:
        if not isinstance(name, str):
            raise InvalidInput("name", f"un prénom (texte) est attendu, pas {name!r}.")
        return cls(parse_date(born, "child_born"), parse_flag(shared_residence, "shared_residence"), name)

    @property
    def called(self) -> str:
        """The child as the explanations name it."""
        return self.name or f"l'enfant né le {self.born.day:02d}/{self.born.month:02d}/{self.born.year}"

    def birthday(self, years: int) -> date:
        """The day the child turns ``years`` (a 29 February birthday falls on 1 March)."""
        try:
            return self.born.replace(year=self.born.year + years)
        except ValueError:
            return date(self.born.year + years, 3, 1)
