"""The lock in requirements/ matches pyproject.toml, so a fresh machine installs what the project declares.

A dependency added to pyproject.toml without `bash scripts/lock.sh` would otherwise be missing on a fresh
machine (setup installs with --no-deps from the lock) while every developer's old .venv still has it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ROOT / "requirements"
ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$", re.M)


def locked(lock: str) -> dict[str, list[tuple[str, str | None, int]]]:
    """Package -> [(version, marker, number of hashes)] as written in a lock file."""
    text = (LOCKS / lock).read_text(encoding="utf-8")
    entries: dict[str, list[tuple[str, str | None, int]]] = {}
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    for block in blocks:
        match = ENTRY.match(block.splitlines()[0]) if block.strip() and not block.startswith("#") else None
        if match:
            hashes = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", block))
            entries.setdefault(canonicalize_name(match["name"]), []).append((match["version"], match["marker"], hashes))
    return entries


def version_here(entries: list[tuple[str, str | None, int]]) -> str:
    """The version this interpreter installs from the lock's (possibly marker-split) entries."""
    from packaging.markers import Marker

    env = default_environment()
    chosen = [v for v, marker, _ in entries if marker is None or Marker(marker).evaluate(env)]
    assert len(chosen) == 1, entries
    return chosen[0]


def declared(extra: str | None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [*project["dependencies"], *(project["optional-dependencies"][extra] if extra else [])]
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    return [Requirement(r) for r in [*names, *build]]


@pytest.mark.parametrize(("lock", "extra"), [("main.txt", None), ("main.txt", "pdf"), ("test.txt", "test")])
def test_every_declared_dependency_is_locked_within_its_range_with_hashes(lock: str, extra: str | None) -> None:
    entries = locked(lock)
    for requirement in declared(extra):
        name = canonicalize_name(requirement.name)
        assert name in entries, f"{requirement} is declared but not in requirements/{lock}: run bash scripts/lock.sh"
        assert requirement.specifier.contains(version_here(entries[name]), prereleases=True), (
            f"requirements/{lock} pins {name} {version_here(entries[name])}, outside {requirement.specifier}: run bash scripts/lock.sh"
        )
    assert all(hashes > 0 for versions in entries.values() for _, _, hashes in versions), "every locked file has a hash"


def test_runtime_lock_is_the_test_lock_less_the_test_tools() -> None:
    main, test = locked("main.txt"), locked("test.txt")
    assert set(main) < set(test)
    for name, versions in main.items():
        assert [v for v, _, _ in versions] == [v for v, _, _ in test[name]], name
    assert {"hypothesis", "jsonschema", "pm4py"} <= set(test) - set(main)
    assert "playwright" in main  # the pdf extra: qms handbook pdf works after the README's setup


def test_setup_installs_exactly_the_lock() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r" in setup
    assert "--no-deps --no-build-isolation -e ." in setup
