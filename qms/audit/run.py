"""Run audit criteria in-process and return an :class:`~qms.audit.report.AuditReport`.

``run_audit`` calls ``pytest.main`` on the feature files with the qms
plugin; the plugin turns every criterion into a result (finding, failing
step, process file:line) and every unreadable criteria file into an error
entry, so the caller gets a report, never a traceback. pytest's own output
is kept in ``report.output`` for whoever needs to debug a run.

Criteria come from outside auditors and are not code: a folder that holds a
Python file is refused (:func:`code_in_criteria`), since pytest would run it
by itself (a ``conftest.py``, a package's ``__init__.py``), unless the caller
opts in with ``allow_code``. Without it pytest also runs locked down: no
``conftest.py`` from the folder or any folder above it (``--noconftest``) and
no pytest configuration file from the criteria tree (``-c`` with an empty one
of ours: ``addopts``, ``pythonpath`` or ``log_file`` written there would load
code or overwrite files). Doctests are always off (``test*.txt`` files would
run as Python).
"""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

from qms.audit.codes import AuditCode
from qms.audit.languages import other_language_files
from qms.audit.provenance import provenance_of
from qms.audit.report import AuditError, AuditReport
from qms.i18n import Lang, Message, _, ngettext

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


def _is_code(path: Path) -> bool:
    return path.name.lower().endswith(".py")  # «CONFTEST.PY» is conftest.py where file names ignore case


def code_in_criteria(features: Path | str) -> list[Path]:
    """The Python files pytest could run from ``features``: anywhere in the folder tree, or beside a single file.

    Folders linked into the tree are followed, as pytest's collection follows them.
    """
    features = Path(features)
    if features.is_file():
        beside = sorted(p for p in features.parent.iterdir() if p != features and _is_code(p) and p.is_file())
        return ([features] if _is_code(features) else []) + beside
    found: list[Path] = []
    seen: set[str] = set()
    for root, folders, files in os.walk(features, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree
            folders[:] = []
            continue
        seen.add(real)
        folders.sort()
        found += [Path(root) / name for name in sorted(files) if _is_code(Path(name))]
    return found


def code_refused(found: list[Path]) -> tuple[Message, Message]:
    """Why criteria with the Python files ``found`` beside them do not run (the error at ``found[0]``), and what to do."""
    others = len(found) - 1
    more = ngettext(", cùng {n} tệp .py khác", ", cùng {n} tệp .py khác", others).format(n=others) if others else Message("", "")
    message = _(
        "tệp mã Python trong thư mục tiêu chí{more}: «qms audit» không chạy mã đi kèm tiêu chí "
        "(pytest sẽ tự chạy conftest.py, __init__.py…)"
    ).format(more=more)
    hint = _(
        "tiêu chí chỉ gồm tệp .feature: xoá tệp đó hoặc chuyển ra khỏi thư mục tiêu chí. Nếu đó là câu riêng do chính "
        "đơn vị viết và đã xem xét, chạy lại với --allow-code: mã đó sẽ chạy với quyền của người chạy lệnh"
    )
    return message, hint


def run_audit(
    features: Path | str,
    processes: Path | str,
    tags: str | None = None,
    process: str | None = None,
    lang: Lang | str = Lang.VI,
    extra_args: list[str] | None = None,
    allow_code: bool = False,
    all_languages: bool = False,
) -> AuditReport:
    """Check the processes in ``processes`` against the criteria in ``features`` (a folder or one .feature file).

    ``tags`` selects criteria by tag, as a pytest marker expression with or
    without ``@`` (``"@iso9001-7.5.2 and not @khuyen-nghi"``); ``process``
    keeps only the criteria about that process code; ``lang`` is the report
    language. ``allow_code`` runs the Python files that come with the
    criteria (``conftest.py`` with steps of one's own): code written by
    whoever wrote the criteria, run with the caller's permissions. Without
    it, criteria with Python files beside them are an error entry and do not run. A report is in one language: criteria
    files in other languages are left out when the folder has some in ``lang`` (:mod:`qms.audit.languages`), unless
    ``all_languages``.
    """
    features, processes, lang = Path(features), Path(processes), Lang(lang)
    refused = _refusal(features, allow_code)
    if refused is not None:
        report = AuditReport(features, processes, tags=tags, process=process, lang=lang, exit_code=4)
        report.errors.append(refused)
        return report

    left_out = [] if all_languages else other_language_files(features, lang)
    args = _pytest_args(features, processes, lang, tags, process) + [f"--ignore={p.resolve()}" for p in left_out] + list(extra_args or [])
    collector = _Collector(features)
    exit_code, output = _run_pytest(args, collector, features, allow_code)
    stopped = collector.report is None  # pytest stopped before the session (bad option, bad marker expression...)
    report = AuditReport(features, processes, lang=lang) if collector.report is None else collector.report
    report.features, report.tags, report.process, report.lang = features, tags, process, lang
    report.exit_code, report.output = exit_code, output
    report.left_out, report.provenance = left_out, provenance_of(processes)
    if (stopped or exit_code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR)) and not report.errors:
        report.errors.append(_pytest_failed(exit_code, output))
    return report


def _refusal(features: Path, allow_code: bool) -> AuditError | None:
    """Why the criteria in ``features`` are not run at all: there are none, or Python files come with them."""
    if not features.exists():
        return AuditError(features, 1, _("không có tệp tiêu chí «{path}»").format(path=features), code=AuditCode.CRITERIA_FILE)
    if not allow_code and (found := code_in_criteria(features)):
        message, hint = code_refused(found)
        return AuditError(found[0], 1, message, hint, code=AuditCode.CODE_REFUSED)
    return None


def _pytest_args(features: Path, processes: Path, lang: Lang, tags: str | None, process: str | None) -> list[str]:
    args = [
        str(features.resolve()),
        "-o",
        "qms_collect_features=true",
        # Only the criteria: no Python test modules that may sit beside them (with allow_code, conftest.py still loads).
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
    return args


def _run_pytest(args: list[str], collector: _Collector, features: Path, allow_code: bool) -> tuple[int, str]:
    """pytest's exit code and its output, run on ``args`` with the qms plugin and, without ``allow_code``, locked down."""
    args = list(args)
    plugins: list[Any] = [collector]
    if not _plugin_autoloaded():
        import qms.audit.plugin

        plugins.append(qms.audit.plugin)
        if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
            args[:0] = ["-p", "pytest_bdd.plugin"]

    args[:0] = ["-p", "no:doctest"]  # notes named test*.txt beside the criteria would run as Python doctests
    output = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="qms-audit-") as empty, redirect_stdout(output), redirect_stderr(output):
        if not allow_code:
            ini = Path(empty) / "pytest.ini"
            ini.write_text("[pytest]\n", encoding="utf-8")
            base = features.resolve() if features.is_dir() else features.resolve().parent
            args[:0] = ["--noconftest", "-c", str(ini), f"--rootdir={base}"]
        exit_code = int(pytest.main(args, plugins=plugins))
    return exit_code, output.getvalue()


def _pytest_failed(exit_code: int, output: str) -> AuditError:
    """The error entry for a run pytest could not do, with the last line it wrote."""
    lines = output.strip().splitlines()
    detail = lines[-1] if lines else ""
    return AuditError(
        None,
        0,
        _("không chạy được các tiêu chí (pytest thoát với mã {code}): {output}").format(code=exit_code, output=Message(detail, detail)),
        code=AuditCode.RUN_FAILED,
    )


__all__ = ["code_in_criteria", "code_refused", "run_audit"]
