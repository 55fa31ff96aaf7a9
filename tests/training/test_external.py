"""The external-style council-report set: reported, never trained or tuned on."""

from collections import Counter

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from classifier.normalise import normalise
from classifier.topics import TOPIC_IDS
from training import report
from training.dataset import (
    CORPUS_DIR,
    NEAR_DUPLICATE_JACCARD,
    load_corpus,
    load_examples,
)
from training.external import EXTERNAL_FILE, evaluate_external, load_external


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
    assert sum(g["n"] for g in result["by_genre"].values()) == len(examples)
    assert {"titled", "reported", "minutes", "observer", "survey", "young"} <= set(
        result["by_genre"]
    )
    assert 0 <= result["macro_f1"] <= 1 and 0 <= result["abstained"] <= 1
    assert evaluate_external(small_model, []) is None


def test_report_section_shows_the_counts(small_model):
    external = evaluate_external(small_model, load_external())
    text = "\n".join(report._external_section(external))
    assert f"## External-style set (training/data/external, n = {external['n']}" in text
    assert f"| all | {external['n']} |" in text and "| titled |" in text
    assert report._external_section(None) == []
