from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import AUTHORITY_NAMES, unauthorised_steps
from qms.i18n import Message, join
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class ApprovalAuthority(Rule):
    code = "QMS203"
    name = "approval-authority"
    severity = Severity.ERROR
    iso9001 = ("5.3", "4.4.1 e")
    title = Message(
        "Bước phê duyệt, ký ban hành do vai trò có thẩm quyền tương ứng thực hiện",
        "Approving and signing steps are done by a role holding that authority",
    )
    message = Message(
        "bước «{step_id}» cần thẩm quyền {act} nhưng vai trò «{role}» không được giao thẩm quyền này ({held})",
        "step «{step_id}» needs the authority to {act} but role «{role}» does not hold it ({held})",
    )
    rationale = Message(
        "ISO 9001 5.3 yêu cầu quyền hạn được phân định; trong cơ quan nhà nước, chỉ người đứng đầu hoặc người được ủy quyền "
        "mới được phê duyệt, ký văn bản. Một bước phê duyệt giao cho vai trò không có thẩm quyền là kết quả có thể bị coi là "
        "không hợp lệ. Thẩm quyền ghi ở vai trò («authority» trong «roles») là nơi duy nhất khai báo ai được ký.",
        "ISO 9001 5.3 requires authorities to be assigned; in a state agency only the head or a delegated official may approve "
        "or sign. An approving step given to a role without that authority yields a result that may be held invalid. The "
        "role's «authority» list under «roles» is the single place that says who may sign.",
    )
    fix = Message(
        "giao bước cho vai trò có thẩm quyền, hoặc bổ sung thẩm quyền vào «authority» của vai trò nếu có quyết định giao, ủy quyền",
        "give the step to a role holding the authority, or add it to the role's «authority» if a delegation decision grants it",
    )
    example = read_example(__file__, "QMS203")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in unauthorised_steps(ctx.process):
            # A missing role is QMS201's finding; an unknown one the loader's.
            role = ctx.process.roles.get(step.role) if step.role else None
            if role is None or step.authority is None:
                continue
            held = Message("vai trò chưa được giao thẩm quyền nào", "it holds no authority")
            if role.authority:
                acts = join([AUTHORITY_NAMES[a] for a in role.authority], ", ")
                held = Message("thẩm quyền hiện có: {acts}", "it may only {acts}").format(acts=acts)
            yield self.at_step(ctx, step.id, "authority", act=AUTHORITY_NAMES[step.authority], role=step.role, held=held)
