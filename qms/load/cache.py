"""The results cache on disk (``.qms_cache/``), as ruff keeps one: one entry per process file, never trusted blindly.

An entry holds what reading, validating and checking one file gave, under the key it was computed for (the file's
content, and what the rest of the run it depended on: :mod:`qms.load.cached`, :mod:`qms.rules.cached`). The folder
is the project root's (where ``qms.toml`` is, else the current folder); it holds a ``.gitignore`` of ``*`` so that it
is never committed, and discovery never reads it (its name starts with a dot, and it is in the default exclusions).

An entry file is ``MAGIC``, a BLAKE2b digest of the rest, then a pickle. Pickle because it rebuilds our frozen
dataclasses and pydantic models ten times faster than JSON could be turned back into them (measured: 1,000 processes'
findings in 0.08 s); a pickle can call what it names, so it is read with an :class:`_Unpickler` that accepts only the
classes of qms and the few standard ones our results are made of. The digest catches a truncated or corrupted file
(an interrupted write, a disk error); the allow-list keeps an entry from running anything but constructors, should
someone else write into the folder (a folder the user owns, like ``__pycache__``, whose bytecode is run as is).
Anything wrong with an entry (missing, truncated, other format or qms version, other key) makes it a miss: it is
computed again and rewritten, atomically (a temporary file, then :func:`os.replace`). An unwritable folder is no
error either: the run goes on without a cache.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER = ".qms_cache"
FORMAT = 1  # raise when the layout of an entry changes: entries of another format are misses
MAGIC = b"QMSCACHE" + FORMAT.to_bytes(2, "big")
_DIGEST = 32
# What an entry may be rebuilt from besides qms's own classes (modules qms.*): paths, dates, containers, and
# the helpers pickle itself names for dataclasses, enums and pydantic models.
_STANDARD = {
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "Path"),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("decimal", "Decimal"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "object"),
    ("copyreg", "_reconstructor"),
    ("collections", "OrderedDict"),
}


def qms_version() -> str:
    """The version entries are written by: an entry of another version is stale (its rules may have changed).

    As ``qms.__version__`` gives it; asked here, since the package's ``__init__`` imports layers above this one.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("qms")
    except PackageNotFoundError:  # a source tree without installation: package_stamp tells its versions apart
        return "0.0.0+source"


def package_stamp() -> str:
    """The names, sizes and modification times of qms's own code and data (a rule or a translation edited in a source
    checkout changes results without changing the version); about 300 files, a few milliseconds."""
    package = Path(__file__).resolve().parents[1]
    parts: list[str] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".mo", ".yaml")):
                try:
                    info = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                parts.append(f"{os.path.relpath(os.path.join(folder, name), package)}:{info.st_size}:{info.st_mtime_ns}")
    return digest(*parts)


def digest(*parts: bytes | str) -> str:
    """A hex BLAKE2b digest of ``parts`` (each length-prefixed, so that parts never run into each other)."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if ((module == "qms" or module.startswith("qms.")) and not name.startswith("_")) or (module, name) in _STANDARD:
            found = super().find_class(module, name)
            if isinstance(found, type) or (module, name) == ("copyreg", "_reconstructor"):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a qms cache entry")


def loads(data: bytes) -> Any:
    """Unpickle ``data`` with the allow-list; raises :class:`pickle.UnpicklingError` (or another error) if refused."""
    return _Unpickler(io.BytesIO(data)).load()


@dataclass
class ResultCache:
    """The entries under ``folder``; ``salt`` (qms version, cache format) is part of every entry's check."""

    folder: Path
    salt: str
    writable: bool = True

    def get(self, name: str, key: str) -> Any | None:
        """The value stored for ``name`` under ``key``, or ``None`` when there is none that can be trusted."""
        try:
            raw = (self.folder / name).read_bytes()
        except OSError:
            return None
        head, body = raw[: len(MAGIC)], raw[len(MAGIC) + _DIGEST :]
        if head != MAGIC or raw[len(MAGIC) : len(MAGIC) + _DIGEST] != hashlib.blake2b(body, key=self._secret, digest_size=_DIGEST).digest():
            return None
        try:
            stored_key, value = loads(body)
        except Exception:  # a digest that matches a broken pickle: refuse it like any other bad entry
            return None
        return value if stored_key == key else None

    def put(self, name: str, key: str, value: Any) -> None:
        """Store ``value`` for ``name`` under ``key``, atomically; give up quietly (and for the run) if it cannot be written."""
        if not self.writable:
            return
        try:
            body = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):  # a result that cannot be kept: not kept
            return
        data = MAGIC + hashlib.blake2b(body, key=self._secret, digest_size=_DIGEST).digest() + body
        try:
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                os.replace(temporary, self.folder / name)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            self.writable = False

    @property
    def _secret(self) -> bytes:
        return hashlib.blake2b(self.salt.encode("utf-8")).digest()


def open_cache(root: Path) -> ResultCache | None:
    """The cache of the project at ``root`` (its folder made, with its ``.gitignore``), or ``None`` if it cannot be made."""
    folder = root / FOLDER / "files"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = root / FOLDER / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by qms: the results cache, never committed.\n*\n", encoding="utf-8")
        if not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None
    return ResultCache(folder, f"qms {qms_version()} {package_stamp()} format {FORMAT}")


def entry_name(path: Path) -> str:
    """The entry of the file ``path`` as given (the same file named another way has its own: diagnostics show the path)."""
    return digest(str(path), os.path.abspath(path)) + ".bin"


__all__ = ["FOLDER", "FORMAT", "ResultCache", "digest", "entry_name", "loads", "open_cache", "package_stamp", "qms_version"]
