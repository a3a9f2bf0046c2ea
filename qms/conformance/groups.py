"""Conformance by month and by unit, and each dossier's result, from the tables :func:`qms.conformance.conform` left.

A dossier belongs to the month of its first event and to the unit (``department``) that recorded it: where the work
entered the process. Per group, the share of conforming dossiers and the log fitness of its dossiers (pm4py's
formula on their summed token counts), so that a month or a unit that drifts from the process shows up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import duckdb

from qms.conformance.replay import TokenCounts


class GroupBy(StrEnum):
    MONTH = "month"
    UNIT = "unit"


_KEYS = {
    GroupBy.MONTH: "strftime(min(e.at), '%Y-%m')",
    GroupBy.UNIT: "coalesce(arg_min(e.department, e.at), '')",
}


@dataclass(frozen=True)
class GroupConformance:
    """One month or unit: its dossiers, how many conform, and their log fitness."""

    group: str
    dossiers: int
    conforming: int
    fitness: float

    @property
    def share(self) -> float:
        return self.conforming / self.dossiers if self.dossiers else 0.0


def conformance_by(con: duckdb.DuckDBPyConnection, by: GroupBy) -> tuple[GroupConformance, ...]:
    """The groups in order (months in time order, units by name)."""
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


DOSSIER_COLUMNS = ("dossier", "variant", "fitness", "conforming", "deviations")
_DOSSIERS = (
    "SELECT d.dossier, d.variant, r.fitness, r.conforming, "
    "coalesce((SELECT string_agg(x.kind || ':' || x.step, '; ' ORDER BY x.kind, x.step) FROM conformance_deviations x "
    "WHERE x.variant = d.variant), '') AS deviations FROM conformance_dossiers d JOIN conformance_results r USING (variant) "
    "ORDER BY d.dossier"
)


def dossier_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, float, bool, str]]:
    """Each dossier: its id, variant, fitness, whether it conforms, and its deviations («missing:tham-dinh; …»)."""
    return [(str(a), int(b), float(c), bool(d), str(e)) for a, b, c, d, e in con.execute(_DOSSIERS).fetchall()]


def write_dossiers(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """:func:`dossier_rows` as a CSV file (UTF-8, header), written by DuckDB without the rows passing through Python."""
    quoted = path.replace("'", "''")
    con.execute(f"COPY ({_DOSSIERS}) TO '{quoted}' (HEADER, DELIMITER ',')")


__all__ = ["DOSSIER_COLUMNS", "GroupBy", "GroupConformance", "conformance_by", "dossier_rows", "write_dossiers"]
