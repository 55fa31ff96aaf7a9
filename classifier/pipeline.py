"""Prepared text (normalised once, views computed on demand) and the unfitted topic pipeline.

A `PreparedText` is made once per text and shared: the topic model reads its character, word,
syllable and keyword views, and anything else (safeguarding, similarity) can read the same
normalised form without normalising again. The pipeline's first step turns raw strings or
prepared texts into those views, so `pipeline.predict_proba(["公园的滑梯坏了"])` just works.
"""

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from classifier.estimator import TopicClassifier
from classifier.prepared import FEATURES_VERSION, PreparedText, prepare

__all__ = ["FEATURES_VERSION", "PreparedText", "build_pipeline", "prepare", "text_views"]

DEFAULT_PARAMS: dict = {
    "C": 1.0,
    "char_max": 3,
    "words": 0.0,  # jieba words added nothing on the real dev split: off, and jieba never loads
    "pinyin": 0.5,
    "pinyin_max": 3,
    "keywords": 0.15,
    "min_df": 2,
    "max_features": 30000,  # per view: half the memory and file, the same on real dev
    "none_gate_C": 0.0,  # a separate not-a-suggestion model when above 0 (classifier.estimator)
    "none_gate_mix": 0.5,
    "read_pinyin": False,  # the character view reads pinyin back into characters (read_chars)
}


def text_views(texts, views: tuple[str, ...]) -> np.ndarray:
    """The pipeline's first step: an (n, len(views)) object array of the named views."""
    out = np.empty((len(texts), len(views)), dtype=object)
    for i, p in enumerate(prepare(texts)):
        out[i] = tuple(getattr(p, view) for view in views)
    return out


def _vectorizer(
    analyzer: str, ngrams: tuple[int, int], min_df: int, max_features: int | None = None
) -> TfidfVectorizer:
    """A sublinear TF-IDF vectorizer over one view that keeps one-character tokens."""
    return TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=ngrams,
        min_df=min_df,
        max_features=max_features,
        sublinear_tf=True,
        lowercase=False,
        token_pattern=r"\S+" if analyzer == "word" else None,
        dtype=np.float32,
    )


def _views(p: dict) -> list[tuple[str, TfidfVectorizer, float]]:
    """(view, vectorizer, weight) for every view with a weight; chars always count fully."""
    most = p["max_features"]
    first = "read_chars" if p["read_pinyin"] else "chars"
    views = [(first, _vectorizer("char", (1, p["char_max"]), p["min_df"], most), 1.0)]
    if p["words"]:
        views.append(("words", _vectorizer("word", (1, 2), p["min_df"], most), p["words"]))
    if p["pinyin"]:
        views.append(
            ("syllables", _vectorizer("word", (2, p["pinyin_max"]), p["min_df"], most), p["pinyin"])
        )
    if p["keywords"]:
        views.append(("keywords", _vectorizer("word", (1, 1), 1), p["keywords"]))
    return views


def build_pipeline(**params) -> Pipeline:
    """The unfitted topic pipeline over raw or prepared texts (see DEFAULT_PARAMS)."""
    p = {**DEFAULT_PARAMS, **params}
    views = _views(p)
    names = tuple(name for name, _, _ in views)
    features = ColumnTransformer(
        [(name, vec, i) for i, (name, vec, _) in enumerate(views)],
        sparse_threshold=1.0,
        transformer_weights={name: weight for name, _, weight in views},
    )
    return Pipeline(
        [
            ("views", FunctionTransformer(text_views, kw_args={"views": names})),
            ("features", features),
            (
                "clf",
                TopicClassifier(
                    C=p["C"], none_gate_C=p["none_gate_C"], none_gate_mix=p["none_gate_mix"]
                ),
            ),
        ]
    )
