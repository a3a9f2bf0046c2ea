"""Reading a process file's bytes safely, and decoding them.

Only regular files are read, and at most ``MAX_FILE_BYTES`` of them: a named
pipe or a device (``/dev/zero`` through a link) is refused without opening it.
Every problem is a :class:`~qms.load.source_map.SourceError` with one QMS001
or QMS002 diagnostic, never another exception.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

from qms.diagnostics import Diagnostic, LoadCode, Location, error
from qms.i18n import Message, _
from qms.load.limits import MAX_FILE_BYTES
from qms.load.source_map import SourceError


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The content of ``path``, which must be a regular file (or a link to one) of at most ``max_bytes``.

    A named pipe would block the read until something writes to it (for
    ever, in CI), and a device such as ``/dev/zero`` reports size 0 but never
    ends: so the target's type is checked before opening, the file is opened
    without blocking and checked again (it may have been swapped meanwhile),
    and at most ``max_bytes + 1`` bytes are read whatever the size says.
    """
    try:
        info = os.stat(path)  # follows symbolic links: it is the target that is read
    except OSError as exc:
        raise SourceError(unreachable(path, exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(not_regular(path, info.st_mode))
    if info.st_size > max_bytes:
        raise SourceError(
            error(
                LoadCode.FILE,
                Location(path),
                _("tệp quá lớn ({size} byte; tối đa {limit} byte)").format(size=info.st_size, limit=max_bytes),
                _("một quy trình thường chỉ vài chục KB; hãy tách thành các quy trình con"),
            )
        )
    try:
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
    except OSError as exc:
        raise SourceError(unreachable(path, exc)) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise SourceError(not_regular(path, mode))
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(
            error(LoadCode.FILE, Location(path), _("không đọc được tệp: {error}").format(error=exc.strerror or exc))
        ) from None
    if len(raw) > max_bytes:  # it grew after the size was read
        raise SourceError(
            error(
                LoadCode.FILE,
                Location(path),
                _("tệp quá lớn (hơn {max_bytes} byte)").format(max_bytes=max_bytes),
                _("một quy trình thường chỉ vài chục KB; hãy tách thành các quy trình con"),
            )
        )
    return raw


# O_NONBLOCK: opening a named pipe must not wait for a writer (the type check before opening can be raced).
_OPEN_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_KINDS: list[tuple[Any, Message]] = [
    (stat.S_ISDIR, _("một thư mục")),
    (stat.S_ISFIFO, _("một ống có tên (FIFO)")),
    (stat.S_ISCHR, _("một thiết bị ký tự")),
    (stat.S_ISBLK, _("một thiết bị khối")),
    (stat.S_ISSOCK, _("một socket")),
]


def not_regular(path: Path, mode: int) -> Diagnostic:
    """QMS001 for a path whose target is not a regular file: never opened, since reading it could block or never end."""
    kind = next((name for test, name in _KINDS if test(mode)), _("một tệp đặc biệt"))
    via = _link_target(path)
    via_text = _(" (liên kết tới «{via}»)").format(via=via) if via else Message("", "")
    return error(
        LoadCode.FILE,
        Location(path),
        _("«{path}» không phải tệp thông thường mà là {kind}{via_text}: không đọc").format(path=path, kind=kind, via_text=via_text),
        _("chỉ đọc tệp .yaml/.yml thông thường; hãy xoá nó, hoặc đổi tên bắt đầu bằng «_» để được bỏ qua"),
    )


def unreachable(path: Path, exc: OSError) -> Diagnostic:
    """QMS001 for a path that cannot be looked at: a symbolic link loop, a link to nothing, or the system's reason."""
    if exc.errno == errno.ELOOP:
        return error(
            LoadCode.FILE,
            Location(path),
            _("«{path}» là liên kết tượng trưng lặp vòng: qua các liên kết, nó trỏ về chính nó").format(path=path),
            _("xoá liên kết, hoặc cho nó trỏ tới một tệp hay thư mục có thật («ls -l» cho biết nó trỏ đi đâu)"),
        )
    target = _link_target(path)
    if exc.errno == errno.ENOENT and target is not None:
        return error(
            LoadCode.FILE,
            Location(path),
            _("«{path}» là liên kết tượng trưng tới «{target}», nơi không tồn tại").format(path=path, target=target),
            _("sửa hoặc xoá liên kết"),
        )
    return error(LoadCode.FILE, Location(path), _("không đọc được tệp: {error}").format(error=exc.strerror or exc))


def _link_target(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


def decode(raw: bytes, path: Path) -> str:
    """Decode bytes as UTF-8 (a BOM is accepted), pointing at the first bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # Windows editors sometimes save "Unicode" as UTF-16 with a BOM.
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise SourceError(error(LoadCode.FILE, Location(path, line, 1), _("tệp chứa byte NUL, không phải tệp văn bản YAML")))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise SourceError(
            error(
                LoadCode.ENCODING,
                Location(path, line, column),
                _("tệp không phải UTF-8: byte 0x{byte} không hợp lệ").format(byte=f"{raw[exc.start]:02X}"),
                _(
                    "tệp có thể được lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC, VNI); "
                    "hãy mở bằng trình soạn thảo và lưu lại với mã hoá UTF-8"
                ),
            )
        ) from None


__all__ = ["decode", "not_regular", "read_bytes", "unreachable"]
