"""Diagnostics for people: one line each, the way ruff prints them, or with the source line under it.

Every command prints diagnostics the same way (``qms validate`` and
``qms check`` alike), one per line::

    processes/QT-01.yaml:14:11: QMS020 lỗi: bước «tham-dihn» không tồn tại (gợi ý: có phải ý bạn là «tham-dinh»?)

``path:line:column: CODE`` first, as ruff, gcc and most linters print, so
that editors (a VS Code problem matcher), CI annotations and grep read it;
then the severity word (the toolkit has three severities and a failure
threshold, so a log must tell a warning from an error), the message and the
hint. That is the *concise* format. The *full* format prints the same first
line without the hint, then the source line with a caret under the column and
the hint below it, as ruff's full output does. A terminal gets the full format
and anything else (a pipe, a file, a CI log) the concise one, unless asked.

User text (file names, values) is shown escaped, so it cannot steer the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text

from qms.diagnostics import Diagnostic, Severity, visible
from qms.i18n import Lang, _
from qms.load.source import SourceError, read_bytes


class TextFormat(StrEnum):
    """How diagnostics are printed for people."""

    CONCISE = "concise"  # one line each
    FULL = "full"  # the line, the source line with a caret, the hint


def text_format(requested: str | None, terminal: bool) -> TextFormat:
    """``concise`` or ``full`` as asked; otherwise (``human``, ``auto``, nothing) full on a terminal, concise elsewhere."""
    if requested in (TextFormat.CONCISE, TextFormat.FULL):
        return TextFormat(requested)
    return TextFormat.FULL if terminal else TextFormat.CONCISE


SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WAIVER = _("miễn áp dụng")
_WIDE = 160  # a source line longer than this is shown as a window around the column
_CONTEXT = 60  # characters kept before the column in such a window


def diagnostic_line(diagnostic: Diagnostic, lang: Lang | str, with_detail: bool = True) -> Text:
    """The diagnostic's line, styled; its plain text is :meth:`Diagnostic.render` (without the detail if asked)."""
    where = visible(str(diagnostic.location))
    message = visible(diagnostic.message.get(lang))
    detail = visible(diagnostic.detail(lang)) if with_detail else ""
    if diagnostic.waived:
        return Text(f"{where}: {diagnostic.code} {diagnostic.label(lang)}: {message}{detail}", style="dim")
    return Text.assemble(
        (where, "bold"),
        ": ",
        (diagnostic.code, "dim"),
        " ",
        (diagnostic.label(lang), SEVERITY_STYLE[diagnostic.severity]),
        ": ",
        message,
        (detail, "dim"),
    )


class SourceLines:
    """The lines of the files diagnostics point into, each file read once.

    Only what the loader would read is read (a regular file of bounded size,
    opened without blocking): a diagnostic about a named pipe or a device must
    not hang the printing of it. A file that cannot be read shows no source.
    """

    def __init__(self) -> None:
        self._files: dict[Path, list[str] | None] = {}

    def line(self, path: Path, number: int) -> str | None:
        path = Path(path)
        if path not in self._files:
            self._files[path] = self._read(path)
        lines = self._files[path]
        return lines[number - 1] if lines is not None and 0 < number <= len(lines) else None

    @staticmethod
    def _read(path: Path) -> list[str] | None:
        try:
            raw = read_bytes(path)
        except (SourceError, OSError, ValueError):
            return None
        return raw.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n").split("\n")


def snippet(diagnostic: Diagnostic, sources: SourceLines) -> list[Text]:
    """The source line of the diagnostic with a caret under its column, in a numbered gutter."""
    loc = diagnostic.location
    source = sources.line(loc.path, loc.line)
    if source is None or not source.strip():
        return []
    column = max(loc.column - 1, 0)
    before, after = source[:column], source[column:]
    if len(source) > _WIDE:  # a window: the column stays in sight
        before = "…" + before[-_CONTEXT:] if len(before) > _CONTEXT else before
        after = after[: _WIDE - _CONTEXT] + "…" if len(after) > _WIDE - _CONTEXT else after
    # Escaping and tab expansion work character by character: the shown prefix is the prefix of the shown line.
    shown_before = visible(before, keep="\t").expandtabs(4)
    shown = visible(before + after, keep="\t").expandtabs(4)
    number = str(loc.line)
    gutter = " " * len(number)
    return [
        Text(f"{gutter} |", style="blue"),
        Text.assemble((f"{number} | ", "blue"), shown.rstrip()),
        Text.assemble((f"{gutter} | ", "blue"), " " * cell_len(shown_before), ("^", SEVERITY_STYLE[diagnostic.severity])),
        Text(f"{gutter} |", style="blue"),
    ]


def _full(diagnostic: Diagnostic, lang: Lang | str, sources: SourceLines) -> list[Text]:
    lines = [diagnostic_line(diagnostic, lang, with_detail=False), *snippet(diagnostic, sources)]
    indent = " " * (len(str(diagnostic.location.line)) + 1)
    if diagnostic.waiver is not None:
        reason = f"{diagnostic.waiver.reason.get(lang)} ({diagnostic.waiver.approved_by})"
        lines.append(Text(f"{indent}= {_WAIVER.get(lang)}: {visible(reason)}", style="dim"))
    elif diagnostic.hint is not None:
        lines.append(Text.assemble(f"{indent}= ", (f"{_('gợi ý').get(lang)}: ", "bold"), visible(diagnostic.hint.get(lang))))
    return lines


def diagnostics_text(
    diagnostics: Iterable[Diagnostic],
    lang: Lang | str,
    fmt: TextFormat = TextFormat.CONCISE,
    sources: SourceLines | None = None,
    styled: bool = True,
) -> Text | None:
    """All the diagnostics as one text, in the order given (printed at once: one print per line is slow by thousands).

    ``styled=False`` (output without colours: a pipe, a file, ``NO_COLOR``) skips building styles no one will see.
    """
    if fmt is TextFormat.CONCISE and not styled:
        text = "\n".join(d.render(lang) for d in diagnostics)
        return Text(text) if text else None
    lines: list[Text] = []
    if fmt is TextFormat.CONCISE:
        lines = [diagnostic_line(d, lang) for d in diagnostics]
    else:
        sources = sources or SourceLines()
        for d in diagnostics:
            lines += [*_full(d, lang, sources), Text("")]
    return Text("\n").join(lines) if lines else None
