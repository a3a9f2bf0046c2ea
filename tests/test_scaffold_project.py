"""qms.scaffold_project: the files of a new project, written without ever touching an existing one."""

from __future__ import annotations

import fnmatch
import json
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from qms.load import load_paths
from qms.rules.config import load_config
from qms.rules.engine import check_paths
from qms.scaffold_project import EXAMPLE_PROCESS, TEMPLATES, ProjectError, init_project, project_files
from qms.schema import process_json_schema_text

DAY = date(2026, 3, 2)


def test_a_new_project_has_every_file_and_the_example_dates_are_today(tmp_path: Path) -> None:
    result = init_project(tmp_path / "du-an", DAY)
    written = sorted(p.relative_to(tmp_path / "du-an").as_posix() for p in result.created)
    assert written == sorted(project_files(DAY))
    assert result.kept == []
    example = (tmp_path / "du-an" / "processes" / f"{EXAMPLE_PROCESS}.yaml").read_text(encoding="utf-8")
    assert example.splitlines()[0] == "# yaml-language-server: $schema=../schema/process.schema.json"
    assert "date: 2026-03-02" in example and "$today" not in example


def test_the_example_process_is_valid_and_no_rule_finds_anything(tmp_path: Path) -> None:
    init_project(tmp_path, DAY)
    loaded = load_paths([tmp_path / "processes"])
    assert loaded.diagnostics == [] and [p.code for p in loaded.processes] == [EXAMPLE_PROCESS]
    config = load_config(tmp_path / "qms.toml")
    report = check_paths([tmp_path / "processes"], config, DAY)
    assert report.findings == [] and report.load_diagnostics == []


def test_the_schemas_are_the_installed_models(tmp_path: Path) -> None:
    init_project(tmp_path, DAY)
    assert (tmp_path / "schema" / "process.schema.json").read_text(encoding="utf-8") == process_json_schema_text()
    for name in ("plan", "assessment", "audit-programme", "audit-record"):
        assert (tmp_path / "schema" / f"{name}.schema.json").read_text(encoding="utf-8") == (
            ROOT / "schema" / f"{name}.schema.json"
        ).read_text(encoding="utf-8")


def test_vscode_associates_schemas_that_the_project_has(tmp_path: Path) -> None:
    init_project(tmp_path, DAY)
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert any("processes/**/*.yaml" in globs for globs in schemas.values())
    for schema in schemas:
        assert (tmp_path / schema).is_file(), schema


def test_the_pre_commit_hooks_run_validate_and_check_on_process_files_only(tmp_path: Path) -> None:
    init_project(tmp_path, DAY)
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["entry"]: hook for hook in repo["hooks"]}
    assert set(hooks) == {"qms validate", "qms check"}
    for hook in hooks.values():
        assert hook["language"] == "system"
        assert re.search(hook["files"], "processes/QT-MAU-01.yaml") and re.search(hook["files"], "processes/tthc/QT-A.yml")
        assert not re.search(hook["files"], "mkdocs.yml") and not re.search(hook["files"], "processes/logs/2026.csv")


def test_gitignore_and_config(tmp_path: Path) -> None:
    init_project(tmp_path, DAY)
    ignored = (tmp_path / ".gitignore").read_text(encoding="utf-8").split()
    assert {"build/", "site/", ".qms_cache/"} <= set(ignored)
    assert load_config(tmp_path / "qms.toml").fail_on == "error"


def test_an_existing_file_is_kept_byte_for_byte_and_the_rest_is_added(tmp_path: Path) -> None:
    (tmp_path / "qms.toml").write_text('fail-on = "warning"  # của đơn vị\n', encoding="utf-8")
    (tmp_path / "processes").mkdir()
    result = init_project(tmp_path, DAY)
    assert result.kept == [tmp_path / "qms.toml"]
    assert (tmp_path / "qms.toml").read_text(encoding="utf-8") == 'fail-on = "warning"  # của đơn vị\n'
    assert (tmp_path / "processes" / f"{EXAMPLE_PROCESS}.yaml").is_file()


def test_a_second_run_changes_nothing(tmp_path: Path) -> None:
    init_project(tmp_path, DAY)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()}
    again = init_project(tmp_path, date(2027, 1, 1))
    assert again.created == [] and len(again.kept) == len(before)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_dangling_link_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "qms.toml").symlink_to(tmp_path / "nowhere.toml")
    result = init_project(tmp_path, DAY)
    assert tmp_path / "qms.toml" in result.kept and not (tmp_path / "nowhere.toml").exists()


def test_a_file_where_a_folder_belongs_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "processes").write_text("không phải thư mục\n", encoding="utf-8")
    with pytest.raises(ProjectError) as raised:
        init_project(tmp_path, DAY)
    assert raised.value.path == tmp_path / "processes"
    assert (tmp_path / "processes").read_text(encoding="utf-8") == "không phải thư mục\n"


def test_every_template_is_package_data() -> None:
    """A wheel carries qms/templates/project/*: the package-data pattern covers every template the project uses."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["qms.templates"]
    for name in TEMPLATES.values():
        assert (ROOT / "qms" / "templates" / "project" / name).is_file(), name
        assert any(fnmatch.fnmatch(f"project/{name}", pattern) for pattern in patterns), name
        assert not name.startswith("."), name  # setuptools' globs skip dot files


def test_beside_existing_processes_the_example_and_its_criterion_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "processes" / "tthc").mkdir(parents=True)
    (tmp_path / "processes" / "tthc" / "QT-TTHC-01.yaml").write_text("code: QT-TTHC-01\n", encoding="utf-8")
    result = init_project(tmp_path, DAY)
    assert result.omitted == [tmp_path / "processes" / f"{EXAMPLE_PROCESS}.yaml", tmp_path / "features" / "quy_trinh_mau.feature"]
    assert not (tmp_path / "processes" / f"{EXAMPLE_PROCESS}.yaml").exists() and not (tmp_path / "features").exists()
    assert (tmp_path / "mkdocs.yml").is_file() and (tmp_path / "schema" / "process.schema.json").is_file()


def test_an_example_deleted_after_the_real_processes_came_does_not_come_back(tmp_path: Path) -> None:
    init_project(tmp_path, DAY)
    (tmp_path / "processes" / f"{EXAMPLE_PROCESS}.yaml").unlink()
    (tmp_path / "processes" / "QT-VB-01.yaml").write_text("code: QT-VB-01\n", encoding="utf-8")
    again = init_project(tmp_path, DAY)
    assert again.created == [] and tmp_path / "processes" / f"{EXAMPLE_PROCESS}.yaml" in again.omitted
