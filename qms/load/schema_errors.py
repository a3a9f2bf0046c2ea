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
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from qms.diagnostics import Diagnostic, LoadCode, error
from qms.i18n import Message, msg
from qms.load.source import Path_, SourceMap
from qms.model import process as model
from qms.model.values import fold

# Pattern of an identifier type -> (what it is, hint key).
_PATTERNS: dict[str, tuple[str, str]] = {
    model.STEP_ID_PATTERN: ("what.step_id", "hint.step_id"),
    model.PROCESS_CODE_PATTERN: ("what.process_code", "hint.process_code"),
    model.RECORD_CODE_PATTERN: ("what.record_code", "hint.record_code"),
    model.VERSION_PATTERN: ("what.version", "hint.version"),
    model.CLAUSE_PATTERN: ("what.clause", "hint.clause"),
}
# Fields whose value is a role id: same pattern as a step id, but named as a role.
_ROLE_FIELDS = frozenset({"role", "owner", "kept_by", "approved_by"})
# Identifiers that share a pattern with another kind but are named for what they are.
_FIELD_KINDS: dict[tuple[str, str], tuple[str, str]] = {
    ("legal_basis", "id"): ("what.legal_id", "hint.legal_id"),
    ("records", "legal_basis"): ("what.legal_id", "hint.legal_id"),
    ("kpis", "code"): ("what.kpi_code", "hint.kpi_code"),
    ("citizen_service", "satisfaction_kpi"): ("what.kpi_code", "hint.kpi_code"),
    ("risks", "code"): ("what.risk_code", "hint.risk_code"),
}


def slug(text: str) -> str:
    """ASCII identifier suggested for a Vietnamese name ("Tiếp nhận" -> "tiep-nhan")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:63]


def describe(value: Any) -> Message:
    if value is None:
        return Message("giá trị rỗng", "an empty value")
    if isinstance(value, list):
        return Message("một danh sách", "a list")
    if isinstance(value, dict):
        return Message("một ánh xạ (các trường con)", "a mapping (sub-fields)")
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


def model_at(path: Path_) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``path``."""
    current: Any = model.Process
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
        return Message(f"bước «{node['id']}»", f"step «{node['id']}»")
    if not parent:
        return Message("đầu tệp", "the top of the file")
    name = ".".join(str(p) for p in parent)
    return Message(f"mục «{name}»", f"section «{name}»")


def translate(exc: ValidationError, data: Any, source: SourceMap) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        kind = err["type"]
        path = data_path(data, err["loc"], keep_last=kind in ("missing", "extra_forbidden"))
        message, hint = _explain(err, kind, path, data)
        on_key = err["loc"][-1:] == ("[key]",)  # a mapping key (a role id under «roles») is wrong, not its value
        location = source.key(path) if kind == "extra_forbidden" or on_key else source.value(path[:-1] if kind == "missing" else path)
        key = (location, message)
        if key in seen:
            continue
        seen.add(key)
        diagnostics.append(error(LoadCode.SCHEMA, location, message, hint, field=".".join(map(str, path)), type=kind))
    return diagnostics


def _explain(err: ErrorDetails, kind: str, path: Path_, data: Any) -> tuple[Message, Message | None]:
    value = err.get("input")
    ctx = err.get("ctx") or {}
    field = str(path[-1]) if path else ""
    if kind == "missing":
        return msg("schema.missing", field=field), _localised("schema.missing.hint", field=field, where=where(data, path[:-1]))
    if kind == "extra_forbidden":
        owner = model_at(path[:-1])
        allowed = sorted(owner.model_fields) if owner else []
        suggestion = closest(field, allowed)
        if suggestion:
            return msg("schema.extra", field=field), msg("schema.extra.hint_close", suggestion=suggestion)
        return msg("schema.extra", field=field), msg("schema.extra.hint_list", allowed=", ".join(allowed))
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        suggestion = closest(str(value), choices)
        if suggestion:
            return msg("schema.choice", value=value), msg("schema.choice.hint_close", suggestion=suggestion, choices=", ".join(choices))
        return msg("schema.choice", value=value), msg("schema.choice.hint", choices=", ".join(choices))
    if kind.startswith("date") or kind.startswith("datetime"):
        return msg("schema.date", value=value), msg("schema.date.hint")
    if kind.startswith("int_"):
        return msg("schema.int", value=value), msg("schema.int.hint")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return msg("schema.number_range", value=value, range=_range(path)), None
    if kind.startswith("bool"):
        return msg("schema.bool", value=value), msg("schema.bool.hint")
    if kind == "string_type":
        hint = msg("step.next_single.hint") if field == "next" and isinstance(value, list) else msg("schema.expect_text.hint")
        return _localised("schema.expect_text", got=describe(value)), hint
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if ctx.get("class_name") == "Text":
            return _localised("schema.expect_text", got=describe(value)), msg("schema.expect_text.hint")
        return _localised("schema.expect_mapping", got=describe(value)), msg("schema.expect_mapping.hint")
    if kind == "list_type":
        return _localised("schema.expect_list", got=describe(value)), msg("schema.expect_list.hint")
    if kind == "too_short":
        return msg("schema.too_short", min=ctx.get("min_length", 1)), None
    if kind == "string_too_short":
        return msg("schema.empty_text"), None
    if kind == "string_pattern_mismatch":
        what, hint_key = _PATTERNS.get(ctx.get("pattern", ""), ("what.step_id", "hint.step_id"))
        loc = err["loc"]
        role_key = loc[:1] == ("roles",) and loc[-1:] == ("[key]",)
        if hint_key == "hint.step_id" and (role_key or (bool(loc) and loc[-1] in _ROLE_FIELDS)):
            what, hint_key = "what.role_id", "hint.role_id"
        if path and (str(path[0]), str(path[-1])) in _FIELD_KINDS:
            what, hint_key = _FIELD_KINDS[(str(path[0]), str(path[-1]))]
        suggestion = slug(str(value))
        if hint_key == "hint.process_code":
            suggestion = suggestion.upper()
        extra = msg("hint.suggest", value=suggestion) if suggestion and suggestion != value and hint_key != "hint.version" else Message("", "")
        return _localised("schema.pattern", value=value, what=msg(what)), _localised(hint_key, suggestion=extra)
    if kind in ("qms_duration_too_large", "qms_retention_too_large", "qms_target_too_large"):
        return _too_large(kind, str(ctx.get("value", "")), ctx.get("years", "?"))
    if kind in ("qms_duration", "qms_duration_bare_day", "qms_target", "qms_retention"):
        key = {"qms_duration_bare_day": "duration.bare_day"}.get(kind, kind.removeprefix("qms_") + ".invalid")
        return msg(key, **ctx), msg(key + ".hint", **ctx)
    return msg("schema.other", detail=err.get("msg", kind)), None


def _too_large(kind: str, value: str, years: object) -> tuple[Message, Message]:
    """A number too large to be meant (a duration or retention beyond ``years``, a target beyond any float)."""
    if kind == "qms_duration_too_large":
        return (
            Message(f"«{value}» dài hơn {years} năm: có lẽ con số bị gõ nhầm", f"«{value}» is longer than {years} years: the number is probably mistyped"),
            msg("duration.invalid.hint"),
        )
    if kind == "qms_retention_too_large":
        return (
            Message(f"«{value}» dài hơn {years} năm: có lẽ con số bị gõ nhầm", f"«{value}» is longer than {years} years: the number is probably mistyped"),
            Message(
                "hồ sơ phải giữ mãi thì ghi «vĩnh viễn»; nếu không, sửa lại con số, ví dụ «5 năm», «18 tháng»",
                "for a record kept for ever write «vĩnh viễn» (permanent); otherwise correct the number, e.g. «5 năm», «18 tháng»",
            ),
        )
    return Message(f"«{value}»: con số quá lớn", f"«{value}»: the number is too large"), msg("target.invalid.hint")


def _localised(key: str, **args: Any) -> Message:
    """Like ``msg`` but arguments may themselves be bilingual messages."""
    vi = msg(key, **{k: (v.vi if isinstance(v, Message) else v) for k, v in args.items()}).vi
    en = msg(key, **{k: (v.en if isinstance(v, Message) else v) for k, v in args.items()}).en
    return Message(vi, en)


def _range(path: Path_) -> str:
    owner = model_at(path[:-1])
    if owner is None:
        return "?"
    bounds = [getattr(m, "ge", None) for m in owner.model_fields[str(path[-1])].metadata] + [
        getattr(m, "le", None) for m in owner.model_fields[str(path[-1])].metadata
    ]
    numbers = [b for b in bounds if b is not None]
    return f"{min(numbers)}–{max(numbers)}" if len(numbers) == 2 else "?"
