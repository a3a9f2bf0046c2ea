"""What the process claims and how it checks out: ISO 9001 clauses, legal basis, findings of the conformity rules."""

from __future__ import annotations

from qms.audit.checks.common import nothing, rule_cause
from qms.audit.errors import CriterionError
from qms.audit.library import AuditedProcess, close_matches
from qms.audit.parsers import Invalid, require
from qms.diagnostics import Severity
from qms.domain import claimed_clauses
from qms.i18n import Message, _, ngettext
from qms.model.values import fold

# Texts by level.value.
_CLI_SEVERITY = {
    "error": _("lỗi"),
    "warning": _("cảnh báo"),
    "info": _("thông tin"),
}


def clause_evidenced(a: AuditedProcess, clause: str) -> None:
    """The process lists ``clause`` or one of its sub-clauses (8.5.1 evidences 8.5) in ``iso_clauses``."""
    if not claimed_clauses(a.process, clause):
        listed: Message | str = ", ".join(a.process.iso_clauses) if a.process.iso_clauses else nothing()
        message = _(
            "quy trình {code} không nêu điều khoản ISO 9001 {clause} trong các điều khoản được đáp ứng (iso_clauses: {claimed})"
        ).format(code=a.code, clause=clause, claimed=listed)
        raise a.finding(message, a.at("iso_clauses") if a.process.iso_clauses else a.at("code"))


def legal_cited(a: AuditedProcess, number: str) -> None:
    wanted = fold(number).replace(" ", "")
    for document in a.process.legal_basis:
        if document.id == number or fold(document.number).replace(" ", "") in wanted:
            return
    close = close_matches(number, [d.number for d in a.process.legal_basis])
    raise a.finding(
        _("quy trình {code} không nêu căn cứ pháp lý «{number}»{close}").format(code=a.code, number=number, close=close),
        a.at("legal_basis"),
    )


def _known_rules() -> set[str]:
    from qms.rules.engine import RULE_CRASHED, UNUSED_WAIVER
    from qms.rules.registry import all_rules

    return {r.code for r in all_rules()} | {RULE_CRASHED, UNUSED_WAIVER}


def no_rule_finding(a: AuditedProcess, rule: str) -> None:
    code = rule.strip().upper()
    known = _known_rules()
    if code not in known:
        raise CriterionError(_("không có quy tắc kiểm tra «{rule}»{close}").format(rule=rule, close=close_matches(code, sorted(known))))
    found = [f for f in a.findings if f.rule == code]
    if found:
        first = found[0]
        raise a.finding(
            ngettext(
                "quy trình {code} có {count} phát hiện {rule}: {first}",
                "quy trình {code} có {count} phát hiện {rule}: {first}",
                len(found),
            ).format(code=a.code, count=len(found), rule=code, first=first.message),
            first.location,
            first.hint,
            step=first.step,
            cause=rule_cause(first),
        )


def no_finding_at_least(a: AuditedProcess, severity: Severity | Invalid) -> None:
    level = require(severity)
    found = [f for f in a.findings if f.severity.rank >= level.rank]
    if found:
        first = found[0]
        described = Message("{rule} {message}", "{rule} {message}").format(rule=first.rule, message=first.message)
        label = _CLI_SEVERITY[level.value]
        message = ngettext(
            "quy trình {code} có {count} phát hiện từ mức «{severity}» trở lên: {first}",
            "quy trình {code} có {count} phát hiện từ mức «{severity}» trở lên: {first}",
            len(found),
        ).format(code=a.code, count=len(found), severity=label, first=described)
        raise a.finding(message, first.location, first.hint, step=first.step, cause=rule_cause(first))
