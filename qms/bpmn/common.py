"""What the BPMN writer and every stage of the reader share: names, kinds of element, notes, errors.

The import runs in one direction, each stage a module (or a few) that
imports only from the stages before it (``tests/bpmn/test_structure.py``)::

    read_xml      bytes -> ElementTree, guarded (DTDs, entities, size, depth), element positions
    read_diagram  ElementTree -> Diagram (qms.bpmn.diagram: typed, no XML left); read_qms: the qms data
    map_process   Diagram -> Draft: steps, roles, flows, notes on what did not map (map_scope, map_nodes,
                  map_roles, map_steps, map_meta: its parts)
    write_yaml    the draft's process dict -> YAML text; safe file names; the file
    check_yaml    the YAML read back as ``qms validate`` reads it; what does not load is dropped
    import_       the public functions: bytes or a file in, YAML and notes out (diagnostics for a file)

Shared by all: this module (names, kinds of element, notes, errors),
:mod:`qms.bpmn.codes` (the ``BPM`` code of each kind of error and note),
:mod:`qms.bpmn.text` (characters YAML cannot hold) and :mod:`qms.bpmn.diagram`.
The export (:mod:`qms.bpmn.export`, :mod:`qms.bpmn.export_qms`,
:mod:`qms.bpmn.routing`) shares only this module with the import.

The qms extension data (written by :mod:`qms.bpmn.export_qms`, read back by
:mod:`qms.bpmn.read_qms`) sits in ``bpmn:extensionElements`` under the
:data:`QMS` namespace:

* ``qms:process`` (``code``, ``lang``: the language of the names, ``format``)
  holding ``qms:meta``: the process's own data as JSON;
* ``qms:step`` (``id``, ``type``, ``duration``, ``authority``, ``calls``,
  ``stopsClock``) on a flow node, with bilingual ``qms:name``,
  ``qms:description``, ``qms:criteria``, ``qms:input``, ``qms:output`` (each
  ``<qms:vi>``/``<qms:en>``), ``qms:record code``, ``qms:support role``,
  ``qms:callsPart startsAt stopsAt``;
* ``qms:role`` (``id``, or ``unassigned="true"``) on a lane;
* ``qms:branch`` (bilingual) on a sequence flow, one per branch label;
* ``qms:synthetic`` (``kind``) on what the writer added for BPMN's sake.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qms.bpmn.codes import SEVERITY, BpmnCode
from qms.diagnostics import Diagnostic, Location, Severity
from qms.i18n import Lang, Message, _
from qms.model.process import PROCESS_CODE_PATTERN, RECORD_CODE_PATTERN, STEP_ID_PATTERN

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
# Our own extension namespace: qms data that BPMN has no place for (role ids,
# durations, record codes, the second language) travels in extensionElements.
QMS = "https://qms.invalid/bpmn"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

PREFIXES = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "qms": QMS}

MAX_BYTES = 20 * 1024 * 1024

# --- kinds of BPMN element (local names) ----------------------------------------------------------

TASKS = frozenset({"task", "userTask", "serviceTask", "manualTask", "scriptTask", "sendTask", "receiveTask", "businessRuleTask"})
SUB_PROCESSES = frozenset({"subProcess", "transaction", "adHocSubProcess"})
OTHER_GATEWAYS = frozenset({"parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"})
INTERMEDIATE_EVENTS = frozenset({"intermediateThrowEvent", "intermediateCatchEvent"})
ARTIFACTS = frozenset({"dataObjectReference", "dataStoreReference", "textAnnotation", "group"})
# Parts of a process that carry nothing to import and need no note.
QUIET = frozenset(
    {"extensionElements", "documentation", "laneSet", "dataObject", "association", "ioSpecification", "property", "auditing", "monitoring"}
)
FLOW_NODES = (
    TASKS
    | SUB_PROCESSES
    | OTHER_GATEWAYS
    | INTERMEDIATE_EVENTS
    | {"startEvent", "endEvent", "exclusiveGateway", "callActivity", "boundaryEvent"}
)

# Always used with fullmatch: the patterns end in «$», which re.match also accepts before a final newline.
STEP_ID = re.compile(STEP_ID_PATTERN)
CODE = re.compile(PROCESS_CODE_PATTERN)
RECORD = re.compile(RECORD_CODE_PATTERN)

# (line, column) where an element starts in the file: 1-based, as expat counts (the column in bytes of UTF-8).
Position = tuple[int, int]


def q(namespace: str, local: str) -> str:
    """Clark notation ``{namespace}local`` as ElementTree spells names."""
    return f"{{{namespace}}}{local}"


# Characters XML 1.0 allows; anything else (control characters, lone surrogates) cannot be written.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML_CHAR.sub("", text)


def local_name(tag: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark-notation tag."""
    if tag.startswith("{"):
        namespace, _unused, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _position(line: int | None, column: int | None) -> str:
    if line is None:
        return ""
    return f"{line}:{column}" if column is not None else str(line)


def _location(path: Path | str, line: int | None, column: int | None) -> Location:
    """Where in the BPMN file ``path``; a problem about no one place of it is at its start."""
    return Location(Path(path), line or 1, column or 1)


class BpmnError(ValueError):
    """A BPMN file that cannot be imported: a ``code`` (``BPM001``...), why in both languages, where, what to do.

    ``line`` and ``column`` (1-based, as the XML parser counts them) say where
    in the file, when known; ``hint`` what to do about it. ``path`` is the
    BPMN file, once :func:`~qms.bpmn.import_.import_file` knows it.
    """

    def __init__(self, code: BpmnCode, message: Message, hint: Message | None = None, line: int | None = None, column: int | None = None):
        self.code = code
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
        self.path: Path | None = None
        super().__init__(message.vi)

    def render(self, lang: str = "vi") -> str:
        return self.message.get(lang)

    @property
    def position(self) -> str:
        """``line:column``, ``line`` or "" when the problem is not at one place in the file."""
        return _position(self.line, self.column)

    def diagnostic(self, path: Path | str | None = None) -> Diagnostic:
        """The error as every command reports a problem, placed in ``path`` (or the file it was raised for)."""
        where = path if path is not None else self.path if self.path is not None else Path("-")
        return Diagnostic(self.code.value, SEVERITY[self.code], _location(where, self.line, self.column), self.message, self.hint)


@dataclass(frozen=True)
class ImportNote:
    """Something in the BPMN file that the process format cannot hold, or a guess made while importing it.

    Its ``code`` says which kind (:mod:`qms.bpmn.codes`) and gives its severity:
    ``warning``, review the result; ``info``, a harmless adjustment.
    """

    code: BpmnCode
    message: Message
    element: str | None = None  # the BPMN element id it is about
    line: int | None = None  # where the element starts in the BPMN file (1-based, as the XML parser counts)
    column: int | None = None
    hint: Message | None = None  # what to do about it

    def __post_init__(self) -> None:
        if not isinstance(self.code, BpmnCode):
            raise TypeError(f"an import note needs a registered BPM code, not {self.code!r}")

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.code]

    def render(self, lang: Lang | str = Lang.VI) -> str:
        where = f"{self.element}: " if self.element else ""
        return f"{where}{self.message.get(lang)}"

    @property
    def position(self) -> str:
        """``line:column`` in the BPMN file, or "" when the note is about no one place."""
        return _position(self.line, self.column)

    def diagnostic(self, path: Path | str) -> Diagnostic:
        """The note as every command reports a problem, placed in the BPMN file ``path``; the element id in ``data``."""
        data: dict[str, object] = {"element": self.element} if self.element else {}
        return Diagnostic(self.code.value, self.severity, _location(path, self.line, self.column), self.message, self.hint, data=data)


class Notes:
    """The notes of one import, in the order they are made, each placed in the file.

    ``where`` maps an element id to where that id is first met in the file; a
    note about an id points there unless it is given its own position.
    """

    def __init__(self, where: Mapping[str, Position], items: list[ImportNote] | None = None):
        self.where = where
        self.items: list[ImportNote] = [] if items is None else items

    def note(self, code: BpmnCode, template: Message, element: str | None = None, /, **args: object) -> None:
        """A note of kind ``code`` about ``element``: ``template`` filled in with ``args``."""
        self.add(code, template.format(**args), element)

    def add(
        self, code: BpmnCode, message: Message, element: str | None = None, hint: Message | None = None, at: Position | None = None
    ) -> None:
        """A note about ``element`` (an id), placed at ``at`` or else where the element with that id starts."""
        position = at if at is not None else self.where.get(element) if element else None
        line, column = position if position else (None, None)
        self.items.append(ImportNote(code, message, element, line, column, hint))


# --- notes on the qms extension data (Vietnamese first) ----------------------------------------------

META_HINT = _("dữ liệu này do qms ghi khi xuất BPMN; nếu đã sửa tay phần <qms:meta>, hãy xuất lại từ tệp YAML gốc")

KINDS = {
    "text": _("một văn bản"),
    "mapping": _("một ánh xạ (các trường con)"),
    "list": _("một danh sách"),
    "number": _("một số"),
    "yes/no": _("đúng/sai"),
    "null": _("giá trị rỗng"),
    "role": _("một vai trò (tên, hoặc {name: ...})"),
    "bilingual text": _("văn bản {vi: «...», en: «...»}"),
}


def bad_meta(key: str, error: Message, instead: str | None = None) -> Message:
    """The qms data's ``key`` does not hold (``error``); ``instead`` is used, or else the part is dropped."""
    if instead is not None:
        return _(
            "dữ liệu qms trong tệp BPMN: «{key}» không hợp lệ ({error}); dùng «{instead}» thay thế, phần còn lại vẫn được nhập"
        ).format(key=key, error=error, instead=instead)
    return _("dữ liệu qms trong tệp BPMN: «{key}» không hợp lệ ({error}); đã bỏ phần này, phần còn lại vẫn được nhập").format(
        key=key, error=error
    )


def bad_meta_kind(key: str, got: str, expected: str, instead: str | None = None) -> Message:
    """The qms data's ``key`` is ``got`` where ``expected`` belongs (both keys of :data:`KINDS`)."""
    error = _("cần {expected}, gặp {got}").format(expected=KINDS[expected], got=KINDS[got])
    return bad_meta(key, error, instead)


def kind_of(value: Any) -> str:
    """What a JSON value is, as a key of :data:`KINDS`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    return "list" if isinstance(value, list) else "mapping"
