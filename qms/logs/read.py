"""Importing dossier logs: :func:`read_log` reads CSV, XLSX or XES exports and accounts for every row.

Each row read is either used (in the ``dossiers`` or ``events`` table) or rejected with at least one error
diagnostic at ``file:row:column``; ``rows_read == rows_used + rows_rejected``. The source files are only read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from qms.diagnostics import Diagnostic, Location, Severity, error, sort_key
from qms.i18n import Message, _
from qms.logs.checks import build_rows, clean_tables, find_problems, select_rows
from qms.logs.codes import LOG_CODES, LogCode
from qms.logs.dates import ZONE
from qms.logs.mapping import DEFAULTS, DOSSIER, EVENT, Mapping, missing_columns, read_mapping
from qms.logs.sources import LogFileError, Source, csv_rows, number_csv_rows, read_source
from qms.model.values import echo

XES_COLUMNS = {
    "dossier": "case:concept:name",
    "procedure": "case:MaTTHC",
    "step": "concept:name",
    "resource": "org:resource",
    "department": "org:group",
    "occurred": "time:timestamp",
}
_HINTS = {info.code: info.fix for info in LOG_CODES}
MEMORY_LIMIT = "1536MB"


def _quote(text: str) -> str:
    return text.replace("'", "''")


@dataclass
class LogResult:
    """What :func:`read_log` found: the clean table, every problem, and how many rows were read, used, rejected."""

    connection: duckdb.DuckDBPyConnection
    shape: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    rows_read: int = 0
    rows_used: int = 0
    rows_rejected: int = 0

    @property
    def dossiers(self) -> duckdb.DuckDBPyRelation | None:
        return self.connection.table("dossiers") if self.shape == DOSSIER else None

    @property
    def events(self) -> duckdb.DuckDBPyRelation | None:
        return self.connection.table("events") if self.shape == EVENT else None

    @property
    def ok(self) -> bool:
        return self.shape is not None

    def count(self, code: str) -> int:
        return sum(1 for d in self.diagnostics if d.code == code)


def _shape_of(source: Source, mapping: Mapping | None) -> Mapping:
    if mapping is not None:
        return mapping
    if source.kind == "xes":
        return Mapping(EVENT, dict(XES_COLUMNS))
    return Mapping.default(EVENT if DEFAULTS[EVENT]["occurred"] in source.header else DOSSIER)


def read_log(
    paths: Path | str | Iterable[Path | str], mapping: Mapping | Path | str | None = None, known_procedures: Iterable[str] | None = None
) -> LogResult:
    """Read the logs ``paths`` (one shape for all) with ``mapping`` (a file, or the default column names)."""
    con = duckdb.connect()
    con.execute(f"SET TimeZone = '{ZONE}'")
    # DuckDB takes 80% of the machine's memory by default; a bounded share spills to disk instead, so that a province's
    # year stays under 2 GB on a laptop (benchmarks/RESULTS.md). Spill files go to the system's temporary folder,
    # never to the user's working folder (DuckDB's default, «.tmp»).
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{_quote(str(Path(tempfile.gettempdir()) / 'qms-duckdb'))}'")
    # Memory freed by one stage is kept for the next instead of handed back to the system and asked for again (page
    # faults were a third of the time of a million-dossier run; the memory limit above still bounds it).
    for setting in ("allocator_flush_threshold", "allocator_bulk_deallocation_flush_threshold"):
        con.execute(f"SET {setting} = '{MEMORY_LIMIT}'")
    result = LogResult(con, None)
    if isinstance(mapping, str | Path):
        mapping, problems = read_mapping(mapping)
        if mapping is None:
            result.diagnostics = problems
            return result
    files = [Path(paths)] if isinstance(paths, str | Path) else [Path(p) for p in paths]
    sources: list[tuple[int, Source, Mapping]] = []
    used_mapping = None
    for index, path in enumerate(files):
        try:
            source = read_source(con, path, f"src{index}")
        except LogFileError as exc:
            result.diagnostics.append(exc.diagnostic)
            continue
        file_mapping = _shape_of(source, mapping)
        used_mapping = used_mapping or file_mapping
        missing = missing_columns(file_mapping, source.header, path)
        if file_mapping.shape != used_mapping.shape:
            missing.append(error(LogCode.COLUMN, Location(path), _("tệp có dạng khác các tệp trước (theo hồ sơ / theo bước)")))
        result.diagnostics += missing
        if missing:
            continue
        result.diagnostics += source.malformed
        result.rows_read += len(source.malformed)
        sources.append((index, source, file_mapping))
    if used_mapping is None or not sources:
        result.diagnostics.sort(key=sort_key)
        return result
    con.execute("CREATE TABLE known (code VARCHAR)")
    if known_procedures is not None:
        con.execute("INSERT INTO known SELECT unnest(?::VARCHAR[])", [sorted(set(known_procedures))])
    _rows(con, result, sources, used_mapping)
    _drop_like(con, "src[0-9]+.*")  # the files' own tables, once their rows are in ``rows``
    find_problems(con, used_mapping.shape, known_procedures is not None)
    _count(con, result)
    clean_tables(con, used_mapping.shape)
    # A province's year is a million rows held several times over: what is read no more is dropped (benchmarks/RESULTS.md).
    con.execute("DROP VIEW accepted; DROP TABLE rejected")
    _drop_like(con, "rows|rows_data")
    result.shape = used_mapping.shape
    result.diagnostics += _diagnostics(con, {i: (s, m) for i, s, m in sources})
    result.diagnostics.sort(key=sort_key)
    return result


def _rows(con: duckdb.DuckDBPyConnection, result: LogResult, sources: list[tuple[int, Source, Mapping]], mapping: Mapping) -> None:
    """Table ``rows`` from every file; a CSV file's rows are numbered, and its malformed rows counted, once scanned."""
    alone = len(sources) == 1 and sources[0][1].csv is not None  # the usual case: one CSV export, read once
    selects = [
        select_rows(csv_rows(con, source, alone) if source.csv is not None else source.table, index, file_mapping, source.header)
        for index, source, file_mapping in sources
    ]
    build_rows(con, selects, mapping, ranked=alone)
    for index, source, _mapping in sources:
        if source.csv is not None:
            malformed = number_csv_rows(con, source, index)
            result.diagnostics += malformed
            result.rows_read += len(malformed)


def _drop_like(con: duckdb.DuckDBPyConnection, pattern: str) -> None:
    """The tables and views whose whole name ``pattern`` matches (views first: they read the tables)."""
    for kind, listing in (("VIEW", "SELECT view_name FROM duckdb_views()"), ("TABLE", "SELECT table_name FROM duckdb_tables()")):
        for (name,) in con.execute(f"{listing} WHERE NOT internal AND regexp_full_match({kind.lower()}_name, ?)", [pattern]).fetchall():
            con.execute(f'DROP {kind} IF EXISTS "{name}"')


def _count(con: duckdb.DuckDBPyConnection, result: LogResult) -> None:
    read, used = con.execute("SELECT (SELECT count(*) FROM rows), (SELECT count(*) FROM accepted)").fetchall()[0]
    result.rows_read += int(read)
    result.rows_used = int(used)
    result.rows_rejected = result.rows_read - result.rows_used


def _diagnostics(con: duckdb.DuckDBPyConnection, sources: dict[int, tuple[Source, Mapping]]) -> list[Diagnostic]:
    found = []
    rows = con.execute("SELECT file, line, field, code, value, ref FROM problems ORDER BY file, line").fetchall()
    for file, line, name, code, value, ref in rows:
        source, mapping = sources[file]
        column_name = mapping.columns.get(name, name)
        column = source.header.index(column_name) + 1 if source.kind != "xes" and column_name in source.header else 1
        if code == LogCode.DUPLICATE:
            ref = _ref(ref, sources)
        elif code == LogCode.RETURNED_BEFORE:
            ref = None if ref == "received" else mapping.columns.get(ref, ref)
        message = _message(code, column_name, value, ref)
        severity = Severity.WARNING if code == LogCode.ORDER else Severity.ERROR
        found.append(Diagnostic(code, severity, Location(source.path, int(line), column), message, _HINTS[code], data={"field": name}))
    return found


def _ref(ref: str | None, sources: dict[int, tuple[Source, Mapping]]) -> str:
    if not ref:
        return ""
    file, _sep, line = ref.partition(":")
    return f"{sources[int(file)][0].path.name}:{line}"


def _message(code: str, column: str, value: str | None, ref: str | None) -> Message:
    shown = echo(value or "")
    if code == LogCode.MISSING_ID:
        return _("dòng không có mã hồ sơ (cột «{column}» trống)").format(column=column)
    if code == LogCode.DATE:
        if value is None:
            return _("cột «{column}» bị bỏ trống").format(column=column)
        return _("cột «{column}»: «{value}» không phải ngày giờ đọc được").format(column=column, value=shown)
    if code == LogCode.PROCEDURE:
        return _("mã thủ tục «{value}» không có trong danh mục").format(value=shown)
    if code == LogCode.CHANNEL:
        return _("hình thức «{value}» không phải 1, 2 hoặc 3").format(value=shown)
    if code == LogCode.RETURNED_BEFORE and ref is None:
        return _("cột «{column}» ({value}) sớm hơn ngày tiếp nhận").format(column=column, value=shown)
    if code == LogCode.RETURNED_BEFORE:
        return _("cột «{column}» ({value}) sớm hơn cột «{other}»").format(column=column, value=shown, other=echo(ref or ""))
    if code == LogCode.VALUE:
        return _("cột «{column}»: «{value}» không đúng kiểu (số nguyên, hoặc 1/0)").format(column=column, value=shown)
    if code == LogCode.DUPLICATE and value == "exact":
        return _("dòng giống hệt dòng {ref}").format(ref=ref)
    if code == LogCode.DUPLICATE:
        return _("hồ sơ «{value}» đã có ở dòng {ref} với giá trị khác").format(value=shown, ref=ref)
    if code == LogCode.SUPPLEMENT:
        return _("mục bổ sung cho hồ sơ «{value}» không có trong nhật ký").format(value=shown)
    return _("thời điểm «{value}» sớm hơn một bước ghi trước đó của hồ sơ «{dossier}»").format(value=shown, dossier=echo(ref or ""))
