"""The line of a CSV row in diagnostics is the line where it starts in the file, as a text editor shows it, also
after quoted values that hold line breaks (such a row takes several lines of the file)."""

from pathlib import Path

import pytest

import qms.logs.sources as sources
from qms.logs import LogCode, read_log

FIX = Path(__file__).parent / "fixtures"


def _read(path: Path, text: str):
    path.write_bytes(text.encode("utf-8"))
    result = read_log(path)
    where = {(d.code, d.location.line, d.location.column) for d in result.diagnostics}
    rows = {r[0]: (r[8], r[-1]) for r in result.dossiers.fetchall()}  # dossier -> (unit, row)
    return result, where, rows


def test_rows_after_a_quoted_line_break_keep_their_line(tmp_path: Path) -> None:
    result, where, rows = _read(
        tmp_path / "log.csv",
        "MaHoSo,NgayTiepNhan,DonViXuLy\n"  # 1
        'H1,02/01/2025,"Phòng A\n'  # 2
        'tầng 2"\n'  # 3
        "H2,sai,x\n"  # 4
        "\n"  # 5: a blank line
        'H3,02/01/2025,"c\n'  # 6
        "\n"  # 7: inside the quoted value, not a blank line
        'd"\n'  # 8
        "H4,sai,y\n"  # 9
        "H5,02/01/2025,x,thừa\n"  # 10
        "H6,sai,z\n",  # 11
    )
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (6, 2, 4)
    assert where == {(LogCode.DATE, 4, 2), (LogCode.DATE, 9, 2), (LogCode.ROW, 10, 1), (LogCode.DATE, 11, 2)}
    assert rows == {"H1": ("Phòng A\ntầng 2", 2), "H3": ("c\n\nd", 6)}


def test_crlf_and_a_rejected_row_that_takes_three_lines(tmp_path: Path) -> None:
    result, where, rows = _read(
        tmp_path / "log.csv",
        "MaHoSo,NgayTiepNhan,DonViXuLy\r\n"  # 1
        'H1,02/01/2025,"a\r\nb"\r\n'  # 2-3
        "H2,sai,x\r\n"  # 4
        "\r\n"  # 5
        'H3,02/01/2025,"c\r\n\r\nd",thừa\r\n'  # 6-8: one field too many
        "H4,sai,y\r\n"  # 9
        '"H5","02/01/2025","x"\r\n'  # 10
        '"H6","sai","z"\r\n',  # 11
    )
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (6, 2, 4)
    assert where == {(LogCode.DATE, 4, 2), (LogCode.ROW, 6, 1), (LogCode.DATE, 9, 2), (LogCode.DATE, 11, 2)}
    assert rows == {"H1": ("a\r\nb", 2), "H5": ("x", 10)}


def test_a_line_break_only_in_a_rejected_row(tmp_path: Path) -> None:
    result, where, rows = _read(
        tmp_path / "log.csv",
        "MaHoSo,NgayTiepNhan,DonViXuLy\n"  # 1
        'H1,02/01/2025,"a\n'  # 2
        'b",thừa\n'  # 3
        "H2,sai,x\n"  # 4
        "H3,03/01/2025,x\n",  # 5
    )
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (3, 1, 2)
    assert where == {(LogCode.ROW, 2, 1), (LogCode.DATE, 4, 2)}
    assert rows == {"H3": ("x", 5)}


def test_a_quote_inside_an_unquoted_value_does_not_open_a_quoted_value(tmp_path: Path) -> None:
    result, where, rows = _read(
        tmp_path / "log.csv",
        "MaHoSo,NgayTiepNhan,DonViXuLy\n"  # 1
        'H1,02/01/2025,Phòng "A"1\n'  # 2: the quotes are part of the value
        "H2,sai,x\n"  # 3
        'H3,02/01/2025,"y\n'  # 4
        'z"\n'  # 5
        "H4,sai,q\n",  # 6
    )
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (4, 2, 2)
    assert where == {(LogCode.DATE, 3, 2), (LogCode.DATE, 6, 2)}
    assert rows == {"H1": ('Phòng "A"1', 2), "H3": ("y\nz", 4)}


def test_a_blank_line_across_two_read_chunks_is_still_a_blank_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "MaHoSo,NgayTiepNhan,DonViXuLy\nH1,20260302083000,x\n\nH2,sai,x\n"
    monkeypatch.setattr(sources, "CHUNK", text.index("\n\n") + 1)  # the first chunk ends just before the blank line
    _result, where, rows = _read(tmp_path / "log.csv", text)
    assert where == {(LogCode.DATE, 4, 2)}
    assert rows == {"H1": ("x", 2)}


def test_a_file_without_quoted_line_breaks_is_not_read_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> None:
        raise AssertionError(f"{path} was read line by line")

    monkeypatch.setattr(sources, "_records", refuse)
    assert read_log(FIX / "dossiers_semicolon.csv").rows_read == 11  # a blank line, a row with a field too many
    _result, where, rows = _read(tmp_path / "log.csv", 'MaHoSo,NgayTiepNhan,DonViXuLy\n"H1","02/01/2025","a, ""b"""\nH2,sai,x\n')
    assert where == {(LogCode.DATE, 3, 2)}
    assert rows == {"H1": ('a, "b"', 2)}
