"""Erreurs d'amcalc — one exception hierarchy, each class with a stable ``code``.

Every error names the input ``field`` at fault (when there is one) and says
what to fix, in French:

>>> from amcalc.errors import InvalidInput
>>> err = InvalidInput("weeks", "49 semaines n'est pas une modalité d'accueil.")
>>> err.code, err.field
('invalid_input', 'weeks')
>>> str(err)
"weeks : 49 semaines n'est pas une modalité d'accueil."
"""

from __future__ import annotations

__all__ = [
    "AmcalcError",
    "BelowMinimumRate",
    "InvalidInput",
    "LegalLimitExceeded",
    "ParameterUnavailable",
    "UnreadableFile",
    "UnsupportedCase",
]


class AmcalcError(Exception):
    """Base class: ``code`` is stable across versions, ``field`` names the input at fault."""

    code = "amcalc_error"

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(f"{field} : {message}" if field else message)
        self.field = field
        self.message = message


class InvalidInput(AmcalcError, ValueError):
    """Malformed or impossible input (negative hours, 49 weeks, end before start…)."""

    code = "invalid_input"


class UnreadableFile(InvalidInput):
    """An input file that cannot be read at all (not Parquet, truncated or corrupt, a CSV
    without header or with a malformed line): the whole run stops, no row is computed."""

    code = "unreadable_file"


class BelowMinimumRate(AmcalcError, ValueError):
    """Hourly rate under the legal or conventional minimum in force (CCN art. 107, CASF D423-9)."""

    code = "below_minimum_rate"


class LegalLimitExceeded(AmcalcError, ValueError):
    """A legal or conventional limit is exceeded (48 h a week on average, agrément…)."""

    code = "legal_limit_exceeded"


class ParameterUnavailable(AmcalcError, LookupError):
    """No legal value is in force at the requested date (e.g. before 2022-01-01)."""

    code = "parameter_unavailable"


class UnsupportedCase(AmcalcError, NotImplementedError):
    """A case the library deliberately does not handle."""

    code = "unsupported_case"
