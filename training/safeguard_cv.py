"""Cross-validation by source group: an estimate of the net's recall on words it never read.

The train and dev splits of safeguarding_real.jsonl are cut into FOLDS by source group (one
event, its pages and near-duplicate texts always in one fold). For each fold the net is
retrained without it, its threshold set the way training sets it from ordinary texts alone
(corpus validation split, real corpora's dev part; no disclosure of the fold is used), and
the fold is read. The test split and the holdouts stay out, so they stay fit for a final reading.

The rules were written having read every line here, so "screen" recall (rules or net) is
optimistic; "net alone" is the honest figure for how the learnt part handles unseen events.
"""

import hashlib
from collections import defaultdict

import numpy as np

from classifier.normalise import normalise
from classifier.safeguard import net_view as screen_view
from classifier.safeguard import rule_hits, screen_form
from classifier.safeguard_model import prepare
from training.safeguard_real import STYLES, load_real, source_groups, split_real
from training.safeguard_train import (
    REAL_WEIGHT,
    choose_threshold,
    fit_net,
    ordinary_dev,
    ordinary_set,
)
from training.safeguard_train import screen_scores as fold_screen_scores

FOLDS = 5


def fold_of_cases(cases: list) -> list[int]:
    """Fold number per case: source groups dealt round-robin in a fixed hashed order."""
    groups = source_groups(cases)
    keyed = sorted(
        groups,
        key=lambda m: hashlib.sha256(
            "|".join(sorted({cases[i].event for i in m})).encode()
        ).hexdigest(),
    )
    folds = [0] * len(cases)
    for n, members in enumerate(keyed):
        for i in members:
            folds[i] = n % FOLDS
    return folds


def _fit(cases: list, base_texts: list[str], base_labels: list[bool], base_weights: list[float]):
    """The net fitted on the base texts plus the given real cases."""
    texts = base_texts + [c.text for c in cases]
    labels = np.array(base_labels + [c.urgent for c in cases])
    weights = np.array(base_weights + [REAL_WEIGHT] * len(cases))
    return fit_net(texts, labels, weights)


def _net_flags(pipeline, texts: list[str], threshold: float) -> list[bool]:
    """Whether the net alone flags each text (texts it skips count as not flagged)."""
    norms = [screen_form(normalise(t)) for t in texts]
    views = [screen_view(n) for n in norms]
    read = [i for i, v in enumerate(views) if v is not None]
    flags = [False] * len(texts)
    if read:
        scores = pipeline.predict_proba(prepare([views[i] for i in read]))[:, 1]
        for i, score in zip(read, scores, strict=True):
            flags[i] = bool(score >= threshold)
    return flags


def cross_validate() -> dict:
    """Recall per fold and overall, per kind and per style, net alone and whole screen."""
    real = split_real(load_real())
    cases = real["train"] + real["dev"]
    folds = fold_of_cases(cases)
    base_texts, base_labels, base_weights = ordinary_set()
    validation = ordinary_dev()
    rows = []
    for k in range(FOLDS):
        kept = [c for c, f in zip(cases, folds, strict=True) if f != k]
        held = [c for c, f in zip(cases, folds, strict=True) if f == k]
        pipeline = _fit(kept, base_texts, base_labels, base_weights)
        ordinary_scores = fold_screen_scores(pipeline, validation)
        threshold, _ = choose_threshold(np.array([]), np.array([], dtype=bool), ordinary_scores)
        net = _net_flags(pipeline, [c.text for c in held], threshold)
        rules = [bool(rule_hits(screen_form(normalise(c.text)))) for c in held]
        rows += [(c, n, r, k) for c, n, r in zip(held, net, rules, strict=True)]
    return _summarise(rows)


def _rate(flags: list[bool]) -> float | None:
    """Share of True, rounded; None for an empty slice."""
    return round(sum(flags) / len(flags), 4) if flags else None


def _block(rows: list) -> dict:
    """Recall (net alone, screen) on disclosures and false alarms on hard negatives."""
    pos = [(n, r) for c, n, r, _ in rows if c.urgent]
    neg = [(n, r) for c, n, r, _ in rows if not c.urgent]
    return {
        "n": len(rows),
        "n_disclosures": len(pos),
        "net_recall": _rate([n for n, _ in pos]),
        "screen_recall": _rate([n or r for n, r in pos]),
        "net_false_alarms": _rate([n for n, _ in neg]),
        "screen_false_alarms": _rate([n or r for n, r in neg]),
    }


def _summarise(rows: list) -> dict:
    """Overall, per fold, per kind and per style blocks, and the disclosures the net missed."""
    by: dict[str, dict[str, list]] = {"fold": defaultdict(list), "kind": defaultdict(list)}
    by["style"] = defaultdict(list)
    for row in rows:
        case = row[0]
        by["fold"][str(row[3])].append(row)
        by["kind"][case.kind].append(row)
        by["style"][case.style].append(row)
    styles = {s: _block(by["style"][s]) for s in STYLES if s in by["style"]}
    return {
        "folds": FOLDS,
        "overall": _block(rows),
        "by_fold": {k: _block(v) for k, v in sorted(by["fold"].items())},
        "by_kind": {k: _block(v) for k, v in sorted(by["kind"].items())},
        "by_style": styles,
        "screen_missed": [c.text for c, n, r, _ in rows if c.urgent and not (n or r)],
    }
