from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.time import duration_in_days, working_days


class SubprocessDuration(Rule):
    code = "QMS305"
    name = "subprocess-duration"
    severity = Severity.WARNING
    iso9001 = ("8.1", "4.4.1 b")
    title = pgettext(
        "QMS305",
        "Thời gian của bước gọi quy trình con đủ cho quy trình con (hoặc phần được gọi)",
    )
    message = pgettext("QMS305", "bước «{step_id}» gọi {called}: {problem}")
    rationale = pgettext(
        "QMS305",
        "Khi một bước giao việc cho quy trình khác (ví dụ ban hành quyết định theo quy trình văn thư), thời gian ghi cho bước "
        "đó được cộng vào thời hạn của quy trình gọi. Nếu quy trình được gọi cần lâu hơn, thời hạn tính trên giấy là sai và "
        "hồ sơ sẽ trễ (ISO 9001 8.1; tương tác giữa các quá trình, 4.4.1 b). «calls_part» giới hạn phần được gọi giữa hai "
        "bước của quy trình con.",
    )
    fix = pgettext(
        "QMS305",
        "ghi cho bước thời gian không ít hơn quy trình được gọi, hoặc nêu đúng phần được gọi trong «calls_part»",
    )
    example = read_example(__file__, "QMS305")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            if not step.calls or step.calls not in ctx.catalogue or step.calls == ctx.process.code:
                continue  # unknown codes are the loader's finding; self-calls are QMS106's
            called = ctx.catalogue.graph(step.calls)
            part = step.calls_part
            start, stop = (part.starts_at, part.stops_at) if part else (None, None)
            missing = [end for end in (start, stop) if end is not None and end not in called.process.steps_by_id]
            if missing:
                problem = pgettext("QMS305", "không có bước «{missing}» trong quy trình đó").format(missing=missing[0])
                yield self.at_step(ctx, step.id, "calls_part", called=step.calls, problem=problem)
                continue
            needed = called.longest_path_avoiding((), start, stop)
            if step.duration is None or needed is None or needed.minutes <= step.duration.minutes:
                continue  # a missing duration is QMS301's finding
            allowed, takes, path = duration_in_days(step.duration), working_days(needed.minutes), " → ".join(needed.steps)
            problem = pgettext("QMS305", "bước ghi {allowed} nhưng phần được gọi mất {takes} ({path})").format(
                allowed=allowed, takes=takes, path=path
            )
            yield self.at_step(ctx, step.id, "duration", called=step.calls, problem=problem)
