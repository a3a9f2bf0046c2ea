"""The audit report as JUnit XML, for CI servers: a test suite per feature file, a test case per criterion.

A nonconformity is a ``<failure type="nonconformity">``, an observation a ``<failure type="observation">``; a
criterion that could not run is an ``<error>``, as is a criteria file that cannot be read. ElementTree escapes
the markup; :func:`qms.render.escape.xml_chars` replaces the characters XML cannot hold at all.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from qms.audit.report.model import AuditError, AuditReport, CriterionResult, Kind, Outcome
from qms.audit.report.text import diagnostic_line, file_line
from qms.diagnostics import display_path
from qms.i18n import Lang, _, pgettext
from qms.render.escape import xml_chars as x

_COUNTS = ("tests", "failures", "errors", "skipped")


class _Suites:
    """The ``<testsuite>`` of each file, made when its first case comes, with its counts."""

    def __init__(self, root: ET.Element):
        self.root = root
        self.elements: dict[Path, ET.Element] = {}
        self.counts: dict[Path, dict[str, int]] = {}

    def suite(self, file: Path, name: str) -> ET.Element:
        if file not in self.elements:
            self.elements[file] = ET.SubElement(self.root, "testsuite", name=x(name), file=x(display_path(file)))
            self.counts[file] = dict.fromkeys(_COUNTS, 0)
        return self.elements[file]

    def count(self, file: Path, *keys: str) -> None:
        for key in ("tests", *keys):
            self.counts[file][key] += 1

    def close(self) -> None:
        """Every suite's counts, and their totals on the root."""
        for file, element in self.elements.items():
            for key, value in self.counts[file].items():
                element.set(key, str(value))
        for key in _COUNTS:
            self.root.set(key, str(sum(c[key] for c in self.counts.values())))


def _details(r: CriterionResult, lang: Lang) -> list[str]:
    """What the report says of a criterion: its diagnostic line (``path:line:col: AUD001 …``), then where and what to do."""
    diagnostic = r.diagnostic()
    details = [diagnostic_line(diagnostic, lang) if diagnostic is not None else r.message.get(lang) if r.message else ""]
    if r.evidence:
        details.append(f"{_('Bằng chứng').get(lang)}: {file_line(r.evidence.path, r.evidence.line)}")
    if r.step:
        details.append(f"{_('Bước').get(lang)}: {r.step} ({file_line(r.step.file, r.step.line)})")
    if r.hint:
        details.append(f"{_('Gợi ý').get(lang)}: {r.hint.get(lang)}")
    return details


def _criterion(suites: _Suites, r: CriterionResult, lang: Lang) -> None:
    file = display_path(r.file)
    suite = suites.suite(r.file, r.feature or file)
    case = ET.SubElement(suite, "testcase", classname=x(file), name=x(r.scenario), file=x(file), line=str(r.line), time=f"{r.duration:.3f}")
    properties = ET.SubElement(case, "properties")
    for tag in r.tags:
        ET.SubElement(properties, "property", name="tag", value=x(tag))
    for code in r.subjects:
        ET.SubElement(properties, "property", name="process", value=x(code))
    details = _details(r, lang)
    text = details[0]
    if r.outcome is Outcome.FAILED:
        failure = ET.SubElement(case, "failure", message=x(text), type=(r.kind or Kind.NONCONFORMITY).value)
        failure.text = x("\n".join(details))
        suites.count(r.file, "failures")
    elif r.outcome is Outcome.ERROR:
        error = ET.SubElement(case, "error", message=x(text), type="criterion")
        error.text = x("\n".join(details + [f"{s}" for s in r.suggestions]))
        suites.count(r.file, "errors")
    elif r.outcome is Outcome.SKIPPED:
        ET.SubElement(case, "skipped", message=x(text))
        suites.count(r.file, "skipped")
    else:
        suites.count(r.file)


def _unreadable(suites: _Suites, e: AuditError, features: Path, lang: Lang) -> None:
    file = e.file or features
    name = display_path(file)
    case = ET.SubElement(suites.suite(file, name), "testcase", classname=x(name), name=x(name), line=str(e.line))
    error = ET.SubElement(case, "error", message=x(diagnostic_line(e.diagnostic(features), lang)), type="criteria-file")
    error.text = x("\n".join(part for part in (e.source, e.hint.get(lang) if e.hint else "") if part))
    suites.count(file, "errors")


def report_junit(report: AuditReport, lang: Lang | str | None = None) -> str:
    """JUnit XML of ``report`` (see the module's description)."""
    chosen = Lang(lang or report.lang)
    root = ET.Element("testsuites", name=x(pgettext("audit.report.title", "Báo cáo đánh giá theo tiêu chí").get(chosen)))
    suites = _Suites(root)
    for r in report.results:
        _criterion(suites, r, chosen)
    for e in report.errors:
        _unreadable(suites, e, report.features, chosen)
    suites.close()
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


__all__ = ["report_junit"]
