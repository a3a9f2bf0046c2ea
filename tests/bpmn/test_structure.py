"""The BPMN package stays split by stage: one direction of imports, small modules, short functions."""

from __future__ import annotations

import ast
from pathlib import Path

import qms.bpmn

PACKAGE = Path(qms.bpmn.__file__).parent

# Earliest first: a module imports only from the modules before it (qms.bpmn.common lists the stages).
IMPORT_STAGES = [
    "codes",
    "common",
    "text",
    "diagram",
    "read_xml",
    "read_qms",
    "read_diagram",
    "map_scope",
    "map_nodes",
    "map_roles",
    "map_steps",
    "map_meta",
    "map_process",
    "write_yaml",
    "check_yaml",
    "import_",
]
EXPORT_STAGES = ["common", "routing", "export_qms", "export"]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.glob("*.py"))}


def imported(tree: ast.Module) -> set[str]:
    """The modules of qms.bpmn that ``tree`` imports."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qms.bpmn."):
            found.add(node.module.removeprefix("qms.bpmn."))
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("qms.bpmn.") for a in node.names if a.name.startswith("qms.bpmn.")}
    return found


def test_every_module_has_its_place_in_one_of_the_two_directions() -> None:
    assert set(modules()) - {"__init__"} == set(IMPORT_STAGES) | set(EXPORT_STAGES)


def test_imports_run_in_one_direction() -> None:
    for stages in (IMPORT_STAGES, EXPORT_STAGES):
        for name in stages:
            later = set(stages[stages.index(name) + 1 :])
            assert not imported(modules()[name]) & later, f"{name} imports from a later stage: {imported(modules()[name]) & later}"
    # The export and the import share only the vocabulary (and the import's text helpers).
    for name in EXPORT_STAGES[1:]:
        assert imported(modules()[name]) <= {"common", "routing", "export_qms"}, name
    for name in IMPORT_STAGES:
        assert not imported(modules()[name]) & set(EXPORT_STAGES[1:]), name


def test_modules_and_functions_stay_small() -> None:
    for name, tree in modules().items():
        lines = len((PACKAGE / f"{name}.py").read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_MODULE_LINES, f"{name}.py: {lines} lines"
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                length = (node.end_lineno or node.lineno) - start + 1
                assert length <= MAX_FUNCTION_LINES, f"{name}.py: {node.name} is {length} lines"
