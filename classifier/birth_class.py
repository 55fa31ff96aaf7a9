"""A child's birthday and class: with a school's name, either one narrows a child down to one.

A date is a birthday only where the clause says so (生日, 出生, 生于): 2024年6月1日我们去了科技馆
keeps its date. A year alone stays (it is an age). A class is a grade with a class number
(三年级二班, 初二（3）班, 3年2班, 五(3)班). It is masked when it is the child's own or sits
next to a name or a school (我是三年级二班的, 王小明，三年级二班, 实验小学3班); a class that is only
the subject (三年级二班和三班共用音乐教室) and a grade alone (三年级的同学们, 初一) stay.
"""

import re

from classifier.masks import BIRTHDAY, CLASS, Span

_YEAR = r"(?:(?:19|20)?\d\d|[零〇○一二三四五六七八九]{2,4})\s?年"
_MONTH = r"(?:0?[1-9]|1[0-2]|十[一二]?|[一二三四五六七八九])\s?月"
_DAY = (r"(?:[0-3]?\d|[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?"
        r"|[一二三四五六七八九])\s?[日号]?")
DATE_RE = re.compile(
    rf"(?:{_YEAR}\s?)?{_MONTH}\s?{_DAY}"
    r"|(?<!\d)(?:19|20)?\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")
BIRTH_WORDS = re.compile(r"生日|出生|生于|诞生|出世|过生|生辰|岁生|满月|几号生|(?<!学)生的"
                         r"|[日号]\s?生(?![活意气产病长])")
_CLAUSE = re.compile(r"[^，。,;；!！?？\n]+")

_GRADE = (r"(?:[一二三四五六七八九1-9]|十[一二]?|1[0-2])\s?年级|[初高]\s?[一二三1-3]|[七八九]年级"
          r"|(?:19|20)?\d\d\s?级"
          r"|(?<![\d年])[1-9一二三四五六]\s?年(?=\s?[（(]?\s?(?:\d|[一二三四五六七八九十]))")
_CLASS_NO = r"[（(]?\s?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s?[)）]?\s?班"
CLASS_RE = re.compile(
    rf"(?:{_GRADE})\s?(?:的)?\s?{_CLASS_NO}(?!主任|车|次|机|长)"
    rf"|(?<![\d年级])[一二三四五六1-6]\s?[（(]\s?\d{{1,2}}\s?[)）]\s?班")
_NEAR_CHILD = r"(?:我是|我在|我们|是|在|读|念|小学|中学|学校|初中|高中|同学|学生)"
_OWN = re.compile(r"我|本人|孩子|女儿|儿子|小学|中学|学校|初中|高中|学生|同学")
_OWN_AFTER = re.compile(r"\s?的?\s?(?:学生|同学|我|孩子|小朋友)")
LONE_CLASS_RE = re.compile(
    rf"{_NEAR_CHILD}\s?((?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s?班)(?!主任|车|次|机|长|级|会)")


def _birthdays(view: str) -> list[Span]:
    spans = []
    for clause in _CLAUSE.finditer(view):
        if BIRTH_WORDS.search(clause.group(0)):
            spans += [Span(clause.start() + m.start(), clause.start() + m.end(), BIRTHDAY)
                      for m in DATE_RE.finditer(clause.group(0)) if _is_day(m.group(0))]
    return spans


def _is_day(found: str) -> bool:
    """A month with a day (or a full numeric date), not a bare year or month."""
    return bool(re.search(r"月\s?\S|[-./]|\d{8}", found))


def _classes(view: str, named: bool) -> list[Span]:
    """Classes that are the child's own, or any class when someone is named in the text."""
    spans = []
    for clause in _CLAUSE.finditer(view):
        text = clause.group(0)
        for m in CLASS_RE.finditer(text):
            if named or _OWN.search(text, 0, m.start()) or _OWN_AFTER.match(text, m.end()):
                spans.append(Span(clause.start() + m.start(), clause.start() + m.end(), CLASS))
    return spans + [Span(m.start(1), m.end(1), CLASS) for m in LONE_CLASS_RE.finditer(view)]


def find(view: str, named: bool = False) -> list[Span]:
    """Spans of birthdays and classes in a plain-view text; ``named``: a name was found in it."""
    return _birthdays(view) + _classes(view, named)
