"""Bilingual messages: Vietnamese in the code, English from a gettext catalogue.

Every user-facing sentence is written where it is used, in Vietnamese, inside ``_("…")``; a rule's
texts inside ``pgettext("QMS204", "…")`` (the rule code is the translators' context), a sentence whose
English changes with a count inside ``ngettext("…", "…", n)``. The English comes from
``qms/locale/en/LC_MESSAGES/qms.mo``, compiled from ``qms.po``: a gettext catalogue whose msgids are
the Vietnamese texts, kept current by ``scripts/i18n.sh`` (Babel) and translated in Poedit or Weblate
(docs/translating.md). A text missing from the catalogue shows in Vietnamese in both languages; the
tests forbid that.

Each call returns a :class:`Message` holding both renderings; the output layer picks one, so no
global "current language" state is needed.
"""

from __future__ import annotations

import gettext
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

DOMAIN = "qms"
# Shipped as package data (pyproject.toml); found the same way in an editable and a normal install.
LOCALE_DIR = Path(__file__).with_name("locale")


class Lang(StrEnum):
    VI = "vi"
    EN = "en"


class Message(NamedTuple):
    """One sentence in both languages."""

    vi: str
    en: str

    def get(self, lang: Lang | str) -> str:
        return self.en if Lang(lang) is Lang.EN else self.vi

    def format(self, /, **args: object) -> Message:
        """Both templates filled in; an argument that is itself a :class:`Message` gives each language its own text."""
        vi = {k: v.vi if isinstance(v, Message) else v for k, v in args.items()}
        en = {k: v.en if isinstance(v, Message) else v for k, v in args.items()}
        return Message(self.vi.format(**vi), self.en.format(**en))


# Read once; without a catalogue (a source tree where it was never compiled) every text stays Vietnamese.
_ENGLISH = gettext.translation(DOMAIN, LOCALE_DIR, languages=[Lang.EN.value], fallback=True)


def _(text: str) -> Message:
    """``text`` (Vietnamese) with its English translation."""
    # gettext("") would be the catalogue's header.
    return Message(text, _ENGLISH.gettext(text) if text else text)


def pgettext(context: str, text: str) -> Message:
    """``text`` translated in ``context``: a rule's code, or the place that gives a shared text another meaning."""
    return Message(text, _ENGLISH.pgettext(context, text) if text else text)


def ngettext(singular: str, plural: str, n: int) -> Message:
    """The text for ``n`` of something: Vietnamese has one form (``singular``), English the catalogue's form for ``n``.

    The count is not filled in: ``ngettext("{n} lỗi", "{n} lỗi", n).format(n=n)``.
    """
    return Message(singular, _ENGLISH.ngettext(singular, plural, n))


def npgettext(context: str, singular: str, plural: str, n: int) -> Message:
    """:func:`ngettext` in ``context`` (a rule's code)."""
    return Message(singular, _ENGLISH.npgettext(context, singular, plural, n))


def join(parts: list[Message], sep: str = "; ") -> Message:
    return Message(sep.join(p.vi for p in parts), sep.join(p.en for p in parts))


def day_text(day: date, lang: Lang | str) -> str:
    """A date as each edition writes it: «09/01/2026» in Vietnamese, «2026-01-09» (ISO 8601, unambiguous) in English."""
    return day.isoformat() if Lang(lang) is Lang.EN else day.strftime("%d/%m/%Y")
