"""Where the dossiers' time goes, step by step, on the working-day calendar; and the bottleneck steps.

An event of a step log has one time (``ThoiDiemXuLy``): when that step was done [M: the portal's field is described
as the moment of processing]. One time cannot tell the work on a step from the wait before it, so:

* the **working time** of a step is the office time (:mod:`qms.calendar.sql`: office hours only, lunch break,
  weekends, public holidays and Tết left out) from the dossier's previous event to this one, the wait for the step
  to begin included. The dossier's first event is its entry: no time. This is also how :mod:`qms.measure.events`
  counts the time in a step;
* the **waiting time** before a step, from the end of the previous step to the start of this one, is known only
  when the ``events`` table has a ``started`` column (a log recording when each step began: then working time is
  ``started`` to the event, waiting the previous event to ``started``). Without it waiting is ``NULL``, not 0;
* consecutive events inside one call of a sub-process count as one execution of the call step (as in the variants,
  :mod:`qms.conformance.variants`), from the event before the call to the call's last event;
* a step's **declared duration** (``duration``) counts its working days in the calendar's office day (450 minutes
  by default, not the process model's 8 hours, which only compares durations written in files), plus its minutes.

**Bottlenecks** (process-mining practice: where the work waits) are ranked by the total time the log's dossiers
spent in each step, working plus waiting, over all its executions: the step that holds the most dossier-time is
where shortening the wait helps the most dossiers, which neither a median (a rare slow step) nor a count (a quick
busy step) says alone. Steps that stop the deadline's clock (``stops_clock``: awaiting the citizen's supplement) are
the citizen's time, not the agency's, and are not ranked. The share of executions over the declared duration is a
second ranking, of steps slower than the process says.

Tables (temporary, on the log's connection): ``conformance_step_times (dossier, position, step, working, waiting,
declared)`` in office seconds, one row per execution; ``conformance_dossier_times (dossier, working, waiting,
slowest, slowest_seconds)``, one row per dossier. Everything is SQL over all events at once, no loop per event.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from qms.calendar import TimeLimit, WorkCalendar
from qms.conformance.deviations import UNKNOWN
from qms.model import MINUTES_PER_WORKING_DAY, Process
from qms.model.values import Duration


@dataclass(frozen=True)
class StepFigures:
    """The times of one step of the process over a log (minutes of office time); ``None`` when nothing was measured.

    ``executions`` counts the step's recorded executions, ``measured`` those with a working time (all but a dossier's
    first event); ``over_duration_share`` is the share of measured executions longer than the declared duration
    (``None`` without one); ``deviation_share`` the share of the log's dossiers with a deviation at this step.
    """

    step: str
    executions: int
    measured: int
    median_minutes: float | None
    p90_minutes: float | None
    declared_minutes: float | None
    over_duration_share: float | None
    median_waiting_minutes: float | None
    total_minutes: float
    deviation_share: float = 0.0
    stops_clock: bool = False


def declared_seconds(duration: Duration | None, calendar: WorkCalendar) -> int | None:
    """A step's declared duration in office seconds of ``calendar``."""
    if duration is None:
        return None
    per_day = calendar.hours.seconds_per_day
    if duration.approximate:  # calendar days, already made working days at 8 hours each
        return round(duration.minutes / MINUTES_PER_WORKING_DAY * per_day)
    limit = TimeLimit.from_duration(duration)
    return limit.days * per_day + limit.minutes * 60


def _has_start_times(con: duckdb.DuckDBPyConnection) -> bool:
    found = "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'events' AND column_name = 'started' AND NOT internal"
    return bool(con.execute(found).fetchall()[0][0])


def build_step_times(con: duckdb.DuckDBPyConnection, process: Process, calendar: WorkCalendar) -> None:
    """The two tables of the module docstring; needs ``conformance_activities`` and the ``cal_*`` macros."""
    declared = {s.id: declared_seconds(s.duration, calendar) for s in process.steps}
    con.execute("CREATE OR REPLACE TEMP TABLE conformance_declared (step VARCHAR, declared BIGINT)")
    con.execute(
        "INSERT INTO conformance_declared SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[])", [list(declared), list(declared.values())]
    )
    started = "e.started" if _has_start_times(con) else "CAST(NULL AS TIMESTAMP)"
    con.execute(
        "CREATE OR REPLACE TEMP TABLE conformance_step_times AS "
        f"WITH e AS (SELECT e.dossier, e.at AS moment, {started} AS started, e.file, e.row, "
        f"coalesce(a.step, '{UNKNOWN}' || a.label) AS label, coalesce(a.inside, false) AS inside "
        "FROM events e JOIN conformance_activities a ON a.label = coalesce(e.step, '')), "
        "o AS (SELECT *, lag(moment) OVER w AS previous, lag(label) OVER w AS previous_label, row_number() OVER w AS k "
        "FROM e WINDOW w AS (PARTITION BY dossier ORDER BY moment, file, row)), "
        # a new execution at every event but the second and later events of one call
        "r AS (SELECT *, sum(CASE WHEN inside AND previous_label IS NOT DISTINCT FROM label THEN 0 ELSE 1 END) "
        "OVER (PARTITION BY dossier ORDER BY k ROWS UNBOUNDED PRECEDING) AS run FROM o), "
        "x AS (SELECT dossier, run AS position, any_value(label) AS step, max(moment) AS finished, "
        "arg_min(coalesce(started, previous), k) AS began, arg_min(previous, k) AS before, arg_min(started, k) AS own_start "
        "FROM r GROUP BY dossier, run) "
        "SELECT x.dossier, x.position, x.step, cal_stamp(x.finished) - cal_stamp(x.began) AS working, "
        "cal_stamp(x.own_start) - cal_stamp(x.before) AS waiting, d.declared "
        "FROM x LEFT JOIN conformance_declared d ON d.step = x.step"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE conformance_dossier_times AS SELECT dossier, sum(working) AS working, sum(waiting) AS waiting, "
        f"arg_max(replace(step, '{UNKNOWN}', ''), coalesce(working, 0) + coalesce(waiting, 0)) AS slowest, "
        "max(coalesce(working, 0) + coalesce(waiting, 0)) AS slowest_seconds FROM conformance_step_times GROUP BY dossier"
    )


_FIGURES = (
    "WITH dev AS (SELECT x.step, sum(v.dossiers) AS dossiers FROM (SELECT DISTINCT variant, step FROM conformance_deviations) x "
    "JOIN conformance_variants v USING (variant) GROUP BY x.step) "
    "SELECT t.step, count(*), count(t.working), quantile_cont(t.working, 0.5) / 60, quantile_cont(t.working, 0.9) / 60, "
    "any_value(t.declared) / 60, count(*) FILTER (WHERE t.working > t.declared), quantile_cont(t.waiting, 0.5) / 60, "
    "coalesce(sum(coalesce(t.working, 0) + coalesce(t.waiting, 0)), 0) / 60, coalesce(any_value(dev.dossiers), 0) "
    f"FROM conformance_step_times t LEFT JOIN dev USING (step) WHERE NOT starts_with(t.step, '{UNKNOWN}') GROUP BY t.step"
)


def step_figures(con: duckdb.DuckDBPyConnection, process: Process, dossiers: int) -> tuple[StepFigures, ...]:
    """Each step the log records, the bottlenecks first (see :func:`bottlenecks`), then in the process's order."""
    order = {s.id: i for i, s in enumerate(process.steps)}
    figures = []
    for step, n, measured, median, p90, declared, over, waiting, total, deviated in con.execute(_FIGURES).fetchall():
        found = process.steps_by_id.get(step)
        figures.append(
            StepFigures(
                step=str(step),
                executions=int(n),
                measured=int(measured),
                median_minutes=_number(median),
                p90_minutes=_number(p90),
                declared_minutes=_number(declared),
                over_duration_share=int(over) / int(measured) if declared is not None and measured else None,
                median_waiting_minutes=_number(waiting),
                total_minutes=float(total),
                deviation_share=int(deviated) / dossiers if dossiers else 0.0,
                stops_clock=bool(found and found.stops_clock),
            )
        )
    return tuple(sorted(figures, key=lambda f: (f.stops_clock, -f.total_minutes, order.get(f.step, len(order)))))


def variant_minutes(con: duckdb.DuckDBPyConnection) -> dict[int, float]:
    """Each variant's median time (office minutes from a dossier's first event to its last, waits included)."""
    rows = con.execute(
        "SELECT d.variant, quantile_cont(t.working + coalesce(t.waiting, 0), 0.5) / 60 FROM conformance_dossiers d "
        "JOIN conformance_dossier_times t USING (dossier) WHERE t.working IS NOT NULL GROUP BY d.variant"
    ).fetchall()
    return {int(variant): float(minutes) for variant, minutes in rows}


# Each dossier's processing time as variant_minutes counts it; a dossier counts once per kind (and per kind and step)
# however many times the deviation occurs in it. GROUPING SETS gives both levels in one pass over the dossiers.
_EFFECTS = (
    "WITH t AS (SELECT d.variant, r.conforming, dt.working + coalesce(dt.waiting, 0) AS total FROM conformance_dossiers d "
    "JOIN conformance_results r USING (variant) JOIN conformance_dossier_times dt USING (dossier) WHERE dt.working IS NOT NULL), "
    "x AS (SELECT DISTINCT variant, kind, step FROM conformance_deviations) "
    "SELECT x.kind, x.step, quantile_cont(t.total, 0.5) / 60, avg(t.total) / 60 FROM x JOIN t USING (variant) "
    "GROUP BY GROUPING SETS ((x.kind), (x.kind, x.step)) "
    "UNION ALL SELECT NULL, NULL, quantile_cont(total, 0.5) / 60, avg(total) / 60 FROM t WHERE conforming"
)


def deviation_minutes(con: duckdb.DuckDBPyConnection) -> dict[tuple[str | None, str | None], tuple[float | None, float | None]]:
    """The median and mean processing time (office minutes, first event to last) of the dossiers with each kind of
    deviation, key ``(kind, None)``, and with each kind at each step, ``(kind, step)``; ``(None, None)``: the
    conforming dossiers'. Dossiers with no measured time (one event) are left out."""
    return {(kind, step): (_number(median), _number(mean)) for kind, step, median, mean in con.execute(_EFFECTS).fetchall()}


def bottlenecks(figures: tuple[StepFigures, ...], top: int = 3) -> tuple[StepFigures, ...]:
    """The ``top`` steps holding the most dossier-time (working plus waiting), clock-stopping steps left out."""
    ranked = sorted((f for f in figures if not f.stops_clock and f.total_minutes > 0), key=lambda f: -f.total_minutes)
    return tuple(ranked[:top])


def over_duration(figures: tuple[StepFigures, ...], top: int = 3) -> tuple[StepFigures, ...]:
    """The ``top`` steps most often slower than their declared duration (those with a duration and some over it)."""
    ranked = sorted((f for f in figures if f.over_duration_share), key=lambda f: -(f.over_duration_share or 0.0))
    return tuple(ranked[:top])


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


__all__ = [
    "StepFigures",
    "bottlenecks",
    "build_step_times",
    "declared_seconds",
    "deviation_minutes",
    "over_duration",
    "step_figures",
    "variant_minutes",
]
