import hashlib
import zipfile
from pathlib import Path

from qms.logs import LogCode, read_log

FIX = Path(__file__).parent / "fixtures"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_csv_semicolon_bom_every_row_accounted_for():
    path = FIX / "dossiers_semicolon.csv"
    before = _sha(path)
    result = read_log(path, known_procedures={"1.001"})
    assert _sha(path) == before
    assert result.rows_read == 11  # 12 lines after the header, one blank
    assert result.rows_used + result.rows_rejected == result.rows_read
    assert result.rows_used == result.dossiers.count("*").fetchall()[0][0] + 1  # + the supplement row of H1
    where = {(d.code, d.location.line, d.location.column) for d in result.diagnostics}
    assert where == {
        (LogCode.DATE, 3, 3),
        (LogCode.MISSING_ID, 4, 1),
        (LogCode.PROCEDURE, 5, 2),
        (LogCode.DUPLICATE, 6, 1),
        (LogCode.RETURNED_BEFORE, 7, 6),
        (LogCode.CHANNEL, 8, 8),
        (LogCode.SUPPLEMENT, 10, 1),
        (LogCode.ROW, 12, 1),
    }
    rows = {r[0]: r for r in result.dossiers.fetchall()}
    assert set(rows) == {"H1", "H7"}
    assert rows["H1"][9] == 1  # supplements
    assert rows["H7"][-1] == 13  # the row after the blank line keeps its number


def test_xes_events_and_order_warning():
    result = read_log(FIX / "events.xes")
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (4, 3, 1)
    codes = sorted((d.code, d.location.line) for d in result.diagnostics)
    assert codes == [(LogCode.DATE, 23), (LogCode.ORDER, 16)]
    assert [r[2] for r in result.events.fetchall()] == ["Phê duyệt", "Tiếp nhận", "Thẩm định"]


def test_xes_doctype_refused(tmp_path):
    path = tmp_path / "bomb.xes"
    path.write_text('<?xml version="1.0"?><!DOCTYPE log [<!ENTITY a "x">]><log>&a;</log>')
    result = read_log(path)
    assert not result.ok and result.diagnostics[0].code == LogCode.XML


def test_mapping_and_missing_column():
    result = read_log(FIX / "custom.csv", mapping=FIX / "mapping.yaml")
    assert result.diagnostics == [] and result.rows_used == 2
    result = read_log(FIX / "custom_missing.csv", mapping=FIX / "mapping.yaml")
    (problem,) = result.diagnostics
    assert problem.code == LogCode.COLUMN and problem.location.line == 5
    assert "Ngày nhận" in problem.message.vi and problem.hint is not None


def test_not_utf8():
    (problem,) = read_log(FIX / "latin.csv").diagnostics
    assert problem.code == LogCode.ENCODING and problem.location.line == 2


def _xlsx(path: Path, rows: list[list[str]]) -> None:
    def cell(value: str) -> str:
        return f'<c t="inlineStr"><is><t>{value}</t></is></c>'

    sheet = "".join(f'<row r="{i + 1}">{"".join(cell(v) for v in row)}</row>' for i, row in enumerate(rows))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet {ns}><sheetData>{sheet}</sheetData></worksheet>")


def test_xlsx(tmp_path):
    path = tmp_path / "log.xlsx"
    _xlsx(path, [["MaHoSo", "NgayTiepNhan"], ["X1", "02/01/2025"], ["X2", "sai"]])
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (2, 1, 1)
    (problem,) = result.diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == (LogCode.DATE, 3, 2)


def test_a_dossier_row_may_carry_its_own_due_dates_before_and_after_a_supplement(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,HinhThuc,DonViXuLy,NgayHenTraTruoc,NgayHenTraMoi\n"
        "H1,1.001,20260302090000,20260312103000,20260311100000,20260311110000,10,2,VP,20260309170000,20260312103000\n"
        "H2,1.001,20260302100000,20260309170000,20260305100000,20260305110000,10,1,VP,,\n",
        encoding="utf-8",
    )
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (2, 2, 0)
    found = {r[0]: r for r in result.dossiers.fetchall()}
    assert found["H1"][9] == 1 and str(found["H1"][10]) == "2026-03-12 10:30:00"  # one supplement; the new due date
    assert found["H2"][9] == 0 and str(found["H2"][10]) == "2026-03-09 17:00:00"


def test_the_shipped_sample_log_is_read_whole():
    sample = Path(__file__).parents[2] / "processes" / "logs" / "QT-TTHC-01-2026.csv"
    result = read_log(sample)
    assert result.rows_read == result.rows_used == 400 and not result.diagnostics
