"""A cold check on several processes (``qms.rules.parallel``): the same report, in the same order, as on one."""

from __future__ import annotations

import multiprocessing
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

import pytest

from qms.load.cache import open_cache
from qms.report.formats import report_json, report_junit, report_sarif
from qms.rules import parallel
from qms.rules.cached import check_paths_cached
from qms.rules.config import RuleConfig
from qms.rules.engine import CheckReport, check_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate

DAY = date(2026, 3, 1)


def _outputs(report: CheckReport) -> tuple[object, ...]:
    return (
        [d.render("en") for d in report.diagnostics],
        report_json(report, "vi"),
        report_sarif(report, "en"),
        report_junit(report, "vi"),
        report.fails("warning"),
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated processes (each calling the one before), some broken in each way that changes the catalogue."""
    folder = tmp_path_factory.mktemp("tree") / "processes"
    files = generate(folder, 60, 12)
    files[3].write_text(files[3].read_text(encoding="utf-8").replace("steps:", "steps: [", 1), encoding="utf-8")  # YAML syntax
    files[10].write_text(
        files[10].read_text(encoding="utf-8").replace("owner: lanh-dao", "owner: nobody", 1), encoding="utf-8"
    )  # a reference
    files[20].write_text(
        files[20].read_text(encoding="utf-8").replace("code: QT-GEN-0020", "code: QT-GEN-0019", 1), encoding="utf-8"
    )  # duplicate
    text = files[30].read_text(encoding="utf-8")  # a cycle of calls: 0030 calls 0031, which calls 0030
    files[30].write_text(text.replace("calls: QT-GEN-0029", "calls: QT-GEN-0031"), encoding="utf-8")
    files[45].write_text("code: QT-GEN-0045\ntitle: x\n", encoding="utf-8")  # schema errors
    return folder


@pytest.mark.parametrize("config", [RuleConfig(), RuleConfig(ignore=("QMS3",))])
def test_two_processes_give_the_report_one_gives(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: RuleConfig) -> None:
    monkeypatch.setattr(parallel, "MIN_FILES", 10)  # 60 files are worth a pool here
    serial = check_paths_cached([tree], open_cache(tmp_path / "one"), config, DAY, jobs=1)
    spread = check_paths_cached([tree], open_cache(tmp_path / "two"), config, DAY, jobs=2)
    expected = _outputs(check_paths([tree], config, DAY))
    assert _outputs(serial) == _outputs(spread) == expected
    assert any(d.code == "QMS106" for d in spread.diagnostics) and any(d.code == "QMS021" for d in spread.diagnostics)
    warm = check_paths_cached([tree], open_cache(tmp_path / "two"), config, DAY, jobs=2)  # entries the workers made
    assert _outputs(warm) == expected


def test_a_guess_proved_wrong_is_checked_again(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QT-GEN-0011 calls QT-GEN-0010, whose broken reference the workers see only in round 2."""
    monkeypatch.setattr(parallel, "MIN_FILES", 10)
    spread = check_paths_cached([tree], open_cache(tmp_path), RuleConfig(), DAY, jobs=2)
    assert "QT-GEN-0010" not in spread.codes and "QT-GEN-0011" in spread.codes
    assert _outputs(spread) == _outputs(check_paths([tree], RuleConfig(), DAY))


def test_few_files_are_read_in_this_process(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "run_chunks", no_pool)
    report = check_paths_cached([tree], open_cache(tmp_path), RuleConfig(), DAY, jobs=2)  # 60 < MIN_FILES
    assert _outputs(report) == _outputs(check_paths([tree], RuleConfig(), DAY))


def test_the_cores_available_are_counted() -> None:
    assert parallel.available_cores() >= 1


def _slow_or_failing(chunk: list[int]) -> list[int]:
    if chunk == [0]:
        raise KeyboardInterrupt  # what Ctrl-C raises; any error takes the same way out
    time.sleep(60)
    return chunk


def test_an_interrupted_pool_leaves_no_worker_behind() -> None:
    started = time.monotonic()
    with pytest.raises((KeyboardInterrupt, BrokenProcessPool)):
        parallel.run_chunks(_slow_or_failing, [[0], [1], [2]], 2)
    assert time.monotonic() - started < 30  # the sleeping worker was stopped, not waited for
    assert multiprocessing.active_children() == []
