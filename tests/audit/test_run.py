"""run_audit: Vietnamese and English criteria, selection, and criteria that cannot run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qms.audit import AuditReport, Kind, Outcome, run_audit
from qms.audit.run import code_in_criteria

from .conftest import FEATURES, ROOT, SHORTFALLS, by_scenario


def test_vietnamese_run(shortfalls_vi: AuditReport) -> None:
    assert len(shortfalls_vi.results) == 38
    assert len(shortfalls_vi.nonconformities) == 37 and len(shortfalls_vi.observations) == 1
    # 37 criteria fail as nonconformities for 36 causes: «phát hiện theo mã» and «phát hiện theo mức» cite one QMS201 finding.
    assert shortfalls_vi.summary() == "38 tiêu chí: 0 đạt, 36 điểm không phù hợp, 1 khuyến nghị, 0 lỗi"
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
    assert shortfalls_en.summary() == "6 criteria: 1 passed, 3 nonconformities, 1 observation, 1 error"


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
    assert {name: e.code for name, e in errors.items()} == {"no_language.feature": "AUD006", "vi_du.feature": "AUD006", "duplicate.feature": "AUD007"}
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


def test_a_project_may_add_its_own_steps_beside_its_criteria_when_it_allows_code(tmp_path) -> None:
    (tmp_path / "conftest.py").write_text(CUSTOM_STEPS, encoding="utf-8")
    (tmp_path / "rieng.feature").write_text(CUSTOM_FEATURE, encoding="utf-8")
    results = by_scenario(run_audit(tmp_path, SHORTFALLS, allow_code=True))
    assert results["đủ bước"].outcome is Outcome.PASSED
    assert results["quá nhiều bước"].outcome is Outcome.FAILED
    assert "chỉ có 9 bước" in results["quá nhiều bước"].message.vi
    assert results["hỏng"].outcome is Outcome.ERROR
    assert "RuntimeError: lỗi lập trình" in results["hỏng"].message.vi


# --- criteria are not code: Python beside them is refused unless the caller allows it -----------------------------

CRITERION = """# language: vi
@QT-LOI-01
Tính năng: Một tiêu chí
  Kịch bản: có bước tiếp nhận
    Biết quy trình "QT-LOI-01"
    Thì quy trình có vai trò "mot-cua"
"""


def _marker_code(marker: Path) -> str:
    return f"open({str(marker)!r}, 'w').write('đã chạy')\n"


def _criteria_with(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A criteria folder holding one criterion and a Python file ``name`` that leaves a marker file when it runs."""
    folder, marker = tmp_path / "tieu-chi", tmp_path / "DA_CHAY"
    (folder / "nhom").mkdir(parents=True)
    (folder / "nhom" / "mot.feature").write_text(CRITERION, encoding="utf-8")
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(_marker_code(marker), encoding="utf-8")
    return folder, marker


@pytest.mark.parametrize("name", ["conftest.py", "nhom/__init__.py", "nhom/buoc_rieng.py", "CONFTEST.PY"])
def test_criteria_with_python_files_are_refused_and_run_nothing(tmp_path, name) -> None:
    folder, marker = _criteria_with(tmp_path, name)
    report = run_audit(folder, SHORTFALLS)
    assert report.results == [] and not report.ok and report.exit_code == 4
    (error,) = report.errors
    assert error.file == folder / name
    assert "tệp mã Python trong thư mục tiêu chí" in error.message.vi and "a Python file in the criteria folder" in error.message.en
    assert "--allow-code" in error.hint.vi and "--allow-code" in error.hint.en
    assert not marker.exists()


def test_a_single_criteria_file_is_refused_when_python_sits_beside_it(tmp_path) -> None:
    folder, marker = _criteria_with(tmp_path, "nhom/conftest.py")
    assert code_in_criteria(folder / "nhom" / "mot.feature") == [folder / "nhom" / "conftest.py"]
    assert run_audit(folder / "nhom" / "mot.feature", SHORTFALLS).errors[0].file == folder / "nhom" / "conftest.py"
    assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_python_in_a_folder_linked_into_the_criteria_is_found(tmp_path) -> None:
    folder, _ = _criteria_with(tmp_path, "nhom/ghi-chu.md")
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    (elsewhere / "conftest.py").write_text("", encoding="utf-8")
    (folder / "lien-ket").symlink_to(elsewhere, target_is_directory=True)
    (folder / "vong").symlink_to(folder, target_is_directory=True)  # a loop ends the walk, not the run
    assert code_in_criteria(folder) == [folder / "lien-ket" / "conftest.py"]


def test_without_python_files_nothing_else_beside_or_above_the_criteria_runs(tmp_path) -> None:
    """A conftest.py above the folder, doctests in test*.txt and a pytest.ini inside are all left alone."""
    folder, marker = _criteria_with(tmp_path, "nhom/ghi-chu.md")
    (tmp_path / "conftest.py").write_text(_marker_code(marker), encoding="utf-8")
    (folder / "test_ghi_chu.txt").write_text(f">>> {_marker_code(marker).strip()}\n15\n", encoding="utf-8")
    log = tmp_path / "GHI_DE"
    (folder / "pytest.ini").write_text(f"[pytest]\naddopts = -p khong_co_plugin\nlog_file = {log}\npythonpath = .\n", encoding="utf-8")
    report = run_audit(folder, SHORTFALLS)
    assert [r.outcome for r in report.results] == [Outcome.PASSED] and not report.errors, report.output
    assert not marker.exists() and not log.exists()
    assert report.results[0].nodeid.startswith("nhom/mot.feature::")


def test_with_the_opt_in_the_code_beside_the_criteria_runs(tmp_path) -> None:
    folder, marker = _criteria_with(tmp_path, "conftest.py")
    report = run_audit(folder, SHORTFALLS, allow_code=True)
    assert [r.outcome for r in report.results] == [Outcome.PASSED] and not report.errors, report.output
    assert marker.read_text(encoding="utf-8") == "đã chạy"


def _qms_audit(*args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QMS_LANG", "QMS_DEBUG")} | {"PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "300"}
    command = [sys.executable, "-m", "qms", "audit", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=300)


def test_qms_audit_refuses_code_in_the_criteria_with_exit_2_and_runs_it_with_allow_code(tmp_path) -> None:
    folder, marker = _criteria_with(tmp_path, "conftest.py")
    refused = _qms_audit("--features", folder, "--processes", SHORTFALLS)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "conftest.py" in refused.stderr and "--allow-code" in refused.stderr and "Traceback" not in refused.stderr
    assert "conftest.py:1:1: AUD008 lỗi: tệp mã Python trong thư mục tiêu chí" in refused.stderr
    assert not marker.exists()
    allowed = _qms_audit("--features", folder, "--processes", SHORTFALLS, "--allow-code")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "1 tiêu chí: 1 đạt" in allowed.stdout and marker.exists()


def test_qms_audit_runs_the_shipped_criteria() -> None:
    done = _qms_audit()
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 điểm không phù hợp, 0 khuyến nghị, 0 lỗi**" in done.stdout
