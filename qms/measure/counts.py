"""What a group of judged dossiers adds up to, and each measure's value from it: one SQL aggregate per table."""

from __future__ import annotations

from dataclasses import dataclass, fields

import duckdb

from qms.model import Measure

# Each field of Counts and the SQL that counts it over ``judged``-shaped rows (``first`` and ``stop``: the period).
_SQL = {
    "received": "count(*) FILTER (WHERE received >= period_first)",
    "resolved": "count(*) FILTER (WHERE resolved)",
    "early": "count(*) FILTER (WHERE status = 'early')",
    "on_time": "count(*) FILTER (WHERE status = 'on_time')",
    "late": "count(*) FILTER (WHERE status = 'late')",
    "open_overdue": "count(*) FILTER (WHERE status = 'open_overdue')",
    "open": "count(*) FILTER (WHERE status = 'open')",
    "unjudged": "count(*) FILTER (WHERE status = 'unjudged')",
    "past_due": "count(*) FILTER (WHERE past_due)",
    # an apology (form 04) dated no later than the due moment it announces will be missed
    "apologised": "count(*) FILTER (WHERE past_due AND apology AND apologized <= due_at)",
    # of those, the ones whose end kept the new date the apology announced, or missed it (still late: judge.py)
    "new_date_met": "count(*) FILTER (WHERE apology_outcome = 'new_date_met')",
    "new_date_missed": "count(*) FILTER (WHERE apology_outcome = 'new_date_missed')",
    "online": "count(*) FILTER (WHERE received >= period_first AND channel = 2)",
    "channel_known": "count(channel) FILTER (WHERE received >= period_first)",
    "fully_online": "count(*) FILTER (WHERE received >= period_first AND channel = 2 AND e_result)",
    "e_result_known": "count(e_result) FILTER (WHERE received >= period_first)",
    "median_minutes": "quantile_cont(used_minutes, 0.5) FILTER (WHERE resolved)",
    "p90_minutes": "quantile_cont(used_minutes, 0.9) FILTER (WHERE resolved)",
}


@dataclass(frozen=True)
class Counts:
    """The dossiers of one group in one period: received in it, resolved in it by status, still open at its end."""

    received: int = 0
    resolved: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    open_overdue: int = 0
    open: int = 0
    unjudged: int = 0
    past_due: int = 0
    apologised: int = 0
    new_date_met: int = 0  # late with an apology in time, the new date met
    new_date_missed: int = 0
    online: int = 0
    channel_known: int = 0  # received dossiers whose channel the log gives (an event log gives none)
    fully_online: int = 0
    e_result_known: int = 0
    median_minutes: float | None = None
    p90_minutes: float | None = None

    @property
    def judged(self) -> int:
        """Resolved and judged, plus open past the due date: the denominator of the timeliness rates."""
        return self.early + self.on_time + self.late + self.open_overdue

    def value(self, measure: Measure, minutes_per_unit: float, baseline: Counts | None = None) -> float | None:
        """The measure's value (a rate in %, a time in the unit), or ``None`` when nothing can be counted."""
        rates = {
            Measure.IN_TIME_RATE: (self.early + self.on_time, self.judged),
            Measure.EARLY_RATE: (self.early, self.judged),
            Measure.LATE_RATE: (self.late + self.open_overdue, self.judged),
            Measure.APOLOGY_RATE: (self.apologised, self.past_due),
            Measure.ONLINE_RATE: (self.online, self.received if self.channel_known else 0),
            # only when the log says, for the dossiers received online, whether the result went back electronically
            Measure.FULLY_ONLINE_RATE: (self.fully_online, self.received if self.e_result_known else 0),
        }
        if measure in rates:
            part, whole = rates[measure]
            return 100.0 * part / whole if whole else None
        if measure is Measure.TIME_CHANGE:
            if baseline is None or not baseline.median_minutes or self.median_minutes is None:
                return None
            return 100.0 * (self.median_minutes - baseline.median_minutes) / baseline.median_minutes
        minutes = self.median_minutes if measure is Measure.MEDIAN_TIME else self.p90_minutes
        return None if minutes is None else minutes / minutes_per_unit


def count(con: duckdb.DuckDBPyConnection, table: str, key_sql: str = "''") -> dict[tuple[str, str], Counts]:
    """Counts per (period, key) of the judged rows in ``table``; ``key_sql`` groups them (procedure, unit...)."""
    names = [f.name for f in fields(Counts)]
    select = ", ".join(f"{_SQL[name]} AS {name}" for name in names)
    rows = con.execute(f"SELECT period, CAST({key_sql} AS VARCHAR) AS key, {select} FROM {table} GROUP BY ALL ORDER BY ALL").fetchall()
    found = {}
    for period, key, *values in rows:
        figures = dict(zip(names, values, strict=True))
        counted = {name: int(value or 0) for name, value in figures.items() if not name.endswith("_minutes")}
        found[(period, key or "")] = Counts(**counted, median_minutes=figures["median_minutes"], p90_minutes=figures["p90_minutes"])
    return found


__all__ = ["Counts", "count"]
