"""Stage 3 of the import: :class:`~qms.bpmn.diagram.Diagram` -> :class:`Draft`, a process dict and its notes.

What maps:

* lanes -> roles (ids from the lane names, ``Công chức Một cửa`` -> ``cong-chuc-mot-cua``);
* start/end events, tasks of every kind, exclusive gateways (decisions),
  call activities (sub-process steps calling ``calledElement``) -> steps;
* sequence flows -> ``next``, or the ``branches`` of a decision, labelled
  with the flow names;
* the ``qms`` extension data that :mod:`qms.bpmn.export` writes (step and
  role ids, both languages, durations, records, the process's document
  control) -> restored, so exporting and importing gives the same process.

What does not map is kept as close as the format allows and noted. A draft
is made twice at most: with the qms data, and (when what it gave cannot be
made to load, :mod:`qms.bpmn.check_yaml`) from the diagram alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import CODE, BpmnError, Notes, Position, bad_meta
from qms.bpmn.diagram import Diagram
from qms.bpmn.map_meta import assemble
from qms.bpmn.map_nodes import map_nodes
from qms.bpmn.map_roles import default_role, map_lanes, map_roles
from qms.bpmn.map_scope import Scope, text_value
from qms.bpmn.map_steps import map_steps
from qms.bpmn.text import shown
from qms.i18n import _
from qms.load.schema_errors import slug


@dataclass
class Draft:
    """A process dict ready for YAML (it may not load yet) and what is needed to fix it and to note the fixes."""

    document: dict[str, Any]
    code: str
    scope: Scope
    meta_at: Position | None  # where notes about the qms data point; None when the draft is the diagram's alone
    diagram_title: Callable[[], dict[str, str]]  # the title the diagram alone gives (noted when it gives none)
    problem: str = ""  # the last problem found when loading it (English)

    @property
    def notes(self) -> Notes:
        return self.scope.notes


class Mapper:
    """Maps one diagram: its nodes, lanes and code once, then a :class:`Draft` with or without the qms data."""

    def __init__(self, diagram: Diagram, code: str | None):
        self.diagram = diagram
        notes = Notes(diagram.where, list(diagram.notes))
        self.scope = Scope(notes, diagram.lang, diagram.process.id or None, diagram.meta_at)
        self.nodes = map_nodes(diagram, notes)
        if not any(node.kind != "skip" for node in self.nodes.values()):
            raise BpmnError(BpmnCode.NO_PROCESS, _("tệp BPMN không có quy trình (process) nào có bước"))
        self.lanes = map_lanes(diagram.lanes, notes)
        self.code = self._code(code, diagram.meta)
        self._before = len(notes.items)  # the notes of a draft come after this

    def draft(self, meta: dict[str, Any] | None) -> Draft:
        """The process from the diagram and ``meta`` (the qms data), or from the diagram alone."""
        scope, diagram = self.scope, self.diagram
        title = self.title(meta)
        roles = map_roles(self.lanes, meta, scope)
        steps = map_steps(self.nodes, self.lanes, meta is not None, diagram.bounds, scope)
        default_role(roles, self.lanes, steps, diagram, scope.notes)
        document = assemble(meta or {}, self.code, title, roles, steps, scope)
        return Draft(document, self.code, scope, scope.meta_at if meta is not None else None, lambda: self.title(None))

    def forget_meta(self, problem: str) -> None:
        """Drop the notes of the draft made with the qms data and the step data it does not need, noting why."""
        del self.scope.notes.items[self._before :]
        self.scope.notes.note(
            BpmnCode.META_UNREADABLE,
            _("dữ liệu qms trong tệp BPMN không đọc được ({error}); chỉ dùng phần BPMN"),
            self.scope.process_id,
            error=problem,
        )
        for node in self.nodes.values():
            if node.ext:
                node.ext = {key: value for key, value in node.ext.items() if key in ("id", "type", "name", "description")}

    def _code(self, code: str | None, meta: dict[str, Any] | None) -> str:
        if code:
            return code
        scope, process = self.scope, self.diagram.process
        stored = meta.get("code") if meta else None
        if isinstance(stored, str) and CODE.fullmatch(stored):
            return stored
        if meta and isinstance(stored, str):
            scope.meta_note(bad_meta("code", _("«{stored}» không phải mã quy trình").format(stored=shown(stored))))
        elif meta and "code" in meta:
            scope.bad_kind("code", stored, "text")
        element_id = process.id if process.id is not None else ""
        candidate = element_id.removeprefix("Process_").upper()
        # Camunda Modeler names a new process «Process_» and 7 random characters: no code in that.
        if re.fullmatch(r"Process_[0-9a-z]{7}", element_id) or not CODE.fullmatch(candidate):
            name = (self.diagram.pool.name if self.diagram.pool is not None else None) or process.name or ""
            candidate = slug(name).upper()[:40].strip("-") or "QT-BPMN"
            if not CODE.fullmatch(candidate):
                candidate = "QT-BPMN"
        scope.notes.note(
            BpmnCode.CODE_DERIVED,
            _("mã quy trình «{code}» được suy ra từ tệp BPMN; đổi bằng tham số mã quy trình nếu cần"),
            process.id,
            code=candidate,
        )
        return candidate

    def title(self, meta: dict[str, Any] | None) -> dict[str, str]:
        """The title the pool (or else the process) shows, over the one qms stored; the code when there is none."""
        pool, process, scope = self.diagram.pool, self.diagram.process, self.scope
        shown_title = _collapsed(pool.name) if pool is not None and pool.name else _collapsed(process.name)
        stored = meta.get("title") if meta else None
        if isinstance(stored, str):
            stored = {"vi": stored} if stored.strip() else None
        if stored is not None and text_value(stored) is None:
            scope.bad_kind("title", stored, "bilingual text", shown_title or self.code)
            stored = None
        title = scope.merge(shown_title, stored, process.id if process.id is not None else "", _("tên quy trình"))
        if title is None:
            scope.notes.note(BpmnCode.PLACEHOLDER, _("quy trình chưa có tên; tạm đặt «{title}»"), process.id, title=self.code)
            title = {"vi": self.code}
        return title


def _collapsed(name: str | None) -> str:
    """A name as a modeler shows it: whitespace collapsed to single spaces."""
    return " ".join((name or "").split())
