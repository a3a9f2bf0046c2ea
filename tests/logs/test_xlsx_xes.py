"""Excel rows with a value right of the header (LOG006, as a CSV row with a field too many); XES rows at their event."""

from datetime import datetime
from pathlib import Path

from qms.logs import LogCode, read_log

from .test_read_log import _xlsx


def test_a_sheet_row_with_more_cells_than_the_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "log.xlsx"
    _xlsx(
        path,
        [
            ["MaHoSo", "NgayTiepNhan", "DonViXuLy"],
            ["X1", "02/01/2025", "VP"],
            ["X2", "03/01/2025", "VP", "", "ghi chú"],  # a value in E3
            ["X3", "sai", "VP"],
            ["X4", "04/01/2025", "VP", " "],  # only a space right of the header: nothing
            ["X5", "05/01/2025", "VP", "thừa"],  # a value in D6
        ],
    )
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (5, 2, 3)
    where = {(d.code, d.location.line, d.location.column) for d in result.diagnostics}
    assert where == {(LogCode.ROW, 3, 5), (LogCode.DATE, 4, 2), (LogCode.ROW, 6, 4)}
    assert [d.message.vi for d in result.diagnostics if d.code == LogCode.ROW] == [  # sorted by line
        "ô E3 có giá trị nhưng nằm ngoài 3 cột của dòng tiêu đề",
        "ô D6 có giá trị nhưng nằm ngoài 3 cột của dòng tiêu đề",
    ]
    assert {r[0]: r[-1] for r in result.dossiers.fetchall()} == {"X1": 2, "X4": 5}


def test_an_empty_header_cell_does_not_widen_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "log.xlsx"
    _xlsx(path, [["MaHoSo", "NgayTiepNhan", ""], ["X1", "02/01/2025", "?"], ["X2", "03/01/2025"]])
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (2, 1, 1)
    ((code, line, column),) = {(d.code, d.location.line, d.location.column) for d in result.diagnostics}
    assert (code, line, column) == (LogCode.ROW, 2, 3)


def test_a_bad_timestamp_in_an_xes_event_is_at_the_line_of_its_event(tmp_path: Path) -> None:
    path = tmp_path / "log.xes"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'  # 1
        '<log xmlns="http://www.xes-standard.org/">\n'  # 2
        "  <trace>\n"  # 3
        '    <string key="concept:name" value="H1"/>\n'  # 4
        '    <event><string key="concept:name" value="Tiếp nhận"/>\n'  # 5
        '      <date key="time:timestamp" value="2026-03-02T08:00:00+07:00"/></event>\n'  # 6
        "    <event>\n"  # 7
        '      <string key="concept:name" value="Thẩm định"/>\n'  # 8
        '      <string key="org:resource" value="Minh"/>\n'  # 9
        '      <date key="time:timestamp" value="02/03/2026 25:00"/>\n'  # 10
        "    </event>\n"  # 11
        "  </trace>\n"  # 12
        "</log>\n",
        encoding="utf-8",
    )
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (2, 1, 1)
    (problem,) = result.diagnostics
    assert (problem.code, problem.location.path, problem.location.line, problem.location.column) == (LogCode.DATE, path, 7, 1)
    assert problem.message.vi == "cột «time:timestamp»: «02/03/2026 25:00» không phải ngày giờ đọc được"
    assert [(r[0], r[2], r[5], r[7]) for r in result.events.fetchall()] == [("H1", "Tiếp nhận", datetime(2026, 3, 2, 8), 5)]


def test_excel_names_its_columns_with_letters() -> None:
    from qms.logs.sources import _column_letters

    assert [_column_letters(n) for n in (1, 4, 26, 27, 52, 703)] == ["A", "D", "Z", "AA", "AZ", "AAA"]
