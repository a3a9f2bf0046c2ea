"""The limits a process file must keep: its size, its nesting depth, the nodes its aliases expand to.

They keep hostile or broken files (a multi-gigabyte file, ``[[[[...``, an alias bomb) from exhausting memory or
the stack; every honest process file is far inside them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from qms.diagnostics import Diagnostic, LoadCode, Location, error
from qms.i18n import _

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64


def node_budget(text: str) -> int:
    """How many nodes a document of ``text`` may create, aliases counted at their expanded size.

    Without aliases a node needs at least one character, so a budget proportional to the text admits every
    honest file.
    """
    return 4 * len(text) + 10_000


# libyaml 0.2.6 and newer stop at their own nesting limit (1,000 levels) while scanning ahead, before our
# builder has seen the events of level MAX_DEPTH; older releases have no limit. The problem text is libyaml's.
LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


def too_deep(text: str, path: Path, libyaml_mark: Any) -> Diagnostic:
    """The QMS005 our own limit gives, wherever libyaml's own limit stopped it first.

    PyYAML's pure-Python parser, which has no nesting limit, finds the first
    collection deeper than MAX_DEPTH, so the error (code, line, column) is the
    same whatever libyaml release is installed. It runs only on such files.
    """
    depth = 0
    mark = libyaml_mark
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the file has other faults further on; the depth is still what libyaml refused
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return error(
        LoadCode.UNSAFE_YAML,
        Location(path, line, column),
        _("cấu trúc lồng nhau quá sâu (hơn {limit} mức)").format(limit=MAX_DEPTH),
        _("một quy trình hợp lệ không cần lồng sâu như vậy; kiểm tra các dấu [ và { chưa đóng"),
    )


__all__ = ["LIBYAML_DEPTH_PROBLEM", "MAX_DEPTH", "MAX_FILE_BYTES", "node_budget", "too_deep"]
