"""The progress report of a plan as a Word document in the administrative layout of Decree 30/2020/NĐ-CP.

Decree 30/2020/NĐ-CP on clerical work (công tác văn thư), Appendix I, as applied here [M: from memory of the
appendix; the shared domain brief lists only the components of art. 8 (national title and motto, issuing body,
number and symbol, place and date, type and subject, content, signer, recipients)]:

* A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (here 20, 20, 30, 15 mm); Times New Roman,
  the body 14 pt (13–14), justified, first lines indented 1.27 cm, at least 6 pt between paragraphs;
* a borderless header table of two columns: on the left the superior body (upper case, 12 pt) and the issuing body
  (upper case, bold, 13 pt) with a short line under it (a third to a half of the name), then «Số: …/BC-…»; on the
  right the national title «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» (upper case, bold, 12 pt) and the motto «Độc lập - Tự do -
  Hạnh phúc» (bold, 14 pt, underlined the length of the text), then «<place>, ngày dd tháng mm năm yyyy» in
  italics (a day below 10 and the months 1 and 2 written with a leading 0: «ngày 05 tháng 02», «ngày 15 tháng 3»);
* the type «BÁO CÁO» (upper case, bold, centred) and the subject (trích yếu, bold, centred) with a short line under it;
* the body (the sections of :func:`qms.report.plan_report.plan_report_blocks`), its tables in 13 pt with the head
  row repeated on each page and every column at least as wide as its longest word;
* at the foot a borderless table: «Nơi nhận:» (bold italic, 12 pt) and the recipients one a line («- Sở Nội vụ;»,
  last «- Lưu: VT.», 11 pt) on the left; the signer's title in upper case (bold) and name (bold) on the right.

Every text reaches the document through :func:`qms.escape.xml_chars`: a control character in a plan cannot make
the file unreadable.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from qms.escape import xml_chars
from qms.i18n import Lang, _
from qms.plan.periods import ReportPeriod
from qms.plan.status import PlanStatus
from qms.report.analysis_page import Block, Heading, Items, Paragraph, Table
from qms.report.plan_defaults import PLACE
from qms.report.plan_report import plan_report_blocks, plan_report_html, plan_report_markdown, report_subject

FONT = "Times New Roman"
BODY_PT = 14
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_CM = 21.0 - (MARGINS_MM["left"] + MARGINS_MM["right"]) / 10  # A4 less the margins: 16.5 cm
LEFT_CM, RIGHT_CM = 7.0, TEXT_WIDTH_CM - 7.0  # the header's columns
CM_PER_LETTER = 0.22  # a digit at 13 pt in Times New Roman is 0.23 cm, most letters less
CELL_PADDING_CM = 0.45  # Word's cell margins (0.19 cm each side) and some air
NAME_CM_PER_LETTER = 0.25  # about the width of a capital letter at 13 pt bold: the issuer's line is 0.4 of the name
PLAN_REPORT_FORMATS = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def decree30_date(day: date, place: str, lang: Lang | str = Lang.VI) -> str:
    """«Hải Phòng, ngày 05 tháng 02 năm 2026»: a day below 10 and the months 1 and 2 with a leading 0."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    line = _("{place}, ngày {day} tháng {month} năm {year}").format(place=place, day=f"{day.day:02d}", month=month, year=day.year)
    return line.get(lang)


def report_number(status: PlanStatus) -> str:
    """«Số:      /BC-SGDĐT»: the number left blank for the clerk, the symbol of the plan's issuer (15/KH-SGDĐT)."""
    document = status.plan_file.plan.document
    symbol = document.number.partition("/")[2].partition("-")[2] if document is not None else ""
    return f"Số:      /BC-{symbol or '…'}"


def recipients(status: PlanStatus, period: ReportPeriod) -> list[str]:
    """Who the report goes to: the recipient of the plan's periodic report of this kind (of any kind when none is of
    this kind), then the archive copy, «Lưu: VT»."""
    recurring = status.plan_file.plan.recurring
    chosen = [r.recipient for r in recurring if r.every is period.every and r.recipient] or [r.recipient for r in recurring if r.recipient]
    return [*dict.fromkeys(name for name in chosen if name), "Lưu: VT"]


# --- low-level writing ------------------------------------------------------------------------------------------


def _run(paragraph: DocxParagraph, text: str, size: float, *, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run = paragraph.add_run(xml_chars(text))
    # None for "no": the style decides, and the file says nothing it does not need to
    run.font.size, run.font.bold, run.font.italic, run.font.underline = Pt(size), bold or None, italic or None, underline or None


def _spacing(paragraph: DocxParagraph, align: WD_ALIGN_PARAGRAPH | None, before: float = 0, after: float = 0) -> DocxParagraph:
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(before), Pt(after)
    return paragraph


def _line(paragraph: DocxParagraph, text: str, size: float, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER, **style: bool) -> None:
    _spacing(paragraph, align)
    _run(paragraph, text, size, **style)


def _rule(cell: _Cell | DocumentObject, length_cm: float, width_cm: float) -> None:
    """A centred line ``length_cm`` long: the top border of an empty paragraph indented from both sides."""
    paragraph = cell.add_paragraph()
    borders, top = OxmlElement("w:pBdr"), OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)  # first in the empty pPr: the schema's order holds
    indent = Cm(max(0.0, (width_cm - length_cm) / 2))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = indent
    _spacing(paragraph, WD_ALIGN_PARAGRAPH.CENTER, before=2)
    paragraph.paragraph_format.line_spacing = Pt(4)


def _no_borders(table: DocxTable) -> None:
    """Word's «Table Normal» has no borders; say so, so that no other default draws any."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    # before the properties the schema puts after it (python-docx writes tblLayout and tblLook already)
    properties.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


def _two_columns(document: DocumentObject, rows: int, left_cm: float, right_cm: float) -> list[tuple[_Cell, _Cell]]:
    table = document.add_table(rows=rows, cols=2)
    table.alignment, table.autofit = WD_TABLE_ALIGNMENT.CENTER, False
    _no_borders(table)
    table.columns[0].width, table.columns[1].width = Cm(left_cm), Cm(right_cm)
    found = []
    for row in table.rows:
        left, right = row.cells
        left.width, right.width = Cm(left_cm), Cm(right_cm)
        found.append((left, right))
    return found


def _setup(document: DocumentObject) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    properties = normal.element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    properties.append(language)


# --- the parts of the document ----------------------------------------------------------------------------------


def _header(document: DocumentObject, status: PlanStatus, place: str, superior: str | None, lang: Lang | str) -> None:
    issuer = status.plan_file.plan.document.issuer if status.plan_file.plan.document else None
    (body, nation), (number, dated) = _two_columns(document, 2, LEFT_CM, RIGHT_CM)
    first = body.paragraphs[0]
    if superior:
        _line(first, superior.upper(), 12)
        first = body.add_paragraph()
    _line(first, (issuer or "…").upper(), 13, bold=True)
    _rule(body, 0.4 * min(LEFT_CM, NAME_CM_PER_LETTER * len(issuer or "…")), LEFT_CM)
    _line(number.paragraphs[0], report_number(status), 13)
    _line(nation.paragraphs[0], _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").get(lang), 12, bold=True)
    _line(nation.add_paragraph(), _("Độc lập - Tự do - Hạnh phúc").get(lang), 14, bold=True, underline=True)
    _line(dated.paragraphs[0], decree30_date(status.as_of, place, lang), 14, italic=True)


def _title(document: DocumentObject, status: PlanStatus, period: ReportPeriod, lang: Lang | str) -> None:
    kind = _spacing(document.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, before=18)
    _run(kind, _("BÁO CÁO").get(lang), BODY_PT, bold=True)
    subject = _spacing(document.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER)
    _run(subject, report_subject(status, period).get(lang), BODY_PT, bold=True)
    _rule(document, TEXT_WIDTH_CM / 4, TEXT_WIDTH_CM)


def _text(document: DocumentObject, text: str, *, bold: bool = False, before: float = 0) -> None:
    paragraph = _spacing(document.add_paragraph(), WD_ALIGN_PARAGRAPH.JUSTIFY, before=before, after=6)
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    _run(paragraph, text, BODY_PT, bold=bold)


def column_widths(block: Table, width_cm: float = TEXT_WIDTH_CM) -> list[float]:
    """Widths (cm) for the columns of ``block``: each at least its longest word, the rest of the line shared by how
    much longer its texts are (a date keeps to one line, a task's content gets the room)."""
    columns = list(zip(block.headers, *block.rows, strict=True))
    words = [min(14, max((len(word) for text in column for word in text.split()), default=1)) for column in columns]
    longest = [min(80, max(len(text) for text in column)) for column in columns]
    least = [CM_PER_LETTER * n + CELL_PADDING_CM for n in words]
    if sum(least) >= width_cm:
        return [w * width_cm / sum(least) for w in least]
    more = [max(0, n - w) for n, w in zip(longest, words, strict=True)]
    spare = width_cm - sum(least)
    return [w + (spare * m / sum(more) if sum(more) else spare / len(more)) for w, m in zip(least, more, strict=True)]


def _table(document: DocumentObject, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    widths = column_widths(block)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the head row again on each page
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, block.headers, strict=True):
        _line(cell.paragraphs[0], text, 13, bold=True)
    for row in block.rows:
        for i, (cell, text) in enumerate(zip(table.add_row().cells, row, strict=True)):
            align = WD_ALIGN_PARAGRAPH.RIGHT if i in block.numeric else WD_ALIGN_PARAGRAPH.LEFT
            _line(cell.paragraphs[0], text, 13, align)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    _spacing(document.add_paragraph(), None, after=6)


def _block(document: DocumentObject, block: Block) -> None:
    if isinstance(block, Heading):
        _text(document, block.text, bold=True, before=6)
    elif isinstance(block, Paragraph):
        _text(document, block.text)
    elif isinstance(block, Items):
        for text in block.texts:
            _text(document, f"- {text}")
    elif isinstance(block, Table):
        _table(document, block)


def _foot(document: DocumentObject, status: PlanStatus, period: ReportPeriod, lang: Lang | str) -> None:
    plan_document = status.plan_file.plan.document
    _spacing(document.add_paragraph(), None, after=6)
    ((left, right),) = _two_columns(document, 1, TEXT_WIDTH_CM / 2, TEXT_WIDTH_CM / 2)
    _line(left.paragraphs[0], _("Nơi nhận:").get(lang), 12, WD_ALIGN_PARAGRAPH.LEFT, bold=True, italic=True)
    names = recipients(status, period)
    for i, name in enumerate(names):
        _line(left.add_paragraph(), f"- {name}{'.' if i == len(names) - 1 else ';'}", 11, WD_ALIGN_PARAGRAPH.LEFT)
    title = plan_document.signer_title if plan_document and plan_document.signer_title else "…"
    _line(right.paragraphs[0], title.upper(), BODY_PT, bold=True)
    for _blank in range(4):  # room for the signature and the seal
        _line(right.add_paragraph(), "", BODY_PT)
    _line(right.add_paragraph(), plan_document.signer if plan_document and plan_document.signer else "…", BODY_PT, bold=True)


def plan_report_docx(
    status: PlanStatus, period: ReportPeriod, lang: Lang | str = Lang.VI, *, place: str = PLACE, superior: str | None = None
) -> DocumentObject:
    """The report as a python-docx document (``superior``: the body above the issuer, e.g. «UBND thành phố Hải Phòng»)."""
    document = Document()
    _setup(document)
    _header(document, status, place, superior, lang)
    _title(document, status, period, lang)
    for block in plan_report_blocks(status, period, lang):
        _block(document, block)
    _foot(document, status, period, lang)
    document.core_properties.title = xml_chars(report_subject(status, period).get(lang))
    document.core_properties.language = "vi-VN" if Lang(lang) is Lang.VI else "en"
    return document


def write_plan_report(
    status: PlanStatus,
    period: ReportPeriod,
    path: Path,
    lang: Lang | str = Lang.VI,
    place: str = PLACE,
    *,
    superior: str | None = None,
) -> None:
    """Write the report to ``path``: Word for ``.docx``, Markdown for ``.md``, a standalone page for ``.html``;
    ValueError for any other suffix."""
    kind = PLAN_REPORT_FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise ValueError(f"a plan report is written as .docx, .md or .html, not {Path(path).suffix or 'a file without suffix'}: {path}")
    if kind == "docx":
        plan_report_docx(status, period, lang, place=place, superior=superior).save(str(path))
        return
    text = plan_report_markdown(status, period, lang) if kind == "markdown" else plan_report_html(status, period, lang)
    Path(path).write_text(text, encoding="utf-8")


__all__ = ["PLACE", "PLAN_REPORT_FORMATS", "column_widths", "decree30_date", "plan_report_docx", "recipients", "report_number", "write_plan_report"]
