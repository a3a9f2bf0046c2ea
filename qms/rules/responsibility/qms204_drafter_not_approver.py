from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import same_signatory
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DrafterNotApprover(Rule):
    code = "QMS204"
    name = "drafter-not-approver"
    severity = Severity.WARNING
    iso9001 = ("7.5.2 c", "5.3")
    title = pgettext("QMS204", "Người soạn thảo không tự phê duyệt quy trình")
    message = pgettext("QMS204", "{who} vừa soạn thảo vừa phê duyệt quy trình")
    rationale = pgettext(
        "QMS204",
        "ISO 9001 7.5.2 c yêu cầu thông tin dạng văn bản được xem xét và phê duyệt về sự phù hợp, thỏa đáng; việc phê duyệt "
        "chỉ có giá trị kiểm soát khi do người khác với người soạn thảo thực hiện. Khối «Soạn thảo / Xem xét / Phê duyệt» "
        "của quy trình ISO trong cơ quan nhà nước vì thế ghi ba chức danh khác nhau.",
    )
    fix = pgettext(
        "QMS204",
        "ghi ở «approval.approved» vai trò và người có thẩm quyền phê duyệt (thường là lãnh đạo đơn vị), khác với người soạn thảo",
    )
    example = read_example(__file__, "QMS204")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        approval = ctx.process.approval
        if approval is None or approval.prepared is None or approval.approved is None:
            return  # a missing sign-off is a document-control rule's finding, not this one's
        # One signatory when the role or the person is the same (see qms.domain.same_signatory for why).
        prepared, approved = approval.prepared, approval.approved
        same = same_signatory(prepared, approved)
        if same.role:
            who = pgettext("QMS204", "vai trò «{role}»").format(role=approved.role)
            yield self.finding(ctx, ctx.location("approval", "approved", "role"), who=who)
        elif same.person:
            who = pgettext("QMS204", "ông/bà «{name}»").format(name=prepared.name)
            yield self.finding(ctx, ctx.location("approval", "approved", "name"), who=who)
