"""Project configuration of the rules: which run, at what severity.

Read from ``[tool.qms]`` in ``pyproject.toml`` or from ``qms.toml`` (same
keys at the top level), found in the current folder or its parents::

    [tool.qms]
    select = ["QMS1", "QMS2"]      # rule codes or prefixes; default: all
    ignore = ["QMS604"]            # codes or prefixes never run
    fail-on = "warning"            # error (default) | warning | info | never
    [tool.qms.severity]
    QMS301 = "error"               # re-grade a rule
    [tool.qms.not-applicable]      # ISO 9001 4.3: clauses that do not apply, each with its justification
    "8.3" = "TTHC do văn bản quy phạm pháp luật quy định; Sở không thiết kế, phát triển dịch vụ"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qms.diagnostics import Severity


class ConfigError(Exception):
    """The configuration file is wrong; the message says where and how."""


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
        return selected and not any(code.startswith(p) for p in self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


FAIL_ON = ("error", "warning", "info", "never")


def find_config(start: Path) -> Path | None:
    here = start.resolve()
    for folder in [here, *here.parents]:
        for name in ("qms.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == "qms.toml" or "[tool.qms" in candidate.read_text(encoding="utf-8", errors="replace")):
                return candidate
    return None


def load_config(path: Path | None) -> RuleConfig:
    if path is None:
        return RuleConfig()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: không đọc được tệp cấu hình / cannot read the configuration: {exc}") from None
    table = data.get("tool", {}).get("qms", {}) if path.name == "pyproject.toml" else data
    return parse_config(table, path)


def parse_config(table: dict[str, Any], source: Path | None = None) -> RuleConfig:
    where = str(source or "config")
    known = {"select", "ignore", "severity", "fail-on", "not-applicable"}
    unknown = set(table) - known
    if unknown:
        names, allowed = ", ".join(sorted(unknown)), ", ".join(sorted(known))
        raise ConfigError(f"{where}: khoá không biết / unknown key(s) {names}; dùng được / allowed: {allowed}")

    def codes(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f'{where}: «{key}» phải là danh sách mã quy tắc / must be a list of rule codes, e.g. ["QMS1", "QMS203"]')
        return tuple(v.strip().upper() for v in value)

    severity: dict[str, Severity] = {}
    for code, level in dict(table.get("severity", {})).items():
        try:
            severity[code.upper()] = Severity(level)
        except ValueError:
            raise ConfigError(f"{where}: mức của / severity of {code}: error, warning, info — không phải / not «{level}»") from None
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: fail-on: {', '.join(FAIL_ON)} — không phải / not «{fail_on}»")
    return RuleConfig(codes("select"), codes("ignore"), severity, fail_on, source, _not_applicable(table.get("not-applicable", {}), where))


def _not_applicable(value: Any, where: str) -> dict[str, str]:
    from qms.iso9001 import ISO9001_CLAUSES  # late: the clause list is data only this key needs

    if not isinstance(value, dict):
        raise ConfigError(f'{where}: «not-applicable» phải là một bảng điều khoản = "lý do" / must be a table of clause = "justification"')
    result: dict[str, str] = {}
    for clause, reason in value.items():
        if clause not in ISO9001_CLAUSES:
            raise ConfigError(
                f"{where}: «not-applicable»: «{clause}» không phải điều khoản trong ma trận ({', '.join(ISO9001_CLAUSES)}); "
                f"điều khoản con không áp dụng (như 7.1.5) ghi trong tài liệu phạm vi HTQLCL / "
                f"not a clause of the matrix; a sub-clause that does not apply (such as 7.1.5) belongs in the QMS scope document"
            )
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"{where}: «not-applicable»: điều khoản {clause} cần lý do (ISO 9001 4.3) / clause {clause} needs a justification")
        result[clause] = reason.strip()
    return result
