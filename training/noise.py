"""Noisy copies of real texts, as children also write: traditional characters, unspaced pinyin,
homophone typos, emoji, English words, and chit-chat around the suggestion.

Used to report how the model holds up on noisy writing (on the real test split) and to add
noisy copies of real training texts. Deterministic: the same text gets the same noise.
"""

import random
from collections.abc import Callable
from functools import lru_cache

from classifier.normalise import EMOJI_WORDS, ENGLISH_WORDS
from classifier.pinyin import hanzi_readings
from classifier.tokenize import tokenizer

CHATTER = ("哈哈，", "你好呀！", "嗯嗯，", "我跟你说哦，", "那个那个，")
CHATTER_AFTER = ("谢谢！", "哈哈哈", "就这样啦～", "拜拜👋", "加油！")


@lru_cache(maxsize=1)
def _simplified_to_traditional() -> dict[int, str]:
    """Simplified → traditional character table (the first traditional form OpenCC lists)."""
    from classifier.normalise import _t2s_table

    table: dict[int, str] = {}
    for traditional, simplified in _t2s_table().items():
        table.setdefault(ord(simplified), chr(traditional))
    return table


def _common(char: str) -> bool:
    """Whether a character is in GB2312's first level (the 3,755 commonest)."""
    try:
        return 0xB0 <= char.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=1)
def _homophones() -> dict[str, list[str]]:
    """Common characters sharing a default reading, for homophone typos."""
    by_sound: dict[str, list[str]] = {}
    for char, found in hanzi_readings().items():
        if _common(char):
            by_sound.setdefault(found[0], []).append(char)
    return by_sound


def traditional(text: str, rng: random.Random) -> str:
    """The text in traditional characters."""
    return text.translate(_simplified_to_traditional())


def pinyin(text: str, rng: random.Random) -> str:
    """Up to two of the text's words typed as unspaced pinyin (公园 → gongyuan).

    Any word jieba finds, spelt from each character's commonest reading: drawing only from
    the normaliser's own pinyin word table would test the table against itself.
    """
    readings = hanzi_readings()
    words = {w for w in tokenizer().lcut(text) if len(w) > 1 and all(c in readings for c in w)}
    for word in rng.sample(sorted(words), min(2, len(words))):
        text = text.replace(word, "".join(readings[c][0] for c in word), 1)
    return text


def typo(text: str, rng: random.Random) -> str:
    """Two characters swapped for homophones (红绿灯 → 红路灯)."""
    chars, readings, sounds = list(text), hanzi_readings(), _homophones()
    spots = [
        i for i, c in enumerate(chars) if c in readings and len(sounds.get(readings[c][0], [])) > 1
    ]
    for i in rng.sample(spots, min(2, len(spots))):
        chars[i] = rng.choice([c for c in sounds[readings[chars[i]][0]] if c != chars[i]])
    return "".join(chars)


def emoji(text: str, rng: random.Random) -> str:
    """A word swapped for its emoji where one exists, and a mood emoji at the end."""
    for symbol, word in EMOJI_WORDS.items():
        if len(word) > 1 and word in text:
            text = text.replace(word, symbol, 1)
            break
    return text + rng.choice("😢😡🙏😊👍")


def english(text: str, rng: random.Random) -> str:
    """Up to two words written in English."""
    found = [(en, zh) for en, zh in ENGLISH_WORDS.items() if len(zh) > 1 and zh in text]
    for en, zh in rng.sample(found, min(2, len(found))):
        text = text.replace(zh, f" {en} ", 1)
    return text


def chatter(text: str, rng: random.Random) -> str:
    """Chit-chat before and after the suggestion."""
    return rng.choice(CHATTER) + text + rng.choice(CHATTER_AFTER)


STYLES: dict[str, Callable[[str, random.Random], str]] = {
    "traditional": traditional,
    "pinyin": pinyin,
    "typo": typo,
    "emoji": emoji,
    "english": english,
    "chatter": chatter,
}


def noisy(text: str, style: str) -> str:
    """One noisy copy of text in the given style (deterministic per text and style)."""
    return STYLES[style](text, random.Random(f"{style}:{text}"))


def evaluate_noisy(model, examples: list) -> dict:
    """Headline figures on each noisy copy of examples, and on all of them together.

    `none_no_topic` is the share of non-suggestions that get no topic (the rule is: all).
    """
    from training.dataset import Example
    from training.evaluate import headline, score

    out, every = {}, []
    for style in STYLES:
        copies = [
            Example(
                noisy(e.text, style),
                e.topic,
                e.tags,
                e.source,
                e.acceptable,
                e.source_url,
                e.source_kind,
                e.city,
            )
            for e in examples
        ]
        every.extend(copies)
        out[style] = headline(score(model, copies))
    scored = score(model, every)
    none = [i for i, e in enumerate(every) if e.topic == "none"]
    no_topic = [scored.top[i] == "none" or bool(scored.abstain[i]) for i in none]
    out["all"] = {
        **headline(scored),
        "none_no_topic": round(sum(no_topic) / len(none), 4) if none else None,
    }
    return out
