"""Absences de l'enfant malade — the limits of CCN 3239 art. 105.

Unplanned absences of the child are paid. An absence justified by a medical
certificate or a hospital bulletin (handed over at the latest on the child's
return) is unpaid within two limits, assessed per contract year (12 rolling
months from the hiring date or its anniversary, not the civil year):

- short absences, not necessarily consecutive: at most **5 days** in total
  (scheduled days of care, rules.md §4.3 [U]); beyond, the salary is due;
- one absence of **14 consecutive calendar days**: beyond the 14th day the
  parent must resume pay or end the contract (retrait, art. 119.1).

What the CCN leaves open is a named option: :class:`LongAbsenceRule` (which
absence uses the 14-day limit) and ``one_long_absence_per_year``. The counters
carry from month to month in a :class:`ChildIllnessLedger`.

>>> from datetime import date
>>> r = child_illness(
...     hired=date(2024, 1, 8), scheduled_days=["mon", "tue", "thu", "fri"],
...     absences=[IllnessAbsence(date(2025, 2, 3), date(2025, 2, 23))])
>>> r.unpaid_days, r.paid_days, r.resume_or_end_on
(8, 4, datetime.date(2025, 2, 17))
"""

from __future__ import annotations

from calendar import isleap
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum
from functools import partial
from itertools import groupby
from operator import attrgetter
from typing import Any

import attrs

from amcalc.calendar import WEEKDAYS, Territory, public_holidays
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, french_date
from amcalc.inputs import parse_choice, parse_date, parse_flag, parse_items, parse_span

__all__ = [
    "SHORT_ABSENCE_DAYS",
    "LONG_ABSENCE_CALENDAR_DAYS",
    "ChildIllness",
    "ChildIllnessLedger",
    "ContractYearUsage",
    "IllnessAbsence",
    "IllnessDay",
    "LongAbsenceRule",
    "assess_illness",
    "child_illness",
    "contract_year_start",
    "hiring_date_needed",
]

SHORT_ABSENCE_DAYS = 5  # CCN 3239 art. 105
LONG_ABSENCE_CALENDAR_DAYS = 14  # CCN 3239 art. 105
_REFERENCE = "CCN 3239 art. 105"


class LongAbsenceRule(StrEnum):
    """Which certified absence falls under the 14-consecutive-day limit rather than
    the 5-day limit of short absences (art. 105 does not define "courtes absences").

    ``FOURTEEN_DAYS`` (default, literal reading and the practice under the former
    CCN): only an absence lasting at least 14 consecutive calendar days; any
    shorter one counts toward the 5 days. ``MORE_THAN_FIVE_DAYS``: any absence of
    more than 5 scheduled days (it cannot be "short"), up to its 14th calendar day.
    """

    FOURTEEN_DAYS = "fourteen_days"
    MORE_THAN_FIVE_DAYS = "more_than_five_days"


LONG_ABSENCE_TEXT = {
    LongAbsenceRule.FOURTEEN_DAYS: "une absence d'au moins 14 jours calendaires consécutifs (choix par défaut)",
    LongAbsenceRule.MORE_THAN_FIVE_DAYS: "toute absence de plus de 5 jours d'accueil prévus",
}
"""Each rule in the words of the explanations."""


@attrs.frozen
class IllnessAbsence:
    """A period of absence of the child (calendar dates, inclusive)."""

    start: date
    end: date
    certificate: bool = True

    def __attrs_post_init__(self) -> None:
        parse_span(self, "start", "end", "absences", max_days=366)
        parse_flag(self.certificate, "absences.certificate")

    @property
    def calendar_days(self) -> int:
        return (self.end - self.start).days + 1


@attrs.frozen
class IllnessDay:
    """A scheduled day of absence and whether it stays paid, with the reason."""

    day: date
    paid: bool
    reason: str


@attrs.frozen
class ContractYearUsage:
    """What a contract year has used: unpaid short days, and the long absence (its start)."""

    year_start: date
    short_days: int = 0
    long_absence: date | None = None


def contract_year_start(hired: date, day: date) -> date:
    """First day of the contract year containing ``day`` (hiring date or anniversary)."""
    if day < hired:
        raise InvalidInput("absences", f"le {french_date(day)} précède l'embauche "
                                       f"({french_date(hired)}).")
    start = _anniversary(hired, day.year)
    return start if start <= day else _anniversary(hired, day.year - 1)


def _anniversary(hired: date, year: int) -> date:
    """The hiring date in ``year``: a hiring on 29 February has its anniversary on
    28 February of a common year (as ``hired + relativedelta(years=…)``)."""
    if hired.month == 2 and hired.day == 29 and not isleap(year):
        return date(year, 2, 28)
    return hired.replace(year=year)


@attrs.frozen
class ChildIllnessLedger:
    """The art. 105 counters, carried from month to month.

    ``open_run`` is a certified absence that reached the end of the last month
    computed (its start and last day), so that the next month can continue it.
    """

    hired: date
    years: tuple[ContractYearUsage, ...] = ()
    open_run: tuple[date, date] | None = None

    def usage(self, day: date) -> ContractYearUsage:
        return self._year_opened(contract_year_start(self.hired, day))

    def _year_opened(self, start: date) -> ContractYearUsage:
        for used in self.years:
            if used.year_start == start:
                return used
        return ContractYearUsage(start)

    def with_usage(self, used: ContractYearUsage) -> ChildIllnessLedger:
        years = [u for u in self.years if u.year_start != used.year_start]
        years.append(used)
        years.sort(key=attrgetter("year_start"))
        return ChildIllnessLedger(self.hired, tuple(years), self.open_run)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], hired: date | None,
                     field: str = "illness_ledger") -> ChildIllnessLedger:
        """The counters carried from last month, as :meth:`as_mapping` gives them:
        ``{"years": [{"year_start", "short_days", "long_absence"}], "open_start",
        "open_last"}`` (``hired``: the contract's start).

        >>> ledger = ChildIllnessLedger.from_mapping(
        ...     {"years": [{"year_start": date(2025, 1, 6), "short_days": 3}]}, date(2024, 1, 6))
        >>> ledger.usage(date(2025, 3, 3)).short_days
        3
        >>> ChildIllnessLedger.from_mapping({"years": [{"year_start": date(2025, 2, 1), "short_days": 1}]},
        ...                                 date(2024, 1, 6))
        Traceback (most recent call last):
        amcalc.errors.InvalidInput: illness_ledger.years : le 01/02/2025 n'ouvre pas une année de contrat (embauche le 06/01/2024) : donnez la date d'embauche ou un de ses anniversaires (CCN 3239 art. 105).
        """
        if not isinstance(data, Mapping):
            raise InvalidInput(field, "une table { years, open_start, open_last } est attendue.")
        if hired is None:
            raise hiring_date_needed()
        years = tuple(_year_usage(entry, hired, f"{field}.years") for entry in data.get("years") or ())
        if len({u.year_start for u in years}) != len(years):
            raise InvalidInput(f"{field}.years", "une année de contrat est donnée deux fois.")
        start, last = data.get("open_start"), data.get("open_last")
        if (start is None) != (last is None):
            raise InvalidInput(field, "open_start et open_last vont ensemble : l'absence en cours à la fin "
                                      "du mois précédent (son premier et son dernier jour).")
        open_run = None
        if start is not None:
            open_run = (parse_date(start, f"{field}.open_start"), parse_date(last, f"{field}.open_last"))
            if not hired <= open_run[0] <= open_run[1]:
                raise InvalidInput(field, "l'absence en cours doit commencer après l'embauche et finir "
                                          "après son premier jour.")
        return cls(hired, tuple(sorted(years, key=lambda u: u.year_start)), open_run)

    def as_mapping(self) -> dict[str, Any]:
        """The counters to hand to next month (:meth:`from_mapping`, the bulk column
        ``illness_ledger``)."""
        return {"years": [{"year_start": u.year_start, "short_days": u.short_days,
                           "long_absence": u.long_absence} for u in self.years],
                "open_start": self.open_run[0] if self.open_run else None,
                "open_last": self.open_run[1] if self.open_run else None}


def hiring_date_needed() -> InvalidInput:
    """The error when art. 105's contract year cannot be placed: no hiring date."""
    return InvalidInput("start", "la date d'embauche est nécessaire pour les limites de l'article 105 "
                                 "(année de contrat).")


def _year_usage(entry: object, hired: date, field: str) -> ContractYearUsage:
    """One contract year of a carried ledger: it opens on the hiring date or an
    anniversary, with 0 to 5 short days and its long absence inside it (art. 105)."""
    if not isinstance(entry, Mapping):
        raise InvalidInput(field, "une table { year_start, short_days, long_absence } est attendue.")
    start = parse_date(entry.get("year_start"), f"{field}.year_start")
    if start < hired or contract_year_start(hired, start) != start:
        raise InvalidInput(field, f"le {french_date(start)} n'ouvre pas une année de contrat (embauche le "
                                  f"{french_date(hired)}) : donnez la date d'embauche ou un de ses "
                                  f"anniversaires ({_REFERENCE}).")
    short_days = entry.get("short_days") or 0
    if isinstance(short_days, bool) or not isinstance(short_days, int) or not 0 <= short_days <= SHORT_ABSENCE_DAYS:
        raise InvalidInput(f"{field}.short_days", f"de 0 à {SHORT_ABSENCE_DAYS} jours de courtes absences "
                                                  f"non rémunérés par année de contrat ({_REFERENCE}).")
    long_absence = entry.get("long_absence")
    if long_absence is not None:
        long_absence = parse_date(long_absence, f"{field}.long_absence")
        if long_absence < start or contract_year_start(hired, long_absence) != start:
            raise InvalidInput(f"{field}.long_absence", f"le {french_date(long_absence)} n'est pas dans "
                                                        f"l'année de contrat ouverte le {french_date(start)}.")
    return ContractYearUsage(start, short_days, long_absence)



def _is_long(period: IllnessAbsence, days: Sequence[date], rule: LongAbsenceRule) -> bool:
    if rule is LongAbsenceRule.MORE_THAN_FIVE_DAYS:
        return len(days) > SHORT_ABSENCE_DAYS
    return period.calendar_days >= LONG_ABSENCE_CALENDAR_DAYS


def assess_illness(
    ledger: ChildIllnessLedger,
    periods: Iterable[tuple[IllnessAbsence, Sequence[date]]],
    *,
    rule: LongAbsenceRule = LongAbsenceRule.FOURTEEN_DAYS,
    one_long_absence_per_year: bool = True,
) -> tuple[tuple[IllnessDay, ...], tuple[date, ...], ChildIllnessLedger]:
    """Decide each scheduled day of each period (with the days to decide, in order).

    Returns the decided days, the dates from which pay must resume or the
    contract end, and the updated ledger.
    """
    decided: list[IllnessDay] = []
    resume: list[date] = []
    for period, days in sorted(periods, key=lambda p: p[0].start):
        if not period.certificate:
            decided += [IllnessDay(d, True, _UNCERTIFIED) for d in days]
            continue
        used = ledger.usage(period.start)
        long_allowed = used.long_absence in (None, period.start) or not one_long_absence_per_year
        if _is_long(period, days, rule) and long_allowed:
            last_unpaid = period.start + timedelta(days=LONG_ABSENCE_CALENDAR_DAYS - 1)
            decided += _long_absence_days(days, last_unpaid)
            if period.end > last_unpaid:
                resume.append(last_unpaid + timedelta(days=1))
            ledger = ledger.with_usage(attrs.evolve(used, long_absence=period.start))
            continue
        short, ledger = _short_absence_days(ledger, days)
        decided += short
    return tuple(decided), tuple(resume), ledger


_UNCERTIFIED = ("sans certificat médical ni bulletin d'hospitalisation remis au retour de l'enfant, "
                "l'absence est rémunérée")
_BEYOND_LONG = "au-delà de 14 jours calendaires consécutifs : reprise du salaire ou rupture du contrat"
_BEYOND_SHORT = "limite de 5 jours de courtes absences atteinte pour l'année de contrat : le salaire est dû"


def _long_absence_days(days: Sequence[date], last_unpaid: date) -> list[IllnessDay]:
    """The long absence: unpaid up to its 14th calendar day, paid beyond (art. 105)."""
    unpaid = f"absence longue : non rémunérée jusqu'au 14e jour calendaire ({french_date(last_unpaid)})"
    return [IllnessDay(d, False, unpaid) if d <= last_unpaid else IllnessDay(d, True, _BEYOND_LONG)
            for d in days]


def _short_absence_days(ledger: ChildIllnessLedger,
                        days: Sequence[date]) -> tuple[list[IllnessDay], ChildIllnessLedger]:
    """Short absences: the first 5 days of each contract year unpaid, the next ones paid
    (art. 105); the ledger counts them, one contract year after the other."""
    decided: list[IllnessDay] = []
    for year_start, group in groupby(days, key=partial(contract_year_start, ledger.hired)):
        year_days = list(group)
        used = ledger._year_opened(year_start)
        unpaid = year_days[:max(SHORT_ABSENCE_DAYS - used.short_days, 0)]
        opened = french_date(year_start)
        decided += [IllnessDay(d, False, f"courte absence n° {used.short_days + n} sur 5 de l'année "
                                         f"de contrat ouverte le {opened}")
                    for n, d in enumerate(unpaid, 1)]
        decided += [IllnessDay(d, True, _BEYOND_SHORT) for d in year_days[len(unpaid):]]
        if unpaid:
            used = ContractYearUsage(year_start, used.short_days + len(unpaid), used.long_absence)
            ledger = ledger.with_usage(used)
    return decided, ledger


@attrs.frozen
class ChildIllness(Explained):
    """Scheduled days of absence left unpaid or paid, and when pay must resume."""

    unpaid_days: int
    paid_days: int
    resume_or_end_on: date | None
    days: tuple[IllnessDay, ...]
    ledger: ChildIllnessLedger
    explanation: Explanation = attrs.field(eq=False, repr=False)


def _merge(absences: Iterable[IllnessAbsence]) -> list[IllnessAbsence]:
    """Join periods that overlap or follow each other with the same justification."""
    merged: list[IllnessAbsence] = []
    for a in sorted(absences, key=lambda a: a.start):
        last = merged[-1] if merged else None
        if last and last.certificate == a.certificate and a.start <= last.end + timedelta(days=1):
            merged[-1] = IllnessAbsence(last.start, max(last.end, a.end), a.certificate)
        elif last and a.start <= last.end:
            raise InvalidInput("absences", f"les absences du {french_date(last.start)} et du "
                                           f"{french_date(a.start)} se chevauchent.")
        else:
            merged.append(a)
    return merged


def child_illness(
    *,
    hired: date | str,
    absences: Iterable[IllnessAbsence],
    scheduled_days: Iterable[str],
    territory: Territory = Territory.METROPOLE,
    ledger: ChildIllnessLedger | None = None,
    rule: LongAbsenceRule = LongAbsenceRule.FOURTEEN_DAYS,
    one_long_absence_per_year: bool = True,
) -> ChildIllness:
    """Absences de l'enfant malade, limites de 5 jours et de 14 jours (CCN 3239 art. 105).

    ``scheduled_days`` are the weekdays of care (``"mon"``…); public holidays
    are not days of care. Pass the ``ledger`` of earlier absences of the
    contract (the result's ``ledger`` carries on).

    >>> from datetime import date
    >>> child_illness(hired=date(2024, 2, 5), scheduled_days=["mon", "tue"], absences=[
    ...     IllnessAbsence(date(2024, 11, 18), date(2024, 11, 19))]).unpaid_days
    2
    """
    hired = parse_date(hired, "hired")
    territory = parse_choice(Territory, territory, "territory")
    if isinstance(scheduled_days, (str, Mapping)) or not isinstance(scheduled_days, Iterable):
        raise InvalidInput("scheduled_days", f"une liste de jours est attendue, parmi {', '.join(WEEKDAYS)}.")
    weekdays = set(scheduled_days)
    if not weekdays or weekdays - set(WEEKDAYS):
        raise InvalidInput("scheduled_days", f"jours d'accueil attendus parmi {', '.join(WEEKDAYS)}.")
    book = ledger if ledger is not None else ChildIllnessLedger(hired)
    if book.hired != hired:
        raise InvalidInput("ledger", "le registre appartient à un contrat d'une autre date d'embauche.")
    periods = []
    for period in _merge(parse_items(absences, IllnessAbsence, "absences")):
        days = []
        day = period.start
        while day <= period.end:
            if WEEKDAYS[day.weekday()] in weekdays and day not in public_holidays(day.year, territory):
                days.append(day)
            day += timedelta(days=1)
        periods.append((period, tuple(days)))
    decided, resume, book = assess_illness(book, periods, rule=rule,
                                           one_long_absence_per_year=one_long_absence_per_year)
    unpaid = sum(1 for d in decided if not d.paid)
    steps = [Step(french_date(d.day), d.reason, "rémunéré" if d.paid else "non rémunéré", _REFERENCE)
             for d in decided]
    steps.append(Step("Jours non rémunérés", "jours d'accueil prévus", str(unpaid), _REFERENCE))
    steps.append(Step("Jours rémunérés", "jours d'accueil prévus", str(len(decided) - unpaid), _REFERENCE))
    if resume:
        steps.append(Step("Reprise du salaire ou rupture", "15e jour calendaire de l'absence",
                          french_date(resume[0]), "CCN 3239 art. 105, 119.1"))
    explanation = Explanation(
        title="Absences de l'enfant malade",
        reference=_REFERENCE,
        steps=tuple(steps),
        notes=(
            "Limites appréciées par année de contrat (12 mois glissants à compter de l'embauche "
            f"le {french_date(hired)} ou de sa date anniversaire), pas par année civile.",
            "Les 5 jours comptent les jours d'accueil prévus (jours fériés exclus) ; "
            f"règle de l'absence longue : {LONG_ABSENCE_TEXT[rule]}"
            + (", une seule par année de contrat." if one_long_absence_per_year else "."),
        ),
    )
    return ChildIllness(unpaid, len(decided) - unpaid, resume[0] if resume else None,
                        decided, book, explanation)
