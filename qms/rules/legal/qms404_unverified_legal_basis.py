from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class UnverifiedLegalBasis(Rule):
    code = "QMS404"
    name = "unverified-legal-basis"
    severity = Severity.INFO
    iso9001 = ("7.5.3",)
    legal = ("Văn bản được viện dẫn / the cited documents",)
    title = Message(
        "Căn cứ pháp lý đã được đối chiếu với văn bản gốc",
        "The legal basis has been checked against the official texts",
    )
    message = Message(
        "căn cứ «{number}» chưa được đối chiếu với văn bản gốc (verified: false){source}",
        "legal basis «{number}» has not been checked against the official text (verified: false){source}",
    )
    rationale = Message(
        "Thông tin dạng văn bản có nguồn gốc bên ngoài phải được nhận biết và kiểm soát (ISO 9001 7.5.3.2). Khi quy định "
        "mới ban hành, nội dung thường chỉ được biết qua nguồn thứ cấp (tin tức, tài liệu thiết kế); quy trình vẫn cần viết, "
        "nhưng chuyên gia đánh giá phải thấy rõ căn cứ nào còn chờ đối chiếu với công báo để không coi đó là đã xác lập.",
        "Documented information of external origin must be identified and controlled (ISO 9001 7.5.3.2). When rules are "
        "new their content is often known only from secondary sources; the process still has to be written, but auditors "
        "must see which legal basis still awaits checking against the official gazette.",
    )
    fix = Message(
        "đối chiếu với văn bản gốc (công báo, cổng thông tin Chính phủ), sửa quy trình nếu cần, rồi bỏ «verified: false» "
        "và ghi «source»",
        "check against the official text, amend the process if needed, then remove «verified: false» and fill in «source»",
    )
    example = read_example(__file__, "QMS404")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for index, document in enumerate(ctx.process.legal_basis):
            if not document.verified:
                source = Message(f"; nguồn hiện có: {document.source}", f"; current source: {document.source}") if document.source else Message("", "")
                yield self.finding(ctx, ctx.location("legal_basis", index, "number"), number=document.number, source=source)
