"""PreparedText: one text normalised once, with the views the models read computed on demand.

Made once per text and shared by the topic model (characters, words, syllables, keywords),
the safeguarding screen and similarity, so nothing normalises the same text twice. Importing
this module loads no machine-learning library.
"""

import re
from functools import cached_property, lru_cache
from pathlib import Path

from classifier.chatter import strip_chatter
from classifier.normalise import normalise
from classifier.pinyin import syllable_text

_DIGITS_RE = re.compile(r"\d+")
_LATIN_RE = re.compile(r"[a-z]")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[^\W_]")
KEYWORD_FILE = Path(__file__).parent / "data" / "topic_keywords.txt"
FEATURES_VERSION = 5  # bump whenever the views or the normalisation change what a model sees


@lru_cache(maxsize=1)
def topic_keywords() -> list[tuple[str, str]]:
    """(word, topic) pairs from the curated keyword list: prior knowledge for unseen texts."""
    pairs = []
    for line in KEYWORD_FILE.read_text("utf-8").splitlines():
        if ":" in line and not line.startswith("#"):
            topic, words = line.split(":", 1)
            pairs.extend((word, topic.strip()) for word in words.split())
    return pairs


@lru_cache(maxsize=1)
def keywords_by_first_char() -> dict[str, list[tuple[str, str]]]:
    """The curated keywords grouped by their first character (only those can start a match)."""
    table: dict[str, list[tuple[str, str]]] = {}
    for word, topic in topic_keywords():
        table.setdefault(word[0], []).append((word, topic))
    return table


class PreparedText:
    """One text, normalised once; each view is computed the first time it is read."""

    def __init__(self, text: str):
        """Keep the raw text and its normalised form."""
        self.text = text
        self.normalised = normalise(text)

    @property
    def has_words(self) -> bool:
        """Whether any letter, digit or hanzi is left (not only punctuation or symbols)."""
        return bool(_WORD_RE.search(self.normalised))

    @cached_property
    def core(self) -> str:
        """Normalised text without chit-chat at its ends (what the topic model reads)."""
        return strip_chatter(self.normalised)

    @cached_property
    def chars(self) -> str:
        """The core text with digit runs folded to 0 (the character n-gram view)."""
        return _DIGITS_RE.sub("0", self.core)

    @cached_property
    def read_chars(self) -> str:
        """The character view with pinyin typed in Latin letters read back into characters
        (gongyuan → 公园), as an input method would; the same as `chars` without Latin letters."""
        if not _LATIN_RE.search(self.core):
            return self.chars
        from classifier.pinyin_reading import read_back

        return _DIGITS_RE.sub("0", read_back(self.core))

    @cached_property
    def compact(self) -> str:
        """Normalised text without spaces (spaced-out characters joined)."""
        return _SPACE_RE.sub("", self.normalised)

    @cached_property
    def words(self) -> str:
        """jieba words, space-separated (jieba is imported the first time this is read)."""
        from classifier.tokenize import tokenize

        return " ".join(tokenize(self.core))

    @cached_property
    def syllables(self) -> str:
        """Fuzzy toneless syllables, space-separated (the pinyin view)."""
        return syllable_text(self.core)

    @cached_property
    def keywords(self) -> str:
        """One kw_<topic> token per curated keyword found in the text (order does not matter)."""
        text, table = self.core, keywords_by_first_char()
        return " ".join(
            f"kw_{topic}"
            for first in table.keys() & set(text)
            for word, topic in table[first]
            if word in text
        )


def prepare(texts) -> list[PreparedText]:
    """Prepared texts for raw strings; texts already prepared are passed through."""
    return [t if isinstance(t, PreparedText) else PreparedText(t) for t in texts]
