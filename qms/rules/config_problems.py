"""What is wrong with a rule configuration, where, and how to write it instead.

:class:`ConfigError` holds one :class:`ConfigProblem` per mistake, each with the
file, line and column of the key (found in the TOML text by :class:`Locator`), a
message and a hint; :mod:`qms.rules.config` reads and validates the table.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qms.diagnostics import LoadCode
from qms.i18n import Lang, Message, _
from qms.rules import agency
from qms.rules.engine_codes import ENGINE_CODES
from qms.rules.registry import all_rules

FAIL_ON = ("error", "warning", "info", "never")
PATH_KEYS = ("exclude", "extend-exclude")  # lists of path patterns (qms.load.exclude), not of rule codes


@dataclass(frozen=True)
class ConfigProblem:
    """One mistake in the configuration: where (file:line:column, or the command-line option), what, a hint."""

    message: Message
    hint: Message | None = None
    path: Path | None = None
    line: int | None = None
    column: int | None = None

    def where(self) -> str:
        if self.path is None:
            return ""
        return ":".join([str(self.path), *(str(n) for n in (self.line, self.column) if n is not None)])

    def render(self, lang: Lang | str = Lang.VI) -> str:
        text = self.message.get(lang)
        if self.hint is not None:
            text += f" ({_('gợi ý').get(lang)}: {self.hint.get(lang)})"
        return f"{self.where()}: {text}" if self.path is not None else text


class ConfigError(Exception):
    """The configuration (file or command-line options) is wrong; each problem says where and how."""

    def __init__(self, problems: Sequence[ConfigProblem]) -> None:
        self.problems = tuple(problems)
        # str(): both languages, for callers that show one string (the mkdocs plugin, the audit)
        super().__init__("\n".join(f"{p.render(Lang.VI)} / {p.render(Lang.EN).removeprefix(p.where() + ': ')}" for p in self.problems))

    def render(self, lang: Lang | str = Lang.VI) -> str:
        return "\n".join(p.render(lang) for p in self.problems)

    @property
    def message(self) -> Message:
        return Message(self.render(Lang.VI), self.render(Lang.EN))


@cache
def known_codes() -> tuple[str, ...]:
    """Every code a finding can carry: the rules' and the engine's own (QMS090, QMS099)."""
    return tuple(sorted({r.code for r in all_rules()} | ENGINE_CODES))


CONFIG_PATH_HINT = _("kiểm tra đường dẫn của «--config»; tệp cấu hình là qms.toml hoặc pyproject.toml có mục [tool.qms]")
SEE_RULES = _("xem danh sách mã bằng «qms rules»")


def syntax_problem(exc: tomllib.TOMLDecodeError, text: str, path: Path) -> ConfigProblem:
    problem = str(exc)
    line = column = None
    at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", problem)
    if at:
        line, column, problem = int(at.group(1)), int(at.group(2)), problem[: at.start()]
    elif problem.endswith("(at end of document)"):
        line, problem = max(text.count("\n") + (not text.endswith("\n")), 1), problem.removesuffix("(at end of document)").rstrip()
    return ConfigProblem(
        _("lỗi cú pháp TOML: {problem}").format(problem=problem),
        _(
            "kiểm tra dấu «=» giữa khoá và giá trị, chuỗi trong ngoặc kép, danh sách đóng bằng «]» và tiêu đề bảng như [tool.qms]; "
            'ví dụ: select = ["QMS1", "QMS203"]'
        ),
        path,
        line,
        column,
    )


def not_a_table(key: str, value: Any, path: Path, position: tuple[int | None, int | None]) -> ConfigProblem:
    shown = shown_value(value)
    return ConfigProblem(
        _("«{key}» phải là một bảng TOML, không phải {shown}").format(key=key, shown=shown),
        _('viết các khoá của qms dưới tiêu đề [tool.qms], ví dụ: [tool.qms] rồi select = ["QMS1"] ở dòng sau'),
        path,
        *position,
    )


def shown_value(value: Any) -> Message:
    if isinstance(value, bool):
        return Message(f"«{str(value).lower()}»", f"«{str(value).lower()}»")
    if isinstance(value, dict):
        return _("một bảng")
    if isinstance(value, list):
        return _("một danh sách")
    if isinstance(value, str):
        return _('chuỗi "{value}"').format(value=value)
    return Message(f"«{value}»", f"«{value}»")


def keys_of(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    return tuple(part for part in loc if part != "[key]")


def key_name(loc: tuple[Any, ...]) -> str:
    """``select[2]``, ``severity.QMS101``: the key as a person reads it."""
    name = ""
    for part in keys_of(loc):
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


Where = Callable[[tuple[Any, ...], Any], tuple[Path | None, int | None, int | None]]


def problems_of(exc: ValidationError, where: Where, name: Callable[[tuple[Any, ...]], str], keys: Sequence[str]) -> list[ConfigProblem]:
    """Each validation error as a problem at its place (``where``), named as a person reads it (``name``);
    ``keys`` are the table's keys, for the did-you-mean of an unknown one."""
    problems = []
    for error in exc.errors(include_url=False):
        loc, value = error["loc"], error.get("input")
        message, hint = explain(_Mistake(error["type"], name(loc), loc, value, error.get("ctx") or {}, tuple(keys)))
        problems.append(ConfigProblem(message, hint, *where(loc, value)))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))  # in the order of the file


Explained = tuple[Message, Message | None]


@dataclass(frozen=True)
class _Mistake:
    """One validation error: its kind, the key as shown, where in the table, the value, pydantic's context."""

    kind: str
    key: str
    loc: tuple[Any, ...]
    value: Any
    ctx: dict[str, Any]
    keys: tuple[str, ...]  # the keys the table has

    @property
    def top(self) -> str:
        return str(self.loc[0]) if self.loc else self.key

    @property
    def shown(self) -> Message:
        return shown_value(self.value)


def explain(m: _Mistake) -> Explained:
    """What is wrong and how to write it instead, for each kind of mistake."""
    if m.kind == "blank_reason" or (m.kind == "string_type" and m.top == "not-applicable"):
        return _blank_reason(m)
    if m.top == "agency":
        near = closest(str(m.loc[-1]), list(agency.KEYS)) if m.kind == "extra_forbidden" else None
        return agency.explain(m.kind, m.key, m.loc, m.shown, near)
    handler = _EXPLAIN.get(m.kind)
    if handler is None:
        return _("«{key}»: giá trị không hợp lệ ({kind})").format(key=m.key, kind=m.kind), None
    return handler(m)


def _unknown_key(m: _Mistake) -> Explained:
    suggestion = closest(m.top, list(m.keys))
    known = ", ".join(m.keys)
    hint = _("dùng được: {known}").format(known=known)
    if suggestion:
        close = _("có phải ý bạn là «{suggestion}»?").format(suggestion=suggestion)
        hint = Message(f"{close.vi} {hint.vi}", f"{close.en} {hint.en}")
    return _("khoá không biết «{key}»").format(key=m.key), hint


def _code(m: _Mistake) -> Explained:
    return unknown_code(m.key, str(m.ctx.get("code", "")), m.kind == "blank_code")


def _prefix_code(m: _Mistake) -> Explained:
    code = m.ctx["code"]
    return (
        _("«{key}»: «{code}» là một nhóm quy tắc; bảng «severity» cần mã đầy đủ").format(key=m.key, code=code),
        _('ghi từng mã, ví dụ {code}01 = "warning"; nhóm mã chỉ dùng trong select/ignore').format(code=code.upper()),
    )


def _list_type(m: _Mistake) -> Explained:
    if m.top in PATH_KEYS:
        return _paths_expected(m)
    example = f'{m.top} = ["{m.value}"]' if isinstance(m.value, str) else f'{m.top} = ["QMS1", "QMS203"]'
    return (
        _("«{key}» phải là một danh sách mã quy tắc, không phải {shown}").format(key=m.key, shown=m.shown),
        _("đặt mã trong ngoặc vuông: {example}").format(example=example),
    )


def _dict_type(m: _Mistake) -> Explained:
    if m.top == "severity":
        return (
            _("«severity» phải là một bảng mã quy tắc = mức, không phải {shown}").format(shown=m.shown),
            _(
                'viết [severity] (hoặc [tool.qms.severity]) rồi QMS301 = "error" ở dòng sau; '
                'để lệnh thất bại từ mức cảnh báo, dùng fail-on = "warning"'
            ),
        )
    return (
        _('«{key}» phải là một bảng điều khoản = "lý do", không phải {shown}').format(key=m.key, shown=m.shown),
        _('viết [not-applicable] rồi "8.3" = "lý do không áp dụng" ở dòng sau'),
    )


def _literal(m: _Mistake) -> Explained:
    choices = FAIL_ON if m.top == "fail-on" else FAIL_ON[:3]
    allowed = ", ".join(choices)
    suggestion = closest(m.value, list(choices)) if isinstance(m.value, str) else None
    example = f'{m.key.split(".")[-1]} = "{suggestion or "warning"}"'
    return (
        _("«{key}» phải là một trong {allowed}; không phải {shown}").format(key=m.key, allowed=allowed, shown=m.shown),
        _("viết trong ngoặc kép, ví dụ: {example}").format(example=example),
    )


def _unknown_clause(m: _Mistake) -> Explained:
    from qms.iso9001 import ISO9001_CLAUSES  # late: the clause list is data only this mistake needs

    return (
        _("«not-applicable»: «{clause}» không phải điều khoản trong ma trận ({value})").format(
            clause=m.ctx["clause"], value=", ".join(ISO9001_CLAUSES)
        ),
        _("điều khoản con không áp dụng (như 7.1.5) ghi trong tài liệu phạm vi HTQLCL"),
    )


def _blank_reason(m: _Mistake) -> Explained:
    clause = m.loc[1] if len(m.loc) > 1 else "?"
    return (
        _("«not-applicable»: điều khoản {clause} cần lý do (ISO 9001 4.3)").format(clause=clause),
        _('viết lý do trong ngoặc kép: "{clause}" = "lý do không áp dụng"').format(clause=clause),
    )


def _paths_expected(m: _Mistake) -> Explained:
    return (
        _("«{key}» phải là một danh sách mẫu đường dẫn, không phải {shown}").format(key=m.key, shown=m.shown),
        _('ví dụ: {key} = ["drafts/", "*.bak.yaml"]').format(key=m.top),
    )


def _docs_url(m: _Mistake) -> Explained:
    return (
        _("«docs-url» phải là một địa chỉ http(s) đầy đủ, không phải {shown}").format(shown=m.shown),
        _('địa chỉ nơi xem được thư mục docs/, ví dụ docs-url = "https://github.com/ORG/REPO/blob/main/docs"'),
    )


def _string_type(m: _Mistake) -> Explained:
    if m.top in PATH_KEYS:
        return _paths_expected(m)
    if m.top == "docs-url":
        return _docs_url(m)
    return (
        _("«{key}» phải là một chuỗi mã quy tắc, không phải {shown}").format(key=m.key, shown=m.shown),
        _('đặt mã trong ngoặc kép, ví dụ ["QMS101", "QMS3"]'),
    )


_EXPLAIN: dict[str, Callable[[_Mistake], Explained]] = {
    "extra_forbidden": _unknown_key,
    "unknown_code": _code,
    "blank_code": _code,
    "prefix_code": _prefix_code,
    "list_type": _list_type,
    "dict_type": _dict_type,
    "literal_error": _literal,
    "unknown_clause": _unknown_clause,
    "string_type": _string_type,
    "docs_url": _docs_url,
}


def unknown_code(key: str, code: str, blank: bool) -> tuple[Message, Message]:
    if blank:
        return (
            _("«{key}»: mã quy tắc rỗng (sẽ khớp mọi quy tắc)").format(key=key),
            _('bỏ chuỗi rỗng; ví dụ ["QMS1", "QMS203"]'),
        )
    message = _("«{key}»: không có quy tắc hay nhóm quy tắc «{code}»").format(key=key, code=code)
    if any(c.value.startswith(code.upper()) for c in LoadCode):
        return message, _("QMS001–QMS021 là lỗi đọc tệp quy trình, luôn được báo và không bỏ qua được; hãy sửa tệp")
    by_name = {r.name: r.code for r in all_rules()}
    suggestion = closest(code.upper(), list(known_codes()) + list(by_name))
    if suggestion in by_name:
        code_of = by_name[suggestion]
        close = _("«{suggestion}» là tên của quy tắc {code_of}; dùng mã {code_of}.").format(suggestion=suggestion, code_of=code_of)
    elif suggestion:
        close = _("có phải ý bạn là «{suggestion}»?").format(suggestion=suggestion)
    else:
        return message, SEE_RULES
    return message, Message(f"{close.vi} {SEE_RULES.vi}", f"{close.en} {SEE_RULES.en}")


def closest(word: str, candidates: list[str]) -> str | None:
    from qms.load.schema_errors import closest  # late: the loader is heavy and only a mistake needs it

    return closest(word, candidates)
