"""A validator for the subset of JSON Schema (draft 2020-12) that amcalc's published
schemas use: type, const, enum, pattern, format "date", properties, required,
additionalProperties, minProperties, items, prefixItems, minItems, anyOf and local
``$ref``. Any other keyword is an error, so a schema cannot silently use more."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
_KNOWN = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "const", "enum", "pattern",
          "format", "properties", "required", "additionalProperties", "minProperties", "items",
          "prefixItems", "minItems", "anyOf"}


def errors(instance: Any, schema: Any, root: Any = None, where: str = "$") -> list[str]:
    """Every violation of ``schema`` by ``instance`` (empty: valid)."""
    root = schema if root is None else root
    if schema is False:
        return [f"{where}: no value allowed"]
    if schema is True:
        return []
    unknown = set(schema) - _KNOWN
    if unknown:
        return [f"{where}: keyword {sorted(unknown)} outside the subset"]
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), ref
        return errors(instance, root["$defs"][ref.removeprefix("#/$defs/")], root, where)
    if "anyOf" in schema:
        if all(errors(instance, s, root, where) for s in schema["anyOf"]):
            return [f"{where}: matches no choice of anyOf"]
        return []
    found: list[str] = []
    kind = schema.get("type")
    if kind == "integer":
        if isinstance(instance, bool) or not isinstance(instance, int):
            return [f"{where}: {instance!r} is not an integer"]
    elif kind is not None and (not isinstance(instance, _TYPES[kind]) or kind != "boolean" and isinstance(instance, bool)):
        return [f"{where}: {instance!r} is not of type {kind}"]
    if "const" in schema and instance != schema["const"]:
        found.append(f"{where}: {instance!r} is not {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        found.append(f"{where}: {instance!r} not in {schema['enum']}")
    if "pattern" in schema and isinstance(instance, str) and not re.search(schema["pattern"], instance):
        found.append(f"{where}: {instance!r} does not match {schema['pattern']}")
    if schema.get("format") == "date" and isinstance(instance, str):
        try:
            date.fromisoformat(instance)
        except ValueError:
            found.append(f"{where}: {instance!r} is not a date")
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        found += [f"{where}: missing {k!r}" for k in schema.get("required", ()) if k not in instance]
        if len(instance) < schema.get("minProperties", 0):
            found.append(f"{where}: too few properties")
        for key, value in instance.items():
            sub = properties.get(key, schema.get("additionalProperties", True))
            found += errors(value, sub, root, f"{where}.{key}")
    if isinstance(instance, list):
        prefix = schema.get("prefixItems", [])
        if len(instance) < schema.get("minItems", 0):
            found.append(f"{where}: too few items")
        for i, value in enumerate(instance):
            sub = prefix[i] if i < len(prefix) else schema.get("items", True)
            found += errors(value, sub, root, f"{where}[{i}]")
    return found
