"""What a conformity rule is, and what it reports.

A rule is a small class in its own module under ``qms/rules/<family>/``
with a stable code (``QMS101``), a default severity, the ISO clause or
legal article it enforces, a one-line message, a rationale, a fix hint and
a failing and a fixed example (which become its documentation page). Its
``check`` method looks at one process (and its graph, and the other
processes of the project) and yields findings. Like bpmnlint's rules, a
rule knows nothing of output formats, configuration or waivers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import ClassVar

from qms.diagnostics import CodeInfo, Diagnostic, Location, Severity, Status
from qms.domain.citizen import citizen_evidence, serves_citizens
from qms.graph import ProcessCatalogue, ProcessGraph
from qms.i18n import Message
from qms.legal.read import default_register
from qms.legal.register import Register
from qms.model import Process

# A rule's finding is a diagnostic like any other (the process and step it concerns, the waiver that covers it);
# the name stays for the rules' signatures and for code written against it.
Finding = Diagnostic


@dataclass(frozen=True)
class Example:
    """A failing and a fixed YAML fragment for the rule's documentation page."""

    invalid: str
    valid: str


@dataclass
class RuleContext:
    """Everything a rule may look at; built once per process by the engine."""

    process: Process
    graph: ProcessGraph
    # Every process of the project by code, with the calls between them.
    catalogue: ProcessCatalogue = field(default_factory=lambda: ProcessCatalogue(()))
    # The day legal validity is judged on when a process has no effective date.
    today: date = field(default_factory=date.today)
    # The legal texts known to the run: the project's register, or the package's default (QMS4xx read it).
    legal: Register = field(default_factory=default_register)

    def location(self, *path: str | int) -> Location:
        origin = self.process.origin
        if origin is None:
            return Location(Path(f"<{self.process.code}>"))
        return origin.at(*path)

    @cached_property
    def citizen_facing(self) -> bool:
        """Whether the process serves citizens, by what it shows (:func:`qms.domain.citizen.serves_citizens`).

        Every rule for citizen-facing processes asks this, never the model's ``citizen_facing`` field: leaving it
        out must not switch those rules off.
        """
        return serves_citizens(self.process)

    def citizen_facing_location(self) -> Location:
        """Where a finding about a citizen-facing process is reported when nothing more precise is missing.

        At «citizen_facing» when the file writes it; otherwise at the first thing that shows
        the process serves citizens (its procedure code, ``citizen_service``, the receipt), which the author wrote.
        """
        if "citizen_facing" in self.process.model_fields_set or self.process.origin is None:
            return self.location("citizen_facing")
        evidence = citizen_evidence(self.process)
        return self.location(*evidence[0].path) if evidence else self.location()

    def step_location(self, step_id: str, *field_: str | int) -> Location:
        """Where a step (or one of its fields) is written: as ``Origin.step``, with the step's index looked up once."""
        origin = self.process.origin
        if origin is None:
            return Location(Path(f"<{self.process.code}>"))
        index = self._step_index.get(step_id)
        return origin.at("steps", index, *field_) if index is not None else origin.at()

    @cached_property
    def _step_index(self) -> dict[str, int]:
        # Origin.step searches the steps for each finding: quadratic when thousands of steps each have one.
        index: dict[str, int] = {}
        for i, step in enumerate(self.process.steps):
            index.setdefault(step.id, i)  # the first step of an id, as Origin.step finds it
        return index


class Rule:
    """Base class of every conformity rule. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case, e.g. "single-start"
    severity: ClassVar[Severity]
    # What the rule enforces: ISO 9001:2015 clause numbers ("4.4.1"), ISO 18091
    # areas (keys of qms.standards.ISO18091_AREAS), legal articles in words.
    iso9001: ClassVar[tuple[str, ...]] = ()
    iso18091: ClassVar[tuple[str, ...]] = ()
    legal: ClassVar[tuple[str, ...]] = ()
    title: ClassVar[Message]  # one line: what must hold
    message: ClassVar[Message]  # one line per finding; may use {placeholders}
    rationale: ClassVar[Message]
    fix: ClassVar[Message]
    example: ClassVar[Example]
    status: ClassVar[Status] = Status.STABLE  # a preview rule may still change; a deprecated one will go

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self, ctx: RuleContext, location: Location, step: str | None = None, hint: Message | None = None, **args: object
    ) -> Finding:
        """A finding of this rule with its message filled in; ``hint`` replaces the rule's general fix."""
        # An argument may itself be bilingual (a Message): each language gets its own.
        vi = {k: v.vi if isinstance(v, Message) else v for k, v in args.items()}
        en = {k: v.en if isinstance(v, Message) else v for k, v in args.items()}
        text = Message(self.message.vi.format(**vi), self.message.en.format(**en))
        return Diagnostic(self.code, self.severity, location, text, hint or self.fix, process=ctx.process.code, step=step)

    def at_step(self, ctx: RuleContext, step_id: str, *field_: str | int, hint: Message | None = None, **args: object) -> Finding:
        return self.finding(ctx, ctx.step_location(step_id, *field_), step=step_id, hint=hint, step_id=step_id, **args)

    @classmethod
    def basis(cls) -> list[str]:
        """Human-readable list of what the rule enforces."""
        from qms.standards import ISO18091_AREAS  # late: standards is data the rules need only for display

        areas = [f"ISO 18091:2019 ({ISO18091_AREAS[a].name.vi} / {ISO18091_AREAS[a].name.en})" for a in cls.iso18091]
        return [f"ISO 9001:2015 {c}" for c in cls.iso9001] + areas + list(cls.legal)


    @classmethod
    def code_info(cls) -> CodeInfo:
        """The rule's entry in the code registry (:mod:`qms.codes`)."""
        return CodeInfo(
            cls.code, cls.title, cls.severity, f"rules/{cls.code}.md", "rule", cls.status, cls.rationale, cls.fix, cls.name
        )


def regraded(finding: Finding, severity: Severity) -> Finding:
    return replace(finding, severity=severity)
