"""Schémas du calcul en masse — the columns a payroll run reads and writes.

Input: one row per contract-month, with the keys of the ``month`` scenario
calculation (scenarios.md) as columns, so that a scenario case is a row.
Output: :data:`OUTPUT_SCHEMA`, money as ``decimal128(12, 2)``, durations as
whole seconds (``int64``), Pajemploi counts as ``int32``, dates as ``date32``.

Arrow values are turned into the integers of the kernels here, each distinct
text parsed once by the same parser as the single-contract API
(:func:`amcalc.money.parse_money`, :func:`amcalc.duration.parse_hours`…), and
``int64`` cents are turned into ``decimal128`` without Python objects:

>>> import numpy as np
>>> decimal_array(np.array([69333, -5, 0]), np.array([True, True, False])).to_pylist()
[Decimal('693.33'), Decimal('-0.05'), None]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from amcalc.bulk.arrays import Ints, null_mask
from amcalc.calendar import WEEKDAYS, Territory
from amcalc.contract import ContractKind, parse_choice
from amcalc.duration import SECONDS_PER_HOUR, parse_hours
from amcalc.errors import AmcalcError, InvalidInput
from amcalc.money import parse_money, scaled

__all__ = ["AMOUNT_DIGITS", "HOURS_DIGITS", "ILLNESS_LEDGER", "INPUT_COLUMNS", "KNOWN_COLUMNS", "MONEY",
           "OUTPUT_SCHEMA", "RECENT_WEEKS", "bounded_number", "decimal_array", "extra_columns", "month_of",
           "null_array", "output_schema", "string_array", "typed_cell"]


MONEY = pa.decimal128(12, 2)
"""Every amount of the output: euros with two places (up to 9 999 999 999.99)."""

INPUT_COLUMNS = {
    "id": "any type, optional: copied to the output row",
    "hourly_rate": "string or decimal (≤ 4 places), gross € an hour",
    "weeks": "integer (or its text): 52, or 1 to 46",
    "start": "date32 (or text \"YYYY-MM-DD\"), optional: hiring date",
    "end": "date32 (or text \"YYYY-MM-DD\"), optional: last day of the contract",
    "mon … sun": "hours that weekday: string (\"10\", \"08:30-18:30\") or decimal; "
                 "null or \"\" = not worked (or one struct column `schedule` with these fields)",
    "month": "string \"YYYY-MM\" or date32 (first day of the month)",
    "kind": "string, optional: cdi (default), cdd, occasional",
    "territory": "string, optional: metropole (default), alsace, moselle",
    "am_ge": "bool (or text true, false, 1, 0), optional",
    "majorated_rate": "string or decimal, optional (default 0.10)",
    "complementary_rate": "string or decimal, optional (default 0)",
    "maintenance_per_hour": "string or decimal, optional: entretien € an hour worked",
    "absences": "list<struct<date: date32, hours: string|decimal (null = the whole day), "
                "cause: string>>, optional",
    "worked_hours": "list<struct<week: date32 (Monday), hours: string|decimal>>, optional",
    "non_care_weeks": "list<date32> (Mondays), optional",
    "worked_holidays": "list<date32>, optional",
    "illness_ledger": "struct (the type of ILLNESS_LEDGER), optional: last month's output column of that name, "
                      "the art. 105 counters of the contract years",
    "recent_weeks": "list<struct<week: date32 (Monday), seconds: integer>>, optional: last month's output "
                    "column of that name, the weeks actually worked of the last 4 months (art. 96.3)",
}
"""The input columns and their types; another column is an error, or passed through
(:func:`extra_columns`). The lists and the
structure may also be given as JSON text (a CSV's cells: :mod:`amcalc.bulk.json_cells`)."""

_MONEY_FIELDS = (
    "base_salary", "absence_deduction", "complementary_pay", "majorated_pay", "holiday_pay",
    "gross_salary", "contributions", "net_salary", "maintenance",
)
_SECONDS_FIELDS = ("scheduled_seconds", "worked_seconds", "complementary_seconds", "majorated_seconds")
_COUNT_FIELDS = ("scheduled_days", "declared_hours", "declared_days", "declared_complementary_hours",
                 "declared_majorated_hours")

ILLNESS_LEDGER = pa.struct([
    pa.field("years", pa.list_(pa.struct([
        pa.field("year_start", pa.date32()), pa.field("short_days", pa.int32()),
        pa.field("long_absence", pa.date32())]))),
    pa.field("open_start", pa.date32()),
    pa.field("open_last", pa.date32()),
])
"""The art. 105 counters a month hands to the next (:meth:`amcalc.child_illness.ChildIllnessLedger.as_mapping`):
per contract year, its first day, the short days left unpaid and the start of its long
absence; and the certified absence still running at the month's end (first and last day)."""

RECENT_WEEKS = pa.list_(pa.struct([pa.field("week", pa.date32()), pa.field("seconds", pa.int64())]))
"""The civil weeks actually worked in the last 18 weeks (Monday, seconds), from the
``worked_hours`` given: the 4-month average of art. 96.3 (:attr:`amcalc.month.MonthLedger.weekly_hours`)."""

HOUSEHOLD_COLUMNS = {
    "resources": "string or decimal: the household's yearly resources of the year N−2",
    "children": "integer (or its text): dependent children",
    "child_born": "date32 (or text \"YYYY-MM-DD\"): the birth date of the contract's child",
    "single_parent": "bool (or text true, false, 1, 0), optional",
    "aeeh": "bool (or text), optional: a dependent child gives right to the AEEH",
    "employer_aid": "string or decimal, optional: the employer aid of the month for this child",
}
"""The optional input columns that add the family's figures to each row
(:mod:`amcalc.bulk.family_columns`)."""

SHARE = pa.decimal128(5, 4)
"""A share with four decimals (the contributions the CMG takes over)."""

FAMILY_FIELDS = (
    pa.field("cmg", MONEY),
    pa.field("contributions_taken_over", SHARE),
    pa.field("family_cost", MONEY),
    pa.field("remains", MONEY),
    pa.field("family_error_code", pa.string()),
    pa.field("family_error_message", pa.string()),
)
"""The output columns added when the input has household columns."""

OUTPUT_SCHEMA = pa.schema([
    pa.field("month", pa.date32()),
    pa.field("route", pa.string(), nullable=False),  # plain text: Spark has no dictionary type
    pa.field("error_code", pa.string()),
    pa.field("error_field", pa.string()),
    pa.field("error_message", pa.string()),
    pa.field("base_salary", MONEY),
    pa.field("scheduled_seconds", pa.int64()),
    pa.field("scheduled_days", pa.int32()),
    pa.field("absence_deduction", MONEY),
    pa.field("worked_seconds", pa.int64()),
    pa.field("complementary_seconds", pa.int64()),
    pa.field("complementary_pay", MONEY),
    pa.field("majorated_seconds", pa.int64()),
    pa.field("majorated_pay", MONEY),
    pa.field("holiday_pay", MONEY),
    pa.field("gross_salary", MONEY),
    pa.field("contributions", MONEY),
    pa.field("net_salary", MONEY),
    pa.field("maintenance", MONEY),
    pa.field("declared_hours", pa.int32()),
    pa.field("declared_days", pa.int32()),
    pa.field("declared_complementary_hours", pa.int32()),
    pa.field("declared_majorated_hours", pa.int32()),
    pa.field("warnings", pa.list_(pa.string())),
    pa.field("freshness", pa.string()),
    pa.field("resume_or_end_on", pa.date32()),
    pa.field("illness_ledger", ILLNESS_LEDGER),
    pa.field("recent_weeks", RECENT_WEEKS),
])
"""The result of each row (see docs/howto/bulk.md for the meaning of each column)."""

NUMBER_FIELDS = (*_MONEY_FIELDS, *_SECONDS_FIELDS, *_COUNT_FIELDS)
_NUMBER_ORDER = [name for name in OUTPUT_SCHEMA.names if name in NUMBER_FIELDS]


def output_schema(id_type: pa.DataType | None = None, extra: Sequence[pa.Field] = (), *,
                  family: bool = False) -> pa.Schema:
    """:data:`OUTPUT_SCHEMA`, preceded by the input's ``id`` column when it has one and by
    the ``extra`` columns passed through (:func:`extra_columns`), and followed by the
    family's columns (:data:`FAMILY_FIELDS`) when the input has household columns."""
    head = [pa.field("id", id_type)] if id_type is not None else []
    return pa.schema([*head, *extra, *OUTPUT_SCHEMA, *(FAMILY_FIELDS if family else ())])


KNOWN_COLUMNS = (*(n for n in INPUT_COLUMNS if n != "mon … sun"), *WEEKDAYS, "schedule", *HOUSEHOLD_COLUMNS)
"""The input columns a run reads (:data:`INPUT_COLUMNS`, each weekday named, and the
household's columns of :data:`HOUSEHOLD_COLUMNS`)."""
_REQUIRED = ("hourly_rate", "weeks", "month")


def extra_columns(schema: pa.Schema, keep_extra: bool = False) -> list[pa.Field]:
    """The columns of ``schema`` a run does not read, to pass through to the output when
    ``keep_extra``; otherwise :class:`~amcalc.errors.InvalidInput` naming the first one, the
    closest known name and the known names (a misspelt ``absence`` would leave every absence
    paid). The output columns of an earlier run are read as they are (``month``, the counters)
    or left out, never an error: a result file is an input of next month. A column named
    twice, or a missing required column (``hourly_rate``, ``weeks``, ``month``, a weekday or
    ``schedule``), is one error for the whole run.

    >>> extra_columns(pa.schema([("hourly_rate", pa.string()), ("weeks", pa.int64()),
    ...                          ("month", pa.string()), ("mon", pa.string()), ("absence", pa.string())]))
    Traceback (most recent call last):
    ...
    amcalc.errors.InvalidInput: absence : colonne inconnue 'absence' (absences ?). ...
    """
    names = schema.names
    if twice := sorted({n for n in names if names.count(n) > 1}):
        raise InvalidInput(twice[0], f"colonne en double : {', '.join(twice)} (chaque colonne une seule fois).")
    if missing := [n for n in _REQUIRED if n not in names]:
        raise InvalidInput(missing[0], f"colonne manquante : {', '.join(missing)} (colonnes lues : "
                                       f"{', '.join(names) or 'aucune'}).")
    if not {*WEEKDAYS, "schedule"} & set(names):
        raise InvalidInput("schedule", "aucune colonne d'horaire : donnez les heures de chaque jour d'accueil "
                                       "(mon, tue, wed, thu, fri, sat, sun) ou une colonne schedule.")
    written = {*OUTPUT_SCHEMA.names, *(f.name for f in FAMILY_FIELDS)}
    extra = [f for f in schema if f.name not in KNOWN_COLUMNS and f.name not in written]
    if extra and not keep_extra:
        name = extra[0].name
        close = difflib.get_close_matches(name, KNOWN_COLUMNS, n=1, cutoff=0.6)
        hint = f" ({close[0]} ?)" if close else ""
        raise InvalidInput(name, f"colonne inconnue {name!r}{hint}. Colonnes lues : {', '.join(KNOWN_COLUMNS)}. "
                                 "Pour recopier des colonnes en plus telles quelles dans le résultat (un "
                                 "centre de coût…), demandez-le (--keep-extra).")
    return extra


def decimal_array(cents: Ints, valid: Any, kind: pa.DataType = MONEY) -> pa.Array:
    """``decimal128(12, 2)`` (or another decimal ``kind``) from its unscaled int64 values (cents
    for money), null where not ``valid``."""
    return _decimal_column(cents, validity_buffer(valid), kind)


def _decimal_column(cents: Ints, validity: pa.Buffer | None, kind: pa.DataType = MONEY) -> pa.Array:
    return pa.Array.from_buffers(kind, len(cents), [validity, _decimal_words(cents)])


def _decimal_words(cents: Ints) -> pa.Buffer:
    """The data of a decimal128 column: 16-byte little-endian words built in numpy (low word =
    the value, high word = its sign); the shared zeros (:func:`zero_bytes`) when every value is 0."""
    cents = np.asarray(cents, dtype=np.int64)
    # one reduction: the greatest unsigned word is 0 when every value is, ≥ 2⁶³ when one is negative
    greatest = int(cents.view(np.uint64).max(initial=0))
    if not greatest:
        return zero_bytes(16 * len(cents))
    words = np.zeros((len(cents), 2), dtype=np.int64)
    words[:, 0] = cents
    if greatest >> 63:
        words[:, 1] = cents >> 63
    return pa.py_buffer(words)


def number_columns(figures: Mapping[str, Ints], valid: Any) -> dict[str, pa.Array]:
    """The columns of :data:`NUMBER_FIELDS` by name, in :data:`OUTPUT_SCHEMA`'s order, from their
    int64 arrays (money in cents): money as ``decimal128(12, 2)`` (as :func:`decimal_array`),
    seconds as ``int64``, counts as ``int32``, null where not ``valid`` (one validity bitmap
    for all).

    >>> columns = number_columns({f: np.array([-5, 7]) for f in NUMBER_FIELDS}, np.array([True, False]))
    >>> {name: column.to_pylist() for name, column in list(columns.items())[:3]}
    {'base_salary': [Decimal('-0.05'), None], 'scheduled_seconds': [-5, None], 'scheduled_days': [-5, None]}
    """
    validity = validity_buffer(valid)
    # a column's words apart (each a few hundred kB, reused by the allocator: one block for all
    # is mapped afresh each chunk, its pages faulted in)
    built = {name: _decimal_column(figures[name], validity) for name in _MONEY_FIELDS}
    built |= {name: _int_column(figures[name], validity, kind)
              for names, kind in ((_COUNT_FIELDS, pa.int32()), (_SECONDS_FIELDS, pa.int64())) for name in names}
    return {name: built[name] for name in _NUMBER_ORDER}


_NUMPY_INTS = {pa.int32(): np.int32, pa.int64(): np.int64, pa.date32(): np.int32}
"""numpy's type of each integer column built (``DataType.to_pandas_dtype`` needs pandas before pyarrow 18)."""


def int_array(values: Ints, valid: Any, kind: pa.DataType) -> pa.Array:
    """An integer (or date32: day numbers) column from numpy, null where not ``valid``."""
    return _int_column(values, validity_buffer(valid), kind)


def _int_column(values: Ints, validity: pa.Buffer | None, kind: pa.DataType) -> pa.Array:
    data = np.ascontiguousarray(values, dtype=_NUMPY_INTS[kind])
    return pa.Array.from_buffers(kind, len(data), [validity, pa.py_buffer(data)])


def string_array(texts: Mapping[int, str | None], n: int) -> pa.Array:
    """A string column of n rows: ``texts[i]`` in row i, null in the others (and where it is
    ``None``), built from its buffers.

    >>> string_array({2: "é", 0: "a", 1: None}, 4).to_pylist()
    ['a', None, 'é', None]
    """
    rows = sorted(texts)
    return strings_at(rows, [texts[i] for i in rows], n)


def strings_at(rows: Sequence[int], texts: Sequence[str | None], n: int) -> pa.Array:
    """:func:`string_array` of the ``texts`` of ``rows`` (in increasing order).

    >>> strings_at([1, 3], ["ab", "é"], 5).to_pylist()
    [None, 'ab', None, 'é', None]
    """
    return strings_columns(rows, [texts], n)[0]


def strings_columns(rows: Sequence[int], columns: Sequence[Sequence[str | None]], n: int) -> list[pa.Array]:
    """String columns of n rows, the k-th with the texts ``columns[k]`` in the ``rows`` (in
    increasing order), null in the others and where a text is ``None``: each column's texts
    encoded by Arrow in one call, their offsets laid out over the n rows (:func:`_spread`),
    the rows' places and the validity of the columns without ``None`` computed once for all.

    >>> [c.to_pylist() for c in strings_columns([0, 2], [["a", "b"], [None, "é"]], 3)]
    [['a', None, 'b'], [None, None, 'é']]
    """
    at = np.asarray(rows, np.int64)
    spread = _spread(at, n)
    valid = np.zeros(n, bool)
    valid[at] = True
    every = validity_buffer(valid)
    built = []
    for texts in columns:
        given = pa.array(texts, pa.string())
        if not isinstance(given, pa.Array):  # Arrow splits a text column beyond 2 GiB
            raise OverflowError("more than 2 GiB of text in one string array")
        validity = every
        if given.null_count:
            has_text = np.zeros(n, bool)
            has_text[at] = ~null_mask(given)
            validity = validity_buffer(has_text)
        _, ends, data = given.buffers()
        offsets = np.repeat(np.frombuffer(ends, np.int32, len(given) + 1), spread)
        built.append(pa.Array.from_buffers(pa.string(), n, [validity, pa.py_buffer(offsets), data]))
    return built


def row_offsets(rows: Ints, n: int) -> pa.Buffer:
    """The offsets (int32) of a list column of n rows from the row of each of its values
    (``rows``, in increasing order): a row's values start after those of the rows before it;
    the shared zeros (:func:`zero_bytes`) when there is no value.

    >>> np.frombuffer(row_offsets(np.array([1, 1, 3]), 5), np.int32).tolist()
    [0, 0, 2, 2, 3, 3]
    """
    if not len(rows):
        return zero_bytes(4 * (n + 1))
    last = np.flatnonzero(np.append(rows[1:] != rows[:-1], True))  # each row's last value
    return pa.py_buffer(np.repeat(np.append(0, last + 1).astype(np.int32), _spread(rows[last], n)))


def _spread(at: Ints, n: int) -> Ints:
    """How many of the n + 1 offsets of a list or string column each of ``at`` (the rows
    with values, each once, in increasing order) sets: offset j is 0 up to the first row,
    then the end of each row's values until the next row. Laid out by a repeat, not a count
    and a running sum over every row: no array of the chunk's length but the offsets (a
    first call takes every page fresh), and a cost by row with values."""
    return np.diff(np.concatenate(([0], at + 1, [n + 1])))


def utf8_strings(encoded: Sequence[bytes]) -> pa.Array:
    """A string array of texts given in UTF-8, built from its buffers (no text encoded again).

    >>> utf8_strings([b"ab", "é".encode()]).to_pylist()
    ['ab', 'é']
    """
    return pa.Array.from_buffers(pa.string(), len(encoded), [None, pa.py_buffer(_byte_ends(encoded)),
                                                             pa.py_buffer(b"".join(encoded))])


def _byte_ends(encoded: Sequence[bytes]) -> Any:
    """0, then where each of ``encoded`` ends once they are joined: a string array's offsets
    (int32: more than 2 GiB of text in one array is an error, not offsets wrapped round)."""
    ends = np.zeros(len(encoded) + 1, np.int64)
    np.cumsum(np.fromiter(map(len, encoded), np.int64, len(encoded)), out=ends[1:])
    if ends[-1] > np.iinfo(np.int32).max:
        raise OverflowError("more than 2 GiB of text in one string array")
    return ends.astype(np.int32)


def validity_buffer(valid: Any) -> pa.Buffer | None:
    """The validity bitmap of a column valid where ``valid`` (a bool array); ``None`` when all
    are, the shared zeros of :func:`zero_bytes` when none is."""
    valid = np.asarray(valid, dtype=bool)
    if valid.all():
        return None
    if not valid.any():
        return zero_bytes(-(-len(valid) // 8))
    return pa.py_buffer(np.packbits(valid, bitorder="little"))


_ZEROS: list[pa.Buffer] = [pa.py_buffer(b"")]


def zero_bytes(size: int) -> pa.Buffer:
    """``size`` zero bytes, read-only, cut from one block shared by every column that needs
    them (the data of a column all 0, the bitmap and offsets of a column all null): the
    results of a run keep no fresh memory for them (the block, made by ``calloc``, is not
    even written).

    >>> zeros = zero_bytes(8)
    >>> zeros.to_pybytes(), zeros.is_mutable, np.frombuffer(zeros, np.int64).flags.writeable
    (b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00', False, False)
    """
    block = _ZEROS[0]
    if block.size < size:  # grown for a larger chunk (two threads may both grow it: either block is zeros)
        zeros = np.zeros(max(size, 2 * block.size), np.uint8)
        zeros.flags.writeable = False
        block = _ZEROS[0] = pa.py_buffer(zeros)
    return block.slice(0, size)


@lru_cache(maxsize=64)
def null_array(kind: pa.DataType, n: int) -> pa.Array:
    """A column of ``n`` nulls of ``kind`` (a string, list, struct or fixed-width type), its
    buffers the shared zeros (:func:`zero_bytes`): made once for each length and type, where
    ``pa.nulls`` allocates them each chunk.

    >>> null_array(ILLNESS_LEDGER, 2).to_pylist(), null_array(ILLNESS_LEDGER, 2).equals(pa.nulls(2, ILLNESS_LEDGER))
    ([None, None], True)
    """
    validity = zero_bytes(-(-n // 8))
    if pa.types.is_struct(kind):
        return pa.Array.from_buffers(kind, n, [validity], children=[null_array(f.type, n) for f in kind])
    if pa.types.is_list(kind):
        return pa.Array.from_buffers(kind, n, [validity, zero_bytes(4 * (n + 1))],
                                     children=[null_array(kind.value_type, 0)])
    if pa.types.is_string(kind):
        return pa.Array.from_buffers(kind, n, [validity, zero_bytes(4 * (n + 1)), zero_bytes(0)])
    return pa.Array.from_buffers(kind, n, [validity, zero_bytes(-(-n * kind.bit_width // 8))])


# --- decoding: Arrow columns to the kernels' integers ------------------------------------------


class Column:
    """A decoded column: ``values`` (int64), ``ok`` (parsed, or null) and ``null``; ``greatest``,
    when known, a bound no value exceeds (a decimal column's, from its greatest word)."""

    def __init__(self, values: Ints, ok: Any, null: Any, greatest: int | None = None) -> None:
        self.values, self.ok, self.null, self.greatest = values, ok, null, greatest


def _parse_text(kind: str, text: str) -> int | None:
    return _parse_cached(kind, text)


@lru_cache(maxsize=65536)
def _parse_cached(kind: str, text: str) -> int | None:
    """The integer of one distinct text, by the single-contract API's own parser;
    ``None`` when it does not parse (the row then goes to that API for its error)."""
    try:
        return _PARSERS[kind](text)
    except (AmcalcError, ArithmeticError, ValueError):
        return None


_EPOCH = date(1970, 1, 1)
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})(?:-01)?")
_WHOLE_TEXT = re.compile(r"[+-]?[0-9]{1,9}")
FIRST_DAY, LAST_DAY = (date.min - _EPOCH).days, (date.max - _EPOCH).days
"""Day numbers of the calendar's first and last days (years 1 to 9999): a date32 outside is refused."""

AMOUNT_DIGITS = 6
"""Digits before the decimal point of an amount or a rate (``hourly_rate``…): under 1 000 000,
so that a month's figures fit the output's ``decimal128(12, 2)``."""
HOURS_DIGITS = 4
"""Digits before the decimal point of a number of hours (a day, an absence, a week): under 10 000."""
_NUMBER_TEXT = 40
"""Characters of a number's text at most (a longer one is not read: its digits could be millions)."""


def bounded_number(value: object, field: str, digits: int) -> object:
    """``value`` as it is when it is not a number written with more than ``digits`` digits
    before the decimal point (text — decimal comma accepted —, integer or decimal), else
    :class:`~amcalc.errors.InvalidInput` on ``field``: a cell such as ``1E+30`` (a
    spreadsheet's scientific notation) or a 5 000-digit number is an error in its row,
    read without building its digits. A text that is not a number is left to the parser.

    >>> bounded_number("3.85", "hourly_rate", AMOUNT_DIGITS)
    '3.85'
    >>> bounded_number("1E+30", "hourly_rate", AMOUNT_DIGITS)
    Traceback (most recent call last):
    ...
    amcalc.errors.InvalidInput: hourly_rate : '1E+30' est hors bornes : au plus 6 chiffres avant la virgule.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        return value
    if isinstance(value, int):
        too_large = abs(value) >= 10**digits
    elif isinstance(value, Decimal):
        too_large = _too_large(value, digits)
    else:
        text = value.strip().replace(",", ".")
        if len(text) > _NUMBER_TEXT:
            raise InvalidInput(field, f"{shown(value, 20)} : un nombre de {len(text)} caractères est hors bornes "
                                      f"(au plus {digits} chiffres avant la virgule).")
        try:
            number = Decimal(text)
        except InvalidOperation:
            return value  # not a number: its parser words the error
        too_large = _too_large(number, digits)
    if too_large:
        raise InvalidInput(field, f"{str(value)[:_NUMBER_TEXT]!r} est hors bornes : au plus {digits} chiffres "
                                  "avant la virgule.")
    return value


def _too_large(number: Decimal, digits: int) -> bool:
    return number.is_finite() and number != 0 and number.adjusted() >= digits


def month_of(value: str, field: str = "month") -> tuple[int, int]:
    """(year, month) of ``AAAA-MM``, or of the first day ``AAAA-MM-01`` (how a result file
    writes its month), or :class:`~amcalc.errors.InvalidInput` on ``field``.

    >>> month_of("2025-03"), month_of("2025-03-01")
    ((2025, 3), (2025, 3))
    >>> month_of("20255-03")
    Traceback (most recent call last):
    ...
    amcalc.errors.InvalidInput: month : mois attendu au format AAAA-MM, pas '20255-03'.
    """
    found = _MONTH_TEXT.fullmatch(value.strip())
    if not found:
        raise InvalidInput(field, f"mois attendu au format AAAA-MM, pas {shown(value)}.")
    year, month = int(found[1]), int(found[2])
    if year < 1 or not 1 <= month <= 12:
        raise InvalidInput(field, f"mois impossible : {value!r}.")
    return year, month
_FLAGS = {"true": True, "1": True, "false": False, "0": False}


def shown(text: str, size: int = 40) -> str:
    """``text`` quoted for a message, cut at ``size`` characters.

    >>> shown("9" * 50, 5)
    "'99999'…"
    """
    return repr(text[:size]) + ("…" if len(text) > size else "")


def date_of(text: str, field: str) -> date:
    """The date of a text ``AAAA-MM-JJ``, or :class:`~amcalc.errors.InvalidInput` on ``field``."""
    day = text.strip()
    if not _DATE_TEXT.fullmatch(day):
        raise InvalidInput(field, f"date attendue au format AAAA-MM-JJ, pas {shown(text)}.")
    try:
        return date.fromisoformat(day)
    except ValueError:
        raise InvalidInput(field, f"date impossible : {text!r}.") from None


def _whole_of(text: str, field: str) -> int:
    if not _WHOLE_TEXT.fullmatch(text.strip()):
        raise InvalidInput(field, f"un nombre entier est attendu, pas {shown(text)}.")
    return int(text)


def _flag_of(text: str, field: str) -> bool:
    try:
        return _FLAGS[text.strip().lower()]
    except KeyError:
        raise InvalidInput(field, f"vrai ou faux est attendu (true, false, 1 ou 0), pas {shown(text)}.") from None


_TYPED_TEXT: dict[str, Callable[[str, str], object]] = {
    "start": date_of, "end": date_of, "weeks": _whole_of, "am_ge": _flag_of,
    "child_born": date_of, "children": _whole_of, "single_parent": _flag_of, "aeeh": _flag_of,
}


def typed_cell(column: str, value: object) -> object:
    """Cellule en texte (d'un CSV) — the value of a cell of ``start``, ``end``, ``child_born``
    (dates ``AAAA-MM-JJ``), ``weeks``, ``children`` (integers) or ``am_ge``, ``single_parent``,
    ``aeeh`` (``true``, ``false``, ``1``, ``0``) given as text, parsed; :class:`~amcalc.errors.InvalidInput` naming the column when it
    does not parse. Other values are returned as they are.

    >>> typed_cell("start", "2024-11-04"), typed_cell("weeks", " 52"), typed_cell("am_ge", "TRUE")
    (datetime.date(2024, 11, 4), 52, True)
    >>> typed_cell("end", "2024-02-30")
    Traceback (most recent call last):
    ...
    amcalc.errors.InvalidInput: end : date impossible : '2024-02-30'.
    """
    parse = _TYPED_TEXT.get(column)
    return parse(value, column) if parse is not None and isinstance(value, str) else value


def _bounded(value: int) -> int:
    """``value`` when it fits the engine's int64 arithmetic, else not parsed here (the
    single-contract API then words the error)."""
    if abs(value) >= 10**9:
        raise InvalidInput("value", "hors bornes.")
    return value


_PARSERS: dict[str, Callable[[str], int]] = {
    "money": lambda t: scaled(parse_money(bounded_number(t, "value", AMOUNT_DIGITS), "value", places=4), 4,
                              "value"),
    "hours": lambda t: parse_hours(bounded_number(t, "value", HOURS_DIGITS), "value"),
    "month": lambda t: _month_key(t),
    "territory": lambda t: list(Territory).index(parse_choice(Territory, t, "territory")),
    "kind": lambda t: list(ContractKind).index(parse_choice(ContractKind, t, "kind")),
    "date": lambda t: (date_of(t, "value") - _EPOCH).days,
    "whole": lambda t: _bounded(_whole_of(t, "value")),
    "flag": lambda t: int(_flag_of(t, "value")),
}


def _month_key(text: str) -> int:
    year, month = month_of(text)
    return year * 12 + month - 1


def decode(array: pa.Array | None, kind: str, n: int, out: Ints | None = None) -> Column:
    """Decode a money (1/10 000 €), hours (seconds) or text-choice column, or the text of a
    date (days since 1970), whole number or flag (1 or 0) column; its values written into
    ``out`` when given (a column of a table: no copy after)."""
    column = _decoded(array, kind, n, out)
    if out is not None and column.values is not out:
        out[...] = column.values
        column.values = out
    return column


def decode_columns(arrays: Sequence[pa.Array | None], kind: str, n: int, out: Ints | None = None) -> list[Column]:
    """:func:`decode` of each of ``arrays`` (the weekdays, the rates), the values of the k-th
    written into ``out[:, k]`` when given; decimal columns of one scale (the usual input) of
    a small batch decoded together, by the same numpy calls for all.

    >>> days = decode_columns([pa.array([Decimal("9.5"), None]), pa.array([Decimal("0.25"), Decimal("1")])],
    ...                       "hours", 2)
    >>> [(d.values.tolist(), d.ok.tolist(), d.null.tolist()) for d in days]
    [([34200, 0], [True, True], [False, True]), ([900, 3600], [True, True], [False, False])]
    """
    first = arrays[0] if 0 < n <= _BLOCK_ROWS and arrays and kind in ("money", "hours") else None
    if first is not None and pa.types.is_decimal128(first.type) and all(
            a is not None and pa.types.is_decimal128(a.type) and a.type.scale == first.type.scale and len(a) == n
            for a in arrays):
        return _decimals(arrays, kind, None if out is None else out.T)
    return [decode(a, kind, n, None if out is None else out[:, k]) for k, a in enumerate(arrays)]


def _decoded(array: pa.Array | None, kind: str, n: int, out: Ints | None) -> Column:
    if array is None or not len(array) or pa.types.is_null(array.type):  # no value (no compute call)
        return Column(np.zeros(n, np.int64), np.ones(n, bool), np.ones(n, bool))
    kind_type = array.type
    if pa.types.is_decimal128(kind_type) and kind in ("money", "hours"):
        column = _decimals([array], kind, None if out is None else out[None])[0]
        column.values = column.values if out is None else out  # written there
        return column
    null = null_mask(array)
    if (pa.types.is_string(kind_type) or pa.types.is_large_string(kind_type)) and array.null_count * 2 > n:
        return _sparse_texts(array, kind, null)
    if pa.types.is_dictionary(kind_type) or pa.types.is_string(kind_type) or pa.types.is_large_string(kind_type):
        encoded = array if pa.types.is_dictionary(kind_type) else pc.dictionary_encode(array)
        if not pa.types.is_string(encoded.dictionary.type) and not pa.types.is_large_string(
                encoded.dictionary.type):
            return _unusable(n, null)
        texts = encoded.dictionary.to_pylist()
        parsed = [None if t is None else (-1 if t.strip() == "" else _parse_text(kind, t)) for t in texts]
        table = np.array([0 if p is None or p == -1 else p for p in parsed] + [0], dtype=np.int64)
        index = filled(encoded.indices, len(texts)).to_numpy(zero_copy_only=False)
        if None not in parsed and -1 not in parsed:  # every text parsed, none empty (the usual column)
            # each text its own index (the choices' order: a column written by this library), no
            # null: the values are the indices
            same = not encoded.null_count and parsed == list(range(len(parsed)))
            return Column(index.astype(np.int64) if same else np.take(table, index), every_row(len(index)), null)
        good = np.array([p is not None for p in parsed] + [True])
        empty = np.array([p == -1 for p in parsed] + [True])
        return Column(np.take(table, index), good[index], empty[index] | null)
    if pa.types.is_integer(kind_type) and kind in ("money", "hours"):
        raw = filled(array, 0).to_numpy(zero_copy_only=False).astype(np.int64)
        factor = 10_000 if kind == "money" else SECONDS_PER_HOUR
        ok = (raw >= 0) & (raw < 10**9)
        return Column(np.where(ok, raw, 0) * factor, ok | null, null)
    return _unusable(n, null)


def _sparse_texts(array: pa.Array, kind: str, null: Any) -> Column:
    """:func:`decode` of a text column mostly null (the hours of whole-day absences): its
    given texts only, gathered first (encoding every row costs the same whether null or not)."""
    given = np.flatnonzero(~null)
    texts = _decoded(array.take(given), kind, len(given), None)
    values = np.zeros(len(array), np.int64)
    values[given] = texts.values
    ok = np.ones(len(array), bool)
    ok[given] = texts.ok
    null = null.copy()
    null[given] = texts.null  # an empty text: as null
    return Column(values, ok, null)


def filled(array: pa.Array, value: Any) -> pa.Array:
    """``array`` with its nulls replaced by ``value`` (itself when it has none: no compute
    call, which costs more than the rows of a small batch)."""
    return array.fill_null(value) if array.null_count else array


def _unusable(n: int, null: Any) -> Column:
    return Column(np.zeros(n, np.int64), null.copy(), null)


_BLOCK_ROWS = 1024
"""Rows of a batch up to which its decimal columns are copied into one block, to be decoded
by one set of numpy calls (which cost more than the rows of a small batch); beyond, the copy
costs more than the calls it saves: one column at a time."""


def _decimals(arrays: Sequence[pa.Array], kind: str, out: Ints | None) -> list[Column]:
    """Exact integers of k decimal128 columns of one scale and length (low 64-bit word, when the
    value fits), into the rows of ``out`` (k × n) when given and every value exact."""
    flat = np.concatenate([_words(a) for a in arrays]) if len(arrays) > 1 else _words(arrays[0])
    words = flat.reshape(len(arrays), -1, 2)
    low, high = words[..., 0], words[..., 1]  # views: the multiplication below makes the values
    scale = arrays[0].type.scale
    factor = SECONDS_PER_HOUR if kind == "hours" else 10_000
    # multiplied first (it reads the words from memory; the checks then find them in cache): a
    # value that does not fit gives any product, replaced by 0 below
    exact: Any = True
    if scale < 0:
        values = low * (factor * 10**-scale)
    elif factor % 10**scale == 0:  # every value exact: no division per value
        values = np.multiply(low, factor // 10**scale, out=out)
    else:
        values, remainder = np.divmod(low * factor, 10**scale)
        exact = remainder == 0
    # 0 ≤ value < 10**12: the high word 0 and the low one below 10**12 unsigned (both bounds);
    # checked first on the whole block by their greatest words (no array made), value by value
    # only when one does not fit
    greatest_low, greatest_high = _greatest_words(flat)
    every = greatest_high == 0 and greatest_low < 10**12 and (exact is True or bool(exact.all()))
    # the greatest word scaled as the values: a bound of each column's (0 under the nulls)
    greatest = (greatest_low * factor * 10**-scale if scale < 0 else greatest_low * factor // 10**scale) if every \
        else None
    fits = _every(low.shape, True) if every else (low.view(np.uint64) < 10**12) & (high == 0) & exact
    has_null = any(array.null_count for array in arrays)
    null = np.stack([null_mask(array) for array in arrays]) if has_null else _every(low.shape, False)
    if not every:  # a value unread or null: 0
        fits = fits | null
        values = np.where(fits & ~null, values, 0)
    elif has_null:  # every value reads: 0 under the nulls (Arrow leaves their slots undefined)
        values *= ~null
    if out is not None and values is not out:
        out[...] = values
        values = out
    if len(arrays) == 1:
        n = low.shape[1]
        return [Column(values[0], every_row(n) if every else fits[0], null[0] if has_null else _every((n,), False),
                       greatest)]
    return [Column(*column, greatest) for column in zip(values, fits, null, strict=True)]


def every_row(n: int) -> Any:
    """The ``ok`` of a column of n rows whose every value reads: one read-only array of
    ``True`` for every column of that length (recognised by identity, :func:`_every`)."""
    return _every((n,), True)


_FOLD = 1024
"""Words of a decimal column folded onto one another by :func:`_greatest_words` (512 values)."""


def _greatest_words(words: Ints) -> tuple[int, int]:
    """The greatest low and the greatest high word (unsigned) of decimal128 values given as
    their words one after the other: one pass over contiguous memory, the words laid out as
    rows of :data:`_FOLD` and reduced down the columns (numpy's vector loop over each row), the
    even columns the low words, the odd ones the high (a high word's greatest read 16 bytes
    apart costs a second pass).

    >>> _greatest_words(np.array([5, 0, 7, 1] * 9000, np.int64)), _greatest_words(np.array([5, 0, 7, 1] * 9, np.int64))
    ((7, 1), (7, 1))
    """
    every = words.view(np.uint64)
    if len(every) < 32 * _FOLD:  # a small batch: two reductions cost less than the fold's calls
        return int(every[0::2].max(initial=0)), int(every[1::2].max(initial=0))
    whole = len(every) - len(every) % _FOLD
    folded = every[:whole].reshape(-1, _FOLD).max(axis=0)
    if whole < len(every):
        folded[:len(every) - whole] = np.maximum(folded[:len(every) - whole], every[whole:])
    return int(folded[0::2].max()), int(folded[1::2].max())


@lru_cache(maxsize=16)
def _every(shape: tuple[int, ...], flag: bool) -> Any:
    """A read-only array of ``shape`` all ``flag``, made once for the batches of that size: the
    ``ok`` and ``null`` of a column whose every value reads, or none is null (a broadcast scalar
    would cost nothing to make, but numpy's logical operations walk it without SIMD)."""
    every = np.full(shape, flag)
    every.flags.writeable = False
    return every


def _words(array: pa.Array) -> Ints:
    """The two 64-bit words (low, high) of each value of a decimal128 column, one after the
    other: a view of its buffer."""
    return np.frombuffer(array.buffers()[1], np.int64, 2 * len(array), 16 * array.offset)


def weekday_columns(batch: pa.RecordBatch) -> list[pa.Array | None]:
    """The seven weekday columns: ``mon`` … ``sun``, or the fields of a ``schedule`` struct."""
    names = batch.schema.names
    if "schedule" in names:
        schedule = batch.column("schedule")
        if pa.types.is_struct(schedule.type):
            fields = {schedule.type.field(i).name: i for i in range(schedule.type.num_fields)}
            return [schedule.field(fields[d]) if d in fields else None for d in WEEKDAYS]
    return [batch.column(d) if d in names else None for d in WEEKDAYS]
