"""A package's public names imported when first used, not with the package (PEP 562).

Importing any module of a package runs the package's ``__init__`` first; when that
imports every submodule to re-export their names, ``qms validate`` pays for networkx,
DuckDB and python-docx it never uses, and ``qms --version`` for all of it (issue 15,
fast start). A package lists where each name lives instead::

    if TYPE_CHECKING:  # what type checkers and readers see
        from qms.report.coverage import CoverageRow, coverage_matrix
    __getattr__ = lazy_names(__name__, {"qms.report.coverage": ("CoverageRow", "coverage_matrix")})

and ``from qms.report import coverage_matrix`` imports :mod:`qms.report.coverage` alone.
This module imports nothing of qms, so every layer may use it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module


def lazy_names(package: str, origins: Mapping[str, tuple[str, ...]]) -> Callable[[str], object]:
    """The module ``__getattr__`` of ``package``: each name of ``origins`` (module -> names) imported when first asked for."""
    where = {name: module for module, names in origins.items() for name in names}
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value  # found once; later lookups do not come here
        return value

    return __getattr__
