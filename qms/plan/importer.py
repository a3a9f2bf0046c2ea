"""Importing a plan's task table (the appendix «Danh mục nhiệm vụ») from Word (.docx) or Excel (.xlsx) as plan data.

:func:`import_tables` reads every table of a .docx (every sheet of an .xlsx) whose header row has the usual headings
(TT, Nội dung công việc, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian thực hiện, Sản phẩm, Ghi chú; matched without
diacritics), and :func:`write_plan_yaml` writes the plan file, each cell it could not read as a ``# [?]`` comment
above its task. The choices, for an officer checking the file against the document:

* rows: a Roman numeral in TT (or «I. ...» across the row, or a row with only a content) is a section; a number is a
  task with that number as its id; «a)», «b)» (in TT or starting the content) is a sub-task «1.a» of the numbered
  task above. A numbered row with no unit, time or product of its own is not a task when sub-rows follow: its content
  heads each sub-task's («Ban hành Kế hoạch CCHC năm 2023: Sở Giáo dục và Đào tạo (*)»); with its own unit or time it
  stays a task, the sub-tasks after it. A row without a number right under such an empty numbered row completes it;
  any other row without a number becomes «33.1», «33.2» under the numbered task above, with a note. Numbering that
  restarts in each section (two tasks «1») gives ids «II.1». A TT with a number always wins: «7 | a) ...» is task 7.
* units: the lead cell is one unit, as written («Văn phòng Sở, các phòng Sở» stays one lead); the cooperating cell
  is split at commas, semicolons and «và» before a unit word («và các đơn vị liên quan»), keeping «quận, huyện» and
  «các cơ quan, đơn vị liên quan» whole. «Các X» and «X» are one unit, named as written most often; its id is the slug.
* time: the cell, its line breaks and spaces joined, read with :func:`~qms.plan.timeframe.parse_time_frame`; a text
  it cannot read is left out of ``time`` and noted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from qms.i18n import Lang, Message, _
from qms.model.values import fold
from qms.plan.import_cells import PlanImportError, capital, clean, read_tables, slug, split_units, unit_key
from qms.plan.model import Period
from qms.plan.timeframe import parse_time_frame

_HEADER_ROWS = 10  # the header is looked for in a table's first rows
_HEADINGS = (  # field, folded heading (punctuation as spaces); the number's must match whole, the others start it
    ("number", r"(so )?s?tt|so thu tu"),
    ("content", r"noi dung|ten (cong viec|nhiem vu)|nhiem vu|cong viec"),
    ("cooperating", r"((don vi|co quan|bo phan) )?phoi hop"),
    ("lead", r"((don vi|co quan|bo phan) )?(chu tri|thuc hien|chiu trach nhiem)"),
    ("time", r"thoi gian|thoi han|tien do"),
    ("product", r"san pham|ket qua"),
    ("notes", r"ghi chu"),
)
_OWN = ("lead", "cooperating", "time", "product")
_ROMAN = r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})"
_SECTION_TT = re.compile(rf"^({_ROMAN})[.)]?$")
_SECTION_TITLE = re.compile(rf"^({_ROMAN})[.)]\s*(\S.*)$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
_TASK_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
_LETTER_TT = re.compile(r"^([a-zđ])[.)]?$")
_LETTER = re.compile(r"^([a-zđ])\)\s*(.*)$")
_NO_HEADER = _("bảng cần một dòng tiêu đề có các cột như «TT», «Nội dung công việc», «Đơn vị chủ trì», «Thời gian thực hiện»")


class Note(NamedTuple):
    """A cell the import could not read, or a guess it made: its row and column in the table (from 1), and why."""

    row: int
    column: int
    message: Message


@dataclass
class ImportResult:
    """``plan``: units, sections and tasks in the plan format; ``notes``: every cell not read, ``task_notes`` by task."""

    plan: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    task_notes: dict[str, list[Note]] = field(default_factory=dict)
    source: Path | None = None


# --- the table's rows -------------------------------------------------------------------------------------------


def _heading(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(clean(text)).replace(".", "")).split())


def _header(cells: list[str]) -> dict[str, int] | None:
    """Field -> column of a header row, or ``None`` when the row is not one (a content column and two others)."""
    columns: dict[str, int] = {}
    for column, heading in enumerate(map(_heading, cells)):
        for name, pattern in _HEADINGS:
            whole = re.fullmatch(pattern, heading) if name == "number" else re.match(rf"(?:{pattern})\b", heading)
            if whole and name not in columns:
                columns[name] = column
                break
    return columns if "content" in columns and len(columns) >= 3 else None


@dataclass
class _Row:
    text: dict[str, str]  # field -> the cell's text, cleaned
    where: dict[str, tuple[int, int]]  # field -> (row, column), from 1
    line: int

    def get(self, name: str) -> str:
        return self.text.get(name, "")

    def has_own(self) -> bool:
        return any(self.get(name) for name in _OWN)


def _rows(grid: list[list[str]], carried: set[tuple[int, int]]) -> list[_Row] | None:
    """The table's rows after its header, by field, or ``None`` for a table without the header."""
    found = next(((r, columns) for r, cells in enumerate(grid[:_HEADER_ROWS]) if (columns := _header(cells))), None)
    if found is None:
        return None
    start, columns = found
    header, rows = [*map(_heading, grid[start])], []
    for r in range(start + 1, len(grid)):
        cells = grid[r]
        text = {name: clean(cells[c]) if c < len(cells) and ((r, c) not in carried or name not in ("number", "content")) else "" for name, c in columns.items()}
        if not any(text.values()) or [*map(_heading, cells)] == header or re.fullmatch(r"\(?\d+\)?", text.get("content", "")):
            continue  # blank, the header again (on each page), the columns' numbers «(1) (2) (3)»
        rows.append(_Row(text, {name: (r + 1, c + 1) for name, c in columns.items()}, r + 1))
    return rows


def _kind(row: _Row) -> tuple[str, str, str]:
    """(section | task | sub | plain, its number or letter, its text)."""
    tt, content = row.get("number"), row.get("content")
    if m := _SECTION_TT.match(tt):
        return "section", m[1], content
    if (m := _SECTION_TITLE.match(tt)) and not content:
        return "section", m[1], m[2]
    if not tt and (m := _SECTION_TITLE.match(content)) and not row.has_own():
        return "section", m[1], m[2]
    if _NUMBER.match(tt):
        return "task", tt.rstrip("."), content
    if m := _LETTER_TT.match(tt):
        return "sub", m[1], content
    if not tt and (m := _LETTER.match(content)):
        return "sub", m[1], m[2]
    if not row.has_own() and (not tt or re.fullmatch(r"[A-Z]", tt)):
        return "section", tt, content
    return ("task", tt, content) if _TASK_ID.match(tt) else ("plain", "", content)


def _joined(head: str, text: str) -> str:
    if not head or not text:
        return head or text
    return f"{head.rstrip()}{'' if head.rstrip().endswith(':') else ':'} {text}"


# --- the plan ---------------------------------------------------------------------------------------------------


@dataclass
class _Group:
    """A numbered row and the sub-rows under it."""

    id: str
    row: _Row
    content: str
    section: str | None
    subs: list[tuple[str, _Row, str]] = field(default_factory=list)
    unnumbered: int = 0
    completed: bool = False


class _Builder:
    def __init__(self) -> None:
        self.units: dict[str, Counter[str]] = {}  # key -> the spellings seen
        self.sections: list[dict[str, Any]] = []
        self.tasks: list[dict[str, Any]] = []
        self.notes: list[tuple[Message, Note, str | None]] = []
        self.ids: set[str] = set()
        self.section: str | None = None
        self.group: _Group | None = None
        self.restart = False
        self.label = Message("", "")

    def note(self, row: _Row, name: str, message: Message, task: str | None = None) -> None:
        row_number, column = row.where.get(name, (row.line, 1))
        self.notes.append((self.label, Note(row_number, column, message), task))

    def unique(self, wanted: str, row: _Row, taken: set[str], task: bool = True) -> str:
        new, n = wanted, 1
        while new in taken:
            n += 1
            new = f"{wanted}-{n}"
        if new != wanted:
            self.note(row, "number", _("số thứ tự «{id}» đã có ở trên: nhập thành «{new}»").format(id=wanted, new=new), new if task else None)
        taken.add(new)
        return new

    def unit(self, name: str) -> str:
        key = unit_key(name) or fold(name)
        self.units.setdefault(key, Counter())[capital(name)] += 1
        return key

    def table(self, label: Message, rows: list[_Row]) -> None:
        self.label = label  # the section goes on: a table split in two continues it
        numbers = [key for row in rows for kind, key, _text in [_kind(row)] if kind == "task"]
        self.restart = len(numbers) != len(set(numbers)) and any(_kind(row)[0] == "section" for row in rows)
        for row in rows:
            self.row(row)
        self.close()

    def row(self, row: _Row) -> None:
        kind, key, text = _kind(row)
        if kind == "section":
            self.close()
            self.section = self.unique(key or f"S{len(self.sections) + 1}", row, {s["id"] for s in self.sections}, task=False)
            self.sections.append({"id": self.section, "title": text or self.section})
        elif kind == "task":
            self.close()
            self.group = _Group(f"{self.section}.{key}" if self.restart and self.section else key, row, text, self.section)
        elif self.group is None:
            self.group = _Group(f"r{row.line}", row, text, self.section)
            self.note(row, "number", _("dòng không có số thứ tự: nhập thành việc «{id}»").format(id=f"r{row.line}"), f"r{row.line}")
        else:
            self.sub(self.group, kind, key, row, text)

    def sub(self, group: _Group, kind: str, key: str, row: _Row, text: str) -> None:
        if kind == "plain" and not group.subs and not group.completed and not group.row.has_own():
            group.row = _Row({**group.row.text, **{k: v for k, v in row.text.items() if k != "number"}}, {**group.row.where, **row.where}, group.row.line)
            group.content, group.completed = _joined(group.content, text), True  # the row completes its numbered row
            return
        if kind == "sub":
            sub_id = f"{group.id}.{'dd' if key == 'đ' else key}"
        else:
            group.unnumbered += 1
            sub_id = f"{group.id}.{group.unnumbered}"
            self.note(row, "number", _("dòng không có số thứ tự: nhập thành việc «{id}» dưới việc {parent}").format(id=sub_id, parent=group.id), sub_id)
        group.subs.append((sub_id, row, text))

    def close(self) -> None:
        group, self.group = self.group, None
        if group is None:
            return
        folded = bool(group.subs) and not group.row.has_own()
        if not folded:
            self.task(group.id, group.row, group.content, group.section)
        for sub_id, row, text in group.subs:
            self.task(sub_id, row, _joined(group.content, text) if folded else text, group.section)

    def task(self, wanted: str, row: _Row, content: str, section: str | None) -> None:
        if not content:
            self.note(row, "content", _("dòng không có nội dung công việc: không nhập"))
            return
        task: dict[str, Any] = {"id": self.unique(wanted, row, self.ids)}
        task |= {"section": section} if section else {}
        task["content"] = content
        if lead := row.get("lead").strip(" .,;"):
            task["lead"] = self.unit(lead)
        cooperating = list(dict.fromkeys(self.unit(name) for name in split_units(row.get("cooperating"))))
        task |= {"cooperating": cooperating} if cooperating else {}
        if time := row.get("time"):
            if parse_time_frame(time) is not None:
                task["time"] = time
            else:
                message = _("không đọc được thời gian «{text}»: ghi «time» theo một dạng như «Quý I/2023», «10/01/2023», «Cả năm 2023», «Theo yêu cầu»")
                self.note(row, "time", message.format(text=time), task["id"])
        task |= {name: row.get(name) for name in ("product", "notes") if row.get(name)}
        self.tasks.append(task)

    def result(self, tables: int, source: Path) -> ImportResult:
        taken: set[str] = set()
        ids = {key: slug(key, taken) for key in self.units}
        units = [{"id": ids[key], "name": spellings.most_common(1)[0][0]} for key, spellings in self.units.items()]
        for task in self.tasks:
            task |= {"lead": ids[task["lead"]]} if "lead" in task else {}
            task |= {"cooperating": [ids[k] for k in task["cooperating"]]} if "cooperating" in task else {}
        result = ImportResult({"units": units, "sections": self.sections, "tasks": self.tasks}, source=source)
        for label, note, task_id in self.notes:
            if tables > 1:
                note = note._replace(message=_("{table}: {message}").format(table=label, message=note.message))
            result.notes.append(note)
            if task_id is not None:
                result.task_notes.setdefault(task_id, []).append(note)
        return result


def import_tables(path: Path | str) -> ImportResult:
    """The task table(s) of a .docx or .xlsx as plan data; raises :class:`PlanImportError` when there is none."""
    path = Path(path)
    builder, used = _Builder(), 0
    for label, grid, carried in read_tables(path):
        rows = _rows(grid, carried)
        if rows is not None:
            builder.table(label, rows)
            used += 1
    if not used:
        raise PlanImportError(_("không tìm thấy bảng nhiệm vụ trong «{file}»").format(file=path.name), _NO_HEADER)
    return builder.result(used, path)


def guess_year(result: ImportResult) -> int | None:
    """The year most tasks end in, for a plan period the command line did not give."""
    years = Counter(frame.last.year for task in result.plan["tasks"] if (frame := parse_time_frame(task.get("time", ""))) and frame.last)
    return years.most_common(1)[0][0] if years else None


# --- the plan file ----------------------------------------------------------------------------------------------


class _Flow(dict[str, Any]):
    """A mapping written on one line: ``{id: van-phong, name: Văn phòng}``."""


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the shipped plans; a list of names on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.add_representer(_Flow, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True))
_Dumper.add_representer(
    list, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=all(isinstance(v, str) for v in data))
)


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)


def _comment(text: str) -> str:
    return " ".join("".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text).split())


def write_plan_yaml(
    result: ImportResult,
    path: Path | str,
    code: str,
    title: str,
    period: Period | tuple[date, date],
    *,
    overwrite: bool = False,
    lang: Lang = Lang.VI,
) -> Path:
    """The plan file ``read_plan`` reads; each note a ``# [?]`` comment above its task. An existing file is kept
    (:class:`FileExistsError`) unless ``overwrite``."""
    path = Path(path)
    start, end = (period.start, period.end) if isinstance(period, Period) else period
    plan = result.plan
    head: dict[str, Any] = {"code": code, "title": title, "period": _Flow(start=start, end=end)}
    head |= {key: [_Flow(item) for item in plan[key]] for key in ("units", "sections") if plan.get(key)}
    source = result.source.name if result.source else "?"
    lines = [f"# {_comment(_('Nhập từ «{file}» bằng «qms plan import»: kiểm tra với văn bản gốc, nhất là các dòng «# [?]».').format(file=source).get(lang))}"]
    attached = {id(note) for notes in result.task_notes.values() for note in notes}
    lines += [_note_line(note, lang) for note in result.notes if id(note) not in attached]
    text = "\n".join(lines) + "\n" + _dump(head)
    if plan.get("tasks"):
        text += "\ntasks:\n"
        for task in plan["tasks"]:
            notes = "".join(f"  {_note_line(note, lang)}\n" for note in result.task_notes.get(task["id"], []))
            text += notes + "".join(f"  {line}\n" for line in _dump([task]).splitlines()) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w" if overwrite else "x", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    return path


def _note_line(note: Note, lang: Lang) -> str:
    return "# " + _comment(_("[?] dòng {row}, cột {column}: {message}").format(row=note.row, column=note.column, message=note.message).get(lang))


__all__ = ["ImportResult", "Note", "PlanImportError", "guess_year", "import_tables", "write_plan_yaml"]
