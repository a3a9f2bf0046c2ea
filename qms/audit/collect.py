"""Collecting ``.feature`` files as pytest tests, one test per criterion.

pytest-bdd binds scenarios to a Python test module (``scenarios()``). An
auditor only writes ``.feature`` files, so the plugin collects them itself:
:class:`FeatureFile` is a pytest module whose object is built from the
feature file, with one pytest-bdd scenario function per scenario. Each file
is read on its own, so a file that is not valid Gherkin is one error entry
(file, line, what is wrong, how to fix it) and the other files still run.

Collection is enabled by the ini option ``qms_collect_features = true``
(this project's pyproject.toml sets it) so that installing qms does not
change how other projects' pytest-bdd suites collect.
"""

from __future__ import annotations

import re
import types
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytest_bdd import feature as bdd_feature
from pytest_bdd import scenario
from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.parser import Feature, Scenario, ScenarioTemplate
from pytest_bdd.scenario import get_python_name_generator, scenario_wrapper_template_registry

from qms.audit.codes import AuditCode
from qms.audit.report import AuditError, CriterionResult
from qms.i18n import Message, _

if TYPE_CHECKING:  # pytest exports neither name
    from _pytest._code.code import TerminalRepr, TracebackStyle

# Per-run state, kept in pytest's stash (one per session, so nested in-process runs do not mix).
RESULTS = pytest.StashKey[list[CriterionResult]]()
ERRORS = pytest.StashKey[list[AuditError]]()
LIBRARY = pytest.StashKey[Any]()  # a qms.audit.library.ProcessLibrary
STARTED = pytest.StashKey[Any]()
# Per-test state.
CRITERION = pytest.StashKey["Criterion"]()
EXAMINED = pytest.StashKey[list[str]]()
FAILED_STEP = pytest.StashKey[Any]()
UNKNOWN_STEP = pytest.StashKey[Any]()

_CHOOSE_PROCESS = re.compile(r'^\s*(?:quy trình|the process)\s+"([^"]+)"\s*$', re.IGNORECASE)
_VIETNAMESE_KEYWORDS = re.compile(r"^\s*(?:Tính năng|Kịch bản|Tình huống|Khung kịch bản|Bối cảnh|Biết|Thì)\b", re.MULTILINE)
_LANGUAGE_LINE = re.compile(r"^\s*#\s*language\s*:", re.MULTILINE)


@dataclass
class Criterion:
    """What a collected test is, as an auditor names it."""

    feature: Feature
    template: ScenarioTemplate
    scenario: Scenario  # rendered with the outline row
    example: dict[str, str] = field(default_factory=dict)

    @property
    def file(self) -> Path:
        return Path(self.feature.filename)

    @property
    def tags(self) -> tuple[str, ...]:
        rule = self.template.rule.tags if self.template.rule is not None else set()
        example_tags = {t for ex in self.template.examples if self.example and _row_in(ex, self.example) for t in ex.tags}
        return tuple(sorted(self.feature.tags | rule | self.template.tags | example_tags))

    @property
    def named_processes(self) -> tuple[str, ...]:
        """Process codes the criterion's steps choose («Biết quy trình "…"»)."""
        codes = []
        for step in self.scenario.steps:
            match = _CHOOSE_PROCESS.match(step.name)
            if match and match.group(1) not in codes:
                codes.append(match.group(1))
        return tuple(codes)

    def result(self, **fields: Any) -> CriterionResult:
        return CriterionResult(
            feature=self.feature.name,
            file=self.file,
            line=self.scenario.line_number,
            scenario=self.scenario.name,
            tags=self.tags,
            example=dict(self.example),
            **fields,
        )


def _row_in(examples: Any, row: dict[str, str]) -> bool:
    return any(context == row for context in examples.as_contexts())


def criterion_of(item: pytest.Item) -> Criterion | None:
    """The criterion a collected test runs, if it is a pytest-bdd scenario."""
    try:
        template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    except TypeError:  # an object that cannot be weakly referenced is no scenario
        template = None
    if template is None:
        return None
    callspec = getattr(item, "callspec", None)
    example = dict(callspec.params.get("_pytest_bdd_example", {})) if callspec is not None else {}
    return Criterion(template.feature, template, template.render(example), example)


# --- reading a feature file -----------------------------------------------------------------------


class CriteriaFileError(Exception):
    """A feature file that cannot be turned into criteria."""

    def __init__(self, error: AuditError):
        self.error = error
        super().__init__(error.message.vi)


def _syntax_hint(path: Path, source: str) -> Message:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    if source.strip().startswith(("Ví dụ", "Ví Dụ")):
        return _("bảng ví dụ của «Khung kịch bản» dùng từ khoá «Dữ liệu:», không phải «Ví dụ:»")
    if _VIETNAMESE_KEYWORDS.search(text) and not _LANGUAGE_LINE.search(text):
        return _("tệp viết bằng từ khoá tiếng Việt phải bắt đầu bằng dòng «# language: vi»")
    return _(
        "tệp tiếng Việt bắt đầu bằng «# language: vi»; từ khoá: Tính năng, Bối cảnh, Kịch bản (Tình huống), "
        "Khung kịch bản, Dữ liệu, Biết (Cho), Khi, Thì, Và, Nhưng"
    )


def read_feature(path: Path) -> Feature:
    """Parse ``path`` afresh (pytest-bdd caches features by path for the whole process)."""
    bdd_feature.features.pop(str(path), None)
    try:
        feature = bdd_feature.get_feature(str(path.parent), path.name)
    except GherkinParseError as exc:
        problem = Message(exc.message, exc.message)
        source = exc.line_content.strip()
        message = (
            _("tệp tiêu chí không đọc được: dòng {line} «{source}» không đúng cú pháp Gherkin ({problem})").format(
                line=exc.line, source=source, problem=problem
            )
            if source
            else _("tệp tiêu chí không đọc được: {problem}").format(problem=problem)
        )
        error = AuditError(path, exc.line, message, _syntax_hint(path, exc.line_content), exc.line_content, code=AuditCode.CRITERIA_FILE)
        raise CriteriaFileError(error) from exc
    except (KeyError, TypeError, AttributeError) as exc:  # empty file, or comments only: no Feature at all
        raise CriteriaFileError(
            AuditError(
                path,
                1,
                _("tệp tiêu chí rỗng hoặc không có «Tính năng»"),
                _(
                    "tệp tiếng Việt bắt đầu bằng «# language: vi»; từ khoá: Tính năng, Bối cảnh, Kịch bản (Tình huống), "
                    "Khung kịch bản, Dữ liệu, Biết (Cho), Khi, Thì, Và, Nhưng"
                ),
                code=AuditCode.CRITERIA_FILE,
            )
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        problem = Message(str(exc), str(exc))
        message = _("tệp tiêu chí không đọc được: {problem}").format(problem=problem)
        raise CriteriaFileError(AuditError(path, 1, message, code=AuditCode.CRITERIA_FILE)) from exc
    _normalise(feature)
    return feature


def _normalise(feature: Feature) -> None:
    """NFC text everywhere, as the process loader does: a phrase typed with combining accents still matches."""
    templates = list(feature.scenarios.values())
    steps = list(feature.background.steps) if feature.background else []
    for template in templates:
        template.name = unicodedata.normalize("NFC", template.name)
        steps += template._steps
        if template.rule is not None and template.rule.background is not None:
            steps += template.rule.background.steps
    for step in steps:
        step.name = unicodedata.normalize("NFC", step.name)


def duplicate_scenarios(path: Path, feature: Feature) -> list[AuditError]:
    """Scenarios sharing a name: pytest-bdd keeps only the last, so the others would silently not run."""
    from pytest_bdd.gherkin_parser import get_gherkin_document

    document = get_gherkin_document(str(path))
    seen: dict[str, int] = {}
    errors = []

    def visit(children: list[Any]) -> None:
        for child in children:
            if getattr(child, "rule", None) is not None:
                visit(child.rule.children)
            elif getattr(child, "scenario", None) is not None:
                name, line = unicodedata.normalize("NFC", child.scenario.name), child.scenario.location.line
                if name in seen:
                    errors.append(
                        AuditError(
                            path,
                            line,
                            _("hai kịch bản cùng tên «{name}» (dòng {first} và {line}): kịch bản ở dòng {first} bị bỏ qua").format(
                                name=name, first=seen[name], line=line
                            ),
                            _("đặt tên riêng cho mỗi kịch bản"),
                            code=AuditCode.DUPLICATE_SCENARIO,
                        )
                    )
                seen[name] = line

    visit(document.feature.children)
    return errors


def register_tags(config: pytest.Config, feature: Feature) -> None:
    """Declare every tag as a marker, so that ``--strict-markers`` accepts ``@iso9001-7.5.2`` and ``-m`` selects by it."""
    tags = set(feature.tags)
    for template in feature.scenarios.values():
        tags |= template.tags
        tags |= template.rule.tags if template.rule is not None else set()
        for examples in template.examples:
            tags |= examples.tags
    known = {line.split(":")[0].split("(")[0].strip() for line in config.getini("markers")}
    for tag in sorted(tags - known):
        config.addinivalue_line("markers", f"{tag}: thẻ tiêu chí đánh giá / audit criterion tag")


def _criterion() -> None:
    """The body of every criterion test: the steps are the test."""


class FeatureFile(pytest.Module):
    """A ``.feature`` file collected as a module of scenario tests."""

    def _getobj(self) -> types.ModuleType:
        try:
            feature = read_feature(self.path)
        except CriteriaFileError as exc:
            errors = self.config.stash.setdefault(ERRORS, [])
            if not any(e.file == exc.error.file and e.line == exc.error.line for e in errors):
                errors.append(exc.error)
            raise
        for duplicate in duplicate_scenarios(self.path, feature):
            self.config.stash.setdefault(ERRORS, []).append(duplicate)
            text = f"{duplicate.code} {duplicate.message.vi} / {duplicate.message.en}"
            warnings.warn_explicit(pytest.PytestCollectionWarning(text), None, str(self.path), duplicate.line)
        register_tags(self.config, feature)
        module = types.ModuleType(f"qms_criteria.{self.path.stem}")
        module.__file__ = str(self.path)
        namespace = vars(module)
        for name in feature.scenarios:
            test = scenario(str(self.path), name, features_base_dir=str(self.path.parent))(_criterion)
            for test_name in get_python_name_generator(name):
                if test_name not in namespace:
                    namespace[test_name] = test
                    break
        return module

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None) -> str | TerminalRepr:
        """A criteria file that is not Gherkin: its error as the report has it; anything else as pytest shows it.

        ``style`` completes the signature of ``Node.repr_failure``; pytest calls a collector's without it.
        """
        if isinstance(excinfo.value, CriteriaFileError):
            error = excinfo.value.error
            lines = [f"{error.file}:{error.line}: {error.code} {error.message.vi}", f"  ({error.message.en})"]
            if error.source:
                lines.append(f"  {error.line} | {error.source}")
            if error.hint:
                lines += [f"  gợi ý: {error.hint.vi}", f"  hint: {error.hint.en}"]
            return "\n".join(lines)
        return super().repr_failure(excinfo)


def collect_features_enabled(config: pytest.Config) -> bool:
    try:
        return bool(config.getini("qms_collect_features"))
    except ValueError:
        return False
