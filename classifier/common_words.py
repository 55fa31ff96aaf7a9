"""How common a word is, from jieba's dictionary, without loading jieba.

The name finder only asks whether a candidate (2 to 4 characters: 马路, 江苏人, 欧阳小明) is
an ordinary word, so it needs the frequencies of those words, not a segmenter: jieba's prefix
dictionary costs a process about 55 MB and half a second to build. The table is made once
from jieba's dictionary and the user dictionary (`python -m classifier.common_words`) and
shipped; words rarer than ``LEAST`` are left out, as the finder treats them as unknown.
"""

from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "common_words.txt"
LEAST = 8  # the name finder's lowest threshold (names.COMMON_WORD)
SHORTEST, LONGEST = 2, 4


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    """Word → jieba frequency, for the words in the shipped table."""
    pairs = (line.split(" ") for line in TABLE.read_text("utf-8").splitlines())
    return {word: int(count) for word, count in pairs}


def frequency(word: str) -> int:
    """jieba's frequency of a word of 2–4 characters; 0 when it is rare or no word at all."""
    return _table().get(word, 0)


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
