"""TopicClassifier: the last step of the topic pipeline, a plain scikit-learn estimator.

A balanced linear SVM with temperature-calibrated probabilities (scikit-learn's own
CalibratedClassifierCV) over the TF-IDF features. `threshold` and `none_ratio` are ordinary
parameters: `predict` returns the decided label (`none` whenever its probability is at least
`none_ratio` times the top one) and `confident` says whether that label's probability reaches
the threshold. With `none_gate_C` above 0 a balanced logistic regression of "not a suggestion"
is fitted on the same features and mixed into P(none) (`decision.with_none_gate`).
"""

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from classifier.decision import NONE_LABEL, decided, with_none_gate


class TopicClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated balanced linear SVM with an abstention threshold."""

    def __init__(
        self,
        C: float = 1.0,
        class_weight: str | None = "balanced",
        threshold: float = 0.0,
        none_ratio: float = 1.0,
        none_gate_C: float = 0.0,
        none_gate_mix: float = 0.5,
    ):
        """Store the parameters unchanged (scikit-learn's rule for get_params/set_params)."""
        self.C = C
        self.class_weight = class_weight
        self.threshold = threshold
        self.none_ratio = none_ratio
        self.none_gate_C = none_gate_C
        self.none_gate_mix = none_gate_mix

    def __setstate__(self, state):
        """Models saved before none_ratio or the gate existed: plain argmax, no gate."""
        super().__setstate__({"none_ratio": 1.0, "none_gate_C": 0.0, "none_gate_mix": 0.5, **state})

    def fit(self, X, y, sample_weight=None):
        """Fit the SVM and its temperature calibration (3 folds, one refitted model kept), and,
        when none_gate_C is set, a balanced logistic regression of "not a suggestion"."""
        svm = LinearSVC(C=self.C, class_weight=self.class_weight)
        self.calibrated_ = CalibratedClassifierCV(svm, method="temperature", cv=3, ensemble=False)
        self.calibrated_.fit(X, y, sample_weight=sample_weight)
        self.classes_ = self.calibrated_.classes_
        self.none_gate_ = None
        if self.none_gate_C and NONE_LABEL in self.classes_:
            gate = LogisticRegression(C=self.none_gate_C, class_weight="balanced", max_iter=3000)
            # Fitted in double precision, so its coefficients are float64 like the SVM's and the
            # exported arithmetic (classifier.linear) repeats its probabilities exactly.
            is_none = np.asarray(y) == NONE_LABEL
            self.none_gate_ = gate.fit(X.astype(np.float64), is_none, sample_weight=sample_weight)
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, columns in classes_ order."""
        check_is_fitted(self, "calibrated_")
        probs = self.calibrated_.predict_proba(X)
        if getattr(self, "none_gate_", None) is None:
            return probs
        gate = self.none_gate_.predict_proba(X)[:, 1]
        return with_none_gate(probs, list(self.classes_), gate, self.none_gate_mix)

    def predict(self, X) -> np.ndarray:
        """The decided label of each row (see `decided`)."""
        return self.classes_[decided(self.predict_proba(X), list(self.classes_), self.none_ratio)]

    def confident(self, X) -> np.ndarray:
        """Whether each row's decided label's probability reaches the threshold."""
        probs = self.predict_proba(X)
        chosen = decided(probs, list(self.classes_), self.none_ratio)
        return probs[np.arange(len(probs)), chosen] >= self.threshold
