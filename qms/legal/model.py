"""The register's format, as pydantic models: one entry per legal text (docs/legal.md).

The models forbid unknown fields, like the process format, so a misspelt field is an error with a did-you-mean.
What one entry cannot see (two entries with one number, a text that replaces itself) is checked by :mod:`.read`.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import ConfigDict, Field

from qms.model import Text
from qms.model.process import NonEmpty, _Strict
from qms.model.values import Date


class TextKind(StrEnum):
    """What a legal text is."""

    LAW = "law"  # luật, bộ luật
    DECREE = "decree"  # nghị định
    CIRCULAR = "circular"  # thông tư
    DECISION = "decision"  # quyết định
    STANDARD = "standard"  # tiêu chuẩn (TCVN ISO 9001, ISO 19011)
    OTHER = "other"  # nghị quyết, chỉ thị, công văn...


class Amendment(_Strict):
    """A text that amends this one without replacing it."""

    number: NonEmpty = Field(description="Số, ký hiệu văn bản sửa đổi / number of the amending text, e.g. 367/2025/NĐ-CP")
    date: Date | None = Field(None, description="Ngày văn bản sửa đổi có hiệu lực / the day the amendment took effect")
    verified: bool = Field(False, description="Đã đối chiếu văn bản gốc / checked against the official text")


class LegalText(_Strict):
    """One legal text of the register (văn bản), with its validity and its place among the others."""

    number: NonEmpty = Field(description="Số, ký hiệu / number, e.g. 118/2025/NĐ-CP (compared ignoring case, spaces, Đ/D)")
    kind: TextKind = Field(description="law | decree | circular | decision | standard | other")
    title: Text = Field(description="Trích yếu / title")
    issuer: NonEmpty | None = Field(None, description="Cơ quan ban hành / issuer, e.g. Chính phủ, Bộ Giáo dục và Đào tạo")
    signed: Date | None = Field(None, description="Ngày ký, ban hành / date signed")
    in_force_from: Date | None = Field(None, description="Ngày có hiệu lực / in force from")
    in_force_until: Date | None = Field(None, description="Ngày cuối còn hiệu lực / last day in force")
    replaces: list[NonEmpty] = Field(default_factory=list, description="Văn bản được thay thế / texts it replaces, by number")
    replaced_by: NonEmpty | None = Field(None, description="Văn bản thay thế / the text that replaced it, by number")
    amended_by: list[Amendment] = Field(default_factory=list, description="Văn bản sửa đổi, bổ sung / amending texts, with dates")
    source: NonEmpty | None = Field(None, description="Nguồn: công báo, cổng thông tin, bài báo / where it was read (URL or gazette)")
    verified: bool = Field(
        description="true: đã đối chiếu văn bản gốc; false: mới biết qua nguồn thứ cấp / checked against the official text"
    )
    notes: Text | None = Field(None, description="Ghi chú / notes")


class LegalRegister(_Strict):
    """A register file: the list of texts (a project may split its register into several files of a folder ``legal/``)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, title="QMS legal register (sổ theo dõi văn bản pháp luật)"
    )

    texts: list[LegalText] = Field(default_factory=list, description="Các văn bản / the legal texts")


__all__ = ["Amendment", "LegalRegister", "LegalText", "TextKind"]
