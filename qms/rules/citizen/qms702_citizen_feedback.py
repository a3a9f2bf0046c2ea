from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenFeedback(StatedServiceField):
    code = "QMS702"
    name = "citizen-feedback"
    severity = Severity.WARNING
    iso18091 = ("participation",)
    field = "feedback"
    title = pgettext(
        "QMS702",
        "Quy trình phục vụ người dân nêu cách tiếp nhận phản ánh, kiến nghị",
    )
    message = pgettext(
        "QMS702",
        "quy trình phục vụ người dân chưa nêu cách người dân phản ánh, kiến nghị và được trả lời («citizen_service.feedback»)",
    )
    rationale = pgettext(
        "QMS702",
        "ISO 18091 coi sự tham gia của người dân là một nền tảng của chính quyền địa phương đáng tin cậy (nhóm «tham gia» "
        "là cách bộ công cụ nhóm các chủ đề của Phụ lục A/C [chưa xác minh / unconfirmed]); phản ánh, kiến nghị cũng là "
        "thông tin phản hồi của khách hàng mà ISO 9001 9.1.2 yêu cầu theo dõi. Các kế hoạch cải cách hành chính ở Hải Phòng "
        "yêu cầu tiếp nhận, xử lý phản ánh, kiến nghị của người dân theo quy định; quy trình phải chỉ ra kênh và thời hạn trả lời.",
    )
    fix = pgettext(
        "QMS702",
        "ghi «citizen_service.feedback»: kênh phản ánh (Cổng Dịch vụ công, đường dây nóng, hộp thư góp ý), đơn vị trả lời và thời hạn",
    )
    example = read_example(__file__, "QMS702")
