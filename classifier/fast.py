"""Score one prepared text with a fitted pipeline's weights, without sklearn's per-call overhead.

scikit-learn validates inputs on every call (milliseconds per text through a ColumnTransformer,
a VotingClassifier and two calibrators); for one child's text that dwarfs the arithmetic. This
module reads the fitted vocabularies, idf vectors, weights and sigmoid calibrators and repeats
exactly the same computation on one sparse row. Tests check it against predict_proba.
"""

from collections import Counter

import numpy as np
from scipy.special import expit, softmax
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import VotingClassifier
from sklearn.pipeline import Pipeline


class _View:
    """One fitted TfidfVectorizer of the ColumnTransformer, placed at its column offset."""

    def __init__(self, vectorizer, column: int, offset: int, weight: float):
        """Copy what transform() uses: analyzer, vocabulary, idf and the view's weight."""
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary = vectorizer.vocabulary_
        self.idf = vectorizer.idf_
        self.sublinear = vectorizer.sublinear_tf
        self.column, self.offset, self.weight = column, offset, weight

    def row(self, doc: str) -> tuple[np.ndarray, np.ndarray]:
        """Feature indices and l2-normalised tf-idf values of one document."""
        counts = Counter(i for i in map(self.vocabulary.get, self.analyze(doc)) if i is not None)
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = ((1 + np.log(tf)) if self.sublinear else tf) * self.idf[idx]
        return idx + self.offset, values / np.linalg.norm(values) * self.weight


def _linear_scores(est, idx: np.ndarray, val: np.ndarray) -> np.ndarray:
    """The estimator's response on one row: decision function, or NB probabilities."""
    if hasattr(est, "feature_log_prob_"):
        jll = est.feature_log_prob_[:, idx] @ val
        if len(est.classes_) == 1:
            jll = jll + est.class_log_prior_
        return softmax(jll)
    decision = est.coef_[:, idx] @ val + est.intercept_
    return decision


def _calibrated(cal, idx: np.ndarray, val: np.ndarray, n_classes: int) -> np.ndarray:
    """One _CalibratedClassifier (sigmoid, one-vs-rest) on one row, normalised as sklearn does."""
    scores = np.atleast_1d(_linear_scores(cal.estimator, idx, val))
    proba = np.zeros(n_classes)
    for k, (score, calibrator) in enumerate(zip(scores, cal.calibrators, strict=False)):
        proba[k + (n_classes == 2)] = expit(-(calibrator.a_ * score + calibrator.b_))
    if n_classes == 2:
        proba[0] = 1.0 - proba[1]
        return proba
    total = proba.sum()
    return proba / total if total else np.full(n_classes, 1 / n_classes)


def _head_proba(head, idx: np.ndarray, val: np.ndarray) -> np.ndarray:
    """Probabilities of the pipeline's final step on one row."""
    if isinstance(head, VotingClassifier):
        return np.mean([_head_proba(est, idx, val) for est in head.estimators_], axis=0)
    if isinstance(head, CalibratedClassifierCV):
        n = len(head.classes_)
        return np.mean([_calibrated(c, idx, val, n) for c in head.calibrated_classifiers_], axis=0)
    decision = _linear_scores(head, idx, val)
    if len(head.classes_) == 2:
        p = expit(decision[0])
        return np.array([1 - p, p])
    return softmax(decision)


class FastScorer:
    """predict_proba for a single prepared row of a fitted features + linear-head pipeline."""

    def __init__(self, pipeline: Pipeline):
        """Read the fitted ColumnTransformer views and the classifier head."""
        features = pipeline[0]
        weights = features.transformer_weights or {}
        self.views, offset = [], 0
        for name, vectorizer, column in features.transformers_:
            if name == "remainder":
                continue
            self.views.append(_View(vectorizer, column, offset, weights.get(name, 1.0)))
            offset += len(vectorizer.vocabulary_)
        self.head = pipeline[-1]

    def proba(self, row) -> np.ndarray:
        """Class probabilities (pipeline.classes_ order) for one prepared row."""
        parts = [view.row(row[view.column]) for view in self.views]
        idx = np.concatenate([p[0] for p in parts])
        val = np.concatenate([p[1] for p in parts])
        return _head_proba(self.head, idx, val)
