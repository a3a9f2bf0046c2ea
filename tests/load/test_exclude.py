"""``exclude`` / ``extend-exclude``: which paths discovery never reads as processes (qms.load.exclude)."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from qms.load import discover
from qms.load.exclude import DEFAULT_EXCLUDE, Exclusion, read_exclusion

PROJECT = ["processes/a.yaml", "processes/legal/b.yaml", "mkdocs.yml", "mkdocs.en.yml", "legal/register.yaml", "plans/p.yaml",
           "audits/x.yaml", "assessments/y.yaml", "site/z.yaml", "build/w.yaml", "node_modules/pkg/n.yaml", "drafts/d.yaml"]  # fmt: skip


def project(tmp_path: Path, config: str | None = None) -> Path:
    for name in PROJECT:
        write(tmp_path, name, "x: 1\n")
    if config is not None:
        write(tmp_path, "qms.toml", config)
    return tmp_path


def found(root: Path, exclusion: Exclusion, *paths: Path) -> list[str]:
    files, problems = discover(paths or [root], exclusion)
    assert problems == []
    return [f.relative_to(root).as_posix() for f in files]


def test_the_defaults_leave_only_the_processes_of_a_project_root(tmp_path: Path) -> None:
    root = project(tmp_path)
    # "/legal/" is the root's legal/ folder: a process folder of that name deeper down is still read.
    assert found(root, Exclusion(root)) == ["drafts/d.yaml", "processes/a.yaml", "processes/legal/b.yaml"]


def test_without_an_exclusion_discovery_reads_everything(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert len(discover([root])[0]) == len(PROJECT)


def test_extend_exclude_adds_to_the_defaults(tmp_path: Path) -> None:
    root = project(tmp_path, 'extend-exclude = ["drafts/", "processes/**/b.yaml"]\n')
    exclusion, problems = read_exclusion(root / "qms.toml")
    assert problems == [] and exclusion.root == root
    assert exclusion.patterns == (*DEFAULT_EXCLUDE, "drafts/", "processes/**/b.yaml")
    assert found(root, exclusion) == ["processes/a.yaml"]


def test_exclude_replaces_the_defaults(tmp_path: Path) -> None:
    root = project(tmp_path, 'exclude = ["*.yml", "/processes/legal"]\n')
    exclusion, _ = read_exclusion(root / "qms.toml")
    assert exclusion.patterns == ("*.yml", "/processes/legal")
    assert "legal/register.yaml" in found(root, exclusion)
    assert not {"mkdocs.yml", "processes/legal/b.yaml"} & set(found(root, exclusion))


def test_pyproject_keys_are_read_under_tool_qms(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool.qms]\nextend-exclude = ["drafts/"]\n')
    exclusion, problems = read_exclusion(tmp_path / "pyproject.toml")
    assert problems == [] and exclusion.patterns[-1] == "drafts/"


def test_a_path_named_on_its_own_is_read_unless_the_exclusion_is_forced(tmp_path: Path) -> None:
    root = project(tmp_path)
    named = (root / "mkdocs.yml", root / "plans", root / "processes/a.yaml")
    assert found(root, Exclusion(root), *named) == ["mkdocs.yml", "plans/p.yaml", "processes/a.yaml"]
    assert found(root, Exclusion(root, force=True), *named) == ["processes/a.yaml"]
    assert found(root, Exclusion(root, force=True), root / "legal" / "register.yaml") == []  # its folder is excluded


def test_patterns_are_relative_to_the_root_not_the_current_folder(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    assert Exclusion(root).excludes(root / "plans") and Exclusion(root).excludes(root / "plans" / "p.yaml", folders=True)
    assert not Exclusion(root).excludes(root / "plans" / "p.yaml")  # the entry alone: its folder was asked about first
    assert not Exclusion(root).excludes(tmp_path / "plans")  # outside the project: "/plans/" says nothing
    assert Exclusion(root).excludes(tmp_path / "node_modules")  # a name matches at any depth


def test_a_wrong_value_is_a_usage_problem_at_its_line(tmp_path: Path) -> None:
    write(tmp_path, "qms.toml", 'select = ["QMS1"]\nextend-exclude = "drafts/"\n')
    exclusion, (problem,) = read_exclusion(tmp_path / "qms.toml")
    assert exclusion.patterns == DEFAULT_EXCLUDE
    assert problem.location.line == 2 and problem.data == {"usage": True}
    assert problem.message.vi == "«extend-exclude» phải là một danh sách mẫu đường dẫn, không phải 'drafts/'"


def test_a_broken_configuration_is_reported_not_raised(tmp_path: Path) -> None:
    write(tmp_path, "qms.toml", "exclude = [\n")
    _, (problem,) = read_exclusion(tmp_path / "qms.toml")
    assert problem.data == {"usage": True} and "qms.toml" in problem.message.vi
