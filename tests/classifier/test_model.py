"""Behavioural tests of the topic model, in Chinese, plus safe saving and loading."""

import copy
import json
import shutil

import pytest
import skops.io as sio

from classifier.linear import LinearIntegrityError
from classifier.model import TopicModel, load_current
from classifier.persist import load_pipeline, sha256_file

MINIMUM = [
    ("我妹妹两岁，想在小区旁边开个托儿所", "childcare"),
    ("作业太多了，每天写到十点", "schooling"),
    ("学校没有给坐轮椅的同学修坡道", "special_needs"),
    ("儿童医院挂号排队太久了", "health"),
    ("考试压力好大，想找心理老师聊聊", "mental_health"),
    ("图书馆周末能不能晚点关门", "culture_sports"),
    ("留守儿童周末没人陪，希望有人关心他们", "welfare"),
    ("希望儿童议事会的建议能有回复", "participation"),
    ("公园的滑梯坏了，秋千也太少", "public_space"),
    ("小区的儿童之家周末不开门", "community"),
    ("学校门口的红绿灯太短了，过马路好危险", "transport"),
    ("有同学在厕所欺负人，老师也不管", "safety"),
    ("同学天天玩手机游戏，沉迷了", "online"),
    ("校门口小卖部卖三无辣条", "consumer_safety"),
    ("爸爸妈妈下班回家只顾玩手机，不陪我", "family"),
    ("河里有好多垃圾，水很臭", "environment"),
    ("希望给我们上法律课，讲讲未成年人保护法", "legal"),
]


@pytest.mark.parametrize(("text", "topic"), MINIMUM)
def test_each_topic_is_recognised(small_model, text, topic):
    assert small_model.predict(text).top[0][0] == topic


@pytest.mark.parametrize("place", ["人民路", "解放路", "城南", "幸福里"])
def test_swapping_the_place_name_keeps_the_topic(small_model, place):
    assert small_model.predict(f"{place}小学门口的红绿灯坏了").top[0][0] == "transport"


@pytest.mark.parametrize(
    "variant",
    [
        "学校门口的红路灯坏了",
        "学校门口的hong lv deng坏了",
        "學校門口的紅綠燈壞了",
        "学校门口的红绿灯坏了🚦",
    ],
)
def test_typo_pinyin_traditional_and_emoji_variants_agree(small_model, variant):
    assert small_model.predict(variant).top[0][0] == "transport"


@pytest.mark.parametrize("text", ["你好呀", "哈哈哈", "测试", "你是机器人吗"])
def test_greetings_are_not_suggestions(small_model, text):
    prediction = small_model.predict(text)
    assert prediction.topic is None and prediction.not_suggestion


@pytest.mark.parametrize("text", ["asdfghjkl", "zxqv wpt", "。。。"])
def test_gibberish_gets_no_topic(small_model, text):
    assert small_model.predict(text).topic is None


def test_prediction_lists_three_topics_with_probabilities(small_model):
    top = small_model.predict("公园的厕所太脏了").top
    assert len(top) == 3 and all(0 <= p <= 1 for _, p in top)
    assert [p for _, p in top] == sorted((p for _, p in top), reverse=True)


def test_predict_many_matches_predict(small_model):
    texts = [text for text, _ in MINIMUM]
    assert small_model.predict_many(texts) == [small_model.predict(t) for t in texts]


def test_save_load_round_trip(small_model, tmp_path):
    small_model.save(tmp_path / "m")
    loaded = TopicModel.load(tmp_path / "m")
    assert loaded.threshold == small_model.threshold
    assert loaded.predict_many(["公园的滑梯坏了"]) == small_model.predict_many(["公园的滑梯坏了"])


@pytest.mark.parametrize("name", ["linear.json", "linear.npz"])
def test_tampered_model_file_is_refused(small_model, tmp_path, name):
    small_model.save(tmp_path / "m")
    with open(tmp_path / "m" / name, "ab") as f:
        f.write(b"tampered")
    with pytest.raises(LinearIntegrityError):
        TopicModel.load(tmp_path / "m")


def test_untrusted_types_are_refused_even_with_a_matching_hash(small_model, tmp_path):
    small_model.save(tmp_path / "m")
    sio.dump({"danger": shutil.rmtree}, tmp_path / "m" / "model.skops")
    meta_path = tmp_path / "m" / "model.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["model_sha256"] = sha256_file(tmp_path / "m" / "model.skops")
    meta_path.write_text(json.dumps(meta), "utf-8")
    with pytest.raises(Exception, match="Untrusted|untrusted"):
        load_pipeline(tmp_path / "m", meta)


def test_no_shipped_model_means_none(monkeypatch, tmp_path):
    monkeypatch.setattr("classifier.model.POINTER", tmp_path / "current.json")
    assert load_current() is None


def test_one_text_at_a_time_equals_the_batch(small_model):
    texts = [text for text, _ in MINIMUM] * 2
    batch = small_model.probabilities(texts)
    one_by_one = [small_model.probabilities([t])[0] for t in texts]
    assert abs(batch - one_by_one).max() < 1e-6


def test_the_pipeline_is_a_scikit_learn_estimator_with_the_threshold_as_a_parameter(small_model):
    params = small_model.pipeline.get_params()
    assert params["clf__threshold"] == 0.35 and "clf__C" in params
    probs = small_model.pipeline.predict_proba(["公园的滑梯坏了"])
    assert probs.shape == (1, len(small_model.labels)) and abs(probs.sum() - 1) < 1e-6


def test_raising_the_threshold_makes_the_model_abstain(small_model):
    clone = TopicModel(copy.deepcopy(small_model.pipeline))
    text = "希望多一些活动"
    assert not clone.predict(text).abstain or clone.threshold > 0
    clone.pipeline.set_params(clf__threshold=1.0)
    prediction = clone.predict(text)
    assert prediction.abstain and prediction.topic is None
    assert small_model.threshold == 0.35


def test_a_doubt_between_topics_with_the_same_lead_agency_does_not_abstain(small_model):
    clone = TopicModel(copy.deepcopy(small_model.pipeline))
    text = "公园和小区里的滑梯都坏了"
    row = clone.probabilities([text])[0]
    top_two = sorted(row)[-2:]
    clone.pipeline.set_params(clf__threshold=(top_two[1] + sum(top_two)) / 2)
    assert clone.predict(text).abstain
    assert not clone.predict(text, same_route=lambda a, b: True).abstain


def test_top_two_topics_with_one_lead_agency_are_dispatched_however_unsure(small_model):
    """Issue 14: a doubt between two topics one agency leads is no reason to call a clerk."""
    clone = TopicModel(copy.deepcopy(small_model.pipeline))
    text = "公园和小区里的滑梯都坏了"
    row = clone.probabilities([text])[0]
    first, second = (clone.labels[i] for i in row.argsort()[::-1][:2])
    clone.pipeline.set_params(clf__threshold=1.0)
    pair = {first, second}
    prediction = clone.predict(text, same_route=lambda a, b: {a, b} == pair)
    assert not prediction.abstain and prediction.topic == first
    assert clone.predict(text, same_route=lambda a, b: a == b).abstain


DIARY = "今天和爸爸去公园放风筝，风筝飞得好高"


def _with_none_ratio(model: TopicModel, text: str) -> tuple[TopicModel, float]:
    """A clone that needs more than the text's own margin over `none` to give it a topic."""
    clone = TopicModel(copy.deepcopy(model.pipeline))
    clone.pipeline.set_params(clf__threshold=0.0)
    row = clone.probabilities([text])[0]
    share = row[clone.labels.index("none")] / row.max()
    clone.pipeline.set_params(clf__none_ratio=share * 0.99)
    return clone, share


def test_a_topic_needs_a_margin_over_none_when_the_none_ratio_asks_for_one(small_model):
    """Issue 14: a diary the model is not sure is a suggestion gets no topic."""
    clone, share = _with_none_ratio(small_model, DIARY)
    assert 0 < share < 1  # a topic wins by argmax ...
    clone.pipeline.set_params(clf__none_ratio=1.0)
    assert clone.predict(DIARY).topic is not None
    clone.pipeline.set_params(clf__none_ratio=share * 0.99)  # ... but not by that margin
    prediction = clone.predict(DIARY)
    assert prediction.topic is None and prediction.not_suggestion
    assert clone.pipeline.predict([DIARY])[0] == "none"
    assert clone.predict("学校门口的红绿灯坏了").topic == "transport"


def test_the_none_ratio_survives_export_and_loading(small_model, tmp_path):
    clone, _ = _with_none_ratio(small_model, DIARY)
    clone.save(tmp_path / "m")
    loaded = TopicModel.load(tmp_path / "m")
    assert loaded.none_ratio == clone.none_ratio < 1
    assert loaded.predict(DIARY).topic is None


def test_a_none_gate_mixes_into_none_and_keeps_the_topics_proportions():
    import numpy as np

    from classifier.decision import with_none_gate

    probs = np.array([[0.6, 0.3, 0.1]])  # labels below: transport, none, schooling
    mixed = with_none_gate(probs, ["transport", "none", "schooling"], np.array([0.9]), 0.5)
    assert mixed[0, 1] == pytest.approx(0.5 * 0.9 + 0.5 * 0.3)
    assert mixed[0, 0] / mixed[0, 2] == pytest.approx(6.0)
    assert mixed.sum() == pytest.approx(1.0)
