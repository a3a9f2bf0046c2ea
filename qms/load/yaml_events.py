"""Values from libyaml's event stream, with the line and column of every key and value.

One :class:`Builder` per document turns events into plain values without recursion (an explicit stack), so
deep nesting stops at ``MAX_DEPTH`` instead of at the interpreter's stack. On the way it keeps every scalar as
written (only ``null``/``~``/empty become ``None``), normalises text to NFC, refuses duplicate keys, unknown
tags, complex keys and several documents, applies merge keys, and counts the nodes aliases expand to.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml

from qms.diagnostics import LoadCode, Location, error
from qms.i18n import _
from qms.load.limits import MAX_DEPTH, node_budget
from qms.load.source_map import Path_, SourceError, SourceMap
from qms.load.yaml_escapes import FORBIDDEN, bad_escape

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Tags an author may write without changing meaning; any other is refused.
ALLOWED_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})


def nfc(text: str) -> str:
    # is_normalized is a fast C check; most text is already NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


class Builder:
    """Turns libyaml events into values; one instance per document."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text
        self.source = SourceMap(path)
        self.limit = node_budget(text)  # nodes created, aliases counted at their expanded size
        self.budget = self.limit
        self.documents = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()

    def loc(self, mark: Any) -> Location:
        return Location(self.path, mark.line + 1, mark.column + 1)

    def fail(self, code: str, mark: Any, message: Any, hint: Any = None) -> SourceError:
        return SourceError(error(code, self.loc(mark), message, hint))

    def spend(self, n: int, mark: Any) -> None:
        self.budget -= n
        if self.budget < 0:
            raise self.fail(
                LoadCode.UNSAFE_YAML,
                mark,
                _("các bí danh YAML (*tên) mở rộng thành hơn {limit} phần tử — tệp bị từ chối để tránh treo máy").format(limit=self.limit),
                _("dùng neo (&) và bí danh (*) ít hơn, hoặc viết trực tiếp nội dung"),
            )

    def build(self, events: Any) -> Any:
        """Consume one document's events and return its value."""
        # Explicit stack instead of recursion: frames are [kind, container,
        # path, pending_key, anchor, start_mark, node_count, merges, key_marks].
        stack: list[list[Any]] = []
        root: Any = None
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                root = self.scalar(stack, event, root)
            elif kind is yaml.AliasEvent:
                root = self.alias(stack, event, root)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.open(stack, event, kind is yaml.MappingStartEvent)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                root = self.close(stack, root)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(
                        LoadCode.SYNTAX,
                        event.start_mark,
                        _("tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ mô tả một quy trình"),
                        _("tách mỗi quy trình ra một tệp riêng"),
                    )
        return root

    def scalar(self, stack: list[list[Any]], event: Any, root: Any) -> Any:
        """A scalar: the pending key of a mapping, or a value; ``root`` as it now is."""
        self.check_tag(event)
        if event.style == '"' and FORBIDDEN.search(event.value):  # only escapes can make them
            raise SourceError(bad_escape(self.text, self.path, event))
        value = None if not event.style and event.value in NULLS and not event.tag else nfc(event.value)
        if stack and stack[-1][0] == "map" and stack[-1][3] is _NO_KEY:
            self.take_key(stack[-1], value, event)
            return root
        self.spend(1, event.start_mark)
        done = (value, 1)
        self.register_anchor(event.anchor, done)
        return self.attach(stack, done, event.start_mark, root)

    def alias(self, stack: list[list[Any]], event: Any, root: Any) -> Any:
        """An alias: the anchored value again (a key, or a value counted at its expanded size)."""
        if event.anchor in self.open_anchors:
            raise self.fail(LoadCode.UNSAFE_YAML, event.start_mark, _("bí danh *{name} tham chiếu đến chính nó").format(name=event.anchor))
        if event.anchor not in self.anchors:
            raise self.fail(
                LoadCode.SYNTAX, event.start_mark, _("bí danh *{name} chưa được định nghĩa bằng &{name}").format(name=event.anchor)
            )
        value, count = self.anchors[event.anchor]
        if stack and stack[-1][0] == "map" and stack[-1][3] is _NO_KEY:
            if not isinstance(value, str):
                raise self.fail(
                    LoadCode.SYNTAX,
                    event.start_mark,
                    _("tên trường phải là một chuỗi đơn giản"),
                    _("viết tên trường trên một dòng, theo sau là dấu hai chấm"),
                )
            self.take_key(stack[-1], value, event)
            return root
        self.spend(count, event.start_mark)
        return self.attach(stack, (value, count), event.start_mark, root)

    def open(self, stack: list[list[Any]], event: Any, is_map: bool) -> None:
        """The start of a mapping or a sequence: a new frame, within the depth limit."""
        self.check_tag(event)
        if stack and stack[-1][0] == "map" and stack[-1][3] is _NO_KEY:
            raise self.fail(
                LoadCode.SYNTAX,
                event.start_mark,
                _("tên trường phải là một chuỗi đơn giản"),
                _("viết tên trường trên một dòng, theo sau là dấu hai chấm"),
            )
        if len(stack) >= MAX_DEPTH:
            raise self.fail(
                LoadCode.UNSAFE_YAML,
                event.start_mark,
                _("cấu trúc lồng nhau quá sâu (hơn {limit} mức)").format(limit=MAX_DEPTH),
                _("một quy trình hợp lệ không cần lồng sâu như vậy; kiểm tra các dấu [ và { chưa đóng"),
            )
        path = self.child_path(stack)
        self.source.values.setdefault(path, (event.start_mark.line + 1, event.start_mark.column + 1))
        if event.anchor:
            self.open_anchors.add(event.anchor)
        container: Any = {} if is_map else []
        stack.append(["map" if is_map else "seq", container, path, _NO_KEY, event.anchor, event.start_mark, 1, [], {}])

    def close(self, stack: list[list[Any]], root: Any) -> Any:
        """The end of a mapping or a sequence: its merges applied, it becomes a value of its parent (or the root)."""
        frame = stack.pop()
        container, count = frame[1], frame[6]
        if frame[0] == "map" and frame[7]:
            container = self.apply_merges(frame)
        if frame[4]:
            self.open_anchors.discard(frame[4])
        done = (container, count)
        self.spend(1, frame[5])
        self.register_anchor(frame[4], done)
        return self.attach(stack, done, frame[5], root, placed=True)

    def check_tag(self, event: Any) -> None:
        if event.tag and event.tag not in ALLOWED_TAGS:
            raise self.fail(
                LoadCode.SYNTAX,
                event.start_mark,
                _("thẻ YAML «{tag}» không được hỗ trợ").format(tag=event.tag),
                _("xoá thẻ; các giá trị được đọc như văn bản và kiểm tra theo lược đồ"),
            )

    def register_anchor(self, anchor: str | None, done: tuple[Any, int]) -> None:
        if anchor:
            self.anchors[anchor] = done

    def child_path(self, stack: list[list[Any]]) -> Path_:
        if not stack:
            return ()
        parent = stack[-1]
        if parent[0] == "map":
            return (*parent[2], parent[3])
        return (*parent[2], len(parent[1]))

    def take_key(self, frame: list[Any], key: Any, event: Any) -> None:
        if key is None:
            key = ""
        if key == "<<" and not event.style:  # a merge key, not a field
            frame[3] = _MERGE
            return
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if key in frame[8]:
            raise self.fail(
                LoadCode.DUPLICATE_KEY,
                event.start_mark,
                _("trường «{key}» bị khai báo lặp (lần đầu ở dòng {first_line})").format(key=key, first_line=frame[8][key][0]),
                _("xoá một trong hai dòng hoặc gộp nội dung; YAML chỉ giữ lại một giá trị và âm thầm bỏ giá trị kia"),
            )
        frame[8][key] = position
        frame[3] = key
        self.source.keys[(*frame[2], key)] = position

    def attach(self, stack: list[list[Any]], done: tuple[Any, int], mark: Any, root: Any, placed: bool = False) -> Any:
        value, count = done
        if not stack:
            return value
        parent = stack[-1]
        parent[6] += count
        if parent[0] == "seq":
            if not placed:
                self.source.values[(*parent[2], len(parent[1]))] = (mark.line + 1, mark.column + 1)
            parent[1].append(value)
        elif parent[3] is _MERGE:
            parent[7].append((value, mark))
            parent[3] = _NO_KEY
        else:
            if not placed:
                self.source.values[(*parent[2], parent[3])] = (mark.line + 1, mark.column + 1)
            parent[1][parent[3]] = value
            parent[3] = _NO_KEY
        return root

    def apply_merges(self, frame: list[Any]) -> dict[str, Any]:
        """YAML merge keys (``<<: *defaults``): explicit keys win, earlier merges win."""
        merged: dict[str, Any] = {}
        for value, mark in frame[7]:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    raise self.fail(LoadCode.SYNTAX, mark, _("khoá gộp «<<» phải trỏ tới một ánh xạ hoặc danh sách ánh xạ"))
                for key, item in source.items():
                    merged.setdefault(key, item)
        merged.update(frame[1])
        return merged


_NO_KEY = object()
_MERGE = object()


__all__ = ["ALLOWED_TAGS", "NULLS", "Builder", "nfc"]
