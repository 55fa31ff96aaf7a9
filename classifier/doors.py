"""Where a child lives, down to the door: buildings, units, flats, rooms and house numbers.

The road, the estate, the park and the school stay, because an agency needs them to act; what
goes is the number that leads to one family's door (阳光小区3栋2单元501室 → 阳光小区【门牌】,
我家在人民路88号 → 我家在人民路【门牌】). A house number stays where nobody lives at it
(学校在人民路88号) and a gate stays a gate (学校的2号门).
"""

import re

from classifier.masks import DOOR, Span

_CN = r"[0-9零〇一二三四五六七八九十百两]+"
_BUILDING_ARABIC = r"(?:[A-Za-z]|\d+)\s?(?:栋|幢|号楼|座|号院)"
_BUILDING = rf"(?:{_BUILDING_ARABIC}|{_CN}(?:栋|幢|号楼))"
_UNIT = rf"{_CN}\s?(?:单元|门(?=\s?\d))"
_ROOM = rf"{_CN}(?:-\d+)?\s?(?:室|房|号|楼|层)?"
# Places people live in: a house number right after one of these leads to a door.
_HOME = r"(?:小区|花园|公寓|大厦|新村|家园|苑|府|庭|湾|里|村|组|社区|大院|宿舍|路|街|巷|道|弄|胡同)"
_HOME_WORDS = r"(?:住|家|地址|住址|寄到|送到|搬到|我们楼|我们家)"
_STOP = r"[，。,;；!！?？\n]"

DOOR_RES = [
    # 3栋2单元501室, 3号楼4门502, 88号3栋201, B座1808, 5单元302室
    re.compile(rf"(?:{_CN}号\s?)?(?:{_BUILDING}\s?)+(?:(?:{_UNIT}\s?)?{_ROOM}|{_UNIT})"),
    re.compile(rf"(?<!第){_CN}\s?单元\s?(?:{_ROOM})?"),
    re.compile(r"(?<![\d-])\d{1,3}-\d{1,2}-\d{2,4}(?![\d-])"),  # 2-1-902
    re.compile(r"(?<![\d-])(?:\d{3,4}|[零〇一二三四五六七八九]{3,4})\s?(?:室|房)(?!间|子|屋|东|主)"),
    re.compile(rf"门牌号?(?:码)?\s*[:：是为]?\s*{_CN}(?:号)?"),
]
# 住在幸福村3组12号, 我家在人民路88号, 地址：花园街7号: the number after the home word.
_RESIDENCE_RE = re.compile(
    rf"{_HOME_WORDS}[^，。,;；!！?？\n]{{0,18}}?{_HOME}\s?(?:{_CN}组)?\s?({_CN}\s?(?:号|弄|巷|-\d+)+"
    rf"(?:\s?{_CN}(?:号|室|楼|层))?)(?![线路车门])")
_FLOOR_FLAT_RE = re.compile(
    rf"{_HOME_WORDS}[^，。,;；!！?？\n]{{0,12}}?(\d{{1,2}}-\d{{3,4}})(?!\d)")


def _building_alone(view: str) -> list[Span]:
    """阳光小区3栋 without a flat number: still a door away, so masked after a home."""
    pattern = re.compile(
        rf"(?:{_HOME}|{_HOME_WORDS}[^，。,;；!！?？\n]{{0,12}}?)\s?({_BUILDING_ARABIC})")
    return [Span(m.start(1), m.end(1), DOOR) for m in pattern.finditer(view)]


def find(view: str) -> list[Span]:
    """Spans of door-level address details in a plain-view text."""
    spans = []
    for pattern in DOOR_RES:
        spans += [Span(m.start(), m.end(), DOOR) for m in pattern.finditer(view)
                  if re.search(r"\d|[一二三四五六七八九十]", m.group(0))]
    for pattern in (_RESIDENCE_RE, _FLOOR_FLAT_RE):
        spans += [Span(m.start(1), m.end(1), DOOR) for m in pattern.finditer(view)]
    return spans + _building_alone(view)
