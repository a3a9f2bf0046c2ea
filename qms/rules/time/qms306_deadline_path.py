from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message, pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DeadlinePath(Rule):
    code = "QMS306"
    name = "deadline-path"
    severity = Severity.ERROR
    iso9001 = ("8.1",)
    title = pgettext(
        "QMS306",
        "Thời hạn đo được trên lưu đồ: có đường giữa các bước của «clock» và qua các bước của từng trường hợp",
    )
    message = pgettext("QMS306", "thời hạn không đo được trên lưu đồ: {problem}")
    rationale = pgettext(
        "QMS306",
        "Rule QMS302 so thời hạn với đường dài nhất giữa hai bước của «clock» và, với mỗi trường hợp trong «deadline_cases», "
        "với đường qua các bước của trường hợp đó. Nếu không có đường như vậy (hai bước «clock» viết ngược thứ tự, hoặc bước "
        "của trường hợp nằm ngoài khoảng tính thời hạn) thì thời hạn không được kiểm tra mà không ai biết (ISO 9001 8.1).",
    )
    fix = pgettext(
        "QMS306",
        "kiểm tra thứ tự «starts_at» / «stops_at» và các bước trong «through» của trường hợp",
    )
    example = read_example(__file__, "QMS306")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process, graph = ctx.process, ctx.graph
        if graph.longest_path is None:
            return  # no start or no end at all: QMS101/QMS103 say so
        clock = process.clock
        if clock is not None and graph.longest_path_avoiding((), clock.starts_at, clock.stops_at) is None:
            start, stop = clock.starts_at or "…", clock.stops_at or "…"
            problem = pgettext("QMS306", "không có đường từ bước «{start}» đến bước «{stop}» của «clock»").format(start=start, stop=stop)
            yield self.finding(ctx, ctx.location("clock"), problem=problem)
            return
        for bound in graph.deadline_paths:
            if bound.path is None and bound.case is not None:
                case = Message(bound.case.vi, bound.case.get("en"))  # a Text: its English may be missing
                problem = pgettext(
                    "QMS306",
                    "trường hợp «{case}»: không có đường nào qua các bước trong «through» (trong khoảng tính thời hạn)",
                ).format(case=case)
                yield self.finding(ctx, ctx.location(*bound.field[:-1], "through"), problem=problem)
