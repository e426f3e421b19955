"""Paie en masse sur Dask — the bulk engine on each partition of a Dask DataFrame
(extra ``amcalc[dask]``).

:func:`payroll_dask` maps :func:`amcalc.bulk.payroll` over the partitions with
the output's ``meta`` (pyarrow-backed pandas dtypes: money stays
``decimal128(12, 2)``), so a cluster computes them where the data lies; rows
keep their partition and their order.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa

from amcalc.bulk import payroll
from amcalc.bulk.schema import output_schema

__all__ = ["meta", "payroll_dask", "payroll_partition"]


def meta(id_type: pa.DataType | None = None) -> pd.DataFrame:
    """The empty pandas frame describing the output columns, for ``map_partitions``."""
    return output_schema(id_type).empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def payroll_partition(part: pd.DataFrame) -> pd.DataFrame:
    """One partition's results (same index, same order)."""
    table = pa.Table.from_pandas(part, preserve_index=False)
    result = payroll(table, threads=1, processes=0).to_pandas(types_mapper=pd.ArrowDtype)
    result.index = part.index
    return result


def payroll_dask(frame: Any) -> Any:
    """The results of every row of the Dask DataFrame ``frame`` (lazy: call ``.compute()``
    or write them with ``.to_parquet()``)."""
    schema = pa.Schema.from_pandas(frame._meta, preserve_index=False)
    id_type = schema.field("id").type if "id" in schema.names else None
    return frame.map_partitions(payroll_partition, meta=meta(id_type))
