"""The pytest plugin: entry point, processes folder, plain pytest runs of features/."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path
from types import SimpleNamespace

import pytest

from qms.audit.plugin import ENV_PROCESSES, processes_folder

from .conftest import ROOT, SHORTFALLS


def test_installed_entry_point_registers_the_plugin() -> None:
    found = [ep for ep in entry_points(group="pytest11") if ep.name == "qms"]
    assert [ep.value for ep in found] == ["qms.audit.plugin"]


def _config(option: str | None, ini: str = "processes", inipath: Path | None = ROOT / "pyproject.toml") -> SimpleNamespace:
    return SimpleNamespace(
        getoption=lambda name, default=None: option,
        getini=lambda name: ini,
        invocation_params=SimpleNamespace(dir=Path("/somewhere")),
        inipath=inipath,
        rootpath=ROOT,
    )


def test_processes_folder_option_then_environment_then_ini(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_PROCESSES, raising=False)
    assert processes_folder(_config(None)) == ROOT / "processes"
    assert processes_folder(_config(None, ini="other")) == ROOT / "other"
    monkeypatch.setenv(ENV_PROCESSES, "from-env")
    assert processes_folder(_config(None)) == Path("/somewhere/from-env")
    assert processes_folder(_config("given")) == Path("/somewhere/given")
    assert processes_folder(_config("/abs/given")) == Path("/abs/given")


def _pytest(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    environment = {k: v for k, v in os.environ.items() if k not in (ENV_PROCESSES, "QMS_LANG")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )


def test_plain_pytest_run_writes_a_report(tmp_path: Path) -> None:
    report = tmp_path / "audit.html"
    run = _pytest("features/van_thu_nd30_2020.feature", f"--qms-report={report}", "-q")
    assert run.returncode == 0, run.stdout + run.stderr
    page = report.read_text(encoding="utf-8")
    assert "Báo cáo đánh giá theo tiêu chí" in page and "Đạt" in page


def test_environment_chooses_the_processes_and_findings_read_as_findings(tmp_path: Path) -> None:
    report = tmp_path / "audit.md"
    run = _pytest("features/van_thu_nd30_2020.feature", f"--qms-report={report}", env={ENV_PROCESSES: str(SHORTFALLS)})
    assert run.returncode == 1
    # The terminal shows the criterion error as an auditor reads it, not a traceback.
    assert "không có quy trình «QT-VB-01» trong" in run.stdout and "Traceback" not in run.stdout
    assert "AUD004 Lỗi: " in run.stdout
    assert "không có quy trình «QT-VB-01»" in report.read_text(encoding="utf-8")
