"""A log of step events (one row per step a dossier went through) made into the dossiers :mod:`qms.measure.judge` reads,
using the process the dossiers followed; and where the time of each dossier went, step by step.

An event's time (``ThoiDiemXuLy``) is when that step was done, so the time *in* a step runs from the event before it
to its own [M: the portal's field is described as the moment of processing]. From the process:

* the clock starts at the first event of ``clock.starts_at`` (default: the dossier's first event) and the dossier is
  resolved at the first later event of ``clock.stops_at`` (default: an end step); without it, it is still open;
* a step with ``stops_clock`` (awaiting a supplement) is a wait, from the event before it to its own, and counts as a
  supplement request;
* a step whose id or name speaks of an apology ("xin-loi", "xin lỗi", "apolog") is the apology (form 04) [M: no field
  of the log says so];
* the unit of a dossier is the department of the step that took it the most working time (waits left out).

Table ``step_times`` (``dossier, step, department, minutes``) keeps the office minutes of every step of every
dossier; :func:`slowest_steps` names, for the late dossiers, the step that took each one the longest.
"""

from __future__ import annotations

import duckdb

from qms.model import Process, StepType
from qms.model.values import fold

_APOLOGY = ("xin-loi", "xin loi", "apolog")


def _steps_table(con: duckdb.DuckDBPyConnection, process: Process) -> None:
    """``process_steps``: each way a log may name a step (its id, its Vietnamese name folded) and what it is."""
    rows = []
    for step in process.steps:
        words = f"{step.id} {fold(step.name.vi)} {fold(step.name.en or '')}"
        apology = any(word in words for word in _APOLOGY)
        for key in {step.id.lower(), fold(step.name.vi).strip()}:
            rows.append((key, step.id, step.name.vi, step.stops_clock, apology, step.type is StepType.END))
    con.execute("CREATE OR REPLACE TEMP TABLE process_steps (key VARCHAR, id VARCHAR, name VARCHAR, waits BOOLEAN, apology BOOLEAN, last BOOLEAN)")
    con.executemany("INSERT INTO process_steps VALUES (?, ?, ?, ?, ?, ?)", rows)


def dossiers_from_events(con: duckdb.DuckDBPyConnection, process: Process) -> None:
    """Tables ``step_times`` and ``dossiers`` (the columns of a dossier log's) from ``events``; needs the ``cal_*`` macros."""
    _steps_table(con, process)
    start = process.clock.starts_at if process.clock and process.clock.starts_at else None
    stop = process.clock.stops_at if process.clock and process.clock.stops_at else None
    # Log text folded as the step names are (no diacritics, lower case): strip_accents is DuckDB's own.
    key = "lower(strip_accents(replace(replace(trim(e.step), 'đ', 'd'), 'Đ', 'D')))"
    con.execute(
        "CREATE OR REPLACE TEMP TABLE step_times AS SELECT e.dossier, e.procedure, coalesce(p.id, e.step) AS step, "
        "e.department, e.at, e.file, e.row, coalesce(p.waits, false) AS waits, coalesce(p.apology, false) AS apology, "
        "coalesce(p.last, false) AS last, lag(e.at) OVER w AS since, "
        "coalesce((cal_stamp(e.at) - cal_stamp(lag(e.at) OVER w)) / 60.0, 0) AS minutes "
        f"FROM events e LEFT JOIN process_steps p ON p.key = {key} WINDOW w AS (PARTITION BY e.dossier ORDER BY e.at, e.file, e.row)"
    )
    starts = f"s.step = '{_quote(start)}'" if start else "s.since IS NULL"
    stops = f"t.step = '{_quote(stop)}'" if stop else "t.last"
    con.execute(
        # «at» is a keyword of DuckDB's parser (AT TIME ZONE): always written qualified
        "CREATE OR REPLACE TEMP TABLE dossiers AS WITH r AS (SELECT s.dossier, coalesce(min(s.at) FILTER (WHERE "
        f"{starts}), min(s.at)) AS received FROM step_times s GROUP BY s.dossier) "
        "SELECT t.dossier, any_value(t.procedure) AS procedure, r.received, CAST(NULL AS TIMESTAMP) AS due, "
        f"min(t.at) FILTER (WHERE {stops} AND t.at >= r.received) AS ended, CAST(NULL AS TIMESTAMP) AS returned, "
        "CAST(NULL AS VARCHAR) AS status, CAST(NULL AS INTEGER) AS channel, "
        "arg_max(t.department, t.minutes) FILTER (WHERE NOT t.waits AND t.at > r.received) AS unit, "
        "count(*) FILTER (WHERE t.waits) AS supplements, CAST(NULL AS TIMESTAMP) AS due_final, "
        "CAST(NULL AS TIMESTAMP) AS refused, coalesce(list({'asked': t.since, 'back': t.at} ORDER BY t.at) "
        "FILTER (WHERE t.waits AND t.since IS NOT NULL), []) AS waits, bool_or(t.apology) AS apology, "
        "min(t.at) FILTER (WHERE t.apology) AS apologized, CAST(NULL AS BOOLEAN) AS e_result, "
        "arg_min(t.file, t.at) AS file, arg_min(t.row, t.at) AS row "
        "FROM step_times t JOIN r USING (dossier) GROUP BY t.dossier, r.received"
    )


def slowest_steps(con: duckdb.DuckDBPyConnection, judged: str = "judged_all") -> list[tuple[str, int]]:
    """For the late dossiers (late, or open past due) of ``judged``: the step that took each the most working time,
    and how many late dossiers each step was the slowest of, most first. Empty when there is no ``step_times``."""
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'step_times'").fetchall()[0][0]:
        return []
    rows = con.execute(
        "SELECT coalesce(p.name, s.step) AS step, count(*) FROM (SELECT dossier, arg_max(step, minutes) AS step FROM step_times "
        "WHERE NOT waits GROUP BY dossier) s JOIN (SELECT DISTINCT dossier FROM " + judged + " WHERE status IN ('late', 'open_overdue')) j "
        "USING (dossier) LEFT JOIN (SELECT DISTINCT id, name FROM process_steps) p ON p.id = s.step GROUP BY ALL ORDER BY 2 DESC, 1"
    ).fetchall()
    return [(str(step), int(n)) for step, n in rows]


def _quote(text: str) -> str:
    return text.replace("'", "''")


__all__ = ["dossiers_from_events", "slowest_steps"]
