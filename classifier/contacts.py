"""Numbers and ids that reach a child: phones, ID cards, bank cards, e-mail, QQ, WeChat and
other account ids, and any other long number. Hotlines (110, 12355, 12345), counts, money,
times and dates stay: they are short, or carry a unit, or read as a date.

Numbers are searched in the digit view (``numerals.digit_view``), so 一三八幺二三四五六七八
and 138.1234.5678 are the same phone number.
"""

import re

from classifier.masks import (
    ACCOUNT,
    BANK_CARD,
    EMAIL,
    ID_CARD,
    NUMBER,
    PHONE,
    QQ,
    WECHAT,
    Span,
)

SEP = r"[-\s.·—–_/~]"  # what children put between groups of digits
_RUN = rf"\d(?:{SEP}?\d)"
EMAIL_RE = re.compile(
    r"[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|[A-Za-z0-9][\w.+-]*@(?:qq|163|126|139|sina|sohu|foxmail|gmail|hotmail|outlook|yahoo)"
    r"(?![A-Za-z0-9.])", re.IGNORECASE)
_SPOKEN = r"[-\s.·—–_/~，,、]"  # read out: 幺八幺，二三四五，六七八九
MOBILE_RE = re.compile(
    rf"(?<![\d+])(?:(?:\+|00)?\s?\(?\s?86\s?\)?{SEP}?\s?)?1[3-9]\d(?:{_SPOKEN}?\d){{8}}(?!\d)")
LANDLINE_RE = re.compile(
    rf"(?<!\d)(?:\(0\d{{2,3}}\)|0\d{{2,3}}){SEP}?\s?\d{{3,4}}{SEP}?\d{{4}}(?!\d)")
ID_RE = re.compile(
    rf"(?<!\d)\d{{6}}{SEP}?(?:19|20)\d{{2}}{SEP}?(?:0[1-9]|1[0-2]){SEP}?"
    rf"(?:0[1-9]|[12]\d|3[01]){SEP}?\d{{3}}[\dXx](?![\dA-Za-z])")
LONG_RE = re.compile(rf"(?<![\dA-Za-z]){_RUN}{{6,}}(?![\dA-Za-z])")
# A keyword, then the id: 'QQ号是 12345678', '扣扣：一二三四五六', 'vx: tom_2014'.
_SAID = r"\s*(?:号码|号|id|ID)?\s*(?:是|为|叫|:|：|=|-)?\s*"
QQ_RE = re.compile(
    rf"(?i)(?<![A-Za-z])(?:qq|扣扣|企鹅|q我|加q|q号)[号码]*{_SAID}(\d(?:{SEP}?\d){{4,11}})(?!\d)")
WECHAT_RE = re.compile(
    rf"(?i)(?<![A-Za-z])(?:微信|威信|薇信|徽信|维信|v信|vx|wx|weixin|wechat|加我v|加v|v(?=\s?[:：]))[号]*"
    rf"{_SAID}"
    rf"([A-Za-z][-_A-Za-z0-9]{{3,24}}|\d(?:{SEP}?\d){{4,11}})(?![-_A-Za-z0-9])")
ACCOUNT_RE = re.compile(
    rf"(?i)(?:(?:抖音|快手|微博|小红书|b站|哔哩哔哩)(?:账号|帐号|号|id)?"
    rf"|(?:游戏|王者|和平精英|原神|steam|ins)(?:账号|帐号|号|id))"
    rf"{_SAID}([A-Za-z0-9][-_.A-Za-z0-9]{{3,24}})(?![-_A-Za-z0-9])")
# A number with a unit is a count, an amount, a time or a distance, never a contact.
_UNIT_RE = re.compile(
    r"\s?(?:元|块|角|毛|人|个|名|位|次|遍|米|公里|千米|里|平方|亩|辆|棵|本|张|天|周|分钟|秒|小时"
    r"|岁|斤|公斤|克|吨|户|家|所|万|亿|千|百|%|％|份|件|条|栋|层|步|分|页|字|票|度)")
_DATE_RE = re.compile(rf"(?:19|20)\d\d{SEP}(?:0?[1-9]|1[0-2]){SEP}(?:0?[1-9]|[12]\d|3[01])$")
_SERVICE_RE = re.compile(rf"[48]00{SEP}?\d")  # 400/800 numbers belong to companies
# A city's hotline after its area code (0734-12345) is still the hotline.
_HOTLINE_RE = re.compile(rf"0\d{{2,3}}{SEP}?(?:123\d\d|96\d{{3}}|11[02]|12[02]|119)$")
# School, exam and library numbers are a child's as much as a phone number is.
STUDENT_NO_RE = re.compile(
    r"(?:学号|学籍号|考号|准考证号|借书证号|校卡号|学生证号|会员号|证件号|护照号)\s*(?:是|为|:|：)?\s*"
    r"([A-Za-z]{0,3}\d[-\dA-Za-z]{2,24})")


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
    return re.sub(r"[^\dXx]", "", text)


def _is_plain_quantity(digits_view: str, match: re.Match) -> bool:
    """A long number that is a count, an amount, a decimal, a date or a company hotline."""
    found = match.group(0)
    if _UNIT_RE.match(digits_view, match.end()) or _DATE_RE.match(found) \
            or _HOTLINE_RE.match(found):
        return True
    if found.count(".") == 1 and not re.search(r"[^\d.]", found):
        return True  # 3.1415926
    return bool(_SERVICE_RE.match(found)) and len(_digits(found)) == 10


def _long_numbers(digits_view: str) -> list[Span]:
    spans = []
    for match in LONG_RE.finditer(digits_view):
        if _is_plain_quantity(digits_view, match):
            continue
        digits = _digits(match.group(0))
        token = BANK_CARD if 16 <= len(digits) <= 19 and luhn_ok(digits) else NUMBER
        spans.append(Span(match.start(), match.end(), token))
    return spans


def find(view: str, digits_view: str) -> list[Span]:
    """Spans of contact details in a text (its plain and digit views, same length)."""
    spans = [Span(m.start(), m.end(), EMAIL) for m in EMAIL_RE.finditer(view)]
    spans += [Span(m.start(), m.end(), ID_CARD if id_ok(_digits(m.group(0))) else NUMBER)
              for m in ID_RE.finditer(digits_view)]
    for pattern, token in ((QQ_RE, QQ), (WECHAT_RE, WECHAT), (ACCOUNT_RE, ACCOUNT),
                           (STUDENT_NO_RE, NUMBER)):
        spans += [Span(m.start(1), m.end(1), token) for m in pattern.finditer(digits_view)]
    for pattern in (MOBILE_RE, LANDLINE_RE):
        spans += [Span(m.start(), m.end(), PHONE) for m in pattern.finditer(digits_view)]
    return spans + _long_numbers(digits_view)
