"""Reading an XES event log (IEEE 1849) as rows: one per ``<event>``, its trace's attributes as ``case:<key>``.

XES files come from process-mining tools or other agencies, so only plain elements are read: a document type
declaration or an entity is refused before it could be expanded (billion laughs, XXE), as in
:mod:`qms.bpmn.read_xml`. The file is parsed as a stream (expat), and nesting is bounded.
"""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

from qms.i18n import Message, _
from qms.safe_xml import guarded_parser

CHUNK = 1 << 20
MAX_DEPTH = 100
ATTRIBUTES = frozenset({"string", "date", "int", "float", "boolean", "id"})


class XesError(Exception):
    def __init__(self, message: Message, hint: Message | None = None, line: int = 1):
        super().__init__(message.vi)
        self.message, self.hint, self.line = message, hint, line


_DOCTYPE = _("tệp XES có khai báo DOCTYPE hoặc thực thể XML; tệp bị từ chối để tránh tấn công (billion laughs, XXE)")
_DOCTYPE_HINT = _("xoá khai báo <!DOCTYPE ...> ở đầu tệp, hoặc xuất lại tệp từ công cụ khai phá quy trình")


class _Reader:
    def __init__(self) -> None:
        self.stack: list[str] = []
        self.keys: dict[str, None] = {}  # column names in order of first appearance
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.trace: dict[str, str] = {}
        self.events: list[tuple[int, dict[str, str]]] = []
        self.event: dict[str, str] | None = None
        self.line = 0
        parser = self.parser = guarded_parser(self.refuse)
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end

    def refuse(self, *_unused: object) -> None:
        raise XesError(_DOCTYPE, _DOCTYPE_HINT, self.parser.CurrentLineNumber)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = name.rpartition("}")[2]
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(tag)
        if len(self.stack) > MAX_DEPTH:
            raise XesError(_("XML lồng nhau quá sâu (hơn {limit} mức)").format(limit=MAX_DEPTH), None, self.parser.CurrentLineNumber)
        if tag == "trace":
            self.trace, self.events = {}, []
        elif tag == "event" and parent == "trace":
            self.event, self.line = {}, self.parser.CurrentLineNumber
        elif tag in ATTRIBUTES and "key" in attributes:
            value = attributes.get("value", "")
            if parent == "event" and self.event is not None:
                self.event[attributes["key"]] = value
            elif parent == "trace":
                self.trace["case:" + attributes["key"]] = value

    def end(self, name: str) -> None:
        tag = self.stack.pop()
        if tag == "event" and self.event is not None:
            self.events.append((self.line, self.event))
            self.event = None
        elif tag == "trace":
            for line, event in self.events:
                row = {**self.trace, **event}
                self.keys.update(dict.fromkeys(row))
                self.rows.append((line, row))


def read_xes(path: Path) -> list[list[str]]:
    """Rows: first ``["_line", *columns]``, then ``[line, *values]`` per event, in file order."""
    reader = _Reader()
    parser = reader.parser
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise XesError(
            _("tệp XES không phải XML hợp lệ (dòng {line}, cột {column}): {error}").format(
                line=exc.lineno, column=exc.offset + 1, error=expat.ErrorString(exc.code)
            ),
            _("xuất lại tệp XES từ công cụ khai phá quy trình"),
            exc.lineno,
        ) from None
    except (ValueError, LookupError, RecursionError) as exc:
        raise XesError(_("tệp XES không đọc được: {error}").format(error=exc), None, parser.CurrentLineNumber) from None
    keys = list(reader.keys)
    return [["_line", *keys], *([str(line), *(row.get(k, "") for k in keys)] for line, row in reader.rows)]
