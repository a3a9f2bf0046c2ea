"""On which page of a printed PDF each anchor of the HTML landed: the page numbers of the table of contents.

Chromium cannot number the contents itself: it has no ``target-counter()`` for paged media (tried with Chromium 156:
the counter prints nothing). What it does write is a named destination for every link target of the document
(``<a href="#qms-QT-VB-01">``): the catalogue's ``/Dests`` dictionary maps each name to ``[page /XYZ x y z]``. So
the handbook is printed once, the page of each process read from those destinations, and printed again with the
numbers in the contents (:func:`qms.handbook.printing.print_pdf`).

A small reader of the PDF that Chromium's Skia backend writes (PDF 1.4, objects in the clear, no object streams),
not a general PDF parser: no dependency is needed for it. A PDF it cannot read gives no pages, and the contents are
then printed without numbers rather than with wrong ones.
"""

from __future__ import annotations

import re

_OBJECT = re.compile(rb"(?<![0-9])(\d+) 0 obj\s*(.*?)\bendobj", re.DOTALL)
_REF = rb"(\d+) 0 R"
_DESTS = re.compile(rb"/Dests\s+" + _REF)
_PAGES = re.compile(rb"/Pages\s+" + _REF)
_DEST = re.compile(rb"/([^\s/\[\]()<>]+)\s*\[\s*" + _REF)
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Each object's dictionary, by number; a stream's data is left out (only its dictionary is read)."""
    found = {}
    for match in _OBJECT.finditer(pdf):
        body = match.group(2)
        found[int(match.group(1))] = body.split(b"stream", 1)[0]
    return found


def _name(raw: bytes) -> str:
    """A PDF name as text: ``#xx`` is a byte in hexadecimal (PDF 1.7, 7.3.5)."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode("utf-8", "replace")


def _page_order(objects: dict[int, bytes], root: int) -> list[int]:
    """The page objects in reading order, from the root of the page tree down through nested ``/Pages`` nodes."""
    kids = {number: [int(r) for r in re.findall(_REF, m.group(1))] for number, body in objects.items() if (m := _KIDS.search(body))}
    order: list[int] = []

    def walk(number: int, depth: int = 0) -> None:
        if depth > 64:  # a loop in a broken file
            return
        if number in kids:
            for child in kids[number]:
                walk(child, depth + 1)
        else:
            order.append(number)

    walk(root)
    return order


def anchor_pages(pdf: bytes) -> dict[str, int]:
    """Anchor (the HTML id a link points to) -> the number of the page it is on, from 1; empty when unreadable."""
    objects = _objects(pdf)
    catalogue = next((body for body in objects.values() if b"/Dests" in body and b"/Type /Catalog" in body), b"")
    dests, pages = _DESTS.search(catalogue), _PAGES.search(catalogue)
    if dests is None or pages is None or int(dests.group(1)) not in objects:
        return {}
    number_of = {page: n for n, page in enumerate(_page_order(objects, int(pages.group(1))), 1)}
    return {
        _name(m.group(1)): number_of[int(m.group(2))] for m in _DEST.finditer(objects[int(dests.group(1))]) if int(m.group(2)) in number_of
    }


__all__ = ["anchor_pages"]
