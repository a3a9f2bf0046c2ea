"""The handbook's measured logs: each entry of the plugin's ``logs`` option measured (:mod:`qms.measure`), as a page.

    plugins:
      - qms:
          processes: processes
          logs:
            - {log: processes/logs/QT-TTHC-01-2026.csv, process: QT-TTHC-01}
            - {log: [exports/2025.xlsx, exports/2026.xlsx], process: QT-TTHC-02, mapping: exports/mapping.yaml}

Paths are relative to the folder of the configuration file. An entry that cannot be measured (no such file, a
process that is not among the handbook's, a log with no usable dossier) gives no page and one sentence saying
why, which the plugin logs as a warning (a strict build stops on it). Like :mod:`qms.handbook.book` this knows
nothing of mkdocs. ``mkdocs serve`` keeps a cache across rebuilds: an entry whose files and process did not change
is not measured again.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qms.calendar import load_calendar
from qms.conformance import ConformanceError, conform
from qms.handbook.conformance_charts import ChartFiles
from qms.handbook.labels import label
from qms.handbook.links import measure_path
from qms.handbook.pages.measures import measure_page, measure_title
from qms.i18n import Lang
from qms.logs import read_mapping
from qms.logs.mapping import EVENT
from qms.measure import Analysis, AnalyzeError, Request, TargetError, analyze_files, find_process
from qms.model import Process
from qms.report.conformance_files import conformance_markdown


@dataclass(frozen=True)
class LogEntry:
    """One entry of ``logs``: the log files (as written in the configuration), the process code, optional files."""

    logs: tuple[str, ...]
    process: str
    mapping: str | None = None
    calendar: str | None = None

    @property
    def name(self) -> str:
        return ", ".join(self.logs)


@dataclass
class MeasuredLogs:
    """Pages and charts (path relative to the handbook's folder -> text), page titles (escaped), problems (sentences)."""

    pages: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


# (entry, language) -> (the process, the files' sizes and times, the pages) of an earlier build.
MeasureCache = MutableMapping[tuple[LogEntry, Lang], tuple[Process, tuple[tuple[str, int, int], ...], dict[str, str]]]


def _stamps(paths: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for path in paths:
        stat = path.stat()
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def _conformance(
    analysis: Analysis, process: Process, optional: Mapping[str, Path | None], called: Mapping[str, Process], lang: Lang, charts: ChartFiles
) -> str:
    """For a log of step events, how its dossiers follow the process (qms.conformance), as a section of the page; the
    steps' times on the entry's calendar, as the measures above them."""
    if analysis.log.shape != EVENT:
        return ""
    mapping, calendar = optional["mapping"], optional["calendar"]
    log_mapping = read_mapping(mapping)[0] if mapping is not None else None
    work_calendar = load_calendar(calendar)[0] if calendar is not None else None  # its errors stopped analyze_files already
    result = conform(analysis.log, process, log_mapping, called, calendar=work_calendar)
    report = conformance_markdown(result, process, lang, charts.pictures(result, process, lang))  # shaded flowcharts
    return "\n".join(f"#{line}" if line.startswith("#") else line for line in report.splitlines())  # under the page's title


def _measure(
    entry: LogEntry, base: Path, processes_dir: Path, process: Process, paths: dict[str, str], lang: Lang, called: Mapping[str, Process]
) -> dict[str, str]:
    optional = {name: base / value if value else None for name, value in (("mapping", entry.mapping), ("calendar", entry.calendar))}
    request = Request([base / log for log in entry.logs], entry.process, processes_dir, optional["mapping"], optional["calendar"])
    analysis = analyze_files(request)
    try:
        charts = ChartFiles(paths)
        extra = _conformance(analysis, process, optional, called, lang, charts)
        return measure_page(analysis, process, measure_path(process.code), paths, entry.name, lang, extra) | charts.files
    finally:
        analysis.connection.close()


def _reason(exc: Exception, lang: Lang) -> str:
    if isinstance(exc, AnalyzeError | TargetError | ConformanceError):
        details = [d.render(lang) for d in getattr(exc, "diagnostics", [])[:5]]
        return "; ".join([exc.message.get(lang), *details])
    return f"{type(exc).__name__}: {exc}"


def measured_logs(
    entries: Sequence[LogEntry],
    base: Path,
    processes_dir: Path,
    processes: Sequence[Process],
    paths: dict[str, str],
    lang: Lang = Lang.VI,
    cache: MeasureCache | None = None,
) -> MeasuredLogs:
    """The page of every entry, measured against its process among ``processes`` (loaded from ``processes_dir``).

    ``base`` is the folder the entries' paths are relative to; ``paths`` the process pages (links from each page).
    """
    found = MeasuredLogs()
    by_code = {p.code: p for p in processes}
    for entry in entries:
        written = [f for f in (*entry.logs, entry.mapping, entry.calendar) if f]
        missing = next((f for f in written if not (base / f).is_file()), None)
        if missing is not None:
            found.problems.append(label("log_missing", lang, log=missing))
            continue
        page = measure_path(entry.process)
        if page in found.pages:
            found.problems.append(label("log_twice", lang, process=entry.process, log=entry.name))
            continue
        stamps = _stamps([base / f for f in written])
        kept = cache.get((entry, lang)) if cache is not None else None
        try:
            # Not among the handbook's processes: find_process says so, with the codes there are.
            process = by_code.get(entry.process) or find_process(entry.process, processes_dir)
            if kept is not None and kept[0] is process and kept[1] == stamps:
                pages = kept[2]
            else:
                pages = _measure(entry, base, processes_dir, process, paths, lang, by_code)
        except Exception as exc:  # a log or process the user must fix: one sentence, no traceback
            found.problems.append(label("log_failed", lang, log=entry.name, process=entry.process, reason=_reason(exc, lang)))
            continue
        if cache is not None:
            cache[(entry, lang)] = (process, stamps, pages)
        found.pages |= pages
        found.titles[page] = measure_title(process, lang)
    return found


__all__ = ["LogEntry", "MeasureCache", "MeasuredLogs", "measured_logs"]
