"""Where each value of a loaded YAML document was written, and the error of a file that cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qms.diagnostics import Diagnostic, Location

Path_ = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each value of a loaded document was written.

    Paths are tuples of mapping keys and list indexes, as pydantic reports
    them in ``ValidationError.errors()[i]["loc"]``.
    """

    path: Path
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def value(self, loc: Path_) -> Location:
        """Location of the value at ``loc``, or of its nearest written ancestor."""
        return self._lookup(self.values, loc)

    def key(self, loc: Path_) -> Location:
        """Location of the key that introduces ``loc`` (falls back to its value)."""
        if loc in self.keys:
            return self._at(self.keys[loc])
        return self.value(loc)

    def _lookup(self, table: dict[Path_, tuple[int, int]], loc: Path_) -> Location:
        loc = tuple(loc)
        while loc:
            if loc in table:
                return self._at(table[loc])
            loc = loc[:-1]
        return self._at(table.get((), (1, 1)))

    def _at(self, pos: tuple[int, int]) -> Location:
        return Location(self.path, pos[0], pos[1])


@dataclass
class Document:
    data: Any
    source: SourceMap


class SourceError(Exception):
    """The file cannot be turned into values; carries one diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


__all__ = ["Document", "Path_", "SourceError", "SourceMap"]
