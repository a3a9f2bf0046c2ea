"""What every toolkit format shares: identifier patterns and types, the strict model base, bilingual text.

Split from :mod:`qms.model.process`, which re-exports these names: the process format, the audit records, plans and
self-assessments all build on them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, StringConstraints, WithJsonSchema, model_validator
from pydantic_core import core_schema

from qms.i18n import Lang

# Identifier patterns. Ids become HTML anchors, DOT node names and BPMN ids,
# so they are ASCII; the loader suggests the ASCII form of a Vietnamese name.
STEP_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9_-]{0,62})$"
PROCESS_CODE_PATTERN = r"^[A-Z0-9](?:[A-Z0-9._-]{0,39})$"
RECORD_CODE_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,39})$"
VERSION_PATTERN = r"^\d+(?:\.\d+){0,3}$"
CLAUSE_PATTERN = r"^\d{1,2}(?:\.\d{1,2}){0,3}(?:\s?[a-h]\))?$"
RULE_CODE_PATTERN = r"^QMS\d{3}$"

StepId = Annotated[str, StringConstraints(pattern=STEP_ID_PATTERN)]
RoleId = StepId
LegalId = StepId
ProcessCode = Annotated[str, StringConstraints(pattern=PROCESS_CODE_PATTERN)]
RecordCode = Annotated[str, StringConstraints(pattern=RECORD_CODE_PATTERN)]
# YAML editors read an unquoted «version: 2.1» or «- 8.5» as a number; the loader
# keeps the text as written, so the editor-facing schema accepts both.
Version = Annotated[
    str, StringConstraints(pattern=VERSION_PATTERN), WithJsonSchema({"type": ["string", "number"], "pattern": VERSION_PATTERN})
]
Clause = Annotated[
    str, StringConstraints(pattern=CLAUSE_PATTERN), WithJsonSchema({"type": ["string", "number"], "pattern": CLAUSE_PATTERN})
]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(_Strict):
    """Text in Vietnamese, optionally with English: ``"..."`` or ``{vi: ..., en: ...}``."""

    vi: NonEmpty = Field(description="Tiếng Việt / Vietnamese")
    en: NonEmpty | None = Field(None, description="Tiếng Anh / English")

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        return {"vi": value} if isinstance(value, str) else value

    def get(self, lang: Lang | str = Lang.VI) -> str:
        return self.en if Lang(lang) is Lang.EN and self.en else self.vi

    def __str__(self) -> str:
        return self.vi

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        as_object = handler(schema)
        return {"anyOf": [{"type": ["string", "number"]}, as_object], "description": "Văn bản tiếng Việt, hoặc {vi: ..., en: ...}"}


__all__ = [
    "CLAUSE_PATTERN",
    "PROCESS_CODE_PATTERN",
    "RECORD_CODE_PATTERN",
    "RULE_CODE_PATTERN",
    "STEP_ID_PATTERN",
    "VERSION_PATTERN",
    "Clause",
    "LegalId",
    "NonEmpty",
    "ProcessCode",
    "RecordCode",
    "RoleId",
    "StepId",
    "Text",
    "Version",
    "_Strict",
]
