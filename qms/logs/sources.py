"""Stage 1 of a log import: a file (CSV, XLSX, XES) -> a DuckDB table of text columns plus ``_line``, its row in the file.

Every value stays text (``VARCHAR``) so that parsing is ours and explicit (:mod:`qms.logs.table`). ``_line`` is the
row number as a spreadsheet shows it (the header is row 1); for XES it is the line of the ``<event>`` element.
Blank lines are not rows. A CSV row with too many or too few fields is not in the table but returned as a problem.
"""

from __future__ import annotations

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


@dataclass
class Source:
    path: Path
    table: str
    header: list[str]
    kind: str  # "csv", "xlsx", "xes"
    malformed: list[Diagnostic] = field(default_factory=list)  # CSV rows not in the table


def _fail(code: LogCode, path: Path, message: object, hint: object = None, line: int = 1) -> LogFileError:
    return LogFileError(error(code, Location(path, line, 1), message, hint))  # type: ignore[arg-type]


def read_source(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> Source:
    """Read ``path`` into ``table``; raises :class:`LogFileError` when the file cannot be read at all."""
    if not path.is_file():
        raise _fail(LogCode.FILE, path, _("không có tệp nhật ký «{path}»").format(path=path.name), _("kiểm tra đường dẫn"))
    if path.stat().st_size == 0:
        raise _fail(LogCode.FILE, path, _("tệp nhật ký rỗng"))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(con, path, table)
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
        _("không đọc được tệp «{name}»: chỉ đọc CSV, XLSX và XES").format(name=path.name),
        _("lưu bản xuất dạng .csv hoặc .xlsx (Excel 97–2003 .xls không được đọc)"),
    )


def _scan(path: Path) -> tuple[str, list[int]]:
    """The header line (decoded, without BOM) and the numbers of the blank lines; refuses a file that is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    blanks: list[int] = []
    lines, head = 0, ""
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
            last = 0
            for match in _BLANK.finditer(chunk):
                lines += chunk.count(b"\n", last, match.start())
                last = match.start()
                blanks.append(lines + 1)
            lines += chunk.count(b"\n", last)
    return head.rstrip("\r"), blanks


def _read_csv(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> Source:
    head, blanks = _scan(path)
    delimiter = max(DELIMITERS, key=head.count) if any(d in head for d in DELIMITERS) else ","
    header = next(csv.reader([head], delimiter=delimiter), [])
    _check_header(header, path)
    columns = {name: "VARCHAR" for name in header}
    rejects = f"{table}_rejects"
    con.execute(
        f"CREATE TABLE {table}_src AS SELECT * FROM read_csv(?, delim=?, header=true, auto_detect=false, columns=?, "
        f"quote='\"', escape='\"', store_rejects=true, rejects_table='{rejects}', rejects_scan='{table}_scan', "
        "normalize_names=false, null_padding=false)",
        [str(path), delimiter, columns],
    )
    bad = con.execute(f"SELECT line, any_value(error_type), any_value(error_message) FROM {rejects} GROUP BY line ORDER BY line").fetchall()
    skipped = sorted({*(int(b) for b in blanks if b > 1), *(int(r[0]) for r in bad)})
    con.execute(f"CREATE TEMP TABLE {table}_skip AS SELECT unnest(?::BIGINT[]) AS line", [skipped])
    con.execute(
        f"CREATE TABLE {table} AS SELECT s.*, s.rowid + 2 + (SELECT count(*) FROM "
        f"(SELECT line - 1 - row_number() OVER (ORDER BY line) AS t FROM {table}_skip) k WHERE k.t <= s.rowid) AS _line "
        f"FROM {table}_src s ORDER BY s.rowid"
    )
    malformed = [
        error(
            LogCode.ROW,
            Location(path, int(line), 1),
            _("dòng có số trường khác dòng tiêu đề ({count} cột): {problem}").format(count=len(header), problem=message),
            _("đặt giá trị có dấu phân cách trong ngoặc kép, hoặc xuất lại tệp"),
        )
        for line, _kind, message in bad
    ]
    return Source(path, table, header, "csv", malformed)


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
    return Source(path, table, header, kind)
