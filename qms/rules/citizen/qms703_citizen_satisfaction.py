from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenSatisfaction(StatedServiceField):
    code = "QMS703"
    name = "citizen-satisfaction"
    severity = Severity.WARNING
    iso9001 = ("9.1.2",)
    iso18091 = ("satisfaction",)
    field = "satisfaction_kpi"
    title = pgettext(
        "QMS703",
        "Quy trình phục vụ người dân có chỉ số đo mức độ hài lòng",
    )
    message = pgettext(
        "QMS703",
        "quy trình phục vụ người dân chưa chỉ ra chỉ số đo mức độ hài lòng («citizen_service.satisfaction_kpi»)",
    )
    rationale = pgettext(
        "QMS703",
        "ISO 9001 9.1.2 yêu cầu theo dõi cảm nhận của khách hàng về mức độ đáp ứng nhu cầu; với chính quyền địa phương, "
        "khách hàng là người dân, tổ chức (ISO 18091). Các kế hoạch của ngành giáo dục Hải Phòng đặt chỉ tiêu hài lòng từ "
        "90% (Hải An, 2024) đến 95% trở lên (Sở GDĐT, 2023). Chỉ số phải là một mục trong «kpis» để có cách tính, tần suất "
        "và người theo dõi (nhóm «hài lòng» là cách bộ công cụ nhóm các chủ đề của ISO 18091 [chưa xác minh / unconfirmed]).",
    )
    fix = pgettext(
        "QMS703",
        "thêm vào «kpis» chỉ số tỷ lệ người dân hài lòng và ghi mã của nó vào «citizen_service.satisfaction_kpi»",
    )
    example = read_example(__file__, "QMS703")
