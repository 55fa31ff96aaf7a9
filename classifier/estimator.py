"""TopicClassifier: the last step of the topic pipeline, a plain scikit-learn estimator.

A balanced linear SVM with temperature-calibrated probabilities (scikit-learn's own
CalibratedClassifierCV) over the TF-IDF features. `threshold` and `none_ratio` are ordinary
parameters: `predict` returns the decided label (`none` whenever its probability is at least
`none_ratio` times the top one) and `confident` says whether that label's probability reaches
the threshold.
"""

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from classifier.decision import decided


class TopicClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated balanced linear SVM with an abstention threshold."""

    def __init__(
        self,
        C: float = 1.0,
        class_weight: str | None = "balanced",
        threshold: float = 0.0,
        none_ratio: float = 1.0,
    ):
        """Store the parameters unchanged (scikit-learn's rule for get_params/set_params)."""
        self.C = C
        self.class_weight = class_weight
        self.threshold = threshold
        self.none_ratio = none_ratio

    def __setstate__(self, state):
        """Models saved before none_ratio existed decide by the plain argmax."""
        super().__setstate__({"none_ratio": 1.0, **state})

    def fit(self, X, y, sample_weight=None):
        """Fit the SVM and its temperature calibration (3 folds, one refitted model kept)."""
        svm = LinearSVC(C=self.C, class_weight=self.class_weight)
        self.calibrated_ = CalibratedClassifierCV(svm, method="temperature", cv=3, ensemble=False)
        self.calibrated_.fit(X, y, sample_weight=sample_weight)
        self.classes_ = self.calibrated_.classes_
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, columns in classes_ order."""
        check_is_fitted(self, "calibrated_")
        return self.calibrated_.predict_proba(X)

    def predict(self, X) -> np.ndarray:
        """The decided label of each row (see `decided`)."""
        return self.classes_[decided(self.predict_proba(X), list(self.classes_), self.none_ratio)]

    def confident(self, X) -> np.ndarray:
        """Whether each row's decided label's probability reaches the threshold."""
        probs = self.predict_proba(X)
        chosen = decided(probs, list(self.classes_), self.none_ratio)
        return probs[np.arange(len(probs)), chosen] >= self.threshold
