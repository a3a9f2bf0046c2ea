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
from qms.model.values import PROCEDURE_CODE_PATTERN


def is_valid_code(code: str) -> bool:
    return re.fullmatch(PROCESS_CODE_PATTERN, code) is not None


def is_valid_procedure_code(code: str) -> bool:
    return re.fullmatch(PROCEDURE_CODE_PATTERN, code) is not None


# Whether the process serves citizens is asked in the file itself: left as written, the author sees the question.
_INTERNAL = """procedure_code:                  # Mã TTHC nếu là thủ tục hành chính cho người dân, ví dụ "1.005092"
citizen_facing: false            # Nội bộ; true (hoặc ghi procedure_code) nếu giải quyết thủ tục cho người dân, tổ chức"""

# With a procedure code the process is citizen-facing whatever the flag says (QMS706): the file says so too.
_PROCEDURE = """procedure_code: "$procedure_code"$pad # Mã TTHC trên Cơ sở dữ liệu quốc gia về thủ tục hành chính
citizen_facing: true             # Thủ tục cho người dân: cần deadline, citizen_service (QMS303, QMS304, QMS701-QMS706)"""


def new_process_text(
    code: str, title: str, file_name: str, schema_path: str, today: date | None = None, procedure_code: str | None = None
) -> str:
    """The scaffold's text; with a ``procedure_code`` (mã TTHC), written as a citizen-facing procedure."""
    template = Template(resources.files("qms.templates").joinpath("process.yaml").read_text(encoding="utf-8"))
    citizen = _INTERNAL
    if procedure_code:
        citizen = Template(_PROCEDURE).substitute(procedure_code=procedure_code, pad=" " * max(1, 14 - len(procedure_code)))
    return template.substitute(
        code=code,
        title=json.dumps(title, ensure_ascii=False),  # quoted: a title may contain «:» or «#»
        file_name=file_name,
        schema_path=schema_path,
        today=(today or date.today()).isoformat(),
        citizen_lines=citizen,
    )


def schema_path_from(folder: Path) -> str:
    """Relative path from ``folder`` to the project's ``schema/process.schema.json``, if one is found above it."""
    here = folder.resolve()
    for candidate in [here, *here.parents]:
        schema = candidate / "schema" / "process.schema.json"
        if schema.is_file():
            return Path(os.path.relpath(schema, here)).as_posix()
    return "schema/process.schema.json"
