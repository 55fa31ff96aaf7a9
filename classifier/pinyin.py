"""Pinyin helpers: split Latin runs into syllables, map pinyin words to hanzi, fuzzy syllables."""

import re
from functools import lru_cache
from itertools import islice, product
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SYLLABLES: frozenset[str] = frozenset(
    (DATA_DIR / "pinyin_syllables.txt").read_text(encoding="utf-8").split()
)
_MAX_SYLLABLE = max(len(s) for s in SYLLABLES)
_FUZZY_RULES = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ng", "n"), ("v", "u"))
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_HAN_FIRST, _HAN_LAST, _HAN_START = 0x4E00, 0x9FFF, "\u4e00"
_PIECE_RE = re.compile(r"[\u4e00-\u9fff]+|[a-zü]+")  # hanzi runs and Latin words
_LATIN_WORD_RE = re.compile(r"[a-zü]+")
MAX_WORD_KEYS = 16  # spellings of one dictionary word when its characters have several readings


@lru_cache(maxsize=1)
def hanzi_readings() -> dict[str, list[str]]:
    """Character → toneless readings, default first (see classifier/pinyin_table.py)."""
    table = {}
    for line in (DATA_DIR / "hanzi_pinyin.txt").read_text(encoding="utf-8").splitlines():
        char, *found = line.split()
        table[char] = found
    return table


def split_syllables(word: str) -> list[str] | None:
    """Split one Latin word into the fewest pinyin syllables, or None if it is not pinyin."""
    word = word.replace("ü", "v")
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _MAX_SYLLABLE), end):
            head = best[start]
            if head is not None and word[start:end] in SYLLABLES:
                if best[end] is None or len(head) + 1 < len(best[end]):
                    best[end] = head + [word[start:end]]
    return best[len(word)]


def fuzzy(syllable: str) -> str:
    """Merge sounds children (and southern accents) confuse: zh/z, ch/c, sh/s, -ng/-n, ü/u."""
    for old, new in _FUZZY_RULES:
        syllable = syllable.replace(old, new)
    return syllable


def char_syllable(char: str) -> str:
    """Return the fuzzy toneless syllable of one hanzi (first reading)."""
    return fuzzy(hanzi_readings().get(char, [char])[0])


def word_keys(word: str) -> list[str]:
    """Lookup keys of a hanzi word: its plain syllables (ü written u), each reading combined."""
    table = hanzi_readings()
    options = [table.get(char, [char]) for char in word]
    spellings = islice(product(*options), MAX_WORD_KEYS)
    return [" ".join(syllables).replace("v", "u") for syllables in spellings]


@lru_cache(maxsize=1)
def word_table() -> dict[str, str]:
    """Map pinyin keys of the user dictionary's words (two or more characters) to the words."""
    table: dict[str, str] = {}
    path = DATA_DIR / "userdict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and len(parts[0]) >= 2 and _HAN_RE.fullmatch(parts[0][0]):
            for key in word_keys(parts[0]):
                table.setdefault(key, parts[0])
    return table


def _parse_run(run: str) -> list[tuple[bool, str]]:
    """Split a run of Latin words into (is_syllable, piece) items; non-pinyin words stay whole."""
    items: list[tuple[bool, str]] = []
    for word in run.split(" "):
        syllables = split_syllables(word)
        if syllables:
            items.extend((True, s) for s in syllables)
        else:
            items.append((False, word))
    return items


def _longest_word(items: list[tuple[bool, str]], start: int) -> tuple[str, int] | None:
    """Find the longest table word spelled by the syllables from start; return it and its end."""
    table = word_table()
    for end in range(min(len(items), start + 6), start + 1, -1):
        chunk = items[start:end]
        if all(is_syl for is_syl, _ in chunk):
            word = table.get(" ".join(s for _, s in chunk).replace("v", "u"))
            if word:
                return word, end
    return None


def latin_to_hanzi(run: str) -> str | None:
    """Replace known pinyin words in a Latin run with hanzi; None when nothing was replaced."""
    items, pieces, i, hit = _parse_run(run), [], 0, False
    while i < len(items):
        found = _longest_word(items, i)
        if found:
            pieces.append(found[0])
            i, hit = found[1], True
        else:
            pieces.append(f" {items[i][1]} ")
            i += 1
    return re.sub(r" +", " ", "".join(pieces)).strip() if hit else None


@lru_cache(maxsize=1)
def _hanzi_sounds() -> dict[int, str]:
    """A `str.translate` table: every hanzi → its fuzzy syllable (`char_syllable`) and a space."""
    return {code: char_syllable(chr(code)) + " " for code in range(_HAN_FIRST, _HAN_LAST + 1)}


@lru_cache(maxsize=4096)
def _latin_sounds(word: str) -> str:
    """A Latin word's fuzzy syllables, each followed by a space; empty when it is not pinyin."""
    return "".join(fuzzy(s) + " " for s in split_syllables(word) or [])


def _sounds(piece: str) -> str:
    """The fuzzy syllables of one hanzi run or Latin word, each followed by a space."""
    if piece[0] < _HAN_START:
        return _latin_sounds(piece)
    return piece.translate(_hanzi_sounds())


def syllable_text(text: str) -> str:
    """Fuzzy syllables of a text, space-separated: hanzi by reading, Latin words split as
    pinyin, others dropped (the same as " ".join(text_syllables(text)), in one pass)."""
    return "".join(map(_sounds, _PIECE_RE.findall(text)))[:-1]


def latin_syllable_text(text: str) -> str:
    """Fuzzy syllables of the text's Latin words only, space-separated ("" without any)."""
    return "".join(map(_latin_sounds, _LATIN_WORD_RE.findall(text)))[:-1]


def syllables_by_word(text: str) -> list[tuple[str, int | None]]:
    """Fuzzy syllables of a text, each with the number of the Latin word it was typed in (None
    for hanzi): which syllables a child typed together as one word (dianti, wenda)."""
    return [
        (sound, number if piece[0] < _HAN_START else None)
        for number, piece in enumerate(_PIECE_RE.findall(text))
        for sound in _sounds(piece).split()
    ]


def text_syllables(text: str) -> list[str]:
    """Fuzzy syllables of a text: hanzi by reading, Latin runs split as pinyin, others dropped."""
    return syllable_text(text).split()
