from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import LegalDocument
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
        "với cả ngày kiểm tra, dựa trên «in_force_from» / «in_force_until» khai báo trong từng căn cứ (không khai báo thì "
        "theo sổ văn bản pháp luật, trừ văn bản sổ ghi đã bị thay thế: QMS402 báo). Quy trình ở trạng "
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
            problem = out_of_force(_dated(ctx, document), days)
            if problem:
                check, why = problem
                yield self.finding(ctx, ctx.location("legal_basis", index, "number"), number=document.number, why=why, when=check.label)


def _dated(ctx: RuleContext, document: LegalDocument) -> LegalDocument:
    """The document with the register's dates when the process gives none: the register is where validity is kept.

    A text the register says was replaced is left to QMS402, which names the replacement; one finding per citation.
    """
    entry = ctx.legal.text(document.number)
    if entry is None or document.in_force_from or document.in_force_until or ctx.legal.replacement_of(document.number):
        return document
    return document.model_copy(update={"in_force_from": entry.in_force_from, "in_force_until": entry.in_force_until})
