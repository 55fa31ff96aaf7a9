"""The chat's pinyin reads words from a small dictionary and cuts every sentence as before.

`webapp/public/data/chat_words.txt` holds the words of jieba's dictionary found in the site's
sentences and the plans' agency names, plus the weight of the rest, so jieba cuts those texts
exactly as with its whole dictionary, at a sixth of the memory.
"""

import jieba
import pytest

from webapp.public.chat_render import pinyin_pairs
from webapp.public.chat_words import WORDS, build, chat_tokenizer, site_texts


@pytest.fixture(scope="module")
def whole():
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def test_every_site_sentence_is_cut_as_with_the_whole_dictionary(whole):
    small = chat_tokenizer()
    differ = [t for t in site_texts() if list(small.cut(t)) != list(whole.cut(t))]
    assert differ == [], "new sentences: run python -m webapp.public.chat_words"


def test_the_shipped_list_is_the_one_the_texts_give():
    """A new sentence in the catalogue means rebuilding: python -m webapp.public.chat_words."""
    assert WORDS.read_text("utf-8").splitlines() == build(), "python -m webapp.public.chat_words"


def test_the_list_is_small():
    assert len(WORDS.read_text("utf-8").splitlines()) < 10_000


@pytest.mark.parametrize(("text", "word", "sound"), [
    ("你的建议变得更好了", "变得", "biàn de"),
    ("我们一会儿见", "一会儿", "yī huì er"),
    ("市教育局会回复你", "教育局", "jiào yù jú"),
])
def test_whole_words_keep_their_reading(text, word, sound):
    assert (word, sound) in pinyin_pairs(text)
