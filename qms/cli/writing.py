"""Writing a file a command was asked for: its folder made, a clear error (exit 2) when it cannot be written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qms.cli.common import err, fail, t
from qms.i18n import _


def write_file(action: Callable[[], None], path: Path) -> None:
    """Run ``action``, which writes ``path`` (its folder made first); exit 2 saying why if it cannot, else say it is written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        action()
    except OSError as exc:
        fail(_("không ghi được {path}: {reason}").format(path=str(path), reason=exc.strerror or str(exc)))
    err.print(t(_("Đã ghi {path}"), path=path))


__all__ = ["write_file"]
