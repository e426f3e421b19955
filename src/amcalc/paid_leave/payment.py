"""Versement des congés payés — when the leave indemnity is paid (CCN 3239
art. 102.1.2).

- "52 semaines" (art. 102.1.2.1): leave is paid when taken, the mensualised
  salary simply continues; when the 1/10 is higher, the excess is paid after
  31 May [S].
- "46 semaines ou moins" (art. 102.1.2.2): the amount is fixed on 31 May and
  added to the salary, as the contract says: in one payment in June, with the
  main leave, or as leave is taken. "Toute autre modalité d'indemnisation des
  congés payés est proscrite": a monthly 1/12 (10 % each month) is refused.
- Occasional care (art. 102.1.2.3): 10 % at the end of the care
  (:func:`~amcalc.paid_leave.occasional_leave_pay`).

>>> PaymentMethod.of("june")
<PaymentMethod.JUNE: 'june'>
>>> PaymentMethod.of("1/12")
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: method : « 1/12 » n'est pas une modalité de paiement des congés payés. En accueil sur 46 semaines ou moins, l'indemnité arrêtée au 31 mai est versée en une seule fois en juin (june), lors de la prise principale des congés (main_leave) ou au fur et à mesure de la prise des congés (as_taken) ; « toute autre modalité d'indemnisation des congés payés est proscrite », notamment le paiement mensuel par douzième (CCN 3239 art. 102.1.2.2).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, french_date, number, rate
from amcalc.paid_leave.acquisition import days_text
from amcalc.paid_leave.indemnity import LeaveIndemnity
from amcalc.paid_leave.taking import LeaveSpan, main_leave_window

__all__ = ["LeavePayment", "PaymentKind", "PaymentMethod", "leave_payments", "month_of"]

_ARTICLE_PART_YEAR = "CCN 3239 art. 102.1.2.2"
_ARTICLE_FULL_YEAR = "CCN 3239 art. 102.1.2.1"


class PaymentMethod(StrEnum):
    """The three payment methods a "46 semaines ou moins" contract may choose
    (CCN 3239 art. 102.1.2.2)."""

    JUNE = "june"
    MAIN_LEAVE = "main_leave"
    AS_TAKEN = "as_taken"

    @classmethod
    def of(cls, value: object) -> PaymentMethod:
        """The method named ``value``; any other method is refused (art. 102.1.2.2)."""
        if isinstance(value, PaymentMethod):
            return value
        try:
            return cls(str(value))
        except ValueError:
            raise InvalidInput(
                "method",
                f"« {value} » n'est pas une modalité de paiement des congés payés. En accueil sur "
                "46 semaines ou moins, l'indemnité arrêtée au 31 mai est versée en une seule fois "
                "en juin (june), lors de la prise principale des congés (main_leave) ou au fur et "
                "à mesure de la prise des congés (as_taken) ; « toute autre modalité "
                "d'indemnisation des congés payés est proscrite », notamment le paiement mensuel "
                f"par douzième ({_ARTICLE_PART_YEAR}).",
            ) from None

    @property
    def label(self) -> str:
        return {
            PaymentMethod.JUNE: "en une seule fois en juin",
            PaymentMethod.MAIN_LEAVE: "lors de la prise principale des congés",
            PaymentMethod.AS_TAKEN: "au fur et à mesure de la prise des congés",
        }[self]


class PaymentKind(StrEnum):
    INDEMNITY = "indemnité de congés payés"
    TENTH_TOP_UP = "complément au dixième"
    BALANCE = "solde des congés non pris"
    FRACTIONNEMENT = "jours de fractionnement"
    COMPENSATION = "indemnité compensatrice de congés payés"


@attrs.frozen
class LeavePayment(Explained):
    """A paid-leave amount added to the pay of ``month`` (its first day).

    ``days`` and ``declared_hours`` are the Pajemploi figures: the field
    "nombre de jours de congés payés" and the amount converted into hours
    (amount / hourly rate), filled when the leave is paid on a "46 semaines ou
    moins" contract; never filled on a "52 semaines" contract, whose leave days
    are part of the days of activity [S, Pajemploi]."""

    month: date
    amount: Decimal
    days: int
    declared_hours: Fraction
    kind: PaymentKind
    closing: date
    explanation: Explanation = attrs.field(eq=False, repr=False)


def month_of(day: date) -> date:
    return day.replace(day=1)


def make_payment(
    contract: Contract, *, month: date, amount: Decimal, days: int, kind: PaymentKind,
    closing: date, formula: str, reference: str, notes: Sequence[str] = (),
) -> LeavePayment:
    part_year = contract.accueil is Accueil.PART_YEAR or contract.kind is ContractKind.OCCASIONAL
    hours = Fraction(amount) / Fraction(contract.hourly_rate) if part_year else Fraction(0)
    steps = [Step(kind.value.capitalize(), formula, euros(amount), reference)]
    if part_year:
        steps.append(Step("Pajemploi : jours de congés payés", "jours payés ce mois-ci",
                          str(days), "Pajemploi [S]"))
        steps.append(Step("Pajemploi : heures correspondantes",
                          f"{euros(amount)} / {rate(contract.hourly_rate)}", f"{number(hours)} h",
                          "Pajemploi [S]"))
    explanation = Explanation(
        title=f"{kind.value.capitalize()} versée en {month.strftime('%m/%Y')} "
              f"(droits acquis au {french_date(closing)})",
        reference=reference,
        steps=tuple(steps),
        notes=tuple(notes),
    )
    return LeavePayment(month, amount, days if part_year else 0, hours, kind, closing, explanation)


def leave_payments(
    contract: Contract,
    indemnity: LeaveIndemnity,
    *,
    closing: date,
    method: PaymentMethod | str | None = None,
    taken: Sequence[LeaveSpan] = (),
) -> tuple[LeavePayment, ...]:
    """Versement des congés payés — the payments of one period's indemnity
    (CCN 3239 art. 102.1.2).

    ``closing``: the 31 May on which the rights were acquired; ``method``: the
    contract's method ("46 semaines ou moins" only); ``taken``: the leave taken
    against these rights (for ``main_leave`` and ``as_taken``).

    >>> from datetime import date
    >>> from amcalc.paid_leave.indemnity import leave_indemnity
    >>> c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=36, weekly_hours="40", days_per_week=4)
    >>> i = leave_indemnity(c, acquired_days=23, reference_gross=Decimal("5760.00"))
    >>> [(p.month, p.amount, p.days) for p in leave_payments(c, i, closing=date(2025, 5, 31), method="june")]
    [(datetime.date(2025, 6, 1), Decimal('613.33'), 23)]
    """
    if contract.kind is ContractKind.OCCASIONAL:
        raise InvalidInput("kind", "l'accueil occasionnel est payé 10 % à la fin de l'accueil "
                           "(CCN 3239 art. 102.1.2.3) : utilisez occasional_leave_pay.")
    june = date(closing.year, 6, 1)
    if contract.accueil is Accueil.FULL_YEAR:
        if method is not None:
            raise InvalidInput(
                "method",
                "en accueil sur 52 semaines, les congés payés sont rémunérés lorsqu'ils sont pris, le "
                f"salaire mensualisé étant maintenu : il n'y a pas de modalité à choisir ({_ARTICLE_FULL_YEAR}).",
            )
        if indemnity.method == "maintien":
            return ()
        top_up = indemnity.tenth - indemnity.maintien
        return (make_payment(
            contract, month=june, amount=top_up, days=0, kind=PaymentKind.TENTH_TOP_UP, closing=closing,
            formula=f"dixième {euros(indemnity.tenth)} − maintien {euros(indemnity.maintien)}",
            reference=f"{_ARTICLE_FULL_YEAR} ; Code du travail L3141-24",
            notes=("Le maintien est payé par le salaire mensualisé pendant les congés ; le dixième "
                   "étant plus élevé, l'excédent est versé après le 31 mai [S].",),
        ),)
    if method is None:
        raise InvalidInput("method", "indiquez la modalité de paiement prévue au contrat : june, "
                           f"main_leave ou as_taken ({_ARTICLE_PART_YEAR}).")
    chosen = PaymentMethod.of(method)
    reference = f"{_ARTICLE_PART_YEAR} ; Code du travail L3141-24"
    total = indemnity.indemnity
    if chosen is PaymentMethod.JUNE:
        return (make_payment(contract, month=june, amount=total, days=indemnity.acquired_days,
                         kind=PaymentKind.INDEMNITY, closing=closing,
                         formula="indemnité arrêtée au 31 mai, en une seule fois", reference=reference),)
    if chosen is PaymentMethod.MAIN_LEAVE:
        main = _main_leave(taken, closing)
        return (make_payment(contract, month=max(june, month_of(main.first)), amount=total,
                         days=indemnity.acquired_days, kind=PaymentKind.INDEMNITY, closing=closing,
                         formula=f"indemnité arrêtée au 31 mai, avec le congé principal {main.label}",
                         reference=reference),)
    return _as_taken(contract, indemnity, closing, taken, reference)


def _main_leave(taken: Sequence[LeaveSpan], closing: date) -> LeaveSpan:
    opens, ends = main_leave_window(closing)
    inside = [s for s in taken if opens <= s.first <= ends]
    if not inside:
        raise InvalidInput(
            "taken",
            f"aucun congé ne commence entre le {french_date(opens)} et le {french_date(ends)} : "
            "indiquez le congé principal pour le payer avec lui (CCN 3239 art. 102.1.2.2).",
        )
    return max(inside, key=lambda s: (s.count, -s.first.toordinal()))


def _as_taken(
    contract: Contract, indemnity: LeaveIndemnity, closing: date, taken: Sequence[LeaveSpan], reference: str
) -> tuple[LeavePayment, ...]:
    """One payment a month, each the indemnity × days taken / days acquired; the
    cumulative amount is rounded so the payments add up to the indemnity."""
    june = date(closing.year, 6, 1)
    days = sorted(d for span in taken for d in span.days)[: indemnity.acquired_days]
    per_month: dict[date, int] = {}
    for day in days:
        key = max(june, month_of(day))
        per_month[key] = per_month.get(key, 0) + 1
    payments = []
    cumulative, paid = 0, Decimal("0.00")
    for month, count in sorted(per_month.items()):
        cumulative += count
        amount = indemnity.share(cumulative) - paid
        paid += amount
        payments.append(make_payment(
            contract, month=month, amount=amount, days=count, kind=PaymentKind.INDEMNITY,
            closing=closing, reference=reference,
            formula=f"{euros(indemnity.indemnity)} × {days_text(count)} pris / "
                    f"{days_text(indemnity.acquired_days)} acquis",
        ))
    rest = indemnity.acquired_days - cumulative
    if rest:
        payments.append(make_payment(
            contract, month=date(closing.year + 1, 5, 1), amount=indemnity.indemnity - paid, days=rest,
            kind=PaymentKind.BALANCE, closing=closing, reference=reference,
            formula=f"{days_text(rest)} non pris à la fin de la période de prise",
            notes=("Les jours non pris au 31 mai suivant sont payés avec le salaire de mai : le "
                   "montant arrêté au 31 mai reste dû en entier [U].",),
        ))
    return tuple(payments)

