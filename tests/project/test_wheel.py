"""qms as a user gets it from pip: the built wheel, not this checkout, makes a project that works.

The wheel is built from the repository (setuptools, as locked) and installed without dependencies into a folder that
is put first on ``PYTHONPATH``, so the commands below run the wheel's qms, not the editable one; its dependencies
come from the test environment. A file the package needs at run time but the wheel leaves out (templates, message
catalogues, rule examples, the default legal register, the theme) makes one of the commands fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(folder / "dist"), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (folder / "dist").glob("qms-*.whl")
    site = folder / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return wheel, site


def test_the_wheel_carries_the_files_qms_reads_at_run_time(installed: tuple[Path, Path]) -> None:
    names = set(zipfile.ZipFile(installed[0]).namelist())
    for needed in (
        "qms/locale/en/LC_MESSAGES/qms.mo",
        "qms/templates/process.yaml",
        "qms/templates/project/mkdocs.yml",
        "qms/legal/data/default_register.yaml",
        "qms/assessment/indicators.yaml",
        "qms/handbook/theme/main.html",
    ):
        assert needed in names, needed
    assert any(n.startswith("qms/rules/") and n.endswith("/examples/QMS101/invalid.yaml") for n in names)


def test_a_project_made_by_the_wheels_qms_init_validates_checks_audits_and_builds(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, site = installed
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("QMS_LANG", None)
    project = tmp_path / "Sở Tư pháp"  # a folder name with a space and Vietnamese letters

    def qms(*args: str, cwd: Path = project) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "qms", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)

    where = subprocess.run(
        [sys.executable, "-c", "import qms; print(qms.__file__)"], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert where.stdout.strip().startswith(str(site)), where.stdout  # the wheel's qms, not this checkout's
    init = qms("init", str(project), cwd=tmp_path)
    assert init.returncode == 0, init.stdout + init.stderr
    for args in (("validate",), ("check",), ("audit",), ("handbook", "build")):
        done = qms(*args)
        assert done.returncode == 0, (args, done.stdout + done.stderr)
    assert (project / "build" / "site" / "index.html").is_file()
