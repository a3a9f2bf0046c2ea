"""The exported BPMN passes the bpmn.io tools: bpmn-moddle reads it without warnings and
bpmnlint's recommended rules find nothing, warnings included (tools/bpmn-check/check.mjs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bpmn_helpers import ROOT, all_processes

from qms.bpmn import export_processes

CHECKER = ROOT / "tools" / "bpmn-check"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node is not installed: the bpmn.io checks need Node.js 20+ (apt-get install nodejs npm)"),
    pytest.mark.skipif(
        not (CHECKER / "node_modules" / "bpmnlint").is_dir(),
        reason="tools/bpmn-check/node_modules is missing: run `npm ci` in tools/bpmn-check (scripts/setup.sh --test does)",
    ),
]


def check(*files: Path) -> subprocess.CompletedProcess[str]:
    assert NODE is not None
    return subprocess.run(
        [NODE, str(CHECKER / "check.mjs"), "--strict", *map(str, files)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_every_exported_process_passes_bpmn_moddle_and_bpmnlint_recommended(tmp_path: Path) -> None:
    files = [*export_processes(all_processes(), tmp_path / "vi", "vi"), *export_processes(all_processes(), tmp_path / "en", "en")]
    assert len(files) >= 4
    result = check(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(files)} file(s) pass" in result.stdout


def test_the_checker_reports_problems(tmp_path: Path) -> None:
    """Not a vacuous pass: a diagram with lint errors and an unknown BPMN element fails."""
    bad = tmp_path / "bad.bpmn"
    bad.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://bpmn.io/schema/bpmn">\n'
        '  <bpmn:process id="P"><bpmn:task id="T"/><bpmn:notAnElement id="X"/></bpmn:process>\n'
        "</bpmn:definitions>\n",
        encoding="utf-8",
    )
    result = check(bad)
    assert result.returncode == 1, result.stdout + result.stderr
    for expected in ("start-event-required", "end-event-required", "label-required", "no-bpmndi", "bpmn-moddle"):
        assert expected in result.stdout, result.stdout
