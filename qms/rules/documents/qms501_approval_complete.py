from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import ISSUED, status_label
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# The two signatures 7.5.2 c) cannot do without; «reviewed» is good practice but optional.
_SIGNATURES = {
    "prepared": Message("người soạn thảo", "the preparer"),
    "approved": Message("người phê duyệt", "the approver"),
}


class ApprovalComplete(Rule):
    code = "QMS501"
    name = "approval-complete"
    severity = Severity.ERROR
    iso9001 = ("7.5.2 c",)
    title = Message(
        "Quy trình đã ban hành ghi đủ người soạn thảo, người phê duyệt và ngày ký",
        "An issued process records who prepared and who approved it, with dates",
    )
    message = Message("quy trình có trạng thái {status} nhưng {problem}", "the process is {status} but {problem}")
    rationale = Message(
        "ISO 9001 7.5.2 c yêu cầu thông tin dạng văn bản được xem xét và phê duyệt về sự phù hợp, thỏa đáng trước khi dùng. "
        "Khối «Soạn thảo / Xem xét / Phê duyệt» trên trang bìa quy trình là bằng chứng của việc đó: thiếu vai trò hoặc ngày "
        "ký thì chuyên gia đánh giá không xác định được ai đã duyệt và từ khi nào quy trình được phép áp dụng. Quy trình hết "
        "hiệu lực (obsolete) cũng cần đủ thông tin này vì nó được lưu lại để tra cứu các hồ sơ đã xử lý theo nó.",
        "ISO 9001 7.5.2 c requires documented information to be reviewed and approved for suitability and adequacy before "
        "use. The «prepared / reviewed / approved» block on a procedure's cover page is the evidence: without the role or "
        "the date an auditor cannot tell who approved the process or since when it may be used. An obsolete process needs "
        "it too, since it is kept to trace the cases handled under it.",
    )
    fix = Message(
        "bổ sung mục «approval» với «prepared» và «approved», mỗi mục ghi «role» (vai trò ký) và «date» (ngày ký) như trên bản giấy đã ký",
        "fill in «approval» with «prepared» and «approved», each giving the signing «role» and the «date» as on the signed paper copy",
    )
    example = read_example(__file__, "QMS501")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if process.status not in ISSUED:
            return
        status = status_label(process.status)
        if process.approval is None:
            problem = Message(
                "chưa có mục «approval» (soạn thảo, xem xét, phê duyệt)", "it has no «approval» block (prepared, reviewed, approved)"
            )
            yield self.finding(ctx, ctx.location("status"), status=status, problem=problem)
            return
        for part, who in _SIGNATURES.items():
            signoff = getattr(process.approval, part)
            # The model already requires a role in every signature; only the date can be missing.
            if signoff is None:
                problem = Message(f"chưa ghi {who.vi} («approval.{part}»)", f"it does not name {who.en} («approval.{part}»)")
                yield self.finding(ctx, ctx.location("approval"), status=status, problem=problem)
            elif signoff.date is None:
                problem = Message(
                    f"chữ ký của {who.vi} chưa ghi ngày («approval.{part}.date»)",
                    f"{who.en}'s signature has no date («approval.{part}.date»)",
                )
                yield self.finding(ctx, ctx.location("approval", part), status=status, problem=problem)
