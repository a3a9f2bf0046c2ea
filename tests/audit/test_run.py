"""run_audit: Vietnamese and English criteria, selection, and criteria that cannot run."""

from __future__ import annotations

from qms.audit import AuditReport, Kind, Outcome, run_audit

from .conftest import FEATURES, ROOT, SHORTFALLS, by_scenario


def test_vietnamese_run(shortfalls_vi: AuditReport) -> None:
    assert len(shortfalls_vi.results) == 38
    assert len(shortfalls_vi.nonconformities) == 37 and len(shortfalls_vi.observations) == 1
    assert shortfalls_vi.summary() == "38 tiêu chí: 0 đạt, 37 điểm không phù hợp, 1 khuyến nghị, 0 lỗi"
    assert shortfalls_vi.exit_code == 1 and not shortfalls_vi.ok
    # The broken file beside the fixture process is evidence too.
    assert [d.location.path.name for d in shortfalls_vi.load_diagnostics] == ["QT-HONG-01.yaml"]


def test_english_run(shortfalls_en: AuditReport) -> None:
    results = by_scenario(shortfalls_en)
    assert results["owner"].message.en == "process QT-LOI-01 is owned by role «mot-cua», not «lanh-dao»"
    assert "the longest path of process QT-LOI-01 takes 2.56 working days, more than" in results["deadline"].message.en
    assert results["retention"].outcome is Outcome.FAILED
    assert results["satisfaction"].kind is Kind.OBSERVATION  # @observation
    assert results["met"].outcome is Outcome.PASSED
    unknown = results["unknown step"]
    assert unknown.outcome is Outcome.ERROR
    assert unknown.suggestions[0] == 'the process is owned by role "<role>"'
    assert shortfalls_en.summary() == "6 criteria: 1 passed, 3 nonconformities, 1 observations, 1 errors"


def test_unknown_step_gives_file_line_and_closest_phrases(criteria_errors: AuditReport) -> None:
    result = by_scenario(criteria_errors)["bước không có trong thư viện"]
    assert result.outcome is Outcome.ERROR
    assert result.step.file == FEATURES / "vi_errors.feature"
    line = (FEATURES / "vi_errors.feature").read_text(encoding="utf-8").splitlines()[result.step.line - 1]
    assert line.strip() == 'Thì quy trinh do vai tro "lanh-dao" chu tri'
    assert result.message.vi == 'bước «quy trinh do vai tro "lanh-dao" chu tri» không khớp với câu nào của thư viện bước'
    # Closest phrases of the file's language, with their fields named.
    assert result.suggestions[0] == 'quy trình do vai trò "<vai trò>" chủ trì'
    assert all("the process" not in s for s in result.suggestions)
    assert 'quy trình do vai trò "<vai trò>" chủ trì' in result.hint.vi


def test_criteria_that_cannot_run_are_errors_not_findings(criteria_errors: AuditReport) -> None:
    results = by_scenario(criteria_errors)
    expected = {
        "chưa chọn quy trình": "tiêu chí chưa chọn quy trình nào",
        "quy trình không có": "không có quy trình «QT-LOI-02» trong",
        "thời lượng sai": "«5 ngay» không phải thời lượng hợp lệ",
        "trạng thái sai": "«xong» không phải trạng thái hợp lệ",
        "quy tắc không có": "không có quy tắc kiểm tra «QMS999»",
        "không có bước nào": "kịch bản không có bước nào",
    }
    for name, text in expected.items():
        assert results[name].outcome is Outcome.ERROR, name
        assert text in results[name].message.vi, (name, results[name].message)
    assert "(có phải «QT-LOI-01»?)" in results["quy trình không có"].message.vi
    assert "5 ngày làm việc" in results["thời lượng sai"].hint.vi
    assert results["thời lượng sai"].step.line == 18
    assert len(criteria_errors.criterion_errors) == 7


def test_a_process_file_with_errors_is_a_finding_at_its_line(criteria_errors: AuditReport) -> None:
    result = by_scenario(criteria_errors)["tệp quy trình lỗi"]
    assert result.outcome is Outcome.FAILED and result.kind is Kind.NONCONFORMITY
    assert "tệp của quy trình «QT-HONG-01» có lỗi nên chưa đánh giá được: vai trò «khong-co» không tồn tại" in result.message.vi
    assert (result.evidence.path.name, result.evidence.line) == ("QT-HONG-01.yaml", 11)


def test_unreadable_criteria_files_are_error_entries_and_the_rest_still_runs() -> None:
    report = run_audit(FEATURES / "broken", SHORTFALLS)
    errors = {e.file.name: e for e in report.errors}
    assert set(errors) == {"no_language.feature", "vi_du.feature", "duplicate.feature"}
    assert errors["no_language.feature"].line == 1
    assert "# language: vi" in errors["no_language.feature"].hint.vi
    assert errors["vi_du.feature"].line == 7
    assert "«Dữ liệu:», không phải «Ví dụ:»" in errors["vi_du.feature"].hint.vi
    assert "dòng 7 «Ví dụ:» không đúng cú pháp Gherkin" in errors["vi_du.feature"].message.vi
    assert "hai kịch bản cùng tên «trùng» (dòng 3 và 7)" in errors["duplicate.feature"].message.vi
    assert sorted(r.scenario for r in report.passed) == ["trùng", "vẫn chạy"]
    assert report.error_count == 3 and not report.ok


def test_tags_select_criteria() -> None:
    report = run_audit(ROOT / "features", ROOT / "processes", tags="@nd30-2020 and not @khuyen-nghi")
    assert report.results and all("nd30-2020" in r.tags and "khuyen-nghi" not in r.tags for r in report.results)
    assert report.ok


def test_process_selects_criteria_about_it() -> None:
    report = run_audit(ROOT / "features", ROOT / "processes", process="QT-DGNB-01")
    assert report.results and all("QT-DGNB-01" in r.subjects for r in report.results)
    # Outline rows about other processes are left out.
    assert not any(r.example and r.example.get("mã", "QT-DGNB-01") != "QT-DGNB-01" for r in report.results)


def test_missing_features_folder_is_an_error_entry(tmp_path) -> None:
    report = run_audit(tmp_path / "khong-co", SHORTFALLS)
    assert report.results == [] and report.errors[0].message.vi.startswith("không có tệp tiêu chí")


def test_bad_tag_expression_is_an_error_entry_not_a_traceback() -> None:
    report = run_audit(FEATURES / "vi_errors.feature", SHORTFALLS, tags="and and")
    assert report.errors and "pytest" in report.errors[0].message.vi
    assert report.exit_code == 4


def test_no_criteria_selected_is_an_empty_report() -> None:
    report = run_audit(FEATURES / "vi_errors.feature", SHORTFALLS, process="QT-KHONG-CO")
    assert report.results == [] and report.ok


CUSTOM_STEPS = """
from pytest_bdd import parsers, step


@step(parsers.parse('quy trình có ít nhất {n:d} bước'))
def at_least_steps(qms_process, n):
    assert len(qms_process.process.steps) >= n, f"chỉ có {len(qms_process.process.steps)} bước"


@step("bước này hỏng")
def broken():
    raise RuntimeError("lỗi lập trình")
"""

CUSTOM_FEATURE = """# language: vi
@QT-LOI-01
Tính năng: Câu riêng của đơn vị
  Kịch bản: đủ bước
    Biết quy trình "QT-LOI-01"
    Thì quy trình có ít nhất 3 bước

  Kịch bản: quá nhiều bước
    Biết quy trình "QT-LOI-01"
    Thì quy trình có ít nhất 50 bước

  Kịch bản: hỏng
    Biết quy trình "QT-LOI-01"
    Thì bước này hỏng
"""


def test_a_project_may_add_its_own_steps_beside_its_criteria(tmp_path) -> None:
    (tmp_path / "conftest.py").write_text(CUSTOM_STEPS, encoding="utf-8")
    (tmp_path / "rieng.feature").write_text(CUSTOM_FEATURE, encoding="utf-8")
    results = by_scenario(run_audit(tmp_path, SHORTFALLS))
    assert results["đủ bước"].outcome is Outcome.PASSED
    assert results["quá nhiều bước"].outcome is Outcome.FAILED
    assert "chỉ có 9 bước" in results["quá nhiều bước"].message.vi
    assert results["hỏng"].outcome is Outcome.ERROR
    assert "RuntimeError: lỗi lập trình" in results["hỏng"].message.vi
