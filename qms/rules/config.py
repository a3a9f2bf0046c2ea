"""Project configuration of the rules: which run, at what severity.

Read from ``[tool.qms]`` in ``pyproject.toml`` or from ``qms.toml`` (same
keys at the top level), found in the current folder or its parents::

    [tool.qms]
    select = ["QMS1", "QMS2"]      # rule codes or prefixes; default: all
    ignore = ["QMS604"]            # codes or prefixes never run
    fail-on = "warning"            # error (default) | warning | info | never
    [tool.qms.severity]
    QMS301 = "error"               # re-grade a rule
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
        raise ConfigError(f"{path}: {exc}") from None
    table = data.get("tool", {}).get("qms", {}) if path.name == "pyproject.toml" else data
    return parse_config(table, path)


def parse_config(table: dict[str, Any], source: Path | None = None) -> RuleConfig:
    where = str(source or "config")
    known = {"select", "ignore", "severity", "fail-on"}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(known))}")

    def codes(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f'{where}: «{key}» must be a list of rule codes, e.g. ["QMS1", "QMS203"]')
        return tuple(v.strip().upper() for v in value)

    severity: dict[str, Severity] = {}
    for code, level in dict(table.get("severity", {})).items():
        try:
            severity[code.upper()] = Severity(level)
        except ValueError:
            raise ConfigError(f"{where}: severity of {code} must be error, warning or info, not «{level}»") from None
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}, not «{fail_on}»")
    return RuleConfig(codes("select"), codes("ignore"), severity, fail_on, source)
