"""The examples of docs/api.md run, in order, from the project's root folder, and print what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "api.md"


def blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.S | re.M)


def test_the_page_has_examples_of_every_public_surface() -> None:
    code = "\n".join(blocks())
    assert len(blocks()) >= 6
    for surface in ("import qms", "from qms.rules import", "from qms.report import", "from qms.codes import", "from qms.diagnostics import"):
        assert surface in code, surface


def test_every_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)  # the examples name processes/ and tests/ fixtures as a user names their files
    namespace: dict[str, object] = {"__name__": "api_examples"}
    for number, block in enumerate(blocks(), start=1):
        exec(compile(block, f"{PAGE.name}, example {number}", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "QT-TTHC-01" in printed and "QMS020 error: step «tham-dihn» does not exist" in printed
    assert "QMS105 error: step «xu-ly» only leads back to itself" in printed and "QMS102 waived:" in printed
    assert "2.1.0" in printed and "QMS090 engine warning stable rules/QMS090.md" in printed
