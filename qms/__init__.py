"""qms: ISO 9001 / ISO 18091 process toolkit for Vietnamese public agencies.

The pipeline flows one way: ``load`` (YAML -> models) -> ``graph`` -> rules
-> outputs. Use it from Python::

    import qms
    process = qms.load("processes/QT-TTHC-01.yaml")
    graph = qms.build_graph(process)
    print(graph.longest_path)

The names above are imported when first used, not with the package: every
``qms`` command imports this package first, and ``qms --version`` should not
pay for the loader, pydantic and networkx (issue 15, fast start).
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qms.graph import ProcessGraph, build_graph
    from qms.load import LoadError, LoadResult, load, load_paths
    from qms.model import Process

    __version__: str

# The public name -> the module that defines it.
_PUBLIC = {
    "ProcessGraph": "qms.graph",
    "build_graph": "qms.graph",
    "LoadError": "qms.load",
    "LoadResult": "qms.load",
    "load": "qms.load",
    "load_paths": "qms.load",
    "Process": "qms.model",
}


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # late: 20 ms, and only --version and reports need it

    try:
        return version("qms")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0+source"


def __getattr__(name: str) -> object:
    if name == "__version__":
        value: object = _installed_version()
    elif name in _PUBLIC:
        value = getattr(import_module(_PUBLIC[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # found once; later lookups do not come here
    return value


class _Package(ModuleType):
    """The package, whose ``load`` stays the function when the submodule ``qms.load`` is imported.

    Importing a submodule binds it on its package (``qms.load = <module qms.load>``); with
    the names imported eagerly, the function bound afterwards won. Now the submodule is
    usually imported first, so that binding is refused and ``qms.load`` is looked up, lazily,
    as the function, as before.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _PUBLIC and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = ["LoadError", "LoadResult", "Process", "ProcessGraph", "__version__", "build_graph", "load", "load_paths"]
