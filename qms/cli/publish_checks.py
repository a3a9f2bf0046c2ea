"""``qms handbook publish``'s checks: a clean, committed working tree and processes without errors, or ``--force``."""

from __future__ import annotations

from pathlib import Path

from qms.cli.common import err, fail, project_config, state, t
from qms.cli.exit_codes import ExitCode
from qms.i18n import _


def checked_commit(config_file: Path, force: bool) -> tuple[str | None, str | None]:
    """The commit to record and, when publishing despite failed checks (``force``), why: the banner's text.

    Without ``force`` a failed check ends the command (exit 1), saying what to do.
    """
    from qms.handbook.publishing import check_before_publishing, processes_of

    if not config_file.is_file():
        fail(_("không tìm thấy tệp hoặc thư mục «{path}»").format(path=config_file), _("chỉ ra tệp mkdocs.yml bằng --config-file"))
    processes = processes_of(config_file)
    project_config(start=processes if processes.is_dir() else processes.parent)  # a wrong configuration: exit 2 at its line
    check = check_before_publishing(config_file.parent, processes)
    reasons = [reason.get(state.lang) for reason in check.reasons(state.lang)]
    if not reasons:
        return check.commit, None
    for reason in reasons:
        err.print(reason, style="red" if not force else "yellow", markup=False, highlight=False)
    if not force:
        fail(
            _("chưa phát hành: phiên bản sổ tay là tài liệu được kiểm soát"),
            _("commit các thay đổi và sửa lỗi («qms check»), hoặc chạy lại với --force (mọi trang sẽ ghi là chưa đạt kiểm tra)"),
            code=ExitCode.FINDINGS,
        )
    err.print(t(_("Vẫn phát hành (--force): mọi trang sẽ ghi rõ điều này.")), style="yellow")
    return check.commit, "; ".join(reasons)


__all__ = ["checked_commit"]
