from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message, pgettext
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class CompetenceDeclared(Rule):
    code = "QMS205"
    name = "competence-declared"
    severity = Severity.WARNING
    iso9001 = ("7.2", "5.3")
    title = pgettext(
        "QMS205",
        "Vai trò phê duyệt, ký hoặc ra quyết định có yêu cầu năng lực",
    )
    message = pgettext(
        "QMS205",
        "vai trò «{role}» {does} nhưng chưa nêu yêu cầu năng lực («competence»)",
    )
    rationale = pgettext(
        "QMS205",
        "ISO 9001 7.2 yêu cầu xác định năng lực cần thiết của người thực hiện công việc ảnh hưởng tới kết quả. Ở quy trình "
        "hành chính, đó trước hết là người thẩm định, phê duyệt và ký: nêu năng lực (chuyên môn, thẩm quyền, tập huấn) giúp "
        "phân công đúng người và là bằng chứng khi đánh giá.",
    )
    fix = pgettext(
        "QMS205",
        "thêm «competence» cho vai trò, ví dụ: «Am hiểu quy định chuyên ngành; được giao thẩm quyền phê duyệt»",
    )
    example = read_example(__file__, "QMS205")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        duties: dict[str, Message] = {}
        for step in ctx.process.steps:
            if not step.role or step.role not in ctx.process.roles:
                continue
            if step.authority is not None:
                duties.setdefault(step.role, pgettext("QMS205", "phê duyệt hoặc ký"))
            elif step.type is StepType.DECISION:
                duties.setdefault(step.role, pgettext("QMS205", "ra quyết định ở bước kiểm tra"))
        for role_id, does in duties.items():
            if ctx.process.roles[role_id].competence is None:
                yield self.finding(ctx, ctx.location("roles", role_id), role=role_id, does=does)
