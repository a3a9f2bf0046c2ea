"""BPMN 2.0 XML -> process YAML, for diagrams drawn in Camunda Modeler or bpmn.io.

The public functions of the import; each runs the stages in one direction
(:mod:`qms.bpmn.common` lists them)::

    read_xml -> read_diagram -> map_* -> write_yaml -> check_yaml

What maps and what does not is said in :mod:`qms.bpmn.map_process`; what
does not is kept as close as the format allows and reported as an
:class:`ImportNote`, whose code (``BPM0xx``, :mod:`qms.bpmn.codes`) says which
kind; :func:`import_file` gives them as :class:`~qms.diagnostics.Diagnostic`
placed in the BPMN file, as every command reports problems. The YAML written is
always a valid process file.

BPMN files come from outside, so nothing in one may crash the reader or
make it write a file that does not load (see ``tests/bpmn/fixtures/hostile``):

* the XML parser refuses DTDs, entities, huge and deeply nested input
  (:func:`qms.bpmn.read_xml.parse_xml`);
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

from pathlib import Path
from typing import Any

from qms.bpmn.check_yaml import settle
from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import CODE, BpmnError, ImportNote
from qms.bpmn.map_process import Mapper
from qms.bpmn.read_diagram import read_diagram, read_source
from qms.bpmn.text import shown
from qms.bpmn.write_yaml import dump_yaml, file_name, header, write_process
from qms.diagnostics import Diagnostic
from qms.i18n import _

__all__ = ["BpmnError", "ImportNote", "bpmn_to_process_yaml", "convert", "dump_yaml", "file_name", "import_file"]


def bpmn_to_process_yaml(data: bytes, code: str | None = None) -> tuple[str, list[ImportNote]]:
    """Read a BPMN 2.0 file and write the process it describes as YAML, with notes on what did not map.

    ``code`` names the process (it must be a valid process code); without it
    the code stored by qms, or one derived from the process id or name, is used.
    Raises :class:`~qms.bpmn.common.BpmnError` when the file cannot be read as BPMN at all.
    """
    _unused, body, notes = _convert(data, code)
    return header(notes) + body, notes


def convert(data: bytes, code: str | None = None) -> tuple[dict[str, Any], list[ImportNote]]:
    """The process as a plain dict ready for YAML (valid for :class:`~qms.model.Process`), and the notes."""
    document, _unused, notes = _convert(data, code)
    return document, notes


def import_file(path: Path | str, out_dir: Path | str, code: str | None = None) -> tuple[Path, list[Diagnostic]]:
    """Read the BPMN file ``path`` and write the process as ``out_dir/CODE.yaml``; return that path and the notes,
    as diagnostics placed in ``path`` (code ``BPM0xx``, the BPMN element's id in ``data["element"]``).

    The file name comes from the process code and is made safe (:func:`file_name`);
    it is always directly inside ``out_dir``. An existing YAML file is never
    overwritten. Raises :class:`BpmnError` (its ``path`` set: ``error.diagnostic()``
    reports it) when the file cannot be read, is not BPMN, is unsafe, or the target exists.
    """
    source = Path(path)
    try:
        data = read_source(source)
        document, body, notes = _convert(data, code)
        target = write_process(out_dir, document["code"], body, notes)
    except BpmnError as exc:
        exc.path = source
        raise
    return target, [note.diagnostic(source) for note in notes]


def _convert(data: bytes, code: str | None) -> tuple[dict[str, Any], str, list[ImportNote]]:
    """The process dict, its YAML (without the notes on top: it loads as it is) and the notes."""
    if code is not None and not CODE.fullmatch(code):
        raise BpmnError(
            BpmnCode.BAD_CODE,
            _("mã quy trình «{code}» không hợp lệ: dùng chữ in hoa không dấu, số, «-» và «.», ví dụ QT-TTHC-01").format(code=shown(code)),
        )
    diagram = read_diagram(data)
    mapper = Mapper(diagram, code)
    if diagram.meta is not None:
        draft = mapper.draft(diagram.meta)
        settled = settle(draft)
        if settled is not None:
            return settled[0], settled[1], draft.notes.items
        # What is wrong is not the qms data alone (a step or role it gave): keep what the diagram says.
        mapper.forget_meta(draft.problem)
    draft = mapper.draft(None)
    settled = settle(draft)
    if settled is None:
        # Built from the diagram alone (and the step data checked as it was read): a bug, not bad input.
        raise AssertionError(f"the imported process does not load: {draft.problem}")
    return settled[0], settled[1], draft.notes.items
