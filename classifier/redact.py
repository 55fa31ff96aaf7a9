"""Mask personal details (numbers, ids, door-level addresses, names) before agencies read."""

import re
from dataclasses import dataclass, field

from classifier.names import find_names

PHONE, ID_CARD, BANK_CARD, EMAIL = "【电话】", "【身份证号】", "【银行卡号】", "【邮箱】"
QQ, WECHAT, DOOR, NAME, NUMBER = "【QQ】", "【微信】", "【门牌】", "【姓名】", "【号码】"
KINDS = {
    PHONE: "phone",
    ID_CARD: "id_card",
    BANK_CARD: "bank_card",
    EMAIL: "email",
    QQ: "qq",
    WECHAT: "wechat",
    DOOR: "address",
    NAME: "name",
    NUMBER: "number",
}

_SEP = r"[-\s]?"
_CN = r"[0-9零一二三四五六七八九十百两〇]+"
_BUILDING = rf"(?:[A-Za-z]|{_CN})(?:栋|幢|棟|号楼|號樓|座|号院)"
_ROOM = rf"{_CN}(?:-\d+)?(?:室|房)?"

EMAIL_RE = re.compile(r"[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
ID_RE = re.compile(
    r"(?<!\d)\d{6}\s?(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?\d{3}[\dXx](?![\dA-Za-z])"
)
CARD_RE = re.compile(r"(?<!\d)(?:\d[-\s]?){15,18}\d(?!\d)")
MOBILE_RE = re.compile(rf"(?:\(?\+?86\)?{_SEP})?(?<!\d)1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}(?!\d)")
LANDLINE_RE = re.compile(rf"(?<!\d)(?:\(0\d{{2,3}}\)|0\d{{2,3}}){_SEP}\d{{3,4}}{_SEP}\d{{4}}(?!\d)")
QQ_RE = re.compile(r"(?i)((?:qq|扣扣|企鹅|q我)[号號码碼]*\s*(?:是|为|:|：)?\s*)(\d{5,11})(?!\d)")
WECHAT_RE = re.compile(
    r"(?i)((?:微信|vx|wx|v信|威信|weixin)[号號]*\s*(?:是|为|:|：)?\s*)([A-Za-z][-_A-Za-z0-9]{3,24})"
)
LONG_NUMBER_RE = re.compile(r"(?<![\dA-Za-z])\d(?:[-\s]?\d){6,}(?![\dA-Za-z])")
DOOR_RES = [
    re.compile(
        rf"(?:{_BUILDING}\s?)+(?:(?:{_CN}(?:单元|單元|门)\s?)?{_ROOM}|{_CN}(?:单元|單元|门))"
    ),
    re.compile(r"(?<![\d-])\d{1,3}-\d{1,2}-\d{2,4}(?![\d-])"),
    re.compile(rf"(?<![\d-]){_CN}(?:室|房)(?!间|子|屋)"),
    re.compile(r"门牌号?\s*[:：是]?\s*\d+号?"),
]
_WIDE = {
    c: c - 0xFEE0
    for c in range(0xFF01, 0xFF5F)
    if chr(c - 0xFEE0).isalnum() or chr(c - 0xFEE0) in "@+-._:()"
}
_WIDE[0x3000] = 0x20
_RESIDENCE_RE = re.compile(
    r"(住|家|地址|住址)[^，。,;；!！?？]{0,16}?(?:路|街|巷|村|组|道|里)(\d+号)"
)


@dataclass(frozen=True)
class Redaction:
    """Redacted text and the kinds of detail that were masked."""

    text: str
    found: list[str] = field(default_factory=list)


def luhn_ok(digits: str) -> bool:
    """Bank card check digit (Luhn)."""
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def id_ok(number: str) -> bool:
    """Chinese resident ID check digit (GB 11643)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(number[:17], weights, strict=False))
    return "10X98765432"[total % 11] == number[17].upper()


def _digits(text: str) -> str:
    """Only the digits (and a trailing X) of a matched number."""
    return re.sub(r"[^\dXx]", "", text)


def _mask_numbers(text: str) -> str:
    """Mask e-mail, ids, cards, phones, QQ and WeChat ids, then any other long number."""
    text = EMAIL_RE.sub(EMAIL, text)
    text = ID_RE.sub(lambda m: ID_CARD if id_ok(_digits(m.group(0))) else NUMBER, text)
    text = QQ_RE.sub(lambda m: m.group(1) + QQ, text)
    text = WECHAT_RE.sub(lambda m: m.group(1) + WECHAT, text)
    text = MOBILE_RE.sub(PHONE, text)
    text = LANDLINE_RE.sub(PHONE, text)
    text = CARD_RE.sub(lambda m: BANK_CARD if luhn_ok(_digits(m.group(0))) else NUMBER, text)
    return LONG_NUMBER_RE.sub(NUMBER, text)


def _mask_doors(text: str) -> str:
    """Mask flat, unit and room numbers, and the house number of where the child lives."""
    for pattern in DOOR_RES:
        text = pattern.sub(DOOR, text)
    return _RESIDENCE_RE.sub(lambda m: m.group(0)[: -len(m.group(2))] + DOOR, text)


def _mask_names(text: str) -> str:
    """Mask names that the text introduces (我叫…, 我是…, 联系人…)."""
    for start, end in sorted(find_names(text), reverse=True):
        text = text[:start] + NAME + text[end:]
    return text


def redact(text: str) -> Redaction:
    """Return the text as an agency may see it, with personal details replaced by 【tokens】."""
    out = (text or "").translate(_WIDE)
    out = _mask_names(_mask_doors(_mask_numbers(out)))
    found = sorted({KINDS[token] for token in KINDS if token in out and token not in text})
    return Redaction(out, found)
