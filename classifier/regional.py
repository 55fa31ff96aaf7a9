"""A standard-Mandarin reading of regional writing, for the safeguarding screen.

Hong Kong and Macau children type Cantonese (佢哋成日打我, 我唔敢返屋企) and northern
children write 俺 for 我; the screen's rules and most of its training data are standard
Mandarin, so such a disclosure would pass unread. The screen reads the text with those
words put into standard Mandarin.

Only texts that carry a marker found in written Cantonese and almost never in Mandarin are
read this way, so a Mandarin text is never changed (系, 食, 喊 and 惊 mean other things in
Mandarin). Works on normalised text: simplified characters, lower case.
"""

import re

# Characters of written Cantonese that Mandarin does not use.
_MARKERS = re.compile(
    "[佢唔嘅咗喺冇啲嘢哋嚟嬲攞睇瞓揾乜㗎㖞嗰𠮶噉谂畀掹揼闩咁鎅𠝹嗌掟搣]|系咪|而家|屋企|老豆|老窦"
)

# Northern and central regional words for "I" and "we": never anything else, so always read.
_NORTHERN = re.compile("俺们|俺")

# Longest first: a word is replaced before any of its parts.
_WORDS = {
    "佢哋": "他们",
    "我哋": "我们",
    "你哋": "你们",
    "唔系": "不是",
    "唔好嘅": "不好的",
    "唔好": "不要",
    "唔准": "不准",
    "唔知": "不知道",
    "系咪": "是不是",
    "乜嘢": "什么",
    "冇嘢": "没有东西",
    "点解": "为什么",
    "点样": "怎样",
    "边个": "谁",
    "而家": "现在",
    "嗰阵": "那时",
    "唔识": "不认识",
    "阿叔": "叔叔",
    "掟": "扔",
    "跌亲": "摔伤",
    "割亲": "割伤",
    "撞亲": "撞伤",
    "焗亲": "闷伤",
    "整亲": "弄伤",
    "烫亲": "烫伤",
    "咬亲": "咬伤",
    "冻亲": "冻伤",
    "搣": "抓",
    "冲凉": "洗澡",
    "污糟": "脏",
    "屋企人": "家人",
    "几耐": "多久",
    "成日": "整天",
    "琴日": "昨天",
    "寻日": "昨天",
    "听日": "明天",
    "今日": "今天",
    "屋企": "家",
    "返学": "上学",
    "返屋企": "回家",
    "老豆": "爸爸",
    "老窦": "爸爸",
    "阿爸": "爸爸",
    "老母": "妈妈",
    "阿妈": "妈妈",
    "细路": "小孩",
    "打交": "打架",
    "俾人虾": "被人欺负",
    "虾人": "欺负人",
    "虾我": "欺负我",
    "走佬": "逃走",
    "唔俾": "不让",
    "唔肯": "不肯",
    "唔使": "不用",
    "顶唔顺": "受不了",
    "顶唔住": "受不了",
    "透唔到气": "喘不过气",
    "皮带炆猪肉": "被皮带打",
    "捱饿": "挨饿",
    "乞食": "讨饭",
    "嗌交": "吵架",
    "咁冻": "这么冷",
    "净系得": "只有",
    "净系": "只是",
    "落去": "下去",
    "跪住": "跪着",
    "细佬": "弟弟",
    "家姐": "姐姐",
    "隔篱屋": "邻居家",
    "成身": "全身",
    "偷嘢": "偷东西",
    "冇": "没有",
    "佢": "他",
    "唔": "不",
    "系": "是",
    "喺": "在",
    "嘅": "的",
    "咗": "了",
    "啲": "些",
    "嘢": "东西",
    "嚟": "来",
    "嬲": "生气",
    "攞": "拿",
    "睇": "看",
    "瞓": "睡",
    "揾": "找",
    "乜": "什么",
    "咁": "这么",
    "噉": "这样",
    "嗰": "那",
    "𠮶": "那",
    "谂": "想",
    "俾": "被",
    "畀": "给",
    "掹": "拉",
    "揼": "打",
    "掴": "打",
    "鎅": "割",
    "𠝹": "割",
    "闩": "关",
    "食": "吃",
    "饮": "喝",
    "喊": "哭",
    "惊": "怕",
    "哋": "们",
    "㗎": "",
    "㖞": "",
}
_WORD_RE = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))


def is_cantonese(norm: str) -> bool:
    """Whether a normalised text carries a mark of written Cantonese."""
    return bool(_MARKERS.search(norm))


def mandarin_reading(norm: str) -> str:
    """The text with 俺 read as 我 and, in a text with a Cantonese mark, Cantonese words in
    Mandarin; a Mandarin text without 俺 is unchanged.

    俾 is read as the passive 被 (俾人打 → 被人打): in a child's disclosure that is what it
    usually is, and reading "give me" as 被 costs at most a false alarm, never a miss.
    """
    norm = _NORTHERN.sub(lambda m: "我们" if m.group(0) == "俺们" else "我", norm)
    if not is_cantonese(norm):
        return norm
    return _WORD_RE.sub(lambda m: _WORDS[m.group(0)], norm)
