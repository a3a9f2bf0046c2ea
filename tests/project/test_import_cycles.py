"""No import cycles in qms: the import graph of every module, built from the source with ast, is acyclic.

An edge is an ``import`` or ``from … import`` a module runs, at the top or
inside a function (a late import still ties the two modules together), and a
name in ``pytest_plugins`` (pytest imports it for the plugin). Imports under
``if TYPE_CHECKING:`` never run and do not count; neither does a module's
own package, which Python always imports first.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "qms"


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _from(node: ast.ImportFrom, module: str) -> Iterator[str]:
    if node.level:
        base = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
        source = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    submodules = [f"{source}.{a.name}" for a in node.names if f"{source}.{a.name}" in MODULES]
    yield from submodules
    if len(submodules) < len(node.names):
        yield source


def imported(module: str) -> Iterator[str]:
    """Every module name ``module`` imports, as written (resolved to qms modules by :func:`import_graph`)."""
    nodes: list[ast.AST] = list(ast.parse(MODULES[module].read_text(encoding="utf-8")).body)
    while nodes:
        node = nodes.pop()
        if isinstance(node, ast.If) and _type_checking(node):
            nodes.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield from _from(node, module)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytest_plugins" for t in node.targets):
            yield from (c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str))
        nodes.extend(ast.iter_child_nodes(node))


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for module in MODULES:
        graph.add_node(module)
        for name in imported(module):
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module and not module.startswith(name + "."):
                graph.add_edge(module, name)
    return graph


def cycles(graph: nx.DiGraph) -> list[set[str]]:
    return [set(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]


def test_the_graph_sees_the_imports() -> None:
    graph = import_graph()
    assert graph.has_edge("qms.audit.plugin", "qms.audit.steps")  # pytest_plugins
    assert graph.has_edge("qms.audit.steps", "qms.audit.checks")  # from qms.audit import checks
    assert graph.has_edge("qms.audit.checks.conformity", "qms.rules.engine")  # a late import
    assert graph.has_edge("qms.rules.responsibility.qms204_drafter_not_approver", "qms.domain")


def test_the_audit_modules_import_without_a_cycle() -> None:
    graph = import_graph()
    audit = [m for m in graph if m == "qms.audit" or m.startswith("qms.audit.")]
    found = [c for c in cycles(graph) if c & set(audit)]
    assert not found, [sorted(c) for c in found]


def test_qms_has_no_import_cycle() -> None:
    found = cycles(import_graph())
    assert not found, [sorted(c) for c in found]


def test_the_domain_sits_below_rules_and_audit() -> None:
    graph = import_graph()
    domain = [m for m in graph if m == "qms.domain" or m.startswith("qms.domain.")]
    above = {m for d in domain for m in nx.descendants(graph, d) if m.startswith(("qms.rules", "qms.audit"))}
    assert not above, sorted(above)


def test_each_audit_module_imports_first_in_a_fresh_interpreter() -> None:
    """Whichever module is imported first, it loads: no half-initialised module on a cycle."""
    audit = sorted(m for m in MODULES if m == "qms.audit" or m.startswith("qms.audit."))
    script = (
        "import importlib, sys\n"
        f"for name in {audit!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'qms' or m.startswith('qms.')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
