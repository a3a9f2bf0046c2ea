"""What a KPI measures on a dossier log (``qms analyze``): the names a process file's ``kpis[].measure`` may use."""

from __future__ import annotations

from enum import StrEnum


class Measure(StrEnum):
    """A figure ``qms analyze`` computes from a dossier log (docs/analyze.md says how each is counted)."""

    IN_TIME_RATE = "in_time_rate"  # early or on time, of the dossiers judged (%)
    EARLY_RATE = "early_rate"  # early, of the dossiers judged (%)
    LATE_RATE = "late_rate"  # late or still open past the due date, of the dossiers judged (%)
    APOLOGY_RATE = "apology_rate"  # late dossiers apologised for before the due date (%)
    ONLINE_RATE = "online_rate"  # received online, of the dossiers received (%)
    FULLY_ONLINE_RATE = "fully_online_rate"  # received online and result returned electronically (%)
    MEDIAN_TIME = "median_time"  # median working time used, in the procedure's unit
    P90_TIME = "p90_time"  # 90th percentile of the working time used
    TIME_CHANGE = "time_change"  # change of the median time against the baseline period (%)

    @property
    def is_rate(self) -> bool:
        return self not in (Measure.MEDIAN_TIME, Measure.P90_TIME)


__all__ = ["Measure"]
