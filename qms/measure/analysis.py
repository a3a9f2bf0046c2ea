"""``analyze``: a dossier log measured over a period, by group and by month, against its targets.

One direction: :func:`qms.logs.read_log` (rows → ``dossiers``) → :mod:`qms.measure.judge` (``facts``, ``judged``)
→ :mod:`qms.measure.counts` (figures) → :mod:`qms.measure.targets` (met or missed). Everything heavy is SQL in the
log's DuckDB connection; Python only sees one row per group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from qms.calendar import TimeLimit, WorkCalendar, default_calendar
from qms.i18n import Message, _
from qms.logs import LogResult
from qms.measure import calendar_sql
from qms.measure.counting import Counting, GroupBy
from qms.measure.counts import Counts, count
from qms.measure.events import dossiers_from_events, slowest_steps
from qms.measure.judge import Period, build_facts, install_limits, judge, months
from qms.measure.targets import Goal, TargetCheck, check
from qms.model import Measure, Process

_KEYS = {GroupBy.PROCEDURE: "coalesce(procedure, '')", GroupBy.UNIT: "coalesce(unit, '')", GroupBy.CHANNEL: "coalesce(channel, 0)"}


@dataclass(frozen=True)
class Group:
    key: str  # a procedure code, a unit, a month (2026-03), a channel (1, 2, 3)
    counts: Counts


@dataclass
class Analysis:
    """The figures of one log over ``period``; ``connection`` keeps ``judged_all`` for the per-dossier results."""

    log: LogResult
    counting: Counting
    period: Period
    by: GroupBy | None
    unit: str  # "days" (working days) or "hours" (working hours): the procedures' own unit
    minutes_per_unit: float
    total: Counts
    groups: list[Group]
    months: list[Group]
    checks: list[TargetCheck]
    baseline: Counts | None = None
    baseline_period: Period | None = None
    notes: list[Message] = field(default_factory=list)
    histogram: list[tuple[int, int]] = field(default_factory=list)  # (whole units used, dossiers resolved)
    late_by_unit: list[tuple[str, int]] = field(default_factory=list)
    late_by_step: list[tuple[str, int]] = field(default_factory=list)  # event logs: the slowest step of each late dossier

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        return self.log.connection

    def value(self, measure: Measure, counts: Counts | None = None) -> float | None:
        return (counts or self.total).value(measure, self.minutes_per_unit, self.baseline)

    @property
    def met(self) -> bool:
        """Every target met (a target nothing could be measured for is not met)."""
        return all(c.met for c in self.checks)


def analyze(
    log: LogResult,
    *,
    goals: Iterable[Goal] = (),
    limits: Mapping[str, TimeLimit] | None = None,
    default_limit: TimeLimit | None = None,
    calendar: WorkCalendar | None = None,
    first: date | None = None,
    last: date | None = None,
    by: GroupBy | None = None,
    counting: Counting = Counting.OFFICIAL,
    baseline: tuple[date, date] | None = None,
    process: Process | None = None,
) -> Analysis:
    """Measure the dossiers of ``log`` (read with :func:`~qms.logs.read_log`) from ``first`` to ``last``.

    A log of step events needs the ``process`` its dossiers followed (:mod:`qms.measure.events`).
    """
    if log.shape is None:
        raise ValueError("the log was not read")
    con, calendar = log.connection, calendar or default_calendar()
    calendar_sql.install(con, calendar)
    if log.events is not None:
        if process is None:
            raise ValueError("a log of step events is measured against the process its dossiers followed")
        dossiers_from_events(con, process)
    limits = dict(limits or {})
    install_limits(con, limits, default_limit, process)
    period = _period(log, first, last)
    stops = [period.stop] + ([Period("", *baseline).stop] if baseline else [])
    build_facts(con, max(stops))
    judge(con, [period], counting, "judged_all")
    judge(con, months(period.first, period.last), counting, "judged_months", narrow=True)
    total = count(con, "judged_all").get((period.key, ""), Counts())
    month_groups = [Group(key, c) for (key, _k), c in count(con, "judged_months").items()]
    if by is GroupBy.MONTH:
        groups = month_groups
    elif by is not None:
        groups = [Group(key, c) for (_p, key), c in count(con, "judged_all", _KEYS[by]).items()]
    else:
        groups = []
    base_counts, base_period = None, None
    if baseline:
        base_period = Period("baseline", *baseline)
        judge(con, [base_period], counting, "judged_baseline")
        base_counts = count(con, "judged_baseline").get((base_period.key, ""), Counts())
    unit, per_unit = _unit(limits, default_limit, calendar)
    analysis = Analysis(log, counting, period, by, unit, per_unit, total, groups, month_groups, [], base_counts, base_period)
    analysis.checks = check(goals, {m: analysis.value(m) for m in Measure})
    analysis.histogram = _histogram(con, per_unit)
    analysis.late_by_unit = [
        (u or "", int(n))
        for u, n in con.execute(
            "SELECT unit, count(*) FROM judged_all WHERE status IN ('late', 'open_overdue') GROUP BY unit ORDER BY 2 DESC, 1"
        ).fetchall()
    ]
    analysis.late_by_step = slowest_steps(con)
    analysis.notes = _notes(con, total)
    return analysis


def _period(log: LogResult, first: date | None, last: date | None) -> Period:
    low, high = log.connection.execute("SELECT min(received), max(greatest(received, ended, returned, refused)) FROM dossiers").fetchall()[
        0
    ]
    first = first or (low.date() if low else date.today())
    last = last or (high.date() if high else first)
    return Period("", first, max(first, last))


def _unit(limits: Mapping[str, TimeLimit], default: TimeLimit | None, calendar: WorkCalendar) -> tuple[str, float]:
    """Working hours when every limit known is in minutes only, else working days."""
    known = [*limits.values(), *([default] if default else [])]
    per_day = calendar.hours.seconds_per_day / 60
    if known and all(lim.days == 0 and lim.minutes > 0 for lim in known):
        return "hours", 60.0
    return "days", per_day


def _histogram(con: duckdb.DuckDBPyConnection, per_unit: float) -> list[tuple[int, int]]:
    rows = con.execute(
        f"SELECT least(CAST(floor(used_minutes / {per_unit}) AS INTEGER), 30) AS bin, count(*) FROM judged_all "
        "WHERE resolved AND used_minutes IS NOT NULL GROUP BY bin ORDER BY bin"
    ).fetchall()
    return [(int(b), int(n)) for b, n in rows]


def _notes(con: duckdb.DuckDBPyConnection, total: Counts) -> list[Message]:
    notes = []
    if total.unjudged:
        notes.append(
            _(
                "{n} hồ sơ đã giải quyết không xét được: không có ngày hẹn trả và không biết thời hạn của thủ tục "
                "(chọn quy trình bằng --process)"
            ).format(n=total.unjudged)
        )
    if total.received and not total.e_result_known:
        notes.append(_("nhật ký không có cột kết quả điện tử (KetQuaDienTu): tỷ lệ trực tuyến toàn trình không tính được"))
    if total.new_date_met or total.new_date_missed:
        notes.append(
            _("hồ sơ quá hạn có văn bản xin lỗi và ngày hẹn mới: {met} trả đúng ngày hẹn mới, {missed} trễ cả ngày hẹn mới "
              "(vẫn tính là quá hạn so với ngày hẹn ban đầu)").format(met=total.new_date_met, missed=total.new_date_missed)
        )
    (outside,) = con.execute("SELECT count(*) FROM facts WHERE start_stamp IS NULL").fetchall()[0]
    if outside:
        notes.append(
            _("{n} hồ sơ có ngày tiếp nhận ngoài các năm của lịch làm việc: thời gian xử lý của chúng không tính được").format(n=outside)
        )
    return notes


def write_dossiers(analysis: Analysis, path: Path, columns: Sequence[str] | None = None) -> None:
    """The per-dossier results as CSV (``.csv``) or JSON (``.json``, one array), written by DuckDB."""
    fmt = "(FORMAT json, ARRAY true)" if path.suffix.lower() == ".json" else "(FORMAT csv, HEADER true)"
    wanted = ", ".join(columns or DOSSIER_COLUMNS)
    target = str(path).replace("'", "''")
    try:
        analysis.connection.execute(f"COPY (SELECT {wanted} FROM judged_all ORDER BY file, row) TO '{target}' {fmt}")
    except duckdb.IOException as exc:  # a folder that cannot be written: the caller reports it as any OSError
        raise OSError(str(exc)) from exc


DOSSIER_COLUMNS = (
    "dossier",
    "procedure",
    "unit",
    "channel",
    "received",
    "clock_start",
    "due_at",
    "due_source",
    "end_at",
    "end_kind",
    "status",
    "reason",
    "round(used_minutes, 1) AS working_minutes_used",
    "supplements",
    "apology",
    "apologized",
    "past_due AND apology AND apologized <= due_at AS apology_in_time",
    "apology_due",
    "apology_outcome",
    "e_result",
    "file",
    "row",
)

__all__ = ["Analysis", "Group", "GroupBy", "analyze", "write_dossiers"]
