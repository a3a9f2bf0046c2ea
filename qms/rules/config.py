"""Project configuration of the rules: which run, at what severity.

Read from ``[tool.qms]`` in ``pyproject.toml`` or from ``qms.toml`` (same
keys at the top level), found in the current folder or its parents::

    [tool.qms]
    select = ["QMS1", "QMS2"]      # rule codes or prefixes; default: all
    ignore = ["QMS604"]            # codes or prefixes never run
    fail-on = "warning"            # error (default) | warning | info | never
    [tool.qms.severity]
    QMS301 = "error"               # re-grade a rule (its full code)
    [tool.qms.not-applicable]      # ISO 9001 4.3: clauses that do not apply, each with its justification
    "8.3" = "TTHC do văn bản quy phạm pháp luật quy định; Sở không thiết kế, phát triển dịch vụ"

The table is validated by a pydantic model; its errors (and TOML syntax
errors) become :class:`ConfigProblem` s that name the file, the line of the
key, what was expected and a hint. A code or prefix that names no rule is an
error, never a silent "no rule selected". The engine's own codes (``QMS090``
unused waiver, ``QMS099`` rule crashed) are valid codes: they are always
reported, unless ``ignore`` names them, and ``severity`` re-grades them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from qms.diagnostics import LoadCode, Severity
from qms.i18n import Lang, Message, msg
from qms.rules.registry import all_rules


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


@dataclass(frozen=True)
class RuleConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    source: Path | None = None
    # In-scope ISO 9001 clause -> why it does not apply (ISO 9001 4.3); shown in the coverage matrix, not a gap.
    not_applicable: dict[str, str] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(p) for p in self.select)
        return selected and not self.ignored(code)

    def ignored(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


FAIL_ON = ("error", "warning", "info", "never")


def find_config(start: Path) -> Path | None:
    """The nearest ``qms.toml``, or ``pyproject.toml`` with a ``tool.qms`` entry, in ``start`` or its parents."""
    here = start.resolve()
    for folder in [here, *here.parents]:
        for name in ("qms.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == "qms.toml" or _configures_qms(candidate)):
                return candidate
    return None


def _configures_qms(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "qms" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return "[tool.qms" in text  # broken, but meant for qms: load_config says where
    return isinstance(tool, dict) and "qms" in tool


def load_config(path: Path | None) -> RuleConfig:
    if path is None:
        return RuleConfig()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([ConfigProblem(msg("file.unreadable", error=exc.strerror or exc), _CONFIG_PATH_HINT, path)]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = ConfigProblem(msg("file.encoding", byte=f"{raw[exc.start]:02X}"), msg("file.encoding.hint"), path, line, column)
        raise ConfigError([problem]) from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_syntax_problem(exc, text, path)]) from None
    if path.name != "pyproject.toml":
        return parse_config(data, path, text)
    locate = _Locator(text, ())
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError([_not_a_table("tool", tool, path, locate(("tool",)))])
    table = tool.get("qms", {})
    if not isinstance(table, dict):
        raise ConfigError([_not_a_table("tool.qms", table, path, locate(("tool", "qms")))])
    return parse_config(table, path, text, prefix=("tool", "qms"))


def parse_config(table: dict[str, Any], source: Path | None = None, text: str | None = None, prefix: tuple[str, ...] = ()) -> RuleConfig:
    """The configuration in ``table`` (the TOML ``text`` it was read from, if any, gives the lines of mistakes)."""
    try:
        model = _Table.model_validate(table)
    except ValidationError as exc:
        locate = _Locator(text, prefix)
        where = source or Path("config")
        raise ConfigError(_problems(exc, lambda loc, value: (where, *locate(_keys(loc), value)), _key_name)) from None
    severity = {code: Severity(level) for code, level in model.severity.items()}
    return RuleConfig(tuple(model.select), tuple(model.ignore), severity, model.fail_on, source, dict(model.not_applicable))


def with_options(config: RuleConfig, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> RuleConfig:
    """``config`` with the command line's ``--select`` (replaces the file's) and ``--ignore`` (adds to it).

    Each option may be repeated or hold several codes separated by commas; every code is checked as in the file.
    """
    chosen: dict[str, tuple[str, ...]] = {}
    problems: list[ConfigProblem] = []
    for option, given in (("--select", select), ("--ignore", ignore)):
        # "QMS1,QMS2," is two codes; a value that is blank altogether is a mistake the validator names
        codes = [c for value in given or () for c in ([p for p in value.split(",") if p.strip()] if "," in value else [value])]
        if not codes:
            continue
        try:
            chosen[option] = tuple(_CODES.validate_python(codes))
        except ValidationError as exc:
            problems += _problems(exc, lambda loc, value: (None, None, None), lambda loc: option)
    if problems:
        raise ConfigError(problems)
    if "--select" in chosen:
        config = replace(config, select=chosen["--select"])
    if "--ignore" in chosen:
        config = replace(config, ignore=(*config.ignore, *chosen["--ignore"]))
    return config


# --- what is valid -------------------------------------------------------------------------


@cache
def known_codes() -> tuple[str, ...]:
    """Every code a finding can carry: the rules' and the engine's own (QMS090, QMS099)."""
    from qms.rules.engine import RULE_CRASHED, UNUSED_WAIVER  # late: the engine imports this module

    return tuple(sorted({r.code for r in all_rules()} | {UNUSED_WAIVER, RULE_CRASHED}))


def _rule_code(value: str) -> str:
    """A code or prefix that matches at least one code (``QMS3`` = every QMS3xx), upper-cased."""
    code = value.strip().upper()
    if not code:
        raise PydanticCustomError("blank_code", "empty rule code")
    if not any(known.startswith(code) for known in known_codes()):
        raise PydanticCustomError("unknown_code", "no rule matches {code}", {"code": value.strip()})
    return code


def _exact_code(value: str) -> str:
    code = _rule_code(value)
    if code not in known_codes():
        raise PydanticCustomError("prefix_code", "a full rule code is needed", {"code": value.strip()})
    return code


def _clause(value: str) -> str:
    from qms.iso9001 import ISO9001_CLAUSES  # late: the clause list is data only this key needs

    if value not in ISO9001_CLAUSES:
        raise PydanticCustomError("unknown_clause", "not a clause of the matrix", {"clause": value})
    return value


def _reason(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_reason", "empty justification")
    return value.strip()


Code = Annotated[str, AfterValidator(_rule_code)]
Level = Literal["error", "warning", "info"]
_CODES: TypeAdapter[list[str]] = TypeAdapter(list[Code], config=ConfigDict(strict=True))


class _Table(BaseModel):
    """The keys of ``qms.toml`` / ``[tool.qms]``, as TOML gives them (strict: no string read as a list)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    select: list[Code] = []
    ignore: list[Code] = []
    severity: dict[Annotated[str, AfterValidator(_exact_code)], Level] = {}
    fail_on: Literal["error", "warning", "info", "never"] = Field("error", alias="fail-on")
    not_applicable: dict[Annotated[str, AfterValidator(_clause)], Annotated[str, AfterValidator(_reason)]] = Field(
        {}, alias="not-applicable"
    )


KEYS = tuple(f.alias or name for name, f in _Table.model_fields.items())


# --- explaining mistakes -------------------------------------------------------------------

_CONFIG_PATH_HINT = Message(
    "kiểm tra đường dẫn của «--config»; tệp cấu hình là qms.toml hoặc pyproject.toml có mục [tool.qms]",
    "check the «--config» path; the configuration is qms.toml or a pyproject.toml with a [tool.qms] table",
)
_SEE_RULES = Message("xem danh sách mã bằng «qms rules»", "list the codes with «qms rules»")


def _syntax_problem(exc: tomllib.TOMLDecodeError, text: str, path: Path) -> ConfigProblem:
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


def _not_a_table(key: str, value: Any, path: Path, position: tuple[int | None, int | None]) -> ConfigProblem:
    shown = _shown(value)
    return ConfigProblem(
        Message(f"«{key}» phải là một bảng TOML, không phải {shown.vi}", f"«{key}» must be a TOML table, not {shown.en}"),
        Message(
            'viết các khoá của qms dưới tiêu đề [tool.qms], ví dụ: [tool.qms] rồi select = ["QMS1"] ở dòng sau',
            'write the qms keys under a [tool.qms] header, for example [tool.qms] then select = ["QMS1"] on the next line',
        ),
        path,
        *position,
    )


def _shown(value: Any) -> Message:
    if isinstance(value, bool):
        return Message(f"«{str(value).lower()}»", f"«{str(value).lower()}»")
    if isinstance(value, dict):
        return Message("một bảng", "a table")
    if isinstance(value, list):
        return Message("một danh sách", "a list")
    if isinstance(value, str):
        return Message(f'chuỗi "{value}"', f'the string "{value}"')
    return Message(f"«{value}»", f"«{value}»")


def _keys(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    return tuple(part for part in loc if part != "[key]")


def _key_name(loc: tuple[Any, ...]) -> str:
    """``select[2]``, ``severity.QMS101``: the key as a person reads it."""
    name = ""
    for part in _keys(loc):
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


Where = Callable[[tuple[Any, ...], Any], tuple[Path | None, int | None, int | None]]


def _problems(exc: ValidationError, where: Where, name: Callable[[tuple[Any, ...]], str]) -> list[ConfigProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc, value, kind = error["loc"], error.get("input"), error["type"]
        message, hint = _explain(kind, name(loc), loc, value, error.get("ctx") or {})
        problems.append(ConfigProblem(message, hint, *where(loc, value)))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))  # in the order of the file


def _explain(kind: str, key: str, loc: tuple[Any, ...], value: Any, ctx: dict[str, Any]) -> tuple[Message, Message | None]:
    shown = _shown(value)
    top = str(loc[0]) if loc else key
    if kind == "extra_forbidden":
        suggestion = _closest(top, list(KEYS))
        known = ", ".join(KEYS)
        hint = Message(f"dùng được: {known}", f"allowed: {known}")
        if suggestion:
            close = msg("ref.hint_close", suggestion=suggestion)
            hint = Message(f"{close.vi} {hint.vi}", f"{close.en} {hint.en}")
        return Message(f"khoá không biết «{key}»", f"unknown key «{key}»"), hint
    if kind in ("unknown_code", "blank_code"):
        return _unknown_code(key, str(ctx.get("code", "")), kind == "blank_code")
    if kind == "prefix_code":
        code = ctx["code"]
        return (
            Message(
                f"«{key}»: «{code}» là một nhóm quy tắc; bảng «severity» cần mã đầy đủ",
                f"«{key}»: «{code}» is a rule family; the «severity» table needs full codes",
            ),
            Message(
                f'ghi từng mã, ví dụ {code.upper()}01 = "warning"; nhóm mã chỉ dùng trong select/ignore',
                f'write each code, e.g. {code.upper()}01 = "warning"; families belong in select/ignore',
            ),
        )
    if kind == "list_type":
        example = f'{top} = ["{value}"]' if isinstance(value, str) else f'{top} = ["QMS1", "QMS203"]'
        return (
            Message(f"«{key}» phải là một danh sách mã quy tắc, không phải {shown.vi}", f"«{key}» must be a list of rule codes, not {shown.en}"),
            Message(f"đặt mã trong ngoặc vuông: {example}", f"put the codes in square brackets: {example}"),
        )
    if kind == "dict_type" and top == "severity":
        return (
            Message(
                f"«severity» phải là một bảng mã quy tắc = mức, không phải {shown.vi}",
                f"«severity» must be a table of rule code = severity, not {shown.en}",
            ),
            Message(
                'viết [severity] (hoặc [tool.qms.severity]) rồi QMS301 = "error" ở dòng sau; '
                'để lệnh thất bại từ mức cảnh báo, dùng fail-on = "warning"',
                'write [severity] (or [tool.qms.severity]) then QMS301 = "error" on the next line; '
                'to fail from warnings on, use fail-on = "warning"',
            ),
        )
    if kind == "dict_type":
        return (
            Message(
                f'«{key}» phải là một bảng điều khoản = "lý do", không phải {shown.vi}',
                f'«{key}» must be a table of clause = "justification", not {shown.en}',
            ),
            Message(
                'viết [not-applicable] rồi "8.3" = "lý do không áp dụng" ở dòng sau',
                'write [not-applicable] then "8.3" = "why it does not apply" on the next line',
            ),
        )
    if kind == "literal_error":
        choices = FAIL_ON if top == "fail-on" else FAIL_ON[:3]
        allowed = ", ".join(choices)
        suggestion = _closest(value, list(choices)) if isinstance(value, str) else None
        example = f'{key.split(".")[-1]} = "{suggestion or "warning"}"'
        return (
            Message(f"«{key}» phải là một trong {allowed}; không phải {shown.vi}", f"«{key}» must be one of {allowed}; not {shown.en}"),
            Message(f"viết trong ngoặc kép, ví dụ: {example}", f"write it in double quotes, for example: {example}"),
        )
    if kind == "unknown_clause":
        from qms.iso9001 import ISO9001_CLAUSES

        return (
            Message(
                f"«not-applicable»: «{ctx['clause']}» không phải điều khoản trong ma trận ({', '.join(ISO9001_CLAUSES)})",
                f"«not-applicable»: «{ctx['clause']}» is not a clause of the matrix",
            ),
            Message(
                "điều khoản con không áp dụng (như 7.1.5) ghi trong tài liệu phạm vi HTQLCL",
                "a sub-clause that does not apply (such as 7.1.5) belongs in the QMS scope document",
            ),
        )
    if kind == "blank_reason" or (kind == "string_type" and top == "not-applicable"):
        clause = loc[1] if len(loc) > 1 else "?"
        return (
            Message(
                f"«not-applicable»: điều khoản {clause} cần lý do (ISO 9001 4.3)",
                f"«not-applicable»: clause {clause} needs a justification (ISO 9001 4.3)",
            ),
            Message(
                f'viết lý do trong ngoặc kép: "{clause}" = "lý do không áp dụng"',
                f'write the justification in double quotes: "{clause}" = "why it does not apply"',
            ),
        )
    if kind == "string_type":
        return (
            Message(f"«{key}» phải là một chuỗi mã quy tắc, không phải {shown.vi}", f"«{key}» must be a rule code string, not {shown.en}"),
            Message('đặt mã trong ngoặc kép, ví dụ ["QMS101", "QMS3"]', 'put the code in double quotes, e.g. ["QMS101", "QMS3"]'),
        )
    return Message(f"«{key}»: giá trị không hợp lệ ({kind})", f"«{key}»: invalid value ({kind})"), None


def _unknown_code(key: str, code: str, blank: bool) -> tuple[Message, Message]:
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
    suggestion = _closest(code.upper(), list(known_codes()) + list(by_name))
    if suggestion in by_name:
        code_of = by_name[suggestion]
        close = Message(
            f"«{suggestion}» là tên của quy tắc {code_of}; dùng mã {code_of}.", f"«{suggestion}» is the name of rule {code_of}; use the code {code_of}."
        )
    elif suggestion:
        close = msg("ref.hint_close", suggestion=suggestion)
    else:
        return message, _SEE_RULES
    return message, Message(f"{close.vi} {_SEE_RULES.vi}", f"{close.en} {_SEE_RULES.en}")


def _closest(word: str, candidates: list[str]) -> str | None:
    from qms.load.schema_errors import closest  # late: the loader is heavy and only a mistake needs it

    return closest(word, candidates)


# --- the line of a key in TOML text --------------------------------------------------------

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*({_DOTTED})[ \t]*\]")
_ASSIGN = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")


def _parts(dotted: str) -> tuple[str, ...]:
    parts = []
    for match in re.finditer(_KEY, dotted):
        token = match.group(0)
        parts.append(tomllib.loads(f"k = {token}")["k"] if token[0] in "\"'" else token)
    return tuple(parts)


class _Locator:
    """Finds the line and column of a key path (and of a string in the key's list) in TOML text.

    A line scanner, not a parser: it follows ``[table]`` headers and ``dotted.key =`` assignments and skips
    multi-line strings, which is what configuration files contain. ``None`` when it cannot tell.
    """

    def __init__(self, text: str | None, prefix: tuple[str, ...]) -> None:
        self.lines = text.splitlines() if text else []
        self.prefix = prefix

    def __call__(self, keys: tuple[str | int, ...], value: Any = None) -> tuple[int | None, int | None]:
        names = self.prefix + tuple(k for k in keys if isinstance(k, str))
        found = self._key(names)
        if found is None:
            return None, None
        if isinstance(value, str) and isinstance(keys[-1] if keys else None, int):
            return self._string(value, found[0]) or found
        return found

    def _key(self, names: tuple[str, ...]) -> tuple[int, int] | None:
        table: tuple[str, ...] = ()
        best: tuple[int, tuple[int, int]] | None = None
        in_string = None
        for number, line in enumerate(self.lines, start=1):
            if in_string:
                if line.count(in_string) % 2:
                    in_string = None
                continue
            header = _HEADER.match(line)
            assign = None if header else _ASSIGN.match(line)
            if header:
                table = _parts(header.group(1))
                path, column = table, header.start(1)
            elif assign:
                path, column = table + _parts(assign.group(1)), assign.start(1)
            else:
                continue
            for quotes in ('"""', "'''"):
                if line.count(quotes) % 2:
                    in_string = quotes
            if path[: len(names)] == names:
                return number, column + 1
            if names[: len(path)] == path and (best is None or len(path) > best[0]):
                best = (len(path), (number, column + 1))  # an inline table or a header above the key
        return best[1] if best else None

    def _string(self, value: str, start: int) -> tuple[int, int] | None:
        pattern = re.compile(rf"""(["']){re.escape(value)}\1""")
        for number in range(start, len(self.lines) + 1):
            match = pattern.search(self.lines[number - 1])
            if match:
                return number, match.start() + 1
        return None
