from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import needs_control, uncontrolled_risks
from qms.i18n import Message
from qms.model import Risk
from qms.rules.approach import spoken_list
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# On the 1–5 × 1–5 matrix, 12 and above is "high" (e.g. 3 × 4): the toolkit's convention, not the standard's.
HIGH_RISK = 12

_CONTROLS = Message("bước kiểm soát («controls»)", "a controlling step («controls»)")
_TREATMENT = Message("biện pháp xử lý («treatment»)", "a treatment («treatment»)")


def _lacking(risk: Risk, uncontrolled: bool) -> Message | None:
    """What a risk still lacks: its controlling step (when uncontrolled), its treatment; None when neither."""
    return spoken_list(([_CONTROLS] if uncontrolled else []) + ([_TREATMENT] if not risk.treatment else []))


class RiskControlled(Rule):
    code = "QMS603"
    name = "risk-controlled"
    severity = Severity.WARNING
    iso9001 = ("6.1", "4.4.1 f")
    title = Message(
        "Quy trình nhận diện rủi ro, cơ hội; mỗi rủi ro có biện pháp xử lý và bước kiểm soát nằm trong luồng",
        "A process identifies risks and opportunities; each risk has a treatment and a controlling step in the flow",
    )
    message = Message("rủi ro và cơ hội: {problem}", "risks and opportunities: {problem}")
    rationale = Message(
        "ISO 9001 4.4.1 f và 6.1 yêu cầu xác định rủi ro, cơ hội của quá trình và hoạch định hành động giải quyết chúng, "
        "lồng ghép vào chính quá trình. Vì vậy mỗi rủi ro cần một biện pháp xử lý và ít nhất một bước của quy trình thực "
        "hiện biện pháp đó. Rủi ro mức cao (khả năng × ảnh hưởng từ 12 trở lên; ngưỡng này là quy ước của bộ công cụ "
        "trên thang 5 × 5, không phải của tiêu chuẩn) phải được kiểm soát ở một bước thật sự được thực hiện, tức là đi "
        "tới được từ bước bắt đầu.",
        "ISO 9001 4.4.1 f and 6.1 require the risks and opportunities of a process to be determined and actions to address "
        "them planned and built into the process itself. So each risk needs a treatment and at least one step of the "
        "process carrying it out. A high risk (likelihood × impact of 12 or more; the threshold is the toolkit's convention "
        "on a 5 × 5 scale, not the standard's) must be controlled by a step that is actually performed, i.e. reachable "
        "from the start.",
    )
    fix = Message(
        "ghi vào «risks» các rủi ro, cơ hội chính; với mỗi rủi ro ghi «treatment» và liệt kê trong «controls» mã các bước "
        "thực hiện biện pháp, các bước này phải nằm trong luồng chính",
        "list the main risks and opportunities under «risks»; give each risk a «treatment» and list under «controls» the "
        "ids of the steps that carry it out, steps that are part of the flow",
    )
    example = read_example(__file__, "QMS603")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if not process.risks:
            problem = Message(
                "quy trình chưa nhận diện rủi ro hay cơ hội nào («risks»)", "the process identifies no risk or opportunity («risks»)"
            )
            yield self.finding(ctx, ctx.location("risks"), problem=problem)
        uncontrolled = {i for i, _ in uncontrolled_risks(process)}
        for i, risk in enumerate(process.risks):
            if not needs_control(risk):
                continue
            missing = _lacking(risk, i in uncontrolled)
            if missing:
                problem = Message("rủi ro «{code}» chưa có {missing}", "risk «{code}» lacks {missing}")
                yield self.finding(ctx, ctx.location("risks", i), problem=problem.format(code=risk.code, missing=missing))
            # Without a start nothing is reachable; QMS101 reports that.
            level = risk.level
            if level is None or level < HIGH_RISK or i in uncontrolled or not ctx.graph.starts:
                continue
            if not any(step in ctx.graph.reachable_from_start for step in risk.controls):
                problem = Message(
                    "rủi ro «{code}» ở mức cao ({likelihood} × {impact} = {level}) nhưng không bước kiểm soát nào "
                    "({controls}) đi tới được từ bước bắt đầu",
                    "risk «{code}» is high ({likelihood} × {impact} = {level}) but none of its controlling steps "
                    "({controls}) can be reached from the start",
                )
                controls = ", ".join(risk.controls)
                problem = problem.format(code=risk.code, likelihood=risk.likelihood, impact=risk.impact, level=level, controls=controls)
                yield self.finding(ctx, ctx.location("risks", i, "controls"), problem=problem)
