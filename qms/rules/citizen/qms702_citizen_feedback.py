from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenFeedback(StatedServiceField):
    code = "QMS702"
    name = "citizen-feedback"
    severity = Severity.WARNING
    iso18091 = ("participation",)
    field = "feedback"
    title = Message(
        "Quy trình phục vụ người dân nêu cách tiếp nhận phản ánh, kiến nghị",
        "A citizen-facing process says how citizens give feedback or complain",
    )
    message = Message(
        "quy trình phục vụ người dân chưa nêu cách người dân phản ánh, kiến nghị và được trả lời («citizen_service.feedback»)",
        "the citizen-facing process does not say how citizens give feedback or complain and get an answer («citizen_service.feedback»)",
    )
    rationale = Message(
        "ISO 18091 coi sự tham gia của người dân là một nền tảng của chính quyền địa phương đáng tin cậy (nhóm «tham gia» "
        "là cách bộ công cụ nhóm các chủ đề của Phụ lục A/C [chưa xác minh / unconfirmed]); phản ánh, kiến nghị cũng là "
        "thông tin phản hồi của khách hàng mà ISO 9001 9.1.2 yêu cầu theo dõi. Các kế hoạch cải cách hành chính ở Hải Phòng "
        "yêu cầu tiếp nhận, xử lý phản ánh, kiến nghị của người dân theo quy định; quy trình phải chỉ ra kênh và thời hạn trả lời.",
        "ISO 18091 treats citizen participation as a foundation of reliable local government (the «participation» area is "
        "the toolkit's grouping of Annex A/C themes [chưa xác minh / unconfirmed]); feedback and complaints are also the "
        "customer feedback ISO 9001 9.1.2 asks to monitor. Hai Phong's reform plans require citizens' feedback to be "
        "received and handled as regulated; the process must name the channels and the time to answer.",
    )
    fix = Message(
        "ghi «citizen_service.feedback»: kênh phản ánh (Cổng Dịch vụ công, đường dây nóng, hộp thư góp ý), đơn vị trả lời và thời hạn",
        "fill in «citizen_service.feedback»: the channels (portal, hotline, suggestion box), who answers and within what time",
    )
    example = read_example(__file__, "QMS702")
