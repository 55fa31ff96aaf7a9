"""The chat's pinyin readings from a small shipped table instead of pypinyin's dictionaries.

pypinyin keeps its whole phrase dictionary in memory (about 55 MB in every web worker) to
read words such as 银行 yín háng or 长大 zhǎng dà. A word is read as pypinyin reads it when
it reads each character by its own first reading, or by a phrase of its dictionary; so the
table (`python -m webapp.public.chat_pinyin`, shipped) holds each character's reading and
only the phrases whose reading differs from their characters', plus any word of the site's
own sentences the two still read otherwise. Every site sentence reads exactly as with
pypinyin (`tests/webapp/test_chat_words.py`); another word is read phrase by phrase, the
longest phrase first, then character by character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "chat_pinyin.txt"
# 〇, CJK Extension A, the basic block and the compatibility block: what pypinyin reads of the
# Basic Multilingual Plane, every character a child's keyboard offers.
RANGES = ((0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
FIRST = RANGES[0][0]
_HAN = re.compile(r"[\u4e00-\u9fff]")


def sounds(word: str) -> list[str]:
    """The toned syllables of a word, one per character that has a reading."""
    return _read(word, *_table())


def _read(word: str, phrases: dict[str, str], longest: int, chars: list) -> list[str]:
    found, start = [], 0
    while start < len(word):
        for end in range(min(len(word), start + longest), start + 1, -1):
            hit = phrases.get(word[start:end])
            if hit is not None:
                found.extend(hit.split(" "))
                start = end
                break
        else:
            code = ord(word[start]) - FIRST
            if 0 <= code < len(chars) and chars[code]:
                found.append(chars[code])
            start += 1  # without a reading (a letter, a digit, a sign) nothing is shown
    return found


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], int, list]:
    """The phrases by word; the characters' readings by code point, each syllable kept once
    (some 1,400 syllables for 35,000 characters: a few MB less than a dictionary of them)."""
    with TABLE.open(encoding="utf-8") as lines:
        return _parse(line.rstrip("\n") for line in lines)


def _parse(lines: Iterable[str]) -> tuple[dict[str, str], int, list]:
    phrases, syllables = {}, {}
    chars: list[str | None] = [None] * (RANGES[-1][1] + 1 - FIRST)
    for line in lines:
        word, _space, reading = line.partition(" ")
        if len(word) == 1:
            chars[ord(word) - FIRST] = syllables.setdefault(reading, reading)
        else:
            phrases[word] = reading
    return phrases, max(map(len, phrases)), chars


def _pypinyin(text: str) -> list[str]:
    """pypinyin's reading, as the chat read before this table (only to build and check it)."""
    from pypinyin import Style, lazy_pinyin

    return [s for s in lazy_pinyin(text, style=Style.TONE, errors=lambda c: [""] * len(c)) if s]


def build() -> list[str]:
    """'word syllable syllable…' lines: characters, phrases that read otherwise, site words."""
    from pypinyin.phrases_dict import phrases_dict

    from webapp.public.chat_words import chat_tokenizer, site_texts

    chars = {chr(c): _pypinyin(chr(c)) for low, high in RANGES for c in range(low, high + 1)}
    table = {char: " ".join(reading) for char, reading in chars.items() if reading}
    for phrase in sorted(phrases_dict):
        reading = " ".join(_pypinyin(phrase))
        if reading != " ".join(table[char] for char in phrase if char in table):
            table[phrase] = reading
    parsed = _parse([f"{word} {reading}" for word, reading in table.items()])
    words = {w for text in site_texts() for w in chat_tokenizer().cut(text) if _HAN.search(w)}
    missed = {w: _pypinyin(w) for w in sorted(words) if _read(w, *parsed) != _pypinyin(w)}
    table.update((word, " ".join(reading)) for word, reading in missed.items())
    return [f"{word} {reading}" for word, reading in table.items()]


if __name__ == "__main__":
    TABLE.write_text("\n".join(build()) + "\n", "utf-8")
