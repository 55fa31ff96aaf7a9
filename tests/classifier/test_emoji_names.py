"""Emoji nobody listed by hand still carry their meaning: a word from their Unicode name."""

import pytest

from classifier.emoji_names import emoji_word
from classifier.normalise import normalise


@pytest.mark.parametrize(
    ("emoji", "word"),
    [
        ("🚪", "门"),
        ("😵", "晕"),
        ("🦓", "斑马"),
        ("🪢", "绳子"),
        ("💸", "钱"),
        ("📸", "照片"),
        ("🤫", "秘密"),
        ("⚰", "死"),
        ("🏭", "工厂"),
        ("🔒", "锁"),
    ],
)
def test_an_emoji_reads_as_the_word_of_its_unicode_name(emoji, word):
    assert emoji_word(emoji) == word
    assert word in normalise(f"我{emoji}了").split()


def test_a_name_word_must_be_a_whole_word():
    assert emoji_word("⏰") == ""  # ALARM CLOCK holds "LOCK" only inside a word


def test_the_hand_made_table_comes_first_and_unknown_emoji_are_dropped():
    assert normalise("🩹") == "创可贴"
    assert normalise("好看🌈") == "好看"


def test_full_width_letters_and_repeats_are_folded():
    assert normalise("ＡＢＣ") == normalise("abc")
    assert normalise("救救救救救我") == normalise("救救我")


def test_a_plate_with_a_knife_and_fork_is_a_meal_not_a_knife():
    """🍽 and 🍴 were read as 刀 (KNIFE is in their names), so a lunch emoji read as a blade."""
    assert emoji_word("🍽") == "吃饭"
    assert emoji_word("🍴") == "吃饭"
    assert "刀" not in normalise("今天午饭🍽️好好吃")
