"""The code registry: every code the toolkit can print, with its title, documentation page, status and severity.

A code is a family's three capital letters and three digits (``QMS101``).
Each layer declares the codes it emits in a table of its own, next to the
code that emits them (the loader's in :mod:`qms.diagnostics`, each rule's
from its class, the rule engine's in :mod:`qms.rules.engine_codes`); this module,
above every layer, gathers them. Nothing below imports it, so a layer never
imports one above it to register its codes.

Adding a family is one entry of :data:`FAMILIES`: its letters, its name and
where its tables are (``"module:attribute"``, a tuple of
:class:`~qms.diagnostics.CodeInfo` or a function returning one)::

    "BPM": Family(_("trao đổi BPMN: nhập và xuất sơ đồ"), ("qms.bpmn.codes:BPMN_CODES",)),

The tables are read on first use, so importing this module stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from qms.diagnostics import CODE_FORMAT, CodeInfo
from qms.i18n import Message, _


@dataclass(frozen=True)
class Family:
    """The codes sharing three letters: what they are about, and the tables that declare them."""

    name: Message
    tables: tuple[str, ...]  # "module:attribute"


FAMILIES: dict[str, Family] = {
    "QMS": Family(
        _("kiểm tra quy trình: đọc tệp, quy tắc phù hợp, bộ máy kiểm tra"),
        ("qms.diagnostics:LOAD_CODES", "qms.rules.registry:rule_code_table", "qms.rules.engine_codes:ENGINE_CODE_TABLE"),
    ),
    "LOG": Family(_("nhật ký hồ sơ: đọc tệp xuất từ hệ thống một cửa"), ("qms.logs.codes:LOG_CODES",)),
    "CAL": Family(_("lịch làm việc: ngày nghỉ, giờ làm việc, thời hạn"), ("qms.calendar.codes:CALENDAR_CODES",)),
    "BPM": Family(_("trao đổi BPMN: nhập và xuất sơ đồ"), ("qms.bpmn.codes:BPMN_CODES",)),
    "AUD": Family(_("đánh giá theo tiêu chí (qms audit)"), ("qms.audit.codes:AUDIT_CODES",)),
    "PLN": Family(_("kế hoạch và mục tiêu chất lượng: «5 rõ» của nhiệm vụ, theo dõi thực hiện"), ("qms.plan.codes:PLAN_CODES",)),
    "ASM": Family(_("tự đánh giá theo bộ chỉ số ISO 18091: đủ chỉ số, minh chứng, so sánh với năm trước"), ("qms.assessment.codes:ASSESSMENT_CODES",)),
    "REC": Family(_("hồ sơ đánh giá nội bộ: chương trình, phát hiện, hành động khắc phục"), ("qms.records.codes:RECORD_CODES",)),
}


def _table(reference: str) -> tuple[CodeInfo, ...]:
    module, _unused, attribute = reference.partition(":")
    table: tuple[CodeInfo, ...] | Callable[[], tuple[CodeInfo, ...]] = getattr(importlib.import_module(module), attribute)
    return tuple(table() if callable(table) else table)


@cache
def all_codes() -> tuple[CodeInfo, ...]:
    """Every registered code, sorted; fails loudly on a code declared twice or outside its family."""
    found: dict[str, CodeInfo] = {}
    for letters, family in FAMILIES.items():
        for reference in family.tables:
            for info in _table(reference):
                if info.family != letters:
                    raise RuntimeError(f"{reference} declares {info.code}, which is not of the {letters} family")
                if info.code in found:
                    raise RuntimeError(f"the code {info.code} is declared twice ({reference})")
                found[info.code] = info
    return tuple(found[code] for code in sorted(found))


@cache
def _codes_of(tables: tuple[str, ...]) -> tuple[CodeInfo, ...]:  # keyed on the tables, so a family changed is read anew
    return tuple(info for reference in tables for info in _table(reference))


def code_info(code: str) -> CodeInfo | None:
    """The entry of ``code`` (any case), or of the rule named so (``single-start``); ``None`` if there is none."""
    wanted = code.strip()
    if is_code(wanted.upper()) and wanted[:3].upper() in FAMILIES:
        # Only the family's own tables: «qms check» naming a QMS code in its summary need not import the dossier-log
        # reader (DuckDB) and the BPMN code behind the other families (issue 15, fast start).
        return next((c for c in _codes_of(FAMILIES[wanted[:3].upper()].tables) if c.code == wanted.upper()), None)
    return next((c for c in all_codes() if c.code == wanted.upper() or (c.name is not None and c.name == wanted.lower())), None)


def is_code(text: str) -> bool:
    """Whether ``text`` has the form of a code (three capital letters, three digits), registered or not."""
    return CODE_FORMAT.fullmatch(text) is not None


def family_of(code: str) -> Family | None:
    return FAMILIES.get(code[:3])
