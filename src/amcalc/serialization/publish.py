"""The published JSON Schemas — written by ``python -m amcalc.serialization``, after
every result module is imported (:func:`~amcalc.serialization.load_every_result`)."""

from __future__ import annotations

import json
from pathlib import Path

from amcalc.serialization import REGISTRY, json_schema, load_every_result
from amcalc.serialization.contract_file import NAME, contract_file_schema

__all__ = ["write_schemas"]


def write_schemas(directory: str | Path | None = None) -> list[Path]:
    """Write the schema of every registered type, and of a contract file (``ContractFile``),
    into ``directory`` (default: the package's own ``schemas`` folder); returns the files written."""
    load_every_result()
    target = Path(directory) if directory else Path(__file__).parent / "schemas"
    target.mkdir(parents=True, exist_ok=True)
    documents = {name: json_schema(cls) for name, cls in REGISTRY.items()}
    documents[NAME] = contract_file_schema()
    written = []
    for name, document in sorted(documents.items()):
        path = target / f"{name}.schema.json"
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8")
        written.append(path)
    return written
