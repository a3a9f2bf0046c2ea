from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message, pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class UnverifiedLegalBasis(Rule):
    code = "QMS404"
    name = "unverified-legal-basis"
    severity = Severity.INFO
    iso9001 = ("7.5.3",)
    legal = ("Văn bản được viện dẫn / the cited documents",)
    title = pgettext(
        "QMS404",
        "Căn cứ pháp lý đã được đối chiếu với văn bản gốc",
    )
    message = pgettext(
        "QMS404",
        "căn cứ «{number}» chưa được đối chiếu với văn bản gốc (verified: false){source}",
    )
    rationale = pgettext(
        "QMS404",
        "Thông tin dạng văn bản có nguồn gốc bên ngoài phải được nhận biết và kiểm soát (ISO 9001 7.5.3.2). Khi quy định "
        "mới ban hành, nội dung thường chỉ được biết qua nguồn thứ cấp (tin tức, tài liệu thiết kế); quy trình vẫn cần viết, "
        "nhưng chuyên gia đánh giá phải thấy rõ căn cứ nào còn chờ đối chiếu với công báo để không coi đó là đã xác lập.",
    )
    fix = pgettext(
        "QMS404",
        "đối chiếu với văn bản gốc (công báo, cổng thông tin Chính phủ), sửa quy trình nếu cần, rồi bỏ «verified: false» và ghi «source»",
    )
    example = read_example(__file__, "QMS404")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for index, document in enumerate(ctx.process.legal_basis):
            if not document.verified:
                source = (
                    pgettext("QMS404", "; nguồn hiện có: {source}").format(source=document.source) if document.source else Message("", "")
                )
                yield self.finding(ctx, ctx.location("legal_basis", index, "number"), number=document.number, source=source)
