from collections.abc import Iterator
from itertools import pairwise

from qms.diagnostics import Severity
from qms.domain import ISSUED
from qms.i18n import Message
from qms.model import Status
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.documents import day, version_key
from qms.rules.example_files import read_example


class RevisionHistory(Rule):
    code = "QMS502"
    name = "revision-history"
    severity = Severity.ERROR
    iso9001 = ("7.5.3.2",)
    title = Message(
        "Lịch sử sửa đổi đầy đủ, theo thứ tự và khớp với phiên bản hiện hành",
        "The revision history is complete, in order and ends at the current version",
    )
    message = Message("lịch sử sửa đổi: {problem}", "revision history: {problem}")
    rationale = Message(
        "ISO 9001 7.5.3.2 c yêu cầu kiểm soát thay đổi (kiểm soát phiên bản). Bảng «Theo dõi sửa đổi» chỉ là bằng chứng khi "
        "mỗi lần ban hành có một dòng, các dòng xếp theo thứ tự phiên bản tăng dần (so sánh theo từng số: 1.10 sau 1.9) và "
        "ngày không lùi lại, và dòng cuối cùng là phiên bản đang áp dụng. Quy trình đã phê duyệt phải có ít nhất một dòng "
        "(lần ban hành đầu). Với dự thảo, dòng cuối có thể là phiên bản trước (thay đổi chưa ghi) nhưng không được mới hơn "
        "phiên bản của chính quy trình.",
        "ISO 9001 7.5.3.2 c requires control of changes (version control). The revision table is evidence only when each "
        "issue has a line, lines follow increasing versions (compared number by number: 1.10 after 1.9) with dates that "
        "never go back, and the last line is the version in use. An approved process has at least one line (its first "
        "issue). In a draft the last line may be the previous version (the change not yet recorded) but never newer than "
        "the process's own version.",
    )
    fix = Message(
        "ghi mỗi lần ban hành một dòng trong «revisions» theo thứ tự thời gian, dòng cuối cùng có «version» bằng «version» của quy trình",
        "write one line per issue under «revisions» in chronological order, the last one with the same «version» as the process",
    )
    example = read_example(__file__, "QMS502")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        revisions = process.revisions
        if not revisions:
            if process.status is Status.APPROVED:
                problem = Message(
                    "quy trình đã phê duyệt nhưng chưa có dòng nào trong «revisions» (kể cả lần ban hành đầu)",
                    "the process is approved but «revisions» has no line (not even the first issue)",
                )
                yield self.finding(ctx, ctx.location("status"), problem=problem)
            return
        out_of_order: set[int] = set()
        for i, (before, entry) in enumerate(pairwise(revisions), start=1):
            if version_key(entry.version) <= version_key(before.version):
                out_of_order.add(i)
                problem = Message(
                    f"phiên bản {entry.version} không lớn hơn phiên bản {before.version} ghi ngay trên; xếp các dòng theo phiên bản tăng dần",
                    f"version {entry.version} is not above version {before.version} on the line before; order the lines by increasing version",
                )
                yield self.finding(ctx, ctx.location("revisions", i, "version"), problem=problem)
            if entry.date < before.date:
                when, earlier = day(entry.date), day(before.date)
                problem = Message(
                    f"ngày {when.vi} của phiên bản {entry.version} sớm hơn ngày {earlier.vi} của dòng ngay trên",
                    f"the date {when.en} of version {entry.version} is before the date {earlier.en} of the line above",
                )
                yield self.finding(ctx, ctx.location("revisions", i, "date"), problem=problem)
        last = len(revisions) - 1
        if last in out_of_order:  # reordering the lines fixes that one first
            return
        latest, current = version_key(revisions[last].version), version_key(process.version)
        if latest > current or (latest != current and process.status in ISSUED):
            problem = Message(
                f"dòng cuối ghi phiên bản {revisions[last].version} nhưng quy trình đang ở phiên bản {process.version}",
                f"the last line records version {revisions[last].version} but the process is at version {process.version}",
            )
            yield self.finding(ctx, ctx.location("revisions", last, "version"), problem=problem)
