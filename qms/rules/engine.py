"""Run the enabled rules on every process; apply configuration and waivers.

Besides the rules' own findings the engine reports two of its own:
``QMS090`` for a waiver that suppresses nothing (a stale exemption an
auditor should see removed) and ``QMS099`` for a rule that crashed (as
bpmnlint does: the run goes on and the crash is a finding, never a
traceback). Both follow the configuration like a rule's findings: ``ignore``
drops them and ``severity`` re-grades them (``select`` does not turn them off:
they are about the run of whichever rules were selected).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import networkx as nx

from qms.diagnostics import Diagnostic, Severity
from qms.graph import ProcessCatalogue, ProcessGraph
from qms.i18n import _
from qms.legal.read import default_register
from qms.legal.register import Register
from qms.load import LoadResult, ReadCache, collector_paused, load_paths
from qms.load.exclude import Exclusion
from qms.model import Process
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.config import RuleConfig
from qms.rules.engine_codes import ENGINE_CODE_TABLE, ENGINE_CODES, RULE_CRASHED, UNUSED_WAIVER  # below this and config
from qms.rules.registry import all_rules

DEFAULT_CONFIG = RuleConfig()  # every rule, default severities (frozen, so safe to share)
@dataclass
class CheckReport:
    """The outcome of checking a set of processes."""

    processes: list[Process]
    rules: list[type[Rule]]
    findings: list[Finding] = field(default_factory=list)
    load_diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Everything to show, in the order to show it: the load errors, then each process's findings by position."""
        by_process: dict[str | None, list[Finding]] = {}
        for finding in self.findings:
            by_process.setdefault(finding.process, []).append(finding)
        ordered = list(self.load_diagnostics)
        for code in self.codes:
            found = by_process.pop(code, [])
            ordered += sorted(found, key=lambda f: (f.location.line, f.location.column, f.code))
        return ordered + [f for rest in by_process.values() for f in rest]

    @property
    def codes(self) -> list[str]:
        """The codes of the processes checked, in order (without reading back models the results cache kept)."""
        codes = getattr(self.processes, "codes", None)  # qms.load.cached.LazyProcesses
        return list(codes) if codes is not None else [p.code for p in self.processes]

    @property
    def active(self) -> list[Finding]:
        """Findings not covered by a waiver."""
        return [f for f in self.findings if not f.waived]

    @property
    def waived(self) -> list[Finding]:
        return [f for f in self.findings if f.waived]

    def fails(self, fail_on: str) -> bool:
        if any(d.severity is Severity.ERROR for d in self.load_diagnostics):
            return True
        if fail_on == "never":
            return False
        threshold = Severity(fail_on).rank
        return any(f.severity.rank >= threshold for f in self.active)


def check_process(
    process: Process,
    rules: Sequence[type[Rule]],
    config: RuleConfig = DEFAULT_CONFIG,
    catalogue: Mapping[str, Process] | None = None,
    today: date | None = None,
    register: Register | None = None,
) -> list[Finding]:
    """Findings of ``rules`` on one process, re-graded by ``config`` and matched with waivers.

    ``register`` is the project's legal register (:func:`qms.legal.read.project_register`); the package's default without.
    """
    if not isinstance(catalogue, ProcessCatalogue):
        catalogue = ProcessCatalogue(catalogue.values() if catalogue else [process])
    ctx = RuleContext(process, ProcessGraph(process), catalogue, today or date.today(), register or default_register())
    findings: list[Finding] = []
    for rule_class in rules:
        rule = rule_class()
        try:
            produced = list(rule.check(ctx))
        except Exception as exc:  # a crashing rule must not stop the audit
            produced = [_crash(ctx, rule_class, exc)]
        findings += produced
    return [_graded(f, config) for f in _apply_waivers(ctx, findings, {r.code for r in rules}) if not _dropped(f, config)]


def _graded(finding: Finding, config: RuleConfig) -> Finding:
    severity = config.severity_of(finding.code, finding.severity)
    return finding if severity is finding.severity else replace(finding, severity=severity)


def _dropped(finding: Finding, config: RuleConfig) -> bool:
    """An engine finding (QMS090, QMS099) the configuration ignores; a rule's own findings come from enabled rules only."""
    return finding.code in ENGINE_CODES and config.ignored(finding.code)


def _crash(ctx: RuleContext, rule: type[Rule], exc: Exception) -> Finding:
    detail = f"{type(exc).__name__}: {exc}"
    return Diagnostic(
        RULE_CRASHED,
        Severity.ERROR,
        ctx.location(),
        _("quy tắc {code} gặp lỗi khi chạy ({detail})").format(code=rule.code, detail=detail),
        ENGINE_CODE_TABLE[1].fix,
        process=ctx.process.code,
    )


def _apply_waivers(ctx: RuleContext, findings: list[Finding], ran: set[str]) -> list[Finding]:
    result: list[Finding] = []
    used: set[int] = set()
    waivers = list(enumerate(ctx.process.waivers))
    for finding in findings:
        match = next((i for i, w in waivers if w.rule == finding.code and (w.step is None or w.step == finding.step)), None)
        if match is not None:
            used.add(match)
            finding = replace(finding, waiver=ctx.process.waivers[match])
        result.append(finding)
    for i, waiver in waivers:
        if i not in used and waiver.rule in ran:
            text = _("miễn áp dụng quy tắc {rule} không còn che phát hiện nào").format(rule=waiver.rule)
            result.append(
                Diagnostic(UNUSED_WAIVER, Severity.WARNING, ctx.location("waivers", i), text, ENGINE_CODE_TABLE[0].fix, process=ctx.process.code, step=waiver.step)
            )
    return result


def enabled_rules(config: RuleConfig) -> list[type[Rule]]:
    return [r for r in all_rules() if config.enabled(r.code)]


def check_processes(
    processes: Iterable[Process],
    config: RuleConfig = DEFAULT_CONFIG,
    today: date | None = None,
    cache: FindingsCache | None = None,
    called: Iterable[Process] = (),
    register: Register | None = None,
) -> list[Finding]:
    """Findings of every enabled rule on every process; a ``cache`` kept by the caller skips unchanged processes.

    ``called`` are processes the rules may look at through sub-process calls but do not check (those a file
    named on its own calls, :attr:`qms.load.LoadResult.called`). ``register`` is the project's legal register.
    """
    processes = list(processes)
    catalogue = ProcessCatalogue([*called, *processes])
    rules = enabled_rules(config)
    day = today or date.today()
    legal = register or default_register()
    with collector_paused():
        if cache is None:
            return [f for p in processes for f in check_process(p, rules, config, catalogue, day, legal)]
        return cache.check(processes, rules, config, catalogue, day, legal)


class FindingsCache:
    """Findings per process, kept across repeated checks of a folder that changes little (``mkdocs serve``).

    A process is checked again unless its model and the models of every process it calls, directly or
    through others, are the very objects checked last time (:class:`qms.load.ReadCache` hands back the same
    object while a file is unchanged), with the same rules, configuration and day. Rules see other processes
    only through sub-process calls (QMS106, QMS305, QMS505), which is what this covers; a rule that looked at
    processes a process does not call would need this key widened.
    """

    def __init__(self) -> None:
        self._setting: tuple[list[str], RuleConfig, date, Register] | None = None
        self._entries: dict[str, tuple[Process, int, list[Finding]]] = {}

    def check(
        self,
        processes: list[Process],
        rules: Sequence[type[Rule]],
        config: RuleConfig,
        catalogue: ProcessCatalogue,
        today: date,
        register: Register | None = None,
    ) -> list[Finding]:
        legal = register or default_register()
        setting = ([r.code for r in rules], config, today, legal)  # a changed register changes every legal finding
        if setting != self._setting:
            self._setting, self._entries = setting, {}
        stamps = _call_stamps(catalogue)
        entries: dict[str, tuple[Process, int, list[Finding]]] = {}
        for process in processes:
            kept = self._entries.get(process.code)
            if kept is not None and kept[0] is process and kept[1] == stamps[process.code]:
                entries[process.code] = kept
            else:
                entries[process.code] = (process, stamps[process.code], check_process(process, rules, config, catalogue, today, legal))
        self._entries = entries  # holds the models, so that identities are not reused while compared
        return [f for p in processes for f in entries[p.code][2]]


def _call_stamps(catalogue: ProcessCatalogue) -> dict[str, int]:
    """For each process, a number that changes when it or any process it calls (transitively) is another object."""
    condensed = nx.condensation(catalogue.calls)  # cycles of calls become one node; the rest is a DAG
    stamp_of: dict[int, int] = {}
    for component in reversed(list(nx.topological_sort(condensed))):  # called processes first
        own = tuple(sorted((code, id(catalogue[code])) for code in condensed.nodes[component]["members"]))
        stamp_of[component] = hash((own, tuple(sorted(stamp_of[c] for c in condensed.successors(component)))))
    return {code: stamp_of[component] for code, component in condensed.graph["mapping"].items()}


def check_paths(
    paths: Iterable[Path | str],
    config: RuleConfig = DEFAULT_CONFIG,
    today: date | None = None,
    caches: tuple[ReadCache, FindingsCache] | None = None,
    register: Register | None = None,
    exclusion: Exclusion | None = None,
) -> CheckReport:
    """Load the process files under ``paths`` (but what ``exclusion`` matches) and check every valid one against
    ``register`` (its problems are load errors)."""
    loaded: LoadResult = load_paths(paths, caches[0] if caches else None, exclusion)
    legal = register or default_register()
    diagnostics = [*legal.problems, *loaded.diagnostics]
    report = CheckReport(loaded.processes, enabled_rules(config), load_diagnostics=diagnostics, files=loaded.files)
    report.findings = check_processes(loaded.processes, config, today, caches[1] if caches else None, loaded.called, legal)
    return report
