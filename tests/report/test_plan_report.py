"""The progress report of a plan for a period: its sections, hostile text escaped, the Word document in the Decree 30
layout opened again with python-docx, and the two commands.

PLAN_TEXT is the shipped plan (plans/KH-CCHC-2026.yaml) as it was written, kept here so that editing the sample does
not move these expectations; its states worked out by hand: on 10/07/2026, for the second quarter, task 7 (6 tháng
đầu năm) was done on 20/05 in time and task 4 (Quý II) on 03/07, late; on 05/10/2026 task 3 (Quý III, Thanh tra Sở)
is overdue and the third quarter's report, due 08/09, was sent on 10/09: late.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import docx
import pytest
import typer
from docx.shared import Mm
from typer.testing import CliRunner

from qms.cli import plan_report as plan_report_cli
from qms.model import Text
from qms.plan import PlanFile, read_plan
from qms.plan.periods import parse_period
from qms.plan.status import TaskState, plan_status
from qms.report.analysis_page import Table
from qms.report.plan_docx import column_widths, decree30_date, plan_report_docx, recipients, report_number, write_plan_report
from qms.report.plan_report import period_tasks, plan_report_blocks, plan_report_html, plan_report_markdown, proposals

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "KH-CCHC-2026.yaml"
PLAN_TEXT = """\
code: KH-CCHC-2026
title: Kế hoạch cải cách hành chính năm 2026 của Sở Giáo dục và Đào tạo
document: {number: 15/KH-SGDĐT, date: 2026-01-09, issuer: Sở Giáo dục và Đào tạo, signer: Nguyễn Văn An, signer_title: Giám đốc}
period: {start: 2026-01-01, end: 2026-12-31}
units:
  - {id: van-phong, name: Văn phòng Sở}
  - {id: to-chuc-can-bo, name: Phòng Tổ chức cán bộ}
  - {id: thanh-tra, name: Thanh tra Sở}
  - {id: mot-cua, name: Bộ phận Một cửa của Sở tại Trung tâm Phục vụ hành chính công}
targets:
  - {code: CT-01, name: Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn, target: ">= 95%", measure: in_time_rate, process: QT-TTHC-01,
     logs: [../processes/logs/QT-TTHC-01-2026.csv], owner: van-phong}
  - {code: CT-02, name: Tỷ lệ hồ sơ TTHC giải quyết trước hạn, target: ">= 80%", measure: early_rate, process: QT-TTHC-01,
     logs: [../processes/logs/QT-TTHC-01-2026.csv]}
  - {code: CT-03, name: Hồ sơ trễ hạn có văn bản xin lỗi, target: 100%, measure: apology_rate, process: QT-TTHC-01,
     logs: [../processes/logs/QT-TTHC-01-2026.csv]}
  - {code: CT-04, name: "Mức độ hài lòng của người dân, tổ chức", target: ">= 95%", value: 96.2,
     evidence: "Kết quả đánh giá trên Cổng Dịch vụ công quốc gia, quý III/2026"}
  - {code: CT-05, name: Tỷ lệ số hóa hồ sơ, target: ">= 80%"}
sections:
  - {id: I, title: Chỉ đạo điều hành}
  - {id: II, title: Cải cách thủ tục hành chính}
tasks:
  - {id: "1", section: I, content: Ban hành Kế hoạch cải cách hành chính năm 2026 của Sở, lead: van-phong, time: Tháng 01/2026,
     status: done, completed: 2026-01-09, evidence: Kế hoạch số 15/KH-SGDĐT ngày 09/01/2026}
  - {id: "2", section: I, content: Xây dựng Báo cáo tự đánh giá Chỉ số CCHC năm 2025, lead: van-phong, time: Theo yêu cầu của Sở Nội vụ}
  - {id: "3", section: I, content: Kiểm tra công tác CCHC tại các phòng thuộc Sở và đơn vị trực thuộc, lead: thanh-tra, time: Quý III/2026}
  - {id: "4", section: II, content: "Rà soát, đề xuất đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở",
     lead: van-phong, time: Quý II/2026, status: done, completed: 2026-07-03, notes: Chậm do chờ ý kiến của các phòng chuyên môn}
  - {id: "5", section: II, content: "Cập nhật, công khai thủ tục hành chính", lead: mot-cua, time: Thường xuyên, status: in_progress}
  - {id: "6", section: II, content: "Số hóa hồ sơ, kết quả giải quyết TTHC", lead: mot-cua, time: Từ Quý I đến Quý IV/2026,
     status: in_progress}
  - {id: "7", section: II, content: Cập nhật Hệ thống quản lý chất lượng, lead: van-phong, time: 6 tháng đầu năm 2026, status: done,
     completed: 2026-05-20, evidence: Quyết định số 210/QĐ-SGDĐT ngày 20/05/2026}
  - {id: "8", content: Đánh giá nội bộ Hệ thống quản lý chất lượng, lead: van-phong, time: Tháng 10/2026}
  - {id: "9", content: Xem xét của lãnh đạo, lead: van-phong, time: Tháng 12/2026}
  - {id: "10", content: Áp dụng thí điểm TCVN ISO 18091:2020 tại Bộ phận Một cửa, time: Năm 2026}
recurring:
  - {id: BC-QUY, content: Báo cáo kết quả thực hiện công tác CCHC quý, lead: van-phong, every: quarter, due_day: 8,
     recipient: Sở Nội vụ, done: [2026-03-06, 2026-06-05, 2026-09-10]}
  - {id: BC-NAM, content: Báo cáo kết quả thực hiện công tác CCHC năm, lead: van-phong, every: year, due_day: 8, recipient: Sở Nội vụ}
"""
HOSTILE = '<script>alert("x")</script> | *đậm* _nghiêng_ [liên kết](http://x.invalid) # cuối\nhai'
HEADINGS = [
    "I. Kỳ báo cáo và thời gian chốt số liệu",
    "II. Kết quả thực hiện các chỉ tiêu",
    "III. Kết quả thực hiện nhiệm vụ",
    "IV. Báo cáo định kỳ",
    "V. Kiến nghị, đề xuất",
]


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory) -> PlanFile:
    path = tmp_path_factory.mktemp("plans") / "KH-CCHC-2026.yaml"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    found, problems = read_plan(path)
    assert problems == [] and found is not None
    return found


def _status(plan_file: PlanFile, as_of: date):
    return plan_status(plan_file, as_of, measure=False)


def _hostile(plan_file: PlanFile, content: str = HOSTILE) -> PlanFile:
    """The plan with task 3 (overdue in October) written by someone trying to inject markup."""
    tasks = [t.model_copy(update={"content": Text(vi=content), "notes": "ghi chú | *x*"}) if t.id == "3" else t for t in plan_file.plan.tasks]
    return dataclasses.replace(plan_file, plan=plan_file.plan.model_copy(update={"tasks": tasks}))


def test_the_tasks_of_the_second_quarter_and_their_groups(plan_file):
    status, period = _status(plan_file, date(2026, 7, 10)), parse_period("2026-Q2")
    chosen = {line.task.id: line.state for line in period_tasks(status, period)}
    # 1 (January) was done before the quarter; 3 (third quarter), 8 and 9 (autumn) come later
    assert chosen == {
        "2": TaskState.NO_DEADLINE, "4": TaskState.DONE_LATE, "5": TaskState.NO_DEADLINE, "6": TaskState.OPEN_IN_TIME,
        "7": TaskState.DONE_IN_TIME, "10": TaskState.OPEN_IN_TIME,
    }  # fmt: skip
    text = plan_report_markdown(status, period)
    assert "Kỳ báo cáo: Quý II năm 2026, từ 01/04/2026 đến 30/06/2026." in text
    assert "Thời gian chốt số liệu: từ 15/03/2026 đến 14/06/2026" in text
    done = text[text.index("### 1. Nhiệm vụ đã hoàn thành") : text.index("### 2.")]
    assert done.index("| 4 |") < done.index("| 7 |")  # the plan's order
    assert "| 30/06/2026 | 03/07/2026 | trễ hạn |" in done and "Chậm do chờ ý kiến của các phòng chuyên môn" in done
    assert "### 2. Nhiệm vụ quá hạn, chưa hoàn thành\n\nKhông có." in text
    assert "| BC-QUY | Báo cáo kết quả thực hiện công tác CCHC quý | Văn phòng Sở | Quý II năm 2026 | 08/06/2026 | 05/06/2026 | Sở Nội vụ | đã gửi đúng hạn |" in text


def test_targets_with_the_hand_value_and_its_evidence(plan_file):
    text = plan_report_markdown(_status(plan_file, date(2026, 7, 10)), parse_period("2026-Q2"))
    row = next(line for line in text.splitlines() if line.startswith("| CT-04 |"))
    assert "| &gt;= 95% | 96.2% | đạt | nhập tay |" in row
    assert "giá trị nhập tay; minh chứng: Kết quả đánh giá trên Cổng Dịch vụ công quốc gia, quý III/2026" in row
    assert "Đạt 1/5 chỉ tiêu; không đạt 0; không đo được 4." in text  # not measured: the logs are not read here


def test_overdue_tasks_with_their_lead_unit_and_the_proposals(plan_file):
    status, period = _status(plan_file, date(2026, 10, 5)), parse_period("2026-Q3")
    text = plan_report_markdown(status, period)
    overdue = text[text.index("### 2. Nhiệm vụ quá hạn") : text.index("### 3.")]
    assert "| 3 | Kiểm tra công tác CCHC tại các phòng thuộc Sở và đơn vị trực thuộc | Thanh tra Sở | 30/09/2026 | 5 | chưa thực hiện |" in overdue
    assert "| Quý III năm 2026 | 08/09/2026 | 10/09/2026 | Sở Nội vụ | đã gửi trễ hạn |" in text
    assert "| Thanh tra Sở | 1 |" in text  # overdue by lead unit
    prompts = [p.vi for p in proposals(status, period)]
    assert prompts == ["Kiến nghị về nhiệm vụ 3 «Kiểm tra công tác CCHC tại các phòng thuộc Sở và đơn vị trực thuộc» (chủ trì: Thanh tra Sở), quá hạn 5 ngày: …"]
    assert [b.text for b in plan_report_blocks(status, period) if getattr(b, "level", 0) == 2] == HEADINGS


def _table_cells(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def test_hostile_text_in_a_task_is_escaped_in_markdown_and_html(plan_file):
    status, period = _status(_hostile(plan_file), date(2026, 10, 5)), parse_period("2026-Q3")
    text = plan_report_markdown(status, period)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\*đậm\\*" in text and "\\_nghiêng\\_" in text and "\\[liên kết\\]\\(http://x.invalid\\)" in text and "\\| \\*đậm" in text
    rows = [line for line in text.splitlines() if line.startswith("| 3 |")]
    assert rows and "\nhai" not in text  # the line break stays inside its cell
    header = next(line for line in text.splitlines() if line.startswith("| số | nội dung | đơn vị chủ trì | hạn | số ngày quá hạn"))
    assert all(_table_cells(row) == _table_cells(header) for row in rows)
    assert any("Kiến nghị về nhiệm vụ 3 «&lt;script&gt;" in line for line in text.splitlines())
    page = plan_report_html(status, period)
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | *đậm*" in page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page


def test_the_date_line_and_the_number_of_decree_30():
    assert decree30_date(date(2026, 2, 5), "Hải Phòng") == "Hải Phòng, ngày 05 tháng 02 năm 2026"
    assert decree30_date(date(2026, 1, 9), "Hải Phòng") == "Hải Phòng, ngày 09 tháng 01 năm 2026"
    assert decree30_date(date(2026, 3, 15), "Hà Nội") == "Hà Nội, ngày 15 tháng 3 năm 2026"
    assert decree30_date(date(2026, 12, 1), "Đồ Sơn") == "Đồ Sơn, ngày 01 tháng 12 năm 2026"


def _paragraphs(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def test_the_word_document_has_the_decree_30_layout(plan_file, tmp_path):
    status, period = _status(plan_file, date(2026, 7, 10)), parse_period("2026-Q2")
    assert report_number(status) == "Số:      /BC-SGDĐT" and recipients(status, period) == ["Sở Nội vụ", "Lưu: VT"]
    path = tmp_path / "bao-cao.docx"
    write_plan_report(status, period, path, superior="UBND thành phố Hải Phòng")
    document = docx.Document(str(path))
    header = document.tables[0]
    assert _paragraphs(header.cell(0, 0)) == ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert any(p._p.pPr is not None and p._p.pPr.find(docx.oxml.ns.qn("w:pBdr")) is not None for p in header.cell(0, 0).paragraphs)
    nation = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in nation] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(r.bold for p in nation for r in p.runs) and all(r.underline for r in nation[1].runs) and not nation[0].runs[0].underline
    assert header.cell(1, 0).text.startswith("Số:") and header.cell(1, 0).text.endswith("/BC-SGDĐT")
    dated = header.cell(1, 1).paragraphs[0]
    assert dated.text == "Hải Phòng, ngày 10 tháng 7 năm 2026" and dated.runs[0].italic
    texts = [p.text for p in document.paragraphs]
    kind = document.paragraphs[texts.index("BÁO CÁO")]
    assert kind.runs[0].bold and kind.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert texts[texts.index("BÁO CÁO") + 1] == "Kết quả thực hiện Kế hoạch cải cách hành chính năm 2026 của Sở Giáo dục và Đào tạo quý II năm 2026"
    assert [t for t in texts if t in HEADINGS] == HEADINGS
    assert "- Thời gian chốt số liệu: từ 15/03/2026 đến 14/06/2026 (Nghị định 09/2019/NĐ-CP, Điều 12)." in texts
    body = [[cell.text for cell in row.cells] for table in document.tables[1:-1] for row in table.rows]
    assert ["4", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở", "Văn phòng Sở", "30/06/2026",
            "03/07/2026", "trễ hạn", "", "Chậm do chờ ý kiến của các phòng chuyên môn"] in body  # fmt: skip
    sent, signed = document.tables[-1].cell(0, 0), document.tables[-1].cell(0, 1)
    assert _paragraphs(sent) == ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."]
    assert sent.paragraphs[0].runs[0].bold and sent.paragraphs[0].runs[0].italic
    assert _paragraphs(signed) == ["GIÁM ĐỐC", "Nguyễn Văn An"]


def test_the_word_document_page_and_font(plan_file):
    document = plan_report_docx(_status(plan_file, date(2026, 7, 10)), parse_period("2026-Q2"))
    section = document.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert 20 <= round(section.top_margin / Mm(1)) <= 25 and 20 <= round(section.bottom_margin / Mm(1)) <= 25
    assert 30 <= round(section.left_margin / Mm(1)) <= 35 and 15 <= round(section.right_margin / Mm(1)) <= 20
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and 13 <= normal.font.size.pt <= 14
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(docx.oxml.ns.qn(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if r.font.size is not None}
    assert sizes and all(13 <= size <= 14 for size in sizes)


def test_columns_are_as_wide_as_their_longest_word_and_share_the_rest():
    widths = column_widths(Table(["số", "nội dung", "hạn"], [["1", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "30/06/2026"]]))
    assert round(sum(widths), 6) == 16.5 and widths[2] >= 10 * 0.22 and widths[1] > widths[2] > widths[0]


def test_hostile_and_control_characters_reach_the_word_document_as_text(plan_file, tmp_path):
    status = _status(_hostile(plan_file, HOSTILE + "\x07"), date(2026, 10, 5))
    path = tmp_path / "bao-cao.docx"
    write_plan_report(status, parse_period("2026-Q3"), path)
    cells = [cell.text for table in docx.Document(str(path)).tables for row in table.rows for cell in row.cells]
    assert any(text.startswith('<script>alert("x")</script> | *đậm*') and text.endswith("hai\ufffd") for text in cells)


def test_the_format_is_chosen_by_suffix(plan_file, tmp_path):
    status, period = _status(plan_file, date(2026, 7, 10)), parse_period("2026-Q2")
    for name in ("bc.md", "bc.html", "bc.docx"):
        write_plan_report(status, period, tmp_path / name)
    assert (tmp_path / "bc.md").read_text(encoding="utf-8").startswith("# Báo cáo kết quả thực hiện Kế hoạch")
    assert "<h2>I. Kỳ báo cáo" in (tmp_path / "bc.html").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=r"\.docx, \.md or \.html"):
        write_plan_report(status, period, tmp_path / "bc.pdf")
    assert plan_report_markdown(status, period, "en").startswith("# ")


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """The plan group, as qms.cli.app would register these commands."""

    for name, command in plan_report_cli.COMMANDS:
        app.command(name)(command)
    return app


def test_the_report_command(plan_file, tmp_path):
    runner, app, plan = CliRunner(), _app(), str(plan_file.path)
    done = runner.invoke(app, ["report", plan, "--period", "2026-Q2", "-o", str(tmp_path / "a.docx"), "-o", str(tmp_path / "a.md"),
                               "--as-of", "2026-07-10", "--place", "Đồ Sơn"])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Đồ Sơn, ngày 10 tháng 7 năm 2026" in [c.text for c in docx.Document(str(tmp_path / "a.docx")).tables[0].cell(1, 1).paragraphs]
    assert "Tình hình thực hiện tính đến ngày 10/07/2026." in (tmp_path / "a.md").read_text(encoding="utf-8")
    for args in (["--period", "2026-Q5", "-o", "x.md"], ["--period", "2026-Q1", "-o", "x.pdf"], ["--period", "2026-Q1"]):
        assert runner.invoke(app, ["report", plan, *args]).exit_code == 2
    assert runner.invoke(app, ["report", str(tmp_path / "none.yaml"), "--period", "2026", "-o", "x.md"]).exit_code == 2
    # by default the status of the day the period's figures were cut off at, when that day is past
    assert runner.invoke(app, ["report", plan, "--period", "2025-Q1", "-o", str(tmp_path / "b.md")]).exit_code == 0
    assert "tính đến ngày 14/03/2025." in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_the_calendar_command(plan_file, tmp_path):
    done = CliRunner().invoke(_app(), ["calendar", str(plan_file.path), "--ics", str(tmp_path / "lich.ics")])
    assert done.exit_code == 0, done.output
    assert "08/03/2026" in done.output and "15/12/2025 – 14/03/2026" in done.output
    assert (tmp_path / "lich.ics").read_bytes().count(b"BEGIN:VEVENT") == 5
    assert CliRunner().invoke(_app(), ["calendar", str(plan_file.path), "--year", "2030"]).exit_code == 0  # no report that year: a sentence


def test_the_shipped_plan_has_a_report_for_each_of_its_quarters(tmp_path):
    shipped, problems = read_plan(PLAN)
    assert problems == [] and shipped is not None
    for key in ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-H1", "2026"):
        write_plan_report(_status(shipped, date(2026, 12, 31)), parse_period(key), tmp_path / f"{key}.docx")
        assert docx.Document(str(tmp_path / f"{key}.docx")).paragraphs
