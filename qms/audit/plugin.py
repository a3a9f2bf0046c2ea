"""pytest plugin of the audit criteria, registered by the ``pytest11`` entry point ``qms``.

It brings:

* the step library (:mod:`qms.audit.steps`, every step in Vietnamese and
  English) through ``pytest_plugins``;
* the fixtures ``qms_library`` (every process of the folder under audit,
  loaded once per session) and ``qms_process`` (the process the scenario
  chose with «Biết quy trình "…"» / «Given the process "…"»);
* collection of ``.feature`` files when ``qms_collect_features = true``;
* one :class:`~qms.audit.report.CriterionResult` per criterion, with the
  finding, the failing step and the process file:line, readable from
  ``config.stash[RESULTS]`` (``run_audit`` does) or written with
  ``--qms-report PATH`` (.md, .html or .xml).

The processes folder is, in order: ``--qms-processes PATH``; the
environment variable ``QMS_PROCESSES``; the ini option ``qms_processes``
(default ``processes``, relative to the ini file's folder).
"""

from __future__ import annotations

import os
from collections.abc import Generator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from qms.audit.codes import AuditCode
from qms.audit.collect import (
    CRITERION,
    ERRORS,
    EXAMINED,
    FAILED_STEP,
    LIBRARY,
    RESULTS,
    STARTED,
    UNKNOWN_STEP,
    Criterion,
    FeatureFile,
    collect_features_enabled,
    criterion_of,
)
from qms.audit.errors import AuditFinding, CriterionError
from qms.audit.library import AuditedProcess, ProcessLibrary
from qms.audit.report import AuditError, AuditReport, CriterionResult, Outcome, StepRef, kind_for, write_report
from qms.audit.report.text import at, location_text
from qms.audit.suggest import suggest
from qms.diagnostics import Diagnostic
from qms.i18n import Lang, Message, _, pgettext
from qms.rules.agency import Agency

pytest_plugins = ("qms.audit.steps",)

ENV_PROCESSES = "QMS_PROCESSES"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("qms", "qms: tiêu chí đánh giá / audit criteria")
    group.addoption(
        "--qms-processes",
        dest="qms_processes",
        metavar="PATH",
        default=None,
        help=f"thư mục quy trình được đánh giá / folder of the processes under audit (or ${ENV_PROCESSES}; default: ini qms_processes)",
    )
    group.addoption(
        "--qms-process-code",
        dest="qms_process_code",
        metavar="CODE",
        default=None,
        help="chỉ chạy tiêu chí về quy trình này / only the criteria about this process",
    )
    group.addoption(
        "--qms-report",
        dest="qms_report",
        metavar="PATH",
        default=None,
        help="ghi báo cáo đánh giá / write the audit report (.md, .html or .xml by suffix)",
    )
    group.addoption("--qms-lang", dest="qms_lang", choices=["vi", "en"], default=None, help="ngôn ngữ báo cáo / report language (vi)")
    parser.addini("qms_processes", "thư mục quy trình / processes folder, relative to the ini file", default="processes")
    parser.addini("qms_collect_features", "thu thập tệp .feature / collect .feature files as audit criteria", type="bool", default=False)


def processes_folder(config: pytest.Config) -> Path:
    """Where the processes under audit are: option, then environment, then ini option."""
    given = config.getoption("qms_processes", None) or os.environ.get(ENV_PROCESSES)
    if given:
        path = Path(given)
        return path if path.is_absolute() else config.invocation_params.dir / path
    base = config.inipath.parent if config.inipath is not None else config.rootpath
    return base / str(config.getini("qms_processes"))


def report_lang(config: pytest.Config) -> Lang:
    chosen = config.getoption("qms_lang", None) or os.environ.get("QMS_LANG") or "vi"
    return Lang(chosen) if chosen in ("vi", "en") else Lang.VI


def library_of(config: pytest.Config) -> ProcessLibrary:
    library = config.stash.get(LIBRARY, None)
    if library is None:
        library = ProcessLibrary(processes_folder(config))
        config.stash[LIBRARY] = library
    return library


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def qms_library(pytestconfig: pytest.Config) -> ProcessLibrary:
    """Every process in the folder under audit, by code (``qms_library["QT-TTHC-01"]``); loaded once per session."""
    return library_of(pytestconfig)


@pytest.fixture
def qms_process() -> AuditedProcess:
    """The process the scenario chose; a scenario that chose none gets a criterion error, not a fixture error."""
    raise CriterionError(_('tiêu chí chưa chọn quy trình nào: bắt đầu kịch bản bằng bước «Biết quy trình "MÃ"»'))


# --- collection -----------------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.stash[STARTED] = datetime.now()
    config.stash[RESULTS] = []
    config.stash.setdefault(ERRORS, [])
    for tag in ("khuyen-nghi", "observation"):
        config.addinivalue_line("markers", f"{tag}: lỗi của tiêu chí chỉ là khuyến nghị / a failure is only an observation")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".feature" and collect_features_enabled(parent.config):
        return FeatureFile.from_parent(parent, path=file_path)
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, None]:
    """A collection error that is not a feature file's (a broken conftest.py, say) is still an error entry."""
    outcome = yield
    report: pytest.CollectReport = outcome.get_result()
    if not report.failed or isinstance(collector, FeatureFile):
        return  # a feature file recorded its own error, with the line
    lines = str(report.longrepr).strip().splitlines()
    problem = lines[-1] if lines else ""
    path = Path(str(collector.path)) if getattr(collector, "path", None) else None
    collector.config.stash.setdefault(ERRORS, []).append(
        AuditError(path, 1, _("tiêu chí không chạy được: {error}").format(error=Message(problem, problem)), code=AuditCode.STEP_CRASHED)
    )


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = config.getoption("qms_process_code", None)
    kept, dropped = [], []
    for item in items:
        criterion = criterion_of(item)
        if criterion is not None:
            item.stash[CRITERION] = criterion
        if wanted and not _about(criterion, wanted):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _about(criterion: Criterion | None, code: str) -> bool:
    if criterion is None:
        return False
    named = criterion.named_processes
    return code in named if named else code in criterion.tags


# --- running --------------------------------------------------------------------------------------


def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, exception: Exception) -> None:
    request.node.stash[FAILED_STEP] = StepRef(step.keyword.strip(), step.name, Path(feature.filename), step.line_number)


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, exception: Exception) -> None:
    ref = StepRef(step.keyword.strip(), step.name, Path(feature.filename), step.line_number)
    request.node.stash[UNKNOWN_STEP] = (ref, tuple(suggest(step.name, feature.language)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    criterion = item.stash.get(CRITERION, None)
    if criterion is None:
        return
    if report.when == "call" or (report.when == "setup" and not report.passed):
        result = _result(item, call, report, criterion)
        item.config.stash.setdefault(RESULTS, []).append(result)
        if report.passed and result.outcome is Outcome.ERROR:  # a scenario without steps proves nothing
            report.outcome = "failed"
        if report.failed and result.message is not None:
            report.longrepr = _longrepr(result, report_lang(item.config))


def _result(item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport, criterion: Criterion) -> CriterionResult:
    examined: list[str] = item.stash.get(EXAMINED, [])
    result = criterion.result(processes=tuple(examined) or criterion.named_processes, nodeid=item.nodeid, duration=report.duration)
    result.step = item.stash.get(FAILED_STEP, None)
    if report.passed:
        if not criterion.scenario.steps:
            result.outcome, result.code = Outcome.ERROR, AuditCode.CRITERION
            result.message = _("kịch bản không có bước nào nên không chứng minh được gì")
        return result
    if report.skipped:
        result.outcome = Outcome.SKIPPED
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr or "")
        result.message = Message(reason, reason)
        return result
    unknown = item.stash.get(UNKNOWN_STEP, None)
    if unknown is not None:
        _unknown_step(result, *unknown)
    else:
        _failure(result, call.excinfo.value if call.excinfo is not None else None, report)
    return result


def _unknown_step(result: CriterionResult, step: StepRef, suggestions: tuple[str, ...]) -> None:
    result.step, result.suggestions = step, suggestions
    result.outcome, result.code = Outcome.ERROR, AuditCode.UNKNOWN_STEP
    result.message = _("bước «{text}» không khớp với câu nào của thư viện bước").format(text=step.text)
    if suggestions:
        listed = "», «".join(suggestions)
        result.hint = _("câu gần nhất: {suggestions}").format(suggestions=f"«{listed}»")
    else:
        result.hint = _("xem danh sách câu trong features/README.md")


def _failure(result: CriterionResult, exc: BaseException | None, report: pytest.TestReport) -> None:
    """A criterion that did not pass: a finding, or an error of the criterion, each with its code."""
    if isinstance(exc, AuditFinding):
        result.outcome, result.kind, result.code = Outcome.FAILED, kind_for(result.tags), exc.code
        result.message, result.evidence, result.hint = exc.message, exc.location, exc.hint
        result.process, result.process_step, result.cause = exc.process, exc.step, exc.cause
    elif isinstance(exc, CriterionError):
        result.outcome, result.code, result.message, result.hint = Outcome.ERROR, exc.code, exc.message, exc.hint
    elif isinstance(exc, (AssertionError, pytest.fail.Exception)):  # a plain assert in a project's own step
        text = str(exc).strip() or type(exc).__name__
        result.outcome, result.kind, result.code = Outcome.FAILED, kind_for(result.tags), AuditCode.NOT_MET
        result.message = _("tiêu chí không đạt: {error}").format(error=Message(text, text))
    else:
        last = (str(report.longrepr).strip().splitlines() or [""])[-1]
        text = f"{type(exc).__name__}: {exc}" if exc is not None else last
        result.outcome, result.code = Outcome.ERROR, AuditCode.STEP_CRASHED
        result.message = _("tiêu chí không chạy được: {error}").format(error=Message(text, text))


def _longrepr(result: CriterionResult, lang: Lang) -> str:
    """What the terminal shows for a criterion: the finding as an auditor reads it, no traceback."""
    lines = [f"{result.problem_code} {result.label(lang)}: {result.message.get(lang) if result.message else ''}"]
    if result.evidence is not None:
        lines.append(f"  {_('Bằng chứng').get(lang)}: {location_text(result.evidence, lang)}")
    lines.append(
        f"  {pgettext('audit.report.criterion', 'Tiêu chí').get(lang)}: «{result.scenario}» ({at(result.file, result.line, lang)})"
    )
    if result.step is not None:
        lines.append(f"  {_('Bước').get(lang)}: «{result.step}» ({at(result.step.file, result.step.line, lang)})")
    if result.hint is not None:
        lines.append(f"  {_('Gợi ý').get(lang)}: {result.hint.get(lang)}")
    return "\n".join(lines)


# --- reporting ------------------------------------------------------------------------------------


def _waived(library: ProcessLibrary, results: list[CriterionResult]) -> list[Diagnostic]:
    """The waived rule findings of the processes the criteria examined; none when the rules cannot run (a wrong
    configuration is already an error of the report)."""
    try:
        return [f for code in sorted({c for r in results for c in r.subjects} & set(library.by_code)) for f in library[code].waived]
    except CriterionError:
        return []


def _agency(library: ProcessLibrary, results: list[CriterionResult], errors: list[AuditError]) -> Agency | None:
    """The auditee named in the project's configuration; none when the configuration is wrong, which is then an
    error of the run (once: unless a criterion already failed on it)."""
    try:
        return library.rule_config.agency
    except CriterionError as exc:
        if not any(r.code == AuditCode.RUN_FAILED for r in results):
            errors.append(AuditError(None, 0, exc.message, code=AuditCode.RUN_FAILED))  # the message says file:line
        return None


def build_report(config: pytest.Config, features: Path | None = None, exit_code: int = 0) -> AuditReport:
    """The audit report of this session so far."""
    library = library_of(config)
    results: list[CriterionResult] = config.stash.get(RESULTS, [])
    stashed: list[AuditError] = config.stash.get(ERRORS, [])
    errors = list(stashed)  # a copy: a configuration error is added to the report, not to the session
    agency = _agency(library, results, errors)
    return AuditReport(
        features=features or config.invocation_params.dir,
        processes=library.folder,
        results=list(results),
        errors=errors,
        load_diagnostics=list(library.diagnostics),
        process_titles={code: Message(p.title.vi, p.title.get("en")) for code, p in library.by_code.items()},
        process_versions={code: str(p.version) for code, p in library.by_code.items()},
        waived=_waived(library, results),
        agency=agency,
        lang=report_lang(config),
        exit_code=exit_code,
        started=config.stash.get(STARTED, datetime.now()),
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = session.config.getoption("qms_report", None)
    if target:
        args = [Path(a) for a in session.config.args] or [session.config.invocation_params.dir]
        features = args[0] if len(args) == 1 else session.config.invocation_params.dir
        path = Path(target)
        if not path.is_absolute():
            path = session.config.invocation_params.dir / path
        write_report(build_report(session.config, features, int(exitstatus)), path)


__all__ = ["AuditedProcess", "ProcessLibrary", "build_report", "processes_folder"]
