"""Conformance by month, unit and channel, and each dossier's result, from the tables :func:`qms.conformance.conform` left.

A dossier belongs to the month of its first event and to the unit (``department``) that recorded it: where the work
entered the process; and to the channel it came by (``HinhThuc``: 1 in person, 2 online, 3 post) when its events
carry one (none by channel when no event does). Per group, the share of conforming dossiers and the log fitness of
its dossiers (pm4py's formula on their summed token counts), so that a month or a unit that drifts from the process shows up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import duckdb

from qms.conformance.replay import TokenCounts
from qms.i18n import _


class GroupBy(StrEnum):
    MONTH = "month"
    UNIT = "unit"
    CHANNEL = "channel"


_KEYS = {
    GroupBy.MONTH: "strftime(min(e.at), '%Y-%m')",
    GroupBy.UNIT: "coalesce(arg_min(e.department, e.at), '')",
    GroupBy.CHANNEL: "coalesce(CAST(arg_min(e.channel, e.at) AS VARCHAR), '')",
}
CHANNEL_LABELS = {"1": _("trực tiếp"), "2": _("trực tuyến"), "3": _("bưu chính")}  # HinhThuc (docs/logs.md)


@dataclass(frozen=True)
class GroupConformance:
    """One month, unit or channel: its dossiers, how many conform, and their log fitness."""

    group: str
    dossiers: int
    conforming: int
    fitness: float

    @property
    def share(self) -> float:
        return self.conforming / self.dossiers if self.dossiers else 0.0


def conformance_by(con: duckdb.DuckDBPyConnection, by: GroupBy) -> tuple[GroupConformance, ...]:
    """The groups in order (months in time order, units by name, channels by number); none by channel when the
    events have no ``channel`` column."""
    if by is GroupBy.CHANNEL and not (_has_column(con, "channel") and con.execute("SELECT count(channel) FROM events").fetchall()[0][0]):
        return ()  # a log without HinhThuc: no channel groups rather than one group of unknowns
    rows = con.execute(
        f"WITH g AS (SELECT e.dossier, {_KEYS[by]} AS grp FROM events e GROUP BY e.dossier) "
        "SELECT g.grp, count(*), count(*) FILTER (WHERE r.conforming), sum(r.missing), sum(r.consumed), sum(r.remaining), "
        "sum(r.produced) FROM g JOIN conformance_dossiers d USING (dossier) JOIN conformance_results r USING (variant) "
        "GROUP BY g.grp ORDER BY g.grp"
    ).fetchall()
    return tuple(
        GroupConformance(str(grp or ""), int(n), int(ok), TokenCounts(int(m), int(c), int(rem), int(p)).fitness)
        for grp, n, ok, m, c, rem, p in rows
    )


def _has_column(con: duckdb.DuckDBPyConnection, column: str) -> bool:
    found = "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'events' AND column_name = ? AND NOT internal"
    return bool(con.execute(found, [column]).fetchall()[0][0])


# The times are office minutes (qms.conformance.timing); waiting is empty when the log has no start times.
DOSSIER_COLUMNS = (
    "dossier", "variant", "fitness", "conforming", "deviations", "working_minutes", "waiting_minutes", "slowest_step", "slowest_step_minutes"
)  # fmt: skip
_DOSSIERS = (
    "SELECT d.dossier, d.variant, r.fitness, r.conforming, "
    "coalesce((SELECT string_agg(x.kind || ':' || x.step, '; ' ORDER BY x.kind, x.step) FROM conformance_deviations x "
    "WHERE x.variant = d.variant), '') AS deviations, round(t.working / 60, 1) AS working_minutes, "
    "round(t.waiting / 60, 1) AS waiting_minutes, t.slowest AS slowest_step, round(t.slowest_seconds / 60, 1) AS slowest_step_minutes "
    "FROM conformance_dossiers d JOIN conformance_results r USING (variant) LEFT JOIN conformance_dossier_times t USING (dossier) "
    "ORDER BY d.dossier"
)

DossierRow = tuple[str, int, float, bool, str, float | None, float | None, str | None, float | None]


def dossier_rows(con: duckdb.DuckDBPyConnection) -> list[DossierRow]:
    """Each dossier: its id, variant, fitness, whether it conforms, its deviations («missing:tham-dinh; …»), its working
    and waiting minutes, and the step that took it the longest with its minutes."""
    return [
        (str(a), int(b), float(c), bool(d), str(e), _minutes(f), _minutes(g), None if h is None else str(h), _minutes(i))
        for a, b, c, d, e, f, g, h, i in con.execute(_DOSSIERS).fetchall()
    ]


def _minutes(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def write_dossiers(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """:func:`dossier_rows` as a CSV file (UTF-8, header), written by DuckDB without the rows passing through Python."""
    quoted = path.replace("'", "''")
    con.execute(f"COPY ({_DOSSIERS}) TO '{quoted}' (HEADER, DELIMITER ',')")


__all__ = ["CHANNEL_LABELS", "DOSSIER_COLUMNS", "GroupBy", "GroupConformance", "conformance_by", "dossier_rows", "write_dossiers"]
