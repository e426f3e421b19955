"""The JSON form of a contract: the scenario-format keys (one vocabulary across TOML,
JSON, CSV and Python), with ISO dates; a weekday given as a time range keeps it (the
AM's week across her contracts needs the times of day).

>>> from amcalc import Contract
>>> c = Contract.from_schedule(hourly_rate="4.20", weeks=36, schedule={"mon": "10", "tue": "08:00-17:20"})
>>> d = c.to_dict()
>>> d["schedule"], d["hourly_rate"], d["weeks"]
({'mon': '10', 'tue': '08:00-17:20'}, '4.20', 36)
>>> Contract.from_dict(d) == c
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Self

from amcalc.errors import InvalidInput
from amcalc.serialization import VERSION, Serializable
from amcalc.serialization.codec import DATE_PATTERN, DECIMAL_PATTERN, Json, encode

if TYPE_CHECKING:
    from amcalc.contract import Rhythm

__all__ = ["ContractForm", "hours_text", "iso_dates"]

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ISO_DATE = re.compile(DATE_PATTERN)
_DEFAULTS = {"kind": "cdi", "territory": "metropole", "am_ge": False, "majorated_rate": "0.10",
             "complementary_rate": "0", "maintenance_per_hour": None, "start": None, "end": None}


def iso_dates(data: Json, depth: int = 0) -> Any:
    """``data`` (from JSON) with every ``"AAAA-MM-JJ"`` text turned into a :class:`date`,
    so that a JSON file reads like its TOML twin; a text that is no real date stays text."""
    if depth > 64:
        raise InvalidInput(None, "données imbriquées sur plus de 64 niveaux.")
    if isinstance(data, str) and _ISO_DATE.match(data):
        try:
            return date.fromisoformat(data)
        except ValueError:
            return data
    if isinstance(data, list):
        return [iso_dates(v, depth + 1) for v in data]
    if isinstance(data, Mapping):
        return {k: iso_dates(v, depth + 1) for k, v in data.items()}
    return data


def hours_text(seconds: int) -> str:
    """Seconds as the scenario format writes hours: ``"7.5"``, or ``"00:00-07:20"``."""
    if seconds % 36 == 0:
        whole, cents = divmod(seconds // 36, 100)
        return f"{whole}.{cents:02d}".rstrip("0").rstrip(".") if cents else str(whole)
    minutes = seconds // 60
    return f"00:00-{minutes // 60:02d}:{minutes % 60:02d}"


def _day_text(seconds: int, time_range: tuple[int, int] | None) -> str:
    """A weekday of a schedule as it was given: its time range, else its hours."""
    if time_range is None:
        return hours_text(seconds)
    (start, end) = (f"{t // 3600:02d}:{t // 60 % 60:02d}" for t in time_range)
    return f"{start}-{end}"


def _rhythm_keys(rhythm: Rhythm) -> dict[str, Json]:
    if rhythm.schedule is not None:
        days = zip(_WEEKDAYS, rhythm.schedule.seconds_by_weekday, rhythm.schedule.ranges, strict=True)
        return {"schedule": {d: _day_text(s, r) for d, s, r in days if s}}
    return {"weekly_hours": hours_text(rhythm.weekly_seconds), "days_per_week": rhythm.days_per_week}


class ContractForm(Serializable):
    """The scenario-format keys of a contract as its JSON form."""

    hourly_rate: Any
    weeks: int
    rhythms: tuple[Rhythm, ...]

    def to_dict(self) -> dict[str, Json]:
        keys: dict[str, Json] = {"type": "Contract", "version": VERSION,
                                 "hourly_rate": str(self.hourly_rate), "weeks": self.weeks}
        if len(self.rhythms) == 1:
            keys.update(_rhythm_keys(self.rhythms[0]))
        else:
            keys["patterns"] = [{"weeks": r.weeks, **_rhythm_keys(r)} for r in self.rhythms]
        for name in _DEFAULTS:
            keys[name] = encode(getattr(self, name))
        return keys

    @classmethod
    def from_dict(cls, data: Json, *, field: str = "") -> Self:
        if not isinstance(data, Mapping):
            raise InvalidInput(field or "contract", "un objet aux clés du format des scénarios est attendu.")
        keys = {k: v for k, v in iso_dates(data).items() if k not in ("type", "version")}
        if data.get("type", "Contract") != "Contract":
            raise InvalidInput("type", f"Contract est attendu, pas {data['type']!r}.")
        keys = {k: v for k, v in keys.items() if k not in _DEFAULTS or v is not None}
        built: Self = cls.from_mapping(keys)  # type: ignore[attr-defined]
        return built

    @classmethod
    def _own_schema(cls) -> dict[str, Json]:
        from amcalc.calendar import Territory
        from amcalc.contract import ContractKind

        text = {"type": "string"}
        number = {"type": "string", "pattern": DECIMAL_PATTERN}
        day = {"anyOf": [{"type": "string", "format": "date", "pattern": DATE_PATTERN}, {"type": "null"}]}
        schedule = {"type": "object", "minProperties": 1, "additionalProperties": False,
                    "properties": {d: text for d in _WEEKDAYS}}
        rhythm = {"type": "object", "required": ["weeks"], "additionalProperties": False,
                  "properties": {"weeks": {"type": "integer"}, "schedule": schedule, "weekly_hours": text,
                                 "days_per_week": {"type": "integer"}}}
        return {
            "description": "A contract for one child, with the keys of the scenario format; hours are "
                           "decimal text (\"7.5\") or a range (\"08:30-18:30\").",
            "type": "object", "additionalProperties": False, "required": ["hourly_rate", "weeks"],
            "properties": {
                "type": {"const": "Contract"}, "version": {"const": VERSION},
                "hourly_rate": number, "weeks": {"type": "integer"}, "schedule": schedule,
                "weekly_hours": text, "days_per_week": {"type": "integer"},
                "patterns": {"type": "array", "minItems": 1, "items": rhythm},
                "start": day, "end": day,
                "kind": {"type": "string", "enum": [k.value for k in ContractKind]},
                "territory": {"type": "string", "enum": [t.value for t in Territory]},
                "am_ge": {"type": "boolean"}, "majorated_rate": number, "complementary_rate": number,
                "maintenance_per_hour": {"anyOf": [number, {"type": "null"}]},
            },
        }
