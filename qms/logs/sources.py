"""Stage 1 of a log import: a file (CSV, XLSX, XES) -> a DuckDB table of text columns plus ``_line``, its row in the file.

Every value stays text (``VARCHAR``) so that parsing is ours and explicit (:mod:`qms.logs.checks`). ``_line`` is the
row number as a spreadsheet shows it (the header is row 1); for a CSV whose quoted values hold line breaks, the line
where the row starts, as a text editor shows it; for XES it is the line of the ``<event>`` element. Blank lines are
not rows. A CSV row with too many or too few fields, or a sheet row with a value right of the header's last column,
is not in the table but returned as a problem (LOG006).
"""

from __future__ import annotations

import bisect
import codecs
import csv
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import duckdb

from qms.diagnostics import Diagnostic, Location, error
from qms.i18n import _
from qms.logs.codes import LogCode
from qms.logs.xes import XesError, read_xes

CHUNK = 1 << 20
DELIMITERS = (",", ";", "\t")
_BLANK = re.compile(rb"(?<=\n)\r?(?=\n)")


class LogFileError(Exception):
    """The file cannot be read as a log; carries one diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class CsvScan:
    """What :func:`number_csv_rows` needs of a CSV file scanned where ``rows`` is made."""

    table: str  # the prefix of its rejects tables
    delimiter: str
    blanks: list[int]  # the numbers of its blank lines
    lines: int


@dataclass
class Source:
    path: Path
    table: str  # a table, or for a CSV file the scan that reads it (a subquery)
    header: list[str]
    kind: str  # "csv", "xlsx", "xes", "parquet"
    malformed: list[Diagnostic] = field(default_factory=list)  # sheet rows not in the table
    csv: CsvScan | None = None


def _fail(code: LogCode, path: Path, message: object, hint: object = None, line: int = 1) -> LogFileError:
    return LogFileError(error(code, Location(path, line, 1), message, hint))  # type: ignore[arg-type]


def read_source(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> Source:
    """Read ``path`` into ``table``; raises :class:`LogFileError` when the file cannot be read at all.

    A folder is a Parquet dataset (every ``*.parquet`` below it, Hive partitions such as ``province=HP/month=2026-01``
    read as columns): how a whole country's logs are kept once they outgrow one file (docs/logs.md).
    """
    if path.is_dir() or path.suffix.lower() == ".parquet":
        return _read_parquet(con, path, table)
    if not path.is_file():
        raise _fail(LogCode.FILE, path, _("không có tệp nhật ký «{path}»").format(path=path.name), _("kiểm tra đường dẫn"))
    if path.stat().st_size == 0:
        raise _fail(LogCode.FILE, path, _("tệp nhật ký rỗng"))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, table)
    if suffix == ".xlsx":
        return _read_rows(con, path, table, "xlsx", _xlsx_rows(path))
    if suffix == ".xes":
        try:
            rows = read_xes(path)
        except XesError as exc:
            raise _fail(LogCode.XML, path, exc.message, exc.hint, exc.line) from None
        return _read_rows(con, path, table, "xes", rows)
    raise _fail(
        LogCode.FILE,
        path,
        _("không đọc được tệp «{name}»: chỉ đọc CSV, XLSX, XES và Parquet").format(name=path.name),
        _("lưu bản xuất dạng .csv hoặc .xlsx (Excel 97–2003 .xls không được đọc)"),
    )


def _read_parquet(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> Source:
    """A Parquet file or dataset folder -> ``table``: every column as text, ``_line`` the row's rank plus one (a
    Parquet file has no lines: the rank is what a spreadsheet opened from it would show)."""
    if not path.exists():
        raise _fail(LogCode.FILE, path, _("không có tệp nhật ký «{path}»").format(path=path.name), _("kiểm tra đường dẫn"))
    pattern = str(path / "**" / "*.parquet") if path.is_dir() else str(path)
    scan = "read_parquet(?, hive_partitioning = true, union_by_name = true)"
    try:
        header = [str(row[0]) for row in con.execute(f"DESCRIBE SELECT * FROM {scan}", [pattern]).fetchall()]
    except duckdb.Error as exc:
        reason = str(exc).splitlines()[0]
        raise _fail(LogCode.FILE, path, _("không đọc được Parquet «{name}»: {reason}").format(name=path.name, reason=reason)) from None
    _check_header(header, path)
    columns = ", ".join('CAST("{0}" AS VARCHAR) AS "{0}"'.format(name.replace('"', '""')) for name in header)
    con.execute(f"CREATE TABLE {table} AS SELECT {columns}, row_number() OVER () + 1 AS _line FROM {scan}", [pattern])
    return Source(path, table, header, "parquet")


def _scan(path: Path) -> tuple[str, list[int], int]:
    """The header line (decoded, without BOM), the numbers of the blank lines and the number of lines; refuses a file
    that is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    blanks: list[int] = []
    lines, head, last_byte = 0, "", b""
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                line = lines + chunk.count(b"\n", 0, max(exc.start, 0)) + 1
                raise _fail(
                    LogCode.ENCODING,
                    path,
                    _("tệp CSV không phải UTF-8 (byte {byte:#04x} ở dòng {line})").format(byte=chunk[exc.start] if exc.start < len(chunk) else 0, line=line),
                    _("mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng «CSV UTF-8»"),
                    line,
                ) from None
            if not head and lines == 0:
                head = text.split("\n", 1)[0]
            last_byte = chunk[-1:]
            last = 0
            # the regex is the slow part of this pass: run it only on a chunk that has a blank line at all
            for match in _BLANK.finditer(chunk) if b"\n\n" in chunk or b"\n\r\n" in chunk else ():
                lines += chunk.count(b"\n", last, match.start())
                last = match.start()
                blanks.append(lines + 1)
            lines += chunk.count(b"\n", last)
    return head.rstrip("\r"), blanks, lines + (last_byte != b"\n")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _read_csv(path: Path, table: str) -> Source:
    """A CSV file as a scan to be read where ``rows`` is made (:func:`qms.logs.checks.build_rows`), so that its text
    is materialised once, trimmed and parsed in the same statement; :func:`number_csv_rows` then gives each row its
    line and returns the rows DuckDB rejected."""
    head, blanks, lines = _scan(path)
    delimiter = max(DELIMITERS, key=head.count) if any(d in head for d in DELIMITERS) else ","
    header = next(csv.reader([head], delimiter=delimiter), [])
    _check_header(header, path)
    columns = "{" + ", ".join(f"{_literal(name)}: 'VARCHAR'" for name in header) + "}"
    scan = (
        f"read_csv({_literal(str(path))}, delim={_literal(delimiter)}, header=true, auto_detect=false, columns={columns}, "
        f"quote='\"', escape='\"', store_rejects=true, rejects_table='{table}_rejects', rejects_scan='{table}_scan', "
        "normalize_names=false, null_padding=false)"
    )
    return Source(path, scan, header, "csv", csv=CsvScan(table, delimiter, blanks, lines))


def csv_rows(con: duckdb.DuckDBPyConnection, source: Source, alone: bool) -> str:
    """What ``rows`` is made from for the CSV ``source``, with ``_line`` its rank after the header (the rows DuckDB
    skipped are known after the scan: :func:`number_csv_rows`). ``alone`` (one file): the scan itself, ``_line`` left
    for ``rows`` to take from its own row ids (a rank computed in the scan, row_number() OVER (), would make DuckDB
    read the file on one thread); else the file's table, read first."""
    assert source.csv is not None
    if alone:
        return f"(SELECT *, CAST(NULL AS BIGINT) AS _line FROM {source.table})"
    con.execute(f"CREATE TABLE {source.csv.table}_src AS SELECT * FROM {source.table}")
    return f"(SELECT *, rowid + 2 AS _line FROM {source.csv.table}_src)"


def number_csv_rows(con: duckdb.DuckDBPyConnection, source: Source, file: int) -> list[Diagnostic]:
    """Once ``rows`` holds the CSV ``source`` as file number ``file``: each row's ``_line`` made the line of the file
    where it starts; returns a LOG006 for each row DuckDB rejected (too many or too few fields)."""
    scan = source.csv
    assert scan is not None
    path, rejects = source.path, f"{scan.table}_rejects"
    bad = con.execute(f"SELECT line, any_value(error_type), any_value(error_message) FROM {rejects} GROUP BY line ORDER BY line").fetchall()
    (rows,) = con.execute("SELECT count(*) FROM rows WHERE file = ?", [file]).fetchall()[0]
    blanks, shifts = scan.blanks, list[tuple[int, int]]()
    if 1 + rows + len(bad) + sum(1 for b in blanks if b > 1) < scan.lines:  # some record takes more than one line
        blanks, shifts = _records(path, scan.delimiter)
    skipped = sorted({*(int(b) for b in blanks if b > 1), *(int(r[0]) for r in bad)})
    _number_rows(con, scan.table, file, skipped, shifts)
    return [
        error(
            LogCode.ROW,
            Location(path, _physical(int(line), shifts), 1),
            _("dòng có số trường khác dòng tiêu đề ({count} cột): {problem}").format(count=len(source.header), problem=message),
            _("đặt giá trị có dấu phân cách trong ngoặc kép, hoặc xuất lại tệp"),
        )
        for line, _kind, message in bad
    ]


def _records(path: Path, delimiter: str) -> tuple[list[int], list[tuple[int, int]]]:
    """For a CSV some of whose records take more than one line (quoted values holding line breaks): its blank lines,
    numbered as DuckDB numbers records (each record one number, however many lines it takes), and ``(record, extra)``
    from each record on which records start ``extra`` lines further down the file. Read by the ``csv`` module, which
    splits records as DuckDB does; only run for such a file."""
    blanks: list[int] = []
    shifts: list[tuple[int, int]] = []
    line = extra = 0
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter, quotechar='"', doublequote=True)
        try:
            for record, row in enumerate(reader, start=1):
                if line + 1 - record != extra:
                    extra = line + 1 - record
                    shifts.append((record, extra))
                if not row:
                    blanks.append(record)
                line = reader.line_num
        except csv.Error:  # an unterminated quote (DuckDB rejects the rest of the file with it), a huge value
            pass
    return blanks, shifts


def _physical(record: int, shifts: list[tuple[int, int]]) -> int:
    """The line of the file where record number ``record`` starts."""
    index = bisect.bisect_right(shifts, (record, 1 << 62)) - 1
    return record + (shifts[index][1] if index >= 0 else 0)


def _number_rows(con: duckdb.DuckDBPyConnection, table: str, file: int, skipped: list[int], shifts: list[tuple[int, int]]) -> None:
    """``_line`` of the rows of ``file`` in ``rows``, from their rank (``_line - 2`` as scanned): the line of the file
    where each row starts.

    A row's record number is its rank plus the header and the records before it that are not rows (``skipped``: blank
    lines, rejected rows); ``shifts`` turn record numbers into lines when some records take several lines.
    """
    if not skipped and not shifts:  # the usual file: a row's line is its rank after the header, as scanned
        return
    con.execute(f"CREATE TEMP TABLE {table}_skip AS SELECT unnest(?::BIGINT[]) AS line", [skipped])
    record = (
        f"s._line + (SELECT count(*) FROM (SELECT line - 1 - row_number() OVER (ORDER BY line) AS t FROM {table}_skip) k "
        "WHERE k.t <= s._line - 2)"
    )
    con.execute(f"CREATE TEMP TABLE {table}_record AS SELECT s._line AS rank, {record} AS record FROM rows s WHERE s.file = ?", [file])
    con.execute(
        f"CREATE TEMP TABLE {table}_shift AS SELECT unnest(?::BIGINT[]) AS record, unnest(?::BIGINT[]) AS extra",
        [[r for r, _e in shifts] or [0], [e for _r, e in shifts] or [0]],
    )
    con.execute(
        f"CREATE TEMP TABLE {table}_line AS SELECT r.rank, r.record + coalesce(k.extra, 0) AS line FROM {table}_record r "
        f"ASOF LEFT JOIN {table}_shift k ON r.record >= k.record"
    )
    if con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'rows'").fetchall()[0][0]:  # made a table to be changed
        con.execute("CREATE TABLE rows_numbered AS SELECT * FROM rows; DROP VIEW rows; DROP TABLE rows_data")
        con.execute("ALTER TABLE rows_numbered RENAME TO rows")
    con.execute(f"UPDATE rows SET _line = l.line FROM {table}_line l WHERE rows.file = ? AND rows._line = l.rank", [file])


def _check_header(header: list[str], path: Path) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen or not name.strip():
            raise _fail(
                LogCode.COLUMN,
                path,
                _("dòng tiêu đề có cột trống hoặc cột «{name}» hai lần").format(name=name),
                _("đặt cho mỗi cột một tên riêng trong dòng tiêu đề"),
            )
        seen.add(name)


def _text(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's rows as text, row 1 first; a blank row is kept as an empty list."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        values = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError, IndexError) as exc:
        raise _fail(LogCode.FILE, path, _("không đọc được tệp Excel: {problem}").format(problem=exc), _("mở tệp bằng Excel và lưu lại dạng .xlsx")) from None
    rows = [[_text(v) for v in row] for row in values]
    return [row if any(v.strip() for v in row) else [] for row in rows]


def _read_rows(con: duckdb.DuckDBPyConnection, path: Path, table: str, kind: str, rows: list[list[str]]) -> Source:
    """Rows whose first is the header (for XES: first value of each row its line) -> ``table``, through a temporary CSV."""
    if not rows or not rows[0]:
        raise _fail(LogCode.FILE, path, _("tệp nhật ký không có dòng tiêu đề hoặc không có dữ liệu"))
    if kind == "xes":
        header, body = rows[0][1:], [(int(r[0]), r[1:]) for r in rows[1:]]
    else:
        header = [h.strip() for h in rows[0]]
        while header and not header[-1]:
            header.pop()
        body = [(i + 1, r) for i, r in enumerate(rows) if i > 0 and r]
    _check_header(header, path)
    width = len(header)
    malformed = _extra_cells(path, body, width) if kind == "xlsx" else []
    if malformed:
        lines = {d.location.line for d in malformed}
        body = [(line, r) for line, r in body if line not in lines]
    with tempfile.TemporaryDirectory(prefix="qms-log-") as folder:
        temp = Path(folder) / "rows.csv"
        with temp.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, quoting=csv.QUOTE_ALL)
            writer.writerow(["_line", *header])
            writer.writerows([line, *(r + [""] * width)[:width]] for line, r in body)
        columns = {"_line": "BIGINT", **{name: "VARCHAR" for name in header}}
        con.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, delim=',', header=true, auto_detect=false, columns=?, "
            "quote='\"', escape='\"', normalize_names=false)",
            [str(temp), columns],
        )
    return Source(path, table, header, kind, malformed)


def _extra_cells(path: Path, body: list[tuple[int, list[str]]], width: int) -> list[Diagnostic]:
    """A LOG006 for each sheet row with a value right of the header's last column (the row is not read)."""
    found = []
    for line, row in body:
        extra = next((i for i in range(width, len(row)) if row[i].strip()), None)
        if extra is not None:
            cell = f"{_column_letters(extra + 1)}{line}"
            found.append(
                error(
                    LogCode.ROW,
                    Location(path, line, extra + 1),
                    _("ô {cell} có giá trị nhưng nằm ngoài {count} cột của dòng tiêu đề").format(cell=cell, count=width),
                    _("đặt tên cho cột đó ở dòng tiêu đề, hoặc xoá giá trị thừa"),
                )
            )
    return found


def _column_letters(column: int) -> str:
    """Excel's name of the 1-based ``column``: 1 -> A, 27 -> AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
