"""How common a word is, from jieba's dictionary, without loading jieba.

The name finder only asks whether a candidate (2 to 4 characters: 马路, 江苏人, 欧阳小明) is
an ordinary word, so it needs the frequencies of those words, not a segmenter: jieba's prefix
dictionary costs a process about 55 MB and half a second to build. The table is made once
from jieba's dictionary and the user dictionary (`python -m classifier.common_words`) and
shipped; words rarer than ``LEAST`` are left out, as the finder treats them as unknown.

In memory the words of each length are one string, sorted, looked up by binary search, and
their frequencies one array: about 1.5 MB where a dictionary of 100,000 words takes 12 MB in
every web worker (a text asks 1.4 words on average, so the search costs nothing noticeable).
"""

import io
import math
import re
from array import array
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "common_words.txt"
LEAST = 8  # the name finder's lowest threshold (names.COMMON_WORD)
SHORTEST, LONGEST = 2, 4
# jieba's dictionary total, and the weight given to a lone character (the table keeps no
# single characters): with it the cut below agrees best with jieba's on the children's texts.
_LOG_TOTAL = math.log(60_101_967)
_LOG_SINGLE = math.log(10_000) - _LOG_TOTAL
_RUN_RE = re.compile(r"[\u4e00-\u9fd5]+|[^\W_\u4e00-\u9fd5]+")
_HAN_RE = re.compile(r"[\u4e00-\u9fd5]")
_DIGITS_RE = re.compile(r"\d+")


@lru_cache(maxsize=1)
def _tables() -> dict[int, tuple[str, array]]:
    """Length → (its words end to end, sorted; their frequencies in the same order).

    The shipped lines are sorted, and two words of one length compare before the space that
    ends them, so each length's words arrive in order.
    """
    words = {length: io.StringIO() for length in range(SHORTEST, LONGEST + 1)}
    counts = {length: array("I") for length in words}
    with TABLE.open(encoding="utf-8") as lines:
        for line in lines:
            word, _space, count = line.partition(" ")
            words[len(word)].write(word)
            counts[len(word)].append(int(count))
    return {length: (words[length].getvalue(), counts[length]) for length in words}


def frequency(word: str) -> int:
    """jieba's frequency of a word of 2–4 characters; 0 when it is rare or no word at all."""
    table = _tables().get(len(word))
    if table is None:
        return 0
    words, counts = table
    width, low, high = len(word), 0, len(counts)
    while low < high:
        middle = (low + high) // 2
        found = words[middle * width:(middle + 1) * width]
        if found == word:
            return counts[middle]
        low, high = (middle + 1, high) if found < word else (low, middle)
    return 0


def _cut_han(run: str) -> list[str]:
    """jieba's cut without HMM (the likeliest route through the dictionary's words), over
    this table: words of 2–4 characters, any other character alone."""
    size = len(run)
    route: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
    for start in range(size - 1, -1, -1):
        best = (_LOG_SINGLE + route[start + 1][0], start + 1)
        for end in range(start + SHORTEST, min(start + LONGEST, size) + 1):
            count = frequency(run[start:end])
            if count:
                best = max(best, (math.log(count) - _LOG_TOTAL + route[end][0], end))
        route[start] = best
    words, start = [], 0
    while start < size:
        end = route[start][1]
        words.append(run[start:end])
        start = end
    return words


def cut(text: str) -> list[str]:
    """Words of a normalised text without jieba's dictionary (about 55 MB a process):
    hanzi cut by this table, other letters and digits kept as one word, digits folded to 0."""
    words = []
    for run in _RUN_RE.findall(text):
        words += _cut_han(run) if _HAN_RE.match(run) else [_DIGITS_RE.sub("0", run)]
    return words


def build() -> list[str]:
    """'word frequency' lines from the tokenizer the site segments with (jieba + user words)."""
    from classifier.tokenize import tokenizer

    return sorted(
        f"{word} {count}"
        for word, count in tokenizer().FREQ.items()
        if SHORTEST <= len(word) <= LONGEST and count >= LEAST
    )


if __name__ == "__main__":
    TABLE.write_text("\n".join(build()) + "\n", "utf-8")
