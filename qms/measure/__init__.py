"""Measuring the real work: a dossier log judged against its deadlines on the working-day calendar::

    from pathlib import Path
    from qms.measure import Request, analyze_files
    from qms.model import Measure

    analysis = analyze_files(Request([Path("processes/logs/QT-TTHC-01-2026.csv")], process="QT-TTHC-01"))
    analysis.value(Measure.IN_TIME_RATE)  # 90.4 (%, early or on time)
    analysis.met  # every target of the process's KPIs met?

Read (:mod:`qms.logs`) → judge each dossier (:mod:`qms.measure.judge`, by :mod:`qms.measure.counting`) → count
(:mod:`qms.measure.counts`) → compare with targets (:mod:`qms.measure.targets`). See docs/analyze.md.
"""

from typing import TYPE_CHECKING

from qms.lazy import lazy_names

if TYPE_CHECKING:
    from qms.measure.analysis import DOSSIER_COLUMNS, Analysis, Group, analyze, write_dossiers
    from qms.measure.counting import REASON_LABELS, STATUS_LABELS, STATUSES, Counting, GroupBy
    from qms.measure.counts import Counts
    from qms.measure.judge import Period, months
    from qms.measure.run import STAGES, AnalyzeError, Request, analyze_files, find_process
    from qms.measure.targets import Goal, TargetCheck, TargetError, parse_goal, process_goals

# Each name is imported with its own module when first used: «qms analyze» is declared with the two enums of
# qms.measure.counting, and registering it should not import DuckDB (qms.lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "qms.measure.analysis": ("DOSSIER_COLUMNS", "Analysis", "Group", "analyze", "write_dossiers"),
        "qms.measure.counting": ("REASON_LABELS", "STATUS_LABELS", "STATUSES", "Counting", "GroupBy"),
        "qms.measure.counts": ("Counts",),
        "qms.measure.judge": ("Period", "months"),
        "qms.measure.run": ("STAGES", "AnalyzeError", "Request", "analyze_files", "find_process"),
        "qms.measure.targets": ("Goal", "TargetCheck", "TargetError", "parse_goal", "process_goals"),
    },
)

__all__ = [
    "DOSSIER_COLUMNS",
    "REASON_LABELS",
    "STAGES",
    "STATUSES",
    "STATUS_LABELS",
    "Analysis",
    "AnalyzeError",
    "Counting",
    "Counts",
    "Goal",
    "Group",
    "GroupBy",
    "Period",
    "Request",
    "TargetCheck",
    "TargetError",
    "analyze",
    "analyze_files",
    "find_process",
    "months",
    "parse_goal",
    "process_goals",
    "write_dossiers",
]
