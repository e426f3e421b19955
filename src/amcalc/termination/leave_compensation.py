"""Indemnité compensatrice de congés payés — paid leave still owed at the end of the
contract (CCN 3239 art. 67, 123.1, 123.2; Code du travail L3141-28).

All the leave earned and not yet paid is compensated at the higher of maintien
and 1/10 (:func:`amcalc.paid_leave.leave_indemnity`), separately for a completed
reference period still unpaid and for the current one (1 June → end). It is due
whatever the reason of the end, faute grave and retrait forcé included.

>>> from decimal import Decimal
>>> from amcalc.contract import Contract
>>> c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=36, weekly_hours="40", days_per_week=4)
>>> iccp = leave_compensation(c, current=LeaveOwed(days=23, reference_gross=Decimal("5760.00")))
>>> iccp.total, iccp.lines[0].indemnity.method
(Decimal('613.33'), 'maintien')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from amcalc.contract import Contract
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros
from amcalc.money import parse_money
from amcalc.paid_leave import LeaveIndemnity, leave_indemnity
from amcalc.paid_leave.acquisition import days_text

__all__ = ["LeaveCompensation", "LeaveCompensationLine", "LeaveOwed", "leave_compensation"]

_REFERENCE = "CCN 3239 art. 67, 123.1, 123.2 ; Code du travail L3141-28"


@attrs.frozen(kw_only=True)
class LeaveOwed:
    """Rights of one reference period not yet paid: ``days`` acquired (jours ouvrables),
    the period's ``reference_gross`` (indemnities excluded, CP paid included) and the
    leave money ``already_paid`` on these rights."""

    days: int
    reference_gross: Decimal
    already_paid: Decimal = Decimal("0.00")

    def __attrs_post_init__(self) -> None:
        if isinstance(self.days, bool) or not isinstance(self.days, int) or self.days < 0:
            raise InvalidInput("days", f"un nombre entier de jours est attendu ({self.days!r}).")
        for field in ("reference_gross", "already_paid"):
            parse_money(getattr(self, field), field)


@attrs.frozen
class LeaveCompensationLine:
    """The compensation of one period: the indemnity owed, minus what was already paid."""

    label: str
    owed: LeaveOwed
    indemnity: LeaveIndemnity
    amount: Decimal


@attrs.frozen(kw_only=True)
class LeaveCompensation(Explained):
    """The ICCP lines and their ``total`` (salary: subject to contributions)."""

    lines: tuple[LeaveCompensationLine, ...]
    total: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


def leave_compensation(
    contract: Contract, *, completed: LeaveOwed | None = None, current: LeaveOwed | None = None,
) -> LeaveCompensation:
    """ICCP for a ``completed`` period still unpaid and for the ``current`` one (art. 123)."""
    lines, steps = [], []
    for field, owed in (("completed", completed), ("current", current)):
        if owed is not None and not isinstance(owed, LeaveOwed):
            raise InvalidInput(field, "des congés dus (jours acquis et salaires de la période) sont "
                               f"attendus ({type(owed).__name__} reçu).")
    for label, owed in (("Période de référence achevée", completed), ("Période en cours", current)):
        if owed is None or owed.days == 0:
            continue
        indemnity = leave_indemnity(contract, acquired_days=owed.days, reference_gross=owed.reference_gross)
        amount = max(Decimal("0.00"), indemnity.indemnity - owed.already_paid)
        lines.append(LeaveCompensationLine(label, owed, indemnity, amount))
        method = "maintien" if indemnity.method == "maintien" else "dixième"
        steps += [Step(f"{label} — {s.label.lower()}", s.formula, s.result, s.reference)
                  for s in indemnity.explanation.steps[:2]]
        formula = (f"{days_text(owed.days)} : le plus élevé de {euros(indemnity.maintien)} (maintien) "
                   f"et {euros(indemnity.tenth)} (dixième), soit le {method}")
        if owed.already_paid:
            formula += f", moins {euros(owed.already_paid)} déjà versés"
        steps.append(Step(label, formula, euros(amount), "CCN 3239 art. 123 ; Code du travail L3141-24"))
    total = sum((line.amount for line in lines), Decimal("0.00"))
    amounts = [euros(line.amount) for line in lines]
    steps.append(Step("Indemnité compensatrice de congés payés",
                      " + ".join(amounts) if len(amounts) > 1 else f"{amounts[0] if amounts else euros(total)}, "
                      "une seule période", euros(total), _REFERENCE))
    explanation = Explanation(
        title="Indemnité compensatrice de congés payés", reference=_REFERENCE, steps=tuple(steps),
        notes=("Due quel que soit le motif de la rupture (faute grave et retrait forcé compris) ; "
               "c'est un salaire, soumis à cotisations.",),
    )
    return LeaveCompensation(lines=tuple(lines), total=total, explanation=explanation)
