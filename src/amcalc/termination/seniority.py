"""Ancienneté — the AM's seniority with the parent employer (CCN 3239 art. 60, 90.1).

Seniority runs from the hiring date — or, for a sibling's contract, from the
hiring date of the oldest contract of the same family still running (art. 90.1)
— to a given day, **that day included** (a contract starting on 1 January has
9 months of seniority on 30 September). Periods that do not count are taken
off day for day (rules.md §8.3): non-professional sickness (art. 49), unpaid
personal leave (art. 48.2.1) and the AM's days off for her own sick child
(art. 48.2.2); a full-time parental leave counts for half. Paid leave,
maternity, paternity and adoption leave, work accidents and occupational
diseases, family events and family-care leaves count in full.

>>> from datetime import date
>>> s = seniority(date(2024, 1, 1), date(2024, 9, 30))
>>> s.months, s.days
(9, 0)
>>> sick = Period(date(2024, 3, 4), date(2024, 3, 13), PeriodKind.NON_PROFESSIONAL_SICKNESS)
>>> s = seniority(date(2024, 1, 1), date(2024, 9, 30), periods=[sick])
>>> s.months, s.days, s.excluded_days
(8, 20, Fraction(10, 1))
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

import attrs

from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, french_date, number
from amcalc.inputs import parse_choice, parse_date, parse_items, parse_optional_date, parse_span
from amcalc.periods import add_months

__all__ = ["Period", "PeriodKind", "Seniority", "seniority"]


class PeriodKind(StrEnum):
    """A period of the contract, by how it counts for seniority (CCN 3239 art. 60)."""

    NON_PROFESSIONAL_SICKNESS = "non_professional_sickness"
    UNPAID_LEAVE = "unpaid_leave"
    CHILD_SICK_LEAVE = "child_sick_leave"
    PARENTAL_LEAVE = "parental_leave"
    PAID_LEAVE = "paid_leave"
    MATERNITY = "maternity"
    WORK_ACCIDENT = "work_accident"
    FAMILY_EVENT = "family_event"
    FAMILY_CARE_LEAVE = "family_care_leave"


# Share of each day of the period taken off the seniority, and the article.
_EXCLUDED: dict[PeriodKind, tuple[Fraction, str, str]] = {
    PeriodKind.NON_PROFESSIONAL_SICKNESS: (Fraction(1), "maladie non professionnelle", "CCN 3239 art. 49, 60"),
    PeriodKind.UNPAID_LEAVE: (Fraction(1), "congé sans solde", "CCN 3239 art. 48.2.1, 60"),
    PeriodKind.CHILD_SICK_LEAVE: (Fraction(1), "congé pour enfant malade", "CCN 3239 art. 48.2.2, 60"),
    PeriodKind.PARENTAL_LEAVE: (Fraction(1, 2), "congé parental d'éducation à temps plein (pour moitié)",
                                "CCN 3239 art. 60"),
    PeriodKind.PAID_LEAVE: (Fraction(0), "congés payés", "CCN 3239 art. 60"),
    PeriodKind.MATERNITY: (Fraction(0), "congé de maternité, de paternité ou d'adoption", "CCN 3239 art. 60"),
    PeriodKind.WORK_ACCIDENT: (Fraction(0), "accident du travail ou maladie professionnelle",
                               "CCN 3239 art. 49, 60"),
    PeriodKind.FAMILY_EVENT: (Fraction(0), "congé pour événement familial", "CCN 3239 art. 48.1.3.1.1, 60"),
    PeriodKind.FAMILY_CARE_LEAVE: (Fraction(0), "congé de présence parentale, de solidarité familiale "
                                   "ou de proche aidant", "CCN 3239 art. 60"),
}


def _kind(value: object) -> PeriodKind:
    return parse_choice(PeriodKind, value, "periods.kind")


@attrs.frozen
class Period:
    """A period of the contract from ``start`` to ``end`` inclusive."""

    start: date
    end: date
    kind: PeriodKind = attrs.field(converter=_kind)

    def __attrs_post_init__(self) -> None:
        parse_span(self, "start", "end", "periods")


def _completed_months(start: date, until: date) -> int:
    """The largest n with ``start`` + n months ≤ ``until`` (``until`` ≥ ``start``)."""
    n = (until.year - start.year) * 12 + until.month - start.month
    while n > 0 and add_months(start, n) > until:
        n -= 1
    return n


@attrs.frozen(kw_only=True)
class Seniority(Explained):
    """Seniority on ``on``: ``months`` completed months and ``days`` more, after the
    ``excluded_days`` (exact: parental leave counts half days) are taken off."""

    start: date
    on: date
    excluded_days: Fraction
    months: int
    days: int
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def reaches(self, months: int) -> bool:
        """Whether the seniority is at least ``months`` months."""
        return self.months >= months

    @property
    def label(self) -> str:
        return months_and_days(self.months, self.days)


def months_and_days(months: int, days: int) -> str:
    """``9 mois et 1 jour``, ``9 mois et 15 jours``."""
    return f"{months} mois et {days} jour{'s' if days > 1 else ''}"


def seniority(
    hired: date | str, on: date | str, *, periods: Iterable[Period] = (),
    family_first_hired: date | str | None = None,
) -> Seniority:
    """Ancienneté (CCN 3239 art. 60, 90.1) from ``hired`` to ``on`` included.

    ``family_first_hired`` is the hiring date of the oldest running contract of the
    same family (sibling take-over, art. 90.1): seniority runs from it when earlier.

    >>> from datetime import date
    >>> seniority(date(2025, 1, 6), date(2025, 3, 5), family_first_hired=date(2023, 9, 4)).label
    '18 mois et 2 jours'
    """
    hired, on = parse_date(hired, "hired"), parse_date(on, "on")
    family_first_hired = parse_optional_date(family_first_hired, "family_first_hired")
    if on < hired:
        raise InvalidInput("on", f"le {french_date(on)} précède l'embauche du {french_date(hired)}.")
    start, steps = hired, []
    if family_first_hired is not None and family_first_hired < hired:
        start = family_first_hired
        steps.append(Step("Reprise d'ancienneté (frère ou sœur)",
                          "embauche du plus ancien contrat en cours de la famille",
                          french_date(start), "CCN 3239 art. 90.1"))
    excluded = Fraction(0)
    spans: list[tuple[date, date]] = []
    for period in sorted(parse_items(periods, Period, "periods"), key=lambda p: p.start):
        first, last = max(period.start, start), min(period.end, on)
        if last < first:
            continue
        if spans and first <= spans[-1][1]:
            raise InvalidInput("periods", f"les périodes se chevauchent le {french_date(first)}.")
        spans.append((first, last))
        share, label, article = _EXCLUDED[period.kind]
        length = (last - first).days + 1
        excluded += share * length
        steps.append(Step(label.capitalize(), f"du {french_date(first)} au {french_date(last)} : "
                          f"{length} j × {number(share, 1)}", f"{number(share * length, 1)} j retirés",
                          article))
    # First day not counted, once the excluded days are taken off (only whole days count).
    reference = math.floor((on + timedelta(days=1)).toordinal() - excluded)
    first_uncounted = date.fromordinal(max(start.toordinal(), reference))
    months = _completed_months(start, first_uncounted)
    days = (first_uncounted - add_months(start, months)).days
    steps.append(Step("Ancienneté", f"du {french_date(start)} au {french_date(on)} inclus"
                      + (f", moins {number(excluded, 1)} j" if excluded else ""),
                      months_and_days(months, days), "CCN 3239 art. 60"))
    explanation = Explanation(
        title=f"Ancienneté au {french_date(on)}",
        reference="CCN 3239 art. 60, 90.1",
        steps=tuple(steps),
        notes=("Le jour de référence est compté : un contrat commencé le 1er janvier a 9 mois "
               "d'ancienneté le 30 septembre.",),
    )
    return Seniority(start=start, on=on, excluded_days=excluded, months=months, days=days,
                     explanation=explanation)
