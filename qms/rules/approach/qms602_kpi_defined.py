from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import Status
from qms.rules.approach import missing_parts
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# What makes an indicator measurable; the target is already required by the format.
_KPI_PARTS = {
    "formula": pgettext("QMS602", "cách tính («formula»)"),
    "frequency": pgettext("QMS602", "tần suất đo («frequency»)"),
    "owner": pgettext("QMS602", "vai trò theo dõi («owner»)"),
}


class KpiDefined(Rule):
    code = "QMS602"
    name = "kpi-defined"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 c", "9.1.1")
    title = pgettext(
        "QMS602",
        "Quy trình (trừ dự thảo) có chỉ số đo lường với cách tính, tần suất và người theo dõi",
    )
    message = pgettext("QMS602", "chỉ số đo lường (KPI): {problem}")
    rationale = pgettext(
        "QMS602",
        "ISO 9001 4.4.1 c yêu cầu xác định tiêu chí và phương pháp, kể cả việc theo dõi, đo lường và chỉ số kết quả để bảo "
        "đảm quá trình vận hành có hiệu lực; 9.1.1 yêu cầu xác định cái gì cần đo, đo khi nào và bằng phương pháp nào. Một "
        "chỉ số có chỉ tiêu mà không có cách tính, tần suất và người theo dõi thì không ai đo được, và báo cáo định kỳ "
        "(quý, 6 tháng, năm) không có số liệu. Dự thảo được miễn vì chỉ số thường được thống nhất khi xem xét.",
    )
    fix = pgettext(
        "QMS602",
        "thêm ít nhất một chỉ số vào «kpis» (ví dụ tỷ lệ hồ sơ đúng hạn) và ghi đủ «formula», «frequency», «owner» cho từng chỉ số",
    )
    example = read_example(__file__, "QMS602")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if process.status is Status.DRAFT:
            return
        if not process.kpis:
            problem = pgettext("QMS602", "quy trình chưa có chỉ số nào trong «kpis»")
            yield self.finding(ctx, ctx.location("kpis"), problem=problem)
        for i, kpi in enumerate(process.kpis):
            missing = missing_parts(kpi, _KPI_PARTS)
            if missing:
                problem = pgettext("QMS602", "«{code}» còn thiếu {missing}").format(code=kpi.code, missing=missing)
                yield self.finding(ctx, ctx.location("kpis", i), problem=problem)
