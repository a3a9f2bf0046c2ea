"""Run audit criteria in-process and return an :class:`~qms.audit.report.AuditReport`.

``run_audit`` calls ``pytest.main`` on the feature files with the qms
plugin; the plugin turns every criterion into a result (finding, failing
step, process file:line) and every unreadable criteria file into an error
entry, so the caller gets a report, never a traceback. pytest's own output
is kept in ``report.output`` for whoever needs to debug a run.
"""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

from qms.audit.errors import bilingual
from qms.audit.report import AuditError, AuditReport
from qms.i18n import Lang, Message, msg

PLUGIN = "qms.audit.plugin"


def _plugin_autoloaded() -> bool:
    """Whether pytest will load the qms plugin itself, from the installed ``pytest11`` entry point."""
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return False
    return any(ep.value == PLUGIN for ep in entry_points(group="pytest11"))


class _Collector:
    """Receives the session's results from the qms plugin when pytest finishes."""

    def __init__(self, features: Path):
        self.features = features
        self.report: AuditReport | None = None

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        from qms.audit.plugin import build_report

        self.report = build_report(session.config, self.features, int(exitstatus))


def run_audit(
    features: Path | str,
    processes: Path | str,
    tags: str | None = None,
    process: str | None = None,
    lang: Lang | str = Lang.VI,
    extra_args: list[str] | None = None,
) -> AuditReport:
    """Check the processes in ``processes`` against the criteria in ``features`` (a folder or one .feature file).

    ``tags`` selects criteria by tag, as a pytest marker expression with or
    without ``@`` (``"@iso9001-7.5.2 and not @khuyen-nghi"``); ``process``
    keeps only the criteria about that process code; ``lang`` is the report
    language.
    """
    features, processes, lang = Path(features), Path(processes), Lang(lang)
    if not features.exists():
        report = AuditReport(features, processes, tags=tags, process=process, lang=lang, exit_code=4)
        report.errors.append(AuditError(features, 1, msg("audit.no_features", path=features)))
        return report

    args = [
        str(features.resolve()),
        "-o",
        "qms_collect_features=true",
        # Only the criteria: no Python test modules that may sit beside them (conftest.py still loads).
        "-o",
        "python_files=",
        f"--qms-processes={processes.resolve()}",
        f"--qms-lang={lang.value}",
        # The project's own addopts (-x, -n auto, --cov...) would change or hide the results.
        "-o",
        "addopts=",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:xdist",
        "-q",
        "--no-header",
        "-rN",
        # One unreadable criteria file is an error entry; the other files still run.
        "--continue-on-collection-errors",
    ]
    if tags:
        args += ["-m", tags.replace("@", "")]
    if process:
        args.append(f"--qms-process-code={process}")
    args += list(extra_args or [])

    collector = _Collector(features)
    plugins: list[Any] = [collector]
    if not _plugin_autoloaded():
        import qms.audit.plugin

        plugins.append(qms.audit.plugin)
        if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
            args[:0] = ["-p", "pytest_bdd.plugin"]

    output = io.StringIO()
    with redirect_stdout(output), redirect_stderr(output):
        exit_code = int(pytest.main(args, plugins=plugins))

    report = collector.report
    if report is None:  # pytest stopped before the session (bad option, bad marker expression...)
        report = AuditReport(features, processes, lang=lang)
        text = output.getvalue().strip().splitlines()
        detail = text[-1] if text else ""
        report.errors.append(AuditError(None, 0, bilingual("audit.pytest_failed", code=exit_code, output=Message(detail, detail))))
    report.features, report.tags, report.process, report.lang = features, tags, process, lang
    report.exit_code, report.output = exit_code, output.getvalue()
    if exit_code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR) and not report.errors:
        text = report.output.strip().splitlines()
        detail = text[-1] if text else ""
        report.errors.append(AuditError(None, 0, bilingual("audit.pytest_failed", code=exit_code, output=Message(detail, detail))))
    return report


__all__ = ["run_audit"]
