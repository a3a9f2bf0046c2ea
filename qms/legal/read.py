"""Reading the legal register: the same safe YAML reader and messages as process files, against :mod:`.model`.

A project's register is ``legal/register.yaml`` or every ``*.yaml`` / ``*.yml`` of a folder ``legal/`` beside the
project's configuration (``qms.toml``), found like it from the current folder upwards. Problems come at their
``file:line:column``: YAML errors, unknown fields (with a did-you-mean), and what one entry cannot see: two entries
with one number (in one file or two), a text that replaces itself, or stops being in force before it starts. A number
that ``replaces`` or ``replaced_by`` names need not be in the register: it may be a text no process cites any more.

A project without a register is judged on the one shipped in this package (``qms/legal/data/default_register.yaml``), so that a
process checked on its own still meets the changes known when the toolkit was released.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from qms.diagnostics import Diagnostic, LoadCode, error, sort_key
from qms.i18n import _
from qms.legal.model import LegalRegister, LegalText
from qms.legal.register import Register, key_of
from qms.load.documents import read_mapping, validate_as
from qms.load.schema_errors import FileFormat
from qms.load.source import SourceMap

REGISTER_FORMAT = FileFormat(LegalRegister, _("định dạng sổ văn bản pháp luật"), "docs/legal.md")
DEFAULT_REGISTER = Path(__file__).parent / "data" / "default_register.yaml"
FOLDER = "legal"
_SUFFIXES = (".yaml", ".yml")
_PROJECT_MARKS = ("qms.toml",)  # where a project's register must be: at or below the folder of its configuration


def read_register_file(path: Path) -> tuple[list[tuple[LegalText, SourceMap, int]], list[Diagnostic]]:
    """The entries of one register file, each with where it is written, or every problem that keeps it from being used."""
    document, problems = read_mapping(path, _("tệp sổ văn bản pháp luật"))
    if document is None:
        return [], problems
    value, problems = validate_as(document, REGISTER_FORMAT)
    if not isinstance(value, LegalRegister):
        return [], problems
    entries = [(text, document.source, i) for i, text in enumerate(value.texts)]
    return entries, [p for i, text in enumerate(value.texts) for p in _entry_problems(text, document.source, i)]


def _entry_problems(text: LegalText, source: SourceMap, index: int) -> list[Diagnostic]:
    found = []
    key = key_of(text.number)
    for i, old in enumerate(text.replaces):
        if key_of(old) == key:
            found.append(
                error(
                    LoadCode.REFERENCE,
                    source.value(("texts", index, "replaces", i)),
                    _("văn bản «{number}» thay thế chính nó").format(number=text.number),
                )
            )
    if text.replaced_by and key_of(text.replaced_by) == key:
        found.append(
            error(
                LoadCode.REFERENCE,
                source.value(("texts", index, "replaced_by")),
                _("văn bản «{number}» được thay bằng chính nó").format(number=text.number),
            )
        )
    if text.in_force_from and text.in_force_until and text.in_force_until < text.in_force_from:
        found.append(
            error(LoadCode.SCHEMA, source.value(("texts", index, "in_force_until")), _("ngày hết hiệu lực sớm hơn ngày có hiệu lực"))
        )
    return found


def register_files(location: Path) -> list[Path]:
    """The register file itself, or the ``*.yaml`` files of a register folder in name order."""
    if location.is_dir():
        return sorted(p for p in location.rglob("*") if p.suffix in _SUFFIXES and p.is_file())
    return [location]


def read_register(paths: Iterable[Path]) -> Register:
    """The register made of the files under ``paths``: every entry that is valid, and every problem, sorted."""
    files = [f for path in paths for f in register_files(Path(path))]
    texts: list[LegalText] = []
    problems: list[Diagnostic] = []
    seen: dict[str, tuple[SourceMap, int]] = {}
    for file in files:
        entries, found = read_register_file(file)
        problems += found
        for text, source, index in entries:
            key = key_of(text.number)
            if key in seen:
                where = seen[key][0].value(("texts", seen[key][1], "number"))
                message = _("văn bản «{number}» đã có trong sổ ({where})").format(number=text.number, where=f"{where.path}:{where.line}")
                hint = _("mỗi văn bản một mục: gộp hai mục, hoặc sửa số của một mục")
                problems.append(error(LoadCode.DUPLICATE_ID, source.value(("texts", index, "number")), message, hint))
                continue
            seen[key] = (source, index)
            texts.append(text)
    return Register(tuple(texts), tuple(files), tuple(sorted(problems, key=sort_key)))


def find_register(start: Path) -> Path | None:
    """The project's register: ``legal/register.yaml`` or a folder ``legal/`` of YAML files, in ``start`` or its parents.

    The search stops at the folder of the project's ``qms.toml``: a register above it belongs to another project.
    """
    here = start.resolve()
    for folder in [here, *here.parents]:
        candidate = folder / FOLDER
        if candidate.is_dir() and any(p.suffix in _SUFFIXES for p in candidate.iterdir()):
            return candidate
        if any((folder / mark).is_file() for mark in _PROJECT_MARKS):
            return None
    return None


@cache
def default_register() -> Register:
    """The register shipped in the package: the changes known when it was released (a run with no project register)."""
    found = read_register([DEFAULT_REGISTER])
    if found.problems:  # pragma: no cover - tests/legal keeps the shipped file valid
        raise RuntimeError("; ".join(p.render() for p in found.problems))
    return Register(found.texts)  # no files: not a project's


def project_register(start: Path) -> Register:
    """The register of the project ``start`` is in, or the package's default when it has none."""
    location = find_register(start)
    return read_register([location]) if location is not None else default_register()


__all__ = [
    "DEFAULT_REGISTER",
    "REGISTER_FORMAT",
    "default_register",
    "find_register",
    "project_register",
    "read_register",
    "read_register_file",
    "register_files",
]
