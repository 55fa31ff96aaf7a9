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


def with_none_gate(probs: np.ndarray, labels: list, gate: np.ndarray, mix: float) -> np.ndarray:
    """Probabilities whose `none` column mixes in a separate not-a-suggestion model's answer.

    `gate` holds that model's P(not a suggestion) per row; `none` becomes mix × gate + (1 - mix)
    × the topic model's own P(none), and the topics share the rest in their own proportions. The
    topic model learns `none` as one class among eighteen; diaries, questions and thanks have
    little in common, and a model that only asks "does this text ask for anything?" tells them
    apart better (issue 14: grouped CV, training/train.py).
    """
    probs = np.atleast_2d(probs)
    k = labels.index(NONE_LABEL)
    none = mix * gate + (1.0 - mix) * probs[:, k]
    topics = np.delete(probs, k, axis=1)
    topics = topics / np.maximum(topics.sum(axis=1, keepdims=True), 1e-12)
    return np.insert(topics * (1.0 - none)[:, None], k, none, axis=1)
