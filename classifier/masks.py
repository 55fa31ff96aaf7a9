"""The 【tokens】 that replace personal details, and how found spans become one masked text."""

from typing import NamedTuple

PHONE, ID_CARD, BANK_CARD, EMAIL = "【电话】", "【身份证号】", "【银行卡号】", "【邮箱】"
QQ, WECHAT, ACCOUNT, DOOR = "【QQ】", "【微信】", "【账号】", "【门牌】"
NAME, NUMBER, BIRTHDAY, CLASS = "【姓名】", "【号码】", "【生日】", "【班级】"
KINDS = {
    PHONE: "phone",
    ID_CARD: "id_card",
    BANK_CARD: "bank_card",
    EMAIL: "email",
    QQ: "qq",
    WECHAT: "wechat",
    ACCOUNT: "account",
    DOOR: "address",
    NAME: "name",
    NUMBER: "number",
    BIRTHDAY: "birthday",
    CLASS: "class",
}


class Span(NamedTuple):
    """Characters start..end of the text are one personal detail, shown as token."""

    start: int
    end: int
    token: str


def merge(spans: list[Span]) -> list[Span]:
    """Overlapping spans become one (the longest one's token), so no fragment is left over."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            longest = last if last.end - last.start >= span.end - span.start else span
            merged[-1] = Span(last.start, max(last.end, span.end), longest.token)
        else:
            merged.append(span)
    return merged


def apply(text: str, spans: list[Span]) -> str:
    """The text with every span replaced by its token."""
    out, at = [], 0
    for span in merge(spans):
        out += [text[at:span.start], span.token]
        at = span.end
    return "".join(out) + text[at:]
