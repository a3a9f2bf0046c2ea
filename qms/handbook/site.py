"""Build, publish and export the versioned handbook site (mkdocs + mike).

Document control (ISO 9001 7.5.3): every published handbook version stays
readable, and an auditor can ask which version was in force on a date.
mike writes each version to a git branch (``gh-pages`` by default) with a
``versions.json``; we record each version's effective date there as a
property, and :func:`export_site` turns the branch into a plain folder an
agency's own web server can serve.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qms.handbook.editions import EDITION_ENV
from qms.handbook.publishing import FORCED_ENV

BRANCH = "gh-pages"
# mike has no ``python -m mike``; run its entry point with this interpreter so the venv's mike is used.
MIKE = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())"]


class SiteError(Exception):
    """A build, publish or export step failed; the message says which and why."""


def tool_env() -> dict[str, str]:
    """The environment for mkdocs and mike run from qms."""
    # mike runs the «mkdocs» command: find the one installed beside this interpreter (a venv not on PATH).
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    # Material prints an end-of-life banner on every build; the handbook issue tracks the move to Zensical.
    return {**os.environ, "PATH": path, "NO_MKDOCS_2_WARNING": "1"}


def _run(args: list[str], cwd: Path, what: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(args, cwd=cwd, capture_output=True, env={**tool_env(), **(env or {})}, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SiteError(f"{what}: {exc}") from None
    if done.returncode != 0:
        output = (done.stdout + done.stderr).decode("utf-8", errors="replace").strip()
        raise SiteError(f"{what}:\n{output}")
    return done


def build_site(config_file: Path, site_dir: Path | None = None) -> Path:
    """``mkdocs build --strict``, then the English edition into ``en/`` when ``mkdocs.en.yml`` is beside the config."""
    site = (site_dir or config_file.parent / "build" / "site").resolve()
    _run(_mkdocs_build(config_file, site), config_file.parent, "mkdocs build", {EDITION_ENV: "1"})  # the English below
    english = config_file.with_name(config_file.stem + ".en.yml")
    if english.is_file():  # after the main build, which empties its site folder first
        _run(_mkdocs_build(english, site / "en"), config_file.parent, "mkdocs build (English)")
    return site


def _mkdocs_build(config_file: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config_file), "--site-dir", str(site)]


def publish(
    config_file: Path,
    version: str,
    effective: date | None = None,
    aliases: tuple[str, ...] = ("latest",),
    branch: str = BRANCH,
    commit: str | None = None,
    forced: str | None = None,
) -> None:
    """Deploy the handbook as ``version`` (and aliases) to ``branch`` with mike; copies, not symlinks, for any web server.

    The version records its effective date (also in its title, which the version selector shows) and the ``commit``
    it was built from; ``forced`` is why it was published despite :mod:`qms.handbook.publishing`'s checks, which every
    page then says.
    """
    args = [*MIKE, "deploy", "--config-file", str(config_file), "--branch", branch, "--alias-type", "copy", "--update-aliases"]
    if effective is not None:
        args += ["--prop-set-string", f"effective={effective.isoformat()}", "--title", f"{version} ({effective:%d/%m/%Y})"]
    if commit is not None:
        args += ["--prop-set-string", f"commit={commit}"]
    env = {FORCED_ENV: forced} if forced else {}
    _run([*args, version, *aliases], config_file.parent, "mike deploy", env)
    if aliases:
        _run([*MIKE, "set-default", "--config-file", str(config_file), "--branch", branch, aliases[0]], config_file.parent, "mike set-default")


@dataclass(frozen=True)
class PublishedVersion:
    version: str
    title: str
    aliases: tuple[str, ...]
    effective: date | None


def published_versions(repo: Path, branch: str = BRANCH) -> list[PublishedVersion]:
    done = _run(["git", "show", f"{branch}:versions.json"], repo, "git show versions.json")
    versions = []
    for entry in json.loads(done.stdout.decode("utf-8")):
        effective = (entry.get("properties") or {}).get("effective")
        versions.append(
            PublishedVersion(entry["version"], entry.get("title", entry["version"]), tuple(entry.get("aliases", ())), date.fromisoformat(effective) if effective else None)
        )
    return versions


def version_in_force(repo: Path, day: date, branch: str = BRANCH) -> PublishedVersion | None:
    """The published version with the latest effective date on or before ``day``."""
    dated = [v for v in published_versions(repo, branch) if v.effective is not None and v.effective <= day]
    return max(dated, key=lambda v: v.effective or date.min, default=None)


def export_site(repo: Path, target: Path, branch: str = BRANCH) -> Path:
    """Write the content of the published branch (every version) into ``target``."""
    done = _run(["git", "archive", "--format=tar", branch], repo, "git archive")
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(target, filter="data")  # "data" refuses absolute paths, links out of target, devices
    return target
