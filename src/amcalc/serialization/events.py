"""The JSON form of a month's events with the scenario-format keys: an absence is
``{"date", "cause", "hours"}`` (``hours`` absent or null: the whole day).

>>> from datetime import date
>>> from amcalc import Absence
>>> a = Absence.of(date(2025, 11, 20), "unpaid_leave", "3")
>>> a.to_dict()
{'type': 'Absence', 'version': 1, 'date': '2025-11-20', 'cause': 'unpaid_leave', 'hours': '3'}
>>> Absence.from_dict({"date": "2025-11-20", "cause": "unpaid_leave"}).seconds is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Self

from amcalc.errors import InvalidInput
from amcalc.serialization import VERSION, Serializable
from amcalc.serialization.codec import DATE_PATTERN, Json
from amcalc.serialization.contract import hours_text, iso_dates

__all__ = ["AbsenceForm"]


class AbsenceForm(Serializable):
    """An absence as the scenario format writes it."""

    day: date
    cause: Any
    seconds: int | None

    def to_dict(self) -> dict[str, Json]:
        return {"type": "Absence", "version": VERSION, "date": self.day.isoformat(), "cause": self.cause.value,
                "hours": None if self.seconds is None else hours_text(self.seconds)}

    @classmethod
    def from_dict(cls, data: Json, *, field: str = "") -> Self:
        if not isinstance(data, Mapping) or set(data) - {"type", "version", "date", "cause", "hours"}:
            raise InvalidInput(field or "absences", "un objet { date, cause, hours } est attendu.")
        if data.get("type", "Absence") != "Absence":
            raise InvalidInput("type", f"Absence est attendu, pas {data['type']!r}.")
        keys = iso_dates(data)
        built: Self = cls.of(keys.get("date"), keys.get("cause"), keys.get("hours"))  # type: ignore[attr-defined]
        return built

    @classmethod
    def _own_schema(cls) -> dict[str, Json]:
        from amcalc.absences import AbsenceCause

        return {
            "description": "A scheduled day (or some hours of it) not worked, and why.",
            "type": "object", "additionalProperties": False, "required": ["date", "cause"],
            "properties": {"type": {"const": "Absence"}, "version": {"const": VERSION},
                           "date": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
                           "cause": {"type": "string", "enum": [c.value for c in AbsenceCause]},
                           "hours": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
        }
