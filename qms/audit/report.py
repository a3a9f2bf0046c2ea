"""The outcome of an audit against criteria, and its writers (Markdown, HTML, JUnit XML).

Each criterion (one scenario, or one row of a scenario outline) has an
outcome: passed, failed or error. A failure is phrased as a finding an
auditor can sign: a nonconformity (điểm không phù hợp) or, when the
criterion is tagged ``@khuyen-nghi`` / ``@observation``, an observation
(khuyến nghị), with the failing step and the place in the process file.
An error is a criterion that could not be evaluated (unknown step, a
process not in the folder, a file that is not Gherkin): it says nothing
about the processes and is listed apart.

Reports are Vietnamese unless asked otherwise; the HTML page is
self-contained (no external resources) and escapes every text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from qms.diagnostics import Diagnostic, Location, display_path
from qms.i18n import Lang, Message, msg
from qms.model.process import PROCESS_CODE_PATTERN

OBSERVATION_TAGS = frozenset({"khuyen-nghi", "khuyến-nghị", "observation"})
_PROCESS_TAG = re.compile(PROCESS_CODE_PATTERN)
_BASIS_TAG = re.compile(r"^(?:iso\d+|nd\d+|tt\d+|qd\d+|luat)", re.IGNORECASE)


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    SKIPPED = "skipped"

    def label(self, lang: Lang | str) -> str:
        return msg(f"audit.outcome.{self.value}").get(lang)


class Kind(StrEnum):
    """How grave a failed criterion is."""

    NONCONFORMITY = "nonconformity"  # điểm không phù hợp
    OBSERVATION = "observation"  # khuyến nghị

    def label(self, lang: Lang | str) -> str:
        return msg(f"audit.kind.{self.value}").get(lang)


def kind_for(tags: set[str] | frozenset[str] | tuple[str, ...]) -> Kind:
    return Kind.OBSERVATION if OBSERVATION_TAGS & set(tags) else Kind.NONCONFORMITY


def is_process_tag(tag: str) -> bool:
    return bool(_PROCESS_TAG.match(tag)) and any(c.isalpha() for c in tag) and tag == tag.upper()


def is_basis_tag(tag: str) -> bool:
    return bool(_BASIS_TAG.match(tag))


def basis_label(tag: str, lang: Lang | str = Lang.VI) -> str:
    """``iso9001-7.5.2`` -> ``ISO 9001:2015 7.5.2``; ``nd30-2020`` -> ``Nghị định 30/2020/NĐ-CP`` (Decree ... ND-CP)."""
    english = Lang(lang) is Lang.EN
    if match := re.fullmatch(r"iso9001-([\d.]+)", tag, re.IGNORECASE):
        return f"ISO 9001:2015 {match.group(1)}"
    if match := re.fullmatch(r"iso(\d+)(?:-([\d.]+))?", tag, re.IGNORECASE):
        return f"ISO {match.group(1)}" + (f" {match.group(2)}" if match.group(2) else "")
    if match := re.fullmatch(r"nd(\d+)-(\d{4})", tag, re.IGNORECASE):
        number = f"{int(match.group(1)):02d}/{match.group(2)}"
        return f"Decree {number}/ND-CP" if english else f"Nghị định {number}/NĐ-CP"
    if match := re.fullmatch(r"tt(\d+)-(\d{4})(?:-([a-z]+))?", tag, re.IGNORECASE):
        number = f"{int(match.group(1)):02d}/{match.group(2)}" + (f"/TT-{match.group(3).upper()}" if match.group(3) else "")
        return f"Circular {number}" if english else f"Thông tư {number}"
    if match := re.fullmatch(r"qd(\d+)-(\d{4})", tag, re.IGNORECASE):
        number = f"{int(match.group(1)):02d}/{match.group(2)}"
        return f"Decision {number}" if english else f"Quyết định {number}"
    return tag


@dataclass(frozen=True)
class StepRef:
    """A step of a criterion, where it is written."""

    keyword: str
    text: str
    file: Path
    line: int

    def __str__(self) -> str:
        return f"{self.keyword} {self.text}".strip()


@dataclass
class CriterionResult:
    """One criterion (a scenario, or one row of an outline) and what became of it."""

    feature: str
    file: Path
    line: int
    scenario: str
    tags: tuple[str, ...] = ()
    example: dict[str, str] = field(default_factory=dict)
    processes: tuple[str, ...] = ()  # the processes the criterion looked at
    outcome: Outcome = Outcome.PASSED
    kind: Kind | None = None  # for a failure
    message: Message | None = None  # the finding, or why the criterion could not run
    hint: Message | None = None
    step: StepRef | None = None  # the step that failed or is unknown
    evidence: Location | None = None  # where the process file shows the shortfall
    suggestions: tuple[str, ...] = ()  # closest known phrases, for an unknown step
    nodeid: str = ""
    duration: float = 0.0

    @property
    def basis(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags if is_basis_tag(t))

    @property
    def process_tags(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags if is_process_tag(t))

    @property
    def subjects(self) -> tuple[str, ...]:
        """Processes examined, or failing that the processes the criterion is tagged with."""
        return self.processes or self.process_tags

    def basis_text(self, lang: Lang | str = Lang.VI) -> str:
        return "; ".join(basis_label(t, lang) for t in self.basis)


@dataclass
class AuditError:
    """A criteria file that cannot be read, or a problem with the run itself."""

    file: Path | None
    line: int
    message: Message
    hint: Message | None = None
    source: str = ""  # the offending line as written


@dataclass
class AuditReport:
    features: Path
    processes: Path
    results: list[CriterionResult] = field(default_factory=list)
    errors: list[AuditError] = field(default_factory=list)
    load_diagnostics: list[Diagnostic] = field(default_factory=list)
    process_titles: dict[str, Message] = field(default_factory=dict)  # code -> title, to name processes in findings
    tags: str | None = None
    process: str | None = None
    lang: Lang = Lang.VI
    started: datetime = field(default_factory=datetime.now)
    exit_code: int = 0
    output: str = ""  # pytest's own output, for debugging a run

    # --- counts -----------------------------------------------------------------------------
    def _count(self, outcome: Outcome, kind: Kind | None = None) -> int:
        return sum(1 for r in self.results if r.outcome is outcome and (kind is None or r.kind is kind))

    @property
    def passed(self) -> list[CriterionResult]:
        return [r for r in self.results if r.outcome is Outcome.PASSED]

    @property
    def failed(self) -> list[CriterionResult]:
        return [r for r in self.results if r.outcome is Outcome.FAILED]

    @property
    def nonconformities(self) -> list[CriterionResult]:
        return [r for r in self.failed if r.kind is Kind.NONCONFORMITY]

    @property
    def observations(self) -> list[CriterionResult]:
        return [r for r in self.failed if r.kind is Kind.OBSERVATION]

    @property
    def criterion_errors(self) -> list[CriterionResult]:
        return [r for r in self.results if r.outcome is Outcome.ERROR]

    @property
    def error_count(self) -> int:
        return len(self.criterion_errors) + len(self.errors)

    @property
    def ok(self) -> bool:
        """No nonconformity and every criterion could be evaluated (observations do not count)."""
        return not self.nonconformities and not self.error_count

    def subjects_text(self, result: CriterionResult, lang: Lang | str | None = None) -> str:
        """The processes of a finding, each with its title: «QT-TTHC-01 (Giải quyết hồ sơ…)»."""
        lang = lang or self.lang
        named = []
        for code in result.subjects:
            title = self.process_titles.get(code)
            named.append(f"{code} ({title.get(lang)})" if title else code)
        return ", ".join(named)

    def summary(self, lang: Lang | str | None = None) -> str:
        return msg(
            "audit.report.summary",
            total=len(self.results),
            passed=len(self.passed),
            nonconformities=len(self.nonconformities),
            observations=len(self.observations),
            errors=self.error_count,
        ).get(lang or self.lang)


# --- shared formatting --------------------------------------------------------------------------


def _at(path: Path | str | None, line: int, lang: Lang | str) -> str:
    return msg("audit.report.at", path=display_path(path), line=line).get(lang)


def _location(location: Location, lang: Lang | str) -> str:
    return _at(location.path, location.line, lang)


def _diagnostic(diagnostic: Diagnostic, lang: Lang | str) -> str:
    """A load diagnostic with its path shown relative to the current folder."""
    text = diagnostic.render(lang)
    prefix = str(diagnostic.location.path)
    return display_path(prefix) + text[len(prefix) :] if text.startswith(prefix) else text


# --- Markdown -----------------------------------------------------------------------------------


def _md(text: object) -> str:
    """Text safe in a Markdown paragraph or table cell: no raw HTML, no table breaks."""
    escaped = html.escape(str(text), quote=False)
    return re.sub(r"\s*\n\s*", " ", escaped).replace("|", "\\|")


def report_markdown(report: AuditReport, lang: Lang | str | None = None) -> str:
    lang = Lang(lang or report.lang)
    t = lambda key, **args: msg(key, **args).get(lang)
    lines = [f"# {t('audit.report.title')}", ""]
    lines.append(f"- {t('audit.report.criteria')}: {_md(display_path(report.features))}")
    lines.append(f"- {t('audit.report.processes')}: {_md(display_path(report.processes))}")
    if report.tags or report.process:
        lines.append(f"- {t('audit.report.selection')}: {_md(' · '.join(x for x in (report.tags, report.process) if x))}")
    lines.append(f"- {t('audit.report.date')}: {report.started:%d/%m/%Y %H:%M}")
    lines += [f"- **{_md(report.summary(lang))}**", ""]

    if report.results:
        header = [t("audit.report.criterion"), t("audit.report.basis"), t("audit.report.process"), t("audit.report.result")]
        lines += ["| # | " + " | ".join(header) + " |", "|---|" + "---|" * len(header)]
        for i, r in enumerate(report.results, 1):
            result = r.kind.label(lang) if r.outcome is Outcome.FAILED and r.kind else r.outcome.label(lang)
            where = f"{display_path(r.file)}:{r.line}"
            cells = [f"{_md(r.scenario)} ({_md(where)})", _md(r.basis_text(lang)), _md(", ".join(r.subjects)), _md(result)]
            lines.append(f"| {i} | " + " | ".join(cells) + " |")
        lines.append("")

    lines += [f"## {t('audit.report.findings')}", ""]
    if not report.failed:
        lines += [t("audit.report.no_findings"), ""]
    for i, r in enumerate(report.failed, 1):
        title = " — ".join(x for x in ((r.kind or Kind.NONCONFORMITY).label(lang), r.basis_text(lang), report.subjects_text(r, lang)) if x)
        lines += [f"### {i}. {_md(title)}", ""]
        if r.message:
            lines += [_md(r.message.get(lang)), ""]
        if r.evidence:
            lines.append(f"- {t('audit.report.evidence')}: {_md(_location(r.evidence, lang))}")
        lines.append(f"- {t('audit.report.criterion')}: «{_md(r.scenario)}» ({_md(_at(r.file, r.line, lang))})")
        if r.step:
            lines.append(f"- {t('audit.report.step')}: «{_md(r.step)}» ({_md(_at(r.step.file, r.step.line, lang))})")
        if r.hint:
            lines.append(f"- {t('audit.report.hint')}: {_md(r.hint.get(lang))}")
        lines.append("")

    errors = report.criterion_errors
    if errors or report.errors:
        lines += [f"## {t('audit.report.errors')}", ""]
        for e in report.errors:
            where = _at(e.file, e.line, lang) if e.file else ""
            text = f"- {_md(where)}: {_md(e.message.get(lang))}" if where else f"- {_md(e.message.get(lang))}"
            if e.hint:
                text += f" ({_md(e.hint.get(lang))})"
            lines.append(text)
        for r in errors:
            step = r.step
            where = _at(step.file, step.line, lang) if step else _at(r.file, r.line, lang)
            text = f"- {_md(where)}: «{_md(r.scenario)}»: {_md(r.message.get(lang) if r.message else '')}"
            if r.hint:
                text += f" ({_md(r.hint.get(lang))})"
            lines.append(text)
        lines.append("")

    if report.load_diagnostics:
        lines += [f"## {t('audit.report.load')}", ""]
        lines += [f"- {_md(_diagnostic(d, lang))}" for d in report.load_diagnostics]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --- HTML ---------------------------------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f5}.muted{color:#555;font-size:.85rem}
.passed{color:#1e6b2f;font-weight:600}.nonconformity,.error{color:#a4161a;font-weight:600}.observation,.skipped{color:#8a5a00;font-weight:600}
.finding{border-left:4px solid #a4161a;padding:.2rem .9rem;margin:1rem 0;background:#fff7f7}
.finding.observation{border-color:#c98a00;background:#fffbf0;font-weight:normal}
code{background:#f1f3f5;padding:0 .2rem}
"""


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def report_html(report: AuditReport, lang: Lang | str | None = None) -> str:
    lang = Lang(lang or report.lang)
    t = lambda key, **args: _h(msg(key, **args).get(lang))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_h(lang.value)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{t('audit.report.title')}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{t('audit.report.title')}</h1>",
        "<ul>",
        f"<li>{t('audit.report.criteria')}: <code>{_h(display_path(report.features))}</code></li>",
        f"<li>{t('audit.report.processes')}: <code>{_h(display_path(report.processes))}</code></li>",
    ]
    if report.tags or report.process:
        out.append(f"<li>{t('audit.report.selection')}: <code>{_h(' · '.join(x for x in (report.tags, report.process) if x))}</code></li>")
    out += [
        f"<li>{t('audit.report.date')}: {report.started:%d/%m/%Y %H:%M}</li>",
        f"<li><strong>{_h(report.summary(lang))}</strong></li>",
        "</ul>",
    ]

    if report.results:
        out += [
            "<table>",
            "<thead><tr><th>#</th>"
            + "".join(
                f"<th>{t(k)}</th>" for k in ("audit.report.criterion", "audit.report.basis", "audit.report.process", "audit.report.result")
            )
            + "</tr></thead>",
            "<tbody>",
        ]
        for i, r in enumerate(report.results, 1):
            css = (r.kind or Kind.NONCONFORMITY).value if r.outcome is Outcome.FAILED else r.outcome.value
            label = r.kind.label(lang) if r.outcome is Outcome.FAILED and r.kind else r.outcome.label(lang)
            where = f"{display_path(r.file)}:{r.line}"
            out.append(
                f'<tr><td>{i}</td><td>{_h(r.scenario)}<br><span class="muted">{_h(where)}</span></td>'
                f"<td>{_h(r.basis_text(lang))}</td><td>{_h(', '.join(r.subjects))}</td>"
                f'<td class="{_h(css)}">{_h(label)}</td></tr>'
            )
        out += ["</tbody>", "</table>"]

    out.append(f"<h2>{t('audit.report.findings')}</h2>")
    if not report.failed:
        out.append(f"<p>{t('audit.report.no_findings')}</p>")
    for i, r in enumerate(report.failed, 1):
        kind = r.kind or Kind.NONCONFORMITY
        title = " — ".join(x for x in (kind.label(lang), r.basis_text(lang), report.subjects_text(r, lang)) if x)
        out += [f'<div class="finding {_h(kind.value)}">', f"<h3>{i}. {_h(title)}</h3>"]
        if r.message:
            out.append(f"<p>{_h(r.message.get(lang))}</p>")
        out.append("<ul>")
        if r.evidence:
            out.append(f"<li>{t('audit.report.evidence')}: <code>{_h(_location(r.evidence, lang))}</code></li>")
        out.append(f'<li>{t("audit.report.criterion")}: «{_h(r.scenario)}» <span class="muted">{_h(_at(r.file, r.line, lang))}</span></li>')
        if r.step:
            out.append(
                f'<li>{t("audit.report.step")}: «{_h(r.step)}» <span class="muted">{_h(_at(r.step.file, r.step.line, lang))}</span></li>'
            )
        if r.hint:
            out.append(f"<li>{t('audit.report.hint')}: {_h(r.hint.get(lang))}</li>")
        out += ["</ul>", "</div>"]

    if report.errors or report.criterion_errors:
        out += [f"<h2>{t('audit.report.errors')}</h2>", "<ul>"]
        for e in report.errors:
            where = f"<code>{_h(_at(e.file, e.line, lang))}</code>: " if e.file else ""
            hint = f' <span class="muted">({_h(e.hint.get(lang))})</span>' if e.hint else ""
            out.append(f"<li>{where}{_h(e.message.get(lang))}{hint}</li>")
        for r in report.criterion_errors:
            where = _at(r.step.file, r.step.line, lang) if r.step else _at(r.file, r.line, lang)
            hint = f' <span class="muted">({_h(r.hint.get(lang))})</span>' if r.hint else ""
            text = r.message.get(lang) if r.message else ""
            out.append(f"<li><code>{_h(where)}</code>: «{_h(r.scenario)}»: {_h(text)}{hint}</li>")
        out.append("</ul>")

    if report.load_diagnostics:
        out += [f"<h2>{t('audit.report.load')}</h2>", "<ul>"]
        out += [f"<li><code>{_h(_diagnostic(d, lang))}</code></li>" for d in report.load_diagnostics]
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


# --- JUnit XML ----------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold at all, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: object) -> str:
    return _XML_INVALID.sub("\ufffd", str(text))


def report_junit(report: AuditReport, lang: Lang | str | None = None) -> str:
    """JUnit XML: a test suite per feature file, a test case per criterion.

    A nonconformity is a ``<failure type="nonconformity">``, an observation a
    ``<failure type="observation">``; a criterion that could not run is an
    ``<error>``, as is a criteria file that cannot be read.
    """
    lang = Lang(lang or report.lang)
    root = ET.Element("testsuites", name=_x(msg("audit.report.title").get(lang)))
    suites: dict[Path, ET.Element] = {}
    counts: dict[Path, dict[str, int]] = {}

    def suite(file: Path, name: str) -> ET.Element:
        if file not in suites:
            suites[file] = ET.SubElement(root, "testsuite", name=_x(name), file=_x(display_path(file)))
            counts[file] = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        return suites[file]

    for r in report.results:
        element = suite(r.file, r.feature or display_path(r.file))
        case = ET.SubElement(
            element,
            "testcase",
            classname=_x(display_path(r.file)),
            name=_x(r.scenario),
            file=_x(display_path(r.file)),
            line=str(r.line),
            time=f"{r.duration:.3f}",
        )
        properties = ET.SubElement(case, "properties")
        for tag in r.tags:
            ET.SubElement(properties, "property", name="tag", value=_x(tag))
        for code in r.subjects:
            ET.SubElement(properties, "property", name="process", value=_x(code))
        counts[r.file]["tests"] += 1
        text = r.message.get(lang) if r.message else ""
        details = [text]
        if r.evidence:
            details.append(f"{msg('audit.report.evidence').get(lang)}: {display_path(r.evidence.path)}:{r.evidence.line}")
        if r.step:
            details.append(f"{msg('audit.report.step').get(lang)}: {r.step} ({display_path(r.step.file)}:{r.step.line})")
        if r.hint:
            details.append(f"{msg('audit.report.hint').get(lang)}: {r.hint.get(lang)}")
        if r.outcome is Outcome.FAILED:
            kind = r.kind or Kind.NONCONFORMITY
            failure = ET.SubElement(case, "failure", message=_x(text), type=kind.value)
            failure.text = _x("\n".join(details))
            counts[r.file]["failures"] += 1
        elif r.outcome is Outcome.ERROR:
            error = ET.SubElement(case, "error", message=_x(text), type="criterion")
            error.text = _x("\n".join(details + [f"{s}" for s in r.suggestions]))
            counts[r.file]["errors"] += 1
        elif r.outcome is Outcome.SKIPPED:
            ET.SubElement(case, "skipped", message=_x(text))
            counts[r.file]["skipped"] += 1

    for e in report.errors:
        file = e.file or report.features
        element = suite(file, display_path(file))
        case = ET.SubElement(element, "testcase", classname=_x(display_path(file)), name=_x(display_path(file)), line=str(e.line))
        error = ET.SubElement(case, "error", message=_x(e.message.get(lang)), type="criteria-file")
        error.text = _x("\n".join(x for x in (e.source, e.hint.get(lang) if e.hint else "") if x))
        counts[file]["tests"] += 1
        counts[file]["errors"] += 1

    for file, element in suites.items():
        for key, value in counts[file].items():
            element.set(key, str(value))
    totals = {key: sum(c[key] for c in counts.values()) for key in ("tests", "failures", "errors", "skipped")}
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


WRITERS = {"md": report_markdown, "markdown": report_markdown, "html": report_html, "xml": report_junit, "junit": report_junit}


def write_report(report: AuditReport, path: Path, lang: Lang | str | None = None) -> None:
    """Write ``report`` to ``path`` in the format its suffix names (.md, .html, .xml)."""
    writer = WRITERS.get(path.suffix.lstrip(".").lower(), report_markdown)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(writer(report, lang), encoding="utf-8")


__all__ = [
    "AuditError",
    "AuditReport",
    "CriterionResult",
    "Kind",
    "Outcome",
    "StepRef",
    "basis_label",
    "report_html",
    "report_junit",
    "report_markdown",
    "write_report",
]
