"""The handbook's internal audits: the files and folders of the plugin's ``audits`` option as two pages.

    plugins:
      - qms:
          processes: processes
          audits: [audits]        # audit programmes and records (docs/records.md): files or folders
          as_of: 2026-12-15       # optional: the date the corrective actions are followed on (default: the build's day)

The pages ``danh-gia-noi-bo/chuong-trinh.md`` (the programme of each year and which audits were carried out) and
``danh-gia-noi-bo/hanh-dong-khac-phuc.md`` (the corrective actions on ``as_of``, the REC findings), made by
:mod:`qms.handbook.pages.audits` from :func:`qms.records.findings.check_records` against the handbook's processes.
Paths are relative to the folder of the configuration file. An entry that cannot be read (no such file or folder, a
file with errors: it is left out) is one sentence, with its problems at their ``file:line:column``, which the plugin
logs as a warning (a strict build stops on it). Like :mod:`qms.handbook.plans` this knows nothing of mkdocs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from qms.diagnostics import Diagnostic, display_path
from qms.handbook.pages.audits import AuditData, actions_page, programme_page, word
from qms.i18n import Lang, _
from qms.model import Process
from qms.records.findings import check_records
from qms.records.status import record_status

AUDITS = "danh-gia-noi-bo"  # the folder of the audits' pages
PROGRAMME_PAGE = f"{AUDITS}/chuong-trinh.md"
ACTIONS_PAGE = f"{AUDITS}/hanh-dong-khac-phuc.md"
SECTION = _("Đánh giá nội bộ")
SHOWN_PROBLEMS = 5  # a file's problems named in its warning; «qms records validate» lists them all
_MISSING = _("audits: không có tệp hoặc thư mục hồ sơ đánh giá «{entry}» (đường dẫn tính từ thư mục của mkdocs.yml)")
_INVALID = _("audits: tệp hồ sơ đánh giá «{file}» có lỗi, bị bỏ qua: {problems}")
_FAILED = _("audits: không lập được trang đánh giá nội bộ: {reason}")
_MORE = _("và {n} lỗi khác")


@dataclass
class AuditPages:
    """Pages (path relative to the handbook's folder -> Markdown), their titles (escaped), problems (sentences)."""

    pages: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _shown(path: Path, base: Path) -> str:
    """A file as the page and the warnings name it: from the configuration's folder, else as the CLI shows it."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return display_path(path)


def _where(diagnostic: Diagnostic, base: Path) -> str:
    return f"{_shown(diagnostic.location.path, base)}:{diagnostic.location.line}"


def _invalid(problems: Sequence[Diagnostic], base: Path, lang: Lang) -> list[str]:
    """One sentence per file that could not be read, its first problems at ``file:line:column``."""
    by_file: dict[Path, list[Diagnostic]] = {}
    for problem in problems:
        by_file.setdefault(problem.location.path, []).append(problem)
    sentences = []
    for file, found in by_file.items():
        shown = [f"{_where(d, base)}:{d.location.column}: {d.code} {d.label(lang)}: {d.message.get(lang)}" for d in found[:SHOWN_PROBLEMS]]
        if len(found) > SHOWN_PROBLEMS:
            shown.append(_MORE.format(n=len(found) - SHOWN_PROBLEMS).get(lang))
        sentences.append(_INVALID.format(file=_shown(file, base), problems="; ".join(shown)).get(lang))
    return sentences


def _make(names: Sequence[str], base: Path, processes: Sequence[Process], as_of: date, lang: Lang) -> AuditPages:
    check = check_records([base / name for name in names], processes, as_of)
    found = AuditPages(problems=_invalid([d for d in check.diagnostics if not d.code.startswith("REC")], base, lang))
    if not check.programmes and not check.records:
        return found
    findings = [(_where(d, base), d) for d in check.diagnostics if d.code.startswith("REC")]
    data = AuditData(check.programmes, check.records, findings, record_status(check.records, as_of), names)
    found.pages = {PROGRAMME_PAGE: programme_page(data, lang), ACTIONS_PAGE: actions_page(data, lang)}
    found.titles = {PROGRAMME_PAGE: word("programme_title", lang), ACTIONS_PAGE: word("actions_title", lang)}
    return found


def audited(entries: Sequence[str], base: Path, processes: Sequence[Process], as_of: date, lang: Lang = Lang.VI) -> AuditPages:
    """The two pages of the audit files under ``entries`` (files or folders, from ``base``) on ``as_of``; none when
    no programme or record could be read."""
    missing = [name for name in entries if not (base / name).exists()]
    names = [name for name in entries if name not in missing]
    problems = [_MISSING.format(entry=name).get(lang) for name in missing]
    if not names:
        return AuditPages(problems=problems)
    try:
        found = _make(names, base, processes, as_of, lang)
    except Exception as exc:  # records the user must fix: one sentence, no traceback
        return AuditPages(problems=[*problems, _FAILED.format(reason=f"{type(exc).__name__}: {exc}").get(lang)])
    found.problems = problems + found.problems
    return found


def audit_pages(
    entries: Sequence[str], base: Path, processes: Sequence[Process], as_of: date, lang: Lang, warn: Callable[[str], object]
) -> tuple[dict[str, str], dict[str, str]]:
    """The plugin's call: the pages and their titles; each problem handed to ``warn``."""
    found = audited(entries, base, processes, as_of, lang)
    for problem in found.problems:
        warn(f"qms: {problem}")
    return found.pages, found.titles


__all__ = ["ACTIONS_PAGE", "AUDITS", "PROGRAMME_PAGE", "SECTION", "AuditPages", "audit_pages", "audited"]
