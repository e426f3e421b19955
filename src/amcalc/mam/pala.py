"""Le prêt à l'amélioration du lieu d'accueil (PALA) — an AM's interest-free loan for works.

The CAF lends an AM (at home or in a MAM) at most 10 000 €, at most 80 % of
the works (CSS art. L542-9 2°, D542-36), repaid by equal fractions, without
interest, in at most 120 monthly instalments due from the sixth month after
the loan is granted (D542-37). In a MAM each AM may take her own.

Instalments are exact: the loan in cents divided by their number, rounded
down, each month; the cents left over are added to the **last** instalment,
so the schedule adds up to the loan exactly. 10 000 € granted in June 2025,
over 120 months from December 2025 (the sixth month after June):
10 000 × 100 ÷ 120 = 8 333,33… cents → 119 instalments of 83,33 € and a last
of 10 000 − 119 × 83,33 = 83,73 € in November 2035:

>>> loan = pala_loan("10000.00", works="12500.00", granted_on="2025-06-10")
>>> loan.first_month, loan.regular_instalment, loan.last_instalment
((2025, 12), Decimal('83.33'), Decimal('83.73'))
>>> loan.instalment("2035-11"), loan.instalment("2035-12")
(Decimal('83.73'), Decimal('0.00'))
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc import parameters
from amcalc.errors import InvalidInput, LegalLimitExceeded
from amcalc.explain import Explained, Explanation, ParameterUse, Step, euros, number, percent
from amcalc.inputs import parse_date, parse_month
from amcalc.money import parse_money, to_euros
from amcalc.parameters import DatedValue

__all__ = ["PalaLoan", "pala_loan"]

ZERO = Decimal("0.00")
LIMITS = ("pala_loan_ceiling", "pala_works_share", "pala_max_instalments")
PALA_REFERENCE = "CSS art. L542-9 2°, D542-36, D542-37 (prêt à l'amélioration du lieu d'accueil)"
FIRST_DUE_AFTER = 6
"""Instalments are due from the sixth month after the loan is granted (CSS D542-37)."""


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _month_name(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


@attrs.frozen(kw_only=True)
class PalaLoan(Explained):
    """A PALA and its schedule: ``instalments`` months from ``first_month``, each
    ``regular_instalment`` but the last, ``last_instalment``."""

    amount: Decimal
    works: Decimal
    instalments: int
    first_month: tuple[int, int]
    regular_instalment: Decimal
    last_instalment: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def last_month(self) -> tuple[int, int]:
        year, month = divmod(_month_index(*self.first_month) + self.instalments - 1, 12)
        return year, month + 1

    def instalment(self, month: str | tuple[int, int]) -> Decimal:
        """What is repaid in ``month`` (``"AAAA-MM"``): 0,00 € before the first and after the last."""
        rank = _month_index(*parse_month(month)) - _month_index(*self.first_month)
        if not 0 <= rank < self.instalments:
            return ZERO
        return self.last_instalment if rank == self.instalments - 1 else self.regular_instalment

    def schedule(self) -> tuple[tuple[str, Decimal], ...]:
        """Every month (``"AAAA-MM"``) and its instalment."""
        start = _month_index(*self.first_month)
        return tuple((_month_name(start + rank), self.instalment(_month_name(start + rank)))
                     for rank in range(self.instalments))


def _instalments(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInput("instalments", f"un nombre entier de mensualités (au moins 1) est attendu, pas {value!r}.")
    return value


def pala_loan(amount: object, *, works: object, granted_on: object, instalments: object = 120,
              first_month: str | tuple[int, int] | None = None) -> PalaLoan:
    """The loan of ``amount`` for ``works`` (their cost, TTC), granted on ``granted_on``,
    repaid in ``instalments`` months from ``first_month`` (by default the sixth month after
    the month of ``granted_on``, when they become due, CSS D542-37). Over the ceiling, over
    80 % of the works or over 120 instalments: :class:`LegalLimitExceeded`."""
    loan, cost = parse_money(amount, "amount"), parse_money(works, "works")
    day, count = parse_date(granted_on, "granted_on"), _instalments(instalments)
    ceiling, share, most = (parameters.get(name).at(day) for name in LIMITS)
    _check(loan, cost, count, ceiling.value, share.value, int(most.value))
    start = parse_month(first_month) if first_month is not None else _months_after(day, FIRST_DUE_AFTER)
    if _month_index(*start) < _month_index(day.year, day.month):
        raise InvalidInput("first_month", f"le remboursement ne peut pas commencer avant le prêt ({day:%d/%m/%Y}).")
    cents = int(loan * 100)
    regular = cents // count
    last = cents - regular * (count - 1)
    steps = (
        Step("Plafond du prêt", f"le plus petit de {euros(ceiling.value)} et {percent(share.value)} × {euros(cost)}",
             euros(min(ceiling.value, cost * share.value)), "CSS art. D542-36"),
        Step("Prêt", f"montant indiqué, au plus {euros(min(ceiling.value, cost * share.value))}", euros(loan)),
        Step("Mensualité", f"{euros(loan)} ÷ {count}, arrondi au centime inférieur, sans intérêt",
             euros(to_euros(regular)), "CSS art. D542-37"),
        Step("Dernière mensualité", f"{euros(loan)} − {count - 1} × {euros(to_euros(regular))}",
             euros(to_euros(last))),
    )
    explanation = Explanation(
        title=f"Prêt à l'amélioration du lieu d'accueil : {count} mensualités à partir de {start[1]:02d}/{start[0]}",
        reference=PALA_REFERENCE, steps=steps,
        parameters=_parameters_used(ceiling, share, most),
        notes=("Les centimes qui restent de la division sont ajoutés à la dernière mensualité : "
               f"l'échéancier rembourse exactement {euros(loan)}.",),
    )
    return PalaLoan(amount=loan, works=cost, instalments=count, first_month=start,
                    regular_instalment=to_euros(regular), last_instalment=to_euros(last), explanation=explanation)


def _parameters_used(ceiling: DatedValue, share: DatedValue, most: DatedValue) -> tuple[ParameterUse, ...]:
    ceiling_, share_, most_ = (parameters.get(name) for name in LIMITS)
    return (ParameterUse.of(ceiling_, ceiling, " €"), ParameterUse.of(share_, share),
            ParameterUse(most_.label, f"{int(most.value)} mois", most.start, most.reference, most.evidence,
                         most.applied_on))


def _months_after(day: date, months: int) -> tuple[int, int]:
    year, month = divmod(_month_index(day.year, day.month) + months, 12)
    return year, month + 1


def _check(loan: Decimal, cost: Decimal, count: int, ceiling: Decimal, share: Decimal, most: int) -> None:
    if loan <= 0:
        raise InvalidInput("amount", "le montant du prêt doit être positif.")
    if loan > ceiling:
        raise LegalLimitExceeded("amount", f"le prêt de {euros(loan)} dépasse le plafond de {euros(ceiling)} "
                                           "(CSS art. D542-36).")
    if Fraction(loan) > Fraction(cost) * Fraction(share):
        raise LegalLimitExceeded("amount", f"le prêt de {euros(loan)} dépasse {percent(share)} du coût des "
                                           f"travaux ({euros(cost)} × {percent(share)} = "
                                           f"{number(Fraction(cost) * Fraction(share))} €) (CSS art. D542-36).")
    if count > most:
        raise LegalLimitExceeded("instalments", f"{count} mensualités : au plus {most} (CSS art. D542-37).")
    if int(loan * 100) < count:
        raise InvalidInput("instalments", f"{count} mensualités pour {euros(loan)} : moins d'un centime par mois.")
