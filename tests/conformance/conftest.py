"""The conformance fixtures: QT-THU-01 (which calls QT-THU-VB) and a log of 11 hand-made dossiers (events.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qms.load import load_paths
from qms.model import Process

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def processes() -> dict[str, Process]:
    result = load_paths([FIXTURES / "QT-THU-01.yaml", FIXTURES / "QT-THU-VB.yaml"])
    assert not result.diagnostics
    return result.by_code()


@pytest.fixture(scope="session")
def process(processes: dict[str, Process]) -> Process:
    return processes["QT-THU-01"]
