"""Une assistante de la MAM, vue du budget — what the house's money needs to know of her.

Her name, the places of her agrément (the most children she may have in her
charge at once, CASF L421-4), the months amcalc computed for her contracts
(:func:`amcalc.month_pay`, one per contract — one contract per child, CASF
L424-7), whether this is her first agrément (the prime d'installation) and
her PALA if she took one (:meth:`MamMember.of_childminder` reads her places and
months from the AM of :mod:`amcalc.am`). Her salaries, entretien, children under
contract and hours of care are read from those months, never recomputed.

>>> from datetime import date
>>> from amcalc import Contract, month_pay
>>> contract = Contract.from_schedule(hourly_rate="4.50", weeks=46, start=date(2025, 9, 1),
...     schedule={"mon": "9", "tue": "9", "thu": "9", "fri": "9"}, maintenance_per_hour="0.45")
>>> anne = MamMember.of(name="Anne", places=4, months=[month_pay(contract, "2025-10")])
>>> anne.children, anne.hours, anne.maintenance
(1, Fraction(162, 1), Decimal('72.90'))

From the AM across her employers (:class:`amcalc.am.Childminder` and her
:func:`amcalc.am.childminder_month`), her places are her agrément's and her
months those of her contracts in force:

>>> from amcalc.am import Agrement, ChildCare, Childminder, childminder_month
>>> am = Childminder.of(agrement=Agrement.of(children=3), contracts=[
...     ChildCare.of(child="lina", employer="A", born=date(2025, 1, 10), contract=contract)])
>>> bea = MamMember.of_childminder(name="Béa", childminder=am, month=childminder_month(am, "2025-10"))
>>> bea.places, bea.children, bea.maintenance
(3, 1, Decimal('72.90'))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.am.childminder import Childminder
from amcalc.am.year import ChildminderMonth
from amcalc.errors import InvalidInput
from amcalc.inputs import parse_count, parse_flag
from amcalc.mam.pala import PalaLoan
from amcalc.month import MonthPay

__all__ = ["MOST_PLACES", "MamMember"]

ZERO = Decimal("0.00")
MOST_PLACES = 6
"""An agrément is for at most 4 children at once, 6 by derogation (CASF L421-4)."""


def _months(values: object) -> tuple[MonthPay, ...]:
    if not isinstance(values, Iterable) or isinstance(values, (str, bytes)):
        raise InvalidInput("months", "une liste des mois calculés pour ses contrats (month_pay) est attendue.")
    months = tuple(values)
    for index, month in enumerate(months):
        if not isinstance(month, MonthPay):
            raise InvalidInput(f"months[{index}]", f"un mois calculé par month_pay est attendu, pas {month!r}.")
    if len({(m.year, m.month) for m in months}) > 1:
        raise InvalidInput("months", "les mois de ses contrats doivent être le même mois.")
    return months


@attrs.frozen(kw_only=True)
class MamMember:
    """An AM of the MAM as its budget sees her (see the module)."""

    name: str
    places: int
    months: tuple[MonthPay, ...] = ()
    first_agrement: bool = False
    loan: PalaLoan | None = None

    @classmethod
    def of(cls, *, name: object, places: object, months: object = (), first_agrement: object = False,
           loan: object = None) -> MamMember:
        """Validated at the boundary: a name, 1 to 6 places, the months of her contracts."""
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput("name", f"le prénom de l'assistante (texte) est attendu, pas {name!r}.")
        if loan is not None and not isinstance(loan, PalaLoan):
            raise InvalidInput("loan", f"un prêt calculé par pala_loan est attendu, pas {loan!r}.")
        return cls(name=name.strip(), places=parse_count(places, "places", least=1, most=MOST_PLACES),
                   months=_months(months), first_agrement=parse_flag(first_agrement, "first_agrement"),
                   loan=loan)

    @classmethod
    def of_childminder(cls, *, name: object, childminder: Childminder, month: ChildminderMonth,
                       first_agrement: object = False, loan: object = None) -> MamMember:
        """The AM of :mod:`amcalc.am` in the MAM: the places of her agrément, the ``MonthPay`` of
        each contract of her ``month`` (:func:`amcalc.am.childminder_month`), never recomputed."""
        if not isinstance(childminder, Childminder):
            raise InvalidInput("childminder", f"une assistante (Childminder) est attendue, pas {childminder!r}.")
        if not isinstance(month, ChildminderMonth):
            raise InvalidInput("month", f"son mois calculé par childminder_month est attendu, pas {month!r}.")
        return cls.of(name=name, places=childminder.agrement.children, months=[pay for _, pay in month.lines],
                      first_agrement=first_agrement, loan=loan)

    @property
    def children(self) -> int:
        """Children under contract: one month per contract, one contract per child."""
        return len(self.months)

    @property
    def hours(self) -> Fraction:
        """Hours of care actually worked in the month, all her contracts."""
        return sum((m.worked_hours for m in self.months), Fraction(0))

    @property
    def net_salary(self) -> Decimal:
        return sum((m.net_salary for m in self.months), ZERO)

    @property
    def maintenance(self) -> Decimal:
        return sum((m.maintenance for m in self.months), ZERO)

    @property
    def meals(self) -> Decimal:
        return sum((m.meals for m in self.months), ZERO)

    @property
    def mileage(self) -> Decimal:
        return sum((m.mileage for m in self.months), ZERO)
