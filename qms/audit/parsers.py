"""Typed values in step phrases, and the phrases themselves, for both languages of the step library.

A phrase is written with typed fields, e.g.
``'hồ sơ "{record:Ma}" được lưu ít nhất {years:So} năm'``, and compiled by
:meth:`Phrase.parser` into a pytest-bdd ``parsers.cfparse`` parser with
:data:`TYPES` as ``extra_types``. One phrase then serves every process,
record and number an auditor writes. Each type has a Vietnamese and an
English name (:data:`TYPE_NAMES`: ``Ma`` / ``Code``...), so that a phrase
reads in its own language; :mod:`qms.audit.steps` lists every step once with
both its phrases.

Converters never raise: a value that has the right shape but does not
parse (``5 ngay`` for a duration) becomes :class:`Invalid`, and the step
raises a :class:`~qms.audit.errors.CriterionError` naming the value. Had
the converter raised, pytest-bdd would report the step as unknown, which
misleads the auditor.

Phrases also carry their language, so that the suggestions for an unknown
step come from the phrases of the feature file's language, and a display
form (``hồ sơ "<hồ sơ>" được lưu ít nhất <số> năm``) for the phrase list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeVar

from parse import with_pattern
from pytest_bdd import parsers

from qms.audit.errors import CriterionError
from qms.diagnostics import Severity
from qms.domain import status_named
from qms.i18n import Lang, Message, _
from qms.model import Status
from qms.model.values import Duration, fold

# Texts by self.kind.
_AUDIT_VALUE = {
    "duration": _("thời lượng"),
    "status": _("trạng thái"),
    "severity": _("mức"),
}

# Texts by self.kind.
_AUDIT_VALUE_HINT = {
    "duration": _("viết ví dụ «5 ngày làm việc», «4 giờ», «30 phút»; «ngày» phải ghi rõ ngày làm việc hay ngày lịch"),
    "status": _("dùng: dự thảo, đang xem xét, đã phê duyệt, hết hiệu lực"),
    "severity": _("dùng: lỗi, cảnh báo, thông tin"),
}

T = TypeVar("T")


@dataclass(frozen=True)
class Invalid:
    """A value written in a step that does not parse as its type."""

    text: str
    kind: str  # what was expected: "duration", "status", "severity"

    def error(self) -> CriterionError:
        kind = _AUDIT_VALUE[self.kind]
        return CriterionError(_("«{value}» không phải {kind} hợp lệ").format(value=self.text, kind=kind), _AUDIT_VALUE_HINT[self.kind])


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


@with_pattern(QUOTED)
def _status(text: str) -> Status | Invalid:
    """A document status in either language (the vocabulary is qms.domain's, as the rules name statuses)."""
    status = status_named(text)
    return status if status is not None else Invalid(text.strip(), "status")


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


# The types a phrase may use: Vietnamese name -> (English name, converter). ``{days:ThoiLuong}`` in a
# Vietnamese phrase is ``{days:Duration}`` in its English one.
TYPE_NAMES: dict[str, tuple[str, Any]] = {
    "Ma": ("Code", _identifier),
    "ThoiLuong": ("Duration", _duration),
    "PhanTram": ("Percent", _percent),
    "So": ("Number", _integer),
    "DieuKhoan": ("Clause", _clause),
    "TrangThai": ("Status", _status),
    "MucDo": ("Severity", _severity),
}

# Every type by either of its names, as pytest-bdd's parsers take them.
TYPES: dict[str, Any] = {name: convert for vi, (en, convert) in TYPE_NAMES.items() for name in (vi, en)}

# How a field is shown in the phrase list and in suggestions, by field name.
FIELD_LABELS: dict[str, Message] = {
    "code": _("mã quy trình"),
    "role": _("vai trò"),
    "step": _("bước"),
    "before": _("bước"),
    "after": _("bước"),
    "target": _("bước"),
    "record": _("hồ sơ"),
    "kpi": _("chỉ số"),
    "form": _("mẫu"),
    "number": _("số văn bản"),
    "rule": _("mã quy tắc"),
    "status": _("trạng thái"),
    "severity": _("mức"),
    "duration": _("thời lượng"),
    "percent": _("tỷ lệ %"),
    "years": _("số"),
    "count": _("số"),
    "clause": _("điều khoản"),
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
    "status": _("đã phê duyệt"),
    "severity": _("lỗi"),
    "duration": _("5 ngày làm việc"),
    "percent": Message("95%", "95%"),
    "years": Message("5", "5"),
    "count": Message("3", "3"),
    "clause": Message("7.5.3", "7.5.3"),
}

_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")


def fields(template: str) -> dict[str, str | None]:
    """The fields of a phrase template and their types: ``{'record': 'Ma', 'years': 'So'}``."""
    return {m.group(1): m.group(2) for m in _FIELD.finditer(template)}


def _label(name: str, lang: Lang) -> str:
    return f"<{FIELD_LABELS[name].get(lang) if name in FIELD_LABELS else name}>"


@dataclass(frozen=True)
class Phrase:
    """A phrase of the step library in one language."""

    template: str
    lang: Lang

    def parser(self) -> parsers.cfparse:
        """The pytest-bdd parser of the phrase; its ``name`` is the template."""
        return parsers.cfparse(self.template, extra_types=TYPES)

    def display(self) -> str:
        """The phrase with its fields as ``<label>``: what an auditor reads in a list."""
        return _FIELD.sub(lambda m: _label(m.group(1), self.lang), self.template)

    def example(self) -> str:
        """The phrase with sample values: a sentence an auditor can copy."""
        return _FIELD.sub(lambda m: SAMPLES[m.group(1)].get(self.lang) if m.group(1) in SAMPLES else m.group(1), self.template)


def display_other(template: str) -> str:
    """Display form of a template that is not ours (a project's own step): its fields as ``<name>``."""
    return _FIELD.sub(lambda m: f"<{m.group(1)}>", template)


__all__ = [
    "FIELD_LABELS",
    "SAMPLES",
    "TYPES",
    "TYPE_NAMES",
    "Invalid",
    "Phrase",
    "display_other",
    "fields",
    "require",
]
