from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class StepDuration(Rule):
    code = "QMS301"
    name = "step-duration"
    severity = Severity.WARNING
    iso9001 = ("8.1", "4.4.1 c")
    title = Message("Mỗi bước trên luồng xử lý có thời gian thực hiện", "Every step on the main flow has a duration")
    message = Message(
        "bước «{step_id}» chưa ghi thời gian thực hiện (duration): không tính được tổng thời gian giải quyết",
        "step «{step_id}» has no duration, so the total processing time cannot be worked out",
    )
    rationale = Message(
        "Thời hạn giải quyết thủ tục hành chính tính bằng ngày làm việc và phải được chia cho từng bước, từng bộ phận "
        "(ISO 9001 8.1: hoạch định và kiểm soát việc thực hiện; 4.4.1 c: tiêu chí vận hành). Chỉ khi mọi bước nằm trên "
        "đường từ bước bắt đầu tới bước kết thúc đều có thời gian, mới cộng được đường dài nhất để so với thời hạn (QMS302). "
        "Bước chờ người dân bổ sung hồ sơ («stops_clock: true») không tính thời gian nên được miễn; bước không nằm trên "
        "đường nào từ đầu tới cuối đã do QMS102, QMS103 báo.",
        "Procedure deadlines are set in working days and must be shared out among the steps and units (ISO 9001 8.1: "
        "planning and control of operations; 4.4.1 c: criteria). Only when every step on a path from start to end has a "
        "duration can the longest path be added up against the deadline (QMS302). A step waiting for the citizen to "
        "supplement the dossier («stops_clock: true») does not count and is exempt; steps on no start-to-end path are "
        "reported by QMS102 and QMS103.",
    )
    fix = Message(
        "thêm «duration», ví dụ «duration: 4 giờ» hoặc «duration: 2 ngày làm việc»; "
        "nếu là thời gian chờ người dân bổ sung hồ sơ, ghi «stops_clock: true»",
        "add a «duration», e.g. «duration: 4 giờ» or «duration: 2 ngày làm việc»; "
        "if it is time spent waiting for the citizen to supplement the dossier, set «stops_clock: true»",
    )
    example = read_example(__file__, "QMS301")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        graph = ctx.graph
        on_flow = graph.reachable_from_start & graph.reaching_an_end
        for step in ctx.process.steps:
            if step.id in on_flow and step.type is not StepType.END and step.duration is None and not step.stops_clock:
                yield self.at_step(ctx, step.id)
