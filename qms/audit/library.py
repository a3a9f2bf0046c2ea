"""The processes under audit: loaded once per pytest session, looked up by code.

:class:`ProcessLibrary` reads a folder with :func:`qms.load.load_paths`,
keeps the load diagnostics (a file with errors is evidence too), and hands
out :class:`AuditedProcess` objects: a process with its graph, the
conformity findings of :mod:`qms.rules.engine` (computed on first use) and
helpers that locate any part of it in its file.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from qms.audit.codes import AuditCode
from qms.audit.errors import AuditFinding, Cause, CriterionError
from qms.diagnostics import Diagnostic, Location, Severity
from qms.graph import ProcessCatalogue, ProcessGraph
from qms.i18n import Message, _
from qms.legal.read import project_register
from qms.legal.register import Register
from qms.load import LoadResult, load_paths
from qms.load.source import SourceError, read_document
from qms.model import Process
from qms.rules.base import Finding
from qms.rules.config import ConfigError, RuleConfig, find_config, load_config
from qms.rules.engine import check_process, enabled_rules


def close_matches(word: str, candidates: Iterable[str], n: int = 3) -> Message:
    """`` (có phải «A», «B»?)`` when some candidates are close to ``word``, else nothing."""
    found = difflib.get_close_matches(word, list(candidates), n=n, cutoff=0.6)
    return _(" (có phải «{names}»?)").format(names="», «".join(found)) if found else Message("", "")


class ProcessLibrary:
    """Every process in a folder, by code."""

    def __init__(self, folder: Path | str, config: RuleConfig | None = None):
        self.folder = Path(folder)
        self.result: LoadResult = load_paths([self.folder])
        self.by_code: dict[str, Process] = self.result.by_code()
        self._config = config
        self._audited: dict[str, AuditedProcess] = {}

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.result.diagnostics

    @cached_property
    def catalogue(self) -> ProcessCatalogue:
        return ProcessCatalogue(self.result.processes)

    @cached_property
    def rule_config(self) -> RuleConfig:
        """The project's rule configuration ([tool.qms] or qms.toml), as ``qms check`` uses it."""
        if self._config is not None:
            return self._config
        try:
            return load_config(find_config(self.folder if self.folder.is_dir() else self.folder.parent))
        except ConfigError as exc:
            raise CriterionError(Message(str(exc), str(exc)), code=AuditCode.RUN_FAILED) from exc

    @cached_property
    def legal_register(self) -> Register:
        """The project's legal register, found as ``qms check`` finds it (beside the configuration, else upwards)."""
        source = self.rule_config.source
        return project_register(source.parent if source else self.folder if self.folder.is_dir() else self.folder.parent)

    @cached_property
    def invalid(self) -> dict[str, list[Diagnostic]]:
        """Process code -> the errors of its file, for files that did not load."""
        errors: dict[Path, list[Diagnostic]] = defaultdict(list)
        for diagnostic in self.result.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                errors[Path(diagnostic.location.path)].append(diagnostic)
        loaded = {Path(p.origin.path) for p in self.result.processes if p.origin is not None}
        by_code: dict[str, list[Diagnostic]] = {}
        for path, found in errors.items():
            if path in loaded:
                continue
            try:
                data = read_document(path).data
            except (SourceError, OSError):
                data = None
            code = data.get("code") if isinstance(data, dict) else None
            by_code.setdefault(str(code) if code else path.stem, []).extend(found)
        return by_code

    def get(self, code: str) -> AuditedProcess:
        """The process ``code``; a finding if its file has errors, a criterion error if there is none."""
        if code in self._audited:
            return self._audited[code]
        if code not in self.by_code:
            if code in self.invalid:
                first = self.invalid[code][0]
                raise AuditFinding(
                    _("tệp của quy trình «{code}» có lỗi nên chưa đánh giá được: {problem}").format(code=code, problem=first.message),
                    first.location,
                    _("sửa lỗi bằng «qms validate» rồi đánh giá lại"),
                    code,
                    code=AuditCode.PROCESS_FILE,
                )
            close = close_matches(code, self.by_code)
            raise CriterionError(
                _("không có quy trình «{code}» trong {folder}{close}").format(code=code, folder=self.folder, close=close),
                _(
                    "kiểm tra mã quy trình trong tiêu chí, hoặc chọn thư mục quy trình bằng --qms-processes hay biến môi trường QMS_PROCESSES"
                ),
                code=AuditCode.NO_PROCESS,
            )
        audited = AuditedProcess(self.by_code[code], self)
        self._audited[code] = audited
        return audited

    def __getitem__(self, code: str) -> AuditedProcess:
        return self.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def codes(self) -> list[str]:
        return sorted(self.by_code)


class AuditedProcess:
    """One process as the steps see it: the model, its graph, its findings, locations in its file."""

    def __init__(self, process: Process, library: ProcessLibrary | None = None):
        self.process = process
        self.library = library

    @property
    def code(self) -> str:
        return self.process.code

    @cached_property
    def graph(self) -> ProcessGraph:
        return ProcessGraph(self.process)

    @cached_property
    def checked(self) -> list[Finding]:
        """Every finding of the enabled conformity rules, waived ones included."""
        config = self.library.rule_config if self.library is not None else RuleConfig()
        catalogue = self.library.catalogue if self.library is not None else None
        register = self.library.legal_register if self.library is not None else None
        return check_process(self.process, enabled_rules(config), config, catalogue, register=register)

    @property
    def findings(self) -> list[Finding]:
        """Findings of the enabled conformity rules that no waiver covers."""
        return [f for f in self.checked if not f.waived]

    @property
    def waived(self) -> list[Finding]:
        """Findings an approved waiver of the process covers: not counted, but an auditor must see them."""
        return [f for f in self.checked if f.waived]

    # --- where things are written ----------------------------------------------------------
    def at(self, *path: str | int) -> Location | None:
        origin = self.process.origin
        return origin.at(*path) if origin is not None else None

    def step_at(self, step_id: str, *field_: str | int) -> Location | None:
        origin = self.process.origin
        return origin.step(self.process, step_id, *field_) if origin is not None else None

    def record_at(self, code: str, *field_: str | int) -> Location | None:
        index = next((i for i, r in enumerate(self.process.records) if r.code == code), None)
        return self.at("records", index, *field_) if index is not None else self.at("records")

    def kpi_at(self, code: str, *field_: str | int) -> Location | None:
        index = next((i for i, k in enumerate(self.process.kpis) if k.code == code), None)
        return self.at("kpis", index, *field_) if index is not None else self.at("kpis")

    def finding(
        self, message: Message, location: Location | None, hint: Message | None = None, step: str | None = None, cause: Cause | None = None
    ) -> AuditFinding:
        """The finding ``message`` about this process (and its step ``step``), shown at ``location``; ``cause`` when it
        is one missing element or rule finding that other criteria may fail on too."""
        return AuditFinding(message, location, hint, self.code, step=step, cause=cause)
