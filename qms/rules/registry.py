"""Find the rules: every ``Rule`` subclass in a module under ``qms.rules``.

Adding a rule means adding one module (and its test); nothing else lists
rules, so the catalogue, the documentation and the coverage matrix cannot
forget one.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import qms.rules as package
from qms.diagnostics import CodeInfo
from qms.rules.base import Rule

_INFRASTRUCTURE = {"base", "registry", "engine", "engine_codes", "config", "config_problems", "toml_lines"}


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, sorted by code; fails loudly on two rules sharing a code."""
    for info in pkgutil.walk_packages(package.__path__, prefix="qms.rules."):
        if info.name.rsplit(".", 1)[-1] not in _INFRASTRUCTURE:
            importlib.import_module(info.name)
    found: dict[str, type[Rule]] = {}
    stack = list(Rule.__subclasses__())
    while stack:
        cls = stack.pop()
        stack += cls.__subclasses__()
        # Only rules shipped in this package: a subclass defined elsewhere (a test, a plugin
        # experiment) must not change the catalogue that documentation and coverage show.
        if "code" not in cls.__dict__ or not cls.__module__.startswith(package.__name__ + "."):
            continue
        if cls.code in found and found[cls.code] is not cls:
            raise RuntimeError(f"two rules share the code {cls.code}: {found[cls.code].__name__}, {cls.__name__}")
        found[cls.code] = cls
    return tuple(found[code] for code in sorted(found))


def rule_by_code(code: str) -> type[Rule] | None:
    wanted = code.strip().upper()
    return next((r for r in all_rules() if r.code == wanted or r.name == code.strip().lower()), None)


def rule_code_table() -> tuple[CodeInfo, ...]:
    """Every rule's entry in the code registry (:mod:`qms.codes`); the engine's own codes are in :mod:`qms.rules.engine_codes`."""
    return tuple(rule.code_info() for rule in all_rules())
