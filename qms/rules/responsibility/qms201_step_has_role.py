from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import steps_without_role
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class StepHasRole(Rule):
    code = "QMS201"
    name = "step-has-role"
    severity = Severity.ERROR
    iso9001 = ("5.3", "4.4.1 e")
    title = pgettext("QMS201", "Mỗi bước có vai trò thực hiện")
    message = pgettext(
        "QMS201",
        "bước «{step_id}» chưa ghi vai trò thực hiện (role): không rõ ai làm, ai chịu trách nhiệm",
    )
    rationale = pgettext(
        "QMS201",
        "ISO 9001 5.3 và 4.4.1 e yêu cầu phân công trách nhiệm, quyền hạn cho từng việc; kế hoạch ISO của các cơ quan "
        "gọi đó là «5 rõ» (rõ người, rõ việc, rõ thời gian, rõ kết quả, rõ trách nhiệm). Bước không có vai trò thì không "
        "có làn trên lưu đồ và không ai bị hỏi khi hồ sơ bị chậm. Bước kết thúc cũng cần vai trò: ai đóng và lưu hồ sơ.",
    )
    fix = pgettext(
        "QMS201",
        "thêm «role: <mã vai trò>» vào bước, dùng một mã đã khai báo trong mục «roles»",
    )
    example = read_example(__file__, "QMS201")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in steps_without_role(ctx.process):
            yield self.at_step(ctx, step.id)
