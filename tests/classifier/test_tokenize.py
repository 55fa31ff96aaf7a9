"""jieba with the plans' vocabulary keeps the words a suggestion turns on."""

import pytest

from classifier.normalise import normalise
from classifier.tokenize import tokenize


@pytest.mark.parametrize(
    "word", ["托育", "红绿灯", "斑马线", "儿童之家", "母婴室", "议事会", "留守儿童"]
)
def test_plan_vocabulary_stays_whole(word):
    assert word in tokenize(f"希望我们这里有{word}的事情能解决")


def test_one_character_words_are_kept():
    assert {"灯", "坏"} <= set(tokenize("路口的灯坏了"))


def test_punctuation_and_spaces_are_dropped():
    assert tokenize(normalise("公园，好！ 大")) == ["公园", "好", "大"]
