"""Train a topic model: tune on validation, refit on train+validation, judge on test, switch."""

import hashlib
import logging
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version as pkg_version

import numpy as np
from sklearn.metrics import f1_score

from classifier.model import ARTIFACTS, TopicModel, current_path, load_current, set_current
from classifier.persist import ModelIntegrityError, compact
from classifier.pipeline import DEFAULT_PARAMS, build_pipeline, prepare
from classifier.redact import redact
from classifier.tokenize import USERDICT
from training.dataset import Example, data_sha256, load_examples, split
from training.evaluate import evaluate_topics

log = logging.getLogger(__name__)

GRID: list[dict] = [
    {"clf": "svm+nb", "C": c, "word_weight": w, "pinyin": p, "keywords": 0.15, "min_df": 2}
    for c in (0.5, 1.0)
    for w in (0.4, 0.6)
    for p in (0.5, 1.0)
]
VERSION_RE = re.compile(r"\d{8}-\d{6}")
TARGET_ACCURACY = 0.97
MAX_ABSTAIN = 0.15


@dataclass
class TrainResult:
    """A candidate model with the split it was judged on and how it compares to the current one."""

    model: TopicModel
    test: list[Example]
    candidate_metrics: dict
    current_metrics: dict | None
    switched: bool
    path: str


def texts_and_labels(examples: list[Example]) -> tuple[list[str], list[str]]:
    """Return model inputs (redacted, as at serving time) and labels."""
    return [redact(e.text).text for e in examples], [e.topic for e in examples]


def tune(train: list[Example], validation: list[Example], grid: list[dict]) -> tuple[dict, float]:
    """Pick the params with the best validation macro-F1 (ties go to the earlier, simpler entry)."""
    x_tr, y_tr = texts_and_labels(train)
    x_va, y_va = texts_and_labels(validation)
    p_tr, p_va = prepare(x_tr), prepare(x_va)
    best, best_f1 = DEFAULT_PARAMS, -1.0
    for params in grid:
        pred = build_pipeline(**params).fit(p_tr, y_tr).predict(p_va)
        score = f1_score(y_va, pred, average="macro")
        if score > best_f1 + 1e-9:
            best, best_f1 = {**DEFAULT_PARAMS, **params}, score
    return best, best_f1


def choose_threshold(confidence: np.ndarray, correct: np.ndarray) -> float:
    """Lowest threshold whose covered items reach TARGET_ACCURACY, abstaining on ≤ MAX_ABSTAIN."""
    order = np.argsort(-confidence)
    conf, hits = confidence[order], correct[order].astype(float)
    accuracy = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    min_keep = int(np.ceil((1 - MAX_ABSTAIN) * len(conf)))
    ok = [k for k in range(len(conf)) if accuracy[k] >= TARGET_ACCURACY and k + 1 >= min_keep]
    keep = max(ok) if ok else min_keep - 1
    return float(conf[min(keep, len(conf) - 1)])


def fit_model(examples: list[Example], params: dict) -> TopicModel:
    """Fit a pipeline on examples and wrap it with a placeholder threshold."""
    x, y = texts_and_labels(examples)
    return TopicModel(compact(build_pipeline(**params).fit(prepare(x), y)), threshold=0.0)


def validation_threshold(train: list[Example], validation: list[Example], params: dict) -> float:
    """Fit on train, then choose the abstention threshold on validation predictions."""
    model = fit_model(train, params)
    x_va, y_va = texts_and_labels(validation)
    probs = model.probabilities(x_va)
    labels = np.array(model.labels)
    correct = labels[probs.argmax(axis=1)] == np.array(y_va)
    return choose_threshold(probs.max(axis=1), correct)


def metadata(examples: list[Example], params: dict, parts: dict) -> dict:
    """Provenance recorded next to the model: versions, data hash, params, split sizes."""
    return {
        "version": datetime.now(UTC).strftime("%Y%m%d-%H%M%S"),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": {
            p: pkg_version(p) for p in ("scikit-learn", "jieba", "skops", "numpy", "pypinyin")
        },
        "data_sha256": data_sha256(examples),
        "userdict_sha256": hashlib.sha256(USERDICT.read_bytes()).hexdigest(),
        "params": params,
        "split_sizes": {k: len(v) for k, v in parts.items()},
        "corrections": sum(e.source == "correction" for e in examples),
    }


def build_candidate(
    examples: list[Example], grid: list[dict] = GRID
) -> tuple[TopicModel, list[Example]]:
    """Tune, choose the threshold, refit on train+validation, score on the untouched test split."""
    parts = split(examples)
    params, val_f1 = tune(parts["train"], parts["validation"], grid)
    threshold = validation_threshold(parts["train"], parts["validation"], params)
    model = fit_model(parts["train"] + parts["validation"], params)
    model.threshold = threshold
    model.metadata = {**metadata(examples, params, parts), "validation_macro_f1": round(val_f1, 4)}
    model.metadata["metrics"] = evaluate_topics(model, parts["test"])
    return model, parts["test"]


def train(
    corrections: list[tuple[str, str]] | None = None, force: bool = False, grid: list[dict] = GRID
) -> TrainResult:
    """Train a candidate and make it current unless it is worse than the current model on test."""
    model, test = build_candidate(load_examples(corrections), grid)
    current = current_path()
    current_metrics = _current_metrics(test)
    cand_f1 = model.metadata["metrics"]["macro_f1"]
    better = current_metrics is None or cand_f1 >= current_metrics["macro_f1"]
    path = ARTIFACTS / model.version
    model.save(path)
    if better or force:
        set_current(path)
        _prune(keep={path.name, current.name if current else ""})
    return TrainResult(
        model, test, model.metadata["metrics"], current_metrics, better or force, str(path)
    )


def _current_metrics(test: list[Example]) -> dict | None:
    """Scores of the current model on the candidate's test split; None if there is no usable one."""
    try:
        current = load_current()
    except ModelIntegrityError as exc:
        log.warning("current model is unusable (%s); the candidate will replace it", exc)
        return None
    return evaluate_topics(current, test) if current else None


def _prune(keep: set[str]) -> None:
    """Delete topic model versions other than the new current one and the one it replaced."""
    for child in ARTIFACTS.iterdir():
        if child.is_dir() and VERSION_RE.fullmatch(child.name) and child.name not in keep:
            shutil.rmtree(child)
