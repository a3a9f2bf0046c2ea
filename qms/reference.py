"""The format reference page (docs/reference/process-format.md), generated
from the models so that every field is documented and none is invented.

A hand-written introduction (``templates/format-reference-intro.md``) comes
first; then one table per part of the format, in reading order.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from enum import Enum
from importlib import resources
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from qms.diagnostics import LOAD_CODE_DOCS
from qms.model import procedure
from qms.model import process as m
from qms.model.values import Duration, Retention, Target

# Parts of the format in the order a reader meets them in a file.
SECTIONS: list[tuple[type[BaseModel], str]] = [
    (m.Process, "Quy trình / Process (top level)"),
    (m.Approval, "approval — Soạn thảo, xem xét, phê duyệt / document control"),
    (m.SignOff, "approval.prepared | reviewed | approved — Chữ ký / sign-off"),
    (m.Revision, "revisions[] — Theo dõi sửa đổi / revision history"),
    (m.LegalDocument, "legal_basis[] — Căn cứ pháp lý / legal basis"),
    (m.Clock, "clock — Khoảng tính thời hạn / where the deadline counts"),
    (m.DeadlineCase, "deadline_cases[] — Trường hợp có thời hạn riêng / case with a deadline of its own"),
    (m.Role, "roles.<id> — Vai trò / role"),
    (m.Record, "records[] — Hồ sơ, biểu mẫu / records"),
    (m.Step, "steps[] — Bước / step"),
    (m.Branch, "steps[].branches[] — Nhánh / branch"),
    (m.CalledPart, "steps[].calls_part — Phần quy trình con được gọi / part of the called process"),
    (m.KPI, "kpis[] — Chỉ số / KPI"),
    (m.Risk, "risks[] — Rủi ro, cơ hội / risk or opportunity"),
    (procedure.Announcement, "announcement — Quyết định công bố thủ tục / announcing decision"),
    (procedure.LinkedProcedure, "linked_procedures[] — Thủ tục liên thông / linked procedure"),
    (m.CitizenService, "citizen_service — Phục vụ người dân / citizen service"),
    (procedure.Charge, "citizen_service.charges[] — Phí, lệ phí / fee or charge"),
    (m.Waiver, "waivers[] — Miễn áp dụng quy tắc / rule waiver"),
]

_PATTERN_NAMES = {
    m.STEP_ID_PATTERN: "mã / id (a-z, 0-9, -)",
    m.PROCESS_CODE_PATTERN: "mã quy trình / process code (A-Z, 0-9, -, .)",
    m.RECORD_CODE_PATTERN: "mã / code (A-Z, a-z, 0-9, -, ., /)",
    m.VERSION_PATTERN: "phiên bản / version (1.0)",
    m.CLAUSE_PATTERN: "điều khoản / clause (8.5.1)",
    m.RULE_CODE_PATTERN: "mã quy tắc / rule code (QMS104)",
}


def type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in args[1:]:
            pattern = getattr(meta, "pattern", None)
            if pattern in _PATTERN_NAMES:
                return _PATTERN_NAMES[pattern]
        if args[0] is date:
            return "ngày / date (2025-07-01, 01/07/2025)"
        return type_name(args[0])
    if isinstance(annotation, types.UnionType) or origin is typing.Union:
        return " | ".join(type_name(a) for a in args if a is not type(None))
    if origin is list:
        return f"danh sách / list of {type_name(args[0])}"
    if origin is dict:
        return f"ánh xạ / mapping {type_name(args[0])} → {type_name(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " | ".join(f"`{e.value}`" for e in annotation)
    names = {
        str: "văn bản / text",
        bool: "true | false",
        int: "số nguyên / integer",
        m.Text: "văn bản / text (hoặc / or `{vi, en}`)",
        Duration: "thời lượng / duration",
        Target: "chỉ tiêu / target",
        Retention: "thời hạn lưu / retention",
        date: "ngày / date",
    }
    if annotation in names:
        return names[annotation]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return getattr(annotation, "__name__", str(annotation))


def _required(info: FieldInfo) -> str:
    return "**bắt buộc / required**" if info.is_required() else ""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def format_reference_markdown() -> str:
    intro = resources.files("qms.templates").joinpath("format-reference-intro.md").read_text(encoding="utf-8")
    parts = [intro.rstrip(), ""]
    for model, heading in SECTIONS:
        parts += [f'<a id="{model.__name__.lower()}"></a>', "", f"## {heading}", ""]
        doc = (model.__doc__ or "").strip().splitlines()[0]
        parts += [doc, "", "| trường / field | kiểu / type | | mô tả / description |", "|---|---|---|---|"]
        for name, info in model.model_fields.items():
            described = typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
            parts.append(f"| `{name}` | {_cell(type_name(described))} | {_required(info)} | {_cell(info.description)} |")
        parts.append("")
    parts += ["## Mã lỗi khi đọc tệp / load error codes", "", "| mã / code | ý nghĩa | meaning |", "|---|---|---|"]
    for code, text in LOAD_CODE_DOCS.items():
        parts.append(f"| `{code.value}` | {_cell(text.vi)} | {_cell(text.en)} |")
    return "\n".join(parts) + "\n"
