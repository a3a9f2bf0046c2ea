from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenPublication(StatedServiceField):
    code = "QMS701"
    name = "citizen-publication"
    severity = Severity.WARNING
    iso18091 = ("transparency",)
    field = "publication"
    title = pgettext(
        "QMS701",
        "Quy trình phục vụ người dân nêu cách công khai thủ tục, phí và kết quả",
    )
    message = pgettext(
        "QMS701",
        "quy trình phục vụ người dân chưa nêu cách công khai thủ tục, phí, lệ phí và kết quả giải quyết («citizen_service.publication»)",
    )
    rationale = pgettext(
        "QMS701",
        "ISO 18091 nhấn mạnh tính minh bạch của chính quyền địa phương đối với người dân (nhóm «minh bạch» là cách bộ công cụ "
        "nhóm các chủ đề của Phụ lục A/C [chưa xác minh / unconfirmed]). Các kế hoạch cải cách hành chính của ngành giáo dục "
        "Hải Phòng đặt mục tiêu 100% TTHC được công khai đầy đủ, kịp thời. Quy trình phải nói rõ công khai ở đâu (Cơ sở dữ "
        "liệu quốc gia về TTHC, Cổng Dịch vụ công, niêm yết tại nơi tiếp nhận) và người dân tra cứu tiến độ bằng cách nào.",
    )
    fix = pgettext(
        "QMS701",
        "ghi «citizen_service.publication»: nơi công khai thủ tục, phí, lệ phí, kết quả và cách tra cứu tiến độ hồ sơ",
    )
    example = read_example(__file__, "QMS701")
