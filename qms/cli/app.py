"""The ``qms`` command: a thin Typer layer over the library.

Each command parses its options, calls library functions and prints the
result; no checking logic lives here. Output is Vietnamese unless
``--lang en`` (or ``QMS_LANG=en``) is given.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import graphviz
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

import qms
from qms.audit.report import report_markdown, write_report
from qms.audit.run import code_in_criteria, code_refused, run_audit
from qms.bpmn import BpmnError, export_processes, import_file
from qms.cli.exit_codes import ExitCode
from qms.diagnostics import Diagnostic, LoadCode, Location, Severity, display_path, error, visible
from qms.handbook import build_handbook
from qms.handbook.diagrams import draw_flowcharts
from qms.handbook.printing import print_html, print_pdf
from qms.handbook.site import SiteError, build_site, export_site, publish, tool_env, version_in_force
from qms.i18n import Lang, Message, msg
from qms.load import load_paths
from qms.load.schema_errors import closest
from qms.model import Process
from qms.reference import format_reference_markdown
from qms.render import FlowchartOptions, render_all
from qms.report.coverage import coverage_matrix
from qms.report.findings_file import FindingsFileError, steps_with_findings
from qms.report.formats import report_json, report_junit, report_sarif, summary_counts
from qms.report.rule_docs import rule_dict, rule_page, write_rule_docs
from qms.rules.base import Finding
from qms.rules.config import ConfigError, RuleConfig, find_config, load_config, with_options
from qms.rules.engine import CheckReport, check_paths
from qms.rules.registry import all_rules, rule_by_code
from qms.scaffold import is_valid_code, new_process_text, schema_path_from
from qms.schema import process_json_schema_text

app = typer.Typer(
    name="qms",
    help="Bộ công cụ quy trình ISO 9001 / ISO 18091 cho cơ quan hành chính. "
    "ISO 9001 / ISO 18091 process toolkit for public agencies.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
new_app = typer.Typer(help="Tạo tệp mới / scaffold new files.", no_args_is_help=True)
app.add_typer(new_app, name="new")
export_app = typer.Typer(help="Xuất quy trình sang định dạng khác / export processes.", no_args_is_help=True)
app.add_typer(export_app, name="export")
import_app = typer.Typer(help="Nhập quy trình từ định dạng khác / import processes.", no_args_is_help=True)
app.add_typer(import_app, name="import")
handbook_app = typer.Typer(help="Sổ tay quy trình (trang web) / the handbook site.", no_args_is_help=True)
app.add_typer(handbook_app, name="handbook")

# soft_wrap: one diagnostic stays on one line, so editors and grep can parse it.
# Piped output (CI logs, files) gets a wide fixed width instead of Rich's 80 columns, so tables stay readable.
_WIDTH = None if sys.stdout.isatty() else 160


class _Console(Console):
    """A Rich console that the text it prints cannot steer.

    File names, keys and values echoed in messages are user input, and an
    escape sequence in one (ESC [ 2 J clears the screen) would act on the
    terminal. Every string printed, table cells included, passes through
    ``render_str``, which shows such characters as escapes (``\\x1b``); the
    line breaks and tabs of multi-line messages are kept.
    """

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(visible(text, keep="\n\t"), **kwargs)


out = _Console(soft_wrap=True, highlight=False, width=_WIDTH)
err = _Console(stderr=True, soft_wrap=True, highlight=False, width=_WIDTH)


class OutputFormat(StrEnum):
    HUMAN = "human"
    JSON = "json"


class State:
    lang: Lang = Lang.VI


state = State()


def _version(value: bool) -> None:
    if value:
        out.print(f"qms {qms.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    lang: Annotated[Lang, typer.Option("--lang", envvar="QMS_LANG", help="Ngôn ngữ / language: vi | en")] = Lang.VI,
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Phiên bản / show the version")
    ] = None,
) -> None:
    state.lang = lang


def _t(key: str, **args: object) -> str:
    return msg(key, **args).get(state.lang)


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_diagnostics(diagnostics: list[Diagnostic], console: Console | None = None) -> None:
    # visible(): one diagnostic per line, whatever line breaks or escape sequences the echoed user text holds.
    for d in diagnostics:
        loc = d.location
        line = f"[bold]{_escape(visible(str(loc)))}[/]: [dim]{d.code}[/] [{_STYLE[d.severity]}]{d.severity.label(state.lang)}[/]: {_escape(visible(d.message.get(state.lang)))}"
        if d.hint:
            line += f" [dim]({_t('cli.hint')}: {_escape(visible(d.hint.get(state.lang)))})[/]"
        (console or out).print(line)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _project_config(config_file: Path | None = None, select: list[str] | None = None, ignore: list[str] | None = None) -> RuleConfig:
    """The project's rule configuration (the file given, or qms.toml / pyproject.toml found upwards), with the
    command line's ``--select`` / ``--ignore``; exit 2 if any of it is wrong."""
    try:
        return with_options(load_config(config_file if config_file else find_config(Path.cwd())), select, ignore)
    except ConfigError as exc:
        err.print(f"[red]{_escape(exc.render(state.lang))}[/]")
        raise typer.Exit(ExitCode.USAGE) from None


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục quy trình / process files or folders")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
) -> None:
    """Kiểm tra định dạng và tham chiếu của các quy trình / validate process files."""
    given = paths or [Path("processes")]
    result = load_paths(given)
    nothing = [] if result.files or any(d.data.get("usage") for d in result.diagnostics) else [_nothing_to_check(p) for p in given]
    result.diagnostics += nothing
    usage_problems = [d for d in result.diagnostics if d.data.get("usage")]
    code = ExitCode.USAGE if usage_problems or not result.files else ExitCode.OK if result.ok else ExitCode.FINDINGS
    if output is OutputFormat.JSON:
        payload = {
            "ok": code is ExitCode.OK,  # agrees with the exit code: nothing checked is not "ok"
            "files": [str(f) for f in result.files],
            "processes": [{"code": p.code, "version": p.version, "file": str(p.origin.path)} for p in result.processes],
            "diagnostics": [d.to_dict(state.lang) for d in result.diagnostics],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        print_diagnostics([d for d in result.diagnostics if d not in nothing])
        print_diagnostics(nothing, err)
        if result.files:  # a table of zeros would read as "no errors"
            _summary(len(result.files), len(result.processes), result.diagnostics)
    raise typer.Exit(code)


def _nothing_to_check(path: Path) -> Diagnostic:
    return error(
        LoadCode.FILE,
        Location(path),
        msg("cli.no_files", paths=path),
        Message(
            "không có gì được kiểm tra; hãy chỉ ra các tệp .yaml/.yml hoặc thư mục chứa chúng; tên bắt đầu bằng «.» hay «_» bị bỏ qua",
            "nothing was checked; name .yaml/.yml files or folders containing them; names starting with «.» or «_» are skipped",
        ),
        usage=True,
    )


def _summary(files: int, valid: int, diagnostics: list[Diagnostic]) -> None:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    table = Table(show_header=True, header_style="bold")
    for key in ("cli.summary.files", "cli.summary.processes", "cli.summary.errors", "cli.summary.warnings"):
        table.add_column(_t(key), justify="right")
    table.add_row(str(files), str(valid), f"[red]{errors}[/]" if errors else "0", str(warnings))
    out.print(table)
    if errors:
        out.print(f"[red]{_t('cli.invalid', n=errors, files=len({d.location.path for d in diagnostics if d.severity is Severity.ERROR}))}[/]")
    elif files:
        out.print(f"[green]{_t('cli.valid', n=valid)}[/]")


class SchemaFormat(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"


@app.command()
def schema(
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Ghi ra tệp / write to this file")] = None,
    kind: Annotated[SchemaFormat, typer.Option("--format", "-f", help="json (JSON Schema) | markdown (format reference page)")] = SchemaFormat.JSON,
) -> None:
    """In lược đồ JSON (hoặc trang tham chiếu) của định dạng quy trình / print the format's JSON Schema or reference page."""
    text = process_json_schema_text() if kind is SchemaFormat.JSON else format_reference_markdown()
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    err.print(_t("cli.schema.written", path=output))


@new_app.command("process")
def new_process(
    code: Annotated[str, typer.Argument(help="Mã quy trình / process code, e.g. QT-TTHC-02")],
    title: Annotated[str, typer.Option("--title", "-t", help="Tên quy trình / title")] = "Tên quy trình",
    folder: Annotated[Path, typer.Option("--dir", "-d", help="Thư mục / folder")] = Path("processes"),
) -> None:
    """Tạo một quy trình mẫu hợp lệ, có chú thích / scaffold a valid, commented process."""
    if not title.strip():
        err.print(f"[red]{_escape(_t('cli.new.empty_title'))}[/]")
        raise typer.Exit(ExitCode.USAGE)
    if not is_valid_code(code):
        err.print(f"[red]{_escape(_t('cli.new.bad_code', code=code))}[/] ({_escape(_t('hint.process_code', suggestion=''))})")
        raise typer.Exit(ExitCode.USAGE)
    target = folder / f"{code}.yaml"
    if target.exists():
        err.print(f"[red]{_escape(_t('cli.new.exists', path=target))}[/]")
        raise typer.Exit(ExitCode.FINDINGS)
    folder.mkdir(parents=True, exist_ok=True)
    text = new_process_text(code, title, target.name, schema_path_from(folder))
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    out.print(_t("cli.new.created", path=target))


class CheckFormat(StrEnum):
    HUMAN = "human"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục quy trình / process files or folders")] = None,
    output: Annotated[CheckFormat, typer.Option("--format", "-f", help="human | json | sarif | junit")] = CheckFormat.HUMAN,
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="Ghi ra tệp / write to this file")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Mức gây lỗi / lowest severity that fails: error | warning | info | never")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Chỉ chạy các quy tắc này / only these rule codes or prefixes (repeat, or QMS1,QMS203)")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Bỏ qua các quy tắc này / skip these rule codes or prefixes (repeat, or QMS1,QMS203)")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="qms.toml hoặc pyproject.toml")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Ngày xét hiệu lực văn bản / date for legal validity (YYYY-MM-DD)")] = None,
) -> None:
    """Kiểm tra sự phù hợp với ISO 9001, ISO 18091 và quy định / check conformity with the rule catalogue."""
    given = paths or [Path("processes")]
    config = _project_config(config_file, select, ignore)
    today = _parse_day(as_of)
    report = check_paths(given, config, today)
    threshold = (fail_on.value if fail_on else config.fail_on)
    if output is CheckFormat.HUMAN:
        print_check_report(report)
    else:
        text = {CheckFormat.JSON: report_json, CheckFormat.SARIF: report_sarif, CheckFormat.JUNIT: report_junit}[output](report, state.lang)
        if out_file:
            out_file.parent.mkdir(parents=True, exist_ok=True)
            out_file.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    if any(d.data.get("usage") for d in report.load_diagnostics) or not report.files:
        if not report.files and output is CheckFormat.HUMAN:
            err.print(_t("cli.no_files", paths=", ".join(map(str, given))))
        raise typer.Exit(ExitCode.USAGE)
    raise typer.Exit(ExitCode.FINDINGS if report.fails(threshold) else ExitCode.OK)


def _parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        err.print(f"[red]{_escape(_t('schema.date', value=text))}[/] ({_escape(_t('schema.date.hint'))})")
        raise typer.Exit(ExitCode.USAGE) from None


def print_check_report(report: CheckReport) -> None:
    print_diagnostics(report.load_diagnostics)
    by_process: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_process.setdefault(finding.process, []).append(finding)
    lines: list[str] = []  # printed at once: one Rich print per finding took seconds for thousands of findings
    for process in report.processes:
        found = sorted(by_process.get(process.code, []), key=lambda f: (f.location.line, f.location.column, f.rule))
        mark = "[green]✓[/]" if not [f for f in found if not f.waived] else "[red]✗[/]"
        lines.append(f"\n{mark} [bold]{_escape(process.code)}[/] — {_escape(process.title.get(state.lang))} [dim]({_escape(str(process.origin.path) if process.origin else '')})[/]")
        for f in found:
            label = f"[{_STYLE[f.severity]}]{f.severity.label(state.lang)}[/]"
            line = f"  {_escape(str(f.location))} [dim]{f.rule}[/] {label} {_escape(f.message.get(state.lang))}"
            if f.waiver:
                line = f"  [dim]{_escape(str(f.location))} {f.rule} {_t('cli.check.waived')}: {_escape(f.message.get(state.lang))} — {_escape(f.waiver.reason.get(state.lang))} ({_escape(f.waiver.approved_by)})[/]"
            elif f.hint:
                line += f" [dim]({_t('cli.hint')}: {_escape(f.hint.get(state.lang))})[/]"
            lines.append(line)
    if lines:
        out.print("\n".join(lines))
    _check_summary(report)


def _check_summary(report: CheckReport) -> None:
    table = Table(title=_t("cli.check.summary_title"), show_header=True, header_style="bold")
    for key in ("cli.check.col_rule", "cli.check.col_title", "cli.check.col_severity", "cli.check.col_count", "cli.check.col_waived"):
        table.add_column(_t(key))
    rows = 0
    for rule in report.rules:
        mine = [f for f in report.findings if f.rule == rule.code]
        if not mine:
            continue
        rows += 1
        active = [f for f in mine if not f.waived]
        severity = active[0].severity if active else rule.severity
        table.add_row(rule.code, _escape(rule.title.get(state.lang)), f"[{_STYLE[severity]}]{severity.label(state.lang)}[/]", str(len(active)), str(len(mine) - len(active)))
    for code in sorted({f.rule for f in report.findings} - {r.code for r in report.rules}):
        mine = [f for f in report.findings if f.rule == code]
        table.add_row(code, _escape(mine[0].message.get(state.lang)), mine[0].severity.label(state.lang), str(len(mine)), "0")
        rows += 1
    if rows:
        out.print(table)
    counts = summary_counts(report)
    out.print(
        _t(
            "cli.check.totals",
            processes=len(report.processes),
            rules=len(report.rules),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
            waived=counts["waived"],
            load_errors=counts["load_errors"],
        )
    )


@app.command()
def rules(
    code: Annotated[Optional[str], typer.Argument(help="Mã quy tắc / rule code, e.g. QMS302")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
    docs: Annotated[Optional[Path], typer.Option("--docs", help="Ghi trang tài liệu của mọi quy tắc vào thư mục / write every rule's page to this folder")] = None,
) -> None:
    """Liệt kê hoặc giải thích các quy tắc kiểm tra / list the rule catalogue or explain one rule."""
    if docs is not None:
        for path in write_rule_docs(docs):
            out.print(_t("cli.schema.written", path=path))
        return
    catalogue = all_rules()
    if code is not None:
        rule = rule_by_code(code)
        if rule is None:
            suggestion = closest(code.upper(), [r.code for r in catalogue] + [r.name for r in catalogue])
            hint = f" ({_t('ref.hint_close', suggestion=suggestion)})" if suggestion else ""
            err.print(f"[red]{_escape(_t('cli.rules.unknown', code=code))}[/]{_escape(hint)}")
            raise typer.Exit(ExitCode.USAGE)
        catalogue = (rule,)
    if output is OutputFormat.JSON:
        sys.stdout.write(json.dumps([rule_dict(r, state.lang) for r in catalogue], ensure_ascii=False, indent=2) + "\n")
        return
    if code is not None:
        sys.stdout.write(rule_page(catalogue[0], state.lang))
        return
    table = Table(show_header=True, header_style="bold")
    for key in ("cli.check.col_rule", "cli.rules.col_name", "cli.check.col_severity", "cli.rules.col_basis", "cli.check.col_title"):
        table.add_column(_t(key))
    for r in catalogue:
        table.add_row(r.code, r.name, f"[{_STYLE[r.severity]}]{r.severity.label(state.lang)}[/]", _escape(", ".join(r.basis())), _escape(r.title.get(state.lang)))
    out.print(table)


@app.command()
def coverage(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục quy trình / process files or folders")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Ngày xét hiệu lực văn bản / date for legal validity (YYYY-MM-DD)")] = None,
) -> None:
    """Ma trận điều khoản: quy trình nào đáp ứng, quy tắc nào kiểm tra / clause coverage matrix."""
    given = paths or [Path("processes")]
    config = _project_config()
    report = check_paths(given, config, _parse_day(as_of))
    rows = coverage_matrix(report.processes, report.rules, report.findings, config.not_applicable)
    if output is OutputFormat.JSON:
        payload = [
            {
                "standard": r.standard,
                "clause": r.key,
                "title": r.title.get(state.lang),
                "processes": list(r.processes),
                "rules": list(r.rules),
                "not_applicable": r.not_applicable,
                "gap": r.gap,
            }
            for r in rows
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        print_diagnostics(report.load_diagnostics)
        table = Table(title=_t("cli.coverage.title"), show_header=True, header_style="bold", show_lines=False)
        for key in ("cli.coverage.standard", "cli.coverage.clause", "cli.check.col_title", "cli.coverage.processes", "cli.coverage.rules"):
            table.add_column(_t(key))
        for r in rows:
            none = f"[dim]{_t('cli.coverage.none')}[/]" if r.not_applicable else f"[red]{_t('cli.coverage.none')}[/]"
            evidence = _escape(", ".join(r.processes)) if r.processes else none
            if r.not_applicable:
                evidence += "\n[dim]" + _escape(_t("cli.coverage.not_applicable", reason=r.not_applicable)) + "[/]"
            table.add_row(r.standard, r.key, _escape(r.title.get(state.lang)), evidence, ", ".join(r.rules) if r.rules else none)
        out.print(table)
        gaps = [r.key for r in rows if r.gap]
        out.print(_t("cli.coverage.gaps", n=len(gaps), keys=", ".join(gaps)) if gaps else _t("cli.coverage.no_gaps"))
        excluded = [r.key for r in rows if r.not_applicable]
        if excluded:
            out.print(_t("cli.coverage.excluded", keys=", ".join(excluded)))
    if not report.files or any(d.data.get("usage") for d in report.load_diagnostics):
        raise typer.Exit(ExitCode.USAGE)
    raise typer.Exit(ExitCode.FINDINGS if report.load_diagnostics else ExitCode.OK)


class DiagramFormat(StrEnum):
    SVG = "svg"
    PNG = "png"
    PDF = "pdf"
    DOT = "dot"


@app.command()
def render(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục quy trình / process files or folders")] = None,
    fmt: Annotated[DiagramFormat, typer.Option("--format", "-f", help="svg | png | pdf | dot")] = DiagramFormat.SVG,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi lưu đồ / output folder")] = Path("build/diagrams"),
    highlight: Annotated[Optional[list[str]], typer.Option("--highlight", help="Tô màu các bước này / colour these step ids")] = None,
    findings: Annotated[Optional[Path], typer.Option("--findings", help="Tô màu các bước có phát hiện trong tệp JSON của «qms check -f json»")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Số lưu đồ vẽ song song / diagrams drawn in parallel (default: CPU count)")] = None,
) -> None:
    """Vẽ lưu đồ có làn theo vai trò / draw swimlane flowcharts."""
    given = paths or [Path("processes")]
    marked = _steps_with_findings(findings) if findings else {}  # a wrong file stops before the long part
    result = load_paths(given)
    print_diagnostics(result.diagnostics)
    if not result.files or any(d.data.get("usage") for d in result.diagnostics):
        raise typer.Exit(ExitCode.USAGE)
    out_dir.mkdir(parents=True, exist_ok=True)
    def options_for(process: Process) -> FlowchartOptions:
        steps = set(highlight or ()) | marked.get(process.code, set())
        return FlowchartOptions(lang=state.lang, highlight=frozenset(steps), link_suffix=f".{fmt.value}" if fmt is DiagramFormat.SVG else "")

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as progress:
        task = progress.add_task(_t("cli.render.progress"), total=len(result.processes))
        try:
            for process, image in render_all(result.processes, fmt.value, options_for, jobs):
                (out_dir / f"{process.code}.{fmt.value}").write_bytes(image)
                progress.advance(task)
        except (graphviz.ExecutableNotFound, graphviz.CalledProcessError) as exc:
            err.print(f"[red]{_escape(_t('cli.render.graphviz', error=str(exc).splitlines()[0]))}[/]")
            raise typer.Exit(ExitCode.USAGE) from None
    out.print(_t("cli.render.done", n=len(result.processes), folder=out_dir))
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.FINDINGS)


def _steps_with_findings(path: Path) -> dict[str, set[str]]:
    try:
        return steps_with_findings(path)
    except FindingsFileError as exc:
        err.print(f"[red]{_escape(exc.render(state.lang))}[/]")
        raise typer.Exit(ExitCode.USAGE) from None


@app.command()
def audit(
    features: Annotated[Path, typer.Option("--features", help="Thư mục tiêu chí (.feature) / criteria folder or file")] = Path("features"),
    processes: Annotated[Path, typer.Option("--processes", help="Thư mục quy trình / process folder")] = Path("processes"),
    tags: Annotated[Optional[str], typer.Option("--tags", help="Lọc theo thẻ, ví dụ «nd30-2020 and not khuyen-nghi»")] = None,
    process_code: Annotated[Optional[str], typer.Option("--process", help="Chỉ đánh giá quy trình này / only this process")] = None,
    outputs: Annotated[Optional[list[Path]], typer.Option("--out", "-o", help="Báo cáo: .md, .html hoặc .xml (JUnit); lặp lại được")] = None,
    allow_code: Annotated[
        bool,
        typer.Option(
            "--allow-code",
            help="Chạy cả mã Python đi kèm tiêu chí (conftest.py): mã do người viết tiêu chí viết, chạy với quyền của bạn "
            "/ also run the Python code that comes with the criteria: code written by whoever wrote them, run as you",
        ),
    ] = False,
) -> None:
    """Đánh giá theo tiêu chí Gherkin trong features/ và lập báo cáo / run the audit criteria and write the report."""
    for path in (features, processes):
        if not path.exists():
            err.print(f"[red]{_escape(_t('file.not_found', path=path))}[/] ({_escape(_t('file.not_found.hint'))})")
            raise typer.Exit(ExitCode.USAGE)
    if not allow_code and (found := code_in_criteria(features)):
        message, hint = code_refused(found)
        err.print(f"[red]{_escape(display_path(found[0]))}: {_escape(message.get(state.lang))}[/] ({_escape(hint.get(state.lang))})")
        raise typer.Exit(ExitCode.USAGE)
    with err.status(_t("cli.audit.running")):
        report = run_audit(features, processes, tags=tags, process=process_code, lang=state.lang, allow_code=allow_code)
    out.print(report_markdown(report, state.lang), markup=False, highlight=False)
    for path in outputs or ():
        write_report(report, path, state.lang)
        out.print(_t("cli.schema.written", path=path))
    raise typer.Exit(ExitCode.OK if report.ok else ExitCode.FINDINGS)


@export_app.command("bpmn")
def export_bpmn(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục quy trình / process files or folders")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi tệp .bpmn / output folder")] = Path("build/bpmn"),
) -> None:
    """Xuất BPMN 2.0 (có sơ đồ) cho Camunda Modeler, bpmn.io / export BPMN 2.0 with diagram interchange."""
    result = load_paths(paths or [Path("processes")])
    print_diagnostics(result.diagnostics)
    if not result.files or any(d.data.get("usage") for d in result.diagnostics):
        raise typer.Exit(ExitCode.USAGE)
    written = export_processes(result.processes, out_dir, state.lang)
    out.print(_t("cli.bpmn.exported", n=len(written), folder=out_dir))
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.FINDINGS)


@import_app.command("bpmn")
def import_bpmn(
    source: Annotated[Path, typer.Argument(help="Tệp .bpmn / BPMN file")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi tệp YAML / output folder")] = Path("processes"),
    code: Annotated[Optional[str], typer.Option("--code", help="Mã quy trình / process code for the new file")] = None,
) -> None:
    """Nhập sơ đồ BPMN vẽ bằng Camunda Modeler, bpmn.io thành tệp quy trình YAML / import a BPMN diagram."""
    # Wrong command line (exit 2): a code that is no process code, a source that is not a file.
    if code is not None and not is_valid_code(code):
        err.print(f"[red]{_escape(visible(_t('bpmn.bad_code', code=code)))}[/]")
        raise typer.Exit(ExitCode.USAGE)
    if not source.is_file():
        hint = Message("lệnh nhận một tệp .bpmn", "the command takes one .bpmn file").get(state.lang)
        err.print(f"[red]{_escape(visible(_t('file.not_found', path=source)))}[/] [dim]({_t('cli.hint')}: {_escape(hint)})[/]")
        raise typer.Exit(ExitCode.USAGE)

    def where(position: str) -> str:  # file:line:column, the file name shown as it is
        return _escape(visible(str(source) + (f":{position}" if position else "")))

    try:
        target, notes = import_file(source, out_dir, code)
    except BpmnError as exc:
        line = f"[red]{where(exc.position)}: {_escape(visible(exc.render(state.lang)))}[/]"
        if exc.hint is not None:
            line += f" [dim]({_t('cli.hint')}: {_escape(visible(exc.hint.get(state.lang)))})[/]"
        err.print(line)
        raise typer.Exit(ExitCode.FINDINGS) from None
    for note in notes:
        style = "yellow" if note.severity == "warning" else "cyan"
        line = f"[{style}]{where(note.position)}: {_escape(visible(note.render(state.lang)))}[/]"
        if note.hint is not None:
            line += f" [dim]({_t('cli.hint')}: {_escape(visible(note.hint.get(state.lang)))})[/]"
        out.print(line)
    out.print(_escape(visible(_t("cli.bpmn.imported", path=target, n=len(notes)))))
    check = load_paths([target])
    print_diagnostics(check.diagnostics)
    raise typer.Exit(ExitCode.OK if check.ok else ExitCode.FINDINGS)


_CONFIG = typer.Option("--config-file", "-c", help="mkdocs.yml")


def _site_step(action: Callable[[], object]) -> None:
    try:
        action()
    except SiteError as exc:
        err.print(f"[red]{_escape(str(exc))}[/]")
        raise typer.Exit(ExitCode.FINDINGS) from None


@handbook_app.command("build")
def handbook_build(
    config_file: Annotated[Path, _CONFIG] = Path("mkdocs.yml"),
    site_dir: Annotated[Optional[Path], typer.Option("--site-dir", help="Thư mục trang web / output folder")] = None,
) -> None:
    """Tạo trang web sổ tay (mkdocs build --strict) / build the handbook site."""
    _site_step(lambda: out.print(_t("cli.handbook.built", path=build_site(config_file, site_dir))))


@handbook_app.command("serve")
def handbook_serve(
    config_file: Annotated[Path, _CONFIG] = Path("mkdocs.yml"),
    address: str = "127.0.0.1:8000",
    full: Annotated[bool, typer.Option("--full", help="Dựng lại mọi trang sau mỗi lần lưu / rebuild every page on each save")] = False,
) -> None:
    """Xem thử, tự cập nhật khi lưu tệp YAML / preview with live reload."""
    # --dirty: only the pages a saved file changed are rendered again (about 1 s for 500 processes instead of 15 s);
    # the qms plugin keeps menus and search complete (qms.handbook.preview). --full for pages outside the handbook.
    args = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file), "--dev-addr", address]
    raise typer.Exit(subprocess.call(args + ([] if full else ["--dirty"]), env=tool_env()))


@handbook_app.command("publish")
def handbook_publish(
    version: Annotated[str, typer.Option("--version", help="Phiên bản sổ tay / handbook version, e.g. 2025.1")],
    effective: Annotated[Optional[str], typer.Option("--effective", help="Ngày hiệu lực / effective date (YYYY-MM-DD)")] = None,
    alias: Annotated[Optional[list[str]], typer.Option("--alias", help="Bí danh / alias (default: latest)")] = None,
    config_file: Annotated[Path, _CONFIG] = Path("mkdocs.yml"),
) -> None:
    """Phát hành một phiên bản (mike) / publish a version with mike."""
    day = _parse_day(effective)
    _site_step(lambda: publish(config_file, version, day, tuple(alias or ("latest",))))
    out.print(_t("cli.handbook.published", version=version))


@handbook_app.command("export")
def handbook_export(
    target: Annotated[Path, typer.Argument(help="Thư mục đích / folder to write")],
    repo: Annotated[Path, typer.Option("--repo", help="Kho git chứa nhánh gh-pages")] = Path("."),
) -> None:
    """Xuất mọi phiên bản đã phát hành ra một thư mục / export every published version to a folder."""
    _site_step(lambda: out.print(_t("cli.handbook.exported", path=export_site(repo, target))))


@handbook_app.command("generate")
def handbook_generate(
    target: Annotated[Path, typer.Argument(help="Thư mục ghi các trang Markdown và lưu đồ / folder for the pages and diagrams")],
    paths: Annotated[Optional[list[Path]], typer.Option("--processes", help="Tệp hoặc thư mục quy trình")] = None,
) -> None:
    """Ghi các trang sổ tay ra thư mục, cho công cụ khác (Zensical) / write the handbook pages to a folder for other site tools."""
    project = _project_config()
    report = check_paths(paths or [Path("processes")], project)
    print_diagnostics(report.load_diagnostics)
    if report.load_diagnostics or not report.processes:
        raise typer.Exit(ExitCode.FINDINGS if report.files else ExitCode.USAGE)
    book = build_handbook(report.processes, state.lang, report.findings, diagrams=True, rules=report.rules, not_applicable=project.not_applicable)
    book.assets.update(draw_flowcharts(book, report.processes, state.lang))
    for name, content in {**book.pages, **book.assets}.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    out.print(_t("cli.handbook.built", path=target))


@handbook_app.command("pdf")
def handbook_pdf(
    target: Annotated[Path, typer.Argument(help="Tệp PDF / PDF file to write")],
    paths: Annotated[Optional[list[Path]], typer.Option("--processes", help="Tệp hoặc thư mục quy trình")] = None,
    process_code: Annotated[Optional[str], typer.Option("--process", help="Chỉ in quy trình này / only this process")] = None,
) -> None:
    """In sổ tay (hoặc một quy trình) ra PDF, có khối phê duyệt / print the handbook or one process to PDF."""
    result = load_paths(paths or [Path("processes")])
    print_diagnostics(result.diagnostics)
    if not result.ok or not result.processes:
        raise typer.Exit(ExitCode.FINDINGS if result.files else ExitCode.USAGE)
    chosen = [p for p in result.processes if process_code in (None, p.code)]
    if not chosen:
        err.print(f"[red]{_escape(_t('ref.unknown', kind='quy trình', kind_en='process', name=process_code))}[/]")
        raise typer.Exit(ExitCode.USAGE)
    book = build_handbook(chosen, state.lang, diagrams=True)
    book.assets.update(draw_flowcharts(book, chosen, state.lang))
    try:
        print_pdf(print_html(book, chosen, state.lang, title=_t("cli.handbook.print_title")), target)
    except Exception as exc:  # noqa: BLE001 - Playwright/Chromium failures are environment problems to explain
        err.print(f"[red]{_escape(_t('cli.handbook.print_failed', error=f'{type(exc).__name__}: {exc}'.splitlines()[0]))}[/]")
        raise typer.Exit(ExitCode.USAGE) from None
    out.print(_t("cli.schema.written", path=target))


@handbook_app.command("in-force")
def handbook_in_force(
    day: Annotated[str, typer.Argument(help="Ngày / date (YYYY-MM-DD)")],
    repo: Annotated[Path, typer.Option("--repo", help="Kho git chứa nhánh gh-pages")] = Path("."),
) -> None:
    """Phiên bản sổ tay có hiệu lực vào một ngày / the handbook version in force on a date."""
    when = _parse_day(day)
    found: list[object] = []
    _site_step(lambda: found.append(version_in_force(repo, when or date.today())))
    if not found or found[0] is None:
        out.print(_t("cli.handbook.none_in_force", day=day))
        raise typer.Exit(ExitCode.FINDINGS)
    version = found[0]
    out.print(_t("cli.handbook.in_force", day=day, version=version.version, effective=version.effective))  # type: ignore[attr-defined]


def _lang_first(args: list[str]) -> list[str]:
    """Accept ``--lang`` anywhere (``qms rules QMS101 --lang en``) by moving it before the command."""
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--":
            rest += args[i:]
            break
        if args[i] == "--lang" and i + 1 < len(args):
            moved += args[i : i + 2]
            i += 2
            continue
        if args[i].startswith("--lang="):
            moved.append(args[i])
        else:
            rest.append(args[i])
        i += 1
    return moved + rest


def _robust_output() -> None:
    """Make printing never fail on the console's encoding.

    With a legacy console encoding (``PYTHONIOENCODING=cp1258``, a Windows
    code page) Vietnamese text such as "ệ" cannot be encoded and every print
    raised UnicodeEncodeError. Output that is not a terminal (``> out.txt``,
    a pipe, CI logs) is written as UTF-8 whatever that setting says: JSON,
    SARIF and JUnit (declared ``encoding="UTF-8"``) must be UTF-8 to be valid,
    and a UTF-8 log is readable everywhere; "backslashreplace" writes what
    even UTF-8 cannot hold (a lone surrogate from an undecodable file name)
    as a ``\\udcff`` escape, which JSON reads back. A terminal keeps its own
    encoding, since that is what it shows, with "?" for what it cannot show.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # replaced by a caller (no TextIOWrapper), or None under pythonw
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="backslashreplace")
        except (OSError, ValueError):
            pass


def run() -> None:
    """Console-script entry point: no Python traceback ever reaches the user."""
    _robust_output()
    try:
        app(args=_lang_first(sys.argv[1:]))
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence
        if os.environ.get("QMS_DEBUG"):
            raise
        err.print(f"[red]{_escape(msg('cli.internal_error', error=f'{type(exc).__name__}: {exc}').get(state.lang))}[/]")
        sys.exit(ExitCode.INTERNAL)
