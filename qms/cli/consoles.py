"""The two consoles every command prints on: ``out`` (standard output) and ``err`` (standard error)."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.text import Text

from qms.diagnostics import visible

# Piped output (CI logs, files) gets a wide fixed width instead of Rich's 80 columns, so tables stay readable.
_WIDTH = None if sys.stdout.isatty() else 160


class _Console(Console):
    """A Rich console that the text it prints cannot steer.

    File names, keys and values echoed in messages are user input, and an
    escape sequence in one (ESC [ 2 J clears the screen) would act on the
    terminal. Every string printed, table cells included, passes through
    ``render_str``, which shows such characters as escapes (``\\x1b``); the
    line breaks and tabs of multi-line messages are kept. (Rich ``Text``
    built by :mod:`qms.report` is escaped there already.)
    """

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(visible(text, keep="\n\t"), **kwargs)


# soft_wrap: one diagnostic stays on one line, so editors and grep can parse it.
out = _Console(soft_wrap=True, highlight=False, width=_WIDTH)
err = _Console(stderr=True, soft_wrap=True, highlight=False, width=_WIDTH)
