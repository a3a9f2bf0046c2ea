"""The JSON Schema of the process format, for editors and other tools.

Generated from the pydantic models so it cannot drift from what the loader
accepts; ``schema/process.schema.json`` is the committed copy that a
process file names in its first line::

    # yaml-language-server: $schema=../schema/process.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from qms.model import FORMAT_VERSION, Process

SCHEMA_ID = f"https://qms.invalid/schema/process-v{FORMAT_VERSION}.schema.json"


def process_json_schema() -> dict[str, Any]:
    schema = Process.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def process_json_schema_text() -> str:
    return json.dumps(process_json_schema(), ensure_ascii=False, indent=2) + "\n"
