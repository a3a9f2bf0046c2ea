"""The JSON Schema of the legal register, for editors: generated from the model, committed as
``schema/legal-register.schema.json``. A register file names it in its first line::

    # yaml-language-server: $schema=../schema/legal-register.schema.json

``python -m qms.legal.schema schema`` writes it into the folder ``schema``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from qms.legal.model import LegalRegister

NAME = "legal-register.schema.json"


def register_json_schema() -> dict[str, Any]:
    schema = LegalRegister.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"https://qms.invalid/schema/{NAME}", **schema}


def register_json_schema_text() -> str:
    return json.dumps(register_json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schema(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NAME).write_text(register_json_schema_text(), encoding="utf-8")
    return folder / NAME


if __name__ == "__main__":  # pragma: no cover
    write_schema(Path(sys.argv[1] if len(sys.argv) > 1 else "schema"))

__all__ = ["NAME", "register_json_schema", "register_json_schema_text", "write_schema"]
