"""A rule's documentation example: real process files beside the rule, so the page cannot show what the rule does not do.

``qms/rules/<family>/examples/<CODE>/invalid.yaml`` breaks the rule and ``valid.yaml`` is the same process fixed; a
rule that looks across processes has a folder of process files for each instead (``invalid/QT-A.yaml``,
``invalid/QT-B.yaml``; a legal rule's folder may add the project's legal register as ``_legal.yaml``, which the loader
skips and the tests pass as the register). Every process file is a whole process that loads, and ``tests/rules/test_examples.py`` checks them
with the engine: the failing example gives a finding of the rule, the fixed one none.

The page shows only the part that matters: the lines between a ``# doc:start`` and a ``# doc:end`` comment, every such
span of a file in order, the files of a folder in name order. The files are package data, so ``qms rules --docs``
works from an installed package.
"""

from __future__ import annotations

from pathlib import Path

from qms.rules.base import Example

START, END = "# doc:start", "# doc:end"


def example_paths(module_file: str | Path, code: str) -> tuple[Path, Path]:
    """The failing and the fixed example of the rule ``code`` defined in ``module_file``: each a file or a folder."""
    folder = Path(module_file).parent / "examples" / code
    return _one(folder / "invalid"), _one(folder / "valid")


def read_example(module_file: str | Path, code: str) -> Example:
    """The rule's example as its documentation page shows it (call with the rule module's ``__file__``)."""
    invalid, valid = example_paths(module_file, code)
    return Example(invalid=shown_text(invalid), valid=shown_text(valid))


def shown_text(path: Path) -> str:
    """The marked spans of an example file, or of a folder's ``*.yaml`` files in name order."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    lines = [line for file in files for line in shown_lines(file).values()]
    if not lines:
        raise ValueError(f"{path}: no lines between «{START}» and «{END}» to show")
    return "\n".join(lines)


def _one(stem: Path) -> Path:
    """``invalid.yaml`` when the example is one process, the folder ``invalid/`` when it is several."""
    file = stem.with_suffix(".yaml")
    return file if file.is_file() or not stem.is_dir() else stem


def shown_lines(file: Path) -> dict[int, str]:
    """The lines of one example file the page shows, by line number."""
    shown: dict[int, str] = {}
    inside = False
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        marker = line.strip()
        if marker in (START, END):
            if (marker == START) == inside:
                raise ValueError(f"{file}:{number}: «{marker}» {'inside' if inside else 'outside'} a shown span")
            inside = not inside
        elif inside:
            shown[number] = line
    if inside:
        raise ValueError(f"{file}: «{START}» without «{END}»")
    return shown
