from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import decisions_without_criteria
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DecisionCriteria(Rule):
    code = "QMS605"
    name = "decision-criteria"
    severity = Severity.INFO
    iso9001 = ("4.4.1 c", "8.6")
    title = pgettext("QMS605", "Mỗi bước quyết định nêu tiêu chí chấp nhận")
    message = pgettext(
        "QMS605",
        "bước quyết định «{step_id}» chưa nêu tiêu chí («criteria»): căn cứ vào đâu để chọn nhánh",
    )
    rationale = pgettext(
        "QMS605",
        "ISO 9001 4.4.1 c yêu cầu xác định tiêu chí cho quá trình; một bước kiểm tra chỉ nhất quán khi mọi người kiểm tra "
        "theo cùng một tiêu chí (ví dụ «hồ sơ đủ thành phần theo Quyết định công bố TTHC, đúng mẫu, còn hiệu lực»). Thiếu "
        "tiêu chí, cùng một hồ sơ có thể được nhận ở quầy này và bị trả ở quầy khác.",
    )
    fix = pgettext(
        "QMS605",
        "ghi «criteria» cho bước quyết định, nêu cụ thể điều kiện của nhánh «đạt» và văn bản quy định điều kiện đó",
    )
    example = read_example(__file__, "QMS605")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in decisions_without_criteria(ctx.process):
            yield self.at_step(ctx, step.id, "id")
