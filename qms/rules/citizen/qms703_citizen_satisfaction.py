from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenSatisfaction(StatedServiceField):
    code = "QMS703"
    name = "citizen-satisfaction"
    severity = Severity.WARNING
    iso9001 = ("9.1.2",)
    iso18091 = ("satisfaction",)
    field = "satisfaction_kpi"
    title = Message(
        "Quy trình phục vụ người dân có chỉ số đo mức độ hài lòng",
        "A citizen-facing process has an indicator measuring citizens' satisfaction",
    )
    message = Message(
        "quy trình phục vụ người dân chưa chỉ ra chỉ số đo mức độ hài lòng («citizen_service.satisfaction_kpi»)",
        "the citizen-facing process names no indicator of citizens' satisfaction («citizen_service.satisfaction_kpi»)",
    )
    rationale = Message(
        "ISO 9001 9.1.2 yêu cầu theo dõi cảm nhận của khách hàng về mức độ đáp ứng nhu cầu; với chính quyền địa phương, "
        "khách hàng là người dân, tổ chức (ISO 18091). Các kế hoạch của ngành giáo dục Hải Phòng đặt chỉ tiêu hài lòng từ "
        "90% (Hải An, 2024) đến 95% trở lên (Sở GDĐT, 2023). Chỉ số phải là một mục trong «kpis» để có cách tính, tần suất "
        "và người theo dõi (nhóm «hài lòng» là cách bộ công cụ nhóm các chủ đề của ISO 18091 [chưa xác minh / unconfirmed]).",
        "ISO 9001 9.1.2 requires monitoring customers' perception of how well their needs are met; for local government the "
        "customers are citizens and organisations (ISO 18091). The Hai Phong education plans set satisfaction targets from "
        "90% (Hải An, 2024) to 95% or more (Department, 2023). The indicator must be an entry of «kpis» so it has a formula, "
        "a frequency and an owner (the «satisfaction» area is the toolkit's grouping of ISO 18091 themes [chưa xác minh / "
        "unconfirmed]).",
    )
    fix = Message(
        "thêm vào «kpis» chỉ số tỷ lệ người dân hài lòng và ghi mã của nó vào «citizen_service.satisfaction_kpi»",
        "add a satisfaction-rate indicator under «kpis» and put its code in «citizen_service.satisfaction_kpi»",
    )
    example = read_example(__file__, "QMS703")
