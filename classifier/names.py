"""Find personal names that a text introduces (我叫…, 我是…, 联系人…), not self-descriptions."""

import re

# Common surnames; ones that start ordinary words after 我是 (班, 阳, 初, 学…) are left out.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董潘袁蔡蒋余于杜叶程魏苏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹熊孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔汤易常乔赖文樊殷施洪翟安颜倪牛温芦季俞章鲁葛伍申尤毕聂焦向柳邢骆岳齐梅庞"
    "高白康祝凌童廖柯卓宁庄甘左符裴蔺"
    "陳張劉楊黃趙吳周孫馬鄭謝許韓馮鄧蕭蔣葉蘇呂盧鐘譚陸範賈韋鄒熊龔錢顏"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容", "令狐", "端木", "司徒", "歐陽")
NOT_NAME_CHARS = set(
    "年级班学生的队员长校区市二三四五六七八九十第个名位次儿童老师同妈爸爷奶哥姐弟妹"
)
TRIGGER_RE = re.compile(
    r"(我叫|我是|我的名字是|我的名字叫|名字叫|本人叫|本人|联系人|提交人|女儿|儿子|(?:年级|班)的)[\s:：是]*"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NICK_PREFIX = "小阿"
_NOT_NICK_SECOND = set("学朋孩组记卫时区卖")


def _given(text: str, start: int, limit: int) -> int:
    """Return the end of a given name of 1..limit hanzi starting at start (start if none)."""
    end = start
    while (
        end < len(text)
        and end - start < limit
        and _HAN.match(text[end])
        and text[end] not in "的是在"
    ):
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


def find_names(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of introduced names; 我是三年级的学生 yields nothing."""
    spans = []
    for trigger in TRIGGER_RE.finditer(text):
        i = trigger.end()
        end = _surname_name(text, i) or _nickname(text, i)
        if end and (
            end >= len(text)
            or not _HAN.match(text[end])
            or trigger.group(1) not in ("我是", "本人")
            or text[end] in "，的,我今想在家"
        ):
            spans.append((i, end))
    return spans
