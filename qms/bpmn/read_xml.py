"""Stage 1 of the import: BPMN bytes -> an ElementTree, with where each element starts.

BPMN files come from outside (a modeler on someone's laptop, a download),
so the reader never lets the XML parser do anything but read elements:
a document type declaration is refused before any entity in it could be
declared or expanded (billion laughs, external entities), and the size,
the nesting depth, the length of one attribute value and of one element's
text are bounded. Only the standard library's expat is used: these
handlers do what defusedxml's would (refuse DTDs and entities) and also
bound what defusedxml leaves open, so no extra dependency is needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.parsers import expat

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import MAX_BYTES, BpmnError, Position
from qms.i18n import Message, _
from qms.safe_xml import guarded_parser

MAX_DEPTH = 200
# One attribute value (a name, an id, a reference): modelers write a few dozen characters.
MAX_ATTRIBUTE = 64 * 1024
# The text of one element (a documentation, the qms data of a process: 18 KB for the largest shipped one).
MAX_TEXT = 4 * 1024 * 1024

_MALFORMED_HINT = _("mở tệp bằng Camunda Modeler hoặc bpmn.io và lưu lại; nếu sửa tay, kiểm tra thẻ đóng/mở và dấu ngoặc kép ở vị trí trên")
_BAD_CHARACTER_HINT = _(
    "tệp có ký tự mà XML 1.0 không cho phép (ký tự điều khiển như U+0001, U+001B, hoặc U+FFFE); "
    "xoá ký tự đó bằng trình soạn thảo văn bản rồi nhập lại"
)
_DOCTYPE_HINT = _("xoá khai báo <!DOCTYPE ...> ở đầu tệp, hoặc mở tệp bằng Camunda Modeler/bpmn.io và lưu lại")
_LIMIT_HINT = _("tệp do Camunda Modeler hoặc bpmn.io lưu không bao giờ như vậy; tệp có thể đã bị hỏng hoặc được tạo để tấn công")
# expat error codes of a character XML does not allow (raw, or as a character reference such as &#1;).
_BAD_CHARACTER_ERRORS = frozenset(
    {expat.errors.codes[expat.errors.XML_ERROR_INVALID_TOKEN], expat.errors.codes[expat.errors.XML_ERROR_BAD_CHAR_REF]}
)


def _attribute_too_long(name: str, size: int) -> Message:
    return _("giá trị thuộc tính «{name}» quá dài ({size} ký tự; tối đa {max_attribute})").format(
        name=name, size=size, max_attribute=MAX_ATTRIBUTE
    )


def _text_too_long(tag: str, size: int) -> Message:
    return _("nội dung văn bản của phần tử «{tag}» quá dài (hơn {max_text} ký tự)").format(tag=tag, max_text=MAX_TEXT)


class _Refused(Exception):
    def __init__(self, code: BpmnCode, message: Message, hint: Message | None = None):
        self.code = code
        self.message = message
        self.hint = hint


def parse_xml(data: bytes, positions: dict[ET.Element, Position] | None = None) -> ET.Element:
    """Parse ``data`` into an ElementTree element, refusing DTDs, entities, huge and deeply nested input.

    With ``positions``, the (line, column) where each element starts is stored
    there (1-based, as expat counts: the column in bytes of UTF-8).
    Raises :class:`BpmnError` with a bilingual message, the position and a
    hint for anything that is not plain, well-formed XML.
    """
    if len(data) > MAX_BYTES:
        too_large = _("tệp BPMN quá lớn ({size} byte; tối đa {limit} byte)").format(size=len(data), limit=MAX_BYTES)
        raise BpmnError(BpmnCode.LIMIT, too_large, _LIMIT_HINT)
    if not data.strip():
        raise BpmnError(BpmnCode.FILE, _("tệp BPMN rỗng"))
    guard = _Guard(positions)
    parser = guard.parser
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise BpmnError(exc.code, exc.message, exc.hint, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1) from None
    except expat.ExpatError as exc:
        hint = _BAD_CHARACTER_HINT if exc.code in _BAD_CHARACTER_ERRORS else _MALFORMED_HINT
        column = exc.offset + 1
        raise BpmnError(
            BpmnCode.XML,
            _("tệp BPMN không phải XML hợp lệ (dòng {line}, cột {column}): {error}").format(
                line=exc.lineno, column=column, error=expat.ErrorString(exc.code)
            ),
            hint,
            exc.lineno,
            column,
        ) from None
    except (ValueError, LookupError, RecursionError) as exc:  # an unknown or undecodable encoding, a builder mismatch
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        raise BpmnError(
            BpmnCode.XML,
            _("tệp BPMN không phải XML hợp lệ (dòng {line}, cột {column}): {error}").format(line=line, column=column, error=exc),
            _MALFORMED_HINT,
            line,
            column,
        ) from None
    root = guard.builder.close()
    return root


class _Guard:
    """An expat parser that builds an ElementTree and refuses what :func:`parse_xml` does not read."""

    def __init__(self, positions: dict[ET.Element, Position] | None):
        self.positions = positions
        self.builder = ET.TreeBuilder()
        self.open_tags: list[str] = []  # local names of the elements open at this point; its length is the depth
        self.text_size = 0  # characters of text since the last tag: one element's text, or the text after one
        parser = self.parser = guarded_parser(self.refuse_doctype)
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.buffer_text = True
        parser.ordered_attributes = False

    def refuse_doctype(self, *_unused: object) -> None:
        raise _Refused(
            BpmnCode.DOCTYPE,
            _(
                "tệp BPMN có khai báo DOCTYPE hoặc thực thể XML; tệp bị từ chối để tránh tấn công (billion laughs, XXE) — "
                "tệp do Camunda Modeler hoặc bpmn.io tạo không bao giờ có khai báo này"
            ),
            _DOCTYPE_HINT,
        )

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.open_tags.append(name.rpartition("}")[2])
        self.text_size = 0
        if len(self.open_tags) > MAX_DEPTH:
            raise _Refused(BpmnCode.LIMIT, _("XML lồng nhau quá sâu (hơn {limit} mức)").format(limit=MAX_DEPTH), _LIMIT_HINT)
        for key, value in attributes.items():
            if len(value) > MAX_ATTRIBUTE:
                raise _Refused(BpmnCode.LIMIT, _attribute_too_long(key.rpartition("}")[2], len(value)), _LIMIT_HINT)
        element = self.builder.start(_clark(name), {_clark(key): value for key, value in attributes.items()})
        if self.positions is not None:
            self.positions[element] = (self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)

    def end(self, name: str) -> None:
        self.open_tags.pop()
        self.text_size = 0
        self.builder.end(_clark(name))

    def text(self, chunk: str) -> None:
        self.text_size += len(chunk)
        if self.text_size > MAX_TEXT:
            raise _Refused(BpmnCode.LIMIT, _text_too_long(self.open_tags[-1] if self.open_tags else "?", self.text_size), _LIMIT_HINT)
        self.builder.data(chunk)


def _clark(name: str) -> str:
    """expat's ``namespace}local`` to ElementTree's ``{namespace}local``."""
    return "{" + name if "}" in name else name
