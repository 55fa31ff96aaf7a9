"""Evaluate the topic model, the safeguarding screen and redaction on held-out data."""

import json
import re
from pathlib import Path

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from classifier.model import NONE_LABEL, TopicModel
from classifier.redact import redact
from classifier.safeguard import is_urgent
from training import redaction_report
from training.dataset import DATA_DIR, LABELS, Example

ABSTAIN_RATES = (0.0, 0.05, 0.10, 0.15, 0.20, 0.30)
SLICE_TAGS = (
    "short",
    "long",
    "pinyin",
    "typo",
    "traditional",
    "emoji",
    "formal",
    "spoken",
    "english",
)
PII_FILE = DATA_DIR / "pii_cases.jsonl"


def _r(x: float) -> float:
    """Round a metric for reports."""
    return round(float(x), 4)


def tags_of(example: Example) -> set[str]:
    """Tags from the data plus short/long derived from length (≤ 8, > 80 characters)."""
    length = len(re.sub(r"\s", "", example.text))
    derived = {"short"} if length <= 8 else {"long"} if length > 80 else set()
    return set(example.tags) | derived


def coverage_curve(confidence: np.ndarray, correct: np.ndarray) -> list[dict]:
    """Accuracy on the texts kept when the least confident share is sent to a person."""
    order = np.argsort(-confidence)
    rows = []
    for rate in ABSTAIN_RATES:
        keep = order[: max(1, int(round(len(order) * (1 - rate))))]
        rows.append(
            {
                "abstain_rate": rate,
                "coverage": _r(len(keep) / len(order)),
                "accuracy": _r(correct[keep].mean()),
                "min_confidence": _r(confidence[keep].min()),
            }
        )
    return rows


def _slices(examples: list[Example], y: list[str], pred: list[str]) -> dict:
    """Accuracy and macro-F1 on each tag slice of the test split."""
    out = {}
    for tag in SLICE_TAGS:
        idx = [i for i, e in enumerate(examples) if tag in tags_of(e)]
        if idx:
            ys, ps = [y[i] for i in idx], [pred[i] for i in idx]
            out[tag] = {
                "n": len(idx),
                "accuracy": _r(accuracy_score(ys, ps)),
                "macro_f1": _r(f1_score(ys, ps, average="macro", zero_division=0)),
            }
    return out


def evaluate_topics(model: TopicModel, examples: list[Example]) -> dict:
    """Macro-F1, per-label scores, confusion matrix, coverage curve and slices on examples."""
    texts = [redact(e.text).text for e in examples]
    y = [e.topic for e in examples]
    probs = model.probabilities(texts)
    labels = np.array(model.labels)
    pred = list(labels[probs.argmax(axis=1)])
    confidence = probs.max(axis=1)
    correct = np.array(pred) == np.array(y)
    order = [lab for lab in LABELS if lab in set(y) | set(pred)]
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=order, zero_division=0)
    kept = confidence >= model.threshold
    topics = [lab for lab in order if lab != NONE_LABEL]
    return {
        "n": len(examples),
        "macro_f1": _r(f1_score(y, pred, labels=order, average="macro", zero_division=0)),
        "macro_f1_topics": _r(f1_score(y, pred, labels=topics, average="macro", zero_division=0)),
        "accuracy": _r(correct.mean()),
        "per_label": {
            lab: {"precision": _r(p[i]), "recall": _r(r[i]), "f1": _r(f[i]), "support": int(s[i])}
            for i, lab in enumerate(order)
        },
        "confusion": {"labels": order, "matrix": confusion_matrix(y, pred, labels=order).tolist()},
        "coverage_curve": coverage_curve(confidence, correct),
        "at_threshold": {
            "threshold": _r(model.threshold),
            "coverage": _r(kept.mean()),
            "accuracy": _r(correct[kept].mean()) if kept.any() else None,
        },
        "slices": _slices(examples, y, pred),
    }


def _rate(hits: list[bool]) -> float | None:
    """Share of True values, or None for an empty list."""
    return _r(sum(hits) / len(hits)) if hits else None


def evaluate_safeguarding(cases: list, ordinary: list[Example]) -> dict:
    """Urgent recall; false alarms on hard negatives, ordinary cases and corpus suggestions."""
    flagged = [is_urgent(c.text).urgent for c in cases]
    pos = [f for c, f in zip(cases, flagged, strict=False) if c.urgent]
    kinds = sorted({c.kind for c in cases})
    tags = sorted({t for c in cases for t in c.tags})
    return {
        "n_urgent": len(pos),
        "recall": _rate(pos),
        "false_alarm_rate": _rate(
            [f for c, f in zip(cases, flagged, strict=False) if not c.urgent]
        ),
        "by_kind": {
            k: {
                "n": sum(c.kind == k for c in cases),
                "flagged": _rate([f for c, f in zip(cases, flagged, strict=False) if c.kind == k]),
            }
            for k in kinds
        },
        "urgent_recall_by_tag": {
            t: _rate([f for c, f in zip(cases, flagged, strict=False) if c.urgent and t in c.tags])
            for t in tags
        },
        "missed": [c.text for c, f in zip(cases, flagged, strict=False) if c.urgent and not f],
        "false_alarms": [
            c.text for c, f in zip(cases, flagged, strict=False) if f and not c.urgent
        ],
        "corpus_false_alarm_rate": _rate([is_urgent(e.text).urgent for e in ordinary]),
        "corpus_n": len(ordinary),
    }


def evaluate_redaction(path: Path = PII_FILE) -> dict:
    """The labelled PII cases, kind by kind, and masking on the corpus (redaction_report)."""
    return redaction_report.evaluate(path)


def write_json(result: dict, path: Path) -> None:
    """Write a result as pretty UTF-8 JSON."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
