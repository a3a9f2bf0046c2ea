"""Turn pydantic validation errors into diagnostics a QMS officer can act on.

pydantic reports ``loc`` paths such as ``('steps', 3, 'duration')`` and an
error ``type``; we map the path back to the line and column it was written
at (:class:`~qms.load.source.SourceMap`) and the type to a bilingual message
with a hint ("did you mean ...?", the allowed values, an example).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from qms.diagnostics import Diagnostic, LoadCode, error
from qms.i18n import Message, _, ngettext
from qms.load.source import Path_, SourceMap
from qms.model import process as model
from qms.model.values import CLOCK_TIME_PATTERN, PROCEDURE_CODE_PATTERN, fold

# What each kind of identifier is called, and how one is written; the hint's {suggestion} is «; có thể dùng «…»» or nothing.
_IDENTIFIERS: dict[str, tuple[Message, Message]] = {
    "step_id": (_("mã bước"), _("mã bước chỉ gồm chữ thường không dấu, số và dấu gạch ngang{suggestion}")),
    "role_id": (_("mã vai trò"), _("mã vai trò chỉ gồm chữ thường không dấu, số và dấu gạch ngang{suggestion}")),
    "process_code": (_("mã quy trình"), _("mã quy trình gồm chữ in hoa không dấu, số, «-» và «.», ví dụ QT-TTHC-01{suggestion}")),
    "record_code": (_("mã hồ sơ/biểu mẫu"), _("mã hồ sơ gồm chữ không dấu, số, «-», «.» và «/», ví dụ BM-01{suggestion}")),
    "version": (_("số phiên bản"), _("ghi số phiên bản dạng 1.0 hoặc 2.1; đặt trong ngoặc kép nếu trình soạn thảo tự đổi")),
    "clause": (_("điều khoản ISO"), _("ghi điều khoản dạng 8.5.1")),
    "procedure_code": (_("mã thủ tục hành chính"), _("ghi mã TTHC như trên Cơ sở dữ liệu quốc gia, dạng 1.005092")),
    "clock_time": (_("giờ trong ngày"), _("ghi giờ dạng «15:00» (00:00–23:59), trong ngoặc kép")),
    "legal_id": (
        _("mã tham chiếu văn bản pháp lý"),
        _("mã tham chiếu chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ nd-118-2025{suggestion}"),
    ),
    "kpi_code": (_("mã chỉ số KPI"), _("mã KPI gồm chữ không dấu, số, «-», «.» và «/», ví dụ KPI-01{suggestion}")),
    "risk_code": (_("mã rủi ro"), _("mã rủi ro gồm chữ không dấu, số, «-», «.» và «/», ví dụ RR-01{suggestion}")),
}
# Pattern of an identifier type -> its kind.
_PATTERNS: dict[str, str] = {
    model.STEP_ID_PATTERN: "step_id",
    model.PROCESS_CODE_PATTERN: "process_code",
    model.RECORD_CODE_PATTERN: "record_code",
    model.VERSION_PATTERN: "version",
    model.CLAUSE_PATTERN: "clause",
    PROCEDURE_CODE_PATTERN: "procedure_code",
    CLOCK_TIME_PATTERN: "clock_time",
}
# Fields whose value is a role id: same pattern as a step id, but named as a role.
_ROLE_FIELDS = frozenset({"role", "owner", "kept_by", "approved_by"})
# Identifiers that share a pattern with another kind but are named for what they are.
_FIELD_KINDS: dict[tuple[str, str], str] = {
    ("legal_basis", "id"): "legal_id",
    ("records", "legal_basis"): "legal_id",
    ("kpis", "code"): "kpi_code",
    ("citizen_service", "satisfaction_kpi"): "kpi_code",
    ("risks", "code"): "risk_code",
}
# The values qms reads itself (durations, targets, retention periods): the message and the hint, filled in with
# the error's context ({value}, and {n} for a bare «3 ngày»).
_VALUE_FORMATS: dict[str, tuple[Message, Message]] = {
    "qms_duration": (
        _("«{value}» không phải là thời lượng hợp lệ"),
        _("ghi như «3 ngày làm việc», «4 giờ» (hoặc 4h), «30 phút», «1 ngày làm việc 4 giờ», «10 ngày lịch»"),
    ),
    "qms_duration_bare_day": (
        _("«{value}»: chưa rõ là ngày làm việc hay ngày lịch"),
        _("thời hạn TTHC tính bằng ngày làm việc: ghi «{n} ngày làm việc»; nếu là ngày lịch, ghi «{n} ngày lịch»"),
    ),
    "qms_timeframe": (
        _("«{value}» không phải là thời gian thực hiện đọc được"),
        _("ghi như «10/01/2026», «Tháng 3/2026», «Quý I/2026», «6 tháng đầu năm 2026», «Năm 2026», «Từ Quý I đến Quý II/2026» hoặc «Theo yêu cầu»"),
    ),
    "qms_target": (_("«{value}» không phải là chỉ tiêu hợp lệ"), _("ghi như «>= 95%», «100%», «<= 2 ngày làm việc» hoặc «>= 4.5»")),
    "qms_retention": (_("«{value}» không phải là thời hạn lưu trữ hợp lệ"), _("ghi như «5 năm», «18 tháng», «vĩnh viễn» hoặc «10 years»")),
}
DATE_HINT = _("viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01 cho ngày 01/7/2025")
_TEXT_HINT = _("ghi văn bản trên cùng dòng sau dấu hai chấm, hoặc {vi: ..., en: ...}")


def slug(text: str) -> str:
    """ASCII identifier suggested for a Vietnamese name ("Tiếp nhận" -> "tiep-nhan")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:63]


def describe(value: Any) -> Message:
    if value is None:
        return _("giá trị rỗng")
    if isinstance(value, list):
        return _("một danh sách")
    if isinstance(value, dict):
        return _("một ánh xạ (các trường con)")
    return Message(f"«{value}»", f"«{value}»")


def data_path(data: Any, loc: tuple[Any, ...], keep_last: bool) -> Path_:
    """The part of ``loc`` that names real places in ``data``.

    pydantic inserts markers that are not in the document (validator names,
    union members); they are dropped. With ``keep_last`` a final key that is
    absent (a missing field) is kept so the message can name it.
    """
    path: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        in_mapping = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_mapping or in_list:
            current = current[part]
            path.append(part)
        elif keep_last and i == len(loc) - 1:
            path.append(part)
    return tuple(path)


@dataclass(frozen=True)
class FileFormat:
    """A file format the loader validates: its root model, its name in messages, its reference page."""

    root: type[BaseModel]
    name: Message
    reference: str


PROCESS_FORMAT = FileFormat(model.Process, _("định dạng quy trình"), "docs/reference/process-format.md")


def model_at(path: Path_, root: type[BaseModel] = model.Process) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``path`` (in a document whose root ``root`` validates)."""
    current: Any = root
    for part in path:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif typing.get_origin(current) is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
        current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` -> ``X``."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return _unwrap(options[0])
    return annotation


def closest(word: str, candidates: list[str]) -> str | None:
    folded = {fold(c): c for c in candidates}
    match = difflib.get_close_matches(fold(word), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def where(data: Any, parent: Path_) -> Message:
    """Name the mapping that lacks a field: "bước «tiep-nhan»", "mục «approval»"."""
    node = data
    for part in parent:
        node = node[part]
    if len(parent) >= 2 and parent[0] == "steps" and isinstance(node, dict) and node.get("id"):
        return _("bước «{id}»").format(id=node["id"])
    if not parent:
        return _("đầu tệp")
    name = ".".join(str(p) for p in parent)
    return _("mục «{name}»").format(name=name)


def translate(exc: ValidationError, data: Any, source: SourceMap, fmt: FileFormat = PROCESS_FORMAT) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        kind = err["type"]
        path = data_path(data, err["loc"], keep_last=kind in ("missing", "extra_forbidden"))
        message, hint = _explain(err, kind, path, data, fmt)
        on_key = err["loc"][-1:] == ("[key]",)  # a mapping key (a role id under «roles») is wrong, not its value
        location = source.key(path) if kind == "extra_forbidden" or on_key else source.value(path[:-1] if kind == "missing" else path)
        key = (location, message)
        if key in seen:
            continue
        seen.add(key)
        diagnostics.append(error(LoadCode.SCHEMA, location, message, hint, field=".".join(map(str, path)), type=kind))
    return diagnostics


def _explain(err: ErrorDetails, kind: str, path: Path_, data: Any, fmt: FileFormat) -> tuple[Message, Message | None]:
    value = err.get("input")
    ctx = err.get("ctx") or {}
    field = str(path[-1]) if path else ""
    if kind == "missing":
        hint = _("thêm «{field}: ...» vào {where}; xem tài liệu tham chiếu định dạng ({reference})")
        missing = _("thiếu trường bắt buộc «{field}»").format(field=field)
        return missing, hint.format(field=field, where=where(data, path[:-1]), reference=fmt.reference)
    if kind == "extra_forbidden":
        owner = model_at(path[:-1], fmt.root)
        allowed = sorted(owner.model_fields) if owner else []
        suggestion = closest(field, allowed)
        message = _("trường «{field}» không có trong {format}").format(field=field, format=fmt.name)
        if suggestion:
            return message, _("có phải ý bạn là «{suggestion}»?").format(suggestion=suggestion)
        return message, _("các trường hợp lệ ở đây: {allowed}").format(allowed=", ".join(allowed))
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        suggestion = closest(str(value), choices)
        message = _("giá trị «{value}» không hợp lệ").format(value=value)
        if path[-1:] == ("level",) and str(value).strip().lower() in ("district", "huyen", "huyện"):
            return message, _("từ 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp): chọn province hoặc commune")
        if suggestion:
            return message, _("có phải ý bạn là «{suggestion}»? Các giá trị hợp lệ: {choices}").format(suggestion=suggestion, choices=", ".join(choices))
        return message, _("chọn một trong: {choices}").format(choices=", ".join(choices))
    if kind == "string_pattern_mismatch":
        return _pattern_mismatch(err, path, value)
    if kind in ("qms_duration_too_large", "qms_retention_too_large", "qms_target_too_large"):
        return _too_large(kind, str(ctx.get("value", "")), ctx.get("years", "?"))
    if kind in _VALUE_FORMATS:
        message, hint = _VALUE_FORMATS[kind]
        return message.format(**ctx), hint.format(**ctx)
    explained = _wrong_type(kind, field, value, ctx, path, fmt.root)
    return explained or (_("giá trị không hợp lệ: {detail}").format(detail=err.get("msg", kind)), None)


def _wrong_type(
    kind: str, field: str, value: Any, ctx: dict[str, Any], path: Path_, root: type[BaseModel]
) -> tuple[Message, Message | None] | None:
    """A value of the wrong type or size for its field (a date, a number, a text, a mapping, a list...); None for others."""
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("«{value}» không phải là ngày hợp lệ").format(value=value), DATE_HINT
    if kind.startswith("int_"):
        return _("«{value}» không phải là số nguyên").format(value=value), _("ghi một số nguyên, ví dụ 3")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return _("giá trị {value} nằm ngoài khoảng cho phép ({range})").format(value=value, range=_range(path, root)), None
    if kind.startswith("bool"):
        return _("«{value}» không phải là giá trị đúng/sai").format(value=value), _("ghi true hoặc false")
    if kind == "string_type" or (kind in ("model_type", "model_attributes_type", "dict_type") and ctx.get("class_name") == "Text"):
        hint = _TEXT_HINT
        if kind == "string_type" and field == "next" and isinstance(value, list):
            hint = _("để rẽ nhánh, dùng một bước «type: decision» với «branches: [{when: ..., to: ...}]»")
        return _("cần một đoạn văn bản, không phải {got}").format(got=describe(value)), hint
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        message = _("cần một ánh xạ (các dòng «trường: giá trị»), không phải {got}").format(got=describe(value))
        return message, _("thụt lề các trường con thêm hai dấu cách dưới dòng này")
    if kind == "list_type":
        message = _("cần một danh sách, không phải {got}").format(got=describe(value))
        return message, _("viết mỗi phần tử trên một dòng bắt đầu bằng «- », hoặc [a, b]")
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return ngettext("cần ít nhất {min} phần tử", "cần ít nhất {min} phần tử", least).format(min=least), None
    if kind == "string_too_short":
        return _("văn bản không được để trống"), None
    return None


def _pattern_mismatch(err: ErrorDetails, path: Path_, value: Any) -> tuple[Message, Message]:
    """An identifier not written the way its kind is, with the identifier to use instead when one can be made."""
    ctx = err.get("ctx") or {}
    kind = _PATTERNS.get(ctx.get("pattern", ""), "step_id")
    loc = err["loc"]
    role_key = loc[:1] == ("roles",) and loc[-1:] == ("[key]",)
    if kind == "step_id" and (role_key or (bool(loc) and loc[-1] in _ROLE_FIELDS)):
        kind = "role_id"
    if path and (str(path[0]), str(path[-1])) in _FIELD_KINDS:
        kind = _FIELD_KINDS[(str(path[0]), str(path[-1]))]
    suggestion = slug(str(value))
    if kind == "process_code":
        suggestion = suggestion.upper()
    use = suggestion and suggestion != value and kind not in ("version", "procedure_code", "clock_time")
    extra = _("; có thể dùng «{value}»").format(value=suggestion) if use else Message("", "")
    what, hint = _IDENTIFIERS[kind]
    return _("«{value}» không đúng dạng {what}").format(value=value, what=what), hint.format(suggestion=extra)


def _too_large(kind: str, value: str, years: object) -> tuple[Message, Message]:
    """A number too large to be meant (a duration or retention beyond ``years``, a target beyond any float)."""
    too_long = _("«{value}» dài hơn {years} năm: có lẽ con số bị gõ nhầm").format(value=value, years=years)
    if kind == "qms_duration_too_large":
        return too_long, _VALUE_FORMATS["qms_duration"][1]
    if kind == "qms_retention_too_large":
        return too_long, _("hồ sơ phải giữ mãi thì ghi «vĩnh viễn»; nếu không, sửa lại con số, ví dụ «5 năm», «18 tháng»")
    return _("«{value}»: con số quá lớn").format(value=value), _VALUE_FORMATS["qms_target"][1]


def _range(path: Path_, root: type[BaseModel]) -> str:
    owner = model_at(path[:-1], root)
    if owner is None:
        return "?"
    bounds = [getattr(m, "ge", None) for m in owner.model_fields[str(path[-1])].metadata] + [
        getattr(m, "le", None) for m in owner.model_fields[str(path[-1])].metadata
    ]
    numbers = [b for b in bounds if b is not None]
    return f"{min(numbers)}–{max(numbers)}" if len(numbers) == 2 else "?"
