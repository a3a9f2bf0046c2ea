"""``qms check --format gitlab``: GitLab's Code Quality report (the merge request's "Code Quality" widget).

The format is a JSON array of issues, each with ``description``, ``check_name``, ``fingerprint``, ``severity``
(info | minor | major | critical | blocker) and ``location`` (``path``, ``lines.begin``); see
https://docs.gitlab.com/ci/testing/code_quality/ (the CI job declares it as ``artifacts: reports: codequality``).
GitLab compares fingerprints between the base and the merge request to say which issues are new or fixed, so a
fingerprint leaves out the line number: adding a step above a finding does not make it a "new" one.
Waived findings are left out: GitLab has no suppression to show them as such (SARIF and JUnit keep them).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from qms.diagnostics import Location, Severity, display_path
from qms.i18n import Lang, Message
from qms.rules.engine import CheckReport

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report_gitlab(report: CheckReport, lang: Lang | str) -> str:
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    found = [(d.code, d.severity, d.location, d.message, d.hint, "") for d in report.load_diagnostics]
    found += [(f.code, f.severity, f.location, f.message, f.hint, f"{f.process}/{f.step or ''}") for f in report.active]
    for code, severity, location, message, hint, where in found:
        identity = f"{code}\0{display_path(location.path)}\0{where}\0{message.get(Lang.EN)}"
        seen[identity] = seen.get(identity, 0) + 1  # the same finding twice in a file: two issues, two fingerprints
        issues.append(_issue(code, severity, location, _text(message, hint, lang), f"{identity}\0{seen[identity]}"))
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _text(message: Message, hint: Message | None, lang: Lang | str) -> str:
    return message.get(lang) + (f" ({hint.get(lang)})" if hint else "")


def _issue(code: str, severity: Severity, location: Location, description: str, identity: str) -> dict[str, Any]:
    return {
        "description": f"{code} {description}",
        "check_name": code,
        "fingerprint": hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest(),
        "severity": _SEVERITY[severity],
        "location": {"path": display_path(location.path), "lines": {"begin": max(location.line, 1)}},
    }
