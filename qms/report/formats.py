"""Machine-readable check reports: JSON, SARIF 2.1.0 and JUnit XML.

SARIF is what code-review tools (GitHub code scanning, VS Code's SARIF
viewer, GitLab) display inline; JUnit XML is what every CI server shows as
a test table. Waived findings are kept and marked (SARIF ``suppressions``,
JUnit ``skipped``) because an auditor must see every waiver and its reason.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import quote

import qms
from qms.codes import code_info
from qms.diagnostics import CodeInfo, Diagnostic, Location, Severity, display_path
from qms.i18n import Lang
from qms.rules.base import Finding, Rule
from qms.rules.engine import CheckReport

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def finding_dict(finding: Finding, lang: Lang | str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.code,
        "severity": finding.severity.value,
        "process": finding.process,
        "step": finding.step,
        "file": display_path(finding.location.path),
        "line": finding.location.line,
        "column": finding.location.column,
        "message": finding.message.get(lang),
        "hint": finding.hint.get(lang) if finding.hint else None,
        "waived": finding.waived,
    }
    if finding.waiver:
        data["waiver"] = {"reason": finding.waiver.reason.get(lang), "approved_by": finding.waiver.approved_by}
    return data


def report_json(report: CheckReport, lang: Lang | str) -> str:
    payload = {
        "tool": {"name": "qms", "version": qms.__version__},
        "files": [display_path(f) for f in report.files],
        "processes": report.codes,
        "rules": [r.code for r in report.rules],
        "load_errors": [{**d.to_dict(lang), "file": display_path(d.location.path)} for d in report.load_diagnostics],
        "findings": [finding_dict(f, lang) for f in report.findings],
        "summary": summary_counts(report),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def summary_counts(report: CheckReport) -> dict[str, int]:
    counts = {s.value: sum(f.severity is s for f in report.active) for s in Severity}
    counts["waived"] = len(report.waived)
    counts["load_errors"] = sum(d.severity is Severity.ERROR for d in report.load_diagnostics)
    return counts


# --- SARIF ----------------------------------------------------------------


def _sarif_location(location: Location) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(display_path(location.path), safe="/:")},
            "region": {"startLine": max(location.line, 1), "startColumn": max(location.column, 1)},
        }
    }


def help_uri(doc: str, docs_url: str | None = None) -> str:
    """Where a code's page is: ``doc`` (``rules/QMS101.md``, relative to docs/) under the project's ``docs-url``.

    Without one, the page's path in the repository (``docs/rules/QMS101.md``): GitHub code scanning and VS Code's SARIF
    viewer open it beside the files; an absolute ``docs-url`` (a published site, or the repository's
    ``https://github.com/ORG/REPO/blob/main/docs/``) makes it a link everywhere (docs/integrations.md).
    """
    return f"{docs_url.rstrip('/')}/{doc}" if docs_url else f"docs/{doc}"


def _sarif_rule(rule: type[Rule], lang: Lang | str, docs_url: str | None) -> dict[str, Any]:
    info = code_info(rule.code)
    return {
        "id": rule.code,
        "name": rule.name,
        "helpUri": help_uri(info.doc if info else f"rules/{rule.code}.md", docs_url),
        "shortDescription": {"text": rule.title.get(lang)},
        "fullDescription": {"text": rule.rationale.get(lang)},
        "help": {"text": rule.fix.get(lang)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": rule.basis()},
    }


def _sarif_code(info: CodeInfo, lang: Lang | str, docs_url: str | None) -> dict[str, Any]:
    """The descriptor of a code that is no rule (a load error, the engine's QMS090 and QMS099), from the code registry."""
    descriptor: dict[str, Any] = {"id": info.code, "helpUri": help_uri(info.doc, docs_url)}
    descriptor["shortDescription"] = {"text": info.title.get(lang)}
    if info.explanation:
        descriptor["fullDescription"] = {"text": info.explanation.get(lang)}
    if info.fix:
        descriptor["help"] = {"text": info.fix.get(lang)}
    descriptor["defaultConfiguration"] = {"level": _SARIF_LEVEL[info.severity]}
    return descriptor


def _sarif_descriptors(report: CheckReport, lang: Lang | str, docs_url: str | None) -> list[dict[str, Any]]:
    """The rules that ran, then every other registered code some result carries, so each result has its ``ruleIndex``."""
    descriptors = [_sarif_rule(r, lang, docs_url) for r in report.rules]
    ran = {r.code for r in report.rules}
    for code in sorted({d.code for d in [*report.load_diagnostics, *report.findings]} - ran):
        info = code_info(code)
        if info is not None:
            descriptors.append(_sarif_code(info, lang, docs_url))
    return descriptors


def report_sarif(report: CheckReport, lang: Lang | str, docs_url: str | None = None) -> str:
    """SARIF 2.1.0; every rule descriptor has its ``helpUri`` (:func:`help_uri`)."""
    descriptors = _sarif_descriptors(report, lang, docs_url)
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results: list[dict[str, Any]] = [_sarif_diagnostic(d, lang, index) for d in report.load_diagnostics]
    for finding in report.findings:
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message.get(lang) + (f" ({finding.hint.get(lang)})" if finding.hint else "")},
            "locations": [_sarif_location(finding.location)],
            "properties": {"process": finding.process, **({"step": finding.step} if finding.step else {})},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.waiver:
            result["suppressions"] = [
                {"kind": "inSource", "justification": f"{finding.waiver.reason.get(lang)} ({finding.waiver.approved_by})"}
            ]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "qms", "version": qms.__version__, "rules": descriptors}},
                "language": str(lang),
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_diagnostic(diagnostic: Diagnostic, lang: Lang | str, index: dict[str, int]) -> dict[str, Any]:
    text = diagnostic.message.get(lang) + (f" ({diagnostic.hint.get(lang)})" if diagnostic.hint else "")
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _SARIF_LEVEL[diagnostic.severity],
        "message": {"text": text},
        "locations": [_sarif_location(diagnostic.location)],
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    return result


# --- JUnit XML ------------------------------------------------------------


def report_junit(report: CheckReport, lang: Lang | str) -> str:
    """One test suite per process, one test case per rule; ElementTree escapes all text."""
    suites = ET.Element("testsuites", name="qms check")
    by_process: dict[str | None, list[Finding]] = {}
    for finding in report.findings:
        by_process.setdefault(finding.process, []).append(finding)
    if report.load_diagnostics:
        suite = ET.SubElement(suites, "testsuite", name="load")
        for diagnostic in report.load_diagnostics:
            case = ET.SubElement(suite, "testcase", classname="load", name=f"{diagnostic.code} {display_path(diagnostic.location.path)}")
            failure = ET.SubElement(case, "failure", message=diagnostic.message.get(lang), type=diagnostic.code)
            failure.text = diagnostic.render(lang)
        _count(suite)
    for code in report.codes:
        suite = ET.SubElement(suites, "testsuite", name=code)
        found = by_process.get(code, [])
        for rule in report.rules:
            case = ET.SubElement(suite, "testcase", classname=code, name=f"{rule.code} {rule.title.get(lang)}")
            mine = [f for f in found if f.code == rule.code]
            active = [f for f in mine if not f.waived]
            if active:
                failure = ET.SubElement(case, "failure", message=active[0].message.get(lang), type=active[0].severity.value)
                failure.text = "\n".join(f"{f.location}: {f.message.get(lang)}" for f in active)
            elif mine:
                waiver = mine[0].waiver
                reason = waiver.reason.get(lang) if waiver else ""
                ET.SubElement(case, "skipped", message=f"waived: {reason}")
        for extra in (f for f in found if f.code not in {r.code for r in report.rules}):
            case = ET.SubElement(suite, "testcase", classname=code, name=extra.code)
            ET.SubElement(case, "failure", message=extra.message.get(lang), type=extra.severity.value).text = str(extra.location)
        _count(suite)
    _count(suites)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _count(element: ET.Element) -> None:
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    element.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
    element.set("errors", "0")
