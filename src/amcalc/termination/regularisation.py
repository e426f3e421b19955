"""Régularisation — hours due against hours paid, contracts of 46 weeks or less (CCN 3239 art. 109.2, 124).

At each anniversary of the contract the parties compare, in a signed writing,
the mensualised salaries paid over the last 12 months with the salaries due
for the hours actually due under the contract (:func:`regularisation`). These
annual statements are **not settled** during the contract: they offset each
other. At the end of the contract they are all set off, "au crédit et au débit"
(:func:`final_regularisation`): a balance in the AM's favour is paid as salary
with the last pay; a balance in the parent's favour is **not recovered** — the
CCN allows a payment "au profit de l'assistant maternel" only (rules.md §3.4).
Heures complémentaires and majorées are paid on top and stay out of it.

>>> r = regularisation(hourly_rate="3.80", hours_paid="900", hours_due="1050")
>>> r.hours, r.balance
(Fraction(150, 1), Decimal('570.00'))
>>> f = final_regularisation([r, regularisation(hourly_rate="3.90", hours_paid="1560",
...                                             hours_due="1512")])
>>> f.hours, f.balance, f.amount
(Fraction(102, 1), Decimal('382.80'), Decimal('382.80'))
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.contract import Accueil
from amcalc.duration import SECONDS_PER_HOUR, format_hours, parse_hours
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, french_date, rate
from amcalc.money import RATE_SCALE, half_up_div, parse_money, scaled, to_euros

__all__ = ["FinalRegularisation", "Regularisation", "final_regularisation", "regularisation",
           "regularisation_cents"]


def regularisation_cents(seconds: int, rate_e4: int) -> int:
    """Hours (in seconds, signed) × a rate in 1/10 000 €/h, in cents, half-up (art. 124)."""
    return half_up_div(seconds * rate_e4, SECONDS_PER_HOUR * RATE_SCALE // 100)


@attrs.frozen(kw_only=True)
class Regularisation(Explained):
    """One statement: ``hours`` due minus paid (signed) and its value ``balance`` (signed)."""

    hourly_rate: Decimal
    hours_paid: Fraction
    hours_due: Fraction
    hours: Fraction
    balance: Decimal
    period_end: date | None
    explanation: Explanation = attrs.field(eq=False, repr=False)


def regularisation(
    *, hourly_rate: object, hours_paid: object, hours_due: object,
    period_end: date | None = None, accueil: Accueil = Accueil.PART_YEAR,
) -> Regularisation:
    """Régularisation (CCN 3239 art. 109.2, 124) of one period: hours due minus mensualised
    hours paid, valued at ``hourly_rate``. ``period_end`` is the anniversary (or the end of
    the contract) closing the period.

    >>> regularisation(hourly_rate="3.20", hours_paid="843", hours_due="956.75").balance
    Decimal('364.00')
    """
    if accueil is not Accueil.PART_YEAR:
        raise InvalidInput("weeks", "pas de régularisation pour un accueil sur 52 semaines : le "
                           "salaire mensualisé couvre toute l'année (CCN 3239 art. 109.1) ; la "
                           "régularisation ne concerne que l'accueil sur 46 semaines ou moins "
                           "(art. 109.2).")
    price = parse_money(hourly_rate, "hourly_rate", places=4)
    paid, due = parse_hours(hours_paid, "hours_paid"), parse_hours(hours_due, "hours_due")
    seconds = due - paid
    balance = to_euros(regularisation_cents(seconds, scaled(price, 4, "hourly_rate")))
    side = ("en faveur de l'assistant maternel" if seconds > 0
            else "en faveur du parent employeur" if seconds < 0 else "équilibré")
    steps = (
        Step("Heures dues au titre du contrat", "heures indiquées, absences payées comprises",
             format_hours(due), "CCN 3239 art. 109.2"),
        Step("Heures mensualisées payées", "heures indiquées (salaires mensualisés versés)", format_hours(paid),
             "CCN 3239 art. 109.2"),
        Step("Écart", f"{format_hours(due)} − {format_hours(paid)}", format_hours(seconds)),
        Step("Valeur", f"{format_hours(seconds)} × {rate(price)}", f"{euros(balance)} ({side})",
             "CCN 3239 art. 124"),
    )
    title = "Régularisation" + (f" au {french_date(period_end)}" if period_end else "")
    explanation = Explanation(
        title=title, reference="CCN 3239 art. 109.2, 124", steps=steps,
        notes=("Le bilan annuel est constaté par écrit signé des deux parties ; il n'est pas "
               "réglé en cours de contrat mais compensé avec les autres bilans à la fin du "
               "contrat (art. 124).",
               "Heures complémentaires et majorées exclues : elles sont payées en plus du "
               "salaire mensualisé."),
    )
    return Regularisation(
        hourly_rate=price, hours_paid=Fraction(paid, SECONDS_PER_HOUR),
        hours_due=Fraction(due, SECONDS_PER_HOUR), hours=Fraction(seconds, SECONDS_PER_HOUR),
        balance=balance, period_end=period_end, explanation=explanation,
    )


@attrs.frozen(kw_only=True)
class FinalRegularisation(Explained):
    """The set-off at the end of the contract: ``balance`` (signed sum of the statements),
    ``amount`` paid to the AM (never negative) and ``not_recovered`` (the parent's balance)."""

    statements: tuple[Regularisation, ...]
    hours: Fraction
    balance: Decimal
    amount: Decimal
    not_recovered: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def final_regularisation(statements: Iterable[Regularisation]) -> FinalRegularisation:
    """Régularisation de fin de contrat (CCN 3239 art. 124): sets off every statement;
    only a balance in the AM's favour is paid.

    >>> r = regularisation(hourly_rate="3.90", hours_paid="1560", hours_due="1512")
    >>> f = final_regularisation([r])
    >>> f.amount, f.not_recovered
    (Decimal('0.00'), Decimal('187.20'))
    """
    statements = tuple(statements)
    if not statements:
        raise InvalidInput("statements", "au moins un bilan de régularisation est nécessaire.")
    hours = sum((s.hours for s in statements), Fraction(0))
    balance = sum((s.balance for s in statements), Decimal("0.00"))
    amount = max(balance, Decimal("0.00"))
    not_recovered = max(-balance, Decimal("0.00"))
    steps = [Step(s.explanation.title, f"({format_hours(s.hours_due * SECONDS_PER_HOUR)} dues − "
                  f"{format_hours(s.hours_paid * SECONDS_PER_HOUR)} payées) × {rate(s.hourly_rate)}",
                  euros(s.balance), "CCN 3239 art. 124") for s in statements]
    if len(statements) > 1:
        steps.append(Step("Solde compensé", " + ".join(euros(s.balance) for s in statements),
                          euros(balance), "CCN 3239 art. 124"))
    steps.append(Step("Montant dû à l'assistant maternel",
                      f"solde de {euros(balance)} " + ("en sa faveur" if balance > 0 else
                                                       "en faveur du parent : rien" if balance else "nul"),
                      euros(amount), "CCN 3239 art. 124"))
    if not_recovered:
        notes: tuple[str, ...] = (
            f"Solde de {euros(not_recovered)} en faveur du parent employeur : il n'est pas "
            "récupéré sur l'assistant maternel — l'article 124 ne prévoit un remboursement "
            "qu'« au profit de l'assistant maternel ».",)
    else:
        notes = ("Versé comme salaire avec la dernière paie (soumis à cotisations) ; il entre "
                 "dans l'assiette des congés payés.",) if amount else ()
    explanation = Explanation(title="Régularisation de fin de contrat (46 semaines ou moins)",
                              reference="CCN 3239 art. 109.2, 124", steps=tuple(steps), notes=notes)
    return FinalRegularisation(statements=statements, hours=hours, balance=balance, amount=amount,
                               not_recovered=not_recovered, explanation=explanation)
