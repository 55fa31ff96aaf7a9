"""Find people's names in a child's text: their own, a relative's or a friend's.

Three ways a name shows itself, from surest to least sure:

1. introduced: 我叫…, 我的名字是…, 联系人… (the child's own name);
2. named by relation: 我妈妈叫李秀英, 我同桌是王小明, 我的小名叫豆豆;
3. in context: a common surname and one or two more characters right where a person goes
   (跟王小明一起, 刘一鸣总欺负人, 孙浩然是我同学).

The third way would read 马路, 高兴 or 江苏 as names, so a candidate that jieba's dictionary
knows as an ordinary word (`classifier.common_words`) is left alone, and so is one followed by
a place word (雷锋小学, 黄河路) or a title (王老师: a teacher, not the child).
"""

import re

from classifier.common_words import LEAST, frequency

# Common surnames; ones that start ordinary words after 我是 (班, 阳, 初, 学…) are left out.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董潘袁蔡蒋余于杜叶程魏苏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹熊孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔汤易常乔赖文樊殷施洪翟安颜倪牛温芦季俞章鲁葛伍申尤毕聂焦向柳邢骆岳齐梅庞"
    "高白康祝凌童柯卓宁庄甘左符裴蔺巩阮邬翁蒲"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容", "令狐", "端木", "司徒", "皇甫")
NOT_NAME_CHARS = set(
    "年级班学生的队员长校区市二三四五六七八九十第个名位次儿童老师同妈爸爷奶哥姐弟妹"
)
# Characters that end a name: the sentence goes on with them.
_STOP = set("的是在和跟与同说也都就还把被给让了着过们很太我你他她它吗呢吧啊呀哦嘛"
            "不没有要会去来叫什谁啥哪怎")
TRIGGER_RE = re.compile(
    r"(我叫|我是|我的名字是|我的名字叫|名字叫|本人叫|本人|联系人|提交人|女儿|儿子"
    r"|(?:年级|班)的)[\s:：是]*"
)
RELATIONS = (
    "妈妈|爸爸|妈|爸|母亲|父亲|奶奶|爷爷|姥姥|姥爷|外婆|外公|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹"
    "|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|叔叔|阿姨|舅舅|姑姑|婶婶|舅妈|姨妈|伯伯"
    "|同桌|同学|朋友|好朋友|好友|闺蜜|死党|发小|室友|邻居|班长|队长|组长|小伙伴|伙伴|队友"
    "|孩子|家长|监护人|小名|大名|乳名|外号|绰号|昵称|网名|名字|全名|真名|姓名|他|她"
)
RELATION_RE = re.compile(
    rf"(?:{RELATIONS})(?:的名字|的大名|的小名|名字|姓名)?(叫做|名叫|叫|是|[:：])[\s:：]*")
# What follows a person: their doings (说, 欺负…), or, after a word like 跟, the sentence going on.
_DOINGS = re.compile(r"(?:同学|说|告诉|欺负|打了|打我|骂|一起|和我|跟我|是我|他|她|老是|总是"
                     r"|的妈妈|的爸爸|的家长|问我|帮我|借|偷|抢|推|天天|每天|经常|常常)")
_RIGHT = re.compile(rf"(?:{_DOINGS.pattern}|也|都|总|在|家|和|跟|被|把|还)")
_GOES_ON = re.compile(rf"(?:{_RIGHT.pattern}|、|想|要|去|来|会|很|就|不|没|又|才|已经|刚|一直)")
_PERSON_LEFT = re.compile(r"(?:和|跟|与|同|向|找|给|让|被|帮|问|告诉|陪|叫|、|同学|朋友|同桌"
                          r"|表扬|批评|欺负|[\d一二三四五六七八九十)）]班)$")
_BOUNDARY = set("，。！？；：,.!?;:、\n 　")
_CLAUSE_END = set("，。！？；：,.!?;:\n")
_BEFORE_A_THING = set("这那哪一每几某两各另半不没很太好更最小老阿")  # 小陈, 老王: a nickname
# Surnames that are also everyday words (于是, 向前, 高兴…): in context only after 跟, 和….
_WORDLIKE_SURNAMES = set("于向安常方文白高金石万易齐宁龙毛牛马江田")
_PLACE = re.compile(r"(?:路|街|道|巷|村|镇|乡|区|县|市|省|州|小学|中学|学校|大学|公园|广场|小区"
                    r"|医院|馆|站|桥|山|湖|河|江|园|苑|城|湾|楼|店|超市|社区|花园|幼儿园|酒店|寺|庙|家村"
                    r"|号|边|旁|口|里|上|下|局|厅|署|部|委|院|处|所|队)")
_TITLE = re.compile(r"(?:老师|校长|主任|阿姨|叔叔|爷爷|奶奶|医生|警官|警察|师傅|同志|先生|女士|局长"
                    r"|书记|经理|总|教练|班主任|律师|记者|市长|区长|科长)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NICK_PREFIX = "小阿"
_NOT_NICK_SECOND = set("学朋孩组记卫时区卖")
COMMON_WORD = LEAST  # jieba frequency from which a candidate is an ordinary word (白线 9, 梅州 36)
COMMON_GIVEN = 200  # ... and from which its given part is (戴|手套, 周|活动; not 浩然 38)


def _given(text: str, start: int, limit: int) -> int:
    """Return the end of a given name of 1..limit hanzi starting at start (start if none)."""
    end = start
    while (end < len(text) and end - start < limit and _HAN.match(text[end])
           and text[end] not in _STOP and not (end > start and _RIGHT.match(text, end))):
        end += 1
    return end


def _surname_name(text: str, i: int) -> int | None:
    """End of a surname + given name at i, or None."""
    for compound in COMPOUND_SURNAMES:
        if text.startswith(compound, i):
            end = _given(text, i + 2, 2)
            return end if end > i + 2 else None
    if i < len(text) and text[i] in SURNAMES:
        end = _given(text, i + 1, 2)
        if end > i + 1 and not NOT_NAME_CHARS & set(text[i + 1 : end]):
            return end
    return None


def _nickname(text: str, i: int) -> int | None:
    """End of a nickname at i: 小明 / 阿强 style, or a doubled character such as 豆豆."""
    two = text[i : i + 2]
    if len(two) < 2 or not all(_HAN.match(c) for c in two):
        return None
    if two[0] in _NICK_PREFIX and two[1] not in _NOT_NICK_SECOND and two[1] not in NOT_NAME_CHARS:
        return i + 2
    if two[0] == two[1] and two[0] not in NOT_NAME_CHARS:
        return i + 2
    return None


def _ordinary_word(text: str, start: int, end: int) -> bool:
    """The candidate, or its first two characters, is a common word (马路, 高兴, 江苏人)."""
    return any(frequency(text[start:stop]) >= COMMON_WORD
               for stop in range(start + 2, end + 1))


def _plausible(text: str, start: int, end: int, *, given_too: bool = True) -> bool:
    """Not an ordinary word (高兴), a place (雷锋小学, 王店镇) or a title (王老师); with
    given_too, not a surname before an ordinary word either (周|活动; but 钱|多多 is a name)."""
    rest, given = text[end:], text[start + 1:end]
    common_given = (given_too and len(given) == 2 and given[0] != given[1]
                    and frequency(given) >= COMMON_GIVEN)
    return not (_ordinary_word(text, start, end) or _PLACE.match(rest) or _TITLE.match(rest)
                or _TITLE.match(given) or _PLACE.search(given) or common_given)


def _introduced(text: str) -> list[tuple[int, int]]:
    """我叫…, 我是…, 联系人…: the child's own name."""
    spans = []
    for trigger in TRIGGER_RE.finditer(text):
        i, named = trigger.end(), "名字" in trigger.group(1) or "叫" in trigger.group(1)
        end = _surname_name(text, i)
        if end and not named and frequency(text[i:end]) >= COMMON_GIVEN:
            continue
        end = end or _nickname(text, i)
        if end and (
            end >= len(text)
            or not _HAN.match(text[end])
            or trigger.group(1) not in ("我是", "本人")
            or text[end] in "，的,我今想在家"
        ):
            spans.append((i, end))
    return spans


def _by_relation(text: str) -> list[tuple[int, int]]:
    """我妈妈叫李秀英, 我同桌是王小明, 我的小名叫豆豆 (after 叫 even without a surname)."""
    spans = []
    for trigger in RELATION_RE.finditer(text):
        i, says_is = trigger.end(), trigger.group(1) == "是"
        end = _surname_name(text, i) or _nickname(text, i)
        if end is None and not says_is:
            given = _given(text, i, 3)
            end = given if given - i >= 2 and not _ordinary_word(text, i, given) else None
        if end and not (says_is and not _plausible(text, i, end, given_too=False)):
            spans.append((i, end))
    return spans


def _left_of(text: str, i: int) -> str:
    """What stands before position i: 'person' (跟, 和…), 'start' (a clause starts), 'word'
    (the surname belongs to the word before: 儿童, 关于, 那张) or 'other'."""
    if _PERSON_LEFT.search(text, max(0, i - 3), i):
        return "person"
    if i == 0 or text[i - 1] in _BOUNDARY:
        return "start"
    freq = max(frequency(text[j:i + 1]) for j in (max(0, i - 2), i - 1))
    return "word" if freq >= COMMON_WORD or text[i - 1] in _BEFORE_A_THING else "other"


def _in_context(text: str) -> list[tuple[int, int]]:
    """A surname and given name where a person goes: 跟王小明一起, 刘一鸣总欺负人.

    A person's doings follow it (说, 一起, 欺负…); or after a word a person follows (跟, 和,
    被…) it ends where the clause ends or goes on (也, 在, 和…); or it is a whole clause; or
    it has three characters and the sentence goes on as after a person.
    """
    spans = []
    for i, char in enumerate(text):
        if char not in SURNAMES:
            continue
        end = _surname_name(text, i)
        left = _left_of(text, i)
        if end is None or left == "word" or not _plausible(text, i, end) \
                or char in _WORDLIKE_SURNAMES and left != "person":
            continue
        if _person_follows(text, end, left, long=end - i >= 3):
            spans.append((i, end))
    return spans


def _person_follows(text: str, end: int, left: str, *, long: bool) -> bool:
    """What comes after a candidate reads as what comes after a person."""
    at_end = end == len(text) or text[end] in _CLAUSE_END
    if _DOINGS.match(text, end) or left == "start" and at_end:
        return True
    if left == "person":
        return at_end or bool(_GOES_ON.match(text, end))
    listed = left == "start" and text[end] == "、"  # 曹宇轩、邓佳琪和我
    return long and (bool(_RIGHT.match(text, end)) or listed)


_SURNAME_SAID_RE = re.compile(r"(?:我|他|她|妈妈|爸爸|同桌|朋友)姓([^\W\d_])")
_NAME_SAID_RE = re.compile(r"[，,\s](?:名叫|叫做|叫)([^\W\d_]{1,3}?)(?=[，。,.!！?？\s]|$)")


def _said_apart(text: str) -> list[tuple[int, int]]:
    """我姓王，叫小明: the surname, and a name said on its own after it."""
    spans = [m.span(1) for m in _SURNAME_SAID_RE.finditer(text) if m.group(1) in SURNAMES]
    if spans:
        spans += [m.span(1) for m in _NAME_SAID_RE.finditer(text)]
    return spans


def find_names(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of people's names; 我是三年级的学生 yields nothing."""
    return _introduced(text) + _by_relation(text) + _in_context(text) + _said_apart(text)
