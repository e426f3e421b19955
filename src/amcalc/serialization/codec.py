"""The JSON form of typed values, driven by the attrs field types.

One rule per Python type, used three ways: :func:`encode` (value → JSON),
:func:`decode` (JSON → value of a declared type) and :func:`schema` (declared
type → JSON Schema, draft 2020-12):

==========================  =====================================================
Python                      JSON
==========================  =====================================================
``Decimal`` (money, rates)  string, ``"693.33"``, as exact as the value
``Fraction`` (hours, days)  ``{"decimal": "173.33", "exact": "520/3"}``: ``decimal``
                            is exact when it can be, else half-up to 2 places
``date``                    ISO string, ``"2025-09-01"``
``StrEnum``                 its value
``int``, ``bool``, ``str``  themselves; ``None``: ``null``
``tuple``                   array; ``dict``: object (date keys in ISO)
attrs class                 object of its fields (a :class:`Serializable` one also
                            carries ``type`` and ``version``)
==========================  =====================================================

>>> from fractions import Fraction
>>> encode(Fraction(520, 3)), encode(Fraction(27, 2))
({'decimal': '173.33', 'exact': '520/3'}, {'decimal': '13.5', 'exact': '27/2'})
>>> decode({'decimal': '173.33', 'exact': '520/3'}, Fraction, "hours")
Fraction(520, 3)
"""

from __future__ import annotations

import collections.abc
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any, cast

import attrs

from amcalc.errors import InvalidInput

__all__ = ["DECIMAL_PATTERN", "FRACTION_PATTERN", "decode", "encode", "field_types", "fields_of", "schema"]

DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
FRACTION_PATTERN = r"^-?[0-9]+(/[0-9]+)?$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_FRACTION = re.compile(FRACTION_PATTERN)

Json = Any
"""A value of ``json.loads``: dict, list, str, int, bool or None."""

_UNIONS = (typing.Union, types.UnionType)
_SEQUENCES: dict[Any, Any] = {list: list, frozenset: frozenset, collections.abc.Sequence: tuple}


def fields_of(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of the attrs class ``cls``."""
    return tuple(attrs.fields(cast(Any, cls)))


def _fraction_decimal(value: Fraction) -> str:
    """Exact decimal text when the denominator divides a power of ten, else 2 places half-up."""
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        return str(Decimal(value.numerator) / Decimal(value.denominator))
    n = (2 * abs(value.numerator) * 100 + value.denominator) // (2 * value.denominator)
    sign = "-" if value < 0 else ""
    return f"{sign}{n // 100}.{n % 100:02d}"


def encode(value: object) -> Json:
    """The JSON form of ``value`` (see the table above)."""
    if value is None or isinstance(value, (bool, int, str)) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        exact = str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
        return {"decimal": _fraction_decimal(value), "exact": exact}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list, frozenset, set)):
        return [encode(v) for v in value]
    if isinstance(value, Mapping):
        return {encode(k) if not isinstance(k, str) else k: encode(v) for k, v in value.items()}
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if attrs.has(type(value)):
        return {f.name: encode(getattr(value, f.name)) for f in fields_of(type(value))}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def field_types(cls: type) -> dict[str, Any]:
    """The resolved types of the fields of the attrs class ``cls``."""
    attrs.resolve_types(cls)
    return {f.name: f.type for f in fields_of(cls)}


def _optional(tp: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``, else ``(tp, False)``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0], True
    return tp, False


def _bad(field: str, expected: str, value: object) -> InvalidInput:
    return InvalidInput(field, f"{expected} est attendu, pas {value!r}.")


def decode(data: Json, tp: Any, field: str) -> Any:
    """The value of type ``tp`` written as ``data`` (its JSON form), or :class:`InvalidInput`
    naming ``field``."""
    inner, optional = _optional(tp)
    if data is None:
        if optional:
            return None
        raise _bad(field, "une valeur", data)
    tp = inner
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in _UNIONS:
        return _one_of(data, args, field)
    if tp in _SCALARS:
        return _SCALARS[tp](data, field)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            raise _bad(field, " ou ".join(repr(m.value) for m in tp), data) from None
    if origin in _SEQUENCES or origin is tuple:
        return _sequence(data, origin, args, field)
    if origin in (dict, collections.abc.Mapping):
        if not isinstance(data, Mapping):
            raise _bad(field, "un objet", data)
        return {decode(k, args[0], f"{field}.{k}"): decode(v, args[1], f"{field}.{k}") for k, v in data.items()}
    if isinstance(tp, type) and hasattr(tp, "from_dict"):
        return tp.from_dict(data, field=field)  # a Serializable: its type and version checked
    if isinstance(tp, type) and attrs.has(tp):
        return decode_attrs(data, tp, field)
    raise TypeError(f"no JSON form for {tp!r} ({field})")


def _one_of(data: Json, arms: tuple[Any, ...], field: str) -> Any:
    """The first arm of a union that reads ``data``."""
    for arm in arms:
        try:
            return decode(data, arm, field)
        except InvalidInput:
            continue
    raise _bad(field, " ou ".join(getattr(a, "__name__", str(a)) for a in arms), data)


def _sequence(data: Json, origin: Any, args: tuple[Any, ...], field: str) -> Any:
    """A list, set or tuple (of one type, or one per place) from a JSON list."""
    if not isinstance(data, list):
        raise _bad(field, "une liste", data)
    if origin in _SEQUENCES:
        return _SEQUENCES[origin](decode(v, args[0], f"{field}[{i}]") for i, v in enumerate(data))
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(decode(v, args[0], f"{field}[{i}]") for i, v in enumerate(data))
    if len(data) != len(args):
        raise _bad(field, f"une liste de {len(args)} éléments", data)
    return tuple(decode(v, a, f"{field}[{i}]") for i, (v, a) in enumerate(zip(data, args, strict=True)))


def _bool(data: Json, field: str) -> bool:
    if not isinstance(data, bool):
        raise _bad(field, "true ou false", data)
    return data


def _int(data: Json, field: str) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        raise _bad(field, "un entier", data)
    return data


def _str(data: Json, field: str) -> str:
    if not isinstance(data, str):
        raise _bad(field, "un texte", data)
    return data


def _decimal(data: Json, field: str) -> Decimal:
    if not isinstance(data, str) or not re.match(DECIMAL_PATTERN, data):
        raise _bad(field, "un nombre décimal en texte (\"693.33\")", data)
    return Decimal(data)


def _fraction(data: Json, field: str) -> Fraction:
    exact = data.get("exact") if isinstance(data, Mapping) else data
    if not isinstance(exact, str) or not _FRACTION.match(exact):
        raise _bad(field, "{ \"exact\": \"520/3\" }", data)
    try:
        return Fraction(exact)
    except ZeroDivisionError:
        raise _bad(field, "une fraction de dénominateur non nul", data) from None


def _date(data: Json, field: str) -> date:
    try:
        if isinstance(data, str) and len(data) == 10:
            return date.fromisoformat(data)
    except ValueError:
        pass
    raise _bad(field, "une date AAAA-MM-JJ", data)


_SCALARS: dict[Any, Callable[[Json, str], Any]] = {bool: _bool, int: _int, str: _str, Decimal: _decimal,
                                                    Fraction: _fraction, date: _date}
"""The reader of each scalar type's JSON form."""


def decode_attrs(data: Json, cls: type, field: str, ignore: frozenset[str] = frozenset()) -> Any:
    """An instance of the attrs class ``cls`` from the object ``data`` (keys in ``ignore``
    are skipped; unknown keys are refused)."""
    if not isinstance(data, Mapping):
        raise _bad(field or cls.__name__, "un objet", data)
    prefix = f"{field}." if field else ""
    types_ = field_types(cls)
    unknown = set(data) - set(types_) - ignore
    if unknown:
        raise InvalidInput(f"{prefix}{sorted(unknown)[0]}", f"clé inconnue pour {cls.__name__}.")
    values = {}
    for f in fields_of(cls):
        if f.name in data:
            values[f.name] = decode(data[f.name], types_[f.name], f"{prefix}{f.name}")
        elif f.default is attrs.NOTHING:
            raise InvalidInput(f"{prefix}{f.name}", "clé manquante.")
    # a derived field (init=False, e.g. Explanation.freshness) is written out and worked out again
    init = {(f.alias or f.name): values[f.name] for f in fields_of(cls) if f.name in values and f.init}
    return cls(**init)


def schema(tp: Any, defs: dict[str, Json]) -> Json:  # noqa: C901 — one branch per JSON rule
    """The JSON Schema of the JSON form of ``tp``; the attrs classes it names go into ``defs``."""
    inner, optional = _optional(tp)
    if optional:
        return {"anyOf": [schema(inner, defs), {"type": "null"}]}
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in _UNIONS:
        return {"anyOf": [schema(a, defs) for a in args]}
    simple = {bool: {"type": "boolean"}, int: {"type": "integer"}, str: {"type": "string"},
              Decimal: {"type": "string", "pattern": DECIMAL_PATTERN},
              date: {"type": "string", "format": "date", "pattern": DATE_PATTERN},
              Fraction: {"$ref": "#/$defs/Exact"}}
    if tp in simple:
        if tp is Fraction:
            defs["Exact"] = {
                "description": "An exact number: 'decimal' to read (exact when it can be, else half-up "
                               "to 2 places), 'exact' as an integer or a fraction 'n/d'.",
                "type": "object", "additionalProperties": False, "required": ["decimal", "exact"],
                "properties": {"decimal": {"type": "string", "pattern": DECIMAL_PATTERN},
                               "exact": {"type": "string", "pattern": FRACTION_PATTERN}},
            }
        return simple[tp]
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if origin in _SEQUENCES:
        return {"type": "array", "items": schema(args[0], defs)}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": schema(args[0], defs)}
        return {"type": "array", "prefixItems": [schema(a, defs) for a in args], "items": False,
                "minItems": len(args)}
    if origin in (dict, collections.abc.Mapping):
        return {"type": "object", "additionalProperties": schema(args[1], defs)}
    if isinstance(tp, type) and (attrs.has(tp) or hasattr(tp, "_own_schema")):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # a placeholder while the class's own fields are walked
            defs[name] = object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    if hasattr(tp, "_any_schema"):
        return tp._any_schema()
    raise TypeError(f"no JSON Schema for {tp!r}")


def object_schema(cls: type, defs: dict[str, Json]) -> Json:
    """The schema of an attrs class's object (or the class's own ``json_schema()``)."""
    own = getattr(cls, "_own_schema", None)
    if own is not None:
        return own()
    properties = {name: schema(tp, defs) for name, tp in field_types(cls).items()}
    envelope = getattr(cls, "_json_envelope", None)
    if envelope is not None:
        properties = {**envelope(), **properties}
    described = (cls.__doc__ or "").strip().splitlines()
    return {"description": described[0] if described else cls.__name__, "type": "object",
            "additionalProperties": False, "required": list(properties), "properties": properties}
