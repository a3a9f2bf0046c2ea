"""Thư viện bước tiếng Việt cho tiêu chí đánh giá (tệp .feature bắt đầu bằng ``# language: vi``).

Mỗi câu dùng được với mọi từ khoá (Biết, Cho, Khi, Thì, Và, Nhưng); giá trị
trong ngoặc kép là mã (quy trình, bước, vai trò, hồ sơ, chỉ số) hoặc tên
như viết trong tệp quy trình. Ví dụ::

    # language: vi
    Tính năng: Kiểm soát hồ sơ (ISO 9001 7.5.3)
      @iso9001-7.5.3 @QT-TTHC-01
      Kịch bản: Sổ theo dõi hồ sơ được lưu đủ thời hạn
        Biết quy trình "QT-TTHC-01"
        Thì hồ sơ "BM-TTHC-07" được lưu ít nhất 10 năm

The English library (:mod:`qms.audit.steps_en`) has the same checks.
"""

from __future__ import annotations

from pytest_bdd import step

from qms.audit import checks
from qms.audit.library import AuditedProcess, ProcessLibrary
from qms.audit.parsers import vi
from qms.audit.plugin import choose_process

# Chọn quy trình ------------------------------------------------------------------------------


@step(vi('quy trình "{code:Ma}"'), target_fixture="qms_process")
def chon_quy_trinh(code: str, qms_library: ProcessLibrary, request) -> AuditedProcess:
    return choose_process(qms_library, code, request)


# Chủ trì, phê duyệt (ISO 9001 5.3, 7.5.2) ------------------------------------------------------


@step(vi('quy trình do vai trò "{role:Ma}" chủ trì'))
def chu_tri(qms_process: AuditedProcess, role: str) -> None:
    checks.owner_is(qms_process, role)


@step(vi('quy trình ở trạng thái "{status:TrangThai}"'))
def trang_thai(qms_process: AuditedProcess, status) -> None:
    checks.status_is(qms_process, status)


@step(vi('quy trình được phê duyệt bởi vai trò "{role:Ma}"'))
def phe_duyet_boi(qms_process: AuditedProcess, role: str) -> None:
    checks.approved_by(qms_process, role)


@step(vi("người phê duyệt khác người soạn thảo"))
def phe_duyet_doc_lap(qms_process: AuditedProcess) -> None:
    checks.approver_not_drafter(qms_process)


@step(vi("người phê duyệt có thẩm quyền phê duyệt"))
def tham_quyen_phe_duyet(qms_process: AuditedProcess) -> None:
    checks.approver_has_authority(qms_process)


@step(vi("ngày hiệu lực không sớm hơn ngày phê duyệt"))
def ngay_hieu_luc(qms_process: AuditedProcess) -> None:
    checks.effective_not_before_approval(qms_process)


@step(vi("lịch sử sửa đổi có phiên bản hiện hành"))
def lich_su_sua_doi(qms_process: AuditedProcess) -> None:
    checks.revision_for_current_version(qms_process)


# Bước, vai trò, hồ sơ có trong quy trình --------------------------------------------------------


@step(vi('quy trình có bước "{step:Ma}"'))
def co_buoc(qms_process: AuditedProcess, step: str) -> None:
    checks.has_step(qms_process, step)


@step(vi('quy trình có vai trò "{role:Ma}"'))
def co_vai_tro(qms_process: AuditedProcess, role: str) -> None:
    checks.has_role(qms_process, role)


@step(vi('quy trình có hồ sơ "{record:Ma}"'))
def co_ho_so(qms_process: AuditedProcess, record: str) -> None:
    checks.has_record(qms_process, record)


@step(vi("mọi bước đều có vai trò thực hiện"))
def moi_buoc_co_vai_tro(qms_process: AuditedProcess) -> None:
    checks.every_step_has_role(qms_process)


@step(vi('bước "{step:Ma}" do vai trò "{role:Ma}" thực hiện'))
def buoc_do_vai_tro(qms_process: AuditedProcess, step: str, role: str) -> None:
    checks.step_done_by(qms_process, step, role)


@step(vi("mọi bước phê duyệt, ký ban hành đều do vai trò có thẩm quyền thực hiện"))
def buoc_co_tham_quyen(qms_process: AuditedProcess) -> None:
    checks.authority_steps_by_authorised_roles(qms_process)


# Thời hạn ------------------------------------------------------------------------------------


@step(vi("đường đi dài nhất không vượt quá thời hạn giải quyết"))
def duong_dai_nhat_trong_thoi_han(qms_process: AuditedProcess) -> None:
    checks.longest_path_within_deadline(qms_process)


@step(vi("đường đi dài nhất không vượt quá {duration:ThoiLuong}"))
def duong_dai_nhat_khong_qua(qms_process: AuditedProcess, duration) -> None:
    checks.longest_path_within(qms_process, duration)


@step(vi("thời hạn giải quyết không quá {duration:ThoiLuong}"))
def thoi_han_khong_qua(qms_process: AuditedProcess, duration) -> None:
    checks.deadline_at_most(qms_process, duration)


@step(vi('bước "{step:Ma}" hoàn thành trong {duration:ThoiLuong}'))
def buoc_hoan_thanh_trong(qms_process: AuditedProcess, step: str, duration) -> None:
    checks.step_within(qms_process, step, duration)


@step(vi('thời gian ở bước "{step:Ma}" không tính vào thời hạn giải quyết'))
def dung_dong_ho(qms_process: AuditedProcess, step: str) -> None:
    checks.clock_stops_at(qms_process, step)


# Hồ sơ trễ hạn -------------------------------------------------------------------------------


@step(vi("có nhánh xử lý hồ sơ trễ hạn lập văn bản xin lỗi"))
def nhanh_tre_han(qms_process: AuditedProcess) -> None:
    checks.late_branch_produces(qms_process)


@step(vi('có nhánh xử lý hồ sơ trễ hạn lập hồ sơ "{record:Ma}"'))
def nhanh_tre_han_ho_so(qms_process: AuditedProcess, record: str) -> None:
    checks.late_branch_produces(qms_process, record)


# Hồ sơ, biểu mẫu (ISO 9001 7.5.3) ------------------------------------------------------------


@step(vi('hồ sơ "{record:Ma}" được lập ở bước "{step:Ma}"'))
def ho_so_lap_o_buoc(qms_process: AuditedProcess, record: str, step: str) -> None:
    checks.record_produced_by(qms_process, record, step)


@step(vi('hồ sơ "{record:Ma}" được lưu ít nhất {years:So} năm'))
def ho_so_luu_it_nhat(qms_process: AuditedProcess, record: str, years: int) -> None:
    checks.record_kept_at_least(qms_process, record, years)


@step(vi('hồ sơ "{record:Ma}" được lưu vĩnh viễn'))
def ho_so_luu_vinh_vien(qms_process: AuditedProcess, record: str) -> None:
    checks.record_kept_permanently(qms_process, record)


@step(vi('hồ sơ "{record:Ma}" theo mẫu "{form:Ma}"'))
def ho_so_theo_mau(qms_process: AuditedProcess, record: str, form: str) -> None:
    checks.record_follows_form(qms_process, record, form)


@step(vi("mọi hồ sơ đều có vai trò lưu giữ, nơi lưu và thời hạn lưu trữ"))
def moi_ho_so_du_thong_tin(qms_process: AuditedProcess) -> None:
    checks.records_fully_kept(qms_process)


# Chỉ số (ISO 9001 9.1) -----------------------------------------------------------------------


@step(vi('chỉ số "{kpi:Ma}" có chỉ tiêu ít nhất {percent:PhanTram}'))
def chi_tieu_it_nhat(qms_process: AuditedProcess, kpi: str, percent: float) -> None:
    checks.kpi_target_at_least(qms_process, kpi, percent)


@step(vi("chỉ số đo mức độ hài lòng có chỉ tiêu ít nhất {percent:PhanTram}"))
def hai_long_it_nhat(qms_process: AuditedProcess, percent: float) -> None:
    checks.satisfaction_kpi_at_least(qms_process, percent)


@step(vi("quy trình có ít nhất {count:So} chỉ số"))
def so_chi_so(qms_process: AuditedProcess, count: int) -> None:
    checks.kpi_count_at_least(qms_process, count)


@step(vi("mọi chỉ số đều có cách tính, tần suất đo, nguồn dữ liệu và vai trò theo dõi"))
def moi_chi_so_du_thong_tin(qms_process: AuditedProcess) -> None:
    checks.kpis_complete(qms_process)


# Điều khoản, căn cứ pháp lý, quy tắc kiểm tra ----------------------------------------------------


@step(vi("quy trình đáp ứng điều khoản ISO 9001 {clause:DieuKhoan}"))
def dap_ung_dieu_khoan(qms_process: AuditedProcess, clause: str) -> None:
    checks.clause_evidenced(qms_process, clause)


@step(vi('quy trình có căn cứ pháp lý "{number:Ma}"'))
def can_cu_phap_ly(qms_process: AuditedProcess, number: str) -> None:
    checks.legal_cited(qms_process, number)


@step(vi('quy trình không có phát hiện "{rule:Ma}"'))
def khong_co_phat_hien(qms_process: AuditedProcess, rule: str) -> None:
    checks.no_rule_finding(qms_process, rule)


@step(vi('quy trình không có phát hiện từ mức "{severity:MucDo}" trở lên'))
def khong_co_phat_hien_muc(qms_process: AuditedProcess, severity) -> None:
    checks.no_finding_at_least(qms_process, severity)


# Trình tự, nhánh, kiểm soát (ISO 9001 4.4, 8.5.1) ------------------------------------------------


@step(vi('bước "{before:Ma}" luôn diễn ra trước bước "{after:Ma}"'))
def buoc_truoc(qms_process: AuditedProcess, before: str, after: str) -> None:
    checks.step_precedes(qms_process, before, after)


@step(vi('bước "{step:Ma}" có nhánh dẫn tới bước "{target:Ma}"'))
def co_nhanh(qms_process: AuditedProcess, step: str, target: str) -> None:
    checks.has_branch_to(qms_process, step, target)


@step(vi("mọi bước quyết định đều có tiêu chí chấp nhận"))
def moi_quyet_dinh_co_tieu_chi(qms_process: AuditedProcess) -> None:
    checks.decisions_have_criteria(qms_process)


@step(vi("mọi rủi ro đều có bước kiểm soát"))
def moi_rui_ro_co_kiem_soat(qms_process: AuditedProcess) -> None:
    checks.risks_controlled(qms_process)
