"""Safeguarding safety net: a char n-gram + pinyin model for phrasings the lexicon lacks.

Trained with scikit-learn (`build_safeguard_pipeline`, imported there); served from its NumPy
export (`classifier.linear`), so screening a text never imports scikit-learn, SciPy or skops.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from classifier.linear import LinearModel, exported, load_linear
from classifier.model import ARTIFACTS, META_FILE, IncompatibleModel
from classifier.pinyin import syllable_text
from classifier.pinyin_reading import read_back
from classifier.safeguard_concepts import concept_view

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

SAFEGUARD_DIR = ARTIFACTS / "safeguard"
_SPACE_RE = re.compile(r"\s+")
_LATIN_RE = re.compile(r"[a-z]")


def prepare(norms: list[str]) -> np.ndarray:
    """Four views of normalised texts: characters without spaces, fuzzy pinyin syllables, the
    parts of harm the text holds (safeguard_concepts), and the characters once any pinyin is
    read back into characters (the same as the first view for a text without Latin letters).

    The fourth view is added beside the others, not in place of the first: a suggestion typed
    in pinyin is then read for what it says, not only for being pinyin, which most of the
    training lines in pinyin are disclosures; replacing the first view lost recall.
    """
    out = np.empty((len(norms), 4), dtype=object)
    for i, norm in enumerate(norms):
        chars = _SPACE_RE.sub("", norm)
        read = _SPACE_RE.sub("", read_back(norm)) if _LATIN_RE.search(norm) else chars
        out[i] = (chars, syllable_text(norm), concept_view(norm), read)
    return out


def build_safeguard_pipeline(C: float = 4.0, vocabularies: dict | None = None) -> Pipeline:
    """Unfitted urgent/not-urgent pipeline over prepared input; `vocabularies` (view name →
    terms) fixes each view's terms, as when a first fit has chosen the ones that matter."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    vocab = vocabularies or {}

    def counted(name: str, analyzer: str, top: int) -> TfidfVectorizer:
        """A view of 1..top-grams seen in two texts at least, log-scaled counts."""
        pattern = {"token_pattern": r"\S+"} if analyzer == "word" else {}
        return TfidfVectorizer(
            vocabulary=vocab.get(name),
            analyzer=analyzer,
            ngram_range=(1, top),
            sublinear_tf=True,
            lowercase=False,
            min_df=2,
            dtype=np.float32,
            **pattern,
        )

    chars, sounds = counted("chars", "char", 3), counted("pinyin", "word", 3)
    parts = TfidfVectorizer(
        vocabulary=vocab.get("parts"),
        analyzer="word",
        ngram_range=(1, 2),
        token_pattern=r"\S+",
        lowercase=False,
        binary=True,
        dtype=np.float32,
    )
    read = counted("read", "char", 2)  # pairs suffice beside the first view's triples
    features = ColumnTransformer(
        [("chars", chars, 0), ("pinyin", sounds, 1), ("parts", parts, 2), ("read", read, 3)],
        sparse_threshold=1.0,
    )
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    return Pipeline([("features", features), ("clf", clf)])


def weighty_terms(pipeline: Pipeline, min_weight: float) -> dict[str, list[str]]:
    """Per view, the terms whose weight in the fitted classifier is at least min_weight."""
    columns = pipeline.named_steps["features"]
    coef = np.abs(pipeline.named_steps["clf"].coef_[0])
    out, offset = {}, 0
    for name, vec, _ in columns.transformers_:
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        weights = coef[offset : offset + len(terms)]
        out[name] = [t for t, w in zip(terms, weights, strict=True) if w >= min_weight]
        offset += len(terms)
    return out


def forget_given_vocabularies(pipeline: Pipeline) -> Pipeline:
    """Drop the vocabularies given at construction once fitted: `vocabulary_` holds them, and
    persist writes that once, to vocab.json, instead of twice."""
    columns = pipeline.named_steps["features"]
    for _, vec, _ in columns.transformers + columns.transformers_:
        if hasattr(vec, "vocabulary"):
            vec.vocabulary = None
    return pipeline


class SafeguardModel:
    """A fitted urgent-text model and the probability above which a text is flagged."""

    def __init__(self, pipeline: Pipeline | LinearModel, threshold: float, metadata=None):
        """Wrap a fitted Pipeline (training) or its LinearModel export (serving); the positive
        class is True (urgent)."""
        self.pipeline = pipeline
        self.threshold = float(threshold)
        self.metadata = dict(metadata or {})

    def scores(self, norms: list[str]) -> np.ndarray:
        """Probability of 'urgent' for each normalised text."""
        column = list(self.pipeline.classes_).index(True)
        rows = prepare(norms)
        if isinstance(self.pipeline, LinearModel):
            return self.pipeline.predict_proba(list(rows))[:, column]
        from sklearn import config_context

        with config_context(assume_finite=True, skip_parameter_validation=True):
            return self.pipeline.predict_proba(rows)[:, column]

    def flags(self, norm: str) -> bool:
        """Whether one normalised text scores at or above the threshold."""
        return bool(self.scores([norm])[0] >= self.threshold)

    def save(self, directory: Path = SAFEGUARD_DIR) -> None:
        """Write the export, model.skops, vocab.json and metadata (with the files' SHA-256s)."""
        from classifier.export import export_pipeline
        from classifier.persist import dump_pipeline

        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            **self.metadata,
            "threshold": self.threshold,
            **export_pipeline(self.pipeline).save(directory),
            **dump_pipeline(self.pipeline, directory),
        }
        (directory / META_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )


def load_safeguard_model(directory: Path = SAFEGUARD_DIR) -> SafeguardModel | None:
    """Load the shipped safety net's export after checking its hashes; None when there is none."""
    meta_path = directory / META_FILE
    if not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text("utf-8"))
    if not exported(directory, meta):
        raise IncompatibleModel(f"{directory}: not exported; run `python -m classifier.export`")
    return SafeguardModel(load_linear(directory, meta), meta["threshold"], meta)
