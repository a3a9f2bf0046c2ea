from collections.abc import Iterator
from itertools import pairwise

from qms.diagnostics import Severity
from qms.domain import ISSUED
from qms.i18n import pgettext
from qms.model import Status
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.documents import day, version_key
from qms.rules.example_files import read_example


class RevisionHistory(Rule):
    code = "QMS502"
    name = "revision-history"
    severity = Severity.ERROR
    iso9001 = ("7.5.3.2",)
    title = pgettext(
        "QMS502",
        "Lịch sử sửa đổi đầy đủ, theo thứ tự và khớp với phiên bản hiện hành",
    )
    message = pgettext("QMS502", "lịch sử sửa đổi: {problem}")
    rationale = pgettext(
        "QMS502",
        "ISO 9001 7.5.3.2 c yêu cầu kiểm soát thay đổi (kiểm soát phiên bản). Bảng «Theo dõi sửa đổi» chỉ là bằng chứng khi "
        "mỗi lần ban hành có một dòng, các dòng xếp theo thứ tự phiên bản tăng dần (so sánh theo từng số: 1.10 sau 1.9) và "
        "ngày không lùi lại, và dòng cuối cùng là phiên bản đang áp dụng. Quy trình đã phê duyệt phải có ít nhất một dòng "
        "(lần ban hành đầu). Với dự thảo, dòng cuối có thể là phiên bản trước (thay đổi chưa ghi) nhưng không được mới hơn "
        "phiên bản của chính quy trình.",
    )
    fix = pgettext(
        "QMS502",
        "ghi mỗi lần ban hành một dòng trong «revisions» theo thứ tự thời gian, dòng cuối cùng có «version» bằng «version» của quy trình",
    )
    example = read_example(__file__, "QMS502")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        revisions = process.revisions
        if not revisions:
            if process.status is Status.APPROVED:
                problem = pgettext(
                    "QMS502",
                    "quy trình đã phê duyệt nhưng chưa có dòng nào trong «revisions» (kể cả lần ban hành đầu)",
                )
                yield self.finding(ctx, ctx.location("status"), problem=problem)
            return
        out_of_order: set[int] = set()
        for i, (before, entry) in enumerate(pairwise(revisions), start=1):
            if version_key(entry.version) <= version_key(before.version):
                out_of_order.add(i)
                problem = pgettext(
                    "QMS502",
                    "phiên bản {entry_version} không lớn hơn phiên bản {before_version} ghi ngay trên; xếp các dòng theo phiên bản tăng dần",
                ).format(entry_version=entry.version, before_version=before.version)
                yield self.finding(ctx, ctx.location("revisions", i, "version"), problem=problem)
            if entry.date < before.date:
                when, earlier = day(entry.date), day(before.date)
                problem = pgettext(
                    "QMS502",
                    "ngày {when} của phiên bản {version} sớm hơn ngày {earlier} của dòng ngay trên",
                ).format(when=when, version=entry.version, earlier=earlier)
                yield self.finding(ctx, ctx.location("revisions", i, "date"), problem=problem)
        last = len(revisions) - 1
        if last in out_of_order:  # reordering the lines fixes that one first
            return
        latest, current = version_key(revisions[last].version), version_key(process.version)
        if latest > current or (latest != current and process.status in ISSUED):
            problem = pgettext(
                "QMS502",
                "dòng cuối ghi phiên bản {last_revisions_version} nhưng quy trình đang ở phiên bản {process_version}",
            ).format(last_revisions_version=revisions[last].version, process_version=process.version)
            yield self.finding(ctx, ctx.location("revisions", last, "version"), problem=problem)
