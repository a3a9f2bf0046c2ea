"""The processes a file named on its own calls, found beside it or in the project's ``processes/`` folder.

``qms validate processes/QT-DGNB-01.yaml`` checks that one file, and its sub-process step calls QT-VB-01, whose
file was not named. The call is resolved where a project keeps its processes: the named file's own folder, then
the ``processes/`` folder of its project (:func:`~qms.load.project.project_processes`). What is read there is read
for resolution only: its own problems belong to that file, not to the one checked, and are told only when they
leave a call unresolved (which file, and why), so that a clean result never hides a call nobody could check.

Files are read only when a call names a code the loaded files do not declare, a file named after the code first
(``QT-VB-01.yaml``): checking one file of a large project reads one more file, not the whole folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qms.diagnostics import Diagnostic, LoadCode, display_path, error
from qms.i18n import _
from qms.load.discovery import SUFFIXES, discover
from qms.load.project import project_processes
from qms.load.references import check_process
from qms.model import Process, StepType

# What pass 1 of the loader gives for one file: the code it declares, its model if valid, its problems.
Outcome = tuple[str | None, Process | None, list[Diagnostic]]


@dataclass(frozen=True)
class CalledFile:
    """A file read to resolve a call, and what reading it gave."""

    path: Path
    code: str | None
    process: Process | None
    problems: list[Diagnostic] = field(repr=False)


def search_files(named_alone: Iterable[Path], loaded: Iterable[Path]) -> list[Path]:
    """The process files beside ``named_alone`` and in their projects' ``processes/``, less those ``loaded``."""
    files: list[Path] = []
    for folder in dict.fromkeys(path.parent for path in named_alone):
        files += _beside(folder)
        processes = project_processes(folder)
        if processes is not None:
            files += discover([processes])[0]  # a broken file there is not the named file's problem
    skip = {path.resolve() for path in loaded}
    unique: dict[Path, Path] = {}
    for path in files:
        if path.resolve() not in skip:
            unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _beside(folder: Path) -> list[Path]:
    """The process files directly in ``folder`` (as discovery skips them: «.» and «_» names, what is no regular file)."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:  # a folder one may read a file from but not list: nothing beside it is known
        return []
    return [p for p in entries if p.suffix in SUFFIXES and not p.name.startswith((".", "_")) and p.is_file()]


class CallResolver:
    """Finds the files that declare called codes among :func:`search_files`, reading as few as it can."""

    def __init__(self, files: Callable[[], list[Path]], read: Callable[[Path], Outcome]) -> None:
        self._list = files
        self._files: list[Path] | None = None
        self._read = read
        self._done: set[Path] = set()
        self.by_code: dict[str, CalledFile] = {}
        self.called: list[Process] = []  # the valid processes the calls lead to, directly or through others
        self._nameless: dict[str, CalledFile] = {}  # by file stem: files whose code could not be read

    def find(self, code: str) -> CalledFile | None:
        """The file that declares ``code``, or one named after it whose code cannot be read; else ``None``."""
        if code not in self.by_code:
            files = self._candidates()
            for path in [p for p in files if p.stem == code] + files:  # the file named after the code first
                self._take(path)
                if code in self.by_code:
                    break
        return self.by_code.get(code) or self._nameless.get(code)

    def resolve(self, processes: Iterable[Process], known: set[str]) -> None:
        """Find every code ``processes`` call that ``known`` lacks, and the codes those call in turn."""
        wanted = [code for process in processes for code in calls_of(process) if code not in known]
        while wanted:
            code = wanted.pop()
            found = self.find(code) if code not in known else None
            if found is None:
                continue  # named nowhere (or already known): the reference check reports it, with a did-you-mean
            known.add(code)  # found, even if broken: unusable_calls says why, instead of "does not exist"
            if found.process is not None:
                self.called.append(found.process)
                wanted += [c for c in calls_of(found.process) if c not in known]

    @property
    def codes(self) -> set[str]:
        """Every code read so far: where a call names nothing, the candidates of its did-you-mean."""
        return set(self.by_code)

    def _candidates(self) -> list[Path]:
        if self._files is None:
            self._files = self._list()
        return self._files

    def _take(self, path: Path) -> None:
        if path in self._done:
            return
        self._done.add(path)
        code, process, problems = self._read(path)
        if process is not None:  # pass 2 without its calls: a broken step reference would break its graph too
            problems = check_process(process, process.origin.source)
            process = process if not problems else None
        if code is not None:
            self.by_code.setdefault(code, CalledFile(path, code, process, problems))
        else:
            self._nameless.setdefault(path.stem, CalledFile(path, None, None, problems))


def calls_of(process: Process) -> list[str]:
    """The codes the sub-process steps of ``process`` call, in file order."""
    return [step.calls for step in process.steps if step.type is StepType.SUBPROCESS and step.calls]


def unusable_calls(process: Process, resolver: CallResolver) -> list[Diagnostic]:
    """A call of ``process`` to a file found for it that has errors: which file, and its first problem."""
    found: list[Diagnostic] = []
    for index, step in enumerate(process.steps):
        called = resolver.find(step.calls) if step.calls and step.calls != process.code else None
        if called is None or called.process is not None or not called.problems:
            continue
        first = min(called.problems, key=lambda d: (d.location.line, d.location.column))
        message = _("quy trình được gọi «{code}» không kiểm tra được vì tệp của nó có lỗi: {place}: {problem}").format(
            code=step.calls, place=f"{display_path(called.path)}:{first.location.line}:{first.location.column}", problem=first.message
        )
        hint = _("sửa tệp đó («qms validate {path}» chỉ ra mọi lỗi của nó), hoặc kiểm tra cả thư mục").format(
            path=display_path(called.path)
        )
        found.append(error(LoadCode.REFERENCE, process.origin.at("steps", index, "calls"), message, hint, kind="process", name=step.calls))
    return found


__all__ = ["CallResolver", "CalledFile", "calls_of", "search_files", "unusable_calls"]
