"""Babel extraction method for qms's Python sources (``babel.cfg``, ``scripts/i18n.sh``).

Babel's own Python extractor reads tokens, and before Python 3.12 a whole f-string is one token: it
would miss a ``_("…")`` written inside an f-string's braces, as in ``f"[red]{_t(_('…'))}[/]"``. This
one walks the syntax tree, so it sees every call of a keyword function (``_``, ``pgettext``,
``ngettext``, ``npgettext``) wherever it is written. Arguments that are not string literals are passed
to Babel as ``None``, which skips the call with a warning (a msgid must be written out to be extracted); a call
with an empty text (``_("")``, the empty message) is no msgid and is skipped.
Comments starting with a comment tag (``# TRANSLATORS: …``) on the lines just above a call reach the
translators.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any


def extract(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    source = fileobj.read()
    tree = ast.parse(source)
    comments = _comments(source)
    calls = [
        (node, node.func.id)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in keywords
    ]
    for call, name in sorted(calls, key=lambda c: (c[0].lineno, c[0].col_offset)):
        args = tuple(a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in call.args)
        if "" in args:
            continue  # _("") is the empty Message (qms.i18n), not a text to translate
        yield call.lineno, name, args, _tagged(comments, call.lineno, comment_tags)


def _comments(source: bytes) -> dict[int, tuple[str, bool]]:
    """Line -> (comment text, whether the comment is all the line holds)."""
    found: dict[int, tuple[str, bool]] = {}
    for token in tokenize.tokenize(io.BytesIO(source).readline):
        if token.type == tokenize.COMMENT:
            alone = not token.line[: token.start[1]].strip()
            found[token.start[0]] = (token.string.lstrip("#").strip(), alone)
    return found


def _tagged(comments: dict[int, tuple[str, bool]], line: int, tags: Collection[str]) -> list[str]:
    """The translator comments just above ``line`` (a block of comment lines, the first one tagged)."""
    if not tags:
        return []
    block: list[str] = []
    above = line - 1
    while above in comments and comments[above][1]:
        block.insert(0, comments[above][0])
        above -= 1
    for start, text in enumerate(block):
        if any(text.startswith(tag) for tag in tags):
            return block[start:]
    return []
