"""The dossier fields the measures need: supplement waits, declared supplement count, apology, refusal, e-result."""

from datetime import datetime

from qms.logs import LogCode, read_log

HEADER = (
    "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayTra,TrangThaiHoSo,HinhThuc,SoLanBoSung,"
    "NgayYeuCauBoSung1,NgayNhanBoSung1,NgayYeuCauBoSung2,NgayNhanBoSung2,CoThuXinLoi,NgayXinLoi,NgayTuChoi,KetQuaDienTu\n"
)


def _read(tmp_path, *rows: str):
    path = tmp_path / "log.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    result = read_log(path)
    records = result.dossiers.fetchall() if result.dossiers is not None else []
    columns = [c for c in result.dossiers.columns] if result.dossiers is not None else []
    return result, {r[0]: dict(zip(columns, r, strict=True)) for r in records}


def test_waits_apology_refusal_and_e_result_reach_the_dossier_table(tmp_path):
    result, found = _read(
        tmp_path,
        "H1,1.001,20260302090000,20260312170000,20260311110000,10,2,1,20260303090000,20260305100000,,,0,,,1",
        "H2,1.001,20260302100000,20260309170000,20260312110000,10,1,,,,,,1,20260309080000,,0",
        "H3,1.001,20260302100000,20260309170000,,5,1,2,20260303090000,,,,,,20260304100000,",
    )
    assert (result.rows_read, result.rows_used, result.rows_rejected) == (3, 3, 0)
    h1, h2, h3 = found["H1"], found["H2"], found["H3"]
    assert h1["supplements"] == 1
    assert h1["waits"] == [{"asked": datetime(2026, 3, 3, 9), "back": datetime(2026, 3, 5, 10)}]
    assert (h1["apology"], h1["e_result"]) == (False, True)
    assert (h2["apology"], h2["apologized"], h2["e_result"], h2["waits"]) == (True, datetime(2026, 3, 9, 8), False, [])
    # SoLanBoSung says 2 though only one wait has dates; the wait still open has no return
    assert h3["supplements"] == 2 and h3["waits"] == [{"asked": datetime(2026, 3, 3, 9), "back": None}]
    assert h3["refused"] == datetime(2026, 3, 4, 10) and h3["e_result"] is None


def test_bad_counts_flags_and_a_supplement_back_before_it_was_asked_are_rejected_with_their_column(tmp_path):
    result, found = _read(
        tmp_path,
        "H1,1.001,20260302090000,20260312170000,20260311110000,10,2,hai,,,,,,,,",
        "H2,1.001,20260302090000,20260312170000,20260311110000,10,2,,,,,,có lẽ,,,",
        "H3,1.001,20260302090000,20260312170000,20260311110000,10,2,1,20260305090000,20260304090000,,,,,,",
        "H4,1.001,20260302090000,20260312170000,20260311110000,10,2,,,,,,,20260301090000,,",
        "H5,1.001,20260302090000,20260312170000,20260311110000,10,2,0,,,,,không,,,có",
    )
    where = {(d.code, d.location.line, d.location.column) for d in result.diagnostics}
    assert where == {
        (LogCode.VALUE, 2, 8),
        (LogCode.VALUE, 3, 13),
        (LogCode.RETURNED_BEFORE, 4, 10),
        (LogCode.RETURNED_BEFORE, 5, 14),
    }
    assert set(found) == {"H5"} and (result.rows_used, result.rows_rejected) == (1, 4)
    back = next(d for d in result.diagnostics if d.location.line == 4)
    assert "NgayYeuCauBoSung1" in back.message.get("vi") and "NgayNhanBoSung1" in back.message.get("vi")
