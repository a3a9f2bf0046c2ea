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
from qms.i18n import Lang, Message, msg
from qms.rules.engine_codes import ENGINE_CODES
from qms.rules.registry import all_rules

FAIL_ON = ("error", "warning", "info", "never")


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
            text += f" ({msg('cli.hint').get(lang)}: {self.hint.get(lang)})"
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


CONFIG_PATH_HINT = Message(
    "kiểm tra đường dẫn của «--config»; tệp cấu hình là qms.toml hoặc pyproject.toml có mục [tool.qms]",
    "check the «--config» path; the configuration is qms.toml or a pyproject.toml with a [tool.qms] table",
)
SEE_RULES = Message("xem danh sách mã bằng «qms rules»", "list the codes with «qms rules»")


def syntax_problem(exc: tomllib.TOMLDecodeError, text: str, path: Path) -> ConfigProblem:
    problem = str(exc)
    line = column = None
    at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", problem)
    if at:
        line, column, problem = int(at.group(1)), int(at.group(2)), problem[: at.start()]
    elif problem.endswith("(at end of document)"):
        line, problem = max(text.count("\n") + (not text.endswith("\n")), 1), problem.removesuffix("(at end of document)").rstrip()
    return ConfigProblem(
        Message(f"lỗi cú pháp TOML: {problem}", f"TOML syntax error: {problem}"),
        Message(
            'kiểm tra dấu «=» giữa khoá và giá trị, chuỗi trong ngoặc kép, danh sách đóng bằng «]» và tiêu đề bảng như [tool.qms]; '
            'ví dụ: select = ["QMS1", "QMS203"]',
            'check the «=» between key and value, strings in double quotes, lists closed by «]» and table headers such as [tool.qms]; '
            'for example: select = ["QMS1", "QMS203"]',
        ),
        path,
        line,
        column,
    )


def not_a_table(key: str, value: Any, path: Path, position: tuple[int | None, int | None]) -> ConfigProblem:
    shown = shown_value(value)
    return ConfigProblem(
        Message(f"«{key}» phải là một bảng TOML, không phải {shown.vi}", f"«{key}» must be a TOML table, not {shown.en}"),
        Message(
            'viết các khoá của qms dưới tiêu đề [tool.qms], ví dụ: [tool.qms] rồi select = ["QMS1"] ở dòng sau',
            'write the qms keys under a [tool.qms] header, for example [tool.qms] then select = ["QMS1"] on the next line',
        ),
        path,
        *position,
    )


def shown_value(value: Any) -> Message:
    if isinstance(value, bool):
        return Message(f"«{str(value).lower()}»", f"«{str(value).lower()}»")
    if isinstance(value, dict):
        return Message("một bảng", "a table")
    if isinstance(value, list):
        return Message("một danh sách", "a list")
    if isinstance(value, str):
        return Message(f'chuỗi "{value}"', f'the string "{value}"')
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
    handler = _EXPLAIN.get(m.kind)
    if handler is None:
        return Message(f"«{m.key}»: giá trị không hợp lệ ({m.kind})", f"«{m.key}»: invalid value ({m.kind})"), None
    return handler(m)


def _unknown_key(m: _Mistake) -> Explained:
    suggestion = closest(m.top, list(m.keys))
    known = ", ".join(m.keys)
    hint = Message(f"dùng được: {known}", f"allowed: {known}")
    if suggestion:
        close = msg("ref.hint_close", suggestion=suggestion)
        hint = Message(f"{close.vi} {hint.vi}", f"{close.en} {hint.en}")
    return Message(f"khoá không biết «{m.key}»", f"unknown key «{m.key}»"), hint


def _code(m: _Mistake) -> Explained:
    return unknown_code(m.key, str(m.ctx.get("code", "")), m.kind == "blank_code")


def _prefix_code(m: _Mistake) -> Explained:
    code = m.ctx["code"]
    return (
        Message(
            f"«{m.key}»: «{code}» là một nhóm quy tắc; bảng «severity» cần mã đầy đủ",
            f"«{m.key}»: «{code}» is a rule family; the «severity» table needs full codes",
        ),
        Message(
            f'ghi từng mã, ví dụ {code.upper()}01 = "warning"; nhóm mã chỉ dùng trong select/ignore',
            f'write each code, e.g. {code.upper()}01 = "warning"; families belong in select/ignore',
        ),
    )


def _list_type(m: _Mistake) -> Explained:
    example = f'{m.top} = ["{m.value}"]' if isinstance(m.value, str) else f'{m.top} = ["QMS1", "QMS203"]'
    return (
        Message(f"«{m.key}» phải là một danh sách mã quy tắc, không phải {m.shown.vi}", f"«{m.key}» must be a list of rule codes, not {m.shown.en}"),
        Message(f"đặt mã trong ngoặc vuông: {example}", f"put the codes in square brackets: {example}"),
    )


def _dict_type(m: _Mistake) -> Explained:
    if m.top == "severity":
        return (
            Message(
                f"«severity» phải là một bảng mã quy tắc = mức, không phải {m.shown.vi}",
                f"«severity» must be a table of rule code = severity, not {m.shown.en}",
            ),
            Message(
                'viết [severity] (hoặc [tool.qms.severity]) rồi QMS301 = "error" ở dòng sau; '
                'để lệnh thất bại từ mức cảnh báo, dùng fail-on = "warning"',
                'write [severity] (or [tool.qms.severity]) then QMS301 = "error" on the next line; '
                'to fail from warnings on, use fail-on = "warning"',
            ),
        )
    return (
        Message(
            f'«{m.key}» phải là một bảng điều khoản = "lý do", không phải {m.shown.vi}',
            f'«{m.key}» must be a table of clause = "justification", not {m.shown.en}',
        ),
        Message(
            'viết [not-applicable] rồi "8.3" = "lý do không áp dụng" ở dòng sau',
            'write [not-applicable] then "8.3" = "why it does not apply" on the next line',
        ),
    )


def _literal(m: _Mistake) -> Explained:
    choices = FAIL_ON if m.top == "fail-on" else FAIL_ON[:3]
    allowed = ", ".join(choices)
    suggestion = closest(m.value, list(choices)) if isinstance(m.value, str) else None
    example = f'{m.key.split(".")[-1]} = "{suggestion or "warning"}"'
    return (
        Message(f"«{m.key}» phải là một trong {allowed}; không phải {m.shown.vi}", f"«{m.key}» must be one of {allowed}; not {m.shown.en}"),
        Message(f"viết trong ngoặc kép, ví dụ: {example}", f"write it in double quotes, for example: {example}"),
    )


def _unknown_clause(m: _Mistake) -> Explained:
    from qms.iso9001 import ISO9001_CLAUSES  # late: the clause list is data only this mistake needs

    return (
        Message(
            f"«not-applicable»: «{m.ctx['clause']}» không phải điều khoản trong ma trận ({', '.join(ISO9001_CLAUSES)})",
            f"«not-applicable»: «{m.ctx['clause']}» is not a clause of the matrix",
        ),
        Message(
            "điều khoản con không áp dụng (như 7.1.5) ghi trong tài liệu phạm vi HTQLCL",
            "a sub-clause that does not apply (such as 7.1.5) belongs in the QMS scope document",
        ),
    )


def _blank_reason(m: _Mistake) -> Explained:
    clause = m.loc[1] if len(m.loc) > 1 else "?"
    return (
        Message(f"«not-applicable»: điều khoản {clause} cần lý do (ISO 9001 4.3)", f"«not-applicable»: clause {clause} needs a justification (ISO 9001 4.3)"),
        Message(
            f'viết lý do trong ngoặc kép: "{clause}" = "lý do không áp dụng"',
            f'write the justification in double quotes: "{clause}" = "why it does not apply"',
        ),
    )


def _string_type(m: _Mistake) -> Explained:
    return (
        Message(f"«{m.key}» phải là một chuỗi mã quy tắc, không phải {m.shown.vi}", f"«{m.key}» must be a rule code string, not {m.shown.en}"),
        Message('đặt mã trong ngoặc kép, ví dụ ["QMS101", "QMS3"]', 'put the code in double quotes, e.g. ["QMS101", "QMS3"]'),
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
}


def unknown_code(key: str, code: str, blank: bool) -> tuple[Message, Message]:
    if blank:
        return (
            Message(f"«{key}»: mã quy tắc rỗng (sẽ khớp mọi quy tắc)", f"«{key}»: empty rule code (it would match every rule)"),
            Message('bỏ chuỗi rỗng; ví dụ ["QMS1", "QMS203"]', 'remove the empty string; e.g. ["QMS1", "QMS203"]'),
        )
    message = Message(f"«{key}»: không có quy tắc hay nhóm quy tắc «{code}»", f"«{key}»: no rule or rule family «{code}»")
    if any(c.value.startswith(code.upper()) for c in LoadCode):
        return message, Message(
            "QMS001–QMS021 là lỗi đọc tệp quy trình, luôn được báo và không bỏ qua được; hãy sửa tệp",
            "QMS001–QMS021 are load errors of the process files: always reported, never ignored; fix the file",
        )
    by_name = {r.name: r.code for r in all_rules()}
    suggestion = closest(code.upper(), list(known_codes()) + list(by_name))
    if suggestion in by_name:
        code_of = by_name[suggestion]
        close = Message(
            f"«{suggestion}» là tên của quy tắc {code_of}; dùng mã {code_of}.", f"«{suggestion}» is the name of rule {code_of}; use the code {code_of}."
        )
    elif suggestion:
        close = msg("ref.hint_close", suggestion=suggestion)
    else:
        return message, SEE_RULES
    return message, Message(f"{close.vi} {SEE_RULES.vi}", f"{close.en} {SEE_RULES.en}")


def closest(word: str, candidates: list[str]) -> str | None:
    from qms.load.schema_errors import closest  # late: the loader is heavy and only a mistake needs it

    return closest(word, candidates)
