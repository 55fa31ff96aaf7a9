"""Evaluation as the issue defines it: acceptable labels, abstentions as misses, lead agency."""

import re

import numpy as np

from training.dataset import Example
from training.evaluate import Scored, headline, styles_of
from training.noise import STYLES, noisy

LABELS = ["public_space", "health", "none"]


def _scored(rows, abstain, examples) -> Scored:
    return Scored(examples, LABELS, np.array(rows, dtype=float), np.array(abstain))


PARK = Example("公园厕所太脏", "public_space", topics=("public_space", "health"))
CLINIC = Example("医院排队太久", "health")
HELLO = Example("你好呀", "none")


def test_either_acceptable_label_counts_as_right():
    scored = _scored([[0.2, 0.7, 0.1], [0.1, 0.8, 0.1]], [False, False], [PARK, CLINIC])
    figures = headline(scored)
    assert figures["top_acceptable"] == 1.0 and figures["macro_f1"] == 1.0


def test_an_abstention_is_a_miss_in_macro_f1_but_not_in_top_label_accuracy():
    rows = [[0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.6, 0.3, 0.1]]
    scored = _scored(rows, [True, False, False], [CLINIC, HELLO, PARK])
    figures = headline(scored)
    assert figures["top_acceptable"] == 1.0 and figures["abstained"] == round(1 / 3, 4)
    assert figures["macro_f1"] < figures["macro_f1_no_abstention"] == 1.0


def test_top_three_counts_any_acceptable_label():
    scored = _scored([[0.1, 0.3, 0.6]], [False], [PARK])
    assert headline(scored)["top3_acceptable"] == 1.0 and headline(scored)["top_acceptable"] == 0


def test_writing_styles_are_detected_from_the_text():
    assert styles_of(Example("學校門口的紅綠燈壞了", "transport")) >= {"traditional"}
    assert "pinyin" in styles_of(Example("xuexiao门口的红绿灯", "transport"))
    assert "english" in styles_of(
        Example("the park 太脏了，我们小区的公园真的太脏", "public_space")
    )
    assert "emoji" in styles_of(Example("红绿灯坏了🚦", "transport"))
    assert styles_of(Example("我们学校门口的红绿灯时间太短了，过马路很危险", "transport")) == {
        "plain"
    }


def test_noisy_copies_are_deterministic_and_keep_the_meaning_readable():
    text = "学校门口的红绿灯太短了，过马路很危险"
    for style in STYLES:
        assert noisy(text, style) == noisy(text, style) != text
    assert noisy(text, "traditional") == "學校門口的紅綠燈太短了，過馬路很危險"


def test_pinyin_noise_spells_words_the_normaliser_has_no_table_entry_for():
    """Otherwise the noisy-writing figures test the pinyin table against itself."""
    copy = noisy("我想要更多的漫画书和故事书", "pinyin")
    assert re.search("[a-z]{4,}", copy), copy


def test_topics_with_the_same_lead_agency_share_a_route():
    from classifier.routing import same_lead
    from models.plans.plan import load_plan

    same = same_lead(load_plan("hengyang"))
    assert same("schooling", "special_needs") and same("health", "mental_health")
    assert not same("schooling", "transport")
