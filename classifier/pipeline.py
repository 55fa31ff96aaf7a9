"""Feature preparation (outside the persisted model) and the unfitted scikit-learn pipeline."""

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import VotingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from classifier.normalise import normalise
from classifier.pinyin import text_syllables
from classifier.tokenize import tokenize

FEATURES_VERSION = 3  # bump whenever prepare() or the normalisation changes what a model sees
CHARS, WORDS, SYLLABLES, KEYWORDS = 0, 1, 2, 3
_DIGITS_RE = re.compile(r"\d+")
KEYWORD_FILE = Path(__file__).parent / "data" / "topic_keywords.txt"

DEFAULT_PARAMS: dict = {
    "clf": "svm+nb",
    "C": 1.0,
    "nb_alpha": 0.3,
    "char_min": 1,
    "char_max": 3,
    "word_max": 2,
    "word_weight": 0.6,
    "pinyin": 0.5,
    "pinyin_min": 2,
    "keywords": 0.15,
    "min_df": 2,
}


@lru_cache(maxsize=1)
def topic_keywords() -> list[tuple[str, str]]:
    """(word, topic) pairs from the curated keyword list: prior knowledge for unseen texts."""
    pairs = []
    for line in KEYWORD_FILE.read_text("utf-8").splitlines():
        if ":" in line and not line.startswith("#"):
            topic, words = line.split(":", 1)
            pairs.extend((word, topic.strip()) for word in words.split())
    return pairs


def keyword_tokens(norm: str) -> str:
    """One kw_<topic> token per curated keyword found in the normalised text."""
    return " ".join(f"kw_{topic}" for word, topic in topic_keywords() if word in norm)


def prepare_one(text: str) -> tuple[str, str, str, str]:
    """Turn raw text into the views the pipeline reads: characters, words, syllables, keywords."""
    norm = normalise(text)
    return (
        _DIGITS_RE.sub("0", norm),
        " ".join(tokenize(norm)),
        " ".join(text_syllables(norm)),
        keyword_tokens(norm),
    )


def prepare(texts: list[str]) -> np.ndarray:
    """Prepare many texts as an (n, 4) object array; jieba stays out of the saved model."""
    out = np.empty((len(texts), 4), dtype=object)
    for i, text in enumerate(texts):
        out[i] = prepare_one(text)
    return out


def _vectorizer(analyzer: str, max_n: int, min_df: int, min_n: int = 1) -> TfidfVectorizer:
    """Return a sublinear TF-IDF vectorizer that keeps one-character tokens."""
    return TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=(min_n, max_n),
        min_df=min_df,
        sublinear_tf=True,
        lowercase=False,
        token_pattern=r"\S+" if analyzer == "word" else None,
        dtype=np.float32,
    )


def _calibrated(base) -> CalibratedClassifierCV:
    """Sigmoid calibration on 5 folds, keeping one refitted model (not five) to stay small."""
    return CalibratedClassifierCV(base, method="sigmoid", cv=5, ensemble=False)


def _classifier(kind: str, C: float, nb_alpha: float):
    """A balanced linear model; 'svm+nb' soft-votes it with Complement NB for steadier scores."""
    linear = _calibrated(
        LinearSVC(C=C, class_weight="balanced")
        if kind.startswith("svm")
        else LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    )
    if not kind.endswith("+nb"):
        return linear
    nb = _calibrated(ComplementNB(alpha=nb_alpha))
    return VotingClassifier([("linear", linear), ("nb", nb)], voting="soft")


def build_pipeline(**params) -> Pipeline:
    """Build the unfitted topic pipeline from params (see DEFAULT_PARAMS) over prepared input."""
    p = {**DEFAULT_PARAMS, **params}
    views = [
        ("chars", _vectorizer("char", p["char_max"], p["min_df"], min_n=p["char_min"]), CHARS),
        ("words", _vectorizer("word", p["word_max"], p["min_df"]), WORDS),
    ]
    if p["pinyin"]:
        views.append(
            ("pinyin", _vectorizer("word", 2, p["min_df"], min_n=p["pinyin_min"]), SYLLABLES)
        )
    if p["keywords"]:
        views.append(("keywords", _vectorizer("word", 1, 1), KEYWORDS))
    weights = {
        "chars": 1.0,
        "words": p["word_weight"],
        "pinyin": float(p["pinyin"]),
        "keywords": p["keywords"],
    }
    features = ColumnTransformer(
        views,
        sparse_threshold=1.0,
        transformer_weights={name: weights[name] for name, _, _ in views},
    )
    return Pipeline([("features", features), ("clf", _classifier(p["clf"], p["C"], p["nb_alpha"]))])
