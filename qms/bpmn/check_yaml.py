"""Stage 5 of the import: the YAML read back as ``qms validate`` reads it; what does not load is dropped.

The qms data in a BPMN file may have been edited by hand (or made to attack
the reader): any part of it that has the wrong shape (a list where a text
belongs, a reference to nothing) is dropped with a note naming the element
and the key, so what is kept is exactly what loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import META_HINT, bad_meta
from qms.bpmn.map_meta import DEFAULTS
from qms.bpmn.map_process import Draft
from qms.bpmn.write_yaml import body
from qms.i18n import Message, _
from qms.load.references import check_process
from qms.load.schema_errors import data_path, model_at, translate
from qms.load.source import Path_, SourceError, parse_document
from qms.model import Process

# Rounds of dropping unsound qms data and reading the result back before only the diagram is used.
MAX_ROUNDS = 6
# Fields of a step that come from the diagram: a problem there is not one of the qms data alone.
_FROM_DIAGRAM = frozenset({"id", "type", "name", "role", "next", "branches", "calls"})


def settle(draft: Draft) -> tuple[dict[str, Any], str] | None:
    """The draft's process and its YAML once the YAML loads as ``qms validate`` reads it; None if it cannot be made to.

    Each problem the loader finds in a part that came from the qms data is
    fixed by dropping the smallest part around it that the format lets go
    (an optional field, an item of a list), with a note naming the key; a
    required field gets its default. A problem in the steps or roles the
    diagram gives cannot be fixed that way: None, and ``draft.problem`` says
    what the last one was.
    """
    document = draft.document
    draft.problem = ""
    for _unused in range(MAX_ROUNDS):
        text = body(document)
        problems = _load_problems(text, draft.code)
        if not problems:
            return document, text
        draft.problem = problems[0][1].en
        fixes: dict[Path_, tuple[Path_, Message]] = {}
        for path, message in problems:
            target = _removable(document, _existing(document, path))
            if target is None:
                return None
            fixes.setdefault(target, (path, message))
        for target in sorted(fixes, key=_path_key, reverse=True):
            path, message = fixes[target]
            _fix(draft, target, path, message)
    return None


def _fix(draft: Draft, target: Path_, path: Path_, message: Message) -> None:
    document = draft.document
    key = target[0]
    problem = _existing(document, path)
    if problem != target:  # name the value at fault too: «approval.prepared» (approval.prepared.role: ...)
        where = ".".join(map(str, problem[2:] if key == "steps" else problem))
        message = Message(f"{where}: {message.vi}", f"{where}: {message.en}")
    if key == "steps":
        step = document["steps"][target[1]]
        element = draft.scope.step_elements.get(step.get("id", ""))
        _remove(document, target)
        draft.notes.add(BpmnCode.META_INVALID, bad_meta(".".join(map(str, target[2:])), message), element, hint=META_HINT)
        return
    instead: str | None = None
    if len(target) == 1 and key in DEFAULTS:
        document[key] = instead = DEFAULTS[key]
    elif target == ("title",):
        document["title"] = draft.diagram_title()
        instead = document["title"]["vi"]
    elif target == ("owner",):
        document["owner"] = instead = next(iter(document["roles"]))
    else:
        _remove(document, target)
    what = bad_meta(".".join(map(str, target)), message, instead)
    draft.notes.add(BpmnCode.META_INVALID, what, draft.scope.process_id, hint=META_HINT, at=draft.meta_at)


def _load_problems(text: str, code: str) -> list[tuple[Path_, Message]]:
    """What ``qms validate`` would report in the process file ``text`` (calls to other processes aside),
    each with the path of the value it is about (``()`` when it is about no one value)."""
    try:
        document = parse_document(text, Path(f"{code}.yaml"))
    except SourceError as exc:
        return [((), exc.diagnostic.message)]
    data = document.data
    if not isinstance(data, dict):
        return [((), _("tệp quy trình phải là một ánh xạ (các dòng «trường: giá trị»)"))]
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
    if floor == 1 and path[0] in (*DEFAULTS, "title", "owner"):
        return path[:1]
    return None


def _existing(document: Any, path: Path_) -> Path_:
    """The longest start of ``path`` that is in ``document`` (the YAML's short forms make paths shorter, never longer)."""
    found: list[str | int] = []
    current = document
    for part in path:
        present = (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        )
        if not present:
            break
        current = current[part]
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
