"""Step shapes, duplicate ids and references, each reported where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CROSS_FILE, INVALID, diagnostics_of, only, position, process_data, step, text_at, write
from qms.diagnostics import LoadCode
from qms.load import load_paths, parse_file
from qms.load.references import check_process
from qms.load.source import SourceMap
from qms.model import Process

# --- unknown references (fixtures of the acceptance criterion) ----------------------------


def test_unknown_next_step() -> None:
    path = INVALID / "unknown_next.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.REFERENCE, (14, 11))
    assert text_at(path, 14, 11) == "tham-dihn"
    assert d.message.vi == "bước «tham-dihn» không tồn tại"
    assert d.message.en == "step «tham-dihn» does not exist"
    assert d.hint.vi == "có phải ý bạn là «tham-dinh»?"
    assert d.hint.en == "did you mean «tham-dinh»?"
    assert d.data == {"kind": "step", "name": "tham-dihn"}


def test_unknown_role() -> None:
    path = INVALID / "unknown_role.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.REFERENCE, (12, 50))
    assert text_at(path, 12, 50).startswith("chuyen-vein,")
    assert d.message.vi == "vai trò «chuyen-vein» không tồn tại"
    assert d.message.en == "role «chuyen-vein» does not exist"
    assert d.hint.vi == "có phải ý bạn là «chuyen-vien»?"


def test_unknown_record() -> None:
    path = INVALID / "unknown_record.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.REFERENCE, (17, 22))
    assert text_at(path, 17, 22) == "BM01]"
    assert d.message.vi == "hồ sơ/biểu mẫu «BM01» không tồn tại"
    assert d.message.en == "record «BM01» does not exist"
    assert d.hint.en == "did you mean «BM-01»?"


def test_unknown_sub_process_code_with_a_hint() -> None:
    path = CROSS_FILE / "unknown_call" / "QT-CHA-02.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.REFERENCE, (15, 12))
    assert text_at(path, 15, 12) == "QT-CON-10"
    assert d.message.vi == "quy trình «QT-CON-10» không tồn tại"
    assert d.message.en == "process «QT-CON-10» does not exist"
    assert d.hint.vi == "có phải ý bạn là «QT-CON-01»?"


def test_unknown_sub_process_is_reported_when_loading_the_whole_folder() -> None:
    result = load_paths([CROSS_FILE / "unknown_call"])
    assert [p.code for p in result.processes] == ["QT-CON-01"]
    assert [position(d) for d in result.diagnostics] == [(15, 12)]


def test_call_to_a_process_in_a_sibling_file_passes() -> None:
    alone = load_paths([CROSS_FILE / "calls_sibling" / "QT-CHA-01.yaml"])
    assert alone.ok and [p.code for p in alone.processes] == ["QT-CHA-01"]
    assert alone.files == [CROSS_FILE / "calls_sibling" / "QT-CHA-01.yaml"]  # the sibling is read, not loaded
    folder = load_paths([CROSS_FILE / "calls_sibling"])
    assert folder.ok and sorted(p.code for p in folder.processes) == ["QT-CHA-01", "QT-CON-01"]


def test_call_is_checked_only_across_files_not_by_parse_file() -> None:
    process, diagnostics = parse_file(CROSS_FILE / "unknown_call" / "QT-CHA-02.yaml")
    assert diagnostics == [] and process is not None
    _, with_known = parse_file(CROSS_FILE / "unknown_call" / "QT-CHA-02.yaml", known_processes={"QT-CON-01"})
    assert [d.data["name"] for d in with_known] == ["QT-CON-10"]


def test_duplicate_process_codes_across_files() -> None:
    folder = CROSS_FILE / "duplicate_code"
    result = load_paths([folder])
    d = only(result.diagnostics)
    assert d.code == LoadCode.DUPLICATE_ID
    assert d.location.path == folder / "b_copy.yaml" and position(d) == (2, 7)
    assert d.message.vi == f"mã quy trình «QT-CON-01» đã được dùng ở {folder / 'a_first.yaml'}"
    assert d.message.en == f"process code «QT-CON-01» is already used in {folder / 'a_first.yaml'}"
    assert [p.origin.path for p in result.processes] == [folder / "a_first.yaml"]
    assert not result.ok


# --- other references -------------------------------------------------------------------------


def refs(tmp_path: Path, data: dict) -> list:
    import yaml

    return diagnostics_of(write(tmp_path, "p.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))


def test_every_kind_of_reference_is_checked(tmp_path: Path) -> None:
    data = process_data(
        owner="lanh-dao",
        approval={"approved": {"role": "giam-doc"}},
        legal_basis=[{"id": "nd-118-2025", "number": "118/2025/NĐ-CP", "title": "Nghị định"}],
        records=[{"code": "BM-01", "name": "Sổ", "kept_by": "van-thu", "legal_basis": "nd-999"}],
        steps=[
            step("bat-dau", "start", role="mot-cua", next="kiem-tra"),
            step("kiem-tra", "decision", role="mot-cua", branches=[{"when": "Đủ", "to": "ket-thuc"}, {"when": "Thiếu", "to": "bo-sung"}]),
            step("ket-thuc", "end", role="mot-cua"),
        ],
        kpis=[{"code": "KPI-01", "name": "Đúng hạn", "target": "95%", "owner": "thu-ky"}],
        risks=[{"code": "RR-01", "description": "Trễ", "owner": "mot-cua", "controls": ["kiem-tra", "tham-dinh"]}],
        waivers=[{"rule": "QMS104", "reason": "Lý do", "approved_by": "lanh-dao", "step": "phe-duyet"}],
        citizen_service={"satisfaction_kpi": "KPI-02"},
        deadline="5 ngày làm việc",
        deadline_cases=[{"when": "Cần xác minh", "deadline": "8 ngày làm việc", "through": ["xac-mihn"]}],
        clock={"starts_at": "bat-dau", "stops_at": "tra-ket-qua"},
    )
    found = {(d.data["kind"], d.data["name"]) for d in refs(tmp_path, data)}
    assert found == {
        ("role", "giam-doc"),
        ("role", "van-thu"),
        ("legal", "nd-999"),
        ("step", "bo-sung"),
        ("role", "thu-ky"),
        ("step", "tham-dinh"),
        ("step", "phe-duyet"),
        ("kpi", "KPI-02"),
        ("step", "xac-mihn"),
        ("step", "tra-ket-qua"),
    }


def test_hint_lists_what_exists_when_nothing_is_close(tmp_path: Path) -> None:
    data = process_data(steps=[step("bat-dau", "start", role="zzz", next="ket-thuc"), step("ket-thuc", "end")])
    d = only(refs(tmp_path, data))
    assert d.hint.vi == "vai trò đã khai báo: mot-cua, chuyen-vien, lanh-dao"
    assert d.hint.en == "declared roles: mot-cua, chuyen-vien, lanh-dao"


def test_hint_says_where_to_declare_when_the_section_is_empty(tmp_path: Path) -> None:
    data = process_data(steps=[step("bat-dau", "start", records=["BM-01"], next="ket-thuc"), step("ket-thuc", "end")])
    d = only(refs(tmp_path, data))
    assert d.hint.vi == "chưa khai báo hồ sơ/biểu mẫu nào; thêm vào mục «records»"
    assert d.hint.en == "no record is declared; add it under «records»"


def test_unknown_branch_target_points_at_its_to(tmp_path: Path) -> None:
    text = """\
code: QT-TEST-01
title: Thử
version: "1.0"
status: draft
owner: mot-cua
roles: {mot-cua: Một cửa}
steps:
  - {id: bat-dau, type: start, name: Bắt đầu, next: kiem-tra}
  - id: kiem-tra
    type: decision
    name: Đủ?
    branches:
      - {when: Đủ, to: ket-thuc}
      - {when: Thiếu, to: bo-sumg}
  - {id: bo-sung, name: Bổ sung, next: kiem-tra}
  - {id: ket-thuc, type: end, name: Kết thúc}
"""
    path = write(tmp_path, "p.yaml", text)
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.REFERENCE, (14, 27))
    assert text_at(path, 14, 27) == "bo-sumg}"
    assert d.hint.en == "did you mean «bo-sung»?"


# --- step shapes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "where", "points_at", "vi", "en"),
    [
        (
            "decision_without_branches.yaml",
            (12, 11),
            "decision",
            "bước quyết định cần liệt kê các nhánh trong «branches»",
            "a decision step needs its branches listed under «branches»",
        ),
        ("end_with_next.yaml", (15, 5), "next: tiep-nhan", "bước kết thúc không có bước tiếp theo", "an end step has no following step"),
        (
            "task_with_branches.yaml",
            (14, 5),
            "branches:",
            "bước loại «task» chỉ đi tới một bước: «next» là một mã bước",
            "a «task» step leads to one step: «next» is one step id",
        ),
        (
            "subprocess_without_calls.yaml",
            (11, 5),
            "id: phat-hanh",
            "bước quy trình con phải có «calls: MÃ-QUY-TRÌNH»",
            "a subprocess step needs «calls: PROCESS-CODE»",
        ),
        ("calls_on_task.yaml", (14, 5), "calls: QT-LOI-25", "chỉ bước «type: subprocess» mới có «calls»", "only a «type: subprocess» step has «calls»"),
    ],
)
def test_step_shapes(fixture: str, where: tuple[int, int], points_at: str, vi: str, en: str) -> None:
    path = INVALID / fixture
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, where)
    assert text_at(path, *where).startswith(points_at)
    assert (d.message.vi, d.message.en) == (vi, en)
    assert d.hint is not None


def test_decision_with_next_points_at_next(tmp_path: Path) -> None:
    data = process_data(steps=[step("bat-dau", "decision", next="ket-thuc"), step("ket-thuc", "end")])
    d = only(refs(tmp_path, data))
    assert d.data == {} and d.message.en.startswith("a decision step lists its branches")


def test_task_without_next_is_refused(tmp_path: Path) -> None:
    data = process_data(steps=[step("bat-dau", "start", next="lam"), step("lam", "task"), step("ket-thuc", "end")])
    d = only(refs(tmp_path, data))
    assert d.message.en == "a «task» step needs «next» naming one step"


def test_every_problem_of_one_process_is_reported_together(tmp_path: Path) -> None:
    data = process_data(steps=[step("bat-dau", "start", next="khong-co"), step("bat-dau", "end", next="bat-dau")])
    codes = sorted(d.code for d in refs(tmp_path, data))
    assert codes == [LoadCode.SCHEMA, LoadCode.REFERENCE, LoadCode.DUPLICATE_ID]


# --- duplicates --------------------------------------------------------------------------------------


def test_duplicate_step_id() -> None:
    path = INVALID / "duplicate_step_id.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.DUPLICATE_ID, (13, 10))
    assert text_at(path, 13, 10).startswith("tham-dinh, name: Thẩm định lại")
    assert d.message.vi == "bước «tham-dinh» bị khai báo hai lần (lần đầu ở dòng 11)"
    assert d.message.en == "step «tham-dinh» is declared twice (first at line 11)"


def test_an_alias_that_names_two_steps() -> None:
    path = INVALID / "alias_names_two_steps.yaml"  # «xu ly  HO SO» on tra is «Xử lý hồ sơ», an alias of tham-dinh
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.DUPLICATE_ID, (25, 22))
    assert text_at(path, 25, 22).startswith('"xu ly  HO SO"')
    assert d.message.vi == "nhãn «xu ly  HO SO» của bước «tra» cũng chỉ bước «tham-dinh»: một nhãn trong nhật ký chỉ được chỉ một bước"


def test_an_alias_may_not_be_another_steps_id_or_name_but_may_repeat_its_own(tmp_path: Path) -> None:
    steps = [
        step("bat-dau", "start", name="Tiếp nhận", aliases=["tiep nhan", "TN"], next="xu-ly"),
        step("xu-ly", name="Xử lý", aliases=["BAT-DAU", "Tiếp Nhận"], next="ket-thuc"),
        step("ket-thuc", "end"),
    ]
    found = refs(tmp_path, process_data(steps=steps))
    assert [(d.code, d.message.vi.split(":")[0]) for d in found] == [
        (LoadCode.DUPLICATE_ID, "nhãn «BAT-DAU» của bước «xu-ly» cũng chỉ bước «bat-dau»"),
        (LoadCode.DUPLICATE_ID, "nhãn «Tiếp Nhận» của bước «xu-ly» cũng chỉ bước «bat-dau»"),
    ]


def test_duplicate_record_kpi_and_risk_codes(tmp_path: Path) -> None:
    data = process_data(
        records=[{"code": "BM-01", "name": "A"}, {"code": "BM-01", "name": "B"}],
        kpis=[{"code": "KPI-01", "name": "A", "target": "90%"}, {"code": "KPI-01", "name": "B", "target": "90%"}],
        risks=[{"code": "RR-01", "description": "A"}, {"code": "RR-01", "description": "B"}],
    )
    found = refs(tmp_path, data)
    assert [d.code for d in found] == [LoadCode.DUPLICATE_ID] * 3
    assert [d.message.en.split(" «")[0] for d in found] == ["record", "KPI", "risk"]


def test_check_process_directly_on_a_model() -> None:
    process = Process.model_validate(process_data(steps=[step("bat-dau", "start", next="x"), step("ket-thuc", "end")]))
    found = check_process(process, SourceMap(Path("p.yaml")))
    assert [d.data["name"] for d in found] == ["x"]
    assert found[0].location.path == Path("p.yaml")


def test_a_called_part_needs_a_called_process(tmp_path: Path) -> None:
    data = process_data(steps=[step("bat-dau", "start", calls_part={"stops_at": "x"}, next="ket-thuc"), step("ket-thuc", "end")])
    d = only(refs(tmp_path, data))
    assert d.code == LoadCode.SCHEMA and "calls_part" in d.message.vi and "calls" in d.hint.en
