from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class StepDuration(Rule):
    code = "QMS301"
    name = "step-duration"
    severity = Severity.WARNING
    iso9001 = ("8.1", "4.4.1 c")
    title = pgettext("QMS301", "Mỗi bước trên luồng xử lý có thời gian thực hiện")
    message = pgettext(
        "QMS301",
        "bước «{step_id}» chưa ghi thời gian thực hiện (duration): không tính được tổng thời gian giải quyết",
    )
    rationale = pgettext(
        "QMS301",
        "Thời hạn giải quyết thủ tục hành chính tính bằng ngày làm việc và phải được chia cho từng bước, từng bộ phận "
        "(ISO 9001 8.1: hoạch định và kiểm soát việc thực hiện; 4.4.1 c: tiêu chí vận hành). Chỉ khi mọi bước nằm trên "
        "đường từ bước bắt đầu tới bước kết thúc đều có thời gian, mới cộng được đường dài nhất để so với thời hạn (QMS302). "
        "Bước chờ người dân bổ sung hồ sơ («stops_clock: true») không tính thời gian nên được miễn; bước không nằm trên "
        "đường nào từ đầu tới cuối đã do QMS102, QMS103 báo.",
    )
    fix = pgettext(
        "QMS301",
        "thêm «duration», ví dụ «duration: 4 giờ» hoặc «duration: 2 ngày làm việc»; "
        "nếu là thời gian chờ người dân bổ sung hồ sơ, ghi «stops_clock: true»",
    )
    example = read_example(__file__, "QMS301")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        graph = ctx.graph
        on_flow = graph.reachable_from_start & graph.reaching_an_end
        for step in ctx.process.steps:
            if step.id in on_flow and step.type is not StepType.END and step.duration is None and not step.stops_clock:
                yield self.at_step(ctx, step.id)
