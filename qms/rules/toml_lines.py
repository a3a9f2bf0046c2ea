"""The line and column of a key (or of a string in a key's list) in TOML text, to point at a configuration mistake."""

from __future__ import annotations

import re
import tomllib
from typing import Any

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*({_DOTTED})[ \t]*\]")
_ASSIGN = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")


def parts_of(dotted: str) -> tuple[str, ...]:
    parts = []
    for match in re.finditer(_KEY, dotted):
        token = match.group(0)
        parts.append(tomllib.loads(f"k = {token}")["k"] if token[0] in "\"'" else token)
    return tuple(parts)


class Locator:
    """Finds the line and column of a key path (and of a string in the key's list) in TOML text.

    A line scanner, not a parser: it follows ``[table]`` headers and ``dotted.key =`` assignments and skips
    multi-line strings, which is what configuration files contain. ``None`` when it cannot tell.
    """

    def __init__(self, text: str | None, prefix: tuple[str, ...]) -> None:
        self.lines = text.splitlines() if text else []
        self.prefix = prefix

    def __call__(self, keys: tuple[str | int, ...], value: Any = None) -> tuple[int | None, int | None]:
        names = self.prefix + tuple(k for k in keys if isinstance(k, str))
        found = self._key(names)
        if found is None:
            return None, None
        if isinstance(value, str) and isinstance(keys[-1] if keys else None, int):
            return self._string(value, found[0]) or found
        return found

    def _key(self, names: tuple[str, ...]) -> tuple[int, int] | None:
        table: tuple[str, ...] = ()
        best: tuple[int, tuple[int, int]] | None = None
        in_string = None
        for number, line in enumerate(self.lines, start=1):
            if in_string:
                if line.count(in_string) % 2:
                    in_string = None
                continue
            header = _HEADER.match(line)
            assign = None if header else _ASSIGN.match(line)
            if header:
                table = parts_of(header.group(1))
                path, column = table, header.start(1)
            elif assign:
                path, column = table + parts_of(assign.group(1)), assign.start(1)
            else:
                continue
            for quotes in ('"""', "'''"):
                if line.count(quotes) % 2:
                    in_string = quotes
            if path[: len(names)] == names:
                return number, column + 1
            if names[: len(path)] == path and (best is None or len(path) > best[0]):
                best = (len(path), (number, column + 1))  # an inline table or a header above the key
        return best[1] if best else None

    def _string(self, value: str, start: int) -> tuple[int, int] | None:
        pattern = re.compile(rf"""(["']){re.escape(value)}\1""")
        for number in range(start, len(self.lines) + 1):
            match = pattern.search(self.lines[number - 1])
            if match:
                return number, match.start() + 1
        return None
