from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import AUTHORITY_NAMES, unauthorised_steps
from qms.i18n import join, pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class ApprovalAuthority(Rule):
    code = "QMS203"
    name = "approval-authority"
    severity = Severity.ERROR
    iso9001 = ("5.3", "4.4.1 e")
    title = pgettext(
        "QMS203",
        "Bước phê duyệt, ký ban hành do vai trò có thẩm quyền tương ứng thực hiện",
    )
    message = pgettext(
        "QMS203",
        "bước «{step_id}» cần thẩm quyền {act} nhưng vai trò «{role}» không được giao thẩm quyền này ({held})",
    )
    rationale = pgettext(
        "QMS203",
        "ISO 9001 5.3 yêu cầu quyền hạn được phân định; trong cơ quan nhà nước, chỉ người đứng đầu hoặc người được ủy quyền "
        "mới được phê duyệt, ký văn bản. Một bước phê duyệt giao cho vai trò không có thẩm quyền là kết quả có thể bị coi là "
        "không hợp lệ. Thẩm quyền ghi ở vai trò («authority» trong «roles») là nơi duy nhất khai báo ai được ký.",
    )
    fix = pgettext(
        "QMS203",
        "giao bước cho vai trò có thẩm quyền, hoặc bổ sung thẩm quyền vào «authority» của vai trò nếu có quyết định giao, ủy quyền",
    )
    example = read_example(__file__, "QMS203")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in unauthorised_steps(ctx.process):
            # A missing role is QMS201's finding; an unknown one the loader's.
            role = ctx.process.roles.get(step.role) if step.role else None
            if role is None or step.authority is None:
                continue
            held = pgettext("QMS203", "vai trò chưa được giao thẩm quyền nào")
            if role.authority:
                acts = join([AUTHORITY_NAMES[a] for a in role.authority], ", ")
                held = pgettext("QMS203", "thẩm quyền hiện có: {acts}").format(acts=acts)
            yield self.at_step(ctx, step.id, "authority", act=AUTHORITY_NAMES[step.authority], role=step.role, held=held)
