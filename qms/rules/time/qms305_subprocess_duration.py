from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.time import duration_in_days, working_days


class SubprocessDuration(Rule):
    code = "QMS305"
    name = "subprocess-duration"
    severity = Severity.WARNING
    iso9001 = ("8.1", "4.4.1 b")
    title = Message(
        "Thời gian của bước gọi quy trình con đủ cho quy trình con (hoặc phần được gọi)",
        "A sub-process step allows the time the called process (or the part called) takes",
    )
    message = Message("bước «{step_id}» gọi {called}: {problem}", "step «{step_id}» calls {called}: {problem}")
    rationale = Message(
        "Khi một bước giao việc cho quy trình khác (ví dụ ban hành quyết định theo quy trình văn thư), thời gian ghi cho bước "
        "đó được cộng vào thời hạn của quy trình gọi. Nếu quy trình được gọi cần lâu hơn, thời hạn tính trên giấy là sai và "
        "hồ sơ sẽ trễ (ISO 9001 8.1; tương tác giữa các quá trình, 4.4.1 b). «calls_part» giới hạn phần được gọi giữa hai "
        "bước của quy trình con.",
        "When a step hands work to another process (e.g. issuing a decision through the document process), the time written "
        "on the step is what the calling process's deadline counts. If the called process needs longer, the deadline on "
        "paper is wrong and cases will be late (ISO 9001 8.1; interaction of processes, 4.4.1 b). «calls_part» limits the "
        "call to the part between two steps of the called process.",
    )
    fix = Message(
        "ghi cho bước thời gian không ít hơn quy trình được gọi, hoặc nêu đúng phần được gọi trong «calls_part»",
        "give the step at least the time the called process takes, or name the part called under «calls_part»",
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
                problem = Message(f"không có bước «{missing[0]}» trong quy trình đó", f"it has no step «{missing[0]}»")
                yield self.at_step(ctx, step.id, "calls_part", called=step.calls, problem=problem)
                continue
            needed = called.longest_path_avoiding((), start, stop)
            if step.duration is None or needed is None or needed.minutes <= step.duration.minutes:
                continue  # a missing duration is QMS301's finding
            allowed, takes, path = duration_in_days(step.duration), working_days(needed.minutes), " → ".join(needed.steps)
            problem = Message(f"bước ghi {allowed.vi} nhưng phần được gọi mất {takes.vi} ({path})", f"the step allows {allowed.en} but the part called takes {takes.en} ({path})")
            yield self.at_step(ctx, step.id, "duration", called=step.calls, problem=problem)
