"""From files to an :class:`~qms.measure.analysis.Analysis`: the log, the process it is measured against, the calendar.

:func:`analyze_files` is what ``qms analyze`` calls; it raises :class:`AnalyzeError` for what the user must change
(a process that is not found, a target that cannot be read, a log that yields no dossier) and returns the log's own
diagnostics (rejected rows) beside the analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from qms.calendar import TimeLimit, WorkCalendar, default_calendar, load_calendar
from qms.diagnostics import Diagnostic, Severity
from qms.i18n import Message, _
from qms.load import load_paths
from qms.logs import read_log
from qms.measure.analysis import Analysis, GroupBy, analyze
from qms.measure.counting import Counting
from qms.measure.targets import Goal, parse_goal, process_goals
from qms.model import Process

READING, JUDGING = _("đọc nhật ký hồ sơ"), _("tính thời hạn và xếp loại hồ sơ")
STAGES = (READING, JUDGING)  # what analyze_files tells its ``progress``, in order


class AnalyzeError(Exception):
    """Something the user must change before a log can be measured; ``diagnostics`` when files said why."""

    def __init__(self, message: Message, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message.en)
        self.message = message
        self.diagnostics = list(diagnostics)


@dataclass(frozen=True)
class Request:
    """What to measure: ``logs`` (CSV, XLSX, XES), against ``process`` (a file, or a code among ``processes``)."""

    logs: Sequence[Path]
    process: str | None = None
    processes: Path | None = None
    mapping: Path | None = None
    calendar: Path | None = None
    first: date | None = None
    last: date | None = None
    by: GroupBy | None = None
    counting: Counting = Counting.OFFICIAL
    targets: Sequence[str] = ()
    baseline: tuple[date, date] | None = None
    goals_from_process: bool = True


def find_process(name: str, processes: Path | None) -> Process:
    """The process ``name`` names: a YAML file, or a code among the process files of ``processes``."""
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml") or path.is_file():
        result = load_paths([path])
        if not result.processes:
            raise AnalyzeError(_("tệp quy trình «{name}» không đọc được").format(name=name), result.diagnostics)
        return result.processes[0]
    folder = processes or Path("processes")
    found = load_paths([folder]).by_code() if folder.is_dir() else {}
    if name not in found:
        known = ", ".join(sorted(found)) or "-"
        raise AnalyzeError(
            _("không có quy trình mã «{name}» trong {folder} (có: {known})").format(name=name, folder=str(folder), known=known)
        )
    return found[name]


def with_cutoff(calendar: WorkCalendar | None, process: Process | None) -> WorkCalendar | None:
    """The calendar with the process's own cut-off hour (``clock.cutoff``), which the published procedure sets and
    which wins over the agency's general one; as given when the process has none."""
    cutoff = process.clock.cutoff if process is not None and process.clock is not None else None
    if cutoff is None:
        return calendar
    hours, minutes = (int(part) for part in cutoff.split(":"))
    base = calendar or default_calendar()
    config = replace(base.config, cutoff=hours * 3600 + minutes * 60)
    return WorkCalendar.build(config, (base.first_year, base.last_year))


def _calendar(path: Path | None) -> WorkCalendar | None:
    if path is None:
        return None
    calendar, problems = load_calendar(path)
    if calendar is None:
        raise AnalyzeError(_("lịch làm việc «{path}» có lỗi").format(path=str(path)), problems)
    return calendar


def analyze_files(request: Request, progress: Callable[[Message], None] | None = None) -> Analysis:
    """Read, judge and count; ``progress`` is told each stage as it starts."""
    tell = progress or (lambda _message: None)
    goals: list[Goal] = [parse_goal(text) for text in request.targets]
    process = find_process(request.process, request.processes) if request.process else None
    limit = None
    if process is not None:
        if request.goals_from_process:
            goals = process_goals(process) + goals
        if process.deadline is not None and not process.deadline.approximate:
            limit = TimeLimit.from_duration(process.deadline)
    calendar = with_cutoff(_calendar(request.calendar), process)
    tell(READING)
    log = read_log(request.logs, request.mapping)
    if log.events is not None and process is None:
        raise AnalyzeError(_("nhật ký theo từng bước xử lý cần --process: quy trình cho biết bước bắt đầu, kết thúc tính thời hạn"))
    if log.shape is None:
        raise AnalyzeError(_("không đọc được nhật ký hồ sơ"), [d for d in log.diagnostics if d.severity is Severity.ERROR])
    if not log.rows_used:
        raise AnalyzeError(_("nhật ký không có hồ sơ nào dùng được"), log.diagnostics)
    tell(JUDGING)
    return analyze(
        log,
        goals=goals,
        default_limit=limit,
        calendar=calendar,
        first=request.first,
        last=request.last,
        by=request.by,
        counting=request.counting,
        baseline=request.baseline,
        process=process,
    )


__all__ = ["STAGES", "AnalyzeError", "Request", "analyze_files", "find_process"]
