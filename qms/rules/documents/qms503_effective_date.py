from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import Status
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.documents import day
from qms.rules.example_files import read_example


class EffectiveDate(Rule):
    code = "QMS503"
    name = "effective-date"
    severity = Severity.ERROR
    iso9001 = ("7.5.2 c", "7.5.3")
    title = pgettext(
        "QMS503",
        "Quy trình đã phê duyệt có ngày hiệu lực, không sớm hơn ngày phê duyệt",
    )
    message = pgettext("QMS503", "ngày hiệu lực: {problem}")
    rationale = pgettext(
        "QMS503",
        "Người thực hiện và chuyên gia đánh giá cần biết từ ngày nào quy trình được áp dụng, để biết hồ sơ nào phải xử lý theo "
        "phiên bản này (ISO 9001 7.5.3: chỉ dùng đúng phiên bản hiện hành). Một quy trình không thể có hiệu lực trước khi "
        "được phê duyệt (7.5.2 c): ngày hiệu lực sớm hơn ngày phê duyệt thường là lỗi gõ ngày hoặc ghi nhầm năm.",
    )
    fix = pgettext(
        "QMS503",
        "ghi «effective_date» theo quyết định ban hành, bằng hoặc sau ngày ký phê duyệt («approval.approved.date»)",
    )
    example = read_example(__file__, "QMS503")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        effective = process.effective_date
        if effective is None:
            if process.status is Status.APPROVED:
                problem = pgettext("QMS503", "quy trình đã phê duyệt nhưng chưa ghi «effective_date»")
                yield self.finding(ctx, ctx.location("status"), problem=problem)
            return
        # A missing approval or approval date is QMS501's finding.
        approved = process.approval.approved if process.approval else None
        if approved and approved.date and effective < approved.date:
            starts, signed = day(effective), day(approved.date)
            problem = pgettext(
                "QMS503",
                "{starts} sớm hơn ngày phê duyệt {signed} («approval.approved.date»)",
            ).format(starts=starts, signed=signed)
            yield self.finding(ctx, ctx.location("effective_date"), problem=problem)
