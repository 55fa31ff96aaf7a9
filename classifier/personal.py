"""Personal details a mask cannot safely remove: flag them so a person rewrites the text.

The redactor masks what it can recognise for certain (numbers, ids, door numbers, names).
A named school or a class ("育才小学三年级二班") narrows a child down just as well, but masking
it would often destroy the suggestion itself, so it is flagged instead: an item whose
agency copy still carries any of these is not sent on until a person has reworded it.
"""

import re

from classifier.i18n import N_, joined
from classifier.redact import redact

# Characters that end a phrase or belong to the sentence, never to a school's own name.
_NOT_NAME = "的们个所在去上到近边面有和是了我你他她这那每各些里读念说想让要把被给跟从对"
_NAME_CHAR = rf"(?:(?![{_NOT_NAME}])[\u4e00-\u9fff])"
SCHOOL_RE = re.compile(
    rf"{_NAME_CHAR}{{2,5}}(?:小学|中学|初中|高中|幼儿园|附小|附中|实验学校|外国语学校)")
CLASS_RE = re.compile(
    r"(?:[一二三四五六七八九1-9]年级|初[一二三]|高[一二三])(?:年级)?[一二三四五六七八九十\d]{1,3}班"
    r"|[（(]\s*\d{1,2}\s*[)）]\s*班")
HINTS = {"school": SCHOOL_RE, "class": CLASS_RE}
LABELS = {"school": N_("学校名称"), "class": N_("班级"), "phone": N_("电话"),
          "id_card": N_("身份证号"),
          "bank_card": N_("银行卡号"), "email": N_("邮箱"), "qq": "QQ", "wechat": N_("微信"),
          "address": N_("住址"), "name": N_("名字"), "number": N_("号码"), "birthday": N_("生日"),
          "account": N_("账号")}


def personal_details(text: str) -> list[str]:
    """The kinds of personal detail still readable in this text, sorted; [] when clean."""
    found = set(redact(text or "").found)
    found |= {kind for kind, pattern in HINTS.items() if pattern.search(text or "")}
    return sorted(found)


def describe(kinds: list[str]) -> str:
    """The kinds in words a facilitator reads: 学校名称、班级."""
    return joined(LABELS.get(kind, kind) for kind in kinds)
