"""BPMN 2.0 XML -> process YAML, for diagrams drawn in Camunda Modeler or bpmn.io.

What maps:

* one process (alone, or the one pool of a collaboration that has a process);
* lanes -> roles (ids from the lane names, ``Công chức Một cửa`` -> ``cong-chuc-mot-cua``);
* start/end events, tasks of every kind, exclusive gateways (decisions),
  call activities (sub-process steps calling ``calledElement``) -> steps;
* sequence flows -> ``next``, or the ``branches`` of a decision, labelled
  with the flow names;
* the ``qms`` extension data that :mod:`qms.bpmn.export` writes (step and
  role ids, both languages, durations, records, the process's document
  control) -> restored, so exporting and importing gives the same process.

What does not map is kept as close as the format allows and reported as an
:class:`ImportNote`: parallel and other gateways, intermediate and boundary
events, message flows, data objects, missing names, a task with several
outgoing flows. The YAML written is always a valid process file.

BPMN files come from outside, so nothing in one may crash the reader or
make it write a file that does not load (see ``tests/bpmn/fixtures/hostile``):

* the XML parser refuses DTDs, entities, huge and deeply nested input
  (:func:`qms.bpmn.common.parse_xml`);
* characters YAML cannot hold (control characters, lone surrogates) are
  dropped from every name and text as the file is read, and line separators
  (U+0085, U+2028, U+2029) become line breaks, with a note naming the element;
* the qms extension data is bounded in size and depth before it is parsed,
  and any part of it that has the wrong shape (a list where a text belongs, a
  reference to nothing) is dropped with a note naming the element and the key:
  the result is checked by reading the YAML back as ``qms validate`` does, so
  what is kept is exactly what loads;
* the file name written is derived from the process code and made safe
  (never outside the output folder, never a name Windows reserves);
* the work is linear in the size of the diagram (10,000 steps: a few seconds).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from qms.bpmn.common import BPMN, BPMNDI, DC, MAX_BYTES, QMS, BpmnError, local_name, parse_xml, q
from qms.i18n import Lang, Message, msg
from qms.load.references import check_process
from qms.load.schema_errors import data_path, model_at, slug, translate
from qms.load.source import Path_, SourceError, parse_document
from qms.model import Process
from qms.model.process import PROCESS_CODE_PATTERN, RECORD_CODE_PATTERN, STEP_ID_PATTERN, Authority, StepType
from qms.model.values import Duration

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
_STEP_ID = re.compile(STEP_ID_PATTERN)
_CODE = re.compile(PROCESS_CODE_PATTERN)
_RECORD = re.compile(RECORD_CODE_PATTERN)

# The qms data of the largest shipped process is 4 levels deep; json.loads recurses once per level.
MAX_JSON_DEPTH = 32
# Rounds of dropping unsound qms data and reading the result back before only the diagram is used.
MAX_ROUNDS = 6
STEP_ID_MAX = 63  # STEP_ID_PATTERN: one character and up to 62 more; role ids are the same

# Characters YAML cannot hold (C0 and C1 controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF),
# and the line breaks YAML 1.1 knows besides \n (a comment or a plain scalar ends at any of them).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# What a YAML reader accepts at all (PyYAML's Reader.NON_PRINTABLE, inverted), for comments.
_NOT_PRINTABLE = re.compile("[^\x09\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Names Windows gives to devices, whatever the extension: «NUL.yaml» cannot be checked out there.
_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))})


@dataclass(frozen=True)
class ImportNote:
    """Something in the BPMN file that the process format cannot hold, or a guess made while importing it."""

    message: Message
    element: str | None = None  # the BPMN element id it is about
    severity: str = "warning"  # "warning": review the result; "info": a harmless adjustment
    line: int | None = None  # where the element starts in the BPMN file (1-based, as the XML parser counts)
    column: int | None = None
    hint: Message | None = None  # what to do about it

    def render(self, lang: Lang | str = Lang.VI) -> str:
        where = f"{self.element}: " if self.element else ""
        return f"{where}{self.message.get(lang)}"

    @property
    def position(self) -> str:
        """``line:column`` in the BPMN file, or "" when the note is about no one place."""
        if self.line is None:
            return ""
        return f"{self.line}:{self.column}" if self.column is not None else str(self.line)


# --- messages of the checks against hostile input (Vietnamese first) ----------------------------------


def _bad_meta(key: str, error: Message, instead: str | None = None) -> Message:
    if instead is not None:
        return Message(
            f"dữ liệu qms trong tệp BPMN: «{key}» không hợp lệ ({error.vi}); dùng «{instead}» thay thế, phần còn lại vẫn được nhập",
            f"qms data in the BPMN file: «{key}» is not valid ({error.en}); «{instead}» is used instead, the rest is imported",
        )
    return Message(
        f"dữ liệu qms trong tệp BPMN: «{key}» không hợp lệ ({error.vi}); đã bỏ phần này, phần còn lại vẫn được nhập",
        f"qms data in the BPMN file: «{key}» is not valid ({error.en}); this part was dropped, the rest is imported",
    )


def _bad_meta_kind(key: str, got: str, expected: str, instead: str | None = None) -> Message:
    error = Message(f"cần {_KINDS[expected].vi}, gặp {_KINDS[got].vi}", f"expected {_KINDS[expected].en}, found {_KINDS[got].en}")
    return _bad_meta(key, error, instead)


_KINDS = {
    "text": Message("một văn bản", "a text"),
    "mapping": Message("một ánh xạ (các trường con)", "a mapping (sub-fields)"),
    "list": Message("một danh sách", "a list"),
    "number": Message("một số", "a number"),
    "yes/no": Message("đúng/sai", "true/false"),
    "null": Message("giá trị rỗng", "an empty value"),
    "role": Message("một vai trò (tên, hoặc {name: ...})", "a role (a name, or {name: ...})"),
    "bilingual text": Message("văn bản {vi: «...», en: «...»}", "a text {vi: «...», en: «...»}"),
}

_META_HINT = Message(
    "dữ liệu này do qms ghi khi xuất BPMN; nếu đã sửa tay phần <qms:meta>, hãy xuất lại từ tệp YAML gốc",
    "qms writes this data when exporting BPMN; if <qms:meta> was edited by hand, export again from the original YAML file",
)


def _meta_too_deep(limit: int) -> Message:
    return Message(
        f"dữ liệu qms (JSON) lồng nhau quá sâu (hơn {limit} mức); không đọc dữ liệu này, chỉ dùng phần BPMN",
        f"the qms data (JSON) is nested too deeply (more than {limit} levels); it is not read, only the BPMN part is used",
    )


def _characters_changed(what: str, removed: Iterable[str], replaced: Iterable[str]) -> Message:
    removed = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(removed)))
    replaced = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(replaced)))
    vi, en = [], []
    if removed:
        vi.append(f"đã bỏ ký tự điều khiển {removed} (tệp YAML không chứa được)")
        en.append(f"control characters {removed} were removed (a YAML file cannot hold them)")
    if replaced:
        vi.append(f"ký tự ngắt dòng {replaced} được thay bằng dấu cách (trong tên) hoặc xuống dòng thường (trong văn bản)")
        en.append(f"line separators {replaced} were replaced by a space (in a name) or a plain line break (in a text)")
    return Message(f"{what}: " + "; ".join(vi), f"{what}: " + "; ".join(en))


_CHARACTERS_HINT = Message(
    "kiểm tra lại tên, mô tả trong tệp YAML; các ký tự này thường do dán từ tài liệu khác",
    "check the names and descriptions in the YAML file; such characters usually come from text pasted from elsewhere",
)


def _file_renamed(name: str, code: str, reason: Message) -> Message:
    return Message(
        f"tệp được đặt tên «{name}» thay vì «{code}.yaml»: {reason.vi}; mã quy trình vẫn là «{code}»",
        f"the file is named «{name}» instead of «{code}.yaml»: {reason.en}; the process code is still «{code}»",
    )


_RESERVED_NAME = Message("Windows dành tên này cho thiết bị", "Windows reserves this name for a device")
_UNSAFE_NAME = Message("mã có ký tự không dùng được trong tên tệp", "the code holds characters a file name cannot")


# --- reading the file ------------------------------------------------------------------------


@dataclass
class _Node:
    element: ET.Element
    id: str
    tag: str
    name: str
    kind: str  # start | end | task | subprocess | decision | pass | skip
    ext: dict[str, Any] | None = None
    calls: str | None = None
    synthetic: str | None = None
    outgoing: list[_Flow] = field(default_factory=list)
    incoming: list[_Flow] = field(default_factory=list)


@dataclass
class _Flow:
    id: str
    source: str
    target: str
    name: str
    condition: str
    branches: list[dict[str, str]]  # bilingual labels from our extension data


def bpmn_to_process_yaml(data: bytes, code: str | None = None) -> tuple[str, list[ImportNote]]:
    """Read a BPMN 2.0 file and write the process it describes as YAML, with notes on what did not map.

    ``code`` names the process (it must be a valid process code); without it
    the code stored by qms, or one derived from the process id or name, is used.
    Raises :class:`~qms.bpmn.common.BpmnError` when the file cannot be read as BPMN at all.
    """
    _, body, notes = _convert(data, code)
    return _header(notes) + body, notes


def convert(data: bytes, code: str | None = None) -> tuple[dict[str, Any], list[ImportNote]]:
    """The process as a plain dict ready for YAML (valid for :class:`~qms.model.Process`), and the notes."""
    document, _, notes = _convert(data, code)
    return document, notes


def _convert(data: bytes, code: str | None) -> tuple[dict[str, Any], str, list[ImportNote]]:
    """The process dict, its YAML (without the notes on top: it loads as it is) and the notes."""
    if code is not None and not _CODE.fullmatch(code):
        raise BpmnError(msg("bpmn.bad_code", code=_shown(code)))
    positions: dict[ET.Element, tuple[int, int]] = {}
    root = parse_xml(data, positions)
    namespace, local = local_name(root.tag)
    if namespace != BPMN or local != "definitions":
        raise BpmnError(msg("bpmn.not_bpmn", root=_one_line(local), namespace=BPMN))
    return _Reader(root, positions).read(code)


def import_file(path: Path | str, out_dir: Path | str, code: str | None = None) -> tuple[Path, list[ImportNote]]:
    """Read the BPMN file ``path`` and write the process as ``out_dir/CODE.yaml``; return that path and the notes.

    The file name comes from the process code and is made safe (:func:`file_name`);
    it is always directly inside ``out_dir``. An existing YAML file is never
    overwritten. Raises :class:`BpmnError` when the file cannot be read, is not
    BPMN, is unsafe, or the target exists.
    """
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise BpmnError(msg("bpmn.too_large", size=size, limit=MAX_BYTES))
        data = source.read_bytes()
    except OSError as exc:
        raise BpmnError(msg("bpmn.unreadable", path=_comment(str(source)), error=exc.strerror or exc)) from None
    document, body, notes = _convert(data, code)
    name, reason = file_name(document["code"])
    if reason is not None:
        notes.append(ImportNote(_file_renamed(name, document["code"], reason), None, "info"))
    folder = Path(out_dir)
    target = folder / name
    if target.parent != folder or Path(name).name != name:  # never reached: file_name gives a bare name
        raise BpmnError(msg("bpmn.unwritable", path=_comment(str(target)), error="?"))
    other = target.with_suffix(".yml")
    if target.exists() or other.exists():
        raise BpmnError(msg("bpmn.exists", path=target if target.exists() else other), _EXISTS_HINT)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(_header(notes) + body)
    except FileExistsError:
        raise BpmnError(msg("bpmn.exists", path=target), _EXISTS_HINT) from None
    except OSError as exc:
        raise BpmnError(msg("bpmn.unwritable", path=target, error=exc.strerror or exc)) from None
    return target, notes


_EXISTS_HINT = Message(
    "chọn thư mục khác bằng --out, đặt mã khác bằng --code, hoặc xoá tệp cũ nếu muốn nhập lại",
    "choose another folder with --out, another code with --code, or delete the old file to import again",
)


def file_name(code: str) -> tuple[str, Message | None]:
    """The YAML file name for process ``code`` and, when it is not ``CODE.yaml``, why.

    A valid code is already a safe name (ASCII letters, digits, «.», «_», «-»,
    at most 40, never starting with «.» or «-»), except for the names Windows
    reserves for devices (``CON``, ``NUL``, ``COM1``..., with any extension):
    those get «_» after that part. Anything else (this function may be given
    any string) is reduced to the same characters, never to «..» or a path.
    """
    stem = code
    reason: Message | None = None
    if not _CODE.fullmatch(stem):
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem)
        stem = re.sub(r"\.{2,}", ".", stem).strip(".-_")[:40].rstrip(".-_") or "QT-BPMN"
        reason = _UNSAFE_NAME
    first, dot, rest = stem.partition(".")
    if first.upper() in _WINDOWS_RESERVED:
        stem = f"{first}_{dot}{rest}"
        reason = _RESERVED_NAME
    return f"{stem}.yaml", reason


class _Reader:
    def __init__(self, root: ET.Element, positions: dict[ET.Element, tuple[int, int]] | None = None):
        self.root = root
        self.notes: list[ImportNote] = []
        self.positions = positions or {}
        self.where: dict[str, tuple[int, int]] = {}
        self.lang = Lang.VI  # the language of the names in the file; qms writes it in its extension data
        self.step_elements: dict[str, str] = {}  # step id -> the BPMN element it was made from
        _clean_tree(root, self)  # first: ids and references are compared as cleaned
        # Where each element id is first met in the file; a note about an id points there.
        for element, position in self.positions.items():
            element_id = element.get("id")
            if element_id and element_id not in self.where:
                self.where[element_id] = position
        self.bounds = _diagram_bounds(root)

    def _steps_still_there(self, ids: Any, step_ids: set[str], where: str) -> list[str]:
        """The step ids that are still steps of the imported process; a note for each one that is gone."""
        ids = ids if isinstance(ids, list) else [ids]
        for missing in (i for i in ids if not (isinstance(i, str) and i in step_ids)):
            self.note("bpmn.note.dropped_reference", self._process_id, where=where, step=_shown(missing))
        return [i for i in ids if isinstance(i, str) and i in step_ids]

    def note(self, key: str, element: str | None = None, severity: str = "warning", **args: object) -> None:
        self.add(msg(key, **args), element, severity)

    def add(
        self,
        message: Message,
        element: str | None = None,
        severity: str = "warning",
        hint: Message | None = None,
        at: ET.Element | None = None,
    ) -> None:
        """A note about ``element`` (an id), placed where ``at`` (or else the element with that id) starts in the file."""
        position = self.positions.get(at) if at is not None else self.where.get(element) if element else None
        line, column = position if position else (None, None)
        self.notes.append(ImportNote(message, element, severity, line, column, hint))

    # --- the process -----------------------------------------------------------------------
    def read(self, code: str | None) -> tuple[dict[str, Any], str, list[ImportNote]]:
        process, pool = self._choose_process()
        self._process_id = process.get("id") or None
        self._meta_at = self._meta_element(process)
        meta, self.lang = self._meta(process)
        nodes, _ = self._nodes(process)
        if not any(node.kind != "skip" for node in nodes.values()):
            raise BpmnError(msg("bpmn.no_process"))
        lanes = self._lanes(process, nodes)
        code = self._code(code, meta, process, pool)
        process_id = self._process_id
        before = len(self.notes)
        if meta is not None:
            title = self._title(meta, pool, process, code)
            document = self._build(meta, code, title, nodes, lanes, pool, process)
            settled = self._settle(document, process_id, self._meta_at, pool, process, code)
            if settled is not None:
                return settled[0], settled[1], self.notes
            # What is wrong is not the qms data alone (a step or role it gave): keep what the diagram says.
            del self.notes[before:]
            self.note("bpmn.note.bad_extension", process_id, error=self._last_problem)
            for node in nodes.values():
                if node.ext:
                    node.ext = {key: value for key, value in node.ext.items() if key in ("id", "type", "name", "description")}
        title = self._title(None, pool, process, code)
        document = self._build(None, code, title, nodes, lanes, pool, process)
        settled = self._settle(document, process_id, None, pool, process, code)
        if settled is None:
            # Built from the diagram alone (and the step data checked as it was read): a bug, not bad input.
            raise AssertionError(f"the imported process does not load: {self._last_problem}")
        return settled[0], settled[1], self.notes

    def _meta_element(self, process: ET.Element) -> ET.Element | None:
        element = _extension(process, "process")
        return element.find(q(QMS, "meta")) if element is not None else None

    # --- reading the YAML back: what does not load is dropped ------------------------------------------
    def _settle(
        self,
        document: dict[str, Any],
        process_id: str | None,
        meta_element: ET.Element | None,
        pool: ET.Element | None,
        process: ET.Element,
        code: str,
    ) -> tuple[dict[str, Any], str] | None:
        """``document`` and its YAML once the YAML loads as ``qms validate`` reads it; None if it cannot be made to.

        Each problem the loader finds in a part that came from the qms data is
        fixed by dropping the smallest part around it that the format lets go
        (an optional field, an item of a list), with a note naming the key; a
        required field gets its default. A problem in the steps or roles the
        diagram gives cannot be fixed that way: None.
        """
        self._last_problem = ""
        for _ in range(MAX_ROUNDS):
            body = _body(document)
            problems = _load_problems(body, code)
            if not problems:
                return document, body
            self._last_problem = problems[0][1].en
            fixes: dict[Path_, tuple[Path_, Message]] = {}
            for path, message in problems:
                target = _removable(document, _existing(document, path))
                if target is None:
                    return None
                fixes.setdefault(target, (path, message))
            for target in sorted(fixes, key=_path_key, reverse=True):
                path, message = fixes[target]
                self._fix(document, target, path, message, process_id, meta_element, pool, process, code)
        return None

    def _fix(
        self,
        document: dict[str, Any],
        target: Path_,
        path: Path_,
        message: Message,
        process_id: str | None,
        meta_element: ET.Element | None,
        pool: ET.Element | None,
        process: ET.Element,
        code: str,
    ) -> None:
        key = target[0]
        problem = _existing(document, path)
        if problem != target:  # name the value at fault too: «approval.prepared» (approval.prepared.role: ...)
            where = ".".join(map(str, problem[2:] if key == "steps" else problem))
            message = Message(f"{where}: {message.vi}", f"{where}: {message.en}")
        if key == "steps":
            step = document["steps"][target[1]]
            element = self.step_elements.get(step.get("id", ""))
            _remove(document, target)
            self.add(_bad_meta(".".join(map(str, target[2:])), message), element, hint=_META_HINT)
            return
        instead: str | None = None
        if len(target) == 1 and key in _DEFAULTS:
            document[key] = instead = _DEFAULTS[key]
        elif target == ("title",):
            document["title"] = self._title(None, pool, process, code)
            instead = document["title"]["vi"]
        elif target == ("owner",):
            document["owner"] = instead = next(iter(document["roles"]))
        else:
            _remove(document, target)
        self.add(_bad_meta(".".join(map(str, target)), message, instead), process_id, hint=_META_HINT, at=meta_element)

    def _build(
        self,
        meta: dict[str, Any] | None,
        code: str,
        title: Any,
        nodes: dict[str, _Node],
        lanes: list[_Lane],
        pool: ET.Element | None,
        process: ET.Element,
    ) -> dict[str, Any]:
        roles = self._roles(lanes, meta)
        steps = self._steps(nodes, lanes, ordered=meta is not None)
        self._default_role(roles, lanes, steps, pool, process)
        return self._assemble(meta or {}, code, title, roles, steps)

    def _choose_process(self) -> tuple[ET.Element, ET.Element | None]:
        processes = {p.get("id", ""): p for p in self.root.findall(q(BPMN, "process"))}
        participants = [p for c in self.root.findall(q(BPMN, "collaboration")) for p in c.findall(q(BPMN, "participant"))]
        pool_of = {p.get("processRef"): p for p in participants if p.get("processRef") in processes}
        ordered = [processes[p.get("processRef", "")] for p in participants if p.get("processRef") in processes]
        ordered += [p for p in processes.values() if p not in ordered]
        with_nodes = [p for p in ordered if any(local_name(child.tag)[1] in FLOW_NODES for child in p)]
        if not with_nodes:
            raise BpmnError(msg("bpmn.no_process"))
        chosen = with_nodes[0]
        pool = pool_of.get(chosen.get("id"))
        used = (pool.get("name") if pool is not None else None) or chosen.get("name") or chosen.get("id", "")
        for participant in participants:
            if participant is not pool:
                self.note(
                    "bpmn.note.other_process",
                    participant.get("id"),
                    "info",
                    used=used,
                    name=participant.get("name") or participant.get("id"),
                )
        for other in with_nodes[1:]:
            if other.get("id") not in pool_of:
                self.note("bpmn.note.other_process", other.get("id"), "info", used=used, name=other.get("name") or other.get("id"))
        for collaboration in self.root.findall(q(BPMN, "collaboration")):
            for flow in collaboration.findall(q(BPMN, "messageFlow")):
                self.note("bpmn.note.message_flow", flow.get("id"), name=flow.get("name") or flow.get("id"))
        return chosen, pool

    def _meta(self, process: ET.Element) -> tuple[dict[str, Any] | None, Lang]:
        """The process data qms stored as JSON, its strings cleaned; None (with a note) when it cannot be read."""
        element = _extension(process, "process")
        if element is None:
            return None, Lang.VI
        lang = Lang.EN if element.get("lang") == "en" else Lang.VI
        meta_element = element.find(q(QMS, "meta"))
        text = meta_element.text if meta_element is not None else None
        if not text:
            return None, lang
        process_id = process.get("id") or None
        at = meta_element if meta_element is not None else element
        # json.loads recurses once per level: a deep «[[[[...» is refused before it is parsed.
        if _json_too_deep(text, MAX_JSON_DEPTH):
            self.add(_meta_too_deep(MAX_JSON_DEPTH), process_id, hint=_META_HINT, at=at)
            return None, lang
        try:
            meta = json.loads(text)
        except RecursionError:  # not reached after the check above; kept so that no input can crash the reader
            self.add(_meta_too_deep(MAX_JSON_DEPTH), process_id, hint=_META_HINT, at=at)
            return None, lang
        except ValueError as exc:
            error = f"JSON {exc.lineno}:{exc.colno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else str(exc)[:200]
            self.add(msg("bpmn.note.bad_extension", error=error), process_id, hint=_META_HINT, at=at)
            return None, lang
        if not isinstance(meta, dict):
            self.add(_bad_meta_kind("meta", _kind(meta), "mapping"), process_id, hint=_META_HINT, at=at)
            return None, lang
        removed: list[str] = []
        replaced: list[str] = []
        meta = _clean_json(meta, removed, replaced)
        if removed or replaced:
            self.add(_characters_changed("meta", removed, replaced), process_id, hint=_CHARACTERS_HINT, at=at)
        return meta, lang

    def _bad(self, key: str, value: Any, expected: str, process: ET.Element) -> None:
        """A note that the qms data's ``key`` has the wrong shape and is not used."""
        self.add(_bad_meta_kind(key, _kind(value), expected), process.get("id") or None, hint=_META_HINT, at=self._meta_at)

    def _bad_at(self, key: str, value: Any, expected: str, instead: str | None = None) -> None:
        self.add(_bad_meta_kind(key, _kind(value), expected, instead), self._process_id, hint=_META_HINT, at=self._meta_at)

    # --- flow nodes and flows -----------------------------------------------------------------
    def _nodes(self, process: ET.Element) -> tuple[dict[str, _Node], list[_Flow]]:
        nodes: dict[str, _Node] = {}
        raw_flows: list[ET.Element] = []
        for child in process:
            namespace, tag = local_name(child.tag)
            if namespace != BPMN or tag in QUIET:
                continue
            element_id = child.get("id", "")
            if tag == "sequenceFlow":
                raw_flows.append(child)
            elif tag in ARTIFACTS:
                label = _name(child) or " ".join((child.findtext(q(BPMN, "text")) or "").split())[:80]
                self.note("bpmn.note.artifact", element_id, "info", name=label or element_id, kind=tag)
            elif tag in FLOW_NODES and element_id:
                nodes[element_id] = self._node(child, tag)
            else:
                self.note("bpmn.note.unknown_element", element_id or None, kind=tag)
        flows: list[_Flow] = []
        for element in raw_flows:
            flow = _Flow(
                element.get("id", ""),
                element.get("sourceRef", ""),
                element.get("targetRef", ""),
                _name(element),
                " ".join((element.findtext(q(BPMN, "conditionExpression")) or "").split()),
                [text for branch in _extensions(element, "branch") if (text := _text(branch))],
            )
            source, target = nodes.get(flow.source), nodes.get(flow.target)
            if source is None or target is None:
                self.note("bpmn.note.dangling_flow", flow.id, flow=flow.id)
                continue
            if source.kind == "skip" or target.kind == "skip":
                continue  # a boundary event's flows (noted with the event) or an added start event's
            source.outgoing.append(flow)
            target.incoming.append(flow)
            flows.append(flow)
        for node in nodes.values():
            self._settle_kind(node)
        return nodes, flows

    def _node(self, element: ET.Element, tag: str) -> _Node:
        element_id = element.get("id", "")
        name = _name(element)
        synthetic = _extension(element, "synthetic")
        dropped: list[tuple[str, str]] = []
        node = _Node(element, element_id, tag, name, "task", _step_extension(_extension(element, "step"), dropped))
        for attribute, value in dropped:
            unusable = Message(f"giá trị «{_shown(value)}» không dùng được", f"the value «{_shown(value)}» cannot be used")
            self.add(_bad_meta(attribute, unusable), element_id or None, hint=_META_HINT)
        if synthetic is not None:
            node.synthetic = synthetic.get("kind") or "join"
            node.kind = "skip" if node.synthetic == "start" else "pass"
            return node
        definitions = [local_name(child.tag)[1] for child in element if local_name(child.tag)[1].endswith("EventDefinition")]
        shown = name or element_id
        if tag == "startEvent":
            node.kind = "start"
        elif tag == "endEvent":
            node.kind = "end"
        elif tag in ("exclusiveGateway", *OTHER_GATEWAYS):
            node.kind = "decision"
        elif tag == "callActivity":
            called = _process_code(element.get("calledElement") or "")
            if called:
                node.kind, node.calls = "subprocess", called
            else:
                node.kind = "task"
                if element.get("calledElement"):
                    self.note("bpmn.note.called_invalid", element_id, name=shown, called=element.get("calledElement"))
                else:
                    self.note("bpmn.note.subprocess_no_call", element_id, name=shown)
        elif tag in SUB_PROCESSES:
            called = _process_code(element.get("calledElement") or (node.ext or {}).get("calls") or "")
            if called:
                node.kind, node.calls = "subprocess", called
            else:
                self.note("bpmn.note.subprocess_no_call", element_id, name=shown)
            if any(local_name(child.tag)[1] in FLOW_NODES for child in element):
                self.note("bpmn.note.subprocess_content", element_id, name=shown)
        elif tag in INTERMEDIATE_EVENTS:
            self.note("bpmn.note.intermediate_event", element_id, name=shown, kind=_event_kind(definitions, tag))
        elif tag == "boundaryEvent":
            node.kind = "skip"
            self.note(
                "bpmn.note.boundary_event",
                element_id,
                name=shown,
                kind=_event_kind(definitions, tag),
                host=element.get("attachedToRef", ""),
            )
        if tag in ("startEvent", "endEvent") and definitions:
            self.note("bpmn.note.event_definition", element_id, "info", name=shown, kind=_event_kind(definitions, tag))
        return node

    def _settle_kind(self, node: _Node) -> None:
        """Gateways that only join (one way out) are dropped; other gateways than exclusive ones are noted."""
        if node.kind != "decision":
            return
        exclusive = node.tag == "exclusiveGateway"
        ours = node.ext is not None
        if len(node.outgoing) == 1 and not ours:
            node.kind = "pass"
            if not exclusive:
                self.note("bpmn.note.join_dropped", node.id, "info", kind=node.tag)
        elif not node.outgoing:
            node.kind = "end"
            self.note("bpmn.note.gateway_dead_end", node.id, name=node.name or node.id)
        elif not exclusive:
            self.note("bpmn.note.unsupported_gateway", node.id, kind=node.tag)

    # --- lanes ------------------------------------------------------------------------------------
    def _lanes(self, process: ET.Element, nodes: dict[str, _Node]) -> list[_Lane]:
        lanes: list[_Lane] = []

        def walk(lane_set: ET.Element) -> None:
            for lane in lane_set.findall(q(BPMN, "lane")):
                children = lane.findall(f"{q(BPMN, 'childLaneSet')}/{q(BPMN, 'lane')}")
                if children:
                    self.note("bpmn.note.nested_lanes", lane.get("id"), "info", name=_name(lane) or lane.get("id"))
                    for child_set in lane.findall(q(BPMN, "childLaneSet")):
                        walk(child_set)
                    continue
                role = _extension(lane, "role")
                lanes.append(
                    _Lane(
                        lane.get("id", ""),
                        _name(lane),
                        role.get("id") if role is not None else None,
                        role is not None and role.get("unassigned") == "true",
                        [(ref.text or "").strip() for ref in lane.findall(q(BPMN, "flowNodeRef"))],
                    )
                )

        for lane_set in process.findall(q(BPMN, "laneSet")):
            walk(lane_set)
        return lanes

    # --- steps --------------------------------------------------------------------------------------
    def _steps(self, nodes: dict[str, _Node], lanes: list[_Lane], ordered: bool) -> list[dict[str, Any]]:
        real = [node for node in nodes.values() if node.kind not in ("pass", "skip")]
        if not any(node.kind == "start" for node in real) and not any(n.ext and n.ext.get("type") == "start" for n in real):
            self.note("bpmn.note.no_start", None, "info")
        if not any(node.kind == "end" for node in real):
            self.note("bpmn.note.no_end", None, "info")
        lane_of = self._lane_of(real, lanes)
        ids = self._step_ids(real)
        order = real if ordered else _flow_order(real, nodes)
        steps: list[dict[str, Any]] = []
        taken = _Ids(ids.values())
        for node in order:
            step = self._step(node, ids, nodes, lane_of.get(node.id))
            self.step_elements[step["id"]] = node.id
            steps.append(step)
            if step.pop("_needs_end", False):
                end_id = taken.unique("ket-thuc")
                end_name = msg("bpmn.name.end").vi
                self.note("bpmn.note.no_outgoing", node.id, name=step["name"]["vi"], end=end_name)
                if step.get("type") == "decision":
                    step["branches"] = [{"when": {"vi": msg("bpmn.name.branch", n=1).vi}, "to": end_id}]
                else:
                    step["next"] = end_id
                end = {"id": end_id, "type": "end", "name": {"vi": end_name}}
                self.step_elements[end_id] = node.id
                if step.get("role"):
                    end["role"] = step["role"]
                steps.append(end)
        return steps

    def _lane_of(self, nodes: list[_Node], lanes: list[_Lane]) -> dict[str, _Lane]:
        lane_of: dict[str, _Lane] = {}
        for lane in lanes:
            for ref in lane.refs:
                lane_of.setdefault(ref, lane)
        if not lanes:
            return lane_of
        for node in nodes:
            if node.id in lane_of:
                continue
            # Not listed in any lane (bpmn.io writes flowNodeRef, hand edits may not): place it by where it is drawn.
            centre = self.bounds.get(node.id)
            found = None
            if centre is not None:
                cx, cy = centre[0] + centre[2] / 2, centre[1] + centre[3] / 2
                found = next(
                    (lane for lane in lanes if (b := self.bounds.get(lane.id)) and b[0] <= cx <= b[0] + b[2] and b[1] <= cy <= b[1] + b[3]),
                    None,
                )
            if found is not None:
                lane_of[node.id] = found
                self.note("bpmn.note.lane_by_position", node.id, "info", name=node.name or node.id, lane=found.name or found.id)
            else:
                self.note("bpmn.note.no_lane", node.id, name=node.name or node.id)
        return lane_of

    def _step_ids(self, nodes: list[_Node]) -> dict[str, str]:
        ids: dict[str, str] = {}
        taken = _Ids()
        # Ids stored by qms first, so that a new element cannot take one of them.
        for node in nodes:
            stored = (node.ext or {}).get("id")
            if isinstance(stored, str) and _STEP_ID.fullmatch(stored) and stored not in taken:
                ids[node.id] = stored
                taken.add(stored)
        for node in nodes:
            if node.id not in ids:
                default = slug(msg(f"bpmn.name.{_DEFAULT_NAME[node.kind]}").vi)
                ids[node.id] = taken.unique(slug(node.name) or default or slug(node.id) or "buoc")
        return ids

    def _step(self, node: _Node, ids: dict[str, str], nodes: dict[str, _Node], lane: _Lane | None) -> dict[str, Any]:
        ext = node.ext or {}
        kind = node.kind
        if kind == "task" and ext.get("type") == "start":
            kind = "start"  # a start step that a return path leads back to, written as a task after a start event
        step: dict[str, Any] = {"id": ids[node.id], "type": kind}
        if kind == "task":
            del step["type"]  # the default, omitted as in files written by hand
        name = self._merge(node.name, ext.get("name"), node.id, "bpmn.what.step")
        if name is None:
            default = msg(f"bpmn.name.{_DEFAULT_NAME[kind]}")
            name = {"vi": default.vi}
            self.note("bpmn.note.missing_name", node.id, "info" if kind in ("start", "end") else "warning", kind=node.tag, name=default.vi)
        step["name"] = name
        if lane is not None and lane.role_id:
            step["role"] = lane.role_id
        if ext.get("support"):
            step["support"] = ext["support"]
        texts = [(element.text or "").strip() for element in node.element.findall(q(BPMN, "documentation"))]
        documentation = "\n".join(text for text in texts if text)
        description = self._merge(documentation, ext.get("description"), node.id, "bpmn.what.description")
        if description:
            step["description"] = description
        for key in ("inputs", "outputs", "records"):
            if ext.get(key):
                step[key] = ext[key]
        if ext.get("duration"):
            step["duration"] = ext["duration"]
        if kind == "subprocess":
            step["calls"] = node.calls
            if ext.get("calls_part"):
                step["calls_part"] = ext["calls_part"]
        if ext.get("authority"):
            step["authority"] = ext["authority"]
        if ext.get("criteria"):
            step["criteria"] = ext["criteria"]
        if ext.get("stops_clock"):
            step["stops_clock"] = True
        targets = [(flow, _resolve(flow, nodes)) for flow in node.outgoing]
        dropped = [flow for flow, target in targets if target is None]
        for flow in dropped:
            self.note("bpmn.note.dangling_flow", flow.id, flow=flow.id)
        targets = [(flow, target) for flow, target in targets if target is not None]
        if kind == "end":
            if targets:
                self.note("bpmn.note.end_outgoing", node.id, name=name["vi"])
        elif kind == "decision":
            branches = self._branches(node, targets, ids, nodes)
            if branches:
                step["branches"] = branches
            else:
                step["_needs_end"] = True
        elif targets:
            step["next"] = ids[targets[0][1].id]
            if len(targets) > 1:
                rest = ", ".join(f"«{_display(t)}»" for _, t in targets[1:])
                self.note("bpmn.note.extra_outgoing", node.id, name=name["vi"], n=len(targets), kept=_display(targets[0][1]), dropped=rest)
        else:
            step["_needs_end"] = True
        return step

    def _branches(
        self, node: _Node, targets: list[tuple[_Flow, _Node]], ids: dict[str, str], nodes: dict[str, _Node]
    ) -> list[dict[str, Any]]:
        branches: list[dict[str, Any]] = []
        for flow, target in targets:
            stored = flow.branches
            shown = [b.get(self.lang.value) or b["vi"] for b in stored]
            if stored and flow.name == " / ".join(shown):
                labels = stored
            elif len(stored) == 1:
                labels = [self._merge(flow.name, stored[0], flow.id, "bpmn.what.branch") or stored[0]]
            elif flow.name:
                labels = [{"vi": flow.name}]
            else:
                label = flow.condition if 0 < len(flow.condition) <= 80 else msg("bpmn.name.branch", n=len(branches) + 1).vi
                self.note("bpmn.note.unnamed_branch", flow.id, source=node.name or node.id, target=_display(target), label=label)
                labels = [{"vi": label}]
            for label in labels:
                branches.append({"when": label, "to": ids[target.id]})
        return branches

    def _merge(self, shown: str, stored: Any, element: str, what: str) -> dict[str, str] | None:
        """The text a modeler shows (in the exported language) over the bilingual text qms stored, if it was edited."""
        shown = shown.strip()
        stored = _text_value(stored)
        if stored is not None and what != "bpmn.what.description":
            stored = {lang: _one_line(text) for lang, text in stored.items()}  # a name is one line, as modelers show it
        if stored is None:
            return {"vi": shown} if shown else None
        lang = self.lang.value
        # Compared as a modeler shows them: names are read with their whitespace collapsed to single spaces.
        if not shown or _one_line(shown) == _one_line(stored.get(lang) or stored["vi"]):
            return dict(stored)
        merged = dict(stored)
        merged[lang] = shown
        other = "en" if lang == "vi" else "vi"
        if merged.get(other):
            self.add(_changed(what, shown, other), element, "info")
        return merged

    # --- roles, code, title -----------------------------------------------------------------------------
    def _roles(self, lanes: list[_Lane], meta: dict[str, Any] | None) -> dict[str, Any]:
        """Roles stored by qms (in their declared order, lanes or not), then one per new lane; sets each lane's role id."""
        stored = meta.get("roles") if meta else None
        roles: dict[str, Any] = {}
        if isinstance(stored, dict):
            for key, value in stored.items():
                role = _stored_role(value)
                if not _STEP_ID.fullmatch(key):
                    no_id = Message(f"«{_shown(key)}» không phải mã vai trò", f"«{_shown(key)}» is no role id")
                    self.add(_bad_meta("roles", no_id), self._process_id, hint=_META_HINT, at=self._meta_at)
                elif role is None:
                    self.add(_bad_meta_kind(f"roles.{key}", _kind(value), "role"), self._process_id, hint=_META_HINT, at=self._meta_at)
                else:
                    roles[key] = role
        elif stored is not None:
            self.add(_bad_meta_kind("roles", _kind(stored), "mapping"), self._process_id, hint=_META_HINT, at=self._meta_at)
        taken = _Ids(roles)
        for lane in lanes:
            lane.role_id = None
            if lane.unassigned:
                continue
            if lane.stored_id and lane.stored_id in roles:
                lane.role_id = lane.stored_id
                role = dict(_role_dict(roles[lane.stored_id]))
                name = self._merge(lane.name, role.get("name"), lane.id, "bpmn.what.role")
                if name:
                    role["name"] = name
                roles[lane.stored_id] = role
                continue
            name = lane.name
            if not name:
                name = f"{msg('bpmn.name.role').vi} {len(roles) + 1}"
                self.note("bpmn.note.missing_name", lane.id, kind="lane", name=name)
            candidate = lane.stored_id if lane.stored_id and _STEP_ID.fullmatch(lane.stored_id) else slug(name) or "vai-tro"
            lane.role_id = taken.unique(candidate)
            roles[lane.role_id] = {"name": {"vi": name}}
        return roles

    def _default_role(
        self, roles: dict[str, Any], lanes: list[_Lane], steps: list[dict[str, Any]], pool: ET.Element | None, process: ET.Element
    ) -> None:
        """A process needs a role (its owner); a pool without lanes is one role doing every step."""
        if roles and lanes:
            return
        if not roles:
            name = ((pool.get("name") if pool is not None else None) or process.get("name") or msg("bpmn.name.role").vi).strip()
            roles[_Ids().unique(slug(name) or "vai-tro")] = {"name": {"vi": name}}
        if not lanes:
            role_id = next(iter(roles))
            self.note("bpmn.note.no_lanes", None, "info", role=role_id)
            for step in steps:
                step.setdefault("role", role_id)

    def _code(self, code: str | None, meta: dict[str, Any] | None, process: ET.Element, pool: ET.Element | None) -> str:
        if code:
            return code
        stored = meta.get("code") if meta else None
        if isinstance(stored, str) and _CODE.fullmatch(stored):
            return stored
        if meta and isinstance(stored, str):
            self.add(_bad_meta("code", Message(f"«{_shown(stored)}» không phải mã quy trình", f"«{_shown(stored)}» is no process code")),
                     self._process_id, hint=_META_HINT, at=self._meta_at)
        elif meta and "code" in meta:
            self._bad("code", stored, "text", process)
        element_id = process.get("id", "")
        candidate = element_id.removeprefix("Process_").upper()
        # Camunda Modeler names a new process «Process_» and 7 random characters: no code in that.
        if re.fullmatch(r"Process_[0-9a-z]{7}", element_id) or not _CODE.fullmatch(candidate):
            name = (pool.get("name") if pool is not None else None) or process.get("name") or ""
            candidate = slug(name).upper()[:40].strip("-") or "QT-BPMN"
            if not _CODE.fullmatch(candidate):
                candidate = "QT-BPMN"
        self.note("bpmn.note.code_derived", process.get("id"), "info", code=candidate)
        return candidate

    def _title(self, meta: dict[str, Any] | None, pool: ET.Element | None, process: ET.Element, code: str) -> Any:
        shown = _name(pool) if pool is not None and pool.get("name") else _name(process)
        stored = meta.get("title") if meta else None
        if isinstance(stored, str):
            stored = {"vi": stored} if stored.strip() else None
        if stored is not None and _text_value(stored) is None:
            self.add(_bad_meta_kind("title", _kind(stored), "bilingual text", shown or code), process.get("id") or None, hint=_META_HINT, at=self._meta_at)
            stored = None
        title = self._merge(shown, stored, process.get("id", ""), "bpmn.what.title")
        if title is None:
            self.note("bpmn.note.title_missing", process.get("id"), title=code)
            title = {"vi": code}
        return title

    def _assemble(self, meta: dict[str, Any], code: str, title: Any, roles: dict[str, Any], steps: list[dict[str, Any]]) -> dict[str, Any]:
        """The process dict in the order of the format's fields, references to vanished steps and records dropped."""
        step_ids = {step["id"] for step in steps}
        for key, expected in _META_SHAPES.items():
            if key in meta and _kind(meta[key]) not in (expected, "null"):
                self.add(_bad_meta_kind(key, _kind(meta[key]), expected), self._process_id, hint=_META_HINT, at=self._meta_at)
                meta = {k: v for k, v in meta.items() if k != key}
        stored_records = meta.get("records") or []
        records = {r["code"] for r in stored_records if isinstance(r, dict) and isinstance(r.get("code"), str)}
        steps = [dict(step) for step in steps]
        for step in steps:
            if "records" in step:
                kept = [c for c in step["records"] if c in records]
                for missing in (c for c in step["records"] if c not in records):
                    self.note("bpmn.note.dropped_record", self.step_elements.get(step["id"]), step=step["id"], code=missing)
                if kept:
                    step["records"] = kept
                else:
                    del step["records"]
        meta = dict(meta)
        if isinstance(meta.get("risks"), list):
            risks = []
            for risk in meta["risks"]:
                if isinstance(risk, dict) and isinstance(risk.get("controls"), list):
                    controls = self._steps_still_there(risk["controls"], step_ids, _shown(risk.get("code", "risks")))
                    risk = {key: value for key, value in risk.items() if key != "controls"}
                    if controls:
                        risk["controls"] = controls
                risks.append(risk)
            meta["risks"] = risks
        if isinstance(meta.get("clock"), dict):
            clock = {part: step for part, step in meta["clock"].items() if isinstance(step, str) and step in step_ids}
            for part in meta["clock"]:
                if part not in clock:
                    self.note("bpmn.note.dropped_reference", self._process_id, where=f"clock.{part}", step=_shown(meta["clock"][part]))
            meta["clock"] = clock
        if isinstance(meta.get("deadline_cases"), list):
            cases = []
            for case in meta["deadline_cases"]:
                if isinstance(case, dict) and isinstance(case.get("through"), list):
                    case = {**case, "through": self._steps_still_there(case["through"], step_ids, "deadline_cases")}
                    if not case["through"]:
                        continue  # a case whose steps are all gone has nothing left to bind
                cases.append(case)
            meta["deadline_cases"] = cases
        if isinstance(meta.get("waivers"), list):
            waivers = []
            for waiver in meta["waivers"]:
                if isinstance(waiver, dict) and waiver.get("step") and not (isinstance(waiver["step"], str) and waiver["step"] in step_ids):
                    self.note("bpmn.note.dropped_reference", self._process_id, where=f"waiver {_shown(waiver.get('rule', ''))}", step=_shown(waiver["step"]))
                    continue
                waivers.append(waiver)
            meta["waivers"] = waivers
        for key in ("risks", "clock", "deadline_cases", "waivers"):
            if key in meta and not meta[key]:
                del meta[key]  # nothing left once the references to vanished steps are gone
        owner = meta.get("owner")
        if owner is not None and not (isinstance(owner, str) and owner in roles):
            first = next(iter(roles))
            if isinstance(owner, str):
                no_role = Message(f"«{_shown(owner)}» không phải một vai trò", f"«{_shown(owner)}» is no role")
                self.add(_bad_meta("owner", no_role, first), self._process_id, hint=_META_HINT, at=self._meta_at)
            else:
                self._bad_at("owner", owner, "text", first)
        version = meta.get("version")
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            version = str(version)
        if version is not None and not isinstance(version, str):
            self._bad_at("version", version, "text", _DEFAULTS["version"])
        status = meta.get("status")
        if status is not None and not isinstance(status, str):
            self._bad_at("status", status, "text", _DEFAULTS["status"])
        document: dict[str, Any] = {
            "code": code,
            "title": title,
            "version": version if isinstance(version, str) and version else _DEFAULTS["version"],
            "status": status if isinstance(status, str) and status else _DEFAULTS["status"],
        }
        for key, value in meta.items():
            if key in ("code", "title", "version", "status", "roles", "steps", "owner"):
                continue
            document[key] = value
        document["owner"] = owner if isinstance(owner, str) and owner in roles else next(iter(roles))
        # Field order of the format, so the file reads like one written by hand.
        order = list(Process.model_fields)
        document["roles"] = roles
        document["steps"] = steps
        return {key: document[key] for key in order if key in document}


@dataclass
class _Lane:
    id: str
    name: str
    stored_id: str | None
    unassigned: bool
    refs: list[str]
    role_id: str | None = None


_DEFAULT_NAME = {"start": "start", "end": "end", "task": "task", "subprocess": "task", "decision": "decision"}


def _changed(what: str, text: str, other: str) -> Message:
    label = msg(what)
    other_name = {"en": Message("tiếng Anh", "English"), "vi": Message("tiếng Việt", "Vietnamese")}[other]
    key = "bpmn.note.text_changed"
    return Message(msg(key, what=label.vi, text=text, other=other_name.vi).vi, msg(key, what=label.en, text=text, other=other_name.en).en)


def _resolve(flow: _Flow, nodes: dict[str, _Node]) -> _Node | None:
    """The step a flow leads to, through any joining gateways dropped on the way."""
    seen: set[str] = set()
    node = nodes.get(flow.target)
    while node is not None and node.kind == "pass":
        if node.id in seen or len(node.outgoing) != 1:
            return None
        seen.add(node.id)
        node = nodes.get(node.outgoing[0].target)
    if node is None or node.kind == "skip":
        return None
    return node


def _flow_order(real: list[_Node], nodes: dict[str, _Node]) -> list[_Node]:
    """Steps in the order a person reads the diagram: by column (as the flowchart lays them out, return
    paths ignored), ties in the order a depth-first walk from the start events meets them."""
    following = {node.id: [t.id for flow in node.outgoing if (t := _resolve(flow, nodes)) is not None] for node in real}
    visit: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    on_path: set[str] = set()

    def walk(root: str) -> None:
        # Iterative depth-first walk: a diagram may be deep enough to exhaust Python's recursion.
        visit.setdefault(root, len(visit))
        on_path.add(root)
        stack = [(root, iter(following.get(root, [])))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(node)
            elif child in on_path:
                back.add((node, child))
            elif child not in visit:
                visit[child] = len(visit)
                on_path.add(child)
                stack.append((child, iter(following.get(child, []))))

    for node in real:
        if node.kind == "start":
            walk(node.id)
    reached = len(visit)  # steps met from a start come first; the rest (unreachable) after them
    for node in real:
        if node.id not in visit:
            walk(node.id)
    incoming: dict[str, list[str]] = {node.id: [] for node in real}
    for source, targets in following.items():
        for target in targets:
            if (source, target) not in back:
                incoming[target].append(source)
    done: dict[str, int] = {}

    def depth(node_id: str) -> int:
        stack = [node_id]
        while stack:
            current = stack[-1]
            pending = [p for p in incoming[current] if p not in done]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            done[current] = max((done[p] + 1 for p in incoming[current]), default=0)
        return done[node_id]

    return sorted(real, key=lambda node: (visit[node.id] >= reached, depth(node.id), visit[node.id]))


def _display(node: _Node) -> str:
    return node.name or node.id


class _Ids:
    """Step or role ids handed out so far.

    A new id from a name already taken gets the first free «name-N»; the next
    N to try is remembered per name, so 10,000 steps of the same name take
    10,000 tries, not 50 million. Every id fits the id pattern (63 characters).
    """

    def __init__(self, taken: Iterable[str] = ()):
        self.taken = set(taken)
        self.next: dict[str, int] = {}

    def __contains__(self, item: object) -> bool:
        return item in self.taken

    def add(self, item: str) -> None:
        self.taken.add(item)

    def unique(self, base: str) -> str:
        base = base[:60].rstrip("-") or "x"
        if base not in self.taken:
            self.taken.add(base)
            return base
        n = self.next.get(base, 2)
        while True:
            suffix = f"-{n}"
            candidate = base[: STEP_ID_MAX - len(suffix)].rstrip("-") + suffix
            n += 1
            if candidate not in self.taken:
                break
        self.next[base] = n
        self.taken.add(candidate)
        return candidate


def _name(element: ET.Element) -> str:
    return " ".join((element.get("name") or "").split())


def _process_code(called: str) -> str | None:
    called = called.strip().removeprefix("Process_")
    return called if _CODE.fullmatch(called) else None


def _event_kind(definitions: list[str], tag: str) -> str:
    return ", ".join(d.removesuffix("EventDefinition") for d in definitions) or tag


def _extension(element: ET.Element, local: str) -> ET.Element | None:
    extension = element.find(q(BPMN, "extensionElements"))
    return extension.find(q(QMS, local)) if extension is not None else None


def _extensions(element: ET.Element, local: str) -> list[ET.Element]:
    extension = element.find(q(BPMN, "extensionElements"))
    return extension.findall(q(QMS, local)) if extension is not None else []


def _text(element: ET.Element | None) -> dict[str, str] | None:
    """A bilingual text stored as ``<qms:X><qms:vi>...</qms:vi><qms:en>...</qms:en></qms:X>``."""
    if element is None:
        return None
    vi = (element.findtext(q(QMS, "vi")) or "").strip()
    en = (element.findtext(q(QMS, "en")) or "").strip()
    if not vi:
        return None
    return {"vi": vi, "en": en} if en else {"vi": vi}


def _step_extension(element: ET.Element | None, dropped: list[tuple[str, str]] | None = None) -> dict[str, Any] | None:
    """The step data qms stored; values that would not validate are left out (the diagram still gives the step)
    and listed in ``dropped`` as (attribute, value)."""
    if element is None:
        return None
    dropped = [] if dropped is None else dropped
    ext: dict[str, Any] = {}
    if element.get("id"):
        ext["id"] = element.get("id")
    if element.get("type") in {t.value for t in StepType}:
        ext["type"] = element.get("type")
    elif element.get("type"):
        dropped.append(("type", element.get("type", "")))
    duration = element.get("duration")
    if duration:
        try:
            Duration.parse(duration)
            ext["duration"] = duration
        except (ValueError, TypeError, ArithmeticError):
            dropped.append(("duration", duration))
    if element.get("authority") in {a.value for a in Authority}:
        ext["authority"] = element.get("authority")
    elif element.get("authority"):
        dropped.append(("authority", element.get("authority", "")))
    if element.get("calls") and _CODE.fullmatch(element.get("calls", "")):
        ext["calls"] = element.get("calls")
    elif element.get("calls"):
        dropped.append(("calls", element.get("calls", "")))
    if element.get("stopsClock") == "true":
        ext["stops_clock"] = True
    for key in ("name", "description", "criteria"):
        text = _text(element.find(q(QMS, key)))
        if text:
            ext[key] = text
    for key, tag in (("inputs", "input"), ("outputs", "output")):
        texts = [text for child in element.findall(q(QMS, tag)) if (text := _text(child))]
        if texts:
            ext[key] = texts
    support = [child.get("role", "") for child in element.findall(q(QMS, "support"))]
    dropped += [("support", role) for role in support if not _STEP_ID.fullmatch(role)]
    support = [role for role in support if _STEP_ID.fullmatch(role)]
    if support:
        ext["support"] = support
    records = [child.get("code", "") for child in element.findall(q(QMS, "record"))]
    dropped += [("record", code) for code in records if not _RECORD.fullmatch(code)]
    records = [code for code in records if _RECORD.fullmatch(code)]
    if records:
        ext["records"] = records
    part = element.find(q(QMS, "callsPart"))
    if part is not None:
        ends = {key: part.get(attr) for key, attr in (("starts_at", "startsAt"), ("stops_at", "stopsAt"))}
        ext["calls_part"] = {key: value for key, value in ends.items() if value and _STEP_ID.fullmatch(value)}
    return ext


def _role_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and "name" in value:
        return value
    if isinstance(value, dict):
        return {"name": value}
    return {"name": {"vi": str(value)}}


def _stored_role(value: Any) -> dict[str, Any] | None:
    """A role qms stored, in its long form, if it has a usable name; its other fields are checked with the rest."""
    if isinstance(value, str):
        return {"name": {"vi": _one_line(value)}} if value.strip() else None
    if not isinstance(value, dict):
        return None
    if "name" not in value:
        name = _text_value(value)
        return {"name": {lang: _one_line(text) for lang, text in name.items()}} if name else None
    name = value["name"]
    name = _text_value({"vi": name} if isinstance(name, str) else name)
    return {**value, "name": {lang: _one_line(text) for lang, text in name.items()}} if name else None


def _text_value(value: Any) -> dict[str, str] | None:
    """``value`` if it is a bilingual text ``{vi: ..., en: ...}`` (Vietnamese not empty), without an empty English."""
    if not isinstance(value, dict) or set(value) - {"vi", "en"}:
        return None
    vi, en = value.get("vi"), value.get("en")
    if not isinstance(vi, str) or not vi.strip() or not (en is None or isinstance(en, str)):
        return None
    return {"vi": vi, "en": en} if en and en.strip() else {"vi": vi}


def _kind(value: Any) -> str:
    """What a JSON value is, as a key of ``_KINDS``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    return "list" if isinstance(value, list) else "mapping"


def _shown(value: Any) -> str:
    """A value of the qms data as a note shows it: one line, at most 80 characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if text != _one_line(text):  # «QT-01\n»: the line break is what is wrong, so it is shown
        text = json.dumps(text, ensure_ascii=False)[1:-1]
    return text if len(text) <= 80 else text[:79] + "…"


# The shapes of the parts of the qms data that the import itself reads (the rest is checked by loading the result).
_META_SHAPES = {"records": "list", "risks": "list", "clock": "mapping", "deadline_cases": "list", "waivers": "list"}
# Required fields the qms data gives, and what they become when its value does not load.
_DEFAULTS = {"version": "1.0", "status": "draft"}
# Fields of a step that come from the diagram: a problem there is not one of the qms data alone.
_FROM_DIAGRAM = frozenset({"id", "type", "name", "role", "next", "branches", "calls"})


# --- characters YAML cannot hold -----------------------------------------------------------------------


def _clean(text: str, removed: list[str], replaced: list[str], newline: str = "\n") -> str:
    """``text`` without control characters (listed in ``removed``), its line separators as ``newline``."""
    if not _SUSPECT.search(text):
        return text

    def line_break(match: re.Match[str]) -> str:
        replaced.append(match.group()[0])
        return newline

    def drop(match: re.Match[str]) -> str:
        removed.append(match.group())
        return ""

    return _UNSAFE.sub(drop, _BREAKS.sub(line_break, text))


def _clean_tree(root: ET.Element, reader: _Reader) -> None:
    """Clean every attribute value and text of the parsed file in place, with one note per element id.

    A note names the nearest element with an id (a name on a task, the text of
    its documentation) and the attributes or elements whose text changed.
    """
    changes: dict[str, tuple[ET.Element, list[str], list[str], list[str]]] = {}
    stack: list[tuple[ET.Element, str]] = [(root, "")]
    while stack:
        element, owner = stack.pop()
        own = element.get("id") or owner
        for key, value in element.attrib.items():
            if _SUSPECT.search(value):
                entry = changes.setdefault(own, (element, [], [], []))
                element.set(key, _clean(value, entry[2], entry[3], " "))
                entry[1].append(local_name(key)[1])
        if element.text and _SUSPECT.search(element.text):
            entry = changes.setdefault(own, (element, [], [], []))
            element.text = _clean(element.text, entry[2], entry[3])
            entry[1].append(local_name(element.tag)[1])
        if element.tail and _SUSPECT.search(element.tail):
            element.tail = _clean(element.tail, [], [])  # text between elements: BPMN gives it no meaning
        stack.extend((child, own) for child in reversed(element))
    for own, (element, whats, removed, replaced) in changes.items():
        if removed or replaced:
            what = ", ".join(dict.fromkeys(whats))
            reader.add(_characters_changed(what, removed, replaced), own or None, hint=_CHARACTERS_HINT, at=element)


def _clean_json(value: Any, removed: list[str], replaced: list[str]) -> Any:
    """The qms data with every string (keys too) cleaned; its depth is bounded before it is parsed."""
    if isinstance(value, str):
        return _clean(value, removed, replaced)
    if isinstance(value, list):
        return [_clean_json(item, removed, replaced) for item in value]
    if isinstance(value, dict):
        return {_clean(key, removed, replaced): _clean_json(item, removed, replaced) for key, item in value.items()}
    return value


_JSON_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]')


def _json_too_deep(text: str, limit: int) -> bool:
    """Whether the JSON ``text`` nests more than ``limit`` arrays and objects, found without parsing it (linear)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _JSON_NESTING.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False


# --- reading the YAML back -----------------------------------------------------------------------------


def _load_problems(text: str, code: str) -> list[tuple[Path_, Message]]:
    """What ``qms validate`` would report in the process file ``text`` (calls to other processes aside),
    each with the path of the value it is about (``()`` when it is about no one value)."""
    try:
        document = parse_document(text, Path(f"{code}.yaml"))
    except SourceError as exc:
        return [((), exc.diagnostic.message)]
    data = document.data
    if not isinstance(data, dict):
        return [((), msg("yaml.not_mapping"))]
    try:
        process = Process.model_validate(data)
    except ValidationError as exc:
        explained = {d.data.get("field"): d.message for d in translate(exc, data, document.source)}
        problems: list[tuple[Path_, Message]] = []
        for err in exc.errors(include_url=False):
            named = data_path(data, err["loc"], keep_last=err["type"] in ("missing", "extra_forbidden"))
            message = explained.get(".".join(map(str, named))) or Message(err["msg"], err["msg"])
            problems.append((data_path(data, err["loc"], keep_last=False), message))
        return problems
    diagnostics = check_process(process, document.source, None)
    if not diagnostics:
        return []
    at: dict[tuple[int, int], Path_] = {}
    for path, position in document.source.values.items():
        if len(path) >= len(at.get(position, ())):
            at[position] = path
    return [(at.get((d.location.line, d.location.column), ()), d.message) for d in diagnostics]


def _removable(document: dict[str, Any], path: Path_) -> Path_ | None:
    """The smallest part of ``document`` around ``path`` that the format lets go: a list item, an optional
    field, a field the format does not have; a required field at the top (reset, not dropped). None when the
    problem is in the code, in a role or step as the diagram gives it, or not at any one place."""
    path = _existing(document, path)
    if not path or path[0] == "code":
        return None
    floor = 1
    if path[0] in ("steps", "roles"):
        # A step or role is the diagram's: only a field qms stored on it may go (a role's name may not).
        if len(path) < 3 or (path[0] == "steps" and path[2] in _FROM_DIAGRAM) or (path[0] == "roles" and path[2] == "name"):
            return None
        floor = 3
    for end in range(len(path), floor - 1, -1):
        candidate = path[:end]
        last = candidate[-1]
        if isinstance(last, int):
            return candidate
        owner = model_at(candidate[:-1])
        known = owner.model_fields.get(str(last)) if owner is not None else None
        if known is None or not known.is_required():
            return candidate
    if floor == 1 and path[0] in (*_DEFAULTS, "title", "owner"):
        return path[:1]
    return None


def _existing(document: Any, path: Path_) -> Path_:
    """The longest start of ``path`` that is in ``document`` (the YAML's short forms make paths shorter, never longer)."""
    found: list[str | int] = []
    current = document
    for part in path:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            break
        found.append(part)
    return tuple(found)


def _remove(document: dict[str, Any], path: Path_) -> None:
    """Delete the part at ``path``, then each container it leaves empty that the format lets go as well."""
    while True:
        parent: Any = document
        for part in path[:-1]:
            parent = parent[part]
        del parent[path[-1]]
        path = path[:-1]
        if not path or parent or _removable(document, path) != path:
            return


def _path_key(path: Path_) -> tuple[tuple[int, int, str], ...]:
    """Sorts paths so that, in reverse, later list items (and deeper parts) are removed before earlier ones."""
    return tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in path)


def _diagram_bounds(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    bounds: dict[str, tuple[float, float, float, float]] = {}
    for shape in root.iter(q(BPMNDI, "BPMNShape")):
        box = shape.find(q(DC, "Bounds"))
        element = shape.get("bpmnElement")
        if box is None or not element:
            continue
        try:
            bounds[element] = tuple(float(box.get(k, "")) for k in ("x", "y", "width", "height"))  # type: ignore[assignment]
        except ValueError:
            continue
    return bounds


# --- YAML -----------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the shipped process files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)


def dump_yaml(document: dict[str, Any], notes: Iterable[ImportNote] = ()) -> str:
    """The process as YAML in the style of the shipped files: short forms where the format allows them,
    a blank line between sections and between steps, and the import notes as comments on top.

    Whatever the strings hold, the text loads: characters YAML cannot hold are
    dropped from values (the reader has already noted them), and each comment
    is one line of printable characters.
    """
    return _header(notes) + _body(document)


def _header(notes: Iterable[ImportNote]) -> str:
    lines = [f"# {msg('bpmn.yaml.header').vi}", f"# {msg('bpmn.yaml.header').en}"]
    notes = list(notes)
    if notes:
        lines.append(f"# {msg('bpmn.note.header').vi}")
        lines += [f"#   - {_comment(note.render(Lang.VI))}" for note in notes]
    return "\n".join(lines) + "\n"


def _body(document: dict[str, Any]) -> str:
    parts: list[str] = []
    block = True
    for key, value in _short(_yaml_safe(document)).items():
        if key == "steps" and isinstance(value, list):
            steps = ["".join(f"  {line}" if line.strip() else line for line in _dump([step]).splitlines(keepends=True)) for step in value]
            text = "steps:\n" + "\n".join(steps)
        else:
            text = _dump({key: value})
        # A blank line around each section that spans several lines; short fields stay together.
        now_block = text.count("\n") > 1
        parts.append(("\n" if block or now_block else "") + text)
        block = now_block
    return "".join(parts)


def _yaml_safe(value: Any) -> Any:
    """``value`` with every string (keys too) holding only what a YAML file can: the emitter escapes control
    characters but writes U+0085 raw (read back as a space) and lone surrogates as escapes no reader accepts."""
    if isinstance(value, str):
        return _clean(value, [], []) if _SUSPECT.search(value) else value
    if isinstance(value, dict):
        return {_yaml_safe(key): _yaml_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_yaml_safe(item) for item in value]
    return value


def _comment(text: str) -> str:
    """``text`` as the rest of one comment line: any line break (``\\n``, ``\\r``, U+0085, U+2028, U+2029) would end
    the comment and start YAML, so all whitespace becomes one space; what YAML cannot hold is dropped."""
    return _NOT_PRINTABLE.sub("", " ".join(text.split()))


def _one_line(text: str) -> str:
    return _comment(text)


def _short(value: Any, key: str | None = None) -> Any:
    """``{vi: x}`` -> ``x``; a role with only a name -> the name."""
    if isinstance(value, dict):
        if set(value) == {"vi"} and isinstance(value["vi"], str):
            return value["vi"]
        if key == "roles":
            return {role_id: _short(_role_short(role)) for role_id, role in value.items()}
        return {k: _short(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_short(item) for item in value]
    return value


def _role_short(role: Any) -> Any:
    if isinstance(role, dict) and set(role) == {"name"}:
        name = role["name"]
        # The short form is read as the role's name; a bilingual name stays {vi, en}.
        return name
    return role
