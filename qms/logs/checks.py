"""Stage 2 of a log import: the rows of every file under the fields' names, each problem found in bulk by SQL.

Table ``rows``: ``file``, ``_line``, ``exact`` (a hash of the row's values), each field as trimmed text (``NULL``
when empty) and each date field parsed as ``p_<field>``. Table ``problems``: one row per problem
(``file``, ``line``, ``field``, ``code``, ``value``, ``ref``: the first row a duplicate repeats, or the dossier).
"""

from __future__ import annotations

import duckdb

from qms.logs.codes import LogCode
from qms.logs.dates import date_sql
from qms.logs.mapping import DATE_FIELDS, DEFAULTS, DOSSIER, EVENT, FLAG_FIELDS, SUPPLEMENT_PAIRS, Mapping

YES = ("1", "true", "x", "có", "co", "yes", "y")
NO = ("0", "false", "không", "khong", "no", "n")
# (later, earlier): a moment that cannot come before the other one
_ORDERED = (
    ("returned", "received"),
    ("ended", "received"),
    ("refused", "received"),
    ("apologized", "received"),
    *((f"supplement_received_{n}", f"supplement_requested_{n}") for n in SUPPLEMENT_PAIRS),
)


def flag_sql(column: str) -> str:
    """``true``/``false`` for a yes/no text column (NULL when empty or neither)."""
    return f"CASE WHEN lower({column}) IN {YES} THEN true WHEN lower({column}) IN {NO} THEN false END"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def select_rows(table: str, file: int, mapping: Mapping, header: list[str]) -> str:
    """The SELECT turning one source table into ``rows``' columns (a field the file does not have is NULL)."""
    parts = [f"{file} AS file", "_line"]
    for name in DEFAULTS[mapping.shape]:
        column = mapping.columns.get(name)
        parts.append(f"NULLIF(trim({_ident(column)}), '') AS {name}" if column in header else f"CAST(NULL AS VARCHAR) AS {name}")
    return f"SELECT {', '.join(parts)} FROM {table}"


def build_rows(con: duckdb.DuckDBPyConnection, selects: list[str], mapping: Mapping, ranked: bool = False) -> None:
    """``rows`` from the ``selects`` of each file; ``ranked``: one file whose ``_line`` is its rank after the header,
    given by the row ids of the table its text is read into (``rows`` a view on ``rows_data``)."""
    fields = list(DEFAULTS[mapping.shape])
    dates = ", ".join(f"{date_sql(name, mapping.date_formats)} AS p_{name}" for name in DATE_FIELDS[mapping.shape])
    exact = "hash(" + ", ".join(fields) + ")"
    # A separate supplement entry names its dossier and the due dates, and no receipt; a dossier row may carry its
    # own due dates before and after a supplement (as many one-stop exports do) and stays a dossier row.
    supplement = (
        ", (due_before IS NOT NULL OR due_after IS NOT NULL) AND received IS NULL AS supplement" if mapping.shape == DOSSIER else ""
    )
    order = " ORDER BY file, _line" if len(selects) > 1 else ""  # one file's rows are in order already
    made = f"SELECT *, {exact} AS exact, {dates}{supplement} FROM ({' UNION ALL '.join(selects)}){order}"
    if ranked:  # DuckDB keeps a file's order in the table it reads it into
        con.execute(f"CREATE TABLE rows_data AS {made}")
        con.execute("CREATE VIEW rows AS SELECT * REPLACE (rowid + 2 AS _line) FROM rows_data")
    else:
        con.execute(f"CREATE TABLE rows AS {made}")


def _row_problems(shape: str, known: bool) -> list[str]:
    """SELECTs of the problems one row shows by itself: (file, line, field, code, value, ref)."""
    found = [f"SELECT file, _line, 'dossier', '{LogCode.MISSING_ID}', NULL, NULL FROM rows WHERE dossier IS NULL"]
    for name in DATE_FIELDS[shape]:
        found.append(f"SELECT file, _line, '{name}', '{LogCode.DATE}', {name}, NULL FROM rows WHERE {name} IS NOT NULL AND p_{name} IS NULL")
    found.append(f"SELECT file, _line, 'channel', '{LogCode.CHANNEL}', channel, NULL FROM rows WHERE channel NOT IN ('1', '2', '3')")
    if shape == DOSSIER:
        found += [
            f"SELECT file, _line, 'received', '{LogCode.DATE}', NULL, NULL FROM rows WHERE received IS NULL AND NOT supplement",
            f"SELECT file, _line, 'supplements_declared', '{LogCode.VALUE}', supplements_declared, NULL FROM rows "
            "WHERE supplements_declared IS NOT NULL AND NOT regexp_full_match(supplements_declared, '[0-9]{1,4}')",
        ]
        found += [
            f"SELECT file, _line, '{later}', '{LogCode.RETURNED_BEFORE}', {later}, '{earlier}' FROM rows WHERE p_{later} < p_{earlier}"
            for later, earlier in _ORDERED
        ]
        found += [
            f"SELECT file, _line, '{name}', '{LogCode.VALUE}', {name}, NULL FROM rows WHERE {name} IS NOT NULL AND {flag_sql(name)} IS NULL"
            for name in FLAG_FIELDS
        ]
    else:
        found.append(f"SELECT file, _line, 'occurred', '{LogCode.DATE}', NULL, NULL FROM rows WHERE occurred IS NULL")
    if known:
        found.append(
            f"SELECT file, _line, 'procedure', '{LogCode.PROCEDURE}', procedure, NULL FROM rows "
            "WHERE procedure IS NOT NULL AND procedure NOT IN (SELECT code FROM known)"
        )
    return found


def _repeated(key: str) -> str:
    """The rows whose ``key`` another row has too: a hash aggregate finds them, so that the window functions that
    rank them sort only those (none, in a clean log) rather than every row."""
    return (
        f"(SELECT * FROM rows JOIN (SELECT {key} FROM rows WHERE dossier IS NOT NULL GROUP BY {key} HAVING count(*) > 1) "
        f"USING ({key}) WHERE dossier IS NOT NULL)"
    )


def _duplicates(shape: str) -> list[str]:
    first = "first_value(file || ':' || _line) OVER (PARTITION BY {key} ORDER BY file, _line)"
    rank = "row_number() OVER (PARTITION BY {key} ORDER BY file, _line)"
    found = [
        f"SELECT file, _line, 'dossier', '{LogCode.DUPLICATE}', 'exact', ref FROM "
        f"(SELECT *, {rank.format(key='exact')} AS n, {first.format(key='exact')} AS ref FROM {_repeated('exact')}) WHERE n > 1"
    ]
    if shape == DOSSIER:
        key = "dossier, supplement"
        found += [
            f"SELECT file, _line, 'dossier', '{LogCode.DUPLICATE}', dossier, ref FROM "
            f"(SELECT *, {rank.format(key=key)} AS n, {first.format(key=key)} AS ref, "
            f"{rank.format(key='exact')} AS e FROM {_repeated(key)}) WHERE n > 1 AND e = 1 AND NOT supplement",
            f"SELECT file, _line, 'dossier', '{LogCode.SUPPLEMENT}', dossier, NULL FROM rows s WHERE supplement AND dossier IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM rows d WHERE NOT d.supplement AND d.dossier = s.dossier)",
        ]
    return found


def find_problems(con: duckdb.DuckDBPyConnection, shape: str, known: bool) -> None:
    queries = _row_problems(shape, known) + _duplicates(shape)
    con.execute(
        "CREATE TABLE problems AS SELECT * FROM (" + " UNION ALL ".join(queries) + ") t(file, line, field, code, value, ref)"
    )
    # ``accepted`` is a view, not a copy of a million wide rows: the rows of ``rejected`` (a few, if any) left out
    con.execute("CREATE TABLE rejected AS SELECT DISTINCT file, line FROM problems")
    con.execute("CREATE VIEW accepted AS SELECT r.* FROM rows r ANTI JOIN rejected j ON r.file = j.file AND r._line = j.line")
    if shape == EVENT:
        con.execute(
            f"INSERT INTO problems SELECT file, _line, 'occurred', '{LogCode.ORDER}', occurred, dossier FROM "
            "(SELECT *, max(p_occurred) OVER (PARTITION BY dossier ORDER BY file, _line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) "
            "AS before FROM accepted) WHERE p_occurred < before"
        )


def clean_tables(con: duckdb.DuckDBPyConnection, shape: str) -> None:
    """``dossiers`` (one row per dossier, typed) or ``events`` (one per step, in time order) from the accepted rows."""
    if shape == EVENT:
        con.execute(
            "CREATE TABLE events AS SELECT dossier, procedure, step, resource, department, p_occurred AS at, file, _line AS row, "
            "CAST(channel AS INTEGER) AS channel "
            "FROM accepted ORDER BY dossier, p_occurred, file, _line"
        )
        return
    pairs = ", ".join(
        f"{{'asked': p_supplement_requested_{n}, 'back': p_supplement_received_{n}}}" for n in SUPPLEMENT_PAIRS
    )
    # Every supplement wait of a dossier, from its own row and from its separate supplement entries, in time order.
    con.execute(
        f"CREATE TABLE waits AS SELECT dossier, w.asked, w.back FROM (SELECT dossier, unnest([{pairs}]) AS w FROM accepted) "
        "WHERE w.asked IS NOT NULL"
    )
    con.execute(
        "CREATE TABLE dossiers AS SELECT d.dossier, d.procedure, d.p_received AS received, d.p_due AS due, d.p_ended AS ended, "
        "d.p_returned AS returned, d.status, CAST(d.channel AS INTEGER) AS channel, d.unit, "
        "greatest(coalesce(s.n, CASE WHEN d.due_before IS NOT NULL OR d.due_after IS NOT NULL THEN 1 ELSE 0 END), "
        "coalesce(CAST(d.supplements_declared AS INTEGER), 0), coalesce(w.n, 0)) AS supplements, "
        "coalesce(s.last_due, d.p_due_after, d.p_due) AS due_final, d.p_refused AS refused, coalesce(w.waits, []) AS waits, "
        f"coalesce({flag_sql('d.apology')}, false) OR d.p_apologized IS NOT NULL "
        f"AS apology, d.p_apologized AS apologized, d.p_apology_due AS apology_due, {flag_sql('d.e_result')} AS e_result, "
        "d.file, d._line AS row "
        "FROM accepted d LEFT JOIN (SELECT dossier, count(*) AS n, arg_max(coalesce(p_due_after, p_due_before), file * 1e12 + _line) "
        "AS last_due FROM accepted WHERE supplement GROUP BY dossier) s USING (dossier) "
        "LEFT JOIN (SELECT dossier, count(*) AS n, list({'asked': asked, 'back': back} ORDER BY asked) AS waits FROM waits GROUP BY dossier) w "
        "USING (dossier) WHERE NOT d.supplement ORDER BY d.file, d._line"
    )
