"""The JSON Schema of the assessment format, for editors: generated from the models, committed as
``schema/assessment.schema.json`` (``qms assess schema --out schema/assessment.schema.json``).

An assessment file names it in its first line::

    # yaml-language-server: $schema=../schema/assessment.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from qms.assessment.model import Assessment

ASSESSMENT_SCHEMA_ID = "https://qms.invalid/schema/assessment.schema.json"


def assessment_json_schema() -> dict[str, Any]:
    schema = Assessment.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": ASSESSMENT_SCHEMA_ID, **schema}


def assessment_json_schema_text() -> str:
    return json.dumps(assessment_json_schema(), ensure_ascii=False, indent=2) + "\n"


__all__ = ["ASSESSMENT_SCHEMA_ID", "assessment_json_schema", "assessment_json_schema_text"]
