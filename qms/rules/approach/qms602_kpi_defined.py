from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.model import Status
from qms.rules.approach import missing_parts
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# What makes an indicator measurable; the target is already required by the format.
_KPI_PARTS = {
    "formula": Message("cách tính («formula»)", "a formula («formula»)"),
    "frequency": Message("tần suất đo («frequency»)", "a measuring frequency («frequency»)"),
    "owner": Message("vai trò theo dõi («owner»)", "a monitoring role («owner»)"),
}


class KpiDefined(Rule):
    code = "QMS602"
    name = "kpi-defined"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 c", "9.1.1")
    title = Message(
        "Quy trình (trừ dự thảo) có chỉ số đo lường với cách tính, tần suất và người theo dõi",
        "A process past draft has indicators, each with a formula, a frequency and an owner",
    )
    message = Message("chỉ số đo lường (KPI): {problem}", "performance indicators (KPIs): {problem}")
    rationale = Message(
        "ISO 9001 4.4.1 c yêu cầu xác định tiêu chí và phương pháp, kể cả việc theo dõi, đo lường và chỉ số kết quả để bảo "
        "đảm quá trình vận hành có hiệu lực; 9.1.1 yêu cầu xác định cái gì cần đo, đo khi nào và bằng phương pháp nào. Một "
        "chỉ số có chỉ tiêu mà không có cách tính, tần suất và người theo dõi thì không ai đo được, và báo cáo định kỳ "
        "(quý, 6 tháng, năm) không có số liệu. Dự thảo được miễn vì chỉ số thường được thống nhất khi xem xét.",
        "ISO 9001 4.4.1 c requires the criteria and methods, including monitoring, measurement and performance indicators, "
        "needed for the process to operate effectively; 9.1.1 requires deciding what is measured, when and how. An "
        "indicator with a target but no formula, frequency or owner is measured by nobody, and the quarterly, half-year and "
        "annual reports have no figures. Drafts are exempt: indicators are usually agreed during review.",
    )
    fix = Message(
        "thêm ít nhất một chỉ số vào «kpis» (ví dụ tỷ lệ hồ sơ đúng hạn) và ghi đủ «formula», «frequency», «owner» cho từng chỉ số",
        "add at least one indicator under «kpis» (e.g. the on-time rate) and give each its «formula», «frequency» and «owner»",
    )
    example = read_example(__file__, "QMS602")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if process.status is Status.DRAFT:
            return
        if not process.kpis:
            problem = Message("quy trình chưa có chỉ số nào trong «kpis»", "the process has none under «kpis»")
            yield self.finding(ctx, ctx.location("kpis"), problem=problem)
        for i, kpi in enumerate(process.kpis):
            missing = missing_parts(kpi, _KPI_PARTS)
            if missing:
                problem = Message(f"«{kpi.code}» còn thiếu {missing.vi}", f"«{kpi.code}» lacks {missing.en}")
                yield self.finding(ctx, ctx.location("kpis", i), problem=problem)
