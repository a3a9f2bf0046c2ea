"""``qms audit --record AUDIT_ID``: the run's findings written into the audit's record, and what changed said."""

from __future__ import annotations

from pathlib import Path

from qms.audit.record import record_findings, signatories_of
from qms.audit.report import AuditReport
from qms.cli.common import err, fail, print_diagnostics, state, t
from qms.diagnostics import display_path
from qms.i18n import _, ngettext


def write_record(report: AuditReport, audits: Path, audit_id: str) -> None:
    """Update the record (exit 2 with the problems when it cannot be read or written), say what changed, and name
    the record's auditors and auditees in the report's signature block."""
    try:
        update, problems = record_findings(report, audits, audit_id, state.lang)
    except OSError as exc:
        fail(_("không ghi được {path}: {reason}").format(path=str(audits), reason=exc.strerror or str(exc)))
    if update is None:
        print_diagnostics(problems)
        fail(_("không ghi được phát hiện vào hồ sơ «{id}»").format(id=audit_id), _("sửa các lỗi trên rồi chạy lại"))
    if update.record is not None:
        report.signatories = signatories_of(update.record)
    path = display_path(update.path)
    if update.created:
        err.print(t(_("Đã lập hồ sơ {path} từ chương trình đánh giá"), path=path))
    if update.changed:
        err.print(
            t(_("Đã ghi vào {path}: {added}, {updated}"), path=path,
              added=ngettext("{n} phát hiện mới", "{n} phát hiện mới", len(update.added)).format(n=len(update.added)),
              updated=ngettext("{n} phát hiện cập nhật", "{n} phát hiện cập nhật", len(update.updated)).format(n=len(update.updated)))
        )  # fmt: skip
    else:
        err.print(t(_("Hồ sơ {path} đã đủ các phát hiện của lần chạy này: không thay đổi"), path=path))
    if update.no_longer_raised:
        err.print(
            t(_("Lần chạy này không còn nêu {ids}: vẫn giữ trong hồ sơ, đóng bằng hành động khắc phục và xác minh hiệu lực"),
              ids=", ".join(update.no_longer_raised))
        )  # fmt: skip
    for result in update.untagged:
        err.print(
            t(_("Không ghi «{scenario}» ({file}:{line}): tiêu chí không có thẻ điều khoản @iso9001-…; thêm thẻ để ghi vào hồ sơ"),
              scenario=result.scenario, file=display_path(result.file), line=result.line)
        )  # fmt: skip
