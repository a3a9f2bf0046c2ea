"""``qms check`` through the results cache (``qms.rules.cached``): the same report as without it, from fewer checks."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from qms.legal.read import project_register
from qms.load import cache, cached
from qms.load.cache import ResultCache, open_cache
from qms.report.code_quality import report_gitlab
from qms.report.formats import report_json, report_junit, report_sarif
from qms.rules import cached as rules_cached
from qms.rules.cached import check_paths_cached
from qms.rules.config import RuleConfig
from qms.rules.engine import CheckReport, check_paths

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 3, 1)
_REPLACING_DECREE_30 = """
  - number: 999/2025/NĐ-CP
    kind: decree
    title: {vi: Nghị định thử thay Nghị định 30/2020, en: A made-up decree replacing Decree 30/2020}
    issuer: Chính phủ
    in_force_from: 2025-01-01
    replaces: [30/2020/NĐ-CP]
    verified: true
"""


def _project(tmp_path: Path, *folders: Path) -> Path:
    """A project folder with the shipped processes (four call QT-VB-01) and legal register, or the ``folders`` given."""
    project = tmp_path / "project"
    for folder in folders or (ROOT / "processes",):
        shutil.copytree(
            folder, project / "processes" / folder.name if folders else project / "processes", ignore=shutil.ignore_patterns("logs")
        )
    shutil.copytree(ROOT / "legal", project / "legal")
    (project / "qms.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    return project


def _store(project: Path) -> ResultCache:
    opened = open_cache(project)
    assert opened is not None
    return opened


def _outputs(report: CheckReport) -> tuple[object, ...]:
    """Everything a user sees: the lines in order, every machine format, the exit decision."""
    return (
        [d.render("vi") for d in report.diagnostics],
        report_json(report, "en"),
        report_sarif(report, "vi"),
        report_junit(report, "vi"),
        report_gitlab(report, "en"),
        report.fails("error"),
        report.fails("info"),
    )


def _check(project: Path, store: ResultCache | None, config: RuleConfig | None = None) -> CheckReport:
    register = project_register(project)
    return check_paths_cached([project / "processes"], store, config or RuleConfig(), DAY, register=register)


def _uncached(project: Path, config: RuleConfig | None = None) -> CheckReport:
    return check_paths([project / "processes"], config or RuleConfig(), DAY, register=project_register(project))


class _Counting:
    """Counts the processes checked and the files read (the work the cache saves)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.checked: list[str] = []
        self.read: list[str] = []
        check, read = rules_cached.check_process, cached._read_file

        def counting_check(process, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.checked.append(process.code)
            return check(process, *args, **kwargs)

        def counting_read(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.read.append(Path(path).stem)
            return read(path, *args, **kwargs)

        monkeypatch.setattr(rules_cached, "check_process", counting_check)
        monkeypatch.setattr(cached, "_read_file", counting_read)


def test_cold_and_warm_runs_give_what_the_uncached_check_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    expected = _outputs(_uncached(project))
    assert _outputs(_check(project, _store(project))) == expected
    count = _Counting(monkeypatch)
    warm = _check(project, _store(project))
    assert (count.checked, count.read) == ([], [])  # every result from the cache
    assert _outputs(warm) == expected
    assert len(warm.processes) == 6 and warm.codes == [p.code for p in _uncached(project).processes]


def test_no_store_is_the_uncached_check(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _outputs(_check(project, None)) == _outputs(_uncached(project))
    assert not (project / ".qms_cache").exists()


def test_a_changed_file_alone_is_read_and_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    _check(project, _store(project))
    changed = project / "processes" / "QT-TTHC-GD-01.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("owner:", "owner:  ", 1), encoding="utf-8")
    count = _Counting(monkeypatch)
    report = _check(project, _store(project))
    assert (count.read, count.checked) == (["QT-TTHC-GD-01"], ["QT-TTHC-GD-01"])
    assert _outputs(report) == _outputs(_uncached(project))


def test_a_called_process_changed_checks_its_callers_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    _check(project, _store(project))
    called = project / "processes" / "QT-VB-01.yaml"
    called.write_text(called.read_text(encoding="utf-8").replace("status: approved", "status: draft", 1), encoding="utf-8")
    count = _Counting(monkeypatch)
    report = _check(project, _store(project))
    assert sorted(count.checked) == ["QT-DGNB-01", "QT-TTHC-01", "QT-TTHC-GD-03", "QT-VB-01"]  # it, and who calls it
    outputs = _outputs(report)
    assert outputs == _outputs(_uncached(project))
    assert "QMS505" in outputs[0][-1] or any("QMS505" in line for line in outputs[0])  # callers now call a draft


def test_a_changed_configuration_or_day_checks_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    _check(project, _store(project))
    count = _Counting(monkeypatch)
    ignoring = RuleConfig(ignore=("QMS2",), severity={})
    assert _outputs(_check(project, _store(project), ignoring)) == _outputs(_uncached(project, ignoring))
    assert len(count.checked) == 6 and count.read == []  # reading does not depend on the configuration
    regraded = RuleConfig(severity={"QMS405": __import__("qms.diagnostics").diagnostics.Severity.ERROR})
    assert _outputs(_check(project, _store(project), regraded)) == _outputs(_uncached(project, regraded))
    later = check_paths_cached([project / "processes"], _store(project), RuleConfig(), date(2030, 1, 1), project_register(project))
    assert _outputs(later) == _outputs(
        check_paths([project / "processes"], RuleConfig(), date(2030, 1, 1), register=project_register(project))
    )


def test_a_changed_legal_register_checks_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    before = _outputs(_check(project, _store(project)))
    register = project / "legal" / "register.yaml"
    with register.open("a", encoding="utf-8") as file:  # Decree 30/2020, which processes cite, replaced (a made-up text)
        file.write(_REPLACING_DECREE_30)
    count = _Counting(monkeypatch)
    after = _outputs(_check(project, _store(project)))
    assert len(count.checked) == 6
    assert after == _outputs(_uncached(project))
    assert after != before  # the register's change is seen
    register.unlink()  # no register at all: the package's default (and QMS405 on the first process citing law)
    assert _outputs(_check(project, _store(project))) == _outputs(_uncached(project))


def test_another_qms_version_checks_everything_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    _check(project, _store(project))
    monkeypatch.setattr(cache, "qms_version", lambda: "99.0")
    count = _Counting(monkeypatch)
    assert _outputs(_check(project, _store(project))) == _outputs(_uncached(project))
    assert len(count.read) == 6 and len(count.checked) == 6


def test_corrupted_entries_are_ignored_and_rewritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    _check(project, _store(project))
    entries = sorted((project / ".qms_cache" / "files").iterdir())
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:100])
    assert _outputs(_check(project, _store(project))) == _outputs(_uncached(project))
    count = _Counting(monkeypatch)
    _check(project, _store(project))
    assert count.read == []  # rewritten whole by the run before


@pytest.mark.parametrize(
    "fixture", ["rules/fixtures/QMS106/invalid_cycle", "fixtures/cross_file/duplicate_code", "fixtures/cross_file/unknown_call"]
)
def test_results_across_files_stay_right(tmp_path: Path, fixture: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Call cycles (QMS106), duplicate codes, calls to unknown codes: the same, cold, warm and after a change."""
    project = _project(tmp_path, ROOT / "tests" / fixture)
    for _ in range(2):
        assert _outputs(_check(project, _store(project))) == _outputs(_uncached(project))
    first = sorted((project / "processes").rglob("*.yaml"))[0]
    first.unlink()  # a file gone: its code is no longer known, a duplicate no longer one
    assert _outputs(_check(project, _store(project))) == _outputs(_uncached(project))
