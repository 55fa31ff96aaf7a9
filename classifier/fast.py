"""One prepared row through a fitted pipeline's own predict_proba, with validation switched off.

Kept for the safeguarding model's single-text call. It no longer re-computes anything from
fitted attributes: scikit-learn does the arithmetic, `config_context` skips the input and
parameter checks that dominate the cost of one short text.
"""

import numpy as np
from sklearn import config_context
from sklearn.pipeline import Pipeline


class FastScorer:
    """predict_proba for one prepared row of a fitted pipeline."""

    def __init__(self, pipeline: Pipeline):
        """Keep the pipeline; nothing of it is copied or changed."""
        self.pipeline = pipeline

    def proba(self, row) -> np.ndarray:
        """Class probabilities (pipeline.classes_ order) for one prepared row."""
        rows = np.empty((1, len(row)), dtype=object)
        rows[0] = tuple(row)
        with config_context(assume_finite=True, skip_parameter_validation=True):
            return self.pipeline.predict_proba(rows)[0]
