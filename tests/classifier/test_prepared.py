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


def test_pinyin_typed_in_latin_letters_is_read_back_for_the_character_view():
    """A child who types 健身器材 as jianshenqicai is read as if they had typed the characters
    (the normaliser's own table knows only common words such as gongyuan)."""
    typed = PreparedText("希望公园多一些jianshenqicai")
    assert "健身器材" in typed.read_chars
    assert "jianshenqicai" in typed.chars


def test_a_text_without_latin_letters_reads_the_same_in_both_character_views():
    plain = PreparedText("学校门口的红绿灯坏了 123")
    assert plain.read_chars == plain.chars


def test_the_topic_pipeline_reads_pinyin_back_only_when_asked():
    from classifier.pipeline import build_pipeline

    def first_view(**params):
        return build_pipeline(**params).named_steps["views"].kw_args["views"][0]

    assert first_view() == "chars"
    assert first_view(read_pinyin=True) == "read_chars"
