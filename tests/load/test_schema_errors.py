"""Schema errors become one diagnostic each, at the line and column of the mistake, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import INVALID, diagnostics_of, only, position, text_at, write
from qms.diagnostics import LoadCode
from qms.load.schema_errors import closest, slug

# Line numbers of this text are used below: keep it as it is.
BASE = """\
code: QT-TEST-01
title: Quy trình thử nghiệm
version: "1.0"
status: draft
owner: mot-cua
roles:
  mot-cua: Công chức Bộ phận Một cửa
steps:
  - id: tiep-nhan
    type: start
    name: Tiếp nhận hồ sơ
    role: mot-cua
    next: tra-ket-qua
  - {id: tra-ket-qua, type: end, name: Trả kết quả, role: mot-cua}
"""


def schema_error(tmp_path: Path, old: str, new: str, extra: str = ""):
    assert old in BASE
    path = write(tmp_path, "p.yaml", BASE.replace(old, new, 1) + extra)
    d = only(diagnostics_of(path))
    assert d.code == LoadCode.SCHEMA, d.render("en")
    return path, d


def test_base_text_is_valid(tmp_path: Path) -> None:
    assert diagnostics_of(write(tmp_path, "p.yaml", BASE)) == []


# --- the fixtures of the acceptance criterion -------------------------------------------


def test_wrong_type_fixture() -> None:
    path = INVALID / "wrong_type.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (14, 13))
    assert text_at(path, 14, 13) == "Hồ sơ đề nghị"
    assert d.message.vi == "cần một danh sách, không phải «Hồ sơ đề nghị»"
    assert d.message.en == "expected a list, not «Hồ sơ đề nghị»"
    assert d.hint.vi == "viết mỗi phần tử trên một dòng bắt đầu bằng «- », hoặc [a, b]"
    assert d.data == {"field": "steps.0.inputs", "type": "list_type"}


def test_missing_field_fixture_names_the_field_and_the_step() -> None:
    path = INVALID / "missing_field.yaml"
    d = only(diagnostics_of(path))
    # Reported at the step that lacks it (where the field would be added).
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (15, 5))
    assert text_at(path, 15, 5) == "id: tra-ket-qua"
    assert d.message.vi == "thiếu trường bắt buộc «name»"
    assert d.message.en == "required field «name» is missing"
    assert d.hint.vi.startswith("thêm «name: ...» vào bước «tra-ket-qua»")
    assert d.hint.en.startswith("add «name: ...» to step «tra-ket-qua»")


def test_unknown_field_suggests_the_closest_field() -> None:
    path = INVALID / "unknown_field.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (14, 5))
    assert text_at(path, 14, 5) == "nxt: tra-ket-qua"
    assert d.message.vi == "trường «nxt» không có trong định dạng quy trình"
    assert d.hint.vi == "có phải ý bạn là «next»?"
    assert d.hint.en == "did you mean «next»?"


def test_unknown_status_suggests_the_closest_value() -> None:
    path = INVALID / "unknown_status.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (5, 9))
    assert d.message.vi == "giá trị «aproved» không hợp lệ"
    assert d.hint.vi == "có phải ý bạn là «approved»? Các giá trị hợp lệ: draft, review, approved, obsolete"
    assert d.hint.en == "did you mean «approved»? Allowed: draft, review, approved, obsolete"


def test_step_id_pattern_error_suggests_the_ascii_slug() -> None:
    path = INVALID / "bad_step_id.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (11, 9))
    assert d.message.vi == "«Tiếp nhận» không đúng dạng mã bước"
    assert d.message.en == "«Tiếp nhận» is not a valid step id"
    assert d.hint.vi == "mã bước chỉ gồm chữ thường không dấu, số và dấu gạch ngang; có thể dùng «tiep-nhan»"


def test_role_id_pattern_error_points_at_the_key_and_speaks_of_a_role() -> None:
    path = INVALID / "bad_role_id.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (9, 3))
    assert text_at(path, 9, 3).startswith("Trưởng phòng:")
    assert d.message.vi == "«Trưởng phòng» không đúng dạng mã vai trò"
    assert d.message.en == "«Trưởng phòng» is not a valid role id"
    assert d.hint.en == "a role id uses lowercase ASCII letters, digits and hyphens; you could use «truong-phong»"


def test_ambiguous_duration_fixture_asks_working_or_calendar_days() -> None:
    path = INVALID / "ambiguous_duration.yaml"
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (10, 82))
    assert text_at(path, 10, 82).startswith("3 ngày,")
    assert d.message.vi == "«3 ngày»: chưa rõ là ngày làm việc hay ngày lịch"
    assert d.hint.vi == "thời hạn TTHC tính bằng ngày làm việc: ghi «3 ngày làm việc»; nếu là ngày lịch, ghi «3 ngày lịch»"


# --- other kinds of schema mistakes -------------------------------------------------------


def test_missing_top_level_field_is_reported_at_the_top_of_the_file(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, 'status: draft\n', "")
    assert position(d) == (1, 1)
    assert d.message.en == "required field «status» is missing"
    assert "đầu tệp" in d.hint.vi and "the top of the file" in d.hint.en


def test_missing_nested_field_names_its_section(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "title: Quy trình thử nghiệm", "title: {en: Test process}")
    assert position(d) == (2, 8)
    assert d.message.en == "required field «vi» is missing"
    assert "mục «title»" in d.hint.vi


def test_unknown_field_without_close_match_lists_the_allowed_fields(tmp_path: Path) -> None:
    path, d = schema_error(tmp_path, "    role: mot-cua\n    next", "    role: mot-cua\n    ghi_chu: x\n    next")
    assert position(d) == (13, 5)
    assert d.hint.en.startswith(
        "fields allowed here: aliases, authority, branches, calls, calls_part, criteria, description, duration, extends_deadline, id, "
        "inputs, name, next"
    )


def test_unknown_field_in_a_role_suggests_the_role_field(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "  mot-cua: Công chức Bộ phận Một cửa", "  mot-cua: {name: Một cửa, autority: [approve]}")
    assert position(d) == (7, 28)
    assert d.hint.en == "did you mean «authority»?"


def test_unknown_step_type_suggests_the_closest(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "type: start", "type: strat")
    assert position(d) == (10, 11)
    assert d.hint.en.startswith("did you mean «start»? Allowed: start, task, decision, subprocess, end")


def test_unknown_value_without_close_match_lists_the_choices(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "status: draft", "status: xyz")
    assert d.hint.vi == "chọn một trong: draft, review, approved, obsolete"


def test_mapping_where_text_is_expected(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "    name: Tiếp nhận hồ sơ", "    name: [Tiếp nhận, hồ sơ]")
    assert position(d) == (11, 11)
    assert d.message.en == "expected text, not a list"


def test_list_where_mapping_is_expected(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "roles:\n  mot-cua: Công chức Bộ phận Một cửa", "roles: [mot-cua]")
    assert position(d) == (6, 8)
    assert d.message.vi == "cần một ánh xạ (các dòng «trường: giá trị»), không phải một danh sách"


def test_empty_required_text(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "title: Quy trình thử nghiệm", "title:")
    assert position(d)[0] == 2
    assert d.message.en == "expected text, not an empty value"


def test_blank_text(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "title: Quy trình thử nghiệm", "title: '   '")
    assert position(d) == (2, 8)
    assert d.message.vi == "văn bản không được để trống"


def test_next_as_a_list_hints_at_a_decision(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "next: tra-ket-qua", "next: [tra-ket-qua, tiep-nhan]")
    assert position(d) == (13, 11)
    assert "type: decision" in d.hint.en


def test_steps_must_not_be_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", BASE.split("steps:")[0] + "steps: []\n")
    d = only(diagnostics_of(path))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (8, 8))
    assert d.message.en == "needs at least 1 item"


def test_process_code_suggestion_is_uppercase(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "code: QT-TEST-01", "code: qt tiếp nhận")
    assert position(d) == (1, 7)
    assert d.message.vi == "«qt tiếp nhận» không đúng dạng mã quy trình"
    assert d.hint.en.endswith("you could use «QT-TIEP-NHAN»")


def test_version_pattern_has_no_slug_suggestion(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, 'version: "1.0"', "version: v1")
    assert d.message.en == "«v1» is not a valid version number"
    assert d.hint.en == "write versions as 1.0 or 2.1; quote them if an editor rewrites them"  # no «e.g. v1» slug


def test_role_reference_pattern_error_speaks_of_a_role(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "owner: mot-cua", "owner: Trưởng phòng")
    assert position(d) == (5, 8)
    assert d.message.en == "«Trưởng phòng» is not a valid role id"
    assert d.hint.vi.endswith("có thể dùng «truong-phong»")


def test_invalid_dates(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "owner: mot-cua", "owner: mot-cua\neffective_date: 31/02/2025")
    assert position(d) == (6, 17)
    assert d.message.vi == "«31/02/2025» không phải là ngày hợp lệ"
    assert "2025-07-01" in d.hint.en


def test_invalid_boolean(tmp_path: Path) -> None:
    _, d = schema_error(tmp_path, "owner: mot-cua", "owner: mot-cua\ncitizen_facing: có lẽ")
    assert d.message.en == "«có lẽ» is not a true/false value"


def test_number_out_of_range_and_not_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", BASE + "risks:\n  - {code: RR-01, description: Trễ hạn, likelihood: 7, impact: ba}\n")
    first, second = diagnostics_of(path)
    assert position(first) == (16, 53) and text_at(path, 16, 53).startswith("7,")
    assert first.message.en == "value 7 is outside the allowed range (1–5)"
    assert position(second) == (16, 64) and text_at(path, 16, 64).startswith("ba}")
    assert second.message.vi == "«ba» không phải là số nguyên"


def test_invalid_duration_target_and_retention(tmp_path: Path) -> None:
    extra = (
        "records:\n  - {code: BM-01, name: Sổ, retention: mãi mãi}\n"
        "kpis:\n  - {code: KPI-01, name: Đúng hạn, target: 120%}\n"
    )
    path = write(tmp_path, "p.yaml", BASE.replace("    next: tra-ket-qua", "    duration: nhanh\n    next: tra-ket-qua") + extra)
    by_field = {d.data["field"]: d for d in diagnostics_of(path)}
    assert set(by_field) == {"steps.0.duration", "records.0.retention", "kpis.0.target"}
    assert position(by_field["steps.0.duration"]) == (13, 15)
    assert by_field["steps.0.duration"].message.vi == "«nhanh» không phải là thời lượng hợp lệ"
    assert position(by_field["records.0.retention"]) == (17, 40)
    assert by_field["records.0.retention"].message.en == "«mãi mãi» is not a valid retention period"
    assert position(by_field["kpis.0.target"]) == (19, 44)
    assert by_field["kpis.0.target"].message.en == "«120%» is not a valid target"


def test_several_mistakes_are_all_reported_sorted_by_line(tmp_path: Path) -> None:
    text = BASE.replace("status: draft", "status: drafted").replace("    role: mot-cua\n    next", "    role: mot-cua\n    nxt")
    lines = [d.location.line for d in diagnostics_of(write(tmp_path, "p.yaml", text))]
    assert lines == sorted(lines) and 4 in lines and 13 in lines


def test_a_list_instead_of_a_mapping_is_refused() -> None:
    d = only(diagnostics_of(INVALID / "not_a_mapping.yaml"))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (2, 1))
    assert d.message.vi == "tệp quy trình phải là một ánh xạ (các dòng «trường: giá trị»)"


# --- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Tiếp nhận", "tiep-nhan"), ("Đăng ký  Hộ tịch", "dang-ky-ho-tich"), ("Bước 1: Kiểm tra!", "buoc-1-kiem-tra"), ("Trưởng phòng", "truong-phong"), ("---", "")],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_closest_ignores_case_and_diacritics() -> None:
    assert closest("Tham-Dinh", ["tiep-nhan", "tham-dinh"]) == "tham-dinh"
    assert closest("thẩm-định", ["tiep-nhan", "tham-dinh"]) == "tham-dinh"
    assert closest("zzz", ["tiep-nhan", "tham-dinh"]) is None
