"""Read pinyin typed in Latin letters back into characters, as an input method would.

The normaliser replaces only its own table's words (老师, 作业); "rang wo men hui jia da yin"
stays in Latin letters, and a net trained mostly on characters reads Latin letters as unusual,
so ordinary texts typed in pinyin were flagged about half the time. Each run of pinyin is
segmented into the most likely words (jieba's frequencies: common words of 2–4 characters from
`classifier.common_words`, single characters from the shipped ``pinyin_chars.txt``, built by
``python -m classifier.pinyin_reading``). A wrong reading keeps its sound: the net's pinyin view
sees the same syllables, and the rules still read what the child typed.
"""

import math
import re
from functools import lru_cache
from pathlib import Path

from classifier.common_words import TABLE as WORDS_TABLE
from classifier.pinyin import SYLLABLES, hanzi_readings, split_syllables, word_keys

CHARS_TABLE = Path(__file__).parent / "data" / "pinyin_chars.txt"
MIN_WORD_COUNT = 50  # rarer words only mislead a reading (jieba's counts, about 60 million in all)
TOTAL = 60_000_000
LONGEST = 4
# A character's other readings (还 hai, 长 zhang) count for this much less than its first one:
# rare readings otherwise win common syllables (搜 for "xiao").
OTHER_READING = 20
LOOSE_MIN = 12  # a word this long typed without spaces may hold a stray English letter or two
STRAY_COST = 4  # a letter left out of every syllable costs as much as four syllables
_UNKNOWN = math.log(1 / TOTAL) * 2
_LATIN_RUN_RE = re.compile(r"[a-z]+(?: [a-z]+)*")


def build() -> list[str]:
    """'syllable character count' lines: the likeliest character of each reading."""
    from classifier.tokenize import tokenizer

    best: dict[str, tuple[int, str]] = {}
    readings = hanzi_readings()
    for char, count in tokenizer().FREQ.items():
        if len(char) == 1 and count > 0:
            for rank, syllable in enumerate(readings.get(char, [])):
                key, weight = syllable.replace("v", "u"), count // (OTHER_READING if rank else 1)
                if weight > best.get(key, (0, ""))[0]:
                    best[key] = (weight, char)
    return sorted(f"{key} {char} {count}" for key, (count, char) in best.items())


@lru_cache(maxsize=1)
def readings() -> dict[str, tuple[str, float]]:
    """Pinyin key ("da yin ji") → (the likeliest word spelt so, its log probability)."""
    table: dict[str, tuple[str, float]] = {}

    def offer(key: str, word: str, count: int) -> None:
        logp = math.log(count / TOTAL)
        if key not in table or table[key][1] < logp:
            table[key] = (word, logp)

    for line in CHARS_TABLE.read_text("utf-8").splitlines():
        key, char, count = line.split()
        offer(key, char, int(count))
    for line in WORDS_TABLE.read_text("utf-8").splitlines():
        word, _, count = line.partition(" ")
        key = word_keys(word)[0]
        if int(count) >= MIN_WORD_COUNT and not _hides_me(key, word):
            offer(key, word, int(count))
    return table


def _hides_me(key: str, word: str) -> bool:
    """Whether a word reads "wo" as anything but 我: a child typing "wo" means 我, and 把握 or
    握手 would swallow it ("ba wo", "wo shou wan")."""
    return "wo" in key.split() and "我" not in word


def _read_syllables(syllables: list[str]) -> str:
    """The likeliest characters for a run of syllables (unigram segmentation, Viterbi)."""
    table = readings()
    best: list[tuple[float, list[str]]] = [(0.0, [])]
    for end in range(1, len(syllables) + 1):
        options = []
        for start in range(max(0, end - LONGEST), end):
            key = " ".join(syllables[start:end]).replace("v", "u")
            found = table.get(key)
            if found:
                options.append((best[start][0] + found[1], best[start][1] + [found[0]]))
        if not options:
            options.append((best[end - 1][0] + _UNKNOWN, best[end - 1][1] + [syllables[end - 1]]))
        best.append(max(options, key=lambda o: o[0]))
    return "".join(best[-1][1])


def loose_syllables(word: str) -> list[str] | None:
    """A long word typed without spaces that holds a few letters that are no pinyin
    ("wowanshangzaiktvpei…"): its syllables, each stray letter on its own; None when the word
    is short or mostly not pinyin."""
    if len(word) < LOOSE_MIN:
        return None
    best: list[tuple[int, list[str]] | None] = [(0, [])] + [None] * len(word)
    for end in range(1, len(word) + 1):
        options = [(best[end - 1][0] + STRAY_COST, best[end - 1][1] + [word[end - 1]])]
        for start in range(max(0, end - 6), end):
            if best[start] is not None and word[start:end] in SYLLABLES:
                options.append((best[start][0] + 1, best[start][1] + [word[start:end]]))
        best[end] = min(options, key=lambda o: o[0])
    items = best[-1][1]
    stray = sum(1 for item in items if item not in SYLLABLES)
    return items if stray * 5 <= len(word) else None


def _read_run(match: re.Match) -> str:
    """A Latin run with its pinyin read back; words that are no pinyin stay as typed."""
    pieces, pending = [], []
    for word in match.group(0).split(" "):
        syllables = split_syllables(word) or loose_syllables(word)
        if syllables and all(s in SYLLABLES for s in syllables):
            pending.extend(syllables)
            continue
        if syllables:
            pieces.append(_read_loose(syllables))
            continue
        if pending:
            pieces.append(_read_syllables(pending))
            pending = []
        pieces.append(f" {word} ")
    if pending:
        pieces.append(_read_syllables(pending))
    return "".join(pieces)


def _read_loose(items: list[str]) -> str:
    """Read the pinyin stretches of a loosely split word; stray letters stay, spaced."""
    pieces, pending = [], []
    for item in items + [""]:
        if item in SYLLABLES:
            pending.append(item)
            continue
        if pending:
            pieces.append(_read_syllables(pending))
            pending = []
        if item:
            pieces.append(f" {item} ")
    return "".join(pieces)


def read_back(norm: str) -> str:
    """Normalised text with every run of pinyin read back into characters."""
    return _LATIN_RUN_RE.sub(_read_run, norm)


if __name__ == "__main__":
    CHARS_TABLE.write_text("\n".join(build()) + "\n", "utf-8")
