"""Property-based tests: whatever a user writes, the pipeline answers with diagnostics, never a crash.

Hypothesis feeds random YAML text and bytes to the loader, and random mutations of real processes
(the shipped ones and the test fixtures) through load, check, flowchart, BPMN export and import:
nothing raises, every diagnostic points into the file, and what is exported parses (DOT through
graphviz, BPMN as XML, re-imported YAML as a process).

Examples are derandomized (the same every run, so CI never turns red by chance); set
``QMS_HYPOTHESIS=explore`` to search new random examples locally, many more of them.
"""

from __future__ import annotations

import copy
import os
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, VALID
from qms.bpmn import bpmn_to_process_yaml, process_to_bpmn
from qms.diagnostics import LoadCode
from qms.graph import build_graph
from qms.load import load_paths
from qms.load.source import SourceError, parse_document, read_document
from qms.render.flowchart import flowchart_dot, render
from qms.rules.engine import check_processes

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=120, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", deadline=None, max_examples=2_000, suppress_health_check=[HealthCheck.too_slow])
EXPLORE = os.environ.get("QMS_HYPOTHESIS") == "explore"
settings.load_profile("explore" if EXPLORE else "ci")
SCALE = 20 if EXPLORE else 1  # tests that set their own number of examples get this many times more

LOAD_CODES = {c.value for c in LoadCode}

# --- random YAML --------------------------------------------------------------------

# Pieces of YAML syntax, so random text reaches deep into the parser instead of failing on the first byte.
YAML_TOKENS = [
    "\n", "  ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a", "!!str ", "!x ", "|\n", ">-\n",
    '"', "'", "#", "---\n", "...\n", "%YAML 1.2\n", "\t", "\\", "\\ud800", "\\x01", "\\0", "\\uFFFE", "code", "steps",
    "id", "next", "type", "start", "end", "null", "~", "1e400", "9" * 60, "-0", "ệ", "e\u0302\u0323", "\u202e", "\ufeff",
]
yaml_text = st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=4), max_size=60).map("".join)


def assert_points_into(diagnostic: Any, text: str) -> None:
    assert diagnostic.code in LOAD_CODES, diagnostic
    lines = text.split("\n")
    assert 1 <= diagnostic.location.line <= len(lines) + 1, diagnostic
    assert diagnostic.location.column >= 1, diagnostic
    assert diagnostic.message.vi and diagnostic.message.en


@given(yaml_text)
def test_any_yaml_text_reads_or_gets_a_located_load_error(text: str) -> None:
    try:
        parse_document(text, Path("random.yaml"))
    except SourceError as refused:
        assert_points_into(refused.diagnostic, text)


@given(st.binary(max_size=300) | yaml_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_load_to_diagnostics_never_an_exception(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.yaml"
        path.write_bytes(raw)
        result = load_paths([path])
        assert path.read_bytes() == raw  # never changed
    assert result.processes or result.diagnostics
    for diagnostic in result.diagnostics:
        assert diagnostic.code.startswith("QMS0") and diagnostic.location.line >= 1, diagnostic


# --- mutations of real processes -------------------------------------------------------

BASES = sorted((ROOT / "processes").glob("*.yaml")) + [VALID / "full.yaml", VALID / "minimal.yaml"]


def base_documents() -> list[dict[str, Any]]:
    return [read_document(path).data for path in BASES]


DOCUMENTS = base_documents()

HOSTILE_TEXT = [
    "<script>alert(1)</script>", 'a&b<c>"\'', "{x|y} <z>", "\\l\\N\\G", "javascript:alert(1)", "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>", "]]>", "--", "Tie\u0302\u0301ng Vie\u0323\u0302t", "\u202eRTL", "🙂", "x" * 3_000, "", " ",
    "1e400", "-0", "9" * 80, "null", "yes", "2025-07-01", "1.10", "#", ": ", "- ", "*a", "&a", "%", "`", "\u2028", "\u00a0",
]
scalars = st.sampled_from(HOSTILE_TEXT) | st.text(max_size=12) | st.integers(-(10**20), 10**20) | st.booleans() | st.none()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in nested dicts and lists."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_in(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_in(value, (*prefix, index))
    return found


# Fields that name something (ids, references, codes, enumerations): text written anywhere else is free text.
NAMING_FIELDS = {"id", "code", "next", "role", "owner", "type", "status", "calls", "support", "controls", "records", "rule",
                 "approved_by", "starts_at", "stops_at", "through", "kind", "version", "legal_basis", "kpis", "signed_by"}


def is_free_text(data: Any, path: tuple[Any, ...]) -> bool:
    value = data
    for part in path:
        value = value[part]
    return isinstance(value, str) and not any(isinstance(p, str) and p in NAMING_FIELDS for p in path) and not isinstance(path[-1], int)


@st.composite
def mutated_processes(draw: st.DrawFn) -> dict[str, Any]:
    """A real process with a few random edits: a value replaced, a field removed, a step copied, ids swapped."""
    data = copy.deepcopy(draw(st.sampled_from(DOCUMENTS)))
    # Half the time only free text changes, so that most such processes stay valid and reach every output.
    text_only = draw(st.booleans())
    for _ in range(draw(st.integers(1, 4))):
        candidates = [p for p in paths_in(data)[1:] if not text_only or is_free_text(data, p)]
        if not candidates:
            break
        path = draw(st.sampled_from(candidates))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = draw(st.sampled_from(["nfd", "append"] if text_only else ["replace", "remove", "copy", "nfd", "append"]))
        if action == "replace":
            parent[last] = draw(values)
        elif action == "remove":
            del parent[last]
        elif action == "copy" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif action == "nfd" and isinstance(parent[last], str):
            parent[last] = unicodedata.normalize("NFD", parent[last])
        elif action == "append" and isinstance(parent[last], str):
            parent[last] = parent[last] + draw(st.sampled_from(HOSTILE_TEXT))
    return data


def load_text(text: str) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.yaml"
        path.write_text(text, encoding="utf-8")
        return load_paths([path])


@settings(max_examples=150 * SCALE)
@given(mutated_processes())
def test_mutated_processes_load_check_draw_and_export(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    result = load_text(text)
    for diagnostic in result.diagnostics:
        assert_points_into(diagnostic, text)
    for process in result.processes:
        build_graph(process)
        for finding in check_processes([process]):
            assert finding.rule != "QMS099", finding.render("en")  # a rule crashed
        flowchart_dot(process)  # DOT text for every process; graphviz runs on a sample below
        bpmn = process_to_bpmn(process)
        ET.fromstring(bpmn)  # what is exported parses
        reimported, _notes = bpmn_to_process_yaml(bpmn)
        back = load_text(reimported)
        assert back.diagnostics == [], [d.render("en") for d in back.diagnostics]
        assert [s.id for s in back.processes[0].steps] == [s.id for s in process.steps]


@settings(max_examples=15 * SCALE)
@given(mutated_processes())
def test_mutated_processes_draw_with_graphviz_into_svg_that_parses(data: dict[str, Any]) -> None:
    result = load_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    for process in result.processes:
        ET.fromstring(render(process, "svg"))
