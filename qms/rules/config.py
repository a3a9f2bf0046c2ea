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
    extend-exclude = ["drafts/"]   # paths never read as processes, added to the defaults (exclude = [...] replaces them)
    docs-url = "https://github.com/ORG/REPO/blob/main/docs"  # where docs/ is browsable: SARIF rules link there (helpUri)
    [tool.qms.agency]              # the agency on covers, running headers, the audit report (qms.rules.agency)
    name = "Sở Giáo dục và Đào tạo tỉnh Điện Biên"

The table is validated by a pydantic model; its errors (and TOML syntax
errors) become :class:`ConfigProblem` s that name the file, the line of the
key, what was expected and a hint. A code or prefix that names no rule is an
error, never a silent "no rule selected". The engine's own codes (``QMS090``
unused waiver, ``QMS099`` rule crashed) are valid codes: they are always
reported, unless ``ignore`` names them, and ``severity`` re-grades them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from qms.diagnostics import Severity
from qms.i18n import _
from qms.load.project import find_config  # the project's root is the loader's to find too
from qms.rules.agency import Agency, AgencyTable
from qms.rules.config_problems import (
    CONFIG_PATH_HINT,
    FAIL_ON,
    ConfigError,
    ConfigProblem,
    key_name,
    keys_of,
    known_codes,
    not_a_table,
    problems_of,
    syntax_problem,
)
from qms.rules.toml_lines import Locator

__all__ = ["FAIL_ON", "KEYS", "ConfigError", "ConfigProblem", "RuleConfig", "find_config", "known_codes", "load_config", "parse_config", "with_options"]


@dataclass(frozen=True)
class RuleConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    source: Path | None = None
    # In-scope ISO 9001 clause -> why it does not apply (ISO 9001 4.3); shown in the coverage matrix, not a gap.
    not_applicable: dict[str, str] = field(default_factory=dict)
    docs_url: str | None = None  # an absolute http(s) URL of the docs/ folder, for SARIF's helpUri (qms.report.formats)
    agency: Agency | None = None  # the [agency] table: who issues the processes (qms.rules.agency)

    def enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(p) for p in self.select)
        return selected and not self.ignored(code)

    def ignored(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def load_config(path: Path | None) -> RuleConfig:
    if path is None:
        return RuleConfig()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            [ConfigProblem(_("không đọc được tệp: {error}").format(error=exc.strerror or exc), CONFIG_PATH_HINT, path)]
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = ConfigProblem(
            _("tệp không phải UTF-8: byte 0x{byte} không hợp lệ").format(byte=f"{raw[exc.start]:02X}"),
            _(
                "tệp có thể được lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC, VNI); "
                "hãy mở bằng trình soạn thảo và lưu lại với mã hoá UTF-8"
            ),
            path,
            line,
            column,
        )
        raise ConfigError([problem]) from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([syntax_problem(exc, text, path)]) from None
    if path.name != "pyproject.toml":
        return parse_config(data, path, text)
    locate = Locator(text, ())
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError([not_a_table("tool", tool, path, locate(("tool",)))])
    table = tool.get("qms", {})
    if not isinstance(table, dict):
        raise ConfigError([not_a_table("tool.qms", table, path, locate(("tool", "qms")))])
    return parse_config(table, path, text, prefix=("tool", "qms"))


def project_agency(folder: Path) -> Agency | None:
    """The [agency] of the project ``folder`` is in (its configuration found upwards), ``None`` without one."""
    return load_config(find_config(folder)).agency


def parse_config(table: dict[str, Any], source: Path | None = None, text: str | None = None, prefix: tuple[str, ...] = ()) -> RuleConfig:
    """The configuration in ``table`` (the TOML ``text`` it was read from, if any, gives the lines of mistakes)."""
    try:
        model = _Table.model_validate(table)
    except ValidationError as exc:
        locate = Locator(text, prefix)
        where = source or Path("config")
        raise ConfigError(problems_of(exc, lambda loc, value: (where, *locate(keys_of(loc), value)), key_name, KEYS)) from None
    severity = {code: Severity(level) for code, level in model.severity.items()}
    agency = model.agency.agency() if model.agency is not None else None
    return RuleConfig(
        tuple(model.select), tuple(model.ignore), severity, model.fail_on, source, dict(model.not_applicable), model.docs_url, agency
    )


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
            problems += problems_of(exc, lambda loc, value: (None, None, None), _named(option), KEYS)
    if problems:
        raise ConfigError(problems)
    if "--select" in chosen:
        config = replace(config, select=chosen["--select"])
    if "--ignore" in chosen:
        config = replace(config, ignore=(*config.ignore, *chosen["--ignore"]))
    return config


def _named(option: str) -> Callable[[tuple[Any, ...]], str]:
    """A mistake in a command-line option is named by the option (``--select``), wherever in its list it is."""
    return lambda loc: option


# --- what is valid -------------------------------------------------------------------------


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


def _docs_url(value: str) -> str:
    if not value.startswith(("https://", "http://")) or len(value.split("/")) < 3 or not value.split("/")[2]:
        raise PydanticCustomError("docs_url", "an absolute http(s) URL is needed")
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
    # Read by discovery (qms.load.exclude, which the loader's commands use without this model); checked here too,
    # so that «qms check» names the line of a mistake in them.
    exclude: list[str] = []
    extend_exclude: list[str] = Field([], alias="extend-exclude")
    docs_url: Annotated[str, AfterValidator(_docs_url)] | None = Field(None, alias="docs-url")
    agency: AgencyTable | None = None


KEYS = tuple(f.alias or name for name, f in _Table.model_fields.items())
