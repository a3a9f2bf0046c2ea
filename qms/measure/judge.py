"""Each dossier judged: its clock, its due moment, the working time it used, and per period early, on time, late,
open or open past its due date, by the counting chosen (:mod:`qms.measure.counting`). All in SQL, in bulk.

Tables made in the log's connection:

* ``facts``: one row per dossier, period-independent: ``end_at`` (the first of processed, returned, refused),
  ``end_kind``, the limit, ``clock_start``, ``due_at`` (the log's due date, or receipt + limit + waits) and
  ``due_source``, ``used_minutes`` (office minutes from the clock start to the end, or to the end of the range,
  less the supplement waits), ``open_wait`` (when an unanswered supplement request was made);
* ``judged``: one row per dossier and period it counts in (resolved in it, or open at its end), with ``status``
  and ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb

from qms.calendar import TimeLimit
from qms.measure.counting import Counting
from qms.model import AfterSupplement, Process

MIDNIGHT_DUE = "INTERVAL 86399 SECOND"  # a due date written without a time of day is due at 23:59:59 of that day [M]


@dataclass(frozen=True)
class Period:
    """Days ``first`` to ``last`` inclusive, named ``key`` (``2026-03`` for a month, ``""`` for the whole range)."""

    key: str
    first: date
    last: date

    @property
    def stop(self) -> datetime:
        """The first moment after the period."""
        return datetime.combine(self.last + timedelta(days=1), datetime.min.time())


def months(first: date, last: date) -> list[Period]:
    """The calendar months from ``first`` to ``last``, the first and last cut to the range."""
    found, cursor = [], first.replace(day=1)
    while cursor <= last:
        following = (cursor + timedelta(days=32)).replace(day=1)
        found.append(Period(f"{cursor:%Y-%m}", max(cursor, first), min(following - timedelta(days=1), last)))
        cursor = following
    return found


def install_limits(
    con: duckdb.DuckDBPyConnection, limits: Mapping[str, TimeLimit], default: TimeLimit | None, process: Process | None = None
) -> None:
    """Table ``limits``: the statutory limit of each procedure code, ``*`` the one for any other code, and whether a
    supplement restarts the clock (the ``process``'s ``clock.after_supplement``, for every dossier measured against it);
    table ``case_limits``: the limit of each step only a case of ``process``'s ``deadline_cases`` goes through."""
    restart = process is not None and process.clock is not None and process.clock.after_supplement is AfterSupplement.RESTART
    rows = [(code, limit.days, limit.minutes, restart) for code, limit in limits.items()]
    if default is not None:
        rows.append(("*", default.days, default.minutes, restart))
    con.execute("CREATE OR REPLACE TABLE limits (procedure VARCHAR, days INTEGER, minutes INTEGER, restart BOOLEAN)")
    if rows:
        con.executemany("INSERT INTO limits VALUES (?, ?, ?, ?)", rows)
    cases = [
        (step, rank, limit.days, limit.minutes)
        for rank, case in enumerate(process.deadline_cases if process is not None else [])
        if not case.deadline.approximate
        for limit in [TimeLimit.from_duration(case.deadline)]
        for step in case.through
    ]
    con.execute("CREATE OR REPLACE TABLE case_limits (step VARCHAR, rank INTEGER, days INTEGER, minutes INTEGER)")
    if cases:
        con.executemany("INSERT INTO case_limits VALUES (?, ?, ?, ?)", cases)


def _case_join(con: duckdb.DuckDBPyConnection) -> str:
    """SQL joining each dossier of an event log to the first of the process's cases it went through (``c.days``,
    ``c.minutes``); a dossier log says nothing of steps, so its dossiers keep the procedure's limit."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "step_times" not in tables or "case_limits" not in tables:
        return "LEFT JOIN (SELECT NULL::VARCHAR AS dossier, NULL::INTEGER AS days, NULL::INTEGER AS minutes) c ON false"
    return (
        "LEFT JOIN (SELECT s.dossier, arg_min(k.days, k.rank) AS days, arg_min(k.minutes, k.rank) AS minutes FROM step_times s "
        "JOIN case_limits k ON k.step = s.step GROUP BY s.dossier) c ON c.dossier = d.dossier"
    )


def _dossiers(con: duckdb.DuckDBPyConnection) -> str:
    """``dossiers``, with ``apology_due`` (the new due date an apology, form 04, announced) empty when the log has none."""
    columns = {row[0] for row in con.execute("DESCRIBE dossiers").fetchall()}
    return "dossiers" if "apology_due" in columns else "(SELECT *, CAST(NULL AS TIMESTAMP) AS apology_due FROM dossiers)"


def build_facts(con: duckdb.DuckDBPyConnection, as_of: datetime) -> None:
    """Table ``facts`` from ``dossiers`` (needs the ``cal_*`` macros and ``limits``); ``as_of``: the end of the range."""
    at = f"TIMESTAMP '{as_of.isoformat(sep=' ')}'"
    con.execute(
        "CREATE OR REPLACE TEMP TABLE base AS SELECT *, CASE WHEN limit_days IS NOT NULL THEN "
        "cal_allowance(received, limit_days, limit_minutes) END AS allowance FROM (SELECT d.* EXCLUDE (status), "
        "d.status AS log_status, least(d.ended, d.returned, d.refused) AS end_at, "
        "coalesce(c.days, l.days, a.days) AS limit_days, coalesce(c.minutes, l.minutes, a.minutes) AS limit_minutes, "
        "coalesce(l.restart, a.restart, false) AS restart, "
        f"cal_start(d.received) AS start_stamp FROM {_dossiers(con)} d "
        f"LEFT JOIN limits l ON l.procedure = d.procedure LEFT JOIN (SELECT * FROM limits WHERE procedure = '*') a ON true {_case_join(con)})"
    )
    # The waits as stamps, in order, each starting no earlier than the clock and than the waits before it ended,
    # so that overlapping waits are counted once (as qms.calendar.deadline.merge does).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE wait_spans AS "
        "WITH w AS (SELECT dossier, start_stamp, allowance, end_at, restart, limit_days, limit_minutes, unnest(waits) AS w FROM base), "
        f"s AS (SELECT dossier, start_stamp, allowance, restart, limit_days, limit_minutes, cal_stamp(w.asked) AS asked, "
        f"coalesce(w.back, end_at, {at}) AS back_at, cal_stamp(back_at) AS back, w.back IS NULL AS unanswered, w.asked AS asked_at FROM w), "
        "o AS (SELECT *, greatest(asked, start_stamp, coalesce(max(back) OVER (PARTITION BY dossier ORDER BY asked "
        "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS lo FROM s) "
        "SELECT dossier, start_stamp, allowance, restart, lo, greatest(back, lo) AS hi, unanswered, asked_at, "
        # restart: the due stamp of a clock started anew at the wait's end, counted as a receipt (restart_clock)
        "CASE WHEN restart AND limit_days IS NOT NULL THEN cal_start(back_at) + cal_allowance(back_at, limit_days, limit_minutes) "
        "END AS restarted_due, "
        "coalesce(sum(greatest(back, lo) - lo) OVER (PARTITION BY dossier ORDER BY asked ROWS BETWEEN UNBOUNDED PRECEDING "
        "AND 1 PRECEDING), 0) AS paused_before FROM o"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE facts AS WITH p AS ("
        # a wait moves the due moment on when it starts before the (already moved) due moment: run_clock's rule
        "SELECT dossier, sum(hi - lo) FILTER (WHERE lo - paused_before < start_stamp + allowance) AS paused_due, "
        "list({'lo': lo, 'hi': hi}) AS spans, max(asked_at) FILTER (WHERE unanswered) AS open_wait FROM wait_spans GROUP BY dossier), "
        # restart_clock's rule: the waits that restart the clock are those, in order, that start before the due stamp the
        # one before them gave; the last of them gives the due stamp
        "r AS (SELECT dossier, arg_max(restarted_due, lo) FILTER (WHERE restarting) AS restarted_due FROM (SELECT *, "
        "bool_and(lo < previous_due) OVER (PARTITION BY dossier ORDER BY lo ROWS UNBOUNDED PRECEDING) AS restarting FROM "
        "(SELECT dossier, lo, restarted_due, coalesce(lag(restarted_due) OVER (PARTITION BY dossier ORDER BY lo), start_stamp + allowance) "
        "AS previous_due FROM wait_spans WHERE restart AND hi > lo AND restarted_due IS NOT NULL)) GROUP BY dossier), "
        "f AS (SELECT b.*, p.spans, p.open_wait, coalesce(p.paused_due, 0) AS paused_due, r.restarted_due, "
        f"cal_stamp(coalesce(b.end_at, {at})) AS end_stamp, "
        f"CASE WHEN CAST(b.due_final AS TIME) = TIME '00:00:00' THEN b.due_final + {MIDNIGHT_DUE} "
        "ELSE b.due_final END AS due_logged FROM base b LEFT JOIN p USING (dossier) LEFT JOIN r USING (dossier)) "
        "SELECT *, coalesce(due_logged, cal_moment(CASE WHEN restart THEN coalesce(restarted_due, start_stamp + allowance) "
        "ELSE start_stamp + allowance + paused_due END)) AS due_at, "
        "cal_moment(start_stamp + 1) - INTERVAL 1 SECOND AS clock_start, "
        "CASE WHEN due_logged IS NOT NULL THEN 'log' WHEN allowance IS NOT NULL THEN 'limit' END AS due_source, "
        "CASE WHEN end_at IS NULL THEN NULL WHEN end_at = refused THEN 'refused' WHEN end_at = ended THEN 'processed' "
        "ELSE 'returned' END AS end_kind, "
        "greatest(0, end_stamp - start_stamp - coalesce(list_sum(list_transform(spans, lambda s: "
        "greatest(0, least(s.hi, end_stamp) - s.lo))), 0)) / 60.0 AS used_minutes FROM f"
    )
    con.execute("DROP TABLE base; DROP TABLE wait_spans")  # a million rows each, read no more


# What counting and the per-dossier results read of ``facts``: ``judge(..., narrow=True)`` copies only the counting part.
COUNTED = (
    "received",
    "end_at",
    "due_at",
    "supplements",
    "apology",
    "apologized",
    "apology_due",
    "channel",
    "e_result",
    "used_minutes",
    "unit",
    "procedure",
    "waits",
)


def apology_outcome_sql(counting: Counting) -> str:
    """SQL: for a dossier past its due moment that was apologised for in time (form 04, dated no later than the due
    moment) with a new due date, whether its end kept that new date: ``new_date_met``, ``new_date_missed`` (also when
    still open once the new date has passed), else NULL. The dossier stays late: the official counting (Decision
    766/QĐ-TTg) judges it against the original due date [M]; the new date is reported beside it (docs/analyze.md)."""
    new = f"CASE WHEN CAST(apology_due AS TIME) = TIME '00:00:00' THEN apology_due + {MIDNIGHT_DUE} ELSE apology_due END"
    if counting is Counting.OFFICIAL:
        kept, passed = f"end_at <= {new}", f"{new} < period_stop"
    else:
        kept, passed = "CAST(end_at AS DATE) <= CAST(apology_due AS DATE)", "CAST(apology_due AS DATE) < CAST(period_stop AS DATE)"
    return (
        "CASE WHEN past_due AND apology AND apologized <= due_at AND apology_due IS NOT NULL THEN CASE "
        f"WHEN resolved THEN CASE WHEN {kept} THEN 'new_date_met' ELSE 'new_date_missed' END "
        f"WHEN {passed} THEN 'new_date_missed' END END"
    )


def judge(
    con: duckdb.DuckDBPyConnection, periods: Iterable[Period], counting: Counting, table: str = "judged", narrow: bool = False
) -> None:
    """Table ``table``: each dossier in each period it counts in, with its status and reason (``narrow``: only what
    :mod:`qms.measure.counts` reads, for the tables of many periods)."""
    con.execute("CREATE OR REPLACE TEMP TABLE periods (key VARCHAR, first TIMESTAMP, stop TIMESTAMP)")
    con.executemany(
        "INSERT INTO periods VALUES (?, ?, ?)", [(p.key, datetime.combine(p.first, datetime.min.time()), p.stop) for p in periods]
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS WITH j AS (SELECT p.key AS period, p.first AS period_first, p.stop AS period_stop, "
        f"{', '.join('f.' + c for c in COUNTED) if narrow else 'f.* EXCLUDE (spans)'}, f.end_at IS NOT NULL AND f.end_at < p.stop AS resolved, "
        # awaiting a supplement at the period's end: asked before it, not back by then (the clock stands still)
        "len(list_filter(f.waits, lambda w: w.asked < p.stop AND (w.back IS NULL OR w.back >= p.stop))) > 0 AS awaiting "
        "FROM facts f JOIN periods p ON f.received < p.stop AND (f.end_at IS NULL OR f.end_at >= p.first)) "
        f"SELECT * EXCLUDE (waits), {counting.reason_sql()} AS reason, {apology_outcome_sql(counting)} AS apology_outcome "
        f"FROM (SELECT *, {counting.status_sql()} AS status, "
        f"coalesce({counting.past_due_sql()}, false) AS past_due FROM j)"
    )


__all__ = ["Period", "build_facts", "install_limits", "judge", "months"]
