"""Each kind of step fails on a process that falls short of it, with a finding an auditor can sign.

``features/vi_shortfalls.feature`` has one scenario per phrase of the
Vietnamese step library, all on ``fixtures/shortfalls/QT-LOI-01.yaml``. Each
must fail with the expected sentence and point at the line of the process
file that shows the shortfall.
"""

from __future__ import annotations

import pytest

from qms.audit import AuditReport, Kind, Outcome
from qms.audit.steps import phrases

from .conftest import FEATURES, by_scenario, evidence_line

# scenario -> (part of the Vietnamese finding, part of the process file line it points at)
EXPECTED: dict[str, tuple[str, str]] = {
    "chủ trì": ("do vai trò «mot-cua» chủ trì, không phải «lanh-dao»", "owner: mot-cua"),
    "trạng thái": ("đang ở trạng thái «dự thảo», tiêu chí yêu cầu «đã phê duyệt»", "status: draft"),
    "phê duyệt bởi": ("được phê duyệt bởi vai trò «chuyen-vien», không phải «lanh-dao»", "approved:"),
    "phê duyệt độc lập": ("người phê duyệt quy trình QT-LOI-01 cũng là người soạn thảo (Nguyễn Văn An)", "approved:"),
    "thẩm quyền phê duyệt": ("vai trò phê duyệt «chuyen-vien» của quy trình QT-LOI-01 không có thẩm quyền phê duyệt", "approved:"),
    "ngày hiệu lực": ("có hiệu lực từ 01/01/2026, trước ngày phê duyệt 10/01/2026", "effective_date:"),
    "lịch sử sửa đổi": ("không có dòng nào cho phiên bản hiện hành 1.1", "revisions:"),
    "có bước": ("quy trình QT-LOI-01 không có bước «tra-ket-qua»", "steps:"),
    "có vai trò": ("quy trình QT-LOI-01 không có vai trò «van-thu»", "roles:"),
    "có hồ sơ": ("quy trình QT-LOI-01 không có hồ sơ, biểu mẫu «BM-99»", "records:"),
    "mọi bước có vai trò": ("1 bước của quy trình QT-LOI-01 chưa có vai trò thực hiện: luu-ho-so (Lưu hồ sơ)", "id: luu-ho-so"),
    "bước do vai trò": (
        "bước «tham-dinh (Thẩm định hồ sơ)» của quy trình QT-LOI-01 do vai trò «chuyen-vien» thực hiện, không phải «lanh-dao»",
        "role: chuyen-vien",
    ),
    "thẩm quyền của bước": ("do vai trò không có thẩm quyền tương ứng thực hiện: ky (ký ban hành: chuyen-vien)", "authority: sign"),
    "đường dài nhất trong thời hạn": (
        "mất 2,56 ngày làm việc, vượt 1 ngày làm việc: tiep-nhan → kiem-tra → tham-dinh",
        "deadline: 1 ngày làm việc",
    ),
    "đường dài nhất không quá": ("mất 2,56 ngày làm việc, vượt 2 ngày làm việc", "steps:"),
    "thời hạn không quá": ("thời hạn giải quyết của quy trình QT-LOI-01 là 1 ngày làm việc, dài hơn 4 giờ", "deadline:"),
    "bước hoàn thành trong": (
        "bước «tham-dinh (Thẩm định hồ sơ)» của quy trình QT-LOI-01 mất 2 ngày làm việc, vượt 1 ngày làm việc",
        "duration: 2 ngày làm việc",
    ),
    "dừng tính thời gian": (
        "thời gian ở bước «cho-bo-sung (Người nộp bổ sung hồ sơ)» của quy trình QT-LOI-01 vẫn bị tính vào thời hạn",
        "id: cho-bo-sung",
    ),
    "nhánh trễ hạn": ("bước «xin-loi» lập hồ sơ «BM-04» nằm trên mọi đường đi", "id: xin-loi"),
    "nhánh trễ hạn lập hồ sơ": ("bước «tiep-nhan» lập hồ sơ «BM-01» nằm trên mọi đường đi", "id: tiep-nhan"),
    "hồ sơ lập ở bước": ("không lập hồ sơ «BM-01»; hồ sơ này được lập ở: tiep-nhan", "id: tham-dinh"),
    "hồ sơ lưu ít nhất": ("hồ sơ «BM-01» của quy trình QT-LOI-01 chỉ được lưu 2 năm, ít hơn 5 năm", "retention: 2 năm"),
    "hồ sơ lưu vĩnh viễn": ("hồ sơ «BM-01» của quy trình QT-LOI-01 được lưu 2 năm, không phải vĩnh viễn", "code: BM-01"),
    "hồ sơ theo mẫu": ("theo mẫu «Mẫu số 01», không phải «Mẫu số 09»", "form: Mẫu số 01"),
    "mọi hồ sơ đủ thông tin": ("1 hồ sơ của quy trình QT-LOI-01 thiếu thông tin lưu giữ: BM-04 (vai trò lưu giữ, nơi lưu)", "code: BM-04"),
    "chỉ tiêu chỉ số": ("chỉ tiêu của chỉ số KPI-01 là «>= 80%», không bảo đảm mức tối thiểu 95%", "target:"),
    "chỉ số hài lòng": ("quy trình QT-LOI-01 không chỉ định chỉ số đo mức độ hài lòng", "citizen_service:"),
    "số chỉ số": ("quy trình QT-LOI-01 có 1 chỉ số, tiêu chí yêu cầu ít nhất 3", "kpis:"),
    "mọi chỉ số đủ thông tin": ("KPI-01 (cách tính, tần suất đo, nguồn dữ liệu, vai trò theo dõi)", "code: KPI-01"),
    "điều khoản": ("không nêu điều khoản ISO 9001 7.5 trong các điều khoản được đáp ứng (iso_clauses: 8.5.1)", "iso_clauses:"),
    "căn cứ pháp lý": ("không nêu căn cứ pháp lý «30/2020/NĐ-CP» (có phải «118/2025/NĐ-CP»?)", "legal_basis:"),
    "phát hiện theo mã": ("quy trình QT-LOI-01 có 1 phát hiện QMS201: bước «luu-ho-so»", "id: luu-ho-so"),
    "phát hiện theo mức": ("phát hiện từ mức «lỗi» trở lên: QMS201", "id: luu-ho-so"),
    "bước trước bị bỏ qua": (
        "có thể tới bước «luu-ho-so» của quy trình QT-LOI-01 mà không qua bước «ky», theo đường: tiep-nhan →",
        "id: luu-ho-so",
    ),
    "bước trước không tới được": ("bước «tiep-nhan» của quy trình QT-LOI-01 không đi tới được từ bước «luu-ho-so»", "id: tiep-nhan"),
    "có nhánh": ("không có nhánh dẫn tới bước «luu-ho-so» (các bước tiếp theo: tham-dinh, cho-bo-sung)", "branches:"),
    "tiêu chí của bước quyết định": (
        "2 bước quyết định của quy trình QT-LOI-01 chưa có tiêu chí chấp nhận: kiem-tra (Hồ sơ đầy đủ?), phe-duyet",
        "id: kiem-tra",
    ),
    "rủi ro được kiểm soát": ("1 rủi ro của quy trình QT-LOI-01 chưa có bước kiểm soát: RR-01 (Hồ sơ trễ hạn)", "code: RR-01"),
}


def test_every_scenario_has_an_expectation(shortfalls_vi: AuditReport) -> None:
    assert set(by_scenario(shortfalls_vi)) == set(EXPECTED)


def test_every_vietnamese_phrase_is_exercised() -> None:
    """Adding a phrase to the library without a failing scenario here fails this test."""
    from pytest_bdd.steps import step_function_context_registry

    text = (FEATURES / "vi_shortfalls.feature").read_text(encoding="utf-8")
    written = [line.strip().split(" ", 1)[1] for line in text.splitlines() if line.strip().startswith(("Thì ", "Biết ", "Và "))]
    parsers = {c.parser.name: c.parser for c in step_function_context_registry.values()}
    for phrase in phrases("vi"):
        assert any(parsers[phrase.template].is_matching(step) for step in written), phrase.template


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_step_kind_fails_with_its_finding(shortfalls_vi: AuditReport, scenario: str) -> None:
    result = by_scenario(shortfalls_vi)[scenario]
    text, line = EXPECTED[scenario]
    assert result.outcome is Outcome.FAILED, result
    assert text in result.message.vi
    assert result.message.en and result.message.en != result.message.vi
    assert line in evidence_line(result), (evidence_line(result), result.evidence)
    assert result.evidence.path.name == "QT-LOI-01.yaml"
    assert result.step is not None and result.step.file.name == "vi_shortfalls.feature"
    assert result.processes == ("QT-LOI-01",)


def test_failing_step_is_located_in_the_feature_file(shortfalls_vi: AuditReport) -> None:
    result = by_scenario(shortfalls_vi)["chủ trì"]
    lines = (FEATURES / "vi_shortfalls.feature").read_text(encoding="utf-8").splitlines()
    assert lines[result.step.line - 1].strip() == 'Thì quy trình do vai trò "lanh-dao" chủ trì'
    assert str(result.step) == 'Thì quy trình do vai trò "lanh-dao" chủ trì'
    assert lines[result.line - 1].strip() == "Kịch bản: chủ trì"


def test_observation_tag_makes_a_failure_an_observation(shortfalls_vi: AuditReport) -> None:
    results = by_scenario(shortfalls_vi)
    assert results["hồ sơ lưu ít nhất"].kind is Kind.OBSERVATION
    assert all(r.kind is Kind.NONCONFORMITY for name, r in results.items() if name != "hồ sơ lưu ít nhất")
    assert len(shortfalls_vi.observations) == 1 and not shortfalls_vi.ok


def test_tags_of_feature_and_scenario_are_kept(shortfalls_vi: AuditReport) -> None:
    result = by_scenario(shortfalls_vi)["hồ sơ lưu ít nhất"]
    assert set(result.tags) == {"iso9001-4.4", "QT-LOI-01", "khuyen-nghi"}
    assert result.basis == ("iso9001-4.4",) and result.process_tags == ("QT-LOI-01",)
