from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.time import duration_in_days, working_days


class DeadlineExceeded(Rule):
    code = "QMS302"
    name = "deadline-exceeded"
    severity = Severity.ERROR
    iso9001 = ("8.1",)
    legal = (
        "Thời hạn giải quyết công bố của thủ tục hành chính / the procedure's published deadline",
        "Nghị định 118/2025/NĐ-CP (cơ chế một cửa, một cửa liên thông / one-stop mechanism)",
    )
    title = Message(
        "Tổng thời gian của đường xử lý dài nhất không vượt thời hạn giải quyết",
        "The longest path through the process fits within the deadline",
    )
    message = Message(
        "đường xử lý dài nhất mất {actual}{bound}, vượt thời hạn giải quyết {deadline}{case}: {path}",
        "the longest path takes {actual}{bound}, beyond the deadline of {deadline}{case}: {path}",
    )
    rationale = Message(
        "Thời hạn giải quyết là cam kết với người dân, được công bố cùng thủ tục hành chính; cơ chế một cửa theo Nghị định "
        "118/2025/NĐ-CP (thay Nghị định 61/2018/NĐ-CP từ 01/7/2025 [chưa xác minh / unconfirmed]) đòi hỏi hồ sơ được "
        "giải quyết trong thời hạn đó. Nếu cộng thời gian các bước trên đường dài nhất đã vượt thời hạn thì quy trình được "
        "thiết kế để trễ hẹn (ISO 9001 8.1). Vòng làm lại chỉ tính một lần, bước «stops_clock» không tính. Khi đường có bước "
        "chưa ghi thời gian, con số là mức tối thiểu: nếu đã vượt thì chắc chắn vượt. Thủ tục có trường hợp với thời hạn "
        "riêng («deadline_cases», ví dụ 08 thay vì 05 ngày làm việc khi phải xác minh): mỗi thời hạn được so với đường dài "
        "nhất của trường hợp đó. Thời hạn tính từ bước bắt đầu đến bước kết thúc, hoặc giữa hai bước nêu ở «clock» (ví dụ "
        "từ khi tiếp nhận hồ sơ đầy đủ đến khi trả kết quả).",
        "The deadline is a promise to citizens, published with the procedure; the one-stop mechanism of Decree "
        "118/2025/ND-CP (replacing Decree 61/2018/ND-CP from 1 July 2025 [chưa xác minh / unconfirmed]) requires dossiers "
        "to be settled within it. If the steps of the longest path already add up to more, the process is designed to be "
        "late (ISO 9001 8.1). A rework loop counts once and «stops_clock» steps not at all. When the path has steps without "
        "a duration the figure is a lower bound: if it is already over, the process certainly is. A procedure with cases "
        "that have a deadline of their own («deadline_cases», e.g. 8 instead of 5 working days when verification is "
        "needed) has each deadline compared with the longest path of its case. The deadline counts from the start step to "
        "an end step, or between the two steps named under «clock» (e.g. from receiving a complete dossier to returning "
        "the result).",
    )
    fix = Message(
        "rút ngắn thời gian các bước trên đường đã nêu, cho các bước chạy song song, hoặc sửa «deadline» nếu thời hạn công bố khác",
        "shorten the steps on the path shown, run steps in parallel, or correct «deadline» if the published limit is different",
    )
    example = read_example(__file__, "QMS302")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for bound in ctx.graph.deadline_paths:
            longest = bound.path
            if longest is None or longest.minutes <= bound.deadline.minutes:
                continue  # no start or no end: QMS101/QMS103 say so
            lower = Message("", "")
            if longest.untimed:
                # Still worth reporting: the missing durations can only make it longer.
                untimed = ", ".join(longest.untimed)
                lower = Message(f" (tối thiểu, vì bước {untimed} chưa ghi thời gian)", f" (at least: no duration yet for {untimed})")
            case = Message(f" ({bound.case.vi})", f" ({bound.case.en})") if bound.case else Message("", "")
            yield self.finding(
                ctx,
                ctx.location(*bound.field),
                actual=working_days(longest.minutes),
                bound=lower,
                deadline=duration_in_days(bound.deadline),
                case=case,
                path=" → ".join(longest.steps),
            )
