"""Indemnité de congés payés — the higher of maintien de salaire and 1/10 of the
reference period's gross pay (CCN 3239 art. 48.1.1.5, 102; Code du travail
L3141-24).

Maintien is what the AM would have earned during her leave: acquired days / 6
(jours ouvrables, 6 a week) × weekly hours × hourly rate (rules.md §6.6,
practice [S]). The tenth is 1/10 of the gross pay of the reference period:
salaries with heures complémentaires and majorées and the paid leave paid
during the period, without the entretien, meal and mileage allowances
(art. 57, 114), plus the deemed pay of assimilated periods and, since
24 April 2024, 80 % of the deemed pay of sick periods (L3141-24 I). Each
amount is rounded once, half-up to the cent.

>>> from amcalc.contract import Contract
>>> from decimal import Decimal
>>> c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=36, weekly_hours="40", days_per_week=4)
>>> i = leave_indemnity(c, acquired_days=23, reference_gross=Decimal("5760.00"))
>>> i.maintien, i.tenth, i.indemnity, i.method
(Decimal('613.33'), Decimal('576.00'), Decimal('613.33'), 'maintien')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.duration import SECONDS_PER_HOUR
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, number, rate
from amcalc.money import CENT, RATE_SCALE, half_up_div, parse_money, round_to_cents, scaled, to_euros
from amcalc.paid_leave.acquisition import LAW_2024_364, days_text

__all__ = [
    "LeaveIndemnity",
    "OccasionalLeavePay",
    "TenthBase",
    "leave_indemnity",
    "maintien_cents",
    "occasional_leave_pay",
    "tenth_base",
    "tenth_cents",
]

DAYS_PER_WEEK = 6  # jours ouvrables in a week without a holiday
SICKNESS_SHARE = Fraction(4, 5)  # L3141-24 I 4° (loi 2024-364): 80 % of deemed pay


def maintien_cents(days: int, annual_seconds: int, weeks: int, rate_e4: int) -> int:
    """Maintien in cents: ``days`` / 6 × (annual seconds / weeks) h × rate, half-up."""
    return half_up_div(
        days * annual_seconds * rate_e4,
        DAYS_PER_WEEK * weeks * SECONDS_PER_HOUR * RATE_SCALE // 100,
    )


def tenth_cents(base_cents: int) -> int:
    """1/10 of a base in cents, half-up (L3141-24)."""
    return half_up_div(base_cents, 10)


@attrs.frozen
class LeaveIndemnity(Explained):
    """The two methods and the one that applies (``method`` is ``"maintien"`` or
    ``"tenth"``; on a tie, ``"maintien"``)."""

    acquired_days: int
    reference_gross: Decimal
    maintien: Decimal
    tenth: Decimal
    indemnity: Decimal
    method: str
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def share(self, days: int) -> Decimal:
        """The part of the indemnity for ``days`` of the acquired days, rounded once."""
        if not self.acquired_days:
            return Decimal("0.00")
        return round_to_cents(Fraction(self.indemnity) * days / self.acquired_days)


def _days(value: object, field: str = "acquired_days") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(field, f"un nombre entier de jours ouvrables est attendu ({value!r}).")
    return value


def leave_indemnity(contract: Contract, *, acquired_days: int, reference_gross: Decimal) -> LeaveIndemnity:
    """Indemnité de congés payés — the higher of maintien and 1/10 (CCN 3239
    art. 48.1.1.5; Code du travail L3141-24).

    ``acquired_days``: jours ouvrables of leave paid by this indemnity;
    ``reference_gross``: gross pay of the reference period (see
    :func:`tenth_base`). With several rhythms, maintien uses the average weekly
    hours Σ(hours × weeks) / weeks [U].

    >>> c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
    >>> leave_indemnity(c, acquired_days=30, reference_gross=Decimal("8650.00")).method
    'tenth'
    """
    if contract.kind is ContractKind.OCCASIONAL:
        raise InvalidInput(
            "kind",
            "l'accueil occasionnel n'a pas de maintien de salaire : ses congés payés valent 10 % "
            "de la rémunération, versés à la fin de l'accueil (CCN 3239 art. 102.1.2.3) — "
            "utilisez occasional_leave_pay.",
        )
    days = _days(acquired_days)
    base = parse_money(reference_gross, "reference_gross", places=4)
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    maintien = to_euros(maintien_cents(days, contract.annual_seconds, contract.weeks, rate_e4))
    tenth = round_to_cents(Fraction(base) / 10)
    method = "maintien" if maintien >= tenth else "tenth"
    indemnity = max(maintien, tenth)
    weekly = contract.weekly_hours_average
    several = len(contract.rhythms) > 1
    steps = (
        Step("Maintien de salaire",
             f"{days_text(days)} / 6 × {number(weekly)} h{' (moyenne)' if several else ''} × "
             f"{rate(contract.hourly_rate)}", euros(maintien),
             "CCN 3239 art. 48.1.1.5 ; Code du travail L3141-24 II"),
        Step("Dixième", f"10 % × {euros(base)}", euros(tenth),
             "CCN 3239 art. 48.1.1.5 ; Code du travail L3141-24 I"),
        Step("Indemnité de congés payés",
             f"la plus élevée de {euros(maintien)} (maintien) et {euros(tenth)} (dixième) : le "
             + ("maintien de salaire" if method == "maintien" else "dixième"),
             euros(indemnity), "Code du travail L3141-24"),
    )
    notes = [
        "Le maintien compte 6 jours ouvrables par semaine de congé (pratique) [S].",
        "L'assiette du dixième comprend les salaires bruts (heures complémentaires et majorées "
        "incluses) et les congés payés versés pendant la période ; elle exclut les indemnités "
        "d'entretien, de repas et kilométriques (CCN 3239 art. 57, 114).",
        _timing_note(contract),
    ]
    if several:
        notes.append("Plusieurs rythmes : le maintien utilise la durée hebdomadaire moyenne "
                     "Σ(heures × semaines) / semaines [U].")
    explanation = Explanation(
        title=f"Indemnité de congés payés — {days_text(days)} acquis",
        reference="CCN 3239 art. 48.1.1.5, 102 ; Code du travail L3141-24",
        steps=steps,
        notes=tuple(notes),
    )
    return LeaveIndemnity(days, base, maintien, tenth, indemnity, method, explanation)


def _timing_note(contract: Contract) -> str:
    if contract.accueil is Accueil.FULL_YEAR:
        return ("Accueil sur 52 semaines : les congés sont payés lorsqu'ils sont pris, le salaire "
                "mensualisé étant maintenu ; l'excédent éventuel du dixième est versé après le 31 mai "
                "(CCN 3239 art. 102.1.2.1).")
    return ("Accueil sur 46 semaines ou moins : le montant est arrêté au 31 mai et s'ajoute au "
            "salaire, en juin, lors du congé principal ou au fur et à mesure de la prise des congés, "
            "selon le contrat (CCN 3239 art. 102.1.2.2).")


@attrs.frozen
class TenthBase(Explained):
    """The gross pay of a reference period for the 1/10 method (exact, possibly
    with a third decimal from the 80 % of sick pay)."""

    total: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def tenth_base(
    *,
    salaries: object,
    leave_paid: object = "0",
    assimilated_pay: object = "0",
    sickness_pay: object = "0",
    closing: date | None = None,
) -> TenthBase:
    """Assiette du dixième — gross pay of the reference period (Code du travail
    L3141-24 I; CCN 3239 art. 48.1.1.5).

    ``salaries``: gross salaries paid for the period, heures complémentaires,
    majorées and majorations included, entretien, meals and mileage excluded;
    ``leave_paid``: paid-leave indemnities paid during the period;
    ``assimilated_pay``: pay the AM would have earned, on her contract's
    schedule, during periods assimilated to work (maternity, AT/MP…,
    L3141-5 1° to 6°); ``sickness_pay``: the same for non-professional
    sickness, 80 % of which enters the base for periods on or after 24 April
    2024 (L3141-24 I 4°). ``closing``: 31 May of the period, to check that date.

    >>> tenth_base(salaries="5000.00", leave_paid="500.00", sickness_pay="1234.56").total
    Decimal('6487.648')
    """
    parts = {
        "salaries": parse_money(salaries, "salaries"),
        "leave_paid": parse_money(leave_paid, "leave_paid"),
        "assimilated_pay": parse_money(assimilated_pay, "assimilated_pay"),
        "sickness_pay": parse_money(sickness_pay, "sickness_pay"),
    }
    if parts["sickness_pay"] and closing is not None and closing < LAW_2024_364:
        raise InvalidInput(
            "sickness_pay",
            "avant le 24/04/2024 la maladie non professionnelle n'entrait pas dans l'assiette du "
            "dixième (loi n° 2024-364 ; Code du travail L3141-24 I 4°).",
        )
    sick = _tidy(parts["sickness_pay"] * Decimal("0.8"))
    total = _tidy(parts["salaries"] + parts["leave_paid"] + parts["assimilated_pay"] + sick)
    steps = [Step("Salaires bruts de la période", "montant indiqué, heures complémentaires et majorées incluses",
                  euros(parts["salaries"]), "Code du travail L3141-24 I")]
    if parts["leave_paid"]:
        steps.append(Step("Congés payés versés pendant la période", "montant indiqué, inclus",
                          euros(parts["leave_paid"]),
                          "Code du travail L3141-24 I 1°"))
    if parts["assimilated_pay"]:
        steps.append(Step("Rémunération reconstituée des périodes assimilées", "selon l'horaire du contrat",
                          euros(parts["assimilated_pay"]), "Code du travail L3141-24 I 3°"))
    if parts["sickness_pay"]:
        steps.append(Step("Maladie non professionnelle", f"80 % × {euros(parts['sickness_pay'])}",
                          euros(sick, 3), "Code du travail L3141-24 I 4°"))
    shown = [s.result for s in steps]
    steps.append(Step("Assiette du dixième", " + ".join(shown) if len(shown) > 1 else f"{shown[0]} seuls",
                      euros(total, max(2, -int(total.as_tuple().exponent))), "Code du travail L3141-24 I"))
    explanation = Explanation(
        title="Assiette du dixième",
        reference="Code du travail L3141-24 ; CCN 3239 art. 48.1.1.5",
        steps=tuple(steps),
        notes=("Les indemnités d'entretien, de repas et kilométriques ne sont pas du salaire et "
               "n'entrent pas dans l'assiette (CCN 3239 art. 57, 114).",),
    )
    return TenthBase(total, explanation)


def _tidy(amount: Decimal) -> Decimal:
    """Two decimals when the amount is whole cents, otherwise its exact digits."""
    cents = amount.quantize(CENT)
    return cents if cents == amount else amount.normalize()


@attrs.frozen
class OccasionalLeavePay(Explained):
    """Paid leave of an occasional care: 10 % of the gross pay, at the end."""

    gross: Decimal
    amount: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def occasional_leave_pay(total_gross: object) -> OccasionalLeavePay:
    """Congés payés de l'accueil occasionnel — 10 % of the gross pay of the care,
    not included in the monthly pay, paid at the end of the care (CCN 3239
    art. 102.1.2.3).

    >>> occasional_leave_pay("466.67").amount
    Decimal('46.67')
    """
    gross = parse_money(total_gross, "total_gross")
    amount = round_to_cents(Fraction(gross) / 10)
    explanation = Explanation(
        title="Congés payés de l'accueil occasionnel",
        reference="CCN 3239 art. 102.1.2.3",
        steps=(Step("Indemnité de congés payés", f"10 % × {euros(gross)}", euros(amount),
                    "CCN 3239 art. 102.1.2.3"),),
        notes=("Versée à la fin de l'accueil ; à déclarer à Pajemploi avec le nombre de jours de "
               "congés payés, qui ne sont pas compris dans les jours d'activité [S].",),
    )
    return OccasionalLeavePay(gross, amount, explanation)
