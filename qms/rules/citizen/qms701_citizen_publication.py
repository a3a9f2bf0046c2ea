from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenPublication(StatedServiceField):
    code = "QMS701"
    name = "citizen-publication"
    severity = Severity.WARNING
    iso18091 = ("transparency",)
    field = "publication"
    title = Message(
        "Quy trình phục vụ người dân nêu cách công khai thủ tục, phí và kết quả",
        "A citizen-facing process says how the procedure, fees and results are made public",
    )
    message = Message(
        "quy trình phục vụ người dân chưa nêu cách công khai thủ tục, phí, lệ phí và kết quả giải quyết («citizen_service.publication»)",
        "the citizen-facing process does not say how the procedure, fees and results are published («citizen_service.publication»)",
    )
    rationale = Message(
        "ISO 18091 nhấn mạnh tính minh bạch của chính quyền địa phương đối với người dân (nhóm «minh bạch» là cách bộ công cụ "
        "nhóm các chủ đề của Phụ lục A/C [chưa xác minh / unconfirmed]). Các kế hoạch cải cách hành chính của ngành giáo dục "
        "Hải Phòng đặt mục tiêu 100% TTHC được công khai đầy đủ, kịp thời. Quy trình phải nói rõ công khai ở đâu (Cơ sở dữ "
        "liệu quốc gia về TTHC, Cổng Dịch vụ công, niêm yết tại nơi tiếp nhận) và người dân tra cứu tiến độ bằng cách nào.",
        "ISO 18091 stresses the transparency of local government towards citizens (the «transparency» area is the "
        "toolkit's grouping of Annex A/C themes [chưa xác minh / unconfirmed]). The Hai Phong education sector's reform "
        "plans target 100% of administrative procedures published fully and on time. The process must say where (the "
        "national procedure database, the public service portal, notices at the counter) and how citizens track their case.",
    )
    fix = Message(
        "ghi «citizen_service.publication»: nơi công khai thủ tục, phí, lệ phí, kết quả và cách tra cứu tiến độ hồ sơ",
        "fill in «citizen_service.publication»: where the procedure, fees and results are published and how progress is tracked",
    )
    example = read_example(__file__, "QMS701")
