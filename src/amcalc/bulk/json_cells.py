"""Cellules JSON — the list and structure columns given as JSON text, as a CSV holds them.

A CSV has no lists: its ``absences``, ``worked_hours``, ``non_care_weeks``,
``worked_holidays``, ``illness_ledger`` and ``recent_weeks`` cells are JSON, with
dates as ``"AAAA-MM-JJ"`` and hours as text or numbers (read exactly, never as
floats), the fields of :data:`NESTED_COLUMNS`; an empty cell means none:

>>> json_cell("absences", '[{"date": "2025-03-10", "cause": "unpaid_leave", "hours": 3.5}]')
[{'date': datetime.date(2025, 3, 10), 'hours': '3.5', 'cause': 'unpaid_leave'}]
>>> json_cell("absences", '[{"date": "10/03/2025", "cause": "unpaid_leave"}]')
Traceback (most recent call last):
...
amcalc.errors.InvalidInput: absences[0].date : date attendue au format AAAA-MM-JJ, pas '10/03/2025'.

:func:`as_json` writes the output's lists and structures the same way, so that a
month's ``illness_ledger`` and ``recent_weeks`` cells go as they are into the next
month's CSV.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from amcalc.bulk.schema import ILLNESS_LEDGER, RECENT_WEEKS, date_of
from amcalc.errors import InvalidInput

__all__ = ["NESTED_COLUMNS", "as_json", "json_cell", "json_columns"]

NESTED_COLUMNS: dict[str, pa.DataType] = {
    "absences": pa.list_(pa.struct([pa.field("date", pa.date32()), pa.field("hours", pa.string()),
                                    pa.field("cause", pa.string())])),
    "worked_hours": pa.list_(pa.struct([pa.field("week", pa.date32()), pa.field("hours", pa.string())])),
    "non_care_weeks": pa.list_(pa.date32()),
    "worked_holidays": pa.list_(pa.date32()),
    "illness_ledger": ILLNESS_LEDGER,
    "recent_weeks": RECENT_WEEKS,
}
"""The input columns that a CSV gives as JSON text, and the Arrow type each is read as."""


def json_cell(column: str, value: object) -> object:
    """The value of a cell of one of :data:`NESTED_COLUMNS` given as JSON text, in the
    Python form of its Arrow type (dates as :class:`~datetime.date`, hours as text);
    ``None`` for an empty cell; :class:`~amcalc.errors.InvalidInput` naming the column
    and the place in it when the text is not JSON or not of that type. Values that are
    not text are returned as they are."""
    kind = NESTED_COLUMNS.get(column)
    if kind is None or not isinstance(value, str):
        return value
    if not value.strip():
        return None
    try:
        parsed = json.loads(value, parse_float=Decimal)
    except json.JSONDecodeError as err:
        raise InvalidInput(column, f"JSON illisible au caractère {err.pos + 1} : {value[:80]!r}.") from None
    return _typed(parsed, kind, column)


def _typed(value: object, kind: pa.DataType, where: str) -> object:
    """``value`` (parsed JSON) as the Python form of ``kind``, checked."""
    if value is None:
        return None
    if pa.types.is_list(kind):
        if not isinstance(value, list):
            raise InvalidInput(where, f"une liste [ … ] est attendue, pas {value!r}.")
        return [_typed(item, kind.value_type, f"{where}[{i}]") for i, item in enumerate(value)]
    if pa.types.is_struct(kind):
        names = [field.name for field in kind]
        if not isinstance(value, dict) or set(value) - set(names):
            raise InvalidInput(where, f"un objet {{ }} de clés {', '.join(names)} est attendu, pas {value!r}.")
        return {field.name: _typed(value.get(field.name), field.type, f"{where}.{field.name}") for field in kind}
    if pa.types.is_date32(kind):
        if not isinstance(value, str):
            raise InvalidInput(where, f"date attendue au format AAAA-MM-JJ, pas {value!r}.")
        return date_of(value, where)
    if pa.types.is_integer(kind):
        bound = 1 << (kind.bit_width - 1)
        if isinstance(value, bool) or not isinstance(value, int) or not -bound <= value < bound:
            raise InvalidInput(where, f"un nombre entier est attendu, pas {value!r}.")
        return value
    # text (hours, causes): a JSON number is read exactly, as its text
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise InvalidInput(where, f"un texte ou un nombre est attendu, pas {value!r}.")
    return str(value)


def json_columns(batch: pa.RecordBatch) -> tuple[pa.RecordBatch, Any]:
    """``batch`` with its text columns of :data:`NESTED_COLUMNS` read as their Arrow types
    (each distinct cell parsed once), and the rows with a cell that does not parse (a
    numpy mask): null there, for :func:`json_cell` to word the error on the row."""
    unreadable = np.zeros(batch.num_rows, bool)
    columns = list(batch.columns)
    for i, field in enumerate(batch.schema):
        kind = NESTED_COLUMNS.get(field.name)
        if kind is None or not pa.types.is_string(field.type):
            continue
        encoded = pc.dictionary_encode(columns[i])
        values, bad = [], []
        for k, text in enumerate(encoded.dictionary.to_pylist()):
            try:
                values.append(json_cell(field.name, text))
            except InvalidInput:
                values.append(None)
                bad.append(k)
        indices = encoded.indices
        columns[i] = pa.array(values, kind).take(indices)
        if bad:
            unreadable |= np.isin(indices.fill_null(-1).to_numpy(zero_copy_only=False), bad)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names), unreadable


def as_json(column: pa.Array) -> pa.Array:
    """A list or structure column as JSON text (dates ``AAAA-MM-JJ``), null where null: how
    a CSV holds it, read back by :func:`json_cell`.

    >>> as_json(pa.array([[{"week": date(2025, 3, 10), "seconds": 180000}], None], RECENT_WEEKS)).to_pylist()
    ['[{"week":"2025-03-10","seconds":180000}]', None]
    """
    return pa.array([None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                                                           default=_json_text)
                     for value in column.to_pylist()], pa.string())


def _json_text(value: object) -> str:
    """Dates as ``AAAA-MM-JJ``, decimals (hours given as decimals) as their exact text."""
    if isinstance(value, date | Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} n'a pas d'écriture JSON")
