"""Training: the threshold from dev, two-label rows, and switching only to a model not worse."""

import json
from types import SimpleNamespace

import numpy as np
import pytest

from classifier import model as model_module
from training import train as train_module
from training.dataset import Example, load_examples, split

TINY_GRID = [{"C": 4.0, "words": 0.6, "pinyin": 0.5}]


def test_the_threshold_abstains_only_where_the_top_label_is_more_often_wrong():
    confidence = np.linspace(0, 1, 100)
    correct = np.array([False] * 4 + [True, False] * 2 + [True] * 92)
    threshold = train_module.choose_threshold(confidence, correct)
    abstained = correct[confidence < threshold]
    assert len(abstained) == 6 and abstained.mean() <= 0.5


def test_a_model_right_everywhere_never_abstains():
    confidence = np.linspace(0, 1, 100)
    assert train_module.choose_threshold(confidence, np.ones(100, dtype=bool)) == 0.0


def test_the_threshold_never_abstains_on_more_than_the_cap():
    confidence = np.linspace(0, 1, 100)
    threshold = train_module.choose_threshold(confidence, np.zeros(100, dtype=bool))
    assert (confidence < threshold).mean() <= train_module.MAX_ABSTAIN


def test_a_second_acceptable_label_is_trained_on_at_half_weight():
    both = Example(
        "公园里的厕所太脏了", "public_space", source="real", topics=("public_space", "health")
    )
    _, labels, weights = train_module.training_rows([both], real_weight=2.0)
    assert labels == ["public_space", "health"] and weights.tolist() == [2.0, 1.0]


def test_a_lighter_second_label_is_a_parameter_dev_can_choose():
    both = Example(
        "公园里的厕所太脏了", "public_space", source="real", topics=("public_space", "health")
    )
    _, _, weights = train_module.training_rows([both], real_weight=2.0, second_weight=0.25)
    assert weights.tolist() == [2.0, 0.5]


def _real(text: str, topic: str) -> Example:
    return Example(text, topic, source="real")


def test_real_priors_give_each_label_its_share_of_the_real_train_texts():
    """Imitation texts are spread evenly over the labels; real children mostly chat (`none`).

    With class_prior "real" the label totals follow the real texts (here 3 none : 1 legal),
    whatever the imitation corpus adds.
    """
    examples = [_real("你好呀", "none"), _real("哈哈哈", "none"), _real("在吗", "none")]
    examples += [_real("我想知道未成年人能不能打工", "legal")]
    examples += [Example(f"法律问题{i}", "legal") for i in range(6)]
    _, labels, weights = train_module.training_rows(examples, real_weight=1.0)
    scaled = train_module.real_prior_weights(examples, labels, weights)
    totals = {lab: scaled[np.array(labels) == lab].sum() for lab in ("none", "legal")}
    assert totals["none"] == pytest.approx(3 * totals["legal"])


def test_a_model_with_real_priors_says_none_more_often_on_doubtful_chat():
    """Doubtful short chat goes to `none` more often when the priors follow real children."""
    corpus = load_examples()
    real = [_real(e.text, e.topic) for e in corpus[::7] if e.topic == "none"]
    rows = corpus[::3] + real
    params = {"C": 1.0, "pinyin": 0.0, "real_weight": 1.0}
    balanced = train_module.fit_model(rows, params)
    prior = train_module.fit_model(rows, {**params, "class_prior": "real"})
    chat = ["今天好热啊", "我吃了冰淇淋", "周末去外婆家", "我的狗狗会握手", "下雨了"]
    none = balanced.labels.index("none")
    assert (prior.probabilities(chat)[:, none] > balanced.probabilities(chat)[:, none]).all()


def test_tuning_cross_validates_over_train_and_dev_without_splitting_a_page():
    """Every real train and dev text is held out once, and a page's texts stay in one fold."""
    corpus = [e for e in load_examples() if e.topic in ("transport", "schooling", "none")]
    real = [
        Example(e.text, e.topic, source="real", source_url=f"https://example.org/page{i // 2}")
        for i, e in enumerate(corpus[::40][:24])
    ]
    sources = train_module.Sources(
        real[:16], real[16:], [], [Example("小区里的篮球架生锈了想换新的", "community")]
    )
    folds = train_module.cv_folds(sources, n_folds=3)
    held = [e.text for _, part in folds for e in part]
    assert sorted(held) == sorted(e.text for e in real)
    for fit_on, part in folds:
        pages = {e.source_url for e in part}
        assert not pages & {e.source_url for e in fit_on}
        assert any(e.source != "real" for e in fit_on)


def test_a_heavier_none_weight_gives_doubtful_chat_no_topic_more_often():
    corpus = load_examples()[::6]
    params = {"C": 1.0, "pinyin": 0.0}
    plain = train_module.fit_model(corpus, params)
    heavy = train_module.fit_model(corpus, {**params, "none_weight": 4.0})
    chat = ["今天好热啊", "我吃了冰淇淋", "周末去外婆家", "我的狗狗会握手", "下雨了"]
    none = plain.labels.index("none")
    assert (heavy.probabilities(chat)[:, none] > plain.probabilities(chat)[:, none]).all()


def test_the_current_model_is_not_judged_on_texts_it_trained_on():
    seen = Example("学校门口的红绿灯时间太短了", "transport", source="real")
    fresh = Example("公园里的秋千坏了好久没人修", "public_space", source="real")
    current = SimpleNamespace(metadata={"real_seen": [train_module.text_key(seen.text)]})
    assert train_module.unseen_by(current, [seen, fresh]) == [fresh]
    assert train_module.unseen_by(SimpleNamespace(metadata={}), [seen, fresh]) == [seen, fresh]


@pytest.fixture
def artifacts(tmp_path, monkeypatch):
    """Send model files to a temporary folder and train on a subset of the imitation corpus."""
    monkeypatch.setattr(model_module, "ARTIFACTS", tmp_path)
    monkeypatch.setattr(model_module, "POINTER", tmp_path / "current.json")
    monkeypatch.setattr(train_module, "ARTIFACTS", tmp_path)
    monkeypatch.setattr(train_module, "CV_FOLDS", 2)
    parts = split(load_examples()[::4])
    sources = train_module.Sources(parts["train"], parts["validation"], parts["test"], [])
    monkeypatch.setattr(train_module, "load_sources", lambda corrections=None: sources)
    return tmp_path


@pytest.mark.slow
def test_first_model_becomes_current_with_metadata(artifacts):
    result = train_module.train(grid=TINY_GRID)
    assert result.switched
    meta = json.loads((artifacts / result.model.version / "model.json").read_text("utf-8"))
    assert meta["data_sha256"] and meta["model_sha256"] and meta["metrics"]["macro_f1"] > 0.5
    assert len(meta["real_seen"]) > 100  # what it trained on, for a fair comparison later
    assert model_module.load_current().version == result.model.version


@pytest.mark.slow
def test_a_worse_candidate_is_not_switched_in(artifacts, monkeypatch):
    first = train_module.train(grid=TINY_GRID)
    original = train_module.evaluate_topics

    def harsher(model, examples):
        metrics = original(model, examples)
        if model.version != first.model.version:
            metrics["macro_f1"] = 0.0
        return metrics

    monkeypatch.setattr(train_module, "evaluate_topics", harsher)
    monkeypatch.setattr(train_module, "metadata", lambda *a: {"version": "20990101-000000"})
    second = train_module.train(grid=TINY_GRID)
    assert not second.switched
    assert model_module.load_current().version == first.model.version


@pytest.mark.slow
def test_the_switch_is_decided_on_test_texts_the_current_model_never_saw(artifacts, monkeypatch):
    first = train_module.train(grid=TINY_GRID)
    test = train_module.load_sources().test
    seen = {train_module.text_key(e.text) for e in test[: len(test) // 3]}
    first.model.metadata["real_seen"] = sorted(seen)
    monkeypatch.setattr(train_module, "_usable_current", lambda: first.model)
    monkeypatch.setattr(train_module, "metadata", lambda *a: {"version": "20990101-000000"})
    second = train_module.train(grid=TINY_GRID)
    assert second.compared_on == sum(train_module.text_key(e.text) not in seen for e in test)
    assert 0 < second.compared_on < len(test)


def _scored(rows: list[list[float]], truths: list[str]):
    from training.evaluate import Scored

    examples = [Example(f"text {i}", t) for i, t in enumerate(truths)]
    probs = np.array(rows)
    return Scored(examples, ["none", "schooling"], probs, np.zeros(len(rows), dtype=bool))


def test_the_none_ratio_is_the_one_with_the_best_out_of_fold_macro_f1():
    # two diaries the argmax calls schooling with none close behind, and clear suggestions
    rows = [[0.45, 0.55], [0.42, 0.58]] + [[0.1, 0.9]] * 100 + [[0.9, 0.1]] * 100
    scored = _scored(rows, ["none", "none"] + ["schooling"] * 100 + ["none"] * 100)
    assert train_module.choose_none_ratio(scored) == 0.7  # the highest that gets both


def test_no_none_ratio_sends_more_texts_to_no_topic_than_the_cap_allows():
    # a fifth of the texts are doubtful diaries: calling them `none` would be right, but it
    # would move far more than NONE_EXTRA_CAP of everything to the coordinator at once
    rows = [[0.45, 0.55]] * 10 + [[0.1, 0.9]] * 30 + [[0.9, 0.1]] * 10
    scored = _scored(rows, ["none"] * 10 + ["schooling"] * 30 + ["none"] * 10)
    assert train_module.choose_none_ratio(scored) == 1.0
