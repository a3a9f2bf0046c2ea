"""qms: ISO 9001 / ISO 18091 process toolkit for Vietnamese public agencies.

The pipeline flows one way: ``load`` (YAML -> models) -> ``graph`` -> rules
-> outputs. Use it from Python::

    import qms
    process = qms.load("processes/QT-TTHC-01.yaml")
    graph = qms.build_graph(process)
    print(graph.longest_path)
"""

from importlib.metadata import PackageNotFoundError, version

from qms.graph import ProcessGraph, build_graph
from qms.load import LoadError, LoadResult, load, load_paths
from qms.model import Process

try:
    __version__ = version("qms")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

__all__ = ["LoadError", "LoadResult", "Process", "ProcessGraph", "__version__", "build_graph", "load", "load_paths"]
