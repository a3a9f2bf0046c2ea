"""The closest known step phrases for a step nobody defined (difflib over the registered phrases)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from qms.audit.steps import PHRASES, display_template
from qms.i18n import Lang
from qms.model.values import fold

_FIELD = re.compile(r"\{[^{}]*\}")
_QUOTED = re.compile(r'"[^"]*"')
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?\s*%?")
_SPACES = re.compile(r"\s+")
# pytest-bdd's own debugging step, not a criterion phrase.
_IGNORED = {"trace"}


def _shape(text: str) -> str:
    """What is left of a phrase once its values are taken out: the words an auditor chose."""
    text = _FIELD.sub("", text)
    text = _QUOTED.sub('""', text)
    text = _NUMBER.sub("", text)
    return _SPACES.sub(" ", fold(text)).strip()


def registered_templates() -> list[str]:
    """Templates of every step definition pytest-bdd knows: ours and a project's own."""
    from pytest_bdd.steps import step_function_context_registry

    seen: dict[str, None] = {}
    for context in list(step_function_context_registry.values()):
        name = context.parser.name
        if name not in _IGNORED:
            seen.setdefault(name, None)
    return list(seen)


def suggest(text: str, lang: Lang | str | None = None, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to ``n`` phrases closest to ``text``, in display form, preferring the feature file's language."""
    templates = registered_templates()
    if lang is not None:
        wanted = Lang(lang) if lang in (Lang.VI, Lang.EN) else None
        same = [t for t in templates if t not in PHRASES or PHRASES[t].lang is wanted]
        templates = same or templates
    shape = _shape(text)
    scored = []
    for template in templates:
        score = SequenceMatcher(None, shape, _shape(template), autojunk=False).ratio()
        if score >= cutoff:
            scored.append((score, display_template(template)))
    scored.sort(key=lambda pair: -pair[0])
    found: list[str] = []
    for _, display in scored:
        if display not in found:
            found.append(display)
    return found[:n]
