"""The standard-Mandarin reading of regional writing that the safeguarding screen reads."""

import pytest

from classifier.normalise import normalise
from classifier.regional import is_cantonese, mandarin_reading


@pytest.mark.parametrize(
    ("cantonese", "mandarin"),
    [
        ("佢哋成日打我", "他们整天打我"),
        ("我唔敢返屋企", "我不敢回家"),
        ("老豆飲醉酒就打我", "爸爸喝醉酒就打我"),
        ("我喺學校俾人蝦", "我在学校被人欺负"),
        ("屋企冇嘢食", "家没有东西吃"),
    ],
)
def test_a_cantonese_text_is_read_in_mandarin(cantonese, mandarin):
    assert mandarin_reading(normalise(cantonese)) == mandarin


@pytest.mark.parametrize(
    "text",
    ["学校的广播系统坏了", "食堂的饭菜不好吃", "我好惊讶，他喊我去打篮球", "给我一点时间"],
)
def test_a_standard_mandarin_text_is_never_changed(text):
    """系, 食, 喊, 惊 and 给 are Mandarin words too: without a Cantonese mark nothing moves."""
    norm = normalise(text)
    assert not is_cantonese(norm)
    assert mandarin_reading(norm) == norm


def test_northern_an_is_read_as_i_in_any_text():
    read = mandarin_reading(normalise("俺们仨住在车站的洞里，俺好冷"))
    assert read == "我们仨住在车站的洞里,我好冷"
