"""Les dates de ses congés payés avec plusieurs employeurs (CCN 3239 art. 102.1.1; CASF L423-23).

With several employers, the AM's leave dates are agreed with all of them by
1 March. Failing an agreement, she fixes them herself: **4 weeks between 1 May
and 31 October and 1 week in winter**, and tells each employer in writing by
1 March. The same weeks then apply to every contract: a full-year contract
keeps paying the month (the leave days are absences for paid leave), a
part-year contract has them among its weeks without care (CCN 3239 art. 102.2).

"Winter" is not defined: here, a week outside 1 May – 31 October, from
1 November before to 30 April after the summer weeks (evidence U).

>>> from datetime import date
>>> plan = leave_dates(2026, [date(2026, 8, 3) + timedelta(weeks=k) for k in range(4)] + [date(2026, 12, 21)],
...                    employers=["A", "B"], notified={"A": date(2026, 2, 20), "B": date(2026, 3, 4)})
>>> plan.lawful, plan.findings
(False, ("B n'a pas été informé par écrit au plus tard le 01/03/2026 (CASF L423-23 ; CCN 3239 art. 102.1.1).",))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

import attrs

from amcalc.am.childminder import ChildCare
from amcalc.calendar import holiday_name
from amcalc.contract import Accueil
from amcalc.explain import french_date
from amcalc.month import Absence
from amcalc.paid_leave.taking import main_leave_window

__all__ = ["LeaveDates", "leave_dates"]

SUMMER_WEEKS = 4  # CASF L423-23: between 1 May and 31 October
WINTER_WEEKS = 1  # CASF L423-23
_REFERENCE = "CASF L423-23 ; CCN 3239 art. 102.1.1"


@attrs.frozen(kw_only=True)
class LeaveDates:
    """The leave weeks of ``year`` (Mondays), whether they were agreed with every employer by
    1 March, and what breaks the rule when she fixed them herself (French, with the article)."""

    year: int
    weeks: tuple[date, ...]
    agreed: bool
    findings: tuple[str, ...]

    @property
    def lawful(self) -> bool:
        return not self.findings

    def contract_events(self, care: ChildCare) -> dict[str, object]:
        """What the weeks mean for one contract, as keyword arguments of
        :func:`amcalc.month.month_pay` (filter them by month): absences for paid leave on its
        days of care (52 weeks), or weeks without care (46 weeks or less)."""
        contract = care.contract
        if contract.accueil is Accueil.PART_YEAR:
            return {"non_care_weeks": list(self.weeks)}
        schedule = contract.schedule
        days = [monday + timedelta(days=k) for monday in self.weeks for k in range(7)]
        return {"absences": [Absence.of(day, "paid_leave") for day in days
                             if schedule is not None and schedule.seconds_by_weekday[day.weekday()]
                             and holiday_name(day, contract.territory) is None and care.in_force(day)]}


def leave_dates(year: int, weeks: Iterable[date], *, employers: Iterable[str],
                agreed_on: date | None = None, notified: Mapping[str, date] | None = None) -> LeaveDates:
    """Ses congés de ``year`` (CASF L423-23; CCN 3239 art. 102.1.1): the Mondays of the leave
    ``weeks``; ``agreed_on`` the day all ``employers`` agreed to them (none: she fixed them);
    ``notified``: employer → the day she told it in writing."""
    mondays = tuple(sorted(set(weeks)))
    deadline = date(year, 3, 1)
    findings = [f"{french_date(m)} n'est pas un lundi : indiquez le lundi de chaque semaine de congé."
                for m in mondays if m.weekday() != 0]
    agreed = agreed_on is not None and agreed_on <= deadline
    if not agreed:
        first, last = main_leave_window(date(year, 5, 31))
        summer = [m for m in mondays if first <= m and m + timedelta(days=6) <= last]
        winter = [m for m in mondays if m not in summer and _in_winter(m, year)]
        if len(summer) != SUMMER_WEEKS or len(winter) != WINTER_WEEKS or len(mondays) != len(summer) + len(winter):
            findings.append(f"Sans accord de tous les employeurs au {french_date(deadline)}, l'assistant maternel "
                            f"fixe {SUMMER_WEEKS} semaines entre le 1er mai et le 31 octobre et {WINTER_WEEKS} "
                            f"semaine en hiver ; ici {len(summer)} en été, {len(winter)} en hiver et "
                            f"{len(mondays) - len(summer) - len(winter)} autre(s) ({_REFERENCE}).")
        told = notified or {}
        findings += [f"{employer} n'a pas été informé par écrit au plus tard le {french_date(deadline)} "
                     f"({_REFERENCE})." for employer in employers
                     if employer not in told or told[employer] > deadline]
    return LeaveDates(year=year, weeks=mondays, agreed=agreed, findings=tuple(findings))


def _in_winter(monday: date, year: int) -> bool:
    """A week wholly within 1 November – 30 April, before or after the summer of ``year``."""
    sunday = monday + timedelta(days=6)
    return any(date(first, 11, 1) <= monday and sunday <= date(first + 1, 4, 30) for first in (year - 1, year))
