"""Conformance checking: does the real work, as a log of step events records it, follow the documented process?

::

    from qms.conformance import conform
    from qms.logs import read_log

    result = conform(read_log("events.csv"), process)
    result.conforming_share, result.log_fitness, result.by_kind, result.variants
    result.figures_by_step["tham-dinh"].median_minutes, result.bottlenecks   # each step's times (StepFigures)

Each dossier's path is one variant of the log (computed in DuckDB); each variant is replayed once on the Petri net
the process graph stands for (token-based replay as pm4py defines it, :mod:`qms.conformance.net`) and its
deviations found by kind (:mod:`qms.conformance.deviations`), activities that are not in the process included.
Each step's working time on the calendar, against its declared duration, and the bottlenecks are
:mod:`qms.conformance.timing`.
"""

from typing import TYPE_CHECKING

from qms.lazy import lazy_names

if TYPE_CHECKING:
    from qms.conformance.activities import ActivityMap, Resolved, activity_map
    from qms.conformance.deviations import KIND_LABELS, Deviation, DeviationKind, ProcessOrder, find_deviations
    from qms.conformance.net import ProcessNet, derive_net
    from qms.conformance.replay import TokenCounts
    from qms.conformance.result import Conformance, KindCount, StepCount, VariantResult
    from qms.conformance.run import ConformanceError, conform, conform_files
    from qms.conformance.timing import StepFigures
    from qms.model.values import label_key

# (The replay itself is qms.conformance.replay.replay: a package name would be hidden by its module's.)
# Imported when first used: a command that only declares its options should not import DuckDB (qms.lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "qms.conformance.activities": ("ActivityMap", "Resolved", "activity_map"),
        "qms.conformance.deviations": ("KIND_LABELS", "Deviation", "DeviationKind", "ProcessOrder", "find_deviations"),
        "qms.conformance.net": ("ProcessNet", "derive_net"),
        "qms.conformance.replay": ("TokenCounts",),
        "qms.conformance.result": ("Conformance", "KindCount", "StepCount", "VariantResult"),
        "qms.conformance.run": ("ConformanceError", "conform", "conform_files"),
        "qms.conformance.timing": ("StepFigures",),
        "qms.model.values": ("label_key",),
    },
)

__all__ = [
    "KIND_LABELS",
    "ActivityMap",
    "Conformance",
    "ConformanceError",
    "Deviation",
    "DeviationKind",
    "KindCount",
    "ProcessNet",
    "ProcessOrder",
    "Resolved",
    "StepCount",
    "StepFigures",
    "TokenCounts",
    "VariantResult",
    "activity_map",
    "conform",
    "conform_files",
    "derive_net",
    "find_deviations",
    "label_key",
]
