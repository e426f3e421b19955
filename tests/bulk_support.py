"""Helpers of the bulk tests."""

from __future__ import annotations

from typing import Any

import pyarrow as pa


def with_scalar_rows(table: Any, every: int = 10) -> Any:
    """``table`` with a Sunday of 14 h in every ``every``-th row: over 13 h a day, which
    only the scalar route takes (``month_pay`` computes it with its art. 96.1 warning, or
    refuses it when the week passes 48 h); the realistic mix of ``random_rows`` has none."""
    sunday = pa.array(["14" if i % every == 0 else None for i in range(table.num_rows)])
    return table.set_column(table.schema.get_field_index("sun"), "sun", sunday)
