"""Which label a probability row decides on: NumPy only, shared by training and serving."""

import numpy as np

NONE_LABEL = "none"


def decided(probs: np.ndarray, labels: list, none_ratio: float = 1.0) -> np.ndarray:
    """Column of each row's decided label: `none` when its probability is at least none_ratio
    times the row's top probability (the model is not confident the text is a suggestion),
    else the top label.

    none_ratio 1 is the plain argmax; below 1 a topic needs that margin over `none`.
    """
    probs = np.atleast_2d(probs)
    chosen = probs.argmax(axis=1)
    if NONE_LABEL not in labels or none_ratio >= 1.0:
        return chosen
    k = labels.index(NONE_LABEL)
    return np.where(probs[:, k] >= none_ratio * probs.max(axis=1), k, chosen)
