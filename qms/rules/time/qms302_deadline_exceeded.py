from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message, pgettext
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
    title = pgettext(
        "QMS302",
        "Tổng thời gian của đường xử lý dài nhất không vượt thời hạn giải quyết",
    )
    message = pgettext(
        "QMS302",
        "đường xử lý dài nhất mất {actual}{bound}, vượt thời hạn giải quyết {deadline}{case}: {path}",
    )
    rationale = pgettext(
        "QMS302",
        "Thời hạn giải quyết là cam kết với người dân, được công bố cùng thủ tục hành chính; cơ chế một cửa theo Nghị định "
        "118/2025/NĐ-CP (thay Nghị định 61/2018/NĐ-CP từ 01/7/2025 [chưa xác minh / unconfirmed]) đòi hỏi hồ sơ được "
        "giải quyết trong thời hạn đó. Nếu cộng thời gian các bước trên đường dài nhất đã vượt thời hạn thì quy trình được "
        "thiết kế để trễ hẹn (ISO 9001 8.1). Vòng làm lại chỉ tính một lần, bước «stops_clock» không tính. Khi đường có bước "
        "chưa ghi thời gian, con số là mức tối thiểu: nếu đã vượt thì chắc chắn vượt. Thủ tục có trường hợp với thời hạn "
        "riêng («deadline_cases», ví dụ 08 thay vì 05 ngày làm việc khi phải xác minh): mỗi thời hạn được so với đường dài "
        "nhất của trường hợp đó. Thời hạn tính từ bước bắt đầu đến bước kết thúc, hoặc giữa hai bước nêu ở «clock» (ví dụ "
        "từ khi tiếp nhận hồ sơ đầy đủ đến khi trả kết quả).",
    )
    fix = pgettext(
        "QMS302",
        "rút ngắn thời gian các bước trên đường đã nêu, cho các bước chạy song song, hoặc sửa «deadline» nếu thời hạn công bố khác",
    )
    example = read_example(__file__, "QMS302")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for bound in ctx.graph.deadline_paths:
            longest = bound.path
            # A same-day deadline («trong ngày») leaves at most the working day the clock starts on.
            if longest is None or longest.minutes <= bound.deadline.work_minutes:
                continue  # no start or no end: QMS101/QMS103 say so
            lower = Message("", "")
            if longest.untimed:
                # Still worth reporting: the missing durations can only make it longer.
                untimed = ", ".join(longest.untimed)
                lower = pgettext("QMS302", " (tối thiểu, vì bước {untimed} chưa ghi thời gian)").format(untimed=untimed)
            case = Message(f" ({bound.case.vi})", f" ({bound.case.en})") if bound.case else Message("", "")
            yield self.finding(
                ctx,
                ctx.location(*bound.field),
                actual=working_days(longest.minutes),
                bound=lower,
                deadline=pgettext("QMS302", "trong ngày (một ngày làm việc)")
                if bound.deadline.same_day
                else duration_in_days(bound.deadline),
                case=case,
                path=" → ".join(longest.steps),
            )
