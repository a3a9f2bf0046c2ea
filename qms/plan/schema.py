"""The JSON Schema of the plan format, for editors: generated from the models, committed as ``schema/plan.schema.json``.

A plan file names it in its first line, as a process file names the process schema::

    # yaml-language-server: $schema=../schema/plan.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from qms.plan.model import Plan

PLAN_SCHEMA_ID = "https://qms.invalid/schema/plan.schema.json"


def plan_json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": PLAN_SCHEMA_ID, **schema}


def plan_json_schema_text() -> str:
    return json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n"


__all__ = ["PLAN_SCHEMA_ID", "plan_json_schema", "plan_json_schema_text"]
