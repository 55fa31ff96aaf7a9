"""The words the chat's pinyin reads by: the site's own sentences' words, not all of jieba's.

Ruby over the assistant's lines needs word boundaries (变得 biàn de, 一会儿), and the assistant
only says the site's sentences (the message catalogue) about the plans' agencies. jieba's
whole dictionary (about 350,000 words, 65 MB in every web worker) is cut down, once and
shipped (`python -m webapp.public.chat_words`), to the dictionary words found in those texts,
with their frequencies. One last line keeps the rest of the dictionary's weight, so jieba
weighs every way of cutting a sentence as it did with the whole dictionary, and the site's
sentences are cut exactly as before (`tests/webapp/test_chat_words.py`).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import jieba

WORDS = Path(__file__).parent / "data" / "chat_words.txt"
CATALOGUE = Path(__file__).parents[1] / "translations" / "en" / "LC_MESSAGES" / "messages.po"
REST = "__rest_of_jieba__"  # no text holds it: it only carries the weight of the words left out
LONGEST = 8
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def site_texts() -> list[str]:
    """Every sentence the site says (the catalogue's ids) and every plan's agency names."""
    from babel.messages.pofile import read_po

    from models.plans.plan import load_all

    with CATALOGUE.open("rb") as po:
        texts = [m.id if isinstance(m.id, str) else " ".join(m.id) for m in read_po(po) if m.id]
    return texts + [name for plan in load_all() for name in plan.agency_names()]


def build() -> list[str]:
    """'word frequency' lines for every word of jieba's dictionary found in the site's texts."""
    tok = jieba.Tokenizer()
    tok.initialize()
    freq = tok.FREQ
    found: dict[str, int] = {}
    for run in (r for text in site_texts() for r in _HAN_RUN.findall(text)):
        for start in range(len(run)):
            for end in range(start + 1, min(len(run), start + LONGEST) + 1):
                if freq.get(run[start:end]):
                    found[run[start:end]] = freq[run[start:end]]
    rest = tok.total - sum(found.values())
    return [f"{word} {count}" for word, count in sorted(found.items())] + [f"{REST} {rest}"]


@lru_cache(maxsize=1)
def chat_tokenizer() -> jieba.Tokenizer:
    """jieba over the shipped small dictionary (HMM still finds words it does not list)."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer(dictionary=str(WORDS))
    tok.initialize()
    return tok


if __name__ == "__main__":
    WORDS.write_text("\n".join(build()) + "\n", "utf-8")
