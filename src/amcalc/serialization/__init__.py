"""Les résultats en JSON — every input and result of amcalc as data, for callers in any language.

Each result class (every :class:`~amcalc.explain.Explained` one) and the inputs
:class:`~amcalc.contract.Contract`, :class:`~amcalc.month.Absence` and
:class:`~amcalc.month.MonthLedger` are :class:`Serializable`: ``to_dict()``,
``to_json()`` and the class method ``from_dict()``. The JSON form is described
in :mod:`amcalc.serialization.codec` (money as strings, exact hours as
``{"decimal", "exact"}``, ISO dates) and published as JSON Schemas (draft
2020-12) in ``amcalc/serialization/schemas/<Type>.schema.json``, version
:data:`VERSION`.

>>> from amcalc import Contract, mensualise
>>> m = mensualise(Contract.from_weekly_hours(hourly_rate="4.00", weeks=52,
...                                           weekly_hours="40", days_per_week=4))
>>> d = m.to_dict()
>>> d["type"], d["version"], d["monthly_salary"], d["monthly_hours"]
('Mensualisation', 1, '693.33', {'decimal': '173.33', 'exact': '520/3'})
>>> d["explanation"]["steps"][1]["formula"]
'173,33 h × 4,00 €'
>>> type(m).from_dict(d) == m
True

A new result class is picked up with no change here: subclass
:class:`~amcalc.explain.Explained` (or :class:`Serializable`) in a module of
the library; then add an example of it to ``tests/test_serialization.py`` and
write its schema with ``python -m amcalc.serialization``
(:mod:`amcalc.serialization.publish`, which imports every module first).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache
from importlib import import_module, resources
from pathlib import Path
from typing import Any, ClassVar, Self

import attrs

from amcalc.errors import InvalidInput
from amcalc.serialization.codec import Json, decode_attrs, encode, fields_of, object_schema

__all__ = ["REGISTRY", "VERSION", "Serializable", "from_json", "json_default", "json_schema", "load_every_result",
           "load_schema", "registered"]

VERSION = 1
"""The version of the JSON form; it changes when a key is removed or changes meaning."""

REGISTRY: dict[str, type[Serializable]] = {}
"""Every serializable type by name (the ``type`` key of its JSON form)."""

_SCHEMA_ID = "https://amcalc.invalid/schemas/v{version}/{name}.schema.json"
_WITHOUT_RESULTS = ("amcalc.bulk", "amcalc.__main__", "amcalc.serialization.__main__")


@cache
def load_every_result() -> None:
    """Import every module of the library, so that each result class is in :data:`REGISTRY`:
    ``import amcalc`` loads nothing until a name is used (the bulk engine aside: it holds
    arrays, no result class, and needs its extra)."""
    import pkgutil  # here, not at the top: only this walk needs it (import time, issue 19)

    library = str(Path(__file__).parents[1])
    for module in pkgutil.walk_packages([library], "amcalc."):
        if not module.name.startswith(_WITHOUT_RESULTS):
            import_module(module.name)


def registered(name: object) -> type[Serializable] | None:
    """The serializable type called ``name`` (the ``type`` key of its JSON form), its module
    imported if it was not yet; ``None`` for no such type."""
    if not isinstance(name, str):
        return None
    if name not in REGISTRY:
        load_every_result()
    return REGISTRY.get(name)


class Serializable:
    """Mixin: the JSON form of an attrs class (``to_dict``, ``to_json``, ``from_dict``),
    registered by class name; its one-line ``repr`` shows the first scalar fields (unless the
    class writes its own). The class is a slotted attrs class (``@attrs.frozen``, the house
    style): attrs builds it anew, and that is when it is registered."""

    summary_fields: ClassVar[tuple[str, ...]] = ()
    """Fields the one-line ``repr`` shows (default: the first four numbers and dates)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__attrs_attrs__" in cls.__dict__:  # the attrs class (slotted: attrs' second one)
            REGISTRY[cls.__name__] = cls
            code = getattr(cls.__dict__.get("__repr__"), "__code__", None)
            if code is not None and code.co_filename.startswith("<attrs generated"):  # not the class's own
                cls.__repr__ = Serializable._short_repr  # type: ignore[method-assign,assignment]

    def _short_repr(self) -> str:
        names = self.summary_fields or tuple(
            f.name for f in fields_of(type(self))
            if f.repr and isinstance(getattr(self, f.name), (int, str, Decimal, Fraction, date))
        )
        shown = [f"{n}={_short(getattr(self, n))}" for n in names[:4]]
        more = ", …" if len(names) > 4 else ""
        return f"{type(self).__name__}({', '.join(shown)}{more})"

    def to_dict(self) -> dict[str, Json]:
        """The JSON form: ``type``, ``version`` and every field."""
        return {"type": type(self).__name__, "version": VERSION,
                **{f.name: encode(getattr(self, f.name)) for f in fields_of(type(self))}}

    def to_json(self, **options: Any) -> str:
        """``to_dict()`` as JSON text (``options`` go to :func:`json.dumps`, e.g. ``indent=2``)."""
        import json  # here, not at the top: a month's import does without it (issue 19)

        return json.dumps(self.to_dict(), ensure_ascii=False, **options)

    @classmethod
    def from_dict(cls, data: Json, *, field: str = "") -> Self:
        """The instance written as ``data`` (its ``to_dict()`` form); :class:`InvalidInput`
        names the key at fault. On a base class (``Explained``), the ``type`` key chooses."""
        if not attrs.has(cls):
            name = data.get("type") if isinstance(data, dict) else None
            chosen = registered(name)
            if chosen is None or not issubclass(chosen, cls):
                raise InvalidInput(f"{field}.type" if field else "type", f"type de résultat inconnu : {name!r}.")
            return chosen.from_dict(data, field=field)
        if isinstance(data, dict) and data.get("type", cls.__name__) != cls.__name__:
            raise InvalidInput(f"{field}.type" if field else "type",
                               f"{cls.__name__} est attendu, pas {data['type']!r}.")
        if isinstance(data, dict) and data.get("version", VERSION) != VERSION:
            raise InvalidInput(f"{field}.version" if field else "version",
                               f"version {VERSION} du format JSON attendue, pas {data['version']!r}.")
        result: Self = decode_attrs(data, cls, field, ignore=frozenset({"type", "version"}))
        return result

    @classmethod
    def _any_schema(cls) -> dict[str, Json]:
        """The schema of a field typed by a base class: any registered type, by its ``type``."""
        return {"description": f"Any {cls.__name__} result: its 'type' names it, and its own schema "
                               "(<type>.schema.json) describes it.",
                "type": "object", "required": ["type", "version"],
                "properties": {"type": {"type": "string"}, "version": {"const": VERSION}}}

    @classmethod
    def _json_envelope(cls) -> dict[str, Json]:
        return {"type": {"const": cls.__name__}, "version": {"const": VERSION}}


def _short(value: object) -> str:
    if isinstance(value, Fraction):
        return str(encode(value)["decimal"])
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def from_json(text: str | bytes) -> Serializable:
    """Any serializable value from its JSON text, by its ``type`` key.

    >>> from amcalc import Contract
    >>> c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40", days_per_week=4)
    >>> from_json(c.to_json()) == c
    True
    """
    import json  # here, not at the top: a month's import does without it (issue 19)

    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise InvalidInput(None, f"texte JSON illisible : {err}") from None
    name = data.get("type") if isinstance(data, dict) else None
    kind = registered(name)
    if kind is None:
        raise InvalidInput("type", f"type inconnu {name!r} : {', '.join(sorted(REGISTRY))}.")
    return kind.from_dict(data)


def json_default(value: object) -> Json:
    """For ``json.dumps(anything, default=json_default)``: results, contracts, money, exact
    hours and dates in their JSON form, wherever they sit in the caller's own data.

    >>> import json
    >>> from decimal import Decimal
    >>> json.dumps({"total": Decimal("693.33")}, default=json_default)
    '{"total": "693.33"}'
    """
    try:
        return encode(value)
    except TypeError:
        raise TypeError(f"{type(value).__name__} n'a pas de forme JSON dans amcalc") from None


def json_schema(cls: type[Serializable]) -> dict[str, Json]:
    """The JSON Schema (draft 2020-12) of ``cls``'s JSON form."""
    defs: dict[str, Json] = {}
    body = object_schema(cls, defs)
    defs.pop(cls.__name__, None)
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                "$id": _SCHEMA_ID.format(version=VERSION, name=cls.__name__),
                "title": cls.__name__, **body}
    if defs:
        document["$defs"] = dict(sorted(defs.items()))
    return document


def load_schema(name: str) -> dict[str, Json]:
    """The published schema of the type ``name`` (shipped with the package)."""
    import json  # here, not at the top: a month's import does without it (issue 19)

    text = resources.files("amcalc.serialization").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Json] = json.loads(text)
    return loaded
