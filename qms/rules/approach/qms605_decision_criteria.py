from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import decisions_without_criteria
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DecisionCriteria(Rule):
    code = "QMS605"
    name = "decision-criteria"
    severity = Severity.INFO
    iso9001 = ("4.4.1 c", "8.6")
    title = Message("Mỗi bước quyết định nêu tiêu chí chấp nhận", "Every decision step states its acceptance criteria")
    message = Message(
        "bước quyết định «{step_id}» chưa nêu tiêu chí («criteria»): căn cứ vào đâu để chọn nhánh",
        "decision «{step_id}» states no criteria («criteria»): what the choice of branch is based on",
    )
    rationale = Message(
        "ISO 9001 4.4.1 c yêu cầu xác định tiêu chí cho quá trình; một bước kiểm tra chỉ nhất quán khi mọi người kiểm tra "
        "theo cùng một tiêu chí (ví dụ «hồ sơ đủ thành phần theo Quyết định công bố TTHC, đúng mẫu, còn hiệu lực»). Thiếu "
        "tiêu chí, cùng một hồ sơ có thể được nhận ở quầy này và bị trả ở quầy khác.",
        "ISO 9001 4.4.1 c requires criteria for the process to be determined; a check is consistent only when everyone "
        "applies the same criteria (e.g. «all documents listed in the published procedure, on the right forms, still "
        "valid»). Without them the same dossier may be accepted at one counter and returned at another.",
    )
    fix = Message(
        "ghi «criteria» cho bước quyết định, nêu cụ thể điều kiện của nhánh «đạt» và văn bản quy định điều kiện đó",
        "add «criteria» to the decision step, stating the condition of the passing branch and where it is laid down",
    )
    example = read_example(__file__, "QMS605")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in decisions_without_criteria(ctx.process):
            yield self.at_step(ctx, step.id, "id")
