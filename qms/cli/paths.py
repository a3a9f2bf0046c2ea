"""The files or folders a checking command was given (or its default folder), each checked to exist first (exit 2)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qms.cli.common import fail
from qms.i18n import _


def existing_paths(paths: Sequence[Path] | None, default: str) -> list[Path]:
    """``paths``, or ``[default]`` when none is given; exit 2 naming the first that does not exist."""
    given = list(paths) if paths else [Path(default)]
    for path in given:
        if not path.exists():
            fail(_("không có tệp hay thư mục «{path}»").format(path=str(path)), _("kiểm tra đường dẫn"))
    return given


__all__ = ["existing_paths"]
