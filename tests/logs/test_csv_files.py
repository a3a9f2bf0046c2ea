"""CSV logs: delimiters, duplicates within and across files, the event shape, a mapping naming a missing column."""

from datetime import datetime
from pathlib import Path

import pytest

from qms.diagnostics import Severity
from qms.logs import LogCode, read_log

HEADER = ["MaHoSo", "MaTTHC", "NgayTiepNhan", "NgayHenTra", "HinhThuc", "DonViXuLy"]


def _write(path: Path, delimiter: str, rows: list[list[str]]) -> Path:
    path.write_text("".join(delimiter.join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _dossiers(result) -> dict[str, dict[str, object]]:
    columns = result.dossiers.columns
    return {r[0]: dict(zip(columns, r, strict=True)) for r in result.dossiers.fetchall()}


def _where(result) -> set[tuple[str, str, int, int]]:
    return {(d.code, d.location.path.name, d.location.line, d.location.column) for d in result.diagnostics}


@pytest.mark.parametrize(
    ("delimiter", "unit"),
    [(",", '"UBND xã A, huyện B"'), ("\t", "UBND xã A, huyện B")],
    ids=["comma", "tab"],
)
def test_comma_and_tab_csv_are_read_alike(tmp_path: Path, delimiter: str, unit: str) -> None:
    path = _write(
        tmp_path / "log.csv",
        delimiter,
        [
            HEADER,
            ["H1", "1.001", "02/03/2026 08:30", "20260310170000", "2", unit],
            ["H2", "1.001", "hôm qua", "", "1", "VP"],
            ["H3", "1.002", "20260303091500", "", "3", ""],
        ],
    )
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (3, 2, 1)
    assert _where(result) == {(LogCode.DATE, "log.csv", 3, 3)}
    found = _dossiers(result)
    assert set(found) == {"H1", "H3"}
    h1, h3 = found["H1"], found["H3"]
    assert (h1["received"], h1["due"], h1["channel"], h1["unit"], h1["row"]) == (
        datetime(2026, 3, 2, 8, 30),
        datetime(2026, 3, 10, 17),
        2,
        "UBND xã A, huyện B",
        2,
    )
    assert (h3["procedure"], h3["received"], h3["channel"], h3["unit"], h3["row"]) == ("1.002", datetime(2026, 3, 3, 9, 15), 3, None, 4)


def test_a_dossier_twice_with_other_values_keeps_the_first_and_names_its_row(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "log.csv",
        ",",
        [
            HEADER,
            ["H1", "1.001", "20260302083000", "20260310170000", "2", "VP"],
            ["H2", "1.001", "20260302090000", "", "1", "VP"],
            ["H1", "1.001", "20260302083000", "20260312170000", "2", "VP"],
        ],
    )
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (3, 2, 1)
    (problem,) = result.diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == (LogCode.DUPLICATE, 4, 1)
    assert problem.message.vi == "hồ sơ «H1» đã có ở dòng log.csv:2 với giá trị khác"
    h1 = _dossiers(result)["H1"]
    assert (h1["due"], h1["row"]) == (datetime(2026, 3, 10, 17), 2)  # the first one


def test_two_files_read_together(tmp_path: Path) -> None:
    first = _write(
        tmp_path / "a.csv",
        ",",
        [
            HEADER,
            ["A1", "1.001", "20260302083000", "", "1", ""],
            ["A2", "1.001", "20260302090000", "", "2", ""],
            ["A3", "1.001", "20260303", "", "1", ""],
        ],
    )
    second = _write(
        tmp_path / "b.csv",
        ";",
        [HEADER, ["B1", "1.001", "20260304083000", "", "9", ""], ["A2", "1.001", "20260302090000", "", "1", ""]],
    )
    result = read_log([first, second])
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (5, 2, 3)
    assert _where(result) == {
        (LogCode.DATE, "a.csv", 4, 3),
        (LogCode.CHANNEL, "b.csv", 2, 5),
        (LogCode.DUPLICATE, "b.csv", 3, 1),
    }
    duplicate = next(d for d in result.diagnostics if d.code == LogCode.DUPLICATE)
    assert duplicate.message.vi == "hồ sơ «A2» đã có ở dòng a.csv:3 với giá trị khác"
    assert {k: (v["file"], v["row"]) for k, v in _dossiers(result).items()} == {"A1": (0, 2), "A2": (0, 3)}


def test_an_event_shaped_csv_and_an_event_out_of_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "events.csv",
        ",",
        [
            ["MaHoSo", "MaTTHC", "BuocXuLy", "NguoiXuLy", "PhongBanXuLy", "ThoiDiemXuLy"],
            ["H1", "1.001", "tiep-nhan", "Lan", "Một cửa", "20260302080000"],
            ["H1", "1.001", "tham-dinh", "Minh", "Phòng A", "20260303090000"],
            ["H2", "1.001", "tiep-nhan", "Lan", "Một cửa", "20260302100000"],
            ["H1", "1.001", "phe-duyet", "Hà", "Ban Giám đốc", "20260302150000"],
            ["H2", "1.001", "tham-dinh", "Minh", "Phòng A", ""],
        ],
    )
    result = read_log(path)
    assert result.shape == "event" and result.dossiers is None
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (5, 4, 1)
    assert _where(result) == {(LogCode.ORDER, "events.csv", 5, 6), (LogCode.DATE, "events.csv", 6, 6)}
    order = next(d for d in result.diagnostics if d.code == LogCode.ORDER)
    assert order.severity == Severity.WARNING
    assert order.message.vi == "thời điểm «20260302150000» sớm hơn một bước ghi trước đó của hồ sơ «H1»"
    events = [(r[0], r[2], r[3], r[5], r[7]) for r in result.events.fetchall()]  # dossier, step, resource, at, row
    assert events == [
        ("H1", "tiep-nhan", "Lan", datetime(2026, 3, 2, 8), 2),
        ("H1", "phe-duyet", "Hà", datetime(2026, 3, 2, 15), 5),
        ("H1", "tham-dinh", "Minh", datetime(2026, 3, 3, 9), 3),
        ("H2", "tiep-nhan", "Lan", datetime(2026, 3, 2, 10), 4),
    ]



def test_the_channel_on_events_is_read_and_a_wrong_one_rejected(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "events.csv",
        ",",
        [
            ["MaHoSo", "MaTTHC", "BuocXuLy", "ThoiDiemXuLy", "HinhThuc"],
            ["H1", "1.001", "tiep-nhan", "20260302080000", "2"],
            ["H2", "1.001", "tiep-nhan", "20260302090000", "1"],
            ["H3", "1.001", "tiep-nhan", "20260302100000", "9"],
            ["H4", "1.001", "tiep-nhan", "20260302110000", ""],
        ],
    )
    result = read_log(path)
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (4, 3, 1)
    assert _where(result) == {(LogCode.CHANNEL, "events.csv", 4, 5)}
    assert result.connection.execute("SELECT dossier, channel FROM events ORDER BY dossier").fetchall() == [
        ("H1", 2),
        ("H2", 1),
        ("H4", None),
    ]

def test_a_mapping_naming_a_missing_column_lists_the_columns_found(tmp_path: Path) -> None:
    log = _write(tmp_path / "log.csv", ",", [["Số hồ sơ", "Ngày nhận", "Ngay tra"], ["A1", "02-01-2025", "05-01-2025"]])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text('columns:\n  dossier: "Số hồ sơ"\n  received: "Ngày nhận"\n  returned: "Ngày trả"\n', encoding="utf-8")
    result = read_log(log, mapping=mapping)
    assert not result.ok and result.rows_read == 0
    (problem,) = result.diagnostics
    assert (problem.code, problem.location.path, problem.location.line, problem.location.column) == (LogCode.COLUMN, mapping, 4, 13)
    assert problem.message.vi == "không có cột «Ngày trả» (trường «returned»); các cột có trong tệp: Số hồ sơ, Ngày nhận, Ngay tra"
    assert problem.hint.vi == "có phải «Ngay tra»?"


def test_a_default_column_missing_is_reported_at_the_log_file(tmp_path: Path) -> None:
    log = _write(tmp_path / "log.csv", ",", [["MaHoSo", "NgayNhan"], ["A1", "20260302083000"]])
    (problem,) = read_log(log).diagnostics
    assert (problem.code, problem.location.path, problem.location.line) == (LogCode.COLUMN, log, 1)
    assert problem.message.vi == "không có cột «NgayTiepNhan» (trường «received»); các cột có trong tệp: MaHoSo, NgayNhan"
