"""Conformance of a log of step events to its process: :func:`conform` on a log already read, :func:`conform_files`
from files (what ``qms conform`` calls).

Read (:mod:`qms.logs`) → labels to steps (:mod:`qms.conformance.activities`) → variants in DuckDB
(:mod:`qms.conformance.variants`) → each variant replayed once (:mod:`qms.conformance.replay`) and its deviations
found (:mod:`qms.conformance.deviations`) → stored, joined back to the dossiers and summed up
(:mod:`qms.conformance.result`); each step's times on the working-day calendar (:mod:`qms.conformance.timing`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from qms.calendar import WorkCalendar, default_calendar, load_calendar
from qms.calendar.sql import install
from qms.conformance.activities import activity_map
from qms.conformance.deviations import ProcessOrder, find_deviations
from qms.conformance.groups import write_dossiers
from qms.conformance.net import derive_net
from qms.conformance.replay import replay
from qms.conformance.result import Conformance, VariantResult, store_results, summarise, with_effects
from qms.conformance.timing import build_step_times, step_figures, variant_minutes
from qms.conformance.variants import build_variants, variant_paths
from qms.diagnostics import Diagnostic
from qms.graph import ProcessGraph
from qms.i18n import Message, _
from qms.logs import LogResult, read_log, read_mapping
from qms.logs import Mapping as LogMapping
from qms.logs.mapping import EVENT
from qms.model import Process


class ConformanceError(Exception):
    """Something the user must change before a log can be checked; ``diagnostics`` when files said why."""

    def __init__(self, message: Message, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message.en)
        self.message = message
        self.diagnostics = list(diagnostics)


def conform(
    log: LogResult,
    process: Process,
    mapping: LogMapping | None = None,
    called: Mapping[str, Process] | None = None,
    top: int = 10,
    calendar: WorkCalendar | None = None,
) -> Conformance:
    """How the dossiers of the event log ``log`` follow ``process`` (aliases from ``mapping``, called processes
    by code in ``called``); the ``top`` most frequent variants are kept with their results; the steps' times on
    ``calendar`` (default: the national one)."""
    if log.shape != EVENT:
        raise ConformanceError(_("nhật ký không ghi từng bước xử lý (cần cột «ThoiDiemXuLy» hoặc tệp XES): không so được với quy trình"))
    activities = activity_map(process, mapping, called)
    if activities.problems:
        raise ConformanceError(_("tệp ánh xạ có nhãn bước trỏ tới bước không có trong quy trình"), activities.problems)
    con = log.connection
    build_variants(con, activities)
    graph = ProcessGraph(process)
    net, order = derive_net(graph), ProcessOrder(graph)
    results = [
        VariantResult(variant, path, dossiers, replay(net, path), tuple(find_deviations(order, path)))
        for variant, path, dossiers in variant_paths(con)
    ]
    store_results(con, results)
    calendar = calendar or default_calendar()
    install(con, calendar)
    build_step_times(con, process, calendar)
    result = with_effects(con, summarise(con, process.code, results, top))
    return replace(result, step_figures=step_figures(con, process, result.dossiers), variant_minutes=variant_minutes(con))


def conform_files(
    logs: Sequence[Path],
    process: Process,
    mapping: Path | None = None,
    called: Mapping[str, Process] | None = None,
    top: int = 10,
    dossiers_csv: Path | None = None,
    calendar: Path | None = None,
) -> tuple[Conformance, list[Diagnostic]]:
    """:func:`conform` on the logs read from files; with the log's own diagnostics (rejected rows). With
    ``dossiers_csv``, each dossier's result is written there (:func:`qms.conformance.groups.write_dossiers`); with
    ``calendar``, the steps' times are counted on the agency's calendar.yaml (docs/calendar.md)."""
    work_calendar, warnings = load_calendar(calendar) if calendar is not None else (None, [])
    if calendar is not None and work_calendar is None:
        raise ConformanceError(_("lịch làm việc «{path}» có lỗi").format(path=str(calendar)), warnings)
    log_mapping = None
    if mapping is not None:
        log_mapping, problems = read_mapping(mapping)
        if log_mapping is None:
            raise ConformanceError(_("tệp ánh xạ «{path}» có lỗi").format(path=str(mapping)), problems)
    log = read_log(logs, log_mapping)
    if not log.ok:
        raise ConformanceError(_("không đọc được nhật ký hồ sơ"), log.diagnostics)
    result = conform(log, process, log_mapping, called, top, work_calendar)
    if dossiers_csv is not None:
        dossiers_csv.parent.mkdir(parents=True, exist_ok=True)
        write_dossiers(log.connection, str(dossiers_csv))
    return result, [*warnings, *log.diagnostics]
