from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import ISSUED, status_label
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# The two signatures 7.5.2 c) cannot do without; «reviewed» is good practice but optional.
_SIGNATURES = {
    "prepared": pgettext("QMS501", "người soạn thảo"),
    "approved": pgettext("QMS501", "người phê duyệt"),
}


class ApprovalComplete(Rule):
    code = "QMS501"
    name = "approval-complete"
    severity = Severity.ERROR
    iso9001 = ("7.5.2 c",)
    title = pgettext(
        "QMS501",
        "Quy trình đã ban hành ghi đủ người soạn thảo, người phê duyệt và ngày ký",
    )
    message = pgettext("QMS501", "quy trình có trạng thái {status} nhưng {problem}")
    rationale = pgettext(
        "QMS501",
        "ISO 9001 7.5.2 c yêu cầu thông tin dạng văn bản được xem xét và phê duyệt về sự phù hợp, thỏa đáng trước khi dùng. "
        "Khối «Soạn thảo / Xem xét / Phê duyệt» trên trang bìa quy trình là bằng chứng của việc đó: thiếu vai trò hoặc ngày "
        "ký thì chuyên gia đánh giá không xác định được ai đã duyệt và từ khi nào quy trình được phép áp dụng. Quy trình hết "
        "hiệu lực (obsolete) cũng cần đủ thông tin này vì nó được lưu lại để tra cứu các hồ sơ đã xử lý theo nó.",
    )
    fix = pgettext(
        "QMS501",
        "bổ sung mục «approval» với «prepared» và «approved», mỗi mục ghi «role» (vai trò ký) và «date» (ngày ký) như trên bản giấy đã ký",
    )
    example = read_example(__file__, "QMS501")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if process.status not in ISSUED:
            return
        status = status_label(process.status)
        if process.approval is None:
            problem = pgettext("QMS501", "chưa có mục «approval» (soạn thảo, xem xét, phê duyệt)")
            yield self.finding(ctx, ctx.location("status"), status=status, problem=problem)
            return
        for part, who in _SIGNATURES.items():
            signoff = getattr(process.approval, part)
            # The model already requires a role in every signature; only the date can be missing.
            if signoff is None:
                problem = pgettext("QMS501", "chưa ghi {who} («approval.{part}»)").format(who=who, part=part)
                yield self.finding(ctx, ctx.location("approval"), status=status, problem=problem)
            elif signoff.date is None:
                problem = pgettext(
                    "QMS501",
                    "chữ ký của {who} chưa ghi ngày («approval.{part}.date»)",
                ).format(who=who, part=part)
                yield self.finding(ctx, ctx.location("approval", part), status=status, problem=problem)
