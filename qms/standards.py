"""The ISO 18091:2019 areas that rules name in ``Rule.iso18091``.

ISO 18091 (TCVN ISO 18091:2020) guides local government in applying ISO
9001; its Annex A assesses 39 indicators in four pillars and its Annex C
describes citizen observatories for participation, transparency and
accountability. A rule checks one process, not a pillar, so rules are
tagged with these narrower areas.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from qms.i18n import Message, _


@dataclass(frozen=True)
class Area:
    """One ISO 18091 area: its name and what a process shows for it."""

    name: Message
    description: Message


# [M] These area names are the project's grouping of ISO 18091 Annex A/C themes,
# not headings of the standard itself; check against the official text before citing them.
ISO18091_AREAS: Mapping[str, Area] = MappingProxyType(
    {
        "transparency": Area(
            _("Minh bạch"),
            _("thủ tục, phí, lệ phí và kết quả giải quyết được công khai cho người dân"),
        ),
        "participation": Area(
            _("Sự tham gia của người dân"),
            _("người dân có kênh phản ánh, kiến nghị và được trả lời"),
        ),
        "satisfaction": Area(
            _("Sự hài lòng của người dân"),
            _("mức độ hài lòng của người dân được đo và theo dõi như một chỉ số"),
        ),
        "digital-services": Area(
            _("Dịch vụ công trực tuyến"),
            _("thủ tục được cung cấp qua dịch vụ công trực tuyến, đến mức toàn trình"),
        ),
        "integrity": Area(
            _("Liêm chính"),
            _("quyết định được đưa ra theo thẩm quyền, có kiểm soát và truy vết được"),
        ),
    }
)
