"""Train the safeguarding net on the tune half only; a false-alarm budget sets its threshold."""

from datetime import UTC, datetime

import numpy as np
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from classifier.normalise import normalise
from classifier.safeguard import BENIGN
from classifier.safeguard_model import SafeguardModel, build_safeguard_pipeline, prepare
from training.dataset import load_examples, split
from training.safeguard_data import SEED, load_cases, split_cases

# The lexicon already spends most of the false-alarm budget, so the net may add only a little:
# at most 1% of hard negatives and 0.5% of ordinary suggestions (out-of-fold, tune data only).
NET_BUDGET = {"hard": 0.01, "corpus": 0.005}


def training_set() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Tune-half cases plus the corpus train split as ordinary texts; also a mask of corpus rows."""
    tune, _ = split_cases(load_cases())
    corpus = split(load_examples())["train"]
    texts = [
        BENIGN.sub("，", normalise(t)) for t in [c.text for c in tune] + [e.text for e in corpus]
    ]
    labels = np.array([c.urgent for c in tune] + [False] * len(corpus))
    from_corpus = np.array([False] * len(tune) + [True] * len(corpus))
    return texts, labels, from_corpus


def choose_threshold(scores: np.ndarray, labels: np.ndarray, from_corpus: np.ndarray) -> float:
    """Lowest threshold where the net alone stays within NET_BUDGET on hard cases and corpus."""
    groups = {"hard": ~labels & ~from_corpus, "corpus": ~labels & from_corpus}
    for t in np.unique(np.round(scores, 3)):
        if all(
            (scores[g] >= t).mean() <= NET_BUDGET[name] for name, g in groups.items() if g.any()
        ):
            return float(t)
    return 1.0


def train_safeguard(save: bool = True) -> SafeguardModel:
    """Fit the safety net; its threshold comes from out-of-fold scores on the tune data only."""
    texts, labels, from_corpus = training_set()
    x = prepare(texts)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    oof = cross_val_predict(
        build_safeguard_pipeline(), x, labels, cv=folds, method="predict_proba"
    )[:, 1]
    threshold = choose_threshold(oof, labels, from_corpus)
    model = SafeguardModel(
        build_safeguard_pipeline().fit(x, labels),
        threshold,
        {
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "trained_on": "tune half of safeguarding.jsonl + corpus train split as ordinary texts",
            "n": len(texts),
            "n_urgent": int(labels.sum()),
            "net_budget": NET_BUDGET,
            "oof_recall_model_alone": round(float((oof[labels] >= threshold).mean()), 4),
        },
    )
    if save:
        model.save()
    return model
