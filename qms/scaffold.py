"""Scaffold a new, valid, commented process file (``qms new process CODE``)."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from importlib import resources
from pathlib import Path
from string import Template

from qms.model.process import PROCESS_CODE_PATTERN


def is_valid_code(code: str) -> bool:
    return re.fullmatch(PROCESS_CODE_PATTERN, code) is not None


def new_process_text(code: str, title: str, file_name: str, schema_path: str, today: date | None = None) -> str:
    template = Template(resources.files("qms.templates").joinpath("process.yaml").read_text(encoding="utf-8"))
    return template.substitute(
        code=code,
        title=json.dumps(title, ensure_ascii=False),  # quoted: a title may contain «:» or «#»
        file_name=file_name,
        schema_path=schema_path,
        today=(today or date.today()).isoformat(),
    )


def schema_path_from(folder: Path) -> str:
    """Relative path from ``folder`` to the project's ``schema/process.schema.json``, if one is found above it."""
    here = folder.resolve()
    for candidate in [here, *here.parents]:
        schema = candidate / "schema" / "process.schema.json"
        if schema.is_file():
            return Path(os.path.relpath(schema, here)).as_posix()
    return "schema/process.schema.json"
