"""One language per report: criteria written twice, in Vietnamese and in English, are run in the report's language.

Agencies keep an English translation of their criteria beside the Vietnamese (``features/en/``). Run together, a
Vietnamese report listed every criterion twice, half of them in English. When the criteria folder has files in the
report's language, the files in other languages are left out (and the report says how many); when it has none, all
run, since then they are the only criteria there are. A file's language is its Gherkin ``# language:`` line
(English when it has none and opens with an English keyword, as Gherkin says); a file whose language cannot be told
always runs, so that its error is reported rather than hidden.
"""

from __future__ import annotations

import re
from pathlib import Path

from qms.i18n import Lang

_LANGUAGE = re.compile(r"^\s*#\s*language\s*:\s*([A-Za-z-]+)\s*$")
_ENGLISH_FEATURE = re.compile(r"^(?:Feature|Business Need|Ability)\s*:")


def criteria_language(path: Path) -> str | None:
    """The Gherkin language of the feature file ``path``: its ``# language:`` line, else «en» if it opens with an
    English keyword; ``None`` when neither says (a file that will not parse: it runs, so its error is reported)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as stream:
            for line in stream:
                if match := _LANGUAGE.match(line):
                    return match.group(1).lower()
                text = line.strip()
                if text and not text.startswith(("#", "@")):
                    return "en" if _ENGLISH_FEATURE.match(text) else None
    except OSError:
        pass
    return None


def other_language_files(features: Path, lang: Lang) -> list[Path]:
    """The criteria files under the folder ``features`` to leave out of a report in ``lang`` (none for a single file)."""
    if not features.is_dir():
        return []
    files = sorted(features.rglob("*.feature"))
    chosen = lang.value
    if not any(criteria_language(f) == chosen for f in files):
        return []
    return [f for f in files if (language := criteria_language(f)) is not None and language != chosen]


__all__ = ["criteria_language", "other_language_files"]
