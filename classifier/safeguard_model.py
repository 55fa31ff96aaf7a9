"""Safeguarding safety net: a char n-gram + pinyin model for phrasings the lexicon lacks."""

import json
import re
from pathlib import Path

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from classifier.fast import FastScorer
from classifier.model import ARTIFACTS, FAST_BELOW, META_FILE
from classifier.persist import dump_pipeline, load_pipeline
from classifier.pinyin import text_syllables

SAFEGUARD_DIR = ARTIFACTS / "safeguard"
_SPACE_RE = re.compile(r"\s+")


def prepare(norms: list[str]) -> np.ndarray:
    """Two views of normalised texts: characters without spaces, and fuzzy pinyin syllables."""
    out = np.empty((len(norms), 2), dtype=object)
    for i, norm in enumerate(norms):
        out[i] = (_SPACE_RE.sub("", norm), " ".join(text_syllables(norm)))
    return out


def build_safeguard_pipeline(C: float = 4.0) -> Pipeline:
    """Unfitted urgent/not-urgent pipeline over prepared input."""
    chars = TfidfVectorizer(
        analyzer="char",
        ngram_range=(1, 3),
        sublinear_tf=True,
        lowercase=False,
        min_df=2,
        dtype=np.float32,
    )
    sounds = TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 3),
        token_pattern=r"\S+",
        sublinear_tf=True,
        lowercase=False,
        min_df=2,
        dtype=np.float32,
    )
    features = ColumnTransformer([("chars", chars, 0), ("pinyin", sounds, 1)], sparse_threshold=1.0)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    return Pipeline([("features", features), ("clf", clf)])


class SafeguardModel:
    """A fitted urgent-text model and the probability above which a text is flagged."""

    def __init__(self, pipeline: Pipeline, threshold: float, metadata: dict | None = None):
        """Wrap a fitted pipeline whose positive class is True (urgent)."""
        self.pipeline = pipeline
        self.threshold = float(threshold)
        self.metadata = dict(metadata or {})
        self.fast = FastScorer(pipeline)

    def scores(self, norms: list[str]) -> np.ndarray:
        """Probability of 'urgent' for each normalised text."""
        column = list(self.pipeline.classes_).index(True)
        rows = prepare(norms)
        if len(rows) < FAST_BELOW:
            return np.array([self.fast.proba(row)[column] for row in rows])
        return self.pipeline.predict_proba(rows)[:, column]

    def flags(self, norm: str) -> bool:
        """Whether one normalised text scores at or above the threshold."""
        return bool(self.scores([norm])[0] >= self.threshold)

    def save(self, directory: Path = SAFEGUARD_DIR) -> None:
        """Write the model and metadata (with its SHA-256)."""
        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            **self.metadata,
            "threshold": self.threshold,
            **dump_pipeline(self.pipeline, directory),
        }
        (directory / META_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )


def load_safeguard_model(directory: Path = SAFEGUARD_DIR) -> SafeguardModel | None:
    """Load the shipped safety net after checking its hash; None when there is none."""
    meta_path = directory / META_FILE
    if not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text("utf-8"))
    return SafeguardModel(load_pipeline(directory, meta), meta["threshold"], meta)
