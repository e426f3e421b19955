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
from amcalc.inputs import parse_items, parse_optional_date
from amcalc.money import RATE_SCALE, half_up_div, parse_money, round_to_cents, scaled

__all__ = ["FinalRegularisation", "Regularisation", "final_regularisation", "regularisation",
           "regularisation_cents"]


def regularisation_cents(seconds: int, rate_e4: int) -> int:
    """Hours (in seconds, signed) × a rate in 1/10 000 €/h, in cents, half-up (art. 124)."""
    return half_up_div(seconds * rate_e4, SECONDS_PER_HOUR * RATE_SCALE // 100)


@attrs.frozen(kw_only=True)
class Regularisation(Explained):
    """One statement: the salaries ``due`` and ``paid`` over the period and their
    difference ``balance`` (signed), with the ``hours`` due minus paid (signed) when the
    statement was made in hours at one ``hourly_rate``."""

    hourly_rate: Decimal | None
    hours_paid: Fraction | None
    hours_due: Fraction | None
    hours: Fraction | None
    salary_paid: Decimal
    salary_due: Decimal
    balance: Decimal
    period_end: date | None
    explanation: Explanation = attrs.field(eq=False, repr=False)


def regularisation(
    *, hourly_rate: object = None, hours_paid: object = None, hours_due: object = None,
    salary_paid: object = None, salary_due: object = None,
    period_end: date | str | None = None, accueil: Accueil = Accueil.PART_YEAR,
) -> Regularisation:
    """Régularisation (CCN 3239 art. 109.2, 124) of one period: the salaries due for the
    hours actually due under the contract, minus the mensualised salaries paid.

    Give the ``hours_paid`` and ``hours_due`` at one ``hourly_rate`` — exact hours: the
    mensualised hours are thirds of an hour, so write ``"1226:40"`` or
    ``Fraction(3680, 3)`` (or ``12 * mensualise(contract).monthly_hours``), not
    ``"1226.67"`` — or, when the rate changed during the period, the gross
    ``salary_paid`` and ``salary_due`` themselves. ``period_end`` is the anniversary
    (or the end of the contract) closing the period.

    >>> regularisation(hourly_rate="3.20", hours_paid="843", hours_due="956.75").balance
    Decimal('364.00')
    >>> regularisation(hourly_rate="4.50", hours_paid="1226:40", hours_due="1200").balance
    Decimal('-120.00')
    >>> regularisation(salary_paid="5904.00", salary_due="5992.00").balance
    Decimal('88.00')
    """
    if accueil is not Accueil.PART_YEAR:
        raise InvalidInput("weeks", "pas de régularisation pour un accueil sur 52 semaines : le "
                           "salaire mensualisé couvre toute l'année (CCN 3239 art. 109.1) ; la "
                           "régularisation ne concerne que l'accueil sur 46 semaines ou moins "
                           "(art. 109.2).")
    end = parse_optional_date(period_end, "period_end")
    in_hours = (hourly_rate, hours_paid, hours_due)
    if salary_paid is None and salary_due is None:
        if any(x is None for x in in_hours):
            raise InvalidInput("hours_due", "indiquez le taux horaire, les heures payées et les "
                               "heures dues, ou les salaires payés et dus.")
        return _in_hours(parse_money(hourly_rate, "hourly_rate", places=4),
                         parse_hours(hours_paid, "hours_paid"), parse_hours(hours_due, "hours_due"), end)
    if any(x is not None for x in in_hours):
        raise InvalidInput("salary_due", "indiquez les salaires payés et dus, ou les heures et le "
                           "taux horaire, pas les deux.")
    paid = parse_money(salary_paid, "salary_paid")
    due = parse_money(salary_due, "salary_due")
    return _statement(None, None, None, paid, due, end, (
        Step("Salaires dus au titre du contrat", "salaires indiqués : heures réellement dues à leur taux, "
             "absences payées comprises", euros(due), "CCN 3239 art. 109.2"),
        Step("Salaires mensualisés versés", "salaires indiqués, sur la même période", euros(paid)),
    ))


def _in_hours(price: Decimal, paid: int, due: int, end: date | None) -> Regularisation:
    rate_e4 = scaled(price, 4, "hourly_rate")
    # Salaries due and paid, exact; their difference rounded once (art. 124).
    salary_due = Fraction(due * rate_e4, SECONDS_PER_HOUR * RATE_SCALE)
    salary_paid = Fraction(paid * rate_e4, SECONDS_PER_HOUR * RATE_SCALE)
    return _statement(price, paid, due, salary_paid, salary_due, end, (
        Step("Heures dues au titre du contrat", "heures indiquées, absences payées comprises",
             format_hours(due), "CCN 3239 art. 109.2"),
        Step("Heures mensualisées payées", "heures indiquées (salaires mensualisés versés)", format_hours(paid),
             "CCN 3239 art. 109.2"),
        Step("Écart", f"{format_hours(due)} − {format_hours(paid)}", format_hours(due - paid)),
    ))


def _statement(price: Decimal | None, paid_seconds: int | None, due_seconds: int | None,
               salary_paid: Fraction | Decimal, salary_due: Fraction | Decimal, end: date | None,
               steps: tuple[Step, ...]) -> Regularisation:
    balance = round_to_cents(Fraction(salary_due) - Fraction(salary_paid))
    side = ("en faveur de l'assistant maternel" if balance > 0
            else "en faveur du parent employeur" if balance < 0 else "équilibré")
    formula = (f"{format_hours(due_seconds - paid_seconds)} × {rate(price)}"  # type: ignore[operator]
               if price is not None else f"{euros(salary_due)} dus − {euros(salary_paid)} versés")
    steps += (Step("Valeur", formula, f"{euros(balance)} ({side})", "CCN 3239 art. 124"),)
    title = "Régularisation" + (f" au {french_date(end)}" if end else "")
    explanation = Explanation(
        title=title, reference="CCN 3239 art. 109.2, 124", steps=steps,
        notes=("Le bilan annuel compare les salaires mensualisés versés aux salaires dus pour "
               "les heures réellement dues ; il est constaté par écrit signé des deux parties, "
               "n'est pas réglé en cours de contrat mais compensé avec les autres bilans à la "
               "fin du contrat (art. 124).",
               "Heures complémentaires et majorées exclues : elles sont payées en plus du "
               "salaire mensualisé."),
    )

    def in_hours(seconds: int | None) -> Fraction | None:
        return None if seconds is None else Fraction(seconds, SECONDS_PER_HOUR)

    return Regularisation(
        hourly_rate=price, hours_paid=in_hours(paid_seconds), hours_due=in_hours(due_seconds),
        hours=None if paid_seconds is None or due_seconds is None
        else Fraction(due_seconds - paid_seconds, SECONDS_PER_HOUR),
        salary_paid=round_to_cents(salary_paid), salary_due=round_to_cents(salary_due),
        balance=balance, period_end=end, explanation=explanation,
    )


@attrs.frozen(kw_only=True)
class FinalRegularisation(Explained):
    """The set-off at the end of the contract: ``balance`` (signed sum of the statements),
    ``amount`` paid to the AM (never negative) and ``not_recovered`` (the parent's balance)."""

    statements: tuple[Regularisation, ...]
    hours: Fraction | None
    balance: Decimal
    amount: Decimal
    not_recovered: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _valued(statement: Regularisation) -> str:
    due, paid, price = statement.hours_due, statement.hours_paid, statement.hourly_rate
    if due is None or paid is None or price is None:
        return f"{euros(statement.salary_due)} dus − {euros(statement.salary_paid)} versés"
    return (f"({format_hours(due * SECONDS_PER_HOUR)} dues − {format_hours(paid * SECONDS_PER_HOUR)} payées) "
            f"× {rate(price)}")


def final_regularisation(statements: Iterable[Regularisation]) -> FinalRegularisation:
    """Régularisation de fin de contrat (CCN 3239 art. 124): sets off every statement;
    only a balance in the AM's favour is paid.

    >>> r = regularisation(hourly_rate="3.90", hours_paid="1560", hours_due="1512")
    >>> f = final_regularisation([r])
    >>> f.amount, f.not_recovered
    (Decimal('0.00'), Decimal('187.20'))
    """
    statements = parse_items(statements, Regularisation, "statements")
    if not statements:
        raise InvalidInput("statements", "au moins un bilan de régularisation est nécessaire.")
    in_hours = [s.hours for s in statements if s.hours is not None]
    hours = sum(in_hours, Fraction(0)) if len(in_hours) == len(statements) else None
    balance = sum((s.balance for s in statements), Decimal("0.00"))
    amount = max(balance, Decimal("0.00"))
    not_recovered = max(-balance, Decimal("0.00"))
    steps = [Step(s.explanation.title, _valued(s), euros(s.balance), "CCN 3239 art. 124")
             for s in statements]
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
