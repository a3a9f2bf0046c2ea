from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.legal.validity import check_days, out_of_force


class LegalInForce(Rule):
    code = "QMS401"
    name = "legal-in-force"
    severity = Severity.ERROR
    iso9001 = ("7.5.3",)
    legal = ("Các văn bản được viện dẫn trong «legal_basis» / the documents cited in «legal_basis»",)
    title = pgettext("QMS401", "Mọi căn cứ pháp lý đều đang có hiệu lực")
    message = pgettext("QMS401", "tại {when}, văn bản «{number}» {why}")
    rationale = pgettext(
        "QMS401",
        "ISO 9001 7.5.3 yêu cầu kiểm soát tài liệu có nguồn gốc bên ngoài và ngăn việc sử dụng tài liệu lỗi thời. Với cơ "
        "quan nhà nước, căn cứ pháp lý hết hiệu lực nghĩa là hồ sơ được giải quyết theo quy định không còn áp dụng. Văn "
        "bản được đối chiếu với ngày hiệu lực của quy trình (ngày kiểm tra nếu chưa có) và, khi quy trình đã có hiệu lực, "
        "với cả ngày kiểm tra, dựa trên «in_force_from» / «in_force_until» khai báo trong từng căn cứ. Quy trình ở trạng "
        "thái «obsolete» được lưu để tra cứu nên không bị kiểm tra.",
    )
    fix = pgettext(
        "QMS401",
        "thay căn cứ bằng văn bản đang có hiệu lực (văn bản thay thế), sửa ngày hiệu lực nếu ghi sai, "
        "hoặc chuyển quy trình sang «status: obsolete» nếu không còn áp dụng",
    )
    example = read_example(__file__, "QMS401")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        days = check_days(ctx)
        for index, document in enumerate(ctx.process.legal_basis):
            problem = out_of_force(document, days)
            if problem:
                check, why = problem
                yield self.finding(ctx, ctx.location("legal_basis", index, "number"), number=document.number, why=why, when=check.label)
