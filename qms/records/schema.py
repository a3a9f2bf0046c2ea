"""The JSON Schemas of the audit files, for editors: generated from the models, committed as
``schema/audit-programme.schema.json`` and ``schema/audit-record.schema.json``.

A file names its schema in its first line::

    # yaml-language-server: $schema=../schema/audit-record.schema.json

``python -m qms.records.schema schema`` writes both into the folder ``schema``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from qms.records.model import AuditRecord, Programme

SCHEMAS: dict[str, type[BaseModel]] = {"audit-programme.schema.json": Programme, "audit-record.schema.json": AuditRecord}


def records_json_schema(name: str) -> dict[str, Any]:
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"https://qms.invalid/schema/{name}", **schema}


def records_json_schema_text(name: str) -> str:
    return json.dumps(records_json_schema(name), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        (folder / name).write_text(records_json_schema_text(name), encoding="utf-8")
        written.append(folder / name)
    return written


if __name__ == "__main__":  # pragma: no cover
    write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schema"))

__all__ = ["SCHEMAS", "records_json_schema", "records_json_schema_text", "write_schemas"]
