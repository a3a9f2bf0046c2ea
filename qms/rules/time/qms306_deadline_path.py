from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DeadlinePath(Rule):
    code = "QMS306"
    name = "deadline-path"
    severity = Severity.ERROR
    iso9001 = ("8.1",)
    title = Message(
        "Thời hạn đo được trên lưu đồ: có đường giữa các bước của «clock» và qua các bước của từng trường hợp",
        "Deadlines can be measured on the flowchart: a path joins the «clock» steps and passes each case's steps",
    )
    message = Message("thời hạn không đo được trên lưu đồ: {problem}", "the deadline cannot be measured on the flowchart: {problem}")
    rationale = Message(
        "Rule QMS302 so thời hạn với đường dài nhất giữa hai bước của «clock» và, với mỗi trường hợp trong «deadline_cases», "
        "với đường qua các bước của trường hợp đó. Nếu không có đường như vậy (hai bước «clock» viết ngược thứ tự, hoặc bước "
        "của trường hợp nằm ngoài khoảng tính thời hạn) thì thời hạn không được kiểm tra mà không ai biết (ISO 9001 8.1).",
        "Rule QMS302 compares each deadline with the longest path between the two «clock» steps and, for each case of "
        "«deadline_cases», with the path through that case's steps. Without such a path (the clock steps written the wrong "
        "way round, or a case's steps outside the counted span) the deadline would silently go unchecked (ISO 9001 8.1).",
    )
    fix = Message(
        "kiểm tra thứ tự «starts_at» / «stops_at» và các bước trong «through» của trường hợp",
        "check the order of «starts_at» / «stops_at» and the steps listed under the case's «through»",
    )
    example = read_example(__file__, "QMS306")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process, graph = ctx.process, ctx.graph
        if graph.longest_path is None:
            return  # no start or no end at all: QMS101/QMS103 say so
        clock = process.clock
        if clock is not None and graph.longest_path_avoiding((), clock.starts_at, clock.stops_at) is None:
            start, stop = clock.starts_at or "…", clock.stops_at or "…"
            problem = Message(f"không có đường từ bước «{start}» đến bước «{stop}» của «clock»", f"no path leads from step «{start}» to step «{stop}» of «clock»")
            yield self.finding(ctx, ctx.location("clock"), problem=problem)
            return
        for bound in graph.deadline_paths:
            if bound.path is None and bound.case is not None:
                problem = Message(
                    f"trường hợp «{bound.case.vi}»: không có đường nào qua các bước trong «through» (trong khoảng tính thời hạn)",
                    f"case «{bound.case.en}»: no path passes its «through» steps (within the counted span)",
                )
                yield self.finding(ctx, ctx.location(*bound.field[:-1], "through"), problem=problem)
