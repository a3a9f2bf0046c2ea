"""The cells of a plan's task table: the tables of a .docx or an .xlsx as text, and the units a cell names.

:func:`read_tables` gives every table of a Word document (every sheet of a workbook) as rows of cell texts, each
cell one line (:func:`clean`); a cell merged down carries the text of the one above (and is marked, so that the
importer does not repeat a number or a content), a cell merged across has its text once. :func:`split_units` splits
a «Đơn vị phối hợp» cell into the units it names; :func:`unit_key` is what makes two spellings one unit.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path

from qms.i18n import Message, _
from qms.model.values import fold

_SEPARATOR = re.compile(
    r"(\s*[,;]\s*|\s+và\s+(?=(?:các|những|cơ quan|đơn vị|phòng|sở|ban|ubnd|ủy ban|uỷ ban|trung tâm|trường|văn phòng|thanh tra|bộ phận)\b))",
    re.IGNORECASE,
)
_JOINS_PREVIOUS = {"quan", "huyen", "xa", "thi xa", "thanh pho", "phuong", "thi tran", "tinh", "nganh"}  # «quận, huyện»
_SHARES_NEXT = {"co quan", "don vi", "to chuc", "ca nhan"}  # «các cơ quan, đơn vị liên quan»: one qualifier for both


class PlanImportError(Exception):
    """The file cannot be imported at all (not a .docx or .xlsx, unreadable, no task table)."""

    def __init__(self, message: Message, hint: Message | None = None) -> None:
        super().__init__(message.vi)
        self.message, self.hint = message, hint


# --- the tables -------------------------------------------------------------------------------------------------

Table = tuple[Message, list[list[str]], set[tuple[int, int]]]  # label, cells by row, cells a merge carries down


def clean(value: object) -> str:
    """A cell as one line: line breaks and runs of spaces as one space, control characters dropped, NFC."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn"))
    return " ".join(text.split())


def _docx(path: Path) -> list[Table]:
    from docx import Document
    from docx.table import _Cell

    tables: list[Table] = []
    for n, table in enumerate(Document(str(path)).tables, 1):
        grid: list[list[str]] = []
        carried: set[tuple[int, int]] = set()
        for r, row in enumerate(table.rows):
            cells = [""] * row.grid_cols_before
            for tc in row._tr.tc_lst:
                column = len(cells)
                if tc.vMerge == "continue":  # a cell merged down: the text of the one above
                    carried.add((r, column))
                    cells.append(grid[-1][column] if grid and column < len(grid[-1]) else "")
                else:
                    cells.append(_Cell(tc, table).text)
                cells += [""] * (tc.grid_span - 1)  # merged across: the text once
            grid.append(cells)
        tables.append((_("bảng {n}").format(n=n), grid, carried))
    return tables


def _xlsx(path: Path) -> list[Table]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    tables: list[Table] = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        grid = [[clean(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
        carried: set[tuple[int, int]] = set()
        for (r0, c0), (r1, _c1) in sheet.merged_cell_ranges or []:
            for r in range(r0 + 1, min(r1 + 1, len(grid))):
                if c0 < len(grid[r]) and c0 < len(grid[r0]):
                    grid[r][c0] = grid[r0][c0]
                    carried.add((r, c0))
        tables.append((_("trang «{name}»").format(name=name), grid, carried))
    return tables


def read_tables(path: Path) -> list[Table]:
    """Every table of a .docx, every sheet of an .xlsx (.xlsm, .xls, .ods), as text; :class:`PlanImportError` if none."""
    if not path.is_file():
        raise PlanImportError(_("không tìm thấy tệp «{path}»").format(path=path))
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".xlsx", ".xlsm", ".xls", ".ods"):
        raise PlanImportError(
            _("chỉ nhập được tệp Word .docx hoặc Excel .xlsx, không nhập được «{file}»").format(file=path.name),
            _("mở tệp bằng Word hoặc Excel và lưu lại dạng .docx hoặc .xlsx"),
        )
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from python_calamine import CalamineError

    try:
        return _docx(path) if suffix == ".docx" else _xlsx(path)
    except (OpcError, PythonDocxError, CalamineError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError, OSError) as exc:
        problem = _("tệp hỏng hoặc không đúng định dạng") if isinstance(exc, OpcError | zipfile.BadZipFile) else str(exc) or type(exc).__name__
        raise PlanImportError(
            _("không đọc được tệp «{file}»: {problem}").format(file=path.name, problem=problem),
            _("mở tệp bằng Word hoặc Excel và lưu lại dạng .docx hoặc .xlsx"),
        ) from None


# --- the units a cell names -------------------------------------------------------------------------------------


def unit_key(name: str) -> str:
    """What two spellings of one unit share: folded, without the plural «các» («Các đơn vị giáo dục» = «đơn vị giáo dục»)."""
    key = " ".join(fold(name).split()).strip(" .,;:")
    while key.startswith("cac "):
        key = key[4:]
    return key


def capital(name: str) -> str:
    """«các phòng Sở» -> «Các phòng Sở»: a name split out of a cell starts with a capital."""
    return name[:1].upper() + name[1:]


def split_units(text: str) -> list[str]:
    """The units a cooperating cell names: «Các phòng Sở, các Phòng GD&ĐT quận, huyện và các đơn vị liên quan» -> 3."""
    parts = _SEPARATOR.split(text)
    names: list[str] = []
    for i in range(0, len(parts), 2):
        piece = parts[i].strip(" .:-–")
        if not piece:
            continue
        last = names[-1] if names else ""
        if last and (last.count("(") > last.count(")") or unit_key(piece) in _JOINS_PREVIOUS or unit_key(last) in _SHARES_NEXT):
            names[-1] = f"{last}{parts[i - 1]}{piece}"
        else:
            names.append(piece)
    return [capital(name) for name in names]


def slug(key: str, taken: set[str]) -> str:
    """A unit id from a :func:`unit_key`: ``[a-z0-9-]``, at most 63 characters, not in ``taken`` (which it joins)."""
    base = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:63].rstrip("-") or "don-vi"
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base[: 62 - len(str(n))].rstrip('-')}-{n}"
    taken.add(found)
    return found


__all__ = ["PlanImportError", "Table", "capital", "clean", "read_tables", "slug", "split_units", "unit_key"]
