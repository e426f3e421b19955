"""Période d'essai — maximum trial period of a CDI (CCN 3239 art. 44.1, 95.1).

3 months when the AM cares for the child 1 to 3 days a week, 2 months from
4 days a week, 30 calendar days for a new contract for a sibling when a trial
period was completed on a running contract. The trial period is optional and
must be written in the contract; ending it needs no notice and no rupture
indemnity (art. 44.1.3).

>>> from datetime import date
>>> t = trial_period(days_per_week=4)
>>> t.max_months, t.max_days, t.last_day(date(2025, 1, 31))
(2, None, datetime.date(2025, 3, 30))
>>> trial_period(days_per_week=5, sibling_with_completed_trial=True).max_days
30
"""

from __future__ import annotations

from datetime import date

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step
from amcalc.periods import MonthEnd, last_day

__all__ = ["TrialPeriod", "trial_period"]


@attrs.frozen
class TrialPeriod(Explained):
    """Maximum trial period: ``max_months`` or ``max_days`` (calendar days)."""

    max_months: int | None
    max_days: int | None
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def last_day(self, start: date, month_end: MonthEnd = MonthEnd.LAST_DAY_OF_MONTH) -> date:
        """Last day of a maximal trial whose day 1 is ``start`` (see :mod:`amcalc.periods`)."""
        return last_day(start, days=self.max_days, months=self.max_months, month_end=month_end)


def trial_period(*, days_per_week: int, sibling_with_completed_trial: bool = False) -> TrialPeriod:
    """Maximum trial period for a CDI with care on ``days_per_week`` days."""
    if isinstance(days_per_week, bool) or not isinstance(days_per_week, int) or not 1 <= days_per_week <= 7:
        raise InvalidInput("days_per_week", f"{days_per_week!r} jours par semaine est impossible (1 à 7).")
    if sibling_with_completed_trial:
        step = Step("Nouveau contrat pour un frère ou une sœur", "essai déjà concluant sur un contrat en cours",
                    "30 jours calendaires", "CCN 3239 art. 95.1")
        months, days = None, 30
    else:
        months = 3 if days_per_week <= 3 else 2
        step = Step("Durée maximale", f"accueil {days_per_week} jour{'s' if days_per_week > 1 else ''} par semaine",
                    f"{months} mois", "CCN 3239 art. 95.1")
        days = None
    explanation = Explanation(
        title="Période d'essai maximale (CDI)",
        reference="CCN 3239 art. 44.1, 95.1",
        steps=(step,),
        notes=("La période d'essai doit figurer au contrat ; la période d'adaptation (30 jours "
               "au plus) est incluse dans la période d'essai (art. 94).",
               "En CDD, la durée légale s'applique (Code du travail L1242-10)."),
    )
    return TrialPeriod(months, days, explanation)
