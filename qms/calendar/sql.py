"""The working-day calendar inside DuckDB: SQL macros that give, for a million dossiers at once, what
:class:`~qms.calendar.WorkCalendar` gives for one.

Why SQL and not the Python calendar: a province's year is a million dossiers, and a Python call per dossier is the
slow part of any such loop. The calendar's arrays (working days before each day, worked or not, the working days in
order; :meth:`WorkCalendar.tables`) become DuckDB variables, so each macro is a few array look-ups and the office
periods unrolled into arithmetic. ``tests/measure/test_calendar_sql.py`` checks every macro against the Python
calendar on thousands of moments (Tết, make-up Saturdays, the cut-off, the lunch break). It lives here, beside the
calendar, so that the measures (:mod:`qms.measure`) and the conformance checks (:mod:`qms.conformance`, the working
time of each step), which do not import each other, both use it; ``qms.measure.calendar_sql`` re-exports it.

Macros (``t`` a local ``TIMESTAMP``; stamps are office seconds from the calendar's first working day, as in
:mod:`qms.calendar.work_calendar`):

* ``cal_stamp(t)``: the stamp of ``t``;
* ``cal_start(t)``, ``cal_start_index(t)``: where the clock of a dossier received at ``t`` starts (the cut-off,
  the lunch break, days off) and the index of that working day;
* ``cal_allowance(t, days, minutes)``: the office seconds a limit gives from that start (as ``due_date``);
* ``cal_moment(stamp)``: the earliest local moment with that stamp (a day's close rather than the next opening).

A moment outside the calendar's years gives ``NULL``.
"""

from __future__ import annotations

from datetime import date

import duckdb

from qms.calendar import WorkCalendar


def _worked_before(calendar: WorkCalendar, second: str) -> str:
    """SQL: office seconds of a day before the second-of-day ``second`` (OfficeHours.worked_before, unrolled)."""
    return " + ".join(f"greatest(0, least({second}, {end}) - {start})" for start, end in calendar.hours.periods)


def _second_at(calendar: WorkCalendar, worked: str) -> str:
    """SQL: the second of the day at which ``worked`` office seconds of it have passed (OfficeHours.second_at)."""
    cases, before = [], 0
    for start, end in calendar.hours.periods:
        cases.append(f"WHEN {worked} <= {before + end - start} THEN {start} + {worked} - {before}")
        before += end - start
    return f"CASE {' '.join(cases)} ELSE {calendar.hours.closing} END"


def install(con: duckdb.DuckDBPyConnection, calendar: WorkCalendar) -> None:
    """Put ``calendar`` into ``con`` as variables and the ``cal_*`` macros."""
    base, before, working, days = calendar.tables()
    con.execute(
        "CREATE OR REPLACE TEMP TABLE cal_arrays AS SELECT ?::INTEGER[] AS b, ?::BOOLEAN[] AS w, ?::DATE[] AS d",
        [list(before), [bool(x) for x in working], list(days)],
    )
    for name, column in (("cal_before", "b"), ("cal_working", "w"), ("cal_days", "d")):
        con.execute(f"SET VARIABLE {name} = (SELECT {column} FROM cal_arrays)")
    per_day, cutoff, closing = calendar.hours.seconds_per_day, calendar.config.cutoff, calendar.hours.closing
    first = f"DATE '{base.isoformat()}'"
    last = f"DATE '{date(calendar.last_year, 12, 31).isoformat()}'"
    in_time = f"getvariable('cal_working')[cal_offset(t)] AND cal_second(t) < {closing}"
    if cutoff is not None:
        in_time += f" AND cal_second(t) <= {cutoff}"
    macros = {
        # 1-based offset of t's day in the arrays; NULL outside the calendar
        "cal_offset(t)": f"CASE WHEN CAST(t AS DATE) BETWEEN {first} AND {last} THEN CAST(t AS DATE) - {first} + 1 END",
        # a fraction of a second counts as the next second (as WorkCalendar._clock)
        "cal_second(t)": "hour(t) * 3600 + minute(t) * 60 + second(t) + CASE WHEN microsecond(t) % 1000000 > 0 THEN 1 ELSE 0 END",
        "cal_whole_second(t)": "hour(t) * 3600 + minute(t) * 60 + second(t)",
        "cal_stamp(t)": (
            f"getvariable('cal_before')[cal_offset(t)] * {per_day} + CASE WHEN getvariable('cal_working')[cal_offset(t)] "
            f"THEN {_worked_before(calendar, 'cal_whole_second(t)')} ELSE 0 END"
        ),
        "cal_in_time(t)": in_time,
        "cal_start_index(t)": (
            "getvariable('cal_before')[cal_offset(t)] + CASE WHEN cal_in_time(t) THEN 0 "
            "WHEN getvariable('cal_working')[cal_offset(t)] THEN 1 ELSE 0 END"
        ),
        "cal_start(t)": (
            f"CASE WHEN cal_in_time(t) THEN getvariable('cal_before')[cal_offset(t)] * {per_day} + "
            f"{_worked_before(calendar, 'cal_second(t)')} ELSE cal_start_index(t) * {per_day} END"
        ),
        "cal_allowance(t, days, minutes)": (
            f"CASE WHEN days > 0 OR minutes = 0 THEN (cal_start_index(t) + days + 1) * {per_day} - cal_start(t) + minutes * 60 "
            "ELSE minutes * 60 END"
        ),
        "cal_moment_int(s)": (
            f"CASE WHEN s % {per_day} = 0 AND s > 0 THEN getvariable('cal_days')[s // {per_day}] + "
            f"to_seconds({closing}) ELSE getvariable('cal_days')[s // {per_day} + 1] + "
            f"to_seconds({_second_at(calendar, f'(s % {per_day})')}) END"
        ),
        "cal_moment(s)": "cal_moment_int(CAST(s AS BIGINT))",
    }
    for signature, body in macros.items():
        con.execute(f"CREATE OR REPLACE TEMP MACRO {signature} AS ({body})")


__all__ = ["install"]
