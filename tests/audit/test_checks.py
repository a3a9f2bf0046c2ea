"""What the checks mean, on processes built in memory (no file, so no locations)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import make_process, step

from qms.audit import AuditFinding, checks
from qms.audit.library import AuditedProcess
from qms.model.values import Duration


def audited(steps: list[dict[str, Any]] | None = None, **fields: Any) -> AuditedProcess:
    return AuditedProcess(make_process(steps, **fields))


def finding(check: Any, *args: Any) -> str:
    with pytest.raises(AuditFinding) as caught:
        check(*args)
    assert caught.value.location is None  # built in memory: nowhere to point
    return caught.value.message.vi


LATE = [
    step("nhan", "start", role="mot-cua", next="kiem-soat"),
    step("kiem-soat", "decision", role="mot-cua", branches=[{"when": "Đúng hạn", "to": "tra"}, {"when": "Trễ hạn", "to": "xin-loi"}]),
    step("xin-loi", role="lanh-dao", records=["BM-04"], next="tra"),
    step("tra", "end", role="mot-cua"),
]
APOLOGY = {"code": "BM-04", "name": "Văn bản xin lỗi và hẹn lại ngày trả kết quả"}


def test_late_branch_on_a_branch_passes() -> None:
    process = audited(LATE, records=[APOLOGY])
    checks.late_branch_produces(process)
    checks.late_branch_produces(process, "BM-04")
    checks.late_branch_produces(process, "Văn bản xin lỗi và hẹn lại ngày trả kết quả")


def test_late_branch_record_never_produced() -> None:
    steps = [dict(s, records=[]) for s in LATE]
    assert "không bước nào của quy trình QT-TEST-01 lập hồ sơ «BM-04»" in finding(
        checks.late_branch_produces, audited(steps, records=[APOLOGY])
    )


def test_late_branch_record_produced_only_where_no_path_leads() -> None:
    steps = [
        step("nhan", "start", role="mot-cua", next="tra"),
        step("xin-loi", role="lanh-dao", records=["BM-04"], next="tra"),
        step("tra", "end", role="mot-cua"),
    ]
    assert "(xin-loi) không đi tới được từ bước bắt đầu" in finding(checks.late_branch_produces, audited(steps, records=[APOLOGY]))


def test_late_branch_without_any_apology_record() -> None:
    message = finding(checks.late_branch_produces, audited(LATE, records=[{"code": "BM-04", "name": "Phiếu khác"}]))
    assert "không có hồ sơ nào là văn bản xin lỗi" in message


@pytest.mark.parametrize(
    ("claimed", "asked", "evidenced"),
    [
        (["8.5.1"], "8.5", True),
        (["8.5"], "8.5.1", False),
        (["4.4.1 b)"], "4.4", True),
        (["7.5.3"], "7.5.3", True),
        (["10.2"], "10", True),
        ([], "9.1", False),
    ],
)
def test_clause_evidenced_by_itself_or_a_subclause(claimed: list[str], asked: str, evidenced: bool) -> None:
    process = audited(iso_clauses=claimed)
    if evidenced:
        checks.clause_evidenced(process, asked)
    else:
        assert f"không nêu điều khoản ISO 9001 {asked}" in finding(checks.clause_evidenced, process, asked)


@pytest.mark.parametrize(
    ("target", "minimum", "met"),
    [("> 95%", 95, True), (">= 95%", 96, False), ("100%", 100, True), ("<= 1%", 1, False), ("= 100%", 90, True)],
)
def test_kpi_target_guarantees_the_minimum(target: str, minimum: float, met: bool) -> None:
    process = audited(kpis=[{"code": "KPI-01", "name": "Tỷ lệ đúng hạn", "target": target}])
    if met:
        checks.kpi_target_at_least(process, "KPI-01", minimum)
    else:
        assert "không bảo đảm mức tối thiểu" in finding(checks.kpi_target_at_least, process, "KPI-01", minimum)


def test_kpi_target_that_is_not_a_percentage() -> None:
    process = audited(kpis=[{"code": "KPI-05", "name": "Số trùng số", "target": "= 0 trường hợp"}])
    assert "không phải tỷ lệ phần trăm" in finding(checks.kpi_target_at_least, process, "Số trùng số", 0)


def test_steps_roles_and_records_are_found_by_name_without_diacritics() -> None:
    process = audited(
        [
            step("bat-dau", "start", name="Tiếp nhận hồ sơ", role="chuyen-vien", records=["BM-01"], next="ket-thuc"),
            step("ket-thuc", "end", role="mot-cua"),
        ],
        records=[{"code": "BM-01", "name": "Giấy tiếp nhận", "retention": "vĩnh viễn"}],
    )
    checks.step_done_by(process, "tiep nhan ho so", "Chuyên viên thụ lý")
    checks.record_produced_by(process, "giay tiep nhan", "Tiếp nhận hồ sơ")
    checks.record_kept_at_least(process, "BM-01", 50)  # permanently is longer than any number of years
    checks.has_role(process, "CÔNG CHỨC BỘ PHẬN MỘT CỬA")


def test_approver_independence_compares_roles_when_names_are_missing() -> None:
    approval = {"prepared": {"role": "lanh-dao"}, "approved": {"role": "lanh-dao"}}
    assert "cũng là người soạn thảo (lanh-dao)" in finding(checks.approver_not_drafter, audited(approval=approval))
    checks.approver_not_drafter(audited(approval={"prepared": {"role": "mot-cua"}, "approved": {"role": "lanh-dao"}}))


def test_no_approval_at_all() -> None:
    assert "chưa ghi người phê duyệt" in finding(checks.approved_by, audited(), "lanh-dao")


def test_precedence_holds_on_every_path() -> None:
    checks.step_precedes(audited(LATE, records=[APOLOGY]), "kiem-soat", "tra")
    assert "mà không qua bước «xin-loi»" in finding(checks.step_precedes, audited(LATE, records=[APOLOGY]), "xin-loi", "tra")


def test_limits_in_other_units_show_their_working_days() -> None:
    assert checks.limit_label(Duration.parse("4 giờ")).vi == "4 giờ (0,5 ngày làm việc)"
    assert checks.limit_label(Duration.parse("5 ngày làm việc")).en == "5 ngày làm việc"


def test_deadline_missing() -> None:
    assert "không khai báo thời hạn giải quyết" in finding(checks.longest_path_within_deadline, audited())


CASES = [
    step("nhan", "start", duration="4 giờ", next="loai"),
    step("loai", "decision", duration="4 giờ", branches=[{"when": "Trong tỉnh", "to": "xem-xet"}, {"when": "Tỉnh khác", "to": "xac-minh"}]),
    step("xac-minh", duration="3 ngày làm việc", next="xem-xet"),
    step("xem-xet", duration="2 ngày làm việc", next="tra"),
    step("tra", "end"),
]


def test_each_deadline_binds_its_own_case() -> None:
    case = {"when": "Học sinh từ tỉnh khác", "deadline": "8 ngày làm việc", "through": ["xac-minh"]}
    checks.longest_path_within_deadline(audited(CASES, deadline="3 ngày làm việc", deadline_cases=[case]))  # 3 and 6 days: fit
    too_short = {**case, "deadline": "5 ngày làm việc"}
    message = finding(checks.longest_path_within_deadline, audited(CASES, deadline="3 ngày làm việc", deadline_cases=[too_short]))
    assert "xac-minh" in message and "5 ngày làm việc" in message
    # Without the case, the whole process is held to the one deadline.
    assert "xac-minh" in finding(checks.longest_path_within_deadline, audited(CASES, deadline="3 ngày làm việc"))
