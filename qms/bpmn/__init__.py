"""BPMN 2.0 exchange: export processes for Camunda Modeler / bpmn.io, import diagrams drawn there.

An output stage of the pipeline (load -> graph -> rules -> outputs) and an
input to it. The two thin functions here are what the command line calls:

* :func:`export_processes` writes ``CODE.bpmn`` for each process;
* :func:`import_file` turns one ``.bpmn`` file into ``CODE.yaml`` and returns
  the notes on what the process format could not hold, as
  :class:`~qms.diagnostics.Diagnostic` placed in the BPMN file.

Both raise :class:`BpmnError` (a code, a bilingual message, no traceback
needed; ``error.diagnostic()`` reports it) for input that cannot be read.
Every error and note has a code of the ``BPM`` family (:data:`BPMN_CODES`,
``qms rules BPM001`` explains one).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qms.bpmn.codes import BPMN_CODES, BpmnCode
from qms.bpmn.common import BpmnError
from qms.bpmn.export import process_to_bpmn
from qms.bpmn.import_ import ImportNote, bpmn_to_process_yaml, convert, dump_yaml, import_file
from qms.i18n import Lang
from qms.model import Process

SUFFIX = ".bpmn"


def export_processes(processes: Iterable[Process], out_dir: Path | str, lang: Lang | str = Lang.VI) -> list[Path]:
    """Write ``out_dir/CODE.bpmn`` for each process (names in ``lang``); return the paths written.

    Exported files are generated outputs: an older export of the same code is replaced.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for process in processes:
        path = folder / f"{process.code}{SUFFIX}"
        path.write_bytes(process_to_bpmn(process, lang))
        written.append(path)
    return written


__all__ = [
    "BPMN_CODES",
    "SUFFIX",
    "BpmnCode",
    "BpmnError",
    "ImportNote",
    "bpmn_to_process_yaml",
    "convert",
    "dump_yaml",
    "export_processes",
    "import_file",
    "process_to_bpmn",
]
