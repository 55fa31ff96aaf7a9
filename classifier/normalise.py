"""Text normalisation: one canonical simplified, half-width, lower-case form for every input."""

import re
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from classifier import pinyin
from classifier.emoji_names import emoji_word

EMOJI_WORDS: dict[str, str] = {
    "😢": "难过",
    "😭": "大哭",
    "😿": "难过",
    "💔": "伤心",
    "😞": "失望",
    "😔": "难过",
    "😡": "生气",
    "😠": "生气",
    "🤬": "生气",
    "😤": "生气",
    "😱": "害怕",
    "😨": "害怕",
    "😰": "害怕",
    "😖": "难受",
    "😣": "难受",
    "😫": "累",
    "😩": "累",
    "🥺": "拜托",
    "🙏": "拜托",
    "😷": "生病",
    "🤒": "生病",
    "🤕": "受伤",
    "🤮": "恶心",
    "🤢": "恶心",
    "😴": "困",
    "🥱": "困",
    "😀": "开心",
    "😃": "开心",
    "😄": "开心",
    "😁": "开心",
    "😊": "开心",
    "🙂": "开心",
    "😆": "哈哈",
    "😂": "哈哈",
    "🤣": "哈哈",
    "😅": "尴尬",
    "😍": "喜欢",
    "🥰": "喜欢",
    "❤": "爱",
    "❤️": "爱",
    "👍": "赞",
    "👏": "赞",
    "💪": "加油",
    "🎉": "庆祝",
    "🚗": "汽车",
    "🚙": "汽车",
    "🚕": "出租车",
    "🚌": "公交车",
    "🚏": "公交站",
    "🚲": "自行车",
    "🛵": "电动车",
    "🏍": "摩托车",
    "🚦": "红绿灯",
    "🚥": "红绿灯",
    "🚸": "斑马线",
    "🚇": "地铁",
    "🏫": "学校",
    "📚": "书",
    "📖": "书",
    "✏": "作业",
    "📝": "作业",
    "🎒": "书包",
    "⚽": "足球",
    "🏀": "篮球",
    "🏊": "游泳",
    "🏓": "乒乓球",
    "🎨": "画画",
    "🎵": "音乐",
    "🎮": "游戏",
    "📱": "手机",
    "💻": "电脑",
    "📺": "电视",
    "🐶": "狗",
    "🐕": "狗",
    "🐱": "猫",
    "🐈": "猫",
    "🐦": "鸟",
    "🐟": "鱼",
    "🌳": "树",
    "🌲": "树",
    "🌸": "花",
    "🌷": "花",
    "🌊": "河水",
    "🗑": "垃圾桶",
    "🚮": "垃圾",
    "🏥": "医院",
    "💊": "药",
    "💉": "打针",
    "🦷": "牙齿",
    "👓": "眼镜",
    "🍔": "食物",
    "🍟": "零食",
    "🍭": "零食",
    "🍬": "糖",
    "🍜": "饭菜",
    "🍱": "饭菜",
    "🔪": "刀",
    "🔥": "火",
    "💀": "死",
    "☠": "死",
    "🩸": "血",
    "🩹": "创可贴",
    "🗡": "刀",
    "🪒": "刀片",
    "👊": "打",
    "🚽": "厕所",
    "🏞": "公园",
    "🛝": "滑梯",
    "👶": "宝宝",
    "👨‍👩‍👧": "家庭",
    "🏠": "家",
}

ENGLISH_WORDS: dict[str, str] = {
    "school": "学校",
    "teacher": "老师",
    "homework": "作业",
    "exam": "考试",
    "class": "课",
    "pe": "体育课",
    "library": "图书馆",
    "book": "书",
    "books": "书",
    "museum": "博物馆",
    "park": "公园",
    "playground": "游乐场",
    "toilet": "厕所",
    "bus": "公交车",
    "car": "汽车",
    "cars": "汽车",
    "bike": "自行车",
    "road": "马路",
    "traffic": "交通",
    "light": "灯",
    "hospital": "医院",
    "doctor": "医生",
    "sick": "生病",
    "game": "游戏",
    "games": "游戏",
    "phone": "手机",
    "video": "视频",
    "online": "网上",
    "internet": "网络",
    "mom": "妈妈",
    "mum": "妈妈",
    "mother": "妈妈",
    "dad": "爸爸",
    "father": "爸爸",
    "parents": "父母",
    "family": "家庭",
    "home": "家",
    "toy": "玩具",
    "toys": "玩具",
    "snack": "零食",
    "snacks": "零食",
    "food": "食物",
    "football": "足球",
    "soccer": "足球",
    "basketball": "篮球",
    "swimming": "游泳",
    "tree": "树",
    "trees": "树",
    "dog": "狗",
    "dogs": "狗",
    "cat": "猫",
    "river": "河",
    "rubbish": "垃圾",
    "garbage": "垃圾",
    "trash": "垃圾",
    "happy": "开心",
    "sad": "难过",
    "stress": "压力",
    "bully": "欺负",
    "bullying": "欺凌",
    "safe": "安全",
    "danger": "危险",
    "dangerous": "危险",
    "law": "法律",
    "police": "警察",
    "kindergarten": "幼儿园",
    "baby": "宝宝",
    "community": "社区",
    "noise": "噪音",
    "wheelchair": "轮椅",
}
_ENGLISH_RE = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(ENGLISH_WORDS, key=len, reverse=True)) + r")(?![a-z])"
)
# A text without any English word's first letter holds none: most texts skip _ENGLISH_RE,
# whose look-behind is tried at every character.
_ENGLISH_FIRST_RE = re.compile("[" + "".join(sorted({word[0] for word in ENGLISH_WORDS})) + "]")
_EMOJI_RE = re.compile("|".join(re.escape(k) for k in sorted(EMOJI_WORDS, key=len, reverse=True)))
_OTHER_SYMBOL_RE = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")
# Most texts hold no emoji at all: one character-class search spares them the long alternation.
_ANY_EMOJI_RE = re.compile(
    "["
    + "".join(sorted({re.escape(key[0]) for key in EMOJI_WORDS}))
    + r"\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]"
)
_REPEAT_RE = re.compile(r"([^\d]{1,4}?)\1{2,}")
_PUNCT_RUN_RE = re.compile(r"([!?.,~。！？，、…～])\1+")
_SPACE_RE = re.compile(r"\s+")
_LATIN_RUN_RE = re.compile(r"[a-z]+(?: [a-z]+)*")


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """OpenCC's traditional → simplified character table, read from the opencc-purepy package.

    Only the data file is read: the package's converter loads every regional dictionary
    (about 30 MB) where a topic or a danger needs characters only.
    """
    folder = Path(find_spec("opencc_purepy").submodule_search_locations[0]) / "dicts"
    table = {}
    for line in (folder / "TSCharacters.txt").read_text("utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        if len(traditional) == 1 and simplified:
            table[ord(traditional)] = simplified.split()[0]
    return table


def to_simplified(text: str) -> str:
    """Traditional → simplified, character by character (OpenCC's character table)."""
    return text.translate(_t2s_table())


def _named_emoji(match: re.Match) -> str:
    """A word from the emoji's Unicode name (emoji_names), or a space."""
    word = emoji_word(match.group(0))
    return f" {word} " if word else " "


def replace_emoji(text: str) -> str:
    """Turn emoji into Chinese words so they carry meaning: the hand-made table first, then
    the emoji's Unicode name; emoji with neither are dropped."""
    if not _ANY_EMOJI_RE.search(text):
        return text
    text = _EMOJI_RE.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", text)
    return _OTHER_SYMBOL_RE.sub(_named_emoji, text)


def _pinyin_run_to_hanzi(match: re.Match) -> str:
    """Replace a run of Latin letters that spells a known word in pinyin by that word."""
    run = match.group(0)
    replaced = pinyin.latin_to_hanzi(run)
    return replaced if replaced is not None else run


# Pinyin typed with its tone marks (gē de shíhou) is read as plain pinyin; ü with a tone is v.
_TONE_MARKS = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvnnnm"
)


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Return the canonical form used by safeguarding, tokenising and features.

    Cached: the safeguarding screen, redaction and the topic model each ask for the same
    text's form, and a text is normalised once.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = replace_emoji(text)
    text = to_simplified(text).lower().translate(_TONE_MARKS).replace("ü", "v")
    if _ENGLISH_FIRST_RE.search(text):
        text = _ENGLISH_RE.sub(lambda m: ENGLISH_WORDS[m.group(1)], text)
    text = _SPACE_RE.sub(" ", text)
    text = _REPEAT_RE.sub(r"\1\1", text)
    text = _PUNCT_RUN_RE.sub(r"\1", text).strip()
    return _LATIN_RUN_RE.sub(_pinyin_run_to_hanzi, text)
