"""Variants in DuckDB: each dossier's path (its events' steps in time order), the distinct paths with their counts,
and each dossier's variant, so that the replay runs once per variant and its results join back to the dossiers.

Tables (temporary, on the log's connection):

* ``conformance_activities (label, step, inside)``: each distinct activity label of the log and the step it records
  (NULL: none), resolved once per label in Python (:mod:`qms.conformance.activities`);
* ``conformance_traces (dossier, path)``: the labels of a dossier's events in time order (ties: file, row), as
  step ids, or the label itself after :data:`~qms.conformance.deviations.UNKNOWN` when it records no step. Events
  inside one call of a sub-process (steps of the called process, one after another) count as the call step once;
* ``conformance_variants (variant, path, dossiers)``: the distinct paths, the most frequent first (variant 1);
* ``conformance_dossiers (dossier, variant)``.
"""

from __future__ import annotations

import duckdb

from qms.conformance.activities import ActivityMap
from qms.conformance.deviations import UNKNOWN


def build_variants(con: duckdb.DuckDBPyConnection, activities: ActivityMap) -> None:
    """The tables of the module docstring, from the ``events`` table that :func:`qms.logs.read_log` made."""
    labels = [str(label) for (label,) in con.execute("SELECT DISTINCT coalesce(step, '') FROM events").fetchall()]
    resolved = [activities.resolve(label) for label in labels]
    con.execute("CREATE OR REPLACE TEMP TABLE conformance_activities (label VARCHAR, step VARCHAR, inside BOOLEAN)")
    con.execute(
        "INSERT INTO conformance_activities SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::BOOLEAN[])",
        [labels, [r.step for r in resolved], [r.inside_call for r in resolved]],
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE conformance_traces AS "
        # «at» is a keyword of DuckDB's parser (AT TIME ZONE): renamed at once
        f"WITH e AS (SELECT e.dossier, e.at AS moment, e.file, e.row, coalesce(a.step, '{UNKNOWN}' || a.label) AS label, a.inside "
        "FROM events e JOIN conformance_activities a ON a.label = coalesce(e.step, '')), "
        "ordered AS (SELECT *, lag(label) OVER (PARTITION BY dossier ORDER BY moment, file, row) AS previous FROM e) "
        "SELECT dossier, list(label ORDER BY moment, file, row) FILTER (WHERE NOT (inside AND previous IS NOT DISTINCT FROM label)) AS path "
        "FROM ordered GROUP BY dossier"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE conformance_variants AS SELECT row_number() OVER (ORDER BY count(*) DESC, path) AS variant, "
        "path, count(*) AS dossiers FROM conformance_traces GROUP BY path"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE conformance_dossiers AS SELECT t.dossier, v.variant FROM conformance_traces t "
        "JOIN conformance_variants v ON v.path = t.path"
    )


def variant_paths(con: duckdb.DuckDBPyConnection) -> list[tuple[int, tuple[str, ...], int]]:
    """Each variant's id, path and number of dossiers, most frequent first."""
    rows = con.execute("SELECT variant, path, dossiers FROM conformance_variants ORDER BY variant").fetchall()
    return [(int(v), tuple(path), int(n)) for v, path, n in rows]
