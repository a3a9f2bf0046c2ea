"""Shared helpers: fixture paths, running the ``qms`` command, building processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from copy import deepcopy
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from qms.diagnostics import Diagnostic
from qms.load import load_paths
from qms.model import Process

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
CROSS_FILE = FIXTURES / "cross_file"


@pytest.fixture(autouse=True)
def _no_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages are Vietnamese unless a test asks otherwise, whatever the developer's shell says."""
    monkeypatch.delenv("QMS_LANG", raising=False)
    monkeypatch.delenv("QMS_DEBUG", raising=False)
    # No results cache (.qms_cache/) unless a test asks for one: commands run in the repository must not leave one
    # there, and results must not come from another test's run (tests/load/test_cache.py tests the cache itself).
    monkeypatch.setenv("QMS_NO_CACHE", "1")


# --- running the command -------------------------------------------------------


def qms_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QMS_LANG", "QMS_DEBUG")}
    env.update(PYTHONIOENCODING="utf-8", NO_COLOR="1", COLUMNS="200", QMS_NO_CACHE="1")  # see _no_language_from_the_environment
    env.update(extra)
    return env


def run_qms(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``python -m qms ARGS`` in a fresh interpreter, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "qms", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        env=env or qms_env(),
        timeout=timeout,
    )


def run_qms_many(commands: Sequence[Sequence[str | Path]], cwd: Path | None = None) -> list[subprocess.CompletedProcess[str]]:
    """Run several ``python -m qms`` commands at once (each interpreter takes ~0.5 s to start)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "qms", *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=cwd or ROOT,
            env=qms_env(),
        )
        for args in commands
    ]
    results = []
    for args, proc in zip(commands, procs, strict=True):
        out, err = proc.communicate(timeout=60)
        results.append(subprocess.CompletedProcess([*map(str, args)], proc.returncode, out, err))
    return results


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert "lỗi nội bộ" not in output and "internal qms error" not in output, output


def qms_ok(*args: str | Path, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``python -m qms ARGS`` and check that, whatever its exit code, it printed no traceback."""
    result = run_qms(*args, cwd=cwd, timeout=timeout)
    assert_no_traceback(result)
    return result


# --- loading ------------------------------------------------------------------------


def diagnostics_of(*paths: Path) -> list[Diagnostic]:
    return load_paths(paths).diagnostics


def only(diagnostics: Iterable[Diagnostic]) -> Diagnostic:
    """The single diagnostic of a fixture that shows one mistake."""
    found = list(diagnostics)
    assert len(found) == 1, "\n".join(d.render("en") for d in found)
    return found[0]


def position(diagnostic: Diagnostic) -> tuple[int, int]:
    return diagnostic.location.line, diagnostic.location.column


def text_at(path: Path, line: int, column: int) -> str:
    """The rest of ``line`` from ``column`` (both from 1): what a diagnostic points at."""
    return path.read_bytes().decode("utf-8").splitlines()[line - 1][column - 1 :]


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --- building processes in memory ----------------------------------------------------

BASE_PROCESS: dict[str, Any] = {
    "code": "QT-TEST-01",
    "title": "Quy trình thử nghiệm",
    "version": "1.0",
    "status": "draft",
    "owner": "mot-cua",
    "roles": {"mot-cua": "Công chức Bộ phận Một cửa", "chuyen-vien": "Chuyên viên thụ lý", "lanh-dao": "Lãnh đạo"},
    "steps": [
        {"id": "bat-dau", "type": "start", "name": "Bắt đầu", "role": "mot-cua", "next": "ket-thuc"},
        {"id": "ket-thuc", "type": "end", "name": "Kết thúc", "role": "mot-cua"},
    ],
}


def process_data(**fields: Any) -> dict[str, Any]:
    data = deepcopy(BASE_PROCESS)
    data.update(fields)
    return data


def step(id_: str, type_: str = "task", **fields: Any) -> dict[str, Any]:
    """A step as written in a file; ``next`` and ``branches`` given as keywords."""
    return {"id": id_, "type": type_, "name": fields.pop("name", id_), **fields}


def make_process(steps: list[dict[str, Any]] | None = None, **fields: Any) -> Process:
    data = process_data(**fields)
    if steps is not None:
        data["steps"] = steps
    return Process.model_validate(data)


# --- the log generator (benchmarks/generate_log.py is a script, not a package) ---------------------


def log_generator() -> Any:
    """benchmarks/generate_log.py as a module, loaded once."""
    if "generate_log" in sys.modules:
        return sys.modules["generate_log"]
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_log", ROOT / "benchmarks" / "generate_log.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_log"] = module
    spec.loader.exec_module(module)
    return module


# --- a small handbook project built with mkdocs (the plugin's page options) -----------------------------


def handbook_project(tmp_path: Path, plugin_options: str, copies: Sequence[str] = ()) -> Path:
    """A project in ``tmp_path``: the shipped processes, ``copies`` (paths from the repository root), an index page
    and a mkdocs.yml whose qms plugin has ``plugin_options`` (YAML flow text, e.g. ``"plans: [plans/KH.yaml]"``)."""
    import shutil

    shutil.copytree(ROOT / "processes", tmp_path / "processes")
    for copy in copies:
        (tmp_path / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / copy, tmp_path / copy)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Thử\ntheme: {name: material, language: vi, font: false, features: [navigation.sections]}\n"
        f"plugins: [search, {{qms: {{processes: processes, diagrams: false, {plugin_options}}}}}]\n"
        "markdown_extensions: [admonition, attr_list, tables]\n",
        encoding="utf-8",
    )
    return tmp_path


def mkdocs_build(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *options], cwd=project, capture_output=True, text=True, timeout=300)


class Markup(HTMLParser):
    """The elements (with their attributes, sorted) and the text of an HTML fragment, for allow-list checks."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, sorted(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


# --- reading YAML as an editor does (JSON Schema tests) -------------------------------------------------


class EditorLoader(yaml.SafeLoader):
    """``yaml.safe_load`` as a YAML 1.2 editor (VS Code's YAML extension) reads a file.

    YAML 1.2 has no timestamp type and only true/false are booleans, so
    ``2025-07-01`` and ``yes`` are strings there, while ``1.10`` is still
    the number 1.1: that is what the editor checks against the schema.
    """


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def as_editor_sees(path: Path) -> Any:
    """The data of ``path`` as a YAML 1.2 editor sees it, which is what it checks against a JSON Schema."""
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=EditorLoader)
