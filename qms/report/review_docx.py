"""The management review input (:mod:`qms.report.review`) as a Word document, and the writer of its three formats.

The page, font and paragraphs are those of the plan's progress report (:mod:`qms.report.plan_docx`, Decree
30/2020/NĐ-CP): A4, Times New Roman 14 pt, justified, tables with the head row repeated on each page. It is an input
to a meeting, not a document sent out: no national title, number or signature block.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH

from qms.escape import xml_chars
from qms.i18n import Lang, _
from qms.report.plan_docx import BODY_PT, PLAN_REPORT_FORMATS, TEXT_WIDTH_CM
from qms.report.plan_docx import _block as docx_block
from qms.report.plan_docx import _rule as rule
from qms.report.plan_docx import _run as run
from qms.report.plan_docx import _setup as setup
from qms.report.plan_docx import _spacing as spacing
from qms.report.review import ReviewInputs, review_blocks, review_html, review_markdown, review_title

REVIEW_FORMATS = PLAN_REPORT_FORMATS


def review_docx(review: ReviewInputs, lang: Lang | str = Lang.VI) -> DocumentObject:
    """The review input as a python-docx document."""
    document = Document()
    setup(document)
    kind = spacing(document.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, before=6)
    run(kind, _("BÁO CÁO").get(lang), BODY_PT, bold=True)
    subject = spacing(document.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER)
    run(subject, review_title(review, lang), BODY_PT, bold=True)
    rule(document, TEXT_WIDTH_CM / 4, TEXT_WIDTH_CM)
    for block in review_blocks(review, lang):
        docx_block(document, block)
    document.core_properties.title = xml_chars(review_title(review, lang))
    document.core_properties.language = "vi-VN" if Lang(lang) is Lang.VI else "en"
    return document


def write_review(review: ReviewInputs, path: Path, lang: Lang | str = Lang.VI) -> None:
    """Write the review input to ``path``: Word for ``.docx``, Markdown for ``.md``, a standalone page for ``.html``;
    ValueError for any other suffix."""
    kind = REVIEW_FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise ValueError(f"a review input is written as .docx, .md or .html, not {Path(path).suffix or 'a file without suffix'}: {path}")
    if kind == "docx":
        review_docx(review, lang).save(str(path))
        return
    text = review_markdown(review, lang) if kind == "markdown" else review_html(review, lang)
    Path(path).write_text(text, encoding="utf-8")


__all__ = ["REVIEW_FORMATS", "review_docx", "write_review"]
