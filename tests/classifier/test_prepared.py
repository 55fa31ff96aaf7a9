"""A text is normalised once and its prepared views are shared."""

import unicodedata

from classifier import analyse_many
from classifier import normalise as normalise_module
from classifier.pipeline import PreparedText, text_views


def test_prepared_views_agree_with_the_normalised_text():
    prepared = PreparedText("學校門口的紅綠燈壞了🚦 123")
    assert prepared.normalised.startswith("学校门口的红绿灯坏了")
    assert "0" in prepared.chars and "123" not in prepared.chars
    assert "红绿灯" in prepared.words.split()
    assert prepared.syllables.split()[:2] == ["xue", "xiao"]
    assert "kw_transport" in prepared.keywords.split()


def test_the_pipeline_reads_raw_and_prepared_texts_alike():
    raw = text_views(["公园的滑梯坏了"], ("chars", "syllables"))
    prepared = text_views([PreparedText("公园的滑梯坏了")], ("chars", "syllables"))
    assert raw.tolist() == prepared.tolist()


def test_analysing_a_text_normalises_it_once(monkeypatch, small_model):
    calls = []
    real = unicodedata.normalize

    def counting(form, text):
        calls.append(text)
        return real(form, text)

    monkeypatch.setattr(normalise_module.unicodedata, "normalize", counting)
    normalise_module.normalise.cache_clear()
    text = "图书馆周末能不能晚点关门呀"
    analyse_many([text], small_model)
    assert calls.count(text) == 1


def test_chit_chat_around_a_suggestion_is_not_what_the_topic_model_reads():
    """Greetings, laughter and thanks would pull a suggestion towards `none` (and triage)."""
    plain = PreparedText("公园的滑梯坏了，请修一下")
    for chatty in (
        "哈哈，公园的滑梯坏了，请修一下。谢谢！",
        "您好！那个，公园的滑梯坏了，请修一下拜拜👋",
    ):
        prepared = PreparedText(chatty)
        assert prepared.chars == plain.chars and prepared.keywords == plain.keywords


def test_chit_chat_alone_and_words_that_only_look_like_it_are_kept():
    assert PreparedText("哈哈哈，你好呀！").chars == "哈哈,你好呀!"
    assert PreparedText("哈尔滨的冰面太滑").chars.startswith("哈尔滨")
    assert PreparedText("喂流浪猫的人太多了").chars.startswith("喂流浪猫")
    assert PreparedText("让白色污染说再见").chars.endswith("再见")
