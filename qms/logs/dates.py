"""Dates of a log, parsed in bulk by DuckDB: one SQL expression tries every format, the first that reads wins.

Formats, in order: those of the mapping file, ``yyyyMMddHHmmss``, ``dd/mm/yyyy HH:MM:SS``, ``dd/mm/yyyy HH:MM``,
``dd/mm/yyyy``, ISO 8601 (with or without an offset; one with an offset is converted), an Excel serial number
(days since 1899-12-30, up to five digits and a fraction). The result is a ``TIMESTAMP`` of the local time in
Asia/Ho_Chi_Minh (the connection's ``TimeZone``); a value no format reads is ``NULL``.
"""

from __future__ import annotations

ZONE = "Asia/Ho_Chi_Minh"
BUILT_IN = ("%Y%m%d%H%M%S", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def date_sql(column: str, extra_formats: tuple[str, ...] = ()) -> str:
    """The SQL expression reading the text column ``column`` (already quoted) as a local TIMESTAMP."""
    formats = ", ".join(_quote(f) for f in (*extra_formats, *BUILT_IN))
    return (
        f"COALESCE(try_strptime({column}, [{formats}]), "
        f"CASE WHEN regexp_full_match({column}, '\\d{{4}}-\\d{{2}}-\\d{{2}}([ T].*)?') "
        f"THEN timezone({_quote(ZONE)}, TRY_CAST({column} AS TIMESTAMPTZ)) END, "
        f"CASE WHEN regexp_full_match({column}, '[0-9]{{1,5}}(\\.[0-9]+)?') "
        f"THEN TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST({column} AS DOUBLE) * 86400000000) AS BIGINT)) END)"
    )
