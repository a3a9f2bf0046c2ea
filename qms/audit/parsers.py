"""Typed values in step phrases, shared by the Vietnamese and English step libraries.

A phrase is written once with typed fields, e.g.
``'hồ sơ "{record:Ma}" được lưu ít nhất {years:So} năm'``, and compiled by
:func:`vi` or :func:`en` into a pytest-bdd ``parsers.cfparse`` parser with
:data:`TYPES` as ``extra_types``. One phrase then serves every process,
record and number an auditor writes.

Converters never raise: a value that has the right shape but does not
parse (``5 ngay`` for a duration) becomes :class:`Invalid`, and the step
raises a :class:`~qms.audit.errors.CriterionError` naming the value. Had
the converter raised, pytest-bdd would report the step as unknown, which
misleads the auditor.

Phrases also carry their language, so that the suggestions for an unknown
step come from the library of the feature file's language, and a display
form (``hồ sơ "<hồ sơ>" được lưu ít nhất <số> năm``) for the phrase list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeVar

from parse import with_pattern
from pytest_bdd import parsers

from qms.audit.errors import CriterionError, bilingual
from qms.diagnostics import Severity
from qms.i18n import Lang, Message, msg
from qms.model import Status
from qms.model.values import Duration, fold

T = TypeVar("T")


@dataclass(frozen=True)
class Invalid:
    """A value written in a step that does not parse as its type."""

    text: str
    kind: str  # what was expected: "duration", "status", "severity"

    def error(self) -> CriterionError:
        kind = msg(f"audit.value.{self.kind}")
        return CriterionError(bilingual("audit.value.invalid", value=self.text, kind=kind), msg(f"audit.value.{self.kind}.hint"))


def require(value: T | Invalid) -> T:
    """The converted value, or the criterion error saying why it is not one."""
    if isinstance(value, Invalid):
        raise value.error()
    return value


# --- converters ---------------------------------------------------------------------------------

QUOTED = r'[^"]+'


@with_pattern(QUOTED)
def _identifier(text: str) -> str:
    """A code, id or name written in double quotes: process code, step, role, record, KPI."""
    return text.strip()


@with_pattern(r'\d[^"]*?')
def _duration(text: str) -> Duration | Invalid:
    try:
        return Duration.parse(text.strip())
    except ValueError:
        return Invalid(text.strip(), "duration")


@with_pattern(r"\d+(?:[.,]\d+)?\s*%")
def _percent(text: str) -> float:
    return float(text.rstrip("% ").replace(",", "."))


@with_pattern(r"\d+")
def _integer(text: str) -> int:
    return int(text)


@with_pattern(r"\d{1,2}(?:\.\d{1,2}){0,3}")
def _clause(text: str) -> str:
    return text


# Words for the document status, folded (lowercase, no diacritics).
_STATUS_WORDS: dict[str, Status] = {
    "du thao": Status.DRAFT,
    "draft": Status.DRAFT,
    "dang xem xet": Status.REVIEW,
    "xem xet": Status.REVIEW,
    "review": Status.REVIEW,
    "in review": Status.REVIEW,
    "under review": Status.REVIEW,
    "da phe duyet": Status.APPROVED,
    "duoc phe duyet": Status.APPROVED,
    "phe duyet": Status.APPROVED,
    "approved": Status.APPROVED,
    "het hieu luc": Status.OBSOLETE,
    "obsolete": Status.OBSOLETE,
}


@with_pattern(QUOTED)
def _status(text: str) -> Status | Invalid:
    return _STATUS_WORDS.get(fold(text.strip()), Invalid(text.strip(), "status"))


_SEVERITY_WORDS: dict[str, Severity] = {
    "loi": Severity.ERROR,
    "error": Severity.ERROR,
    "canh bao": Severity.WARNING,
    "warning": Severity.WARNING,
    "thong tin": Severity.INFO,
    "info": Severity.INFO,
}


@with_pattern(QUOTED)
def _severity(text: str) -> Severity | Invalid:
    return _SEVERITY_WORDS.get(fold(text.strip()), Invalid(text.strip(), "severity"))


# The types a phrase may use, by name: ``{days:ThoiLuong}`` or, in English phrases, ``{days:Duration}``.
TYPES: dict[str, Any] = {
    "Ma": _identifier,
    "Code": _identifier,
    "ThoiLuong": _duration,
    "Duration": _duration,
    "PhanTram": _percent,
    "Percent": _percent,
    "So": _integer,
    "Number": _integer,
    "DieuKhoan": _clause,
    "Clause": _clause,
    "TrangThai": _status,
    "Status": _status,
    "MucDo": _severity,
    "Severity": _severity,
}

# How a field is shown in the phrase list and in suggestions, by field name.
FIELD_LABELS: dict[str, Message] = {
    "code": Message("mã quy trình", "process code"),
    "role": Message("vai trò", "role"),
    "step": Message("bước", "step"),
    "before": Message("bước", "step"),
    "after": Message("bước", "step"),
    "target": Message("bước", "step"),
    "record": Message("hồ sơ", "record"),
    "kpi": Message("chỉ số", "KPI"),
    "form": Message("mẫu", "form"),
    "number": Message("số văn bản", "document number"),
    "rule": Message("mã quy tắc", "rule code"),
    "status": Message("trạng thái", "status"),
    "severity": Message("mức", "severity"),
    "duration": Message("thời lượng", "duration"),
    "percent": Message("tỷ lệ %", "percentage"),
    "years": Message("số", "number"),
    "count": Message("số", "number"),
    "clause": Message("điều khoản", "clause"),
}

# A sample value per field, to show each phrase as a sentence an auditor can copy.
SAMPLES: dict[str, Message] = {
    "code": Message("QT-TTHC-01", "QT-TTHC-01"),
    "role": Message("lanh-dao", "lanh-dao"),
    "step": Message("tiep-nhan", "tiep-nhan"),
    "before": Message("phe-duyet", "phe-duyet"),
    "after": Message("tra-ket-qua", "tra-ket-qua"),
    "target": Message("yeu-cau-bo-sung", "yeu-cau-bo-sung"),
    "record": Message("BM-TTHC-01", "BM-TTHC-01"),
    "kpi": Message("KPI-TTHC-01", "KPI-TTHC-01"),
    "form": Message("Mẫu số 01", "Mẫu số 01"),
    "number": Message("118/2025/NĐ-CP", "118/2025/NĐ-CP"),
    "rule": Message("QMS201", "QMS201"),
    "status": Message("đã phê duyệt", "approved"),
    "severity": Message("lỗi", "error"),
    "duration": Message("5 ngày làm việc", "5 working days"),
    "percent": Message("95%", "95%"),
    "years": Message("5", "5"),
    "count": Message("3", "3"),
    "clause": Message("7.5.3", "7.5.3"),
}

_FIELD = re.compile(r"\{(\w+)(?::\w+)?\}")


@dataclass(frozen=True)
class Phrase:
    """A registered phrase of the step library."""

    template: str
    lang: Lang

    def display(self) -> str:
        """The phrase with its fields as ``<label>``: what an auditor reads in a list."""
        return _FIELD.sub(
            lambda m: f"<{FIELD_LABELS[m.group(1)].get(self.lang) if m.group(1) in FIELD_LABELS else m.group(1)}>", self.template
        )

    def example(self) -> str:
        """The phrase with sample values: a sentence an auditor can copy."""
        return _FIELD.sub(lambda m: SAMPLES[m.group(1)].get(self.lang) if m.group(1) in SAMPLES else m.group(1), self.template)


# Template -> phrase, in registration order; the template is the parser's name in pytest-bdd.
PHRASES: dict[str, Phrase] = {}


def _parser(template: str, lang: Lang) -> parsers.cfparse:
    PHRASES[template] = Phrase(template, lang)
    return parsers.cfparse(template, extra_types=TYPES)


def vi(template: str) -> parsers.cfparse:
    """A Vietnamese phrase: ``@step(vi('quy trình do vai trò "{role:Ma}" chủ trì'))``."""
    return _parser(template, Lang.VI)


def en(template: str) -> parsers.cfparse:
    """An English phrase: ``@step(en('the process is owned by role "{role:Code}"'))``."""
    return _parser(template, Lang.EN)


def display_template(template: str, lang: Lang | str | None) -> str:
    """Display form of any registered template, ours or a project's own."""
    phrase = PHRASES.get(template)
    if phrase is not None:
        return phrase.display()
    return _FIELD.sub(lambda m: f"<{m.group(1)}>", template)


def phrases(lang: Lang | str | None = None) -> list[Phrase]:
    """The phrases of the shipped step libraries, in the order they are defined."""
    import qms.audit.steps_en
    import qms.audit.steps_vi  # noqa: F401

    return [p for p in PHRASES.values() if lang is None or p.lang is Lang(lang)]


def catalogue_markdown(lang: Lang | str) -> str:
    """The phrase list of one language as a Markdown table (features/README.md shows both)."""
    lang = Lang(lang)
    header = "| Câu | Ví dụ |\n|---|---|" if lang is Lang.VI else "| Phrase | Example |\n|---|---|"
    rows = [f"| `{p.display()}` | " + (f"`{p.example()}`" if p.example() != p.display() else "") + " |" for p in phrases(lang)]
    return "\n".join([header, *rows]) + "\n"


__all__ = [
    "FIELD_LABELS",
    "PHRASES",
    "TYPES",
    "Invalid",
    "Phrase",
    "catalogue_markdown",
    "display_template",
    "en",
    "phrases",
    "require",
    "vi",
]
