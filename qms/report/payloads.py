"""JSON of ``qms validate``, ``qms coverage`` and ``qms rules`` (``qms check``'s is in :mod:`qms.report.formats`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from qms.diagnostics import CodeInfo
from qms.i18n import Lang

if TYPE_CHECKING:  # the loader and the rules are imported by whoever made what is written: «qms validate» needs no rule
    from qms.load import LoadResult
    from qms.report.coverage import CoverageRow
    from qms.rules.base import Rule


def dumps(payload: Any) -> str:
    """JSON as every command writes it: UTF-8 text kept as it is, indented, one final newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load_json(result: LoadResult, ok: bool, lang: Lang | str) -> str:
    """``qms validate --format json``; ``ok`` is what the exit code says (nothing checked is not "ok")."""
    return dumps(
        {
            "ok": ok,
            "files": [str(f) for f in result.files],
            "processes": [{"code": p.code, "version": p.version, "file": str(p.origin.path) if p.origin else None} for p in result.processes],
            "diagnostics": [d.to_dict(lang) for d in result.diagnostics],
        }
    )


def coverage_json(rows: Sequence[CoverageRow], lang: Lang | str) -> str:
    return dumps(
        [
            {
                "standard": r.standard,
                "clause": r.key,
                "title": r.title.get(lang),
                "processes": list(r.processes),
                "rules": list(r.rules),
                "not_applicable": r.not_applicable,
                "gap": r.gap,
            }
            for r in rows
        ]
    )


def rule_dict(rule: type[Rule], lang: Lang | str) -> dict[str, Any]:
    """One rule as ``qms rules --format json`` lists it."""
    info = rule.code_info()
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "basis": rule.basis(),
        "iso9001": list(rule.iso9001),
        "iso18091": list(rule.iso18091),
        "title": rule.title.get(lang),
        "rationale": rule.rationale.get(lang),
        "fix": rule.fix.get(lang),
        "example": {"invalid": rule.example.invalid, "valid": rule.example.valid},
        "kind": info.kind,
        "status": info.status.value,
        "doc": info.doc,
    }


def code_dict(info: CodeInfo, lang: Lang | str) -> dict[str, Any]:
    """Any registered code, with the keys of a rule's entry (empty where a code that is no rule has nothing)."""
    from qms.rules.registry import rule_by_code

    rule = rule_by_code(info.code) if info.kind == "rule" else None
    if rule is not None:
        return rule_dict(rule, lang)
    return {
        "code": info.code,
        "name": info.name,
        "severity": info.severity.value,
        "basis": [],
        "iso9001": [],
        "iso18091": [],
        "title": info.title.get(lang),
        "rationale": info.explanation.get(lang) if info.explanation else None,
        "fix": info.fix.get(lang) if info.fix else None,
        "example": None,
        "kind": info.kind,
        "status": info.status.value,
        "doc": info.doc,
    }


def codes_json(codes: Sequence[CodeInfo], lang: Lang | str) -> str:
    return dumps([code_dict(info, lang) for info in codes])

