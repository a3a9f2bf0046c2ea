"""Which column of an export holds which field: the national portal's names by default, or a YAML mapping file.

A mapping file (read by the process loader's safe YAML reader, so every problem has its line and column)::

    shape: dossier            # or: event
    columns:
      dossier: "Số hồ sơ"
      received: "Ngày nhận"
    date_formats: ["%d-%m-%Y"]  # tried before the built-in formats
    activities:               # event logs: the export's own step labels -> step ids of the process (qms.conformance)
      "Thụ lý hồ sơ": phan-cong
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qms.diagnostics import Diagnostic, Location, error
from qms.i18n import Message, _
from qms.load.source import Path_, SourceError, SourceMap, read_document
from qms.logs.codes import LogCode
from qms.model.values import echo

DOSSIER, EVENT = "dossier", "event"

# Supplement waits a dossier row carries: NgayYeuCauBoSung{n} (requested) to NgayNhanBoSung{n} (received back).
# Three are kept: a dossier asked for a second supplement is late whatever its dates (Decision 766 counting).
SUPPLEMENT_PAIRS = (1, 2, 3)

# Field -> the column name one-stop systems send to the national portal.
DOSSIER_COLUMNS: dict[str, str] = {
    "dossier": "MaHoSo",
    "procedure": "MaTTHC",
    "received": "NgayTiepNhan",
    "due": "NgayHenTra",
    "ended": "NgayKetThucXuLy",
    "returned": "NgayTra",
    "status": "TrangThaiHoSo",
    "channel": "HinhThuc",
    "unit": "DonViXuLy",
    "due_before": "NgayHenTraTruoc",
    "due_after": "NgayHenTraMoi",
    "refused": "NgayTuChoi",  # stopped or refused: the end of processing when it comes first
    "supplements_declared": "SoLanBoSung",
    **{f"supplement_{what}_{n}": f"{column}{n}" for n in SUPPLEMENT_PAIRS for what, column in (("requested", "NgayYeuCauBoSung"), ("received", "NgayNhanBoSung"))},
    "apology": "CoThuXinLoi",  # 1/0: an apology (form 04) was issued
    "apologized": "NgayXinLoi",
    "apology_due": "NgayHenTraLai",  # the new due date the apology announces [M: column name ours, no portal specification read]
    "e_result": "KetQuaDienTu",  # 1/0: the result was returned electronically [M: column name not from the portal's specification]
}
EVENT_COLUMNS: dict[str, str] = {
    "dossier": "MaHoSo",
    "procedure": "MaTTHC",
    "step": "BuocXuLy",
    "resource": "NguoiXuLy",
    "department": "PhongBanXuLy",
    "occurred": "ThoiDiemXuLy",
    "channel": "HinhThuc",  # optional: the dossier's channel repeated on its events, for conformance by channel
}
DEFAULTS = {DOSSIER: DOSSIER_COLUMNS, EVENT: EVENT_COLUMNS}
SUPPLEMENT_DATES = tuple(f"supplement_{what}_{n}" for n in SUPPLEMENT_PAIRS for what in ("requested", "received"))
DATE_FIELDS = {
    DOSSIER: ("received", "due", "ended", "returned", "due_before", "due_after", "refused", *SUPPLEMENT_DATES, "apologized", "apology_due"),
    EVENT: ("occurred",),
}
FLAG_FIELDS = ("apology", "e_result")  # 1/0, true/false, có/không
REQUIRED = {DOSSIER: ("dossier", "received"), EVENT: ("dossier", "step", "occurred")}
FIELDS = ("shape", "columns", "date_formats", "activities")


@dataclass(frozen=True)
class Mapping:
    """The shape of a log and, for each field, the column holding it; ``explicit`` when a mapping file named them."""

    shape: str = DOSSIER
    columns: dict[str, str] = field(default_factory=dict)
    date_formats: tuple[str, ...] = ()
    explicit: bool = False
    location: dict[str, Location] = field(default_factory=dict)  # where the mapping file names each field's column
    # An export's own activity labels -> step ids (qms.conformance checks the ids against the process); where each
    # is written is ``location["activities." + label]``.
    activities: dict[str, str] = field(default_factory=dict)

    @classmethod
    def default(cls, shape: str) -> Mapping:
        return cls(shape, dict(DEFAULTS[shape]))


def read_mapping(path: Path | str) -> tuple[Mapping | None, list[Diagnostic]]:
    """The mapping ``path`` holds, or ``None`` and every problem found in it."""
    try:
        document = read_document(Path(path))
    except SourceError as exc:
        return None, [exc.diagnostic]
    return _mapping(document.data, document.source)


def _mapping(data: Any, source: SourceMap) -> tuple[Mapping | None, list[Diagnostic]]:
    problems: list[Diagnostic] = []

    def report(loc: Path_, message: Message, hint: Message | None = None, at_key: bool = False) -> None:
        # an unknown name is reported where it is written (its key), as the process loader does; a bad value at the value
        problems.append(error(LogCode.MAPPING, source.key(loc) if at_key else source.value(loc), message, hint))

    if not isinstance(data, dict):
        report((), _("tệp ánh xạ phải là một bảng có shape, columns, date_formats"))
        return None, problems
    for name in data:
        if name not in FIELDS:
            report((name,), _("trường lạ «{name}»").format(name=echo(str(name))), _did_you_mean(str(name), FIELDS), at_key=True)
    shape = data.get("shape") or DOSSIER
    if shape not in DEFAULTS:
        report(("shape",), _("«shape» phải là «dossier» hoặc «event», không phải «{value}»").format(value=echo(str(shape))))
        return None, problems
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        report(("columns",), _("«columns» phải là một bảng: tên trường → tên cột"))
        columns = {}
    known = tuple(DEFAULTS[shape])
    named: dict[str, str] = {}
    for key, value in columns.items():
        if key not in known:
            report(("columns", key), _("trường lạ «{name}» trong «columns»").format(name=echo(str(key))), _did_you_mean(str(key), known), at_key=True)
        elif not isinstance(value, str) or not value.strip():
            report(("columns", key), _("tên cột của «{name}» phải là một văn bản").format(name=key))
        else:
            named[key] = value.strip()
    for needed in REQUIRED[shape]:
        named.setdefault(needed, DEFAULTS[shape][needed])
    formats = data.get("date_formats") or []
    if isinstance(formats, str):
        formats = [formats]
    if not isinstance(formats, list) or not all(isinstance(f, str) and "%" in f for f in formats):
        report(("date_formats",), _("«date_formats» phải là danh sách định dạng như «%d-%m-%Y»"))
        formats = []
    locations = {key: source.value(("columns", key)) for key in named if key in columns}
    activities = _activities(data.get("activities"), source, report, locations)
    mapping = Mapping(shape, named, tuple(formats), explicit=True, location=locations, activities=activities)
    return (None if problems else mapping), problems


def _activities(table: Any, source: SourceMap, report: Callable[..., None], locations: dict[str, Location]) -> dict[str, str]:
    """The optional ``activities`` table: an export's activity label -> the step id it records."""
    if table is None:
        return {}
    if not isinstance(table, dict):
        report(("activities",), _("«activities» phải là một bảng: nhãn bước trong nhật ký → mã bước của quy trình"))
        return {}
    found: dict[str, str] = {}
    for label, step in table.items():
        if not isinstance(step, str) or not step.strip():
            report(("activities", label), _("mã bước của nhãn «{label}» phải là một văn bản").format(label=echo(str(label))))
            continue
        found[str(label)] = step.strip()
        locations["activities." + str(label)] = source.value(("activities", label))
    return found


def _did_you_mean(name: str, known: tuple[str, ...] | list[str]) -> Message:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
    if close:
        return _("có phải «{name}»?").format(name=close[0])
    return _("các tên có: {names}").format(names=", ".join(known))


def missing_columns(mapping: Mapping, header: list[str], path: Path) -> list[Diagnostic]:
    """A LOG004 for each column the mapping needs that ``header`` does not have (the default optional ones may be absent)."""
    needed = mapping.columns if mapping.explicit else {k: v for k, v in mapping.columns.items() if k in REQUIRED[mapping.shape]}
    found = ", ".join(header) or "-"
    problems = []
    for key, column in needed.items():
        if column in header:
            continue
        message = _("không có cột «{column}» (trường «{field}»); các cột có trong tệp: {found}").format(
            column=echo(column), field=key, found=echo(found) if len(found) > 400 else found
        )
        problems.append(error(LogCode.COLUMN, mapping.location.get(key, Location(path)), message, _did_you_mean(column, header)))
    return problems
