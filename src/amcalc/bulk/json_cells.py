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
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from amcalc.bulk.arrays import null_mask
from amcalc.bulk.schema import FIRST_DAY, ILLNESS_LEDGER, LAST_DAY, RECENT_WEEKS, date_of, shown, strings_at
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
    convert = _CONVERTERS.get(column)
    if convert is None or not isinstance(value, str):
        return value
    if not value.strip():
        return None
    _within_bounds(column, value)
    try:
        return convert(_DECODER.decode(value))
    except json.JSONDecodeError as err:
        raise InvalidInput(column, f"JSON illisible au caractère {err.pos + 1} : {shown(value, 80)}.") from None
    except _Misfit as misfit:
        raise InvalidInput(column + "".join(reversed(misfit.path)), misfit.message) from None


MAX_CELL = 100_000
"""Characters of a JSON cell at most (a month's events take a few hundred)."""
MAX_DEPTH = 4
"""Nesting of a JSON cell at most: ``illness_ledger`` is the deepest, ``{"years": [{…}]}``."""
_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _within_bounds(column: str, text: str) -> None:
    """:class:`InvalidInput` for a cell longer than :data:`MAX_CELL` or nested deeper than
    :data:`MAX_DEPTH`, before it is decoded (a JSON nested 1 000 deep would exhaust the stack)."""
    if len(text) > MAX_CELL:
        raise InvalidInput(column, f"cellule JSON de {len(text)} caractères : au plus {MAX_CELL}.")
    if text.count("[") + text.count("{") <= MAX_DEPTH:  # so few brackets (texts' included): no deeper
        return
    depth = 0
    for token in _BRACKETS.findall(text):
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidInput(column, f"JSON imbriqué sur plus de {MAX_DEPTH} niveaux : {shown(text)}.")
        elif token in "]}":
            depth -= 1


def _exact_whole(text: str) -> int | Decimal:
    """A JSON integer: an ``int`` up to 18 digits, else its exact ``Decimal`` (refused where an
    integer is expected, hors bornes where hours are): a 5 000-digit number is never an ``int``."""
    return int(text) if len(text) <= 18 else Decimal(text)


def _seen(value: object) -> str:
    """A JSON value in a message: numbers as written, at most 80 characters."""
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 80 else text[:80] + "…"


class _Misfit(Exception):
    """A JSON value not of its type; ``path`` is filled in, innermost first, on the way out."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message, self.path = message, list[str]()


_Convert = Callable[[object], object]


def _converter(kind: pa.DataType) -> _Convert:
    """The function that checks a parsed JSON value against ``kind`` and gives its Python form."""
    if pa.types.is_list(kind):
        return _list_of(_converter(kind.value_type))
    if pa.types.is_struct(kind):
        return _object_of({field.name: _converter(field.type) for field in kind})
    if pa.types.is_date32(kind):
        return _date
    if pa.types.is_integer(kind):
        return partial(_whole, bound=1 << (kind.bit_width - 1))
    return _text


def _list_of(item: _Convert) -> _Convert:
    def convert(value: object) -> object:
        if value is None:
            return None
        if not isinstance(value, list):
            raise _Misfit(f"une liste [ … ] est attendue, pas {_seen(value)}.")
        items = []
        for i, entry in enumerate(value):
            try:
                items.append(item(entry))
            except _Misfit as misfit:
                misfit.path.append(f"[{i}]")
                raise
        return items
    return convert


def _object_of(fields: dict[str, _Convert]) -> _Convert:
    names = fields.keys()

    def convert(value: object) -> object:
        if value is None:
            return None
        if not isinstance(value, dict) or not value.keys() <= names:
            raise _Misfit(f"un objet {{ }} de clés {', '.join(names)} est attendu, pas {_seen(value)}.")
        result = {}
        for name, field in fields.items():
            try:
                result[name] = field(value.get(name))
            except _Misfit as misfit:
                misfit.path.append(f".{name}")
                raise
        return result
    return convert


def _date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Misfit(f"date attendue au format AAAA-MM-JJ, pas {_seen(value)}.")
    try:
        return _day(value)
    except InvalidInput as err:
        raise _Misfit(err.message) from None


_day = lru_cache(maxsize=1 << 14)(partial(date_of, field="date"))
"""A date's text parsed once (a file's cells repeat a few thousand days)."""


def _whole(value: object, bound: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not -bound <= value < bound:
        raise _Misfit(f"un nombre entier est attendu, pas {_seen(value)}.")
    return value


def _text(value: object) -> str | None:
    """Hours and causes: a JSON number is read exactly, as its text."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise _Misfit(f"un texte ou un nombre est attendu, pas {_seen(value)}.")
    return str(value)


_CONVERTERS = {name: _converter(kind) for name, kind in NESTED_COLUMNS.items()}
_DECODER = json.JSONDecoder(parse_float=Decimal, parse_int=_exact_whole)  # numbers exact, never floats


def json_columns(batch: pa.RecordBatch) -> tuple[pa.RecordBatch, Any]:
    """``batch`` with its text columns of :data:`NESTED_COLUMNS` read as their Arrow types
    (each distinct cell parsed once), and the rows with a cell that does not parse (a
    numpy mask): null there, for :func:`json_cell` to word the error on the row."""
    unreadable = np.zeros(batch.num_rows, bool)
    schema = batch.schema
    texts = sorted(i for name in NESTED_COLUMNS if (i := schema.get_field_index(name)) >= 0
                   and pa.types.is_string(schema.field(i).type))
    if not texts:  # typed columns: the batch as it is
        return batch, unreadable
    columns = list(batch.columns)
    for i in texts:
        field = batch.schema.field(i)
        kind = NESTED_COLUMNS[field.name]
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
    a CSV holds it, read back by :func:`json_cell`. Only the cells with a value are written
    (:func:`_json_texts`); an empty list is ``[]`` without it (most rows' ``warnings``).

    >>> as_json(pa.array([[{"week": date(2025, 3, 10), "seconds": 180000}], None, []], RECENT_WEEKS)).to_pylist()
    ['[{"week":"2025-03-10","seconds":180000}]', None, '[]']
    """
    given = ~null_mask(column)
    empty = np.zeros(len(column), bool)
    if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
        empty = given & (np.diff(column.offsets.to_numpy()) == 0)
        given &= ~empty
    rows = np.flatnonzero(given)
    cells = column.take(pa.array(rows))
    try:
        texts = _json_texts(cells)
    except (ValueError, OverflowError, pa.ArrowException):  # a value refused inside: each cell by the encoder
        texts = _encoded(cells)  # (its error, if any, as it words it)
    at = np.full(len(column), len(texts), np.int32)  # past the texts: the empty list's
    at[rows] = np.arange(len(texts), dtype=np.int32)
    return pa.concat_arrays([texts, _EMPTY_LIST]).take(pa.array(at, mask=~(given | empty)))


def _json_texts(array: pa.Array) -> pa.Array:
    r"""Each value of ``array`` as the text :data:`_ENCODER` writes, null where null: integers,
    booleans and dates (within the calendar: beyond, Python's dates are an error) by Arrow's
    casts, texts without a character to escape quoted as they are, lists and structures of
    them joined by Arrow's kernels; any other value by the encoder, value by value.

    >>> _json_texts(pa.array([{"a": [1, None], "b": 'say "hi"'}, None, {"a": [], "b": None}])).to_pylist()
    ['{"a":[1,null],"b":"say \\"hi\\""}', None, '{"a":[],"b":null}']
    """
    kind = array.type
    if pa.types.is_integer(kind) or pa.types.is_boolean(kind):
        return array.cast(pa.string())
    if pa.types.is_date32(kind) and _within_calendar(array):
        return pc.binary_join_element_wise('"', array.cast(pa.string()), '"', "")
    if pa.types.is_string(kind) and not pc.any(pc.match_substring_regex(array, _ESCAPED)).as_py():
        return pc.binary_join_element_wise('"', array, '"', "")  # nothing to escape: quoted as it is
    if pa.types.is_struct(kind) and kind.num_fields:
        parts: list[Any] = []
        for i, field in enumerate(kind):
            key = ("," if i else "{") + _ENCODER.encode(field.name) + ":"
            parts += [key, _json_texts(array.field(i)).fill_null("null")]
        return _null_where_null(pc.binary_join_element_wise(*parts, "}", ""), array)
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        values = _json_texts(array.values).fill_null("null")
        lists = type(array).from_arrays(array.offsets, values)  # the offsets of a slice: its own values
        return _null_where_null(pc.binary_join_element_wise("[", pc.binary_join(lists, ","), "]", ""), array)
    return _encoded(array)


def _encoded(array: pa.Array) -> pa.Array:
    """Each value of ``array`` by :data:`_ENCODER` (from its Python value), null where null."""
    rows = np.flatnonzero(~null_mask(array))
    return strings_at(rows.tolist(), [_ENCODER.encode(value) for value in array.take(pa.array(rows)).to_pylist()],
                      len(array))


def _within_calendar(days: pa.Array) -> bool:
    """Whether every date of a date32 column is within years 1 to 9999 (Python's dates)."""
    bounds = pc.min_max(days.view(pa.int32()))
    least, greatest = bounds["min"].as_py(), bounds["max"].as_py()
    return least is None or (FIRST_DAY <= least and greatest <= LAST_DAY)


def _null_where_null(texts: pa.Array, array: pa.Array) -> pa.Array:
    return pc.if_else(pc.is_valid(array), texts, None) if array.null_count else texts


def _json_text(value: object) -> str:
    """Dates as ``AAAA-MM-JJ``, decimals (hours given as decimals) as their exact text."""
    if isinstance(value, date | Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} n'a pas d'écriture JSON")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_json_text)
_EMPTY_LIST = pa.array(["[]"])
_ESCAPED = r'["\\\x00-\x1f]'
"""The characters the encoder escapes in a text (``ensure_ascii=False``): quote, backslash, controls."""
