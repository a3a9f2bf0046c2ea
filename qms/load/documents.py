"""Reading a YAML file of one of the toolkit's formats (plans, audit records, self-assessments) into its model.

The same two steps every such reader takes, so that each gives the same messages as the process loader: the safe
reader (:func:`~qms.load.source.read_document`, file:line:column for every YAML problem) and a mapping at the top;
then the format's root model, its errors explained at their place (:func:`~qms.load.schema_errors.translate`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from qms.diagnostics import Diagnostic, LoadCode, error, sort_key
from qms.i18n import Message, _
from qms.load.schema_errors import FileFormat, translate
from qms.load.source import Document, SourceError, read_document


def read_mapping(path: Path | str, what: Message) -> tuple[Document | None, list[Diagnostic]]:
    """The document ``path`` holds when it is a mapping; else ``None`` and why (``what`` names the file: «tệp kế hoạch»)."""
    try:
        document = read_document(Path(path))
    except SourceError as exc:
        return None, [exc.diagnostic]
    if not isinstance(document.data, dict):
        message = _("{what} phải là một ánh xạ (các dòng «trường: giá trị»)").format(what=what)
        return None, [error(LoadCode.SCHEMA, document.source.value(()), message)]
    return document, []


def validate_as(document: Document, fmt: FileFormat) -> tuple[BaseModel | None, list[Diagnostic]]:
    """``document`` validated by ``fmt``'s root model, or ``None`` and every error at its place, sorted."""
    data: Any = document.data
    try:
        return fmt.root.model_validate(data), []
    except ValidationError as exc:
        return None, sorted(translate(exc, data, document.source, fmt), key=sort_key)


__all__ = ["read_mapping", "validate_as"]
