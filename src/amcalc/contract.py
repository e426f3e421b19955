"""Contrat de travail — the contract of an assistant maternel for one child (CCN 3239 art. 90.1, 97).

A contract is "accueil 52 semaines" (année complète, 52 weeks including the
AM's paid leave) or "accueil 46 semaines ou moins" (année incomplète, at most
46 programmed weeks excluding paid leave): there is no third modality
(CCN art. 97.1; rules.md §1.4). Its weekly rhythm is one pattern, or several
patterns each with a number of weeks (school weeks and holiday weeks).

>>> from datetime import date
>>> c = Contract.from_schedule(
...     hourly_rate="4.00", weeks=52, start=date(2024, 11, 4),
...     schedule={"mon": "10", "tue": "10", "thu": "10", "fri": "08:00-18:00"},
... )
>>> c.accueil, c.weekly_hours_average
(<Accueil.FULL_YEAR: '52 semaines'>, Fraction(40, 1))
>>> Contract.from_weekly_hours(hourly_rate="4.00", weeks=49, weekly_hours="40", days_per_week=4)
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: weeks : 49 semaines n'est pas une modalité d'accueil. La CCN 3239 (art. 97.1) n'en connaît que deux : « 52 semaines » (année complète, congés payés inclus) ou « 46 semaines ou moins » (année incomplète, semaines non travaillées listées au contrat). Une famille absente 48 semaines choisit l'une ou l'autre.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from amcalc.calendar import WEEKDAYS, Territory
from amcalc.duration import SECONDS_PER_HOUR, parse_hours, parse_time_range
from amcalc.errors import InvalidInput, LegalLimitExceeded
from amcalc.explain import number
from amcalc.inputs import parse_choice, parse_flag, parse_optional_date, parse_table, parse_whole
from amcalc.minimum_rate import check_rate
from amcalc.money import parse_money, parse_ratio
from amcalc.serialization.contract import ContractForm

__all__ = ["Accueil", "Contract", "ContractKind", "Rhythm", "WeeklySchedule", "parse_choice"]

MAX_AVERAGE_WEEKLY_HOURS = 48  # CCN 3239 art. 96.3; CASF L423-22
MAX_ANNUAL_HOURS_WITH_CONSENT = 2250  # CASF L423-22, with the AM's written consent
WEEKS_WORKED_FULL_YEAR = 47  # 52 weeks less 5 weeks of rest (30 jours ouvrables, CCN art. 102.2)
CCN_3239_IN_FORCE = date(2022, 1, 1)
"""CCN 3239 art. 8: in force from 1 January 2022; it governs from then on the contracts signed before."""
MIN_MAJORATED_RATE = Decimal("0.10")  # CCN 3239 art. 110.1


class Accueil(StrEnum):
    """The two accueil modalities of CCN 3239 art. 97.1."""

    FULL_YEAR = "52 semaines"
    PART_YEAR = "46 semaines ou moins"

    @classmethod
    def of(cls, weeks: object) -> Accueil:
        if isinstance(weeks, bool) or not isinstance(weeks, int):
            raise InvalidInput("weeks", f"le nombre de semaines doit être un entier ({weeks!r}).")
        if weeks == 52:
            return cls.FULL_YEAR
        if 1 <= weeks <= 46:
            return cls.PART_YEAR
        raise InvalidInput(
            "weeks",
            f"{weeks} semaines n'est pas une modalité d'accueil. La CCN 3239 (art. 97.1) n'en "
            "connaît que deux : « 52 semaines » (année complète, congés payés inclus) ou "
            "« 46 semaines ou moins » (année incomplète, semaines non travaillées listées au "
            "contrat). Une famille absente 48 semaines choisit l'une ou l'autre.",
        )


class ContractKind(StrEnum):
    """CDI (the norm), CDD (general law, CCN art. 41.3) or occasional care (art. 97.2)."""

    CDI = "cdi"
    CDD = "cdd"
    OCCASIONAL = "occasional"


@attrs.frozen
class WeeklySchedule:
    """Seconds of care per weekday, Monday first; ``ranges`` keeps the time range
    (start, end in seconds since midnight) of each weekday written as one."""

    seconds_by_weekday: tuple[int, int, int, int, int, int, int]
    ranges: tuple[tuple[int, int] | None, ...] = (None,) * 7

    @classmethod
    def from_mapping(cls, schedule: Mapping[str, object], field: str = "schedule") -> WeeklySchedule:
        """From ``{"mon": "10", "tue": "08:30-18:30", …}``; absent weekdays are not worked."""
        schedule = parse_table(schedule, field, '{ mon = "10", tue = "08:30-18:30", … }')
        unknown = set(schedule) - set(WEEKDAYS)
        if unknown:
            raise InvalidInput(
                field, f"jour inconnu {sorted(map(repr, unknown))} : utilisez {', '.join(WEEKDAYS)}."
            )
        seconds = tuple(
            parse_hours(schedule[d], f"{field}.{d}") if d in schedule else 0 for d in WEEKDAYS
        )
        for day, value in zip(WEEKDAYS, seconds, strict=True):
            if value > 24 * SECONDS_PER_HOUR:
                raise InvalidInput(f"{field}.{day}", "une journée ne dépasse pas 24 heures.")
        if not any(seconds):
            raise InvalidInput(field, "l'emploi du temps ne contient aucune heure d'accueil.")
        ranges = tuple(parse_time_range(schedule[d], f"{field}.{d}") if d in schedule else None
                       for d in WEEKDAYS)
        return cls(seconds, ranges)  # type: ignore[arg-type]

    @property
    def weekly_seconds(self) -> int:
        return sum(self.seconds_by_weekday)

    @property
    def days_per_week(self) -> int:
        return sum(1 for s in self.seconds_by_weekday if s)


@attrs.frozen
class Rhythm:
    """A weekly pattern and the number of weeks a year it applies (rules.md §3.3)."""

    weeks: int
    weekly_seconds: int
    days_per_week: int
    schedule: WeeklySchedule | None = None

    @classmethod
    def of(
        cls, *, weeks: int, weekly_hours: object, days_per_week: object, field: str = "patterns"
    ) -> Rhythm:
        """A rhythm given by weekly hours and days per week; ``field`` prefixes the
        names of the inputs in errors (empty for a contract's single rhythm)."""
        prefix = f"{field}." if field else ""
        seconds = parse_hours(weekly_hours, f"{prefix}weekly_hours")
        days = parse_whole(days_per_week, f"{prefix}days_per_week")
        if not 1 <= days <= 7:
            raise InvalidInput(f"{prefix}days_per_week", f"{days} jours par semaine est impossible (1 à 7).")
        if seconds == 0:
            raise InvalidInput(f"{prefix}weekly_hours", "un rythme sans heure d'accueil n'en est pas un.")
        if seconds > days * 24 * SECONDS_PER_HOUR:
            raise InvalidInput(f"{prefix}weekly_hours", f"{weekly_hours} h en {days} jours est impossible.")
        return cls(parse_whole(weeks, f"{prefix}weeks"), seconds, days)

    @classmethod
    def from_schedule(cls, *, weeks: int, schedule: Mapping[str, object], field: str = "schedule") -> Rhythm:
        parsed = WeeklySchedule.from_mapping(schedule, field)
        return cls(parse_whole(weeks, "weeks"), parsed.weekly_seconds, parsed.days_per_week, parsed)


def _rhythm(entry: Rhythm | Mapping[str, Any], field: str) -> Rhythm:
    """One entry of ``patterns``: a :class:`Rhythm`, or a table with either a weekday
    ``schedule`` or ``weekly_hours`` and ``days_per_week``."""
    if isinstance(entry, Rhythm):
        return entry
    if not isinstance(entry, Mapping):
        raise InvalidInput(field, "une table { weeks, schedule } ou { weeks, weekly_hours, "
                                  "days_per_week } est attendue.")
    if "schedule" in entry:
        if set(entry) != {"weeks", "schedule"}:
            raise InvalidInput(field, "avec un emploi du temps (schedule), seule la clé weeks "
                                      "l'accompagne (les heures et les jours s'en déduisent).")
        parsed = WeeklySchedule.from_mapping(entry["schedule"], f"{field}.schedule")
        weeks = parse_whole(entry["weeks"], f"{field}.weeks")
        return Rhythm(weeks, parsed.weekly_seconds, parsed.days_per_week, parsed)
    return Rhythm.of(weeks=entry.get("weeks"), weekly_hours=entry.get("weekly_hours"),  # type: ignore[arg-type]
                     days_per_week=entry.get("days_per_week"), field=field)


def _optional_money(value: object, field: str, places: int = 4) -> Decimal | None:
    return None if value is None else parse_money(value, field, places=places)


@attrs.frozen(kw_only=True)
class Contract(ContractForm):
    """A contract for one child. Build it with :meth:`from_schedule`,
    :meth:`from_weekly_hours`, :meth:`from_rhythms` or :meth:`from_toml`;
    every constructor validates the whole contract."""

    hourly_rate: Decimal
    weeks: int
    rhythms: tuple[Rhythm, ...]
    start: date | None = None
    end: date | None = None
    kind: ContractKind = ContractKind.CDI
    territory: Territory = Territory.METROPOLE
    am_ge: bool = False
    majorated_rate: Decimal = MIN_MAJORATED_RATE
    complementary_rate: Decimal = Decimal(0)
    maintenance_per_hour: Decimal | None = None
    consent_over_48: bool = False
    """The AM's written consent to work more than 48 h a week on average (CASF L423-22)."""

    def __attrs_post_init__(self) -> None:
        accueil = Accueil.of(self.weeks)
        if self.hourly_rate <= 0:
            raise InvalidInput("hourly_rate", "le taux horaire doit être positif.")
        if not self.rhythms:
            raise InvalidInput("patterns", "au moins un rythme hebdomadaire est nécessaire.")
        planned = sum(r.weeks for r in self.rhythms)
        if any(r.weeks < 1 for r in self.rhythms) or planned != self.weeks:
            raise InvalidInput(
                "patterns",
                f"les semaines des rythmes totalisent {planned} au lieu de {self.weeks} "
                f"(accueil {accueil}).",
            )
        self._check_working_time()
        if self.start and self.end and self.end < self.start:
            raise InvalidInput("end", "la fin du contrat précède la date d'embauche.")
        if self.majorated_rate < MIN_MAJORATED_RATE:
            raise InvalidInput(
                "majorated_rate",
                "la majoration des heures au-delà de 45 h ne peut être inférieure à 10 % "
                "(CCN 3239 art. 110.1).",
            )
        if self.start is not None:
            # The minimum applies at each date (art. 107; rules.md §3.2): at hiring, or on
            # 1 January 2022 for a contract signed before the CCN 3239 (art. 8) — and again
            # in each month and at each end of contract computed.
            check_rate(self.hourly_rate, max(self.start, CCN_3239_IN_FORCE), am_ge=self.am_ge,
                       date_field="start")

    def _check_working_time(self) -> None:
        """48 h a week on average (CCN 3239 art. 96.3); beyond, only with the AM's written
        consent, averaged over 12 months and within 2 250 h a year (CASF L423-22)."""
        average = self.weekly_hours_average
        if average <= MAX_AVERAGE_WEEKLY_HOURS:
            return
        if not self.consent_over_48:
            raise LegalLimitExceeded(
                "weekly_hours",
                f"{number(average)} h par semaine en moyenne dépassent la durée maximale de "
                "48 heures (CCN 3239 art. 96.3 ; CASF L423-22, au-delà seulement avec l'accord "
                "écrit de l'assistant maternel et dans la limite de 2 250 heures par an) : "
                "réduisez la durée d'accueil ou indiquez cet accord.",
            )
        if self.annual_work_hours > MAX_ANNUAL_HOURS_WITH_CONSENT:
            worked = "" if self.accueil is Accueil.PART_YEAR else (
                f" ({number(average)} h × {WEEKS_WORKED_FULL_YEAR} semaines travaillées, 5 semaines "
                "de congés déduites)")
            raise LegalLimitExceeded(
                "weekly_hours",
                f"{number(self.annual_work_hours)} heures de travail par an{worked} dépassent, même "
                "avec l'accord de l'assistant maternel, la limite de 2 250 heures par an (CASF "
                "L423-22) : réduisez la durée d'accueil.",
            )

    @property
    def annual_work_hours(self) -> Fraction:
        """Hours actually worked in 12 months: the programmed weeks (46 weeks or less), or
        47 weeks of a "52 semaines" contract, whose 5 weeks of rest are paid leave or
        complementary unpaid leave (CCN 3239 art. 102.2)."""
        if self.accueil is Accueil.PART_YEAR:
            return Fraction(self.annual_seconds, SECONDS_PER_HOUR)
        return self.weekly_hours_average * WEEKS_WORKED_FULL_YEAR

    @property
    def accueil(self) -> Accueil:
        return Accueil.of(self.weeks)

    def _repr_html_(self) -> str:
        from amcalc.contract_sheet import contract_html  # the sheet reads the contract's terms

        return contract_html(self)

    @property
    def annual_seconds(self) -> int:
        """Hours of care a year (in seconds): Σ weekly hours × weeks."""
        return sum(r.weekly_seconds * r.weeks for r in self.rhythms)

    @property
    def annual_days(self) -> int:
        return sum(r.days_per_week * r.weeks for r in self.rhythms)

    @property
    def weekly_hours_average(self) -> Fraction:
        return Fraction(self.annual_seconds, SECONDS_PER_HOUR * self.weeks)

    @property
    def schedule(self) -> WeeklySchedule | None:
        """The weekday schedule, when the contract has a single rhythm given by one."""
        return self.rhythms[0].schedule if len(self.rhythms) == 1 else None

    @classmethod
    def from_weekly_hours(
        cls, *, hourly_rate: object, weeks: int, weekly_hours: object, days_per_week: object,
        **options: Any,
    ) -> Contract:
        """One rhythm of ``weekly_hours`` over ``days_per_week`` days."""
        rhythm = Rhythm.of(weeks=_weeks(weeks), weekly_hours=weekly_hours,
                           days_per_week=days_per_week, field="")
        return cls._build(hourly_rate, weeks, (rhythm,), options)

    @classmethod
    def from_schedule(
        cls, *, hourly_rate: object, weeks: int, schedule: Mapping[str, object], **options: Any
    ) -> Contract:
        """One weekday schedule: ``{"mon": "10", "tue": "08:30-18:30", …}``."""
        rhythm = Rhythm.from_schedule(weeks=_weeks(weeks), schedule=schedule)
        return cls._build(hourly_rate, weeks, (rhythm,), options)

    @classmethod
    def from_rhythms(
        cls, *, hourly_rate: object, weeks: int, rhythms: Iterable[Rhythm | Mapping[str, Any]],
        **options: Any,
    ) -> Contract:
        """Several rhythms (rules.md §3.3): each ``{"weeks", "weekly_hours", "days_per_week"}``,
        ``{"weeks", "schedule"}`` (a weekday schedule, needed for a month's pay) or a :class:`Rhythm`.

        >>> c = Contract.from_rhythms(hourly_rate="3.70", weeks=44, rhythms=[
        ...     {"weeks": 36, "schedule": {"mon": "5", "tue": "5", "thu": "5", "fri": "5"}},
        ...     {"weeks": 8, "schedule": {d: "9" for d in ("mon", "tue", "wed", "thu", "fri")}}])
        >>> c.annual_seconds // 3600, [r.schedule.days_per_week for r in c.rhythms if r.schedule]
        (1080, [4, 5])
        """
        if isinstance(rhythms, (str, bytes, Mapping)) or not isinstance(rhythms, Iterable):
            raise InvalidInput("patterns", "une liste de rythmes { weeks, schedule } ou { weeks, "
                                           "weekly_hours, days_per_week } est attendue.")
        built = tuple(_rhythm(r, f"patterns[{i}]") for i, r in enumerate(rhythms))
        return cls._build(hourly_rate, weeks, built, options)

    @classmethod
    def from_toml(cls, path: str | Path) -> Contract:
        """Load a contract written with the scenario-format keys (see docs)."""
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        return cls.from_mapping(data.get("contract", data))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Contract:
        """A contract from scenario-format keys (``hourly_rate``, ``weeks``, ``schedule`` or
        ``weekly_hours`` + ``days_per_week`` or ``patterns``, ``start``, ``end``, …)."""
        data = parse_table(data, "contract", "de clés de contrat")
        known = {
            "hourly_rate", "weeks", "schedule", "weekly_hours", "days_per_week", "patterns",
            "start", "end", "kind", "territory", "am_ge", "majorated_rate",
            "complementary_rate", "maintenance_per_hour", "consent_over_48",
        }
        unknown = set(data) - known
        if unknown:
            raise InvalidInput(sorted(unknown)[0], "clé inconnue pour un contrat.")
        options = {k: data[k] for k in known - {"hourly_rate", "weeks", "schedule",
                   "weekly_hours", "days_per_week", "patterns"} if k in data}
        common = {"hourly_rate": data.get("hourly_rate"), "weeks": data.get("weeks"), **options}
        if "patterns" in data:
            return cls.from_rhythms(rhythms=data["patterns"], **common)
        if "schedule" in data:
            return cls.from_schedule(schedule=data["schedule"], **common)
        return cls.from_weekly_hours(
            weekly_hours=data.get("weekly_hours"), days_per_week=data.get("days_per_week"), **common
        )

    @classmethod
    def _build(
        cls, hourly_rate: object, weeks: int, rhythms: tuple[Rhythm, ...], options: dict[str, Any]
    ) -> Contract:
        typed: dict[str, Any] = {}
        for name, value in options.items():
            if name in ("majorated_rate", "complementary_rate"):
                typed[name] = parse_ratio(value, name)
            elif name == "maintenance_per_hour":
                typed[name] = _optional_money(value, name)
            elif name == "territory":
                typed[name] = parse_choice(Territory, value, name)
            elif name == "kind":
                typed[name] = parse_choice(ContractKind, value, name)
            elif name in ("start", "end"):
                typed[name] = parse_optional_date(value, name)
            elif name in ("am_ge", "consent_over_48"):
                typed[name] = parse_flag(value, name)
            else:
                raise InvalidInput(name, "option de contrat inconnue.")
        return cls(
            hourly_rate=parse_money(hourly_rate, "hourly_rate", places=4),
            weeks=_weeks(weeks),
            rhythms=rhythms,
            **typed,
        )


def _weeks(weeks: object) -> int:
    Accueil.of(weeks)
    return weeks  # type: ignore[return-value]
