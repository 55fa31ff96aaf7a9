"""The external-style council-report set (reported, never trained on) and the cross-writer slice."""

from collections import Counter

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from classifier.normalise import normalise
from classifier.topics import TOPIC_IDS
from training import report
from training.dataset import (
    CORPUS_DIR,
    NEAR_DUPLICATE_JACCARD,
    Example,
    load_corpus,
    load_examples,
)
from training.external import (
    EXTERNAL_FILE,
    cross_writer,
    evaluate_external,
    load_external,
    top_confusions,
)


def test_external_file_lives_outside_the_globbed_corpus_folder():
    assert EXTERNAL_FILE.exists()
    assert EXTERNAL_FILE.parent != CORPUS_DIR
    assert CORPUS_DIR not in EXTERNAL_FILE.parents


def test_external_texts_are_not_in_the_training_examples():
    external = {normalise(e.text) for e in load_external()}
    examples = load_examples()
    assert not external & {normalise(e.text) for e in examples}
    assert not any(e.source.startswith("external") for e in load_corpus())


def test_external_set_covers_every_topic_and_none():
    counts = Counter(e.topic for e in load_external())
    assert all(counts[topic] >= 15 for topic in TOPIC_IDS)
    assert counts["none"] >= 30
    assert 330 <= sum(counts.values()) <= 420


def _near_pairs(left: list[str], right: list[str], threshold: float) -> list[tuple[str, str]]:
    """Pairs (left, right) whose char-3-gram Jaccard is at least threshold."""
    vec = CountVectorizer(analyzer="char", ngram_range=(3, 3), binary=True, lowercase=False)
    x = vec.fit_transform([normalise(t) for t in left + right])
    a, b = x[: len(left)], x[len(left) :]
    inter = (a @ b.T).toarray()
    union = np.asarray(a.sum(1)) + np.asarray(b.sum(1)).T - inter
    rows, cols = np.nonzero(inter >= threshold * union)
    return [(left[i], right[j]) for i, j in zip(rows, cols, strict=True)]


def test_external_set_has_no_near_duplicate_of_the_corpus():
    """A hit means the sets overlap: rewrite the external text, never the corpus file."""
    external = [e.text for e in load_external()]
    corpus = [e.text for e in load_corpus()]
    assert _near_pairs(external, corpus, NEAR_DUPLICATE_JACCARD) == []


def test_evaluate_external_counts(small_model):
    examples = load_external()
    result = evaluate_external(small_model, examples)
    assert result["n"] == len(examples)
    assert result["support"] == dict(Counter(e.topic for e in examples))
    assert set(result["recall"]) >= set(TOPIC_IDS) | {"none"}
    assert sum(g["n"] for g in result["by_genre"].values()) == len(examples)
    assert {"titled", "reported", "minutes", "observer", "survey", "young"} <= set(
        result["by_genre"]
    )
    assert [r["abstain_rate"] for r in result["coverage_curve"]][:2] == [0.0, 0.05]
    assert result["at_threshold"]["threshold"] == small_model.threshold
    assert evaluate_external(small_model, []) is None


def test_top_confusions_skip_the_diagonal_and_sort():
    scores = {"confusion": {"labels": ["a", "b"], "matrix": [[5, 1], [3, 4]]}}
    assert top_confusions(scores) == [
        {"true": "b", "predicted": "a", "n": 3},
        {"true": "a", "predicted": "b", "n": 1},
    ]


def _ex(text: str, topic: str, source: str) -> Example:
    return Example(text, topic, (), source)


TEST = [
    _ex("学校门口的红绿灯坏了，过马路很危险", "transport", "writer2_transport"),
    _ex("公园的滑梯太烫了", "public_space", "writer2_public_space"),
    _ex("小区里的狗不牵绳", "community", "writer2_community"),
    _ex("作业太多了写不完", "schooling", "schooling"),
    _ex("图书馆周末关门太早", "culture_sports", "culture_sports"),
]


def test_cross_writer_scores_each_group(small_model):
    result = cross_writer(small_model, TEST, TEST)
    assert result["writer2"]["n"] == 3 and result["others"]["n"] == 2
    assert 0 <= result["writer2"]["accuracy"] <= 1


def test_cross_writer_is_absent_without_writer2_files(small_model):
    others = [e for e in TEST if not e.source.startswith("writer2_")]
    assert cross_writer(small_model, others, others) is None


def test_cross_writer_with_no_writer2_text_in_test(small_model):
    result = cross_writer(small_model, TEST[3:], TEST)
    assert result["writer2"] == {"n": 0, "macro_f1": None, "accuracy": None, "at_threshold": None}


def test_report_sections_show_the_counts(small_model):
    external = evaluate_external(small_model, load_external())
    text = "\n".join(
        report._external_section(external)
        + report._cross_writer_section(cross_writer(small_model, TEST, TEST))
    )
    assert f"## External-style set (training/data/external, n = {external['n']})" in text
    assert "| none |" in text and "### Accuracy against coverage (external)" in text
    assert "| writer2 | 3 |" in text and "| others | 2 |" in text
    assert report._external_section(None) == report._cross_writer_section(None) == []


@pytest.mark.filterwarnings("ignore:A single label was found")
def test_cross_writer_macro_f1_averages_the_groups_own_labels(small_model):
    same = [_ex("学校门口的红绿灯坏了，过马路很危险", "transport", "writer2_transport")] * 2
    result = cross_writer(small_model, same, same)["writer2"]
    assert result["macro_f1"] == result["accuracy"] in (0.0, 1.0)
