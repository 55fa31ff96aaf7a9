"""The chat's pinyin reads words from a small dictionary and cuts every sentence as before.

`webapp/public/data/chat_words.txt` holds the words of jieba's dictionary found in the site's
sentences and the plans' agency names, plus the weight of the rest, so jieba cuts those texts
exactly as with its whole dictionary, at a sixth of the memory. The readings come from
`webapp/public/data/chat_pinyin.txt` instead of pypinyin's dictionaries (about 55 MB more).
"""

import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from webapp.public import chat_pinyin, chat_render
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


def test_every_site_sentence_reads_as_with_pypinyin(monkeypatch):
    ours = [pinyin_pairs.__wrapped__(t) for t in site_texts()]
    monkeypatch.setattr(chat_render, "word_sounds", chat_pinyin._pypinyin)
    assert ours == [pinyin_pairs.__wrapped__(t) for t in site_texts()]


def test_the_shipped_readings_are_the_ones_pypinyin_gives():
    """A new sentence in the catalogue means rebuilding: python -m webapp.public.chat_pinyin."""
    shipped = chat_pinyin.TABLE.read_text("utf-8").splitlines()
    assert shipped == chat_pinyin.build(), "python -m webapp.public.chat_pinyin"


@pytest.mark.parametrize(("text", "word", "sound"), [
    ("我家在重庆", "重庆", "chóng qìng"),
    ("银行门口", "银行", "yín háng"),
    ("我们长大了", "长大", "zhǎng dà"),
])
def test_a_place_the_site_never_says_reads_as_a_word(text, word, sound):
    assert (word, sound) in pinyin_pairs(text)


def test_the_chat_reads_pinyin_without_pypinyins_dictionaries():
    """Every web worker is about 55 MB smaller: pypinyin is only used to build the table."""
    code = ("import sys; from webapp.public.chat_render import ruby; "
            "print(ruby('我们一会儿见')); print('pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parents[2]).stdout.splitlines()
    assert out == ["<ruby>我们<rt>wǒ men</rt></ruby><ruby>一会儿<rt>yī huì er</rt></ruby>"
                   "<ruby>见<rt>jiàn</rt></ruby>", "False"]
