"""Outils de tableaux — the numpy helpers and day numbers shared by the engine's modules:
days since 1970 (:data:`EPOCH`), grouping of small keys, sums over the rows of a matrix."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
import pyarrow as pa

__all__ = ["EPOCH", "NEVER", "WEEK_PATTERNS", "Ints", "day_number", "day_or_none", "distinct_rows",
           "distinct_values", "first_of_runs", "group_keys", "in_order", "is_in", "null_mask", "pattern_counts",
           "repeated_rows", "row_dot", "row_sum", "sorted_distinct", "week_pattern"]


Ints = Any
"""A numpy int64 array: the shared kernels are typed for ``int`` and run on arrays unchanged."""

EPOCH = date(1970, 1, 1)
NEVER = np.iinfo(np.int64).max // 4
"""± this day number: no hiring date (−) or no end (+), far from any real day."""


def day_number(day: date) -> int:
    """Days since 1970, as date32 stores them."""
    return (day - EPOCH).days


def day_or_none(days: int) -> date | None:
    """The date of a day number, ``None`` for :data:`NEVER` (no hiring date, no end)."""
    return None if abs(days) == NEVER else EPOCH + timedelta(days=int(days))


def distinct_values(values: Ints) -> tuple[Ints, Ints]:
    """Distinct values and each one's index among them: a bincount over a small range, else
    a sort — then each value searched among few distinct ones (``np.unique``'s own indices
    come from an argsort: twice the time on 2 000 durations of ~100 values); nothing to
    count when they are all the same (one month, one row).

    >>> [a.tolist() for a in distinct_values(np.array([7, 7]))], [a.tolist() for a in distinct_values(np.array([9, 7, 9]))]
    ([[7], [0, 0]], [[7, 9], [1, 0, 1]])
    >>> [a.tolist() for a in distinct_values(np.array([180000, 47400, 180000]))]
    [[47400, 180000], [1, 0, 1]]
    """
    low, high = (int(values.min()), int(values.max())) if len(values) else (0, 1 << 16)
    if low == high:
        return values[:1].copy(), np.zeros(len(values), np.int64)
    if high - low < 1 << 16:
        return group_keys(values, low)
    distinct = np.unique(values)
    if len(distinct) <= _FEW_DISTINCT:
        return distinct, np.searchsorted(distinct, values)
    distinct, which = np.unique(values, return_inverse=True)
    return distinct, which.ravel()


_FEW_DISTINCT = 1 << 12
"""Distinct values few enough (32 KiB of keys) to search each value among them."""


def distinct_rows(rows: Ints) -> Ints:
    """The distinct row indices (≥ 0) of ``rows``, in order (a bincount: ``np.unique`` hashes
    or sorts, several times slower on thousands of rows).

    >>> distinct_rows(np.array([4, 1, 4, 0])).tolist()
    [0, 1, 4]
    """
    return np.flatnonzero(np.bincount(rows)) if len(rows) else rows


def is_in(values: Ints, keys: Ints) -> Any:
    """Whether each of ``values`` is one of ``keys`` (int64, any spread): the keys sorted and
    searched (``np.isin`` sorts the values too, twice as slow on a day plan's keys).

    >>> is_in(np.array([[5, 1 << 40], [7, 3]]), np.array([3, 1 << 40, 3])).tolist()
    [[False, True], [False, True]]
    """
    if not len(keys):
        return np.zeros(values.shape, bool)
    if not in_order(keys):
        keys = np.sort(keys)
    at = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
    return keys[at] == values


def in_order(keys: Ints, strictly: bool = False) -> bool:
    """Whether ``keys`` are in increasing order (``strictly``: without repeats): one pass,
    where a sort would be wasted on keys that come sorted (a row's days one after another).

    >>> in_order(np.array([1, 3, 3])), in_order(np.array([1, 3, 3]), strictly=True)
    (True, False)
    """
    return bool(((keys[1:] > keys[:-1]) if strictly else (keys[1:] >= keys[:-1])).all())


def first_of_runs(keys: Ints) -> Any:
    """Whether each entry of ``keys`` (equal keys one after another: a row's entries in order)
    opens its run: a comparison with the previous entry, where ``np.unique`` would sort.

    >>> first_of_runs(np.array([0, 0, 3, 5, 5])).tolist()
    [True, False, True, True, False]
    """
    first = np.ones(len(keys), bool)
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    return first


def sorted_distinct(keys: Ints) -> Ints:
    """The distinct ``keys``, sorted (``np.unique``, unless they come so already).

    >>> sorted_distinct(np.array([3, 1, 3])).tolist(), sorted_distinct(np.array([1, 3])).tolist()
    ([1, 3], [1, 3])
    """
    return keys if in_order(keys, strictly=True) else np.unique(keys)


def group_keys(keys: Ints, low: int | None = None) -> tuple[Ints, Ints]:
    """Distinct small keys and each row's index among them (a bincount, not a sort); ``low``:
    the least key, when known.

    >>> [a.tolist() for a in group_keys(np.array([5, 3, 4, 5]))], [a.tolist() for a in group_keys(np.array([5, 3]))]
    ([[3, 4, 5], [2, 0, 1, 2]], [[3, 5], [1, 0]])
    """
    low = int(keys.min()) if low is None else low
    shifted = keys - low if low else keys
    present = np.bincount(shifted) > 0
    distinct = np.flatnonzero(present) + low
    if len(distinct) == len(present):  # every key of the range given: its index is itself − low
        return distinct, shifted.astype(np.int64, copy=not low)  # a fresh array, as the lookup's
    lookup = np.cumsum(present) - 1
    return distinct, np.take(lookup, shifted)


def row_sum(a: Ints) -> Ints:
    """Σ of each row of an int64 matrix (``einsum``: several times faster than ``sum(axis=1)``
    over 7 or 31 columns)."""
    return np.einsum("ij->i", a)


def row_dot(a: Ints, b: Ints) -> Ints:
    """Σ a × b of each row of two int64 matrices: numpy 2's ``vecdot`` (on rows × 7, 0.74 ×
    the time of ``einsum``, which numpy 1 uses).

    >>> row_dot(np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]])).tolist()  # 5 + 12, 21 + 32
    [17, 53]
    """
    return _VECDOT(a, b)


_VECDOT: Any = getattr(np, "vecdot", lambda a, b: np.einsum("ij,ij->i", a, b))


WEEK_PATTERNS = 1 << 7
"""The sets of weekdays of a week, as patterns: bit d set for weekday d (Monday bit 0)."""
_IN_PATTERN = (np.arange(WEEK_PATTERNS)[None, :] >> np.arange(7)[:, None]) & 1  # (7, 128): weekday d in pattern p
# × this constant, the byte of weekday d (0 or 1, at bit 8d of a little-endian word) lands
# on bit 56 + d, and every other product of two of its powers away from bits 56–62 (8d − 7e
# takes each value once): the pattern is the top byte, without carries
_GATHER_BYTES = np.uint64(sum(1 << (56 - 7 * d) for d in range(7)))


def week_pattern(schedule: Ints) -> Ints:
    """The weekdays of each row of ``schedule`` (rows × 7) that have seconds, as a pattern
    (:data:`WEEK_PATTERNS`): the 7 bytes of each row's ``> 0`` read as one word, gathered by
    one product (the (rows × 7) int64 of a cast and a sum over 7 columns not made).

    >>> week_pattern(np.array([[1, 0, 0, 0, 0, 0, 2], [0, 3, 0, 0, 0, 0, 0]])).tolist()
    [65, 2]
    """
    n = len(schedule)
    bytes_ = np.zeros(7 * n + 1, np.uint8)  # one byte more: the last row's word is read whole
    np.greater(schedule, 0, out=bytes_[:7 * n].reshape(n, 7).view(bool))
    words = np.ndarray((n,), np.dtype("<u8"), bytes_, 0, (7,)) * _GATHER_BYTES
    words >>= np.uint64(56)
    return words.view(np.int64)


def pattern_counts(counts: Ints) -> Ints:
    """Σ of ``counts`` (k × 7) over the weekdays of each pattern: (k × :data:`WEEK_PATTERNS`).

    >>> pattern_counts(np.array([[5, 4, 4, 4, 4, 4, 5]]))[0, [0, 65, 127]].tolist()
    [0, 10, 30]
    """
    return np.asarray(counts, np.int64) @ _IN_PATTERN


def null_mask(array: pa.Array) -> Any:
    """Where ``array`` is null, read from its validity bitmap (no compute call, which costs
    more than a small batch's rows).

    >>> null_mask(pa.array([1, None, 3, None]).slice(1)).tolist()
    [True, False, True]
    """
    if not array.null_count:
        return np.zeros(len(array), bool)
    validity = array.buffers()[0]
    if validity is None:  # the null type: no bitmap, every value null
        return np.ones(len(array), bool)
    bits = np.unpackbits(np.frombuffer(validity, np.uint8), count=array.offset + len(array), bitorder="little")
    return bits[array.offset:] == 0


def repeated_rows(row: Ints, key: Ints) -> Ints:
    """The rows given the same key (a day, a Monday) twice, once for each repeat (a sort,
    unless the pairs come in increasing order).

    >>> repeated_rows(np.array([0, 0, 2, 2, 2]), np.array([5, 9, 3, 1, 3])).tolist()
    [2]
    >>> repeated_rows(np.array([0, 0, 2]), np.array([5, 9, 3])).tolist()
    []
    """
    if not len(row):
        return row
    low = int(key.min())
    span = int(key.max()) - low + 1
    pairs = row * span + (key - low)  # one key for (row, key)
    if in_order(pairs, strictly=True):  # given in order (a row's days one after the other): no repeat
        return row[:0]
    pairs.sort()
    return pairs[1:][pairs[1:] == pairs[:-1]] // span
