"""TopicClassifier: the last step of the topic pipeline, a plain scikit-learn estimator.

It soft-votes a balanced logistic regression with Complement naive Bayes over the TF-IDF
features. `threshold` is an ordinary parameter: `predict` returns the top label and
`confident` says whether its probability reaches the threshold; nothing is set by mutation.
"""

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.utils.validation import check_is_fitted


class TopicClassifier(ClassifierMixin, BaseEstimator):
    """Balanced logistic regression, optionally blended with Complement NB, with a threshold."""

    def __init__(
        self,
        C: float = 8.0,
        class_weight: str | None = "balanced",
        nb_weight: float = 0.0,
        nb_alpha: float = 0.3,
        threshold: float = 0.0,
    ):
        """Store the parameters unchanged (scikit-learn's rule for get_params/set_params)."""
        self.C = C
        self.class_weight = class_weight
        self.nb_weight = nb_weight
        self.nb_alpha = nb_alpha
        self.threshold = threshold

    def fit(self, X, y, sample_weight=None):
        """Fit the linear model (and the NB model when nb_weight > 0) on TF-IDF rows."""
        self.linear_ = LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=3000
        ).fit(X, y, sample_weight=sample_weight)
        self.nb_ = (
            ComplementNB(alpha=self.nb_alpha).fit(X, y, sample_weight=sample_weight)
            if self.nb_weight > 0
            else None
        )
        self.classes_ = self.linear_.classes_
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, columns in classes_ order."""
        check_is_fitted(self, "linear_")
        proba = self.linear_.predict_proba(X)
        if self.nb_ is None:
            return proba
        return (1 - self.nb_weight) * proba + self.nb_weight * self.nb_.predict_proba(X)

    def predict(self, X) -> np.ndarray:
        """The most probable label of each row."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def confident(self, X) -> np.ndarray:
        """Whether each row's top probability reaches the threshold."""
        return self.predict_proba(X).max(axis=1) >= self.threshold
