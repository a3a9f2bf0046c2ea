from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import needs_control, uncontrolled_risks
from qms.i18n import Message, pgettext
from qms.model import Risk
from qms.rules.approach import spoken_list
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# On the 1–5 × 1–5 matrix, 12 and above is "high" (e.g. 3 × 4): the toolkit's convention, not the standard's.
HIGH_RISK = 12

_CONTROLS = pgettext("QMS603", "bước kiểm soát («controls»)")
_TREATMENT = pgettext("QMS603", "biện pháp xử lý («treatment»)")


def _lacking(risk: Risk, uncontrolled: bool) -> Message | None:
    """What a risk still lacks: its controlling step (when uncontrolled), its treatment; None when neither."""
    return spoken_list(([_CONTROLS] if uncontrolled else []) + ([_TREATMENT] if not risk.treatment else []))


class RiskControlled(Rule):
    code = "QMS603"
    name = "risk-controlled"
    severity = Severity.WARNING
    iso9001 = ("6.1", "4.4.1 f")
    title = pgettext(
        "QMS603",
        "Quy trình nhận diện rủi ro, cơ hội; mỗi rủi ro có biện pháp xử lý và bước kiểm soát nằm trong luồng",
    )
    message = pgettext("QMS603", "rủi ro và cơ hội: {problem}")
    rationale = pgettext(
        "QMS603",
        "ISO 9001 4.4.1 f và 6.1 yêu cầu xác định rủi ro, cơ hội của quá trình và hoạch định hành động giải quyết chúng, "
        "lồng ghép vào chính quá trình. Vì vậy mỗi rủi ro cần một biện pháp xử lý và ít nhất một bước của quy trình thực "
        "hiện biện pháp đó. Rủi ro mức cao (khả năng × ảnh hưởng từ 12 trở lên; ngưỡng này là quy ước của bộ công cụ "
        "trên thang 5 × 5, không phải của tiêu chuẩn) phải được kiểm soát ở một bước thật sự được thực hiện, tức là đi "
        "tới được từ bước bắt đầu.",
    )
    fix = pgettext(
        "QMS603",
        "ghi vào «risks» các rủi ro, cơ hội chính; với mỗi rủi ro ghi «treatment» và liệt kê trong «controls» mã các bước "
        "thực hiện biện pháp, các bước này phải nằm trong luồng chính",
    )
    example = read_example(__file__, "QMS603")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if not process.risks:
            problem = pgettext("QMS603", "quy trình chưa nhận diện rủi ro hay cơ hội nào («risks»)")
            yield self.finding(ctx, ctx.location("risks"), problem=problem)
        uncontrolled = {i for i, _ in uncontrolled_risks(process)}
        for i, risk in enumerate(process.risks):
            if not needs_control(risk):
                continue
            missing = _lacking(risk, i in uncontrolled)
            if missing:
                problem = pgettext("QMS603", "rủi ro «{code}» chưa có {missing}")
                yield self.finding(ctx, ctx.location("risks", i), problem=problem.format(code=risk.code, missing=missing))
            # Without a start nothing is reachable; QMS101 reports that.
            level = risk.level
            if level is None or level < HIGH_RISK or i in uncontrolled or not ctx.graph.starts:
                continue
            if not any(step in ctx.graph.reachable_from_start for step in risk.controls):
                problem = pgettext(
                    "QMS603",
                    "rủi ro «{code}» ở mức cao ({likelihood} × {impact} = {level}) nhưng không bước kiểm soát nào "
                    "({controls}) đi tới được từ bước bắt đầu",
                )
                controls = ", ".join(risk.controls)
                problem = problem.format(code=risk.code, likelihood=risk.likelihood, impact=risk.impact, level=level, controls=controls)
                yield self.finding(ctx, ctx.location("risks", i, "controls"), problem=problem)
