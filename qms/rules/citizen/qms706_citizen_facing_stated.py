from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain.citizen import citizen_evidence, denies_serving_citizens
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class CitizenFacingStated(Rule):
    code = "QMS706"
    name = "citizen-facing-stated"
    severity = Severity.ERROR
    iso9001 = ("8.2.2",)
    legal = (
        "Nghị định 118/2025/NĐ-CP (cơ chế một cửa; Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu số 01 Thông tư 03/2025/TT-VPCP) "
        "[chưa xác minh / unconfirmed]",
    )
    title = pgettext("QMS706", "Thủ tục phục vụ người dân không ghi «citizen_facing: false»")
    message = pgettext(
        "QMS706",
        "quy trình ghi «citizen_facing: false» nhưng {evidence}: đó là thủ tục phục vụ người dân",
    )
    rationale = pgettext(
        "QMS706",
        "Các quy tắc về thời hạn giải quyết (QMS303), văn bản xin lỗi khi trễ hạn (QMS304) và dịch vụ cho người dân "
        "(QMS701–QMS705) áp dụng cho mọi thủ tục phục vụ người dân: quy trình có mã thủ tục hành chính, có mục "
        "«citizen_service» hoặc cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả thì là thủ tục như vậy, dù «citizen_facing» "
        "ghi gì hay bỏ trống. Ghi «citizen_facing: false» cho một thủ tục như thế là tự nói trái với chính tệp của mình, "
        "và sẽ là cách tắt các yêu cầu luật định của dịch vụ (ISO 9001 8.2.2); các quy tắc vẫn áp dụng, còn mâu thuẫn "
        "được báo ở đây. Giấy tiếp nhận được nhận ra qua tên hoặc mẫu của hồ sơ (bỏ dấu, chữ thường) có «giay tiep nhan», "
        "«hen tra ket qua» hoặc «appointment slip».",
    )
    fix = pgettext(
        "QMS706",
        "ghi «citizen_facing: true» (hoặc xoá dòng đó); nếu quy trình thật sự là nội bộ, bỏ mã thủ tục, mục «citizen_service» "
        "và giấy tiếp nhận khỏi quy trình",
    )
    example = read_example(__file__, "QMS706")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        evidence = citizen_evidence(ctx.process)
        if evidence and denies_serving_citizens(ctx.process):
            shown = evidence[0].what
            for more in evidence[1:]:
                shown = pgettext("QMS706", "{first}, {more}").format(first=shown, more=more.what)
            yield self.finding(ctx, ctx.location("citizen_facing"), evidence=shown)
