"""Create a working qms project in a folder (``qms init``): never an overwrite.

A project made here passes ``qms validate``, ``qms check`` (no finding at all), ``qms audit`` and
``qms handbook build`` as it stands, so an officer who installed qms with pip alone starts from
something that works and changes it step by step:

- ``processes/QT-MAU-01.yaml``: a commented example process (the ``qms new process`` scaffold,
  completed so that no rule has anything to say);
- ``features/quy_trinh_mau.feature``: one audit criterion that this example meets;
- ``mkdocs.yml`` and ``docs/gioi-thieu.md``: the handbook site, offline, with the qms plugin (which writes the
  staff's home page, :mod:`qms.handbook.pages.staff_home`);
- ``qms.toml``: the rule configuration, its keys commented;
- ``schema/*.json`` and ``.vscode/settings.json``: the JSON Schemas, associated with the folders
  for VS Code's YAML extension;
- ``.pre-commit-config.yaml``: a local hook running ``qms validate`` and ``qms check`` on the
  process files a commit changes;
- ``.gitignore``: what qms generates.

The JSON Schemas are generated from the installed models (as ``qms schema --out`` does) rather
than copied from package data: they always describe the format of the qms that wrote them, and no
second copy of them can drift in the wheel. An existing file is never touched, whatever it holds:
it is reported as kept, so running ``qms init`` again only adds what is missing; in a folder whose
``processes/`` holds processes already, the example and its criterion are not added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from importlib import resources
from pathlib import Path
from string import Template

from qms.assessment.schema import assessment_json_schema_text
from qms.plan.schema import plan_json_schema_text
from qms.records.schema import SCHEMAS as RECORD_SCHEMAS
from qms.records.schema import records_json_schema_text
from qms.schema import process_json_schema_text

EXAMPLE_PROCESS = "QT-MAU-01"
# Package data holds no dot files (and a glob would miss them), so the templates have plain names.
TEMPLATES: dict[str, str] = {
    f"processes/{EXAMPLE_PROCESS}.yaml": f"{EXAMPLE_PROCESS}.yaml",
    "features/quy_trinh_mau.feature": "quy_trinh_mau.feature",
    "mkdocs.yml": "mkdocs.yml",
    "docs/gioi-thieu.md": "gioi-thieu.md",
    "qms.toml": "qms.toml",
    ".vscode/settings.json": "vscode-settings.json",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".gitignore": "gitignore",
}


def _schemas() -> dict[str, Callable[[], str]]:
    """The schema files the templates name (process files' first line, .vscode/settings.json), and their makers."""
    schemas: dict[str, Callable[[], str]] = {
        "schema/process.schema.json": process_json_schema_text,
        "schema/plan.schema.json": plan_json_schema_text,
        "schema/assessment.schema.json": assessment_json_schema_text,
    }
    for name in RECORD_SCHEMAS:
        schemas[f"schema/{name}"] = partial(records_json_schema_text, name)
    return schemas


def template_text(name: str) -> str:
    return resources.files("qms.templates").joinpath("project", name).read_text(encoding="utf-8")


def project_files(today: date | None = None) -> dict[str, str]:
    """Every file of a new project: its path from the project folder (``/``-separated), and its text."""
    day = (today or date.today()).isoformat()
    files = {path: template_text(name) for path, name in TEMPLATES.items()}
    # Only the example process has placeholders (its dates); the others keep every «$» (the hooks' regular expressions).
    example = f"processes/{EXAMPLE_PROCESS}.yaml"
    files[example] = Template(files[example]).substitute(today=day)
    files.update({path: make() for path, make in _schemas().items()})
    return files


@dataclass
class InitResult:
    folder: Path
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # there already: left exactly as they were
    # The example and its criterion, not added beside processes the project has already (the criterion names the example).
    omitted: list[Path] = field(default_factory=list)


class ProjectError(Exception):
    """A file of the project could not be written (a folder in the way, no permission, a full disk)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


EXAMPLE_FILES = (f"processes/{EXAMPLE_PROCESS}.yaml", "features/quy_trinh_mau.feature")


def has_processes(folder: Path) -> bool:
    """Whether ``folder/processes`` holds a process file already (the project is not new)."""
    processes = folder / "processes"
    return processes.is_dir() and any(p.suffix in (".yaml", ".yml") for p in processes.rglob("*"))


def init_project(folder: Path, today: date | None = None) -> InitResult:
    """Write the files of a new project into ``folder`` (made if missing), skipping every file that exists.

    When ``processes/`` has process files already, the example process and its criterion are left out, so
    an example deleted once the real processes were written does not come back with the next run.
    """
    result = InitResult(folder)
    omit = EXAMPLE_FILES if has_processes(folder) else ()
    for relative, text in project_files(today).items():
        target = folder.joinpath(*relative.split("/"))
        if target.exists() or target.is_symlink():  # a dangling link is someone's too
            result.kept.append(target)
        elif relative in omit:
            result.omitted.append(target)
        else:
            (result.created if _write_new(target, text) else result.kept).append(target)
    return result


def _write_new(target: Path, text: str) -> bool:
    """Write ``target`` unless it exists (False then); a failure to write is a :class:`ProjectError` naming the path."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # a file where a folder should be: FileExistsError
    except OSError as exc:
        raise ProjectError(Path(exc.filename or target.parent), exc.strerror or str(exc)) from None
    try:
        # "x": never overwrite, even a file made since the check; "\n": the same bytes on Windows, for git
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    except OSError as exc:
        raise ProjectError(Path(exc.filename or target), exc.strerror or str(exc)) from None
    return True
