"""The plan import: the appendix of the 2023 plan of the Sở GD&ĐT Hải Phòng (typed by hand from seed 003), in Word
and in Excel, read to sections, tasks with their units and time frames, and written as a plan file that reads."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import typer
from docx import Document
from typer.testing import CliRunner

from qms.plan import FrameKind, read_plan
from qms.plan.import_cells import split_units
from qms.plan.importer import ImportResult, PlanImportError, guess_year, import_tables, write_plan_yaml
from qms.plan.timeframe import parse_time_frame
from tests.plan.fixtures.appendix_2023 import HEADER, ROWS

Row = tuple[str, ...]
YEAR = (date(2023, 1, 1), date(2023, 12, 31))


def _docx(path: Path, rows: list[Row], header: Row = HEADER, merges: tuple[tuple[int, int, int, int], ...] = (), letterhead: bool = True) -> Path:
    """A Word document: a letterhead table (no task header), then the task table; ``merges``: (row, col, row, col)
    of the task table (row 0 the header), the text of the merged cells other than the first cleared first."""
    document = Document()
    if letterhead:
        top = document.add_table(rows=1, cols=2)
        top.rows[0].cells[0].text, top.rows[0].cells[1].text = "UBND THÀNH PHỐ HẢI PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph("DANH MỤC Nhiệm vụ, công việc cụ thể triển khai, thực hiện công tác cải cách hành chính")
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for r, values in enumerate([header, *rows]):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            cell.text = value
    for r0, c0, r1, c1 in merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    table.cell(r, c).text = ""
        table.cell(r0, c0).merge(table.cell(r1, c1))
    document.save(str(path))
    return path


def _xlsx(path: Path, rows: list[Row], merges: tuple[str, ...] = ()) -> Path:
    """The smallest workbook: one sheet, text as inline strings, whole numbers as numbers; ``merges`` like «A2:F2»."""

    def cell(value: str) -> str:
        if value.isdigit():
            return f"<c><v>{value}</v></c>"
        return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'

    sheet = "".join(f'<row r="{i + 1}">{"".join(cell(v) for v in row)}</row>' for i, row in enumerate(rows))
    merged = f'<mergeCells count="{len(merges)}">{"".join(f"<mergeCell ref={chr(34)}{m}{chr(34)}/>" for m in merges)}</mergeCells>' if merges else ""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{package}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>",
        )
        z.writestr("_rels/.rels", f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet {ns}><sheetData>{sheet}</sheetData>{merged}</worksheet>")
    return path


def _tasks(result: ImportResult) -> dict[str, dict]:
    return {task["id"]: task for task in result.plan["tasks"]}


def _unit_names(result: ImportResult) -> dict[str, str]:
    return {unit["id"]: unit["name"] for unit in result.plan["units"]}


@pytest.fixture(scope="module")
def appendix(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    """The 2023 appendix in Word, laid out as an author would: section titles merged over the row (VII with its numeral
    in one cell across the whole row), the TT cell of 40 merged down over its sub-rows, «Thanh tra» of 13-14 merged."""
    rows = [list(row) for row in ROWS]
    at = {row[0]: i + 1 for i, row in enumerate(ROWS) if row[0]}  # table row of each TT (the header is row 0)
    rows[at["VII"] - 1] = ["VII. Hiện đại hoá nền hành chính", "", "", "", "", ""]
    merges = [(at[s], 1, at[s], 5) for s in ("I", "II", "III", "IV", "V", "VI")]
    merges += [(at["VII"], 0, at["VII"], 5), (at["40"], 0, at["40"] + 3, 0), (at["13"], 2, at["14"], 2)]
    path = _docx(tmp_path_factory.mktemp("docx") / "KH-CCHC-2023.docx", [tuple(r) for r in rows], merges=tuple(merges))
    return import_tables(path)


def test_the_44_numbered_tasks_of_the_seed_and_their_sub_rows(appendix: ImportResult) -> None:
    tasks = _tasks(appendix)
    # The seed numbers 44 tasks (TT 1 to 44). Task entries: 49 = 44 - 2 (1 and 40 have no unit or time of their own:
    # their a), b), c) are the tasks) + 6 sub-rows + 1 row without a number under 33.
    assert {task_id.split(".")[0] for task_id in tasks} == {str(n) for n in range(1, 45)}
    assert len(tasks) == 49
    assert list(tasks)[:9] == ["1.a", "1.b", "1.c", "2", "3", "4", "5", "6", "7"]
    assert [t for t in tasks if "." in t] == ["1.a", "1.b", "1.c", "33.1", "40.a", "40.b", "40.c"]
    assert tasks["1.a"]["content"] == "Ban hành Kế hoạch cải cách hành chính năm 2023: Sở Giáo dục và Đào tạo (*)"
    assert tasks["3"]["content"] == (
        "Đánh giá xác định Chỉ số CCHC năm 2023 (*): Chỉ số CCHC và đánh giá trách nhiệm người đứng đầu của Sở và các phòng Sở"
    )
    assert tasks["6"] == {"id": "6", "section": "I", "content": "Kiểm tra cải cách hành chính (*)"}  # no sub-row: stays as it is
    assert tasks["7"]["content"] == "a) Tối thiểu 30% các phòng Sở và các đơn vị trực thuộc"  # the TT's number wins
    assert tasks["24"]["product"] == (
        "- Văn bản chỉ đạo của Ủy ban nhân dân thành phố; "
        "- Danh mục TTHC luân chuyển bằng phương thức điện tử của các phòng Sở và các đơn vị liên quan"
    )
    assert "product" not in tasks["28"] and "time" not in tasks["9"]


def test_the_sections(appendix: ImportResult) -> None:
    assert [(s["id"], s["title"]) for s in appendix.plan["sections"]] == [
        ("I", "Chỉ đạo điều hành, kiểm tra và tuyên truyền"),
        ("II", "Cải cách thể chế"),
        ("III", "Cải cách thủ tục hành chính"),
        ("IV", "Cải cách tổ chức bộ máy"),
        ("V", "Cải cách chế độ công vụ"),
        ("VI", "Cải cách tài chính công"),
        ("VII", "Hiện đại hoá nền hành chính"),
    ]
    tasks = _tasks(appendix)
    assert [tasks[t]["section"] for t in ("1.a", "10", "11", "19", "20", "31", "32", "33.1", "34", "37", "38", "40.a", "44")] == [
        "I", "I", "II", "II", "III", "III", "IV", "IV", "V", "V", "VI", "VII", "VII",
    ]  # fmt: skip


def test_lead_and_cooperating_units(appendix: ImportResult) -> None:
    tasks, names = _tasks(appendix), _unit_names(appendix)
    leads = {t: names[tasks[t]["lead"]] for t in ("1.a", "1.b", "1.c", "2", "5", "13", "14", "24", "32", "37", "39", "40.c")}
    assert leads == {
        "1.a": "Văn phòng",
        "1.b": "UBND quận, huyện",
        "1.c": "Các đơn vị giáo dục",
        "2": "Văn phòng",
        "5": "Tổ chức cán bộ",
        "13": "Thanh tra",
        "14": "Thanh tra",  # merged down from 13 in the document
        "24": "Văn phòng Sở, các phòng Sở",  # a lead cell is one unit, as written
        "32": "Phòng Tổ chức cán bộ",
        "37": "Các phòng Sở, đơn vị trực thuộc Sở",
        "39": "Kế hoạch - Tài chính",
        "40.c": "Sở GD&ĐT",
    }
    cooperating = {t: [names[u] for u in tasks[t]["cooperating"]] for t in ("1.a", "8", "9", "20", "24", "28")}
    assert cooperating == {
        "1.a": ["Các phòng Sở", "Các Phòng GD&ĐT quận, huyện", "Các đơn vị giáo dục"],  # «các các» is the same unit
        "8": ["Các phòng Sở", "Các đơn vị giáo dục", "Các cơ quan báo chí", "Các đơn vị liên quan"],
        "9": ["Các đơn vị giáo dục", "Các đơn vị liên quan"],
        "20": ["Văn phòng", "Tổ chức cán bộ", "GDTX&ĐH", "Giáo dục Trung học", "Các cơ quan, tổ chức có liên quan"],
        "24": ["Các cơ quan, đơn vị liên quan"],
        "28": ["Các đơn vị giáo dục", "Các đơn vị liên quan"],  # «và đơn vị liên quan» is «các đơn vị liên quan»
    }
    ids = [unit["id"] for unit in appendix.plan["units"]]
    assert len(ids) == len(set(ids)) == len(names) and all(re.fullmatch(r"[a-z0-9][a-z0-9_-]*", i) and len(i) <= 63 for i in ids)
    assert names["van-phong"] == "Văn phòng" and names["don-vi-giao-duc"] == "Các đơn vị giáo dục"


def test_time_frames_and_the_cells_not_read(appendix: ImportResult) -> None:
    tasks = _tasks(appendix)
    assert tasks["3"]["time"] == "Từ Quý IV/2022 đến Quý I/2023"
    notes = [(n.row, n.column, n.message.vi) for n in appendix.notes]
    assert notes[0] == (43, 1, "dòng không có số thứ tự: nhập thành việc «33.1» dưới việc 33")
    assert [n for n, *_ in appendix.task_notes["33.1"]] == [43]
    for row in ROWS:  # every time written in the seed is in its task, or noted at its cell
        if row[0] and row[0].isdigit() and row[4] and parse_time_frame(row[4]) is None:
            assert "time" not in tasks[row[0]] and any(m.startswith(f"không đọc được thời gian «{row[4]}»") for *_, m in notes)
    if parse_time_frame("Theo chỉ đạo của UBND thành phố") is None:
        assert notes[1][:2] == (45, 5) and [n.row for n in appendix.task_notes["34"]] == [45]
    assert guess_year(appendix) == 2023


def test_the_file_written_reads_back_with_the_deadlines(appendix: ImportResult, tmp_path: Path) -> None:
    path = write_plan_yaml(appendix, tmp_path / "KH-CCHC-2023.yaml", "KH-CCHC-2023", "Kế hoạch CCHC năm 2023", YEAR)
    plan_file, problems = read_plan(path)
    assert problems == [] and plan_file is not None
    plan = plan_file.plan
    assert len(plan.tasks) == 49 and len(plan.sections) == 7 and plan.period.end == date(2023, 12, 31)
    task = {t.id: t for t in plan.tasks}
    deadlines = {t: task[t].time.deadline for t in ("1.a", "1.b", "1.c", "3", "11", "14", "36", "40.b") if task[t].time}
    assert deadlines == {
        "1.a": date(2022, 12, 31),  # «Tháng 12/2022»
        "1.b": date(2023, 1, 10),  # «10/01/2023»
        "1.c": date(2023, 1, 10),
        "3": date(2023, 3, 31),  # «Từ Quý IV/2022 đến Quý I/2023»
        "11": date(2023, 3, 31),  # «Quý I/2023»
        "14": date(2023, 9, 30),  # «Quý III/2023»
        "36": date(2023, 12, 31),  # «Năm 2023»
        "40.b": date(2023, 12, 31),  # «Cả năm 2023»
    }
    assert task["2"].time is not None and task["2"].time.kind is FrameKind.ON_REQUEST and task["2"].time.deadline is None
    assert task["3"].time is not None and task["3"].time.first == date(2022, 10, 1)
    assert plan.unit_name(task["37"].lead) == "Các phòng Sở, đơn vị trực thuộc Sở"
    text = path.read_text(encoding="utf-8")
    assert "\n  # [?] dòng 43, cột 1: dòng không có số thứ tự: nhập thành việc «33.1» dưới việc 33\n  - id: '33.1'\n" in text
    assert "content: 'Ban hành Kế hoạch cải cách hành chính năm 2023: Sở Giáo dục và Đào tạo (*)'" in text  # Vietnamese as is


def test_the_same_table_in_excel(appendix: ImportResult, tmp_path: Path) -> None:
    xlsx = import_tables(_xlsx(tmp_path / "phu-luc.xlsx", [HEADER, *ROWS]))
    docx = import_tables(_docx(tmp_path / "phu-luc.docx", ROWS))  # the same rows, nothing merged
    assert xlsx.plan == docx.plan
    assert [(n.row, n.column) for n in xlsx.notes] == [(n.row, n.column) for n in docx.notes]
    assert _tasks(xlsx).keys() == _tasks(appendix).keys() and xlsx.plan["sections"] == appendix.plan["sections"]


def test_excel_a_title_above_the_header_and_a_merged_section_row(tmp_path: Path) -> None:
    rows: list[Row] = [
        ("DANH MỤC NHIỆM VỤ NĂM 2024", "", "", "", "", ""),
        ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kết quả"),
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
        ("I. Cải cách thủ tục hành chính", "", "", "", "", ""),
        ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kết quả"),  # on a new page
        ("1", "Rà soát TTHC", "Văn phòng", "", "Quý II/2024", "Báo cáo"),
        ("2", "Số hóa kết quả", "", "", "Quý IV/2024", "Dữ liệu"),  # C7 merged into C6: empty in the file
    ]
    result = import_tables(_xlsx(tmp_path / "kh.xlsx", rows, merges=("A1:F1", "A4:F4", "C6:C7")))
    assert result.plan["sections"] == [{"id": "I", "title": "Cải cách thủ tục hành chính"}]
    assert [(t["id"], t["lead"], t["time"]) for t in result.plan["tasks"]] == [("1", "van-phong", "Quý II/2024"), ("2", "van-phong", "Quý IV/2024")]


def test_a_time_cell_not_read_is_noted_at_its_row_and_column_and_above_its_task(tmp_path: Path) -> None:
    header = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian\nhoàn thành", "Sản phẩm", "Ghi chú")
    rows: list[Row] = [
        ("1", "Rà soát TTHC", "Văn phòng", "Phòng Tổ chức cán bộ và Thanh tra Sở", "Tháng \n12/2022", "Báo cáo", ""),
        ("2", "Đánh giá nội bộ", "Văn phòng", "", "Quý V/2023", "Báo cáo", "Chờ hướng dẫn"),
        ("3", "Xem xét của lãnh đạo", "Văn phòng", "", "Sau khi có hướng dẫn", "", ""),
    ]
    result = import_tables(_docx(tmp_path / "kh.docx", rows, header=header, letterhead=False))
    assert [(n.row, n.column) for n in result.notes] == [(3, 5), (4, 5)]
    assert result.notes[0].message.vi.startswith("không đọc được thời gian «Quý V/2023»")
    tasks = _tasks(result)
    assert tasks["1"]["time"] == "Tháng 12/2022" and "time" not in tasks["2"] and tasks["2"]["notes"] == "Chờ hướng dẫn"
    assert _unit_names(result)[tasks["1"]["cooperating"][1]] == "Thanh tra Sở"
    path = write_plan_yaml(result, tmp_path / "KH.yaml", "KH-1", "Kế hoạch", YEAR)
    assert read_plan(path)[1] == []
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("  - id: '2'")
    assert lines[at - 1].startswith("  # [?] dòng 3, cột 5: không đọc được thời gian «Quý V/2023»")


def test_two_task_tables_continue_each_other_and_notes_name_their_table(tmp_path: Path) -> None:
    document = Document()
    for rows in ([("I", "Chỉ đạo điều hành", "", "", "", ""), ("1", "Ban hành kế hoạch", "Văn phòng", "", "Tháng 01/2024", "")],
                 [("2", "Kiểm tra", "Thanh tra", "Văn phòng", "Sau Tết", "")]):  # fmt: skip
        table = document.add_table(rows=1 + len(rows), cols=6)
        for r, values in enumerate([HEADER, *rows]):
            for cell, value in zip(table.rows[r].cells, values, strict=True):
                cell.text = value
    document.save(str(tmp_path / "kh.docx"))
    result = import_tables(tmp_path / "kh.docx")
    assert [(t["id"], t["section"]) for t in result.plan["tasks"]] == [("1", "I"), ("2", "I")]
    assert [(n.row, n.column) for n in result.notes] == [(2, 5)]
    assert result.notes[0].message.vi.startswith("bảng 2: không đọc được thời gian «Sau Tết»")


def test_numbering_that_restarts_in_each_section(tmp_path: Path) -> None:
    rows: list[Row] = [
        ("I", "Chỉ đạo điều hành", "", "", "", ""),
        ("1", "Ban hành kế hoạch", "Văn phòng", "", "Tháng 01/2024", ""),
        ("II", "Cải cách thể chế", "", "", "", ""),
        ("1", "Rà soát văn bản", "Thanh tra", "", "Quý I/2024", ""),
        ("", "a) Văn bản của Sở", "Thanh tra", "", "Quý I/2024", ""),
    ]
    result = import_tables(_docx(tmp_path / "kh.docx", rows))
    assert [t["id"] for t in result.plan["tasks"]] == ["I.1", "II.1", "II.1.a"]  # 1 keeps its own unit: stays a task


def test_never_overwrites_unless_asked(appendix: ImportResult, tmp_path: Path) -> None:
    path = tmp_path / "KH.yaml"
    path.write_text("giữ nguyên\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_plan_yaml(appendix, path, "KH-1", "Kế hoạch", YEAR)
    assert path.read_text(encoding="utf-8") == "giữ nguyên\n"
    write_plan_yaml(appendix, path, "KH-1", "Kế hoạch", YEAR, overwrite=True)
    assert read_plan(path)[1] == []


def test_files_that_cannot_be_imported(tmp_path: Path) -> None:
    (tmp_path / "kh.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "hong.docx").write_bytes(b"not a zip")
    no_table = _docx(tmp_path / "kh.docx", [], header=("Họ tên", "Chức vụ"))
    for path, start in ((tmp_path / "kh.pdf", "chỉ nhập được"), (tmp_path / "hong.docx", "không đọc được tệp"), (no_table, "không tìm thấy bảng")):
        with pytest.raises(PlanImportError) as caught:
            import_tables(path)
        assert caught.value.message.vi.startswith(start) and caught.value.hint is not None


def test_split_units() -> None:
    assert split_units("Các phòng Sở, các Phòng GD&ĐT quận, huyện, các đơn vị liên quan") == [
        "Các phòng Sở",
        "Các Phòng GD&ĐT quận, huyện",
        "Các đơn vị liên quan",
    ]
    assert split_units("Sở Giáo dục và Đào tạo; Sở Nội vụ và các cơ quan, đơn vị liên quan") == [
        "Sở Giáo dục và Đào tạo",
        "Sở Nội vụ",
        "Các cơ quan, đơn vị liên quan",
    ]
    assert split_units("Văn phòng (bộ phận một cửa, CNTT), Thanh tra") == ["Văn phòng (bộ phận một cửa, CNTT)", "Thanh tra"]
    assert split_units("") == []


def test_the_command(tmp_path: Path) -> None:
    from qms.cli.plan_import import plan_import

    app = typer.Typer()
    app.command()(plan_import)
    source = _docx(tmp_path / "KH_CCHC_2023.docx", ROWS)
    target = tmp_path / "plans" / "KH-CCHC-2023.yaml"
    done = CliRunner().invoke(app, [str(source), "--code", "KH-CCHC-2023", "--out", str(target)])
    assert done.exit_code == 0, done.output
    assert f"{source}:43:1: [?] dòng không có số thứ tự" in done.stdout and "(nhiệm vụ: 49; ô cần xem lại: " in done.stdout
    plan_file, problems = read_plan(target)
    assert problems == [] and plan_file is not None
    assert plan_file.plan.period.start == date(2023, 1, 1) and plan_file.plan.title.vi == "KH CCHC 2023"  # year guessed
    again = CliRunner().invoke(app, [str(source), "--code", "KH-CCHC-2023", "--out", str(target)])
    assert again.exit_code == 2 and "đã có" in again.output
    for args in (["--code", "kh 1"], ["--code", "KH-1", "--year", "2023", "--start", "2023-01-01"], ["--code", "KH-1", "--start", "2023-01-01"]):
        assert CliRunner().invoke(app, [str(source), "--out", str(tmp_path / "x.yaml"), *args]).exit_code == 2
    other = CliRunner().invoke(app, [str(source), "--code", "KH-2", "--out", str(tmp_path / "y.yaml"), "--start", "2023-02-01", "--end", "2024-01-31"])
    assert other.exit_code == 0 and read_plan(tmp_path / "y.yaml")[0].plan.period.end == date(2024, 1, 31)
