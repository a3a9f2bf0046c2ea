from collections import deque
from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class ReleaseAfterCheck(Rule):
    code = "QMS606"
    name = "release-after-check"
    severity = Severity.WARNING
    iso9001 = ("8.6", "8.5.1")
    title = pgettext(
        "QMS606",
        "Mọi đường đi từ bước bắt đầu tới bước kết thúc đều qua ít nhất một bước kiểm tra",
    )
    message = pgettext(
        "QMS606",
        "có thể đi tới bước kết thúc «{step_id}» mà không qua bước kiểm tra (decision) nào, theo đường: {path}",
    )
    rationale = pgettext(
        "QMS606",
        "Kết quả chỉ được chuyển cho người dân hay đơn vị khác sau khi đã được kiểm tra là đạt (ISO 9001 8.5.1, 8.6: việc "
        "chuyển giao chỉ thực hiện khi các hoạt động kiểm tra đã hoạch định hoàn thành [chưa xác minh / unconfirmed: diễn "
        "giải điều 8.6 theo trí nhớ]). Trong lưu đồ, việc kiểm tra là một bước quyết định (đạt / không đạt); một đường đi "
        "tới kết thúc mà không qua bước quyết định nào là kết quả được phát hành mà không ai xác nhận.",
    )
    fix = pgettext(
        "QMS606",
        "thêm một bước «type: decision» (ví dụ «Kiểm tra kết quả trước khi trả») trên đường đi đó, với nhánh không đạt dẫn về bước sửa",
    )
    example = read_example(__file__, "QMS606")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        graph = ctx.graph
        ends = set(graph.ends)
        # Walk from each start without entering decisions: whatever end this reaches is reached unchecked.
        # The parent links give one such path to show the officer.
        parent: dict[str, str | None] = {start: None for start in graph.starts}
        frontier = deque(graph.starts)  # a list's pop(0) moves every other entry: quadratic on long chains
        while frontier:
            node = frontier.popleft()
            for nxt in graph.successors(node):
                if nxt not in parent and graph.step(nxt).type is not StepType.DECISION:
                    parent[nxt] = node
                    frontier.append(nxt)
        for step in ctx.process.steps:
            if step.id in ends and step.id in parent:
                yield self.at_step(ctx, step.id, "id", path=" → ".join(_path_to(step.id, parent)))


def _path_to(step_id: str, parent: dict[str, str | None]) -> list[str]:
    path: list[str] = []
    node: str | None = step_id
    while node is not None:
        path.append(node)
        node = parent[node]
    return path[::-1]
