from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import Channel
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.citizen import service_location
from qms.rules.example_files import read_example


class CitizenChannels(Rule):
    code = "QMS704"
    name = "citizen-channels"
    severity = Severity.INFO
    iso18091 = ("digital-services",)
    title = pgettext(
        "QMS704",
        "Quy trình phục vụ người dân nêu cách thức nộp hồ sơ, có trực tuyến toàn trình",
    )
    message = pgettext("QMS704", "cách thức nộp hồ sơ: {problem}")
    rationale = pgettext(
        "QMS704",
        "Người dân cần biết có thể nộp hồ sơ bằng cách nào (trực tiếp, bưu chính công ích, trực tuyến một phần, trực tuyến "
        "toàn trình). Chỉ tiêu trực tuyến toàn trình lấy từ các kế hoạch cải cách hành chính của ngành giáo dục Hải Phòng "
        "trong tài liệu gốc của dự án: Kế hoạch năm 2023 của Sở GDĐT yêu cầu 100% TTHC đủ điều kiện được cung cấp trực tuyến "
        "toàn trình và tối thiểu 50% hồ sơ được giải quyết trực tuyến toàn trình; kế hoạch năm 2025 yêu cầu 100% TTHC liên "
        "quan đến doanh nghiệp được thực hiện trực tuyến. Một thủ tục không có kênh toàn trình thì không đóng góp vào chỉ tiêu "
        "đó; nếu thủ tục không đủ điều kiện (kết quả phải là bản giấy có đóng dấu, cần có mặt trực tiếp), ghi lý do ở «citizen_service.online_reason».",
    )
    fix = pgettext(
        "QMS704",
        "liệt kê trong «citizen_service.channels» mọi cách thức nộp hồ sơ, thêm «online_full» khi thủ tục được cung cấp trực tuyến toàn trình",
    )
    example = read_example(__file__, "QMS704")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.citizen_facing:
            return
        service = ctx.process.citizen_service
        channels = service.channels if service else []
        if not channels:
            problem = pgettext(
                "QMS704",
                "chưa nêu người dân nộp hồ sơ bằng cách nào («citizen_service.channels»)",
            )
            yield self.finding(ctx, service_location(ctx), problem=problem)
        elif Channel.ONLINE_FULL not in channels and (service is None or service.online_reason is None):
            problem = pgettext(
                "QMS704",
                "chưa có kênh trực tuyến toàn trình («online_full»)",
            )
            yield self.finding(ctx, service_location(ctx, "channels"), problem=problem)
