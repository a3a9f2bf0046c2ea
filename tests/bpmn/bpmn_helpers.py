"""Shared helpers of the BPMN tests: the shipped processes, the hostile fixture, XML look-ups.

(Not a conftest.py: the tests import the top-level tests/conftest.py as «conftest».)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import qms
from qms.load import load_paths

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOSTILE = FIXTURES / "hostile.yaml"
# The flowchart's hostile fixture too: escaping must hold for every output.
RENDER_HOSTILE = ROOT / "tests" / "render" / "fixtures" / "hostile.yaml"
CAMUNDA = FIXTURES / "camunda_cap_ban_sao.bpmn"

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
QMS = "https://qms.invalid/bpmn"
NS = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "qms": QMS}

# XML 1.0 NCName, restricted to what ids here use (ASCII letters, digits, "_", "-", ".").
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def shipped() -> list[qms.Process]:
    """Every process shipped in processes/; a test over them must not pass vacuously."""
    processes = load_paths([ROOT / "processes"]).processes
    assert processes, "no shipped process found in processes/"
    return processes


def hostile() -> qms.Process:
    return qms.load(HOSTILE)


def all_processes() -> list[qms.Process]:
    return [*shipped(), hostile(), qms.load(RENDER_HOSTILE)]


def tree(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def local(tag: str) -> str:
    return tag.rpartition("}")[2]
