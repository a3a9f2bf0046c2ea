"""The agency a project's processes belong to, from the ``[agency]`` table of ``qms.toml`` (``[tool.qms.agency]``)::

    [agency]
    name = "Sở Giáo dục và Đào tạo tỉnh Điện Biên"     # the issuing agency (tên cơ quan ban hành)
    parent = "Ủy ban nhân dân tỉnh Điện Biên"          # its governing body (tên cơ quan chủ quản), printed above it
    address = "Số 1, đường Võ Nguyên Giáp, tỉnh Điện Biên"

It is printed on the covers of the printed handbook and of each process, in their running header, and at the head of
the audit report: one place to write it, not a ``--agency`` option on every command (which still overrides it).
The name above the issuing agency follows the layout of Decree 30/2020/NĐ-CP, Appendix I (governing body, then the
agency in bold) [M: recalled, not checked against the Appendix's figures].

Only ``name`` is required once the table is there; a mistake (a number, a blank name, an unknown key) is a
configuration error at its line, explained by :func:`explain`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic_core import PydanticCustomError

from qms.i18n import Message, _

KEYS = ("name", "parent", "address")


@dataclass(frozen=True)
class Agency:
    """The issuing agency, its governing body and address, as written (no layout)."""

    name: str
    parent: str = ""
    address: str = ""


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_agency", "empty agency text")
    return " ".join(value.split())  # one line on a cover: a line break in the TOML string is not a layout


Text = Annotated[str, AfterValidator(_text)]


class AgencyTable(BaseModel):
    """The keys of ``[agency]``, as TOML gives them."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: Text
    parent: Text | None = None
    address: Text | None = None

    def agency(self) -> Agency:
        return Agency(self.name, self.parent or "", self.address or "")


def explain(kind: str, key: str, loc: tuple[Any, ...], shown: Message, closest: str | None) -> tuple[Message, Message]:
    """What is wrong in ``[agency]`` (the pydantic error ``kind`` at ``key``) and how to write it instead."""
    example = _('viết [agency] rồi name = "…" ở dòng sau')
    if kind == "missing":
        return _("bảng «agency» cần tên cơ quan (name)"), example
    if kind == "extra_forbidden":
        hint = _("dùng được: {known}").format(known=", ".join(KEYS))
        if closest:
            close = _("có phải ý bạn là «{suggestion}»?").format(suggestion=closest)
            hint = Message(f"{close.vi} {hint.vi}", f"{close.en} {hint.en}")
        return _("khoá không biết «{key}»").format(key=key), hint
    if kind == "blank_agency":
        return _("«{key}» không được để trống").format(key=key), _("ghi tên hoặc địa chỉ như in trên văn bản, hoặc bỏ dòng đó")
    if len(loc) == 1:  # [agency] is not a table
        return _("«{key}» phải là một bảng TOML, không phải {shown}").format(key=key, shown=shown), example
    return (
        _("«{key}» phải là một chuỗi, không phải {shown}").format(key=key, shown=shown),
        _("viết trong ngoặc kép, ví dụ: {example}").format(example=f'{loc[-1]} = "…"'),
    )


__all__ = ["KEYS", "Agency", "AgencyTable", "explain"]
