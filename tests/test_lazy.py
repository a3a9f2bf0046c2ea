"""Public names imported when first used (qms.lazy): each is there, from the module that defines it."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module

import pytest
from conftest import ROOT

LAZY_PACKAGES = ("qms", "qms.report", "qms.measure", "qms.handbook")


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_every_public_name_is_found(name: str) -> None:
    package = import_module(name)
    for public in package.__all__:
        value = getattr(package, public)
        assert value is not None
        defined_in = getattr(value, "__module__", None)
        assert defined_in is None or defined_in.startswith("qms."), (public, defined_in)


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_an_unknown_name_is_an_attribute_error(name: str) -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = import_module(name).no_such_name


def test_a_name_is_looked_up_once() -> None:
    import qms.report

    first = qms.report.load_summary
    assert "load_summary" in vars(qms.report)
    assert qms.report.load_summary is first


def test_qms_load_stays_the_function_whatever_is_imported_first() -> None:
    """The submodule ``qms.load`` imported before ``qms.load`` is asked for: ``qms.load(path)`` still reads a file."""
    code = (
        "import qms.load.source, qms.load, qms\n"
        "from qms.load import load_paths\n"
        "p = qms.load('processes/QT-VB-01.yaml')\n"
        "assert callable(qms.load) and qms.load is load_paths.__globals__['load'], qms.load\n"
        "print(p.code, qms.__version__ == __import__('importlib.metadata').metadata.version('qms'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["QT-VB-01", "True"]
