"""Normalisation gives one form to the many ways children write the same thing."""

import pytest

from classifier.normalise import normalise
from classifier.pinyin import split_syllables, text_syllables


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＱＱ１２３", "qq123"),
        ("學校門口的紅綠燈壞了", "学校门口的红绿灯坏了"),
        ("太危险了！！！！", "太危险了!"),
        ("哈哈哈哈哈哈", "哈哈"),
        ("图书馆😭😭😭", "图书馆 大哭 大哭"),
        ("加个hong lv deng", "加个红绿灯"),
        ("xue xiao men kou", "学校 men kou"),
        ("my toy car 坏了", "my 玩具 汽车 坏了"),
    ],
)
def test_normalise_cases(raw, expected):
    assert normalise(raw) == expected


def test_phone_digits_are_not_collapsed():
    assert normalise("13911112222") == "13911112222"


def test_homophone_typo_shares_sounds_with_the_word():
    assert text_syllables("红路灯") == text_syllables("红绿灯")
    assert text_syllables("图书官") == text_syllables("图书馆")


def test_mixed_pinyin_and_hanzi_share_sounds():
    assert text_syllables(normalise("hong绿灯")) == text_syllables("红绿灯")


def test_english_words_are_not_read_as_pinyin():
    assert split_syllables("love") is None
    assert split_syllables("xiangsi") == ["xiang", "si"]


def test_simplified_text_is_left_alone_where_opencc_errs():
    assert normalise("到此结束，别打坏了") == "到此结束,别打坏了"


def test_the_shipped_reading_table_matches_pypinyin():
    from pypinyin import Style, lazy_pinyin

    from classifier.pinyin import hanzi_readings
    from classifier.pinyin_table import readings

    table = hanzi_readings()
    for char in "学校门口红绿灯长行乐图书馆厕所滑梯":
        assert table[char] == readings(char)
        assert table[char][0] == lazy_pinyin(char, style=Style.NORMAL).pop().replace("ü", "v")


def test_a_dictionary_word_typed_in_pinyin_with_either_reading_is_found():
    from classifier.pinyin import word_table

    assert word_table()["hong lu deng"] == "红绿灯"
