"""Evaluate the topic model, the safeguarding screen and redaction on held-out data."""

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support

from classifier.decision import decided
from classifier.model import NONE_LABEL, SameRoute, TopicModel
from classifier.normalise import replace_emoji, to_simplified
from classifier.pinyin import split_syllables
from classifier.prepared import PreparedText
from classifier.redact import redact
from classifier.routing import lead_set, same_lead
from classifier.safeguard import is_urgent
from training import redaction_report
from training.dataset import DATA_DIR, LABELS, Example

ABSTAIN_RATES = (0.0, 0.02, 0.05, 0.08, 0.10, 0.15, 0.20, 0.30)
ABSTAINED = "(abstained)"
LEAD_PLAN = "hengyang"
PII_FILE = DATA_DIR / "pii_cases.jsonl"
_LATIN_RUN_RE = re.compile(r"[A-Za-z]{2,}")


def _r(x: float) -> float:
    """Round a metric for reports."""
    return round(float(x), 4)


def styles_of(example: Example) -> set[str]:
    """Writing styles seen in the raw text (plus its tags); 'plain' when none applies."""
    text = example.text
    compact = re.sub(r"\s", "", text)
    found = set(example.tags)
    latin = _LATIN_RUN_RE.findall(text.lower())
    if any(len(split_syllables(w) or []) >= 2 for w in latin):
        found.add("pinyin")
    if any(not split_syllables(w) for w in latin):
        found.add("english")
    if to_simplified(text) != text:
        found.add("traditional")
    if replace_emoji(text) != text:
        found.add("emoji")
    if len(compact) <= 12:
        found.add("short")
    elif len(compact) > 80:
        found.add("long")
    return found or {"plain"}


@dataclass
class Scored:
    """A model's answers on examples: probabilities, top labels and abstentions."""

    examples: list[Example]
    labels: list[str]
    probs: np.ndarray
    abstain: np.ndarray
    none_ratio: float = 1.0  # the model's rule for deciding `none` (1: plain argmax)

    @property
    def chosen(self) -> np.ndarray:
        """The column of each text's decided label."""
        return decided(self.probs, self.labels, self.none_ratio)

    @property
    def top(self) -> list[str]:
        """The decided label of each text (none included): the model's answer before abstaining."""
        return [self.labels[i] for i in self.chosen]

    @property
    def confidence(self) -> np.ndarray:
        """The probability of each text's decided label."""
        return self.probs[np.arange(len(self.probs)), self.chosen]

    @property
    def correct(self) -> np.ndarray:
        """Whether each top label is acceptable."""
        return np.array([t in e.acceptable for t, e in zip(self.top, self.examples, strict=True)])

    @property
    def truth(self) -> list[str]:
        """The label each text is scored against: the top label when acceptable, else the first."""
        return [
            t if ok else e.topic
            for t, ok, e in zip(self.top, self.correct, self.examples, strict=True)
        ]

    @property
    def answered(self) -> list[str]:
        """The top label, or ABSTAINED where the model sends the text to a person."""
        return [ABSTAINED if a else t for t, a in zip(self.top, self.abstain, strict=True)]

    def subset(self, idx: list[int]) -> "Scored":
        """The same answers for some of the examples."""
        return Scored(
            [self.examples[i] for i in idx],
            self.labels,
            self.probs[idx],
            self.abstain[idx],
            self.none_ratio,
        )


def score(
    model: TopicModel, examples: list[Example], same_route: SameRoute | None = None
) -> Scored:
    """Run the model on the redacted texts, as at serving time."""
    probs = model.probabilities([PreparedText(redact(e.text).text) for e in examples])
    abstain = np.array([model.decide(row, same_route).abstain for row in probs], dtype=bool)
    return Scored(examples, model.labels, probs, abstain, model.none_ratio)


def _macro_f1(truth: list[str], pred: list[str]) -> float:
    """Macro-F1 over the labels present in truth (a pred outside them is only a miss)."""
    labels = [lab for lab in LABELS if lab in set(truth)]
    return f1_score(truth, pred, labels=labels, average="macro", zero_division=0)


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


def headline(scored: Scored) -> dict:
    """The figures the issue asks for on one set of answers."""
    correct, kept = scored.correct, ~scored.abstain
    order = np.argsort(-scored.probs, axis=1)[:, :3]
    top3 = [
        ok or any(scored.labels[j] in e.acceptable for j in row)
        for row, ok, e in zip(order, correct, scored.examples, strict=True)
    ]
    return {
        "n": len(scored.examples),
        "top_acceptable": _r(correct.mean()),
        "top3_acceptable": _r(np.mean(top3)),
        "abstained": _r(scored.abstain.mean()),
        "triage_load": _r(
            np.mean([a or t == NONE_LABEL for a, t in zip(scored.abstain, scored.top, strict=True)])
        ),
        "accuracy_kept": _r(correct[kept].mean()) if kept.any() else None,
        "macro_f1": _r(_macro_f1(scored.truth, scored.answered)),
        "macro_f1_no_abstention": _r(_macro_f1(scored.truth, scored.top)),
    }


def _per_label(scored: Scored) -> dict:
    """Precision, recall and F1 per label, abstentions counted as misses."""
    truth, pred = scored.truth, scored.answered
    order = [lab for lab in LABELS if lab in set(truth) | set(pred)]
    p, r, f, s = precision_recall_fscore_support(truth, pred, labels=order, zero_division=0)
    return {
        lab: {"precision": _r(p[i]), "recall": _r(r[i]), "f1": _r(f[i]), "support": int(s[i])}
        for i, lab in enumerate(order)
    }


def _confusions(scored: Scored, limit: int = 12) -> list[dict]:
    """The commonest (true → top label) mistakes."""
    pairs = Counter(
        (t, p) for t, p, ok in zip(scored.truth, scored.top, scored.correct, strict=True) if not ok
    )
    return [{"true": t, "predicted": p, "n": n} for (t, p), n in pairs.most_common(limit)]


def _slices(scored: Scored, key) -> dict:
    """Headline figures per value of key(example) (a value or a set of values)."""
    groups: dict[str, list[int]] = {}
    for i, e in enumerate(scored.examples):
        values = key(e)
        for value in values if isinstance(values, set) else {values}:
            groups.setdefault(value or "unknown", []).append(i)
    return {name: headline(scored.subset(idx)) for name, idx in sorted(groups.items())}


def lead_agency(model: TopicModel, examples: list[Example], plan_id: str = LEAD_PLAN) -> dict:
    """Share of texts whose route in the plan names an acceptable lead agency.

    The model abstains as it would in that city (route-aware); abstentions go to the
    coordinator and count as misses; a non-suggestion is right when it gets no topic.
    """
    from models.plans.plan import load_plan

    plan = load_plan(plan_id)
    scored = score(model, examples, same_lead(plan))
    hits = []
    for top, abstain, e in zip(scored.top, scored.abstain, examples, strict=True):
        wanted = {lead_set(plan, t) for t in e.acceptable if t != NONE_LABEL}
        right_none = top == NONE_LABEL and NONE_LABEL in e.acceptable
        hits.append(
            not abstain and (right_none or (top != NONE_LABEL and lead_set(plan, top) in wanted))
        )
    return {
        "plan": plan_id,
        "acceptable": _r(np.mean(hits)),
        "abstained": _r(scored.abstain.mean()),
    }


def evaluate_topics(model: TopicModel, examples: list[Example]) -> dict:
    """Headline figures, per-label scores, confusions, coverage curve and slices on examples."""
    scored = score(model, examples)
    result = headline(scored)
    return {
        **result,
        "threshold": _r(model.threshold),
        "none_ratio": _r(model.none_ratio),
        "per_label": _per_label(scored),
        "confusions": _confusions(scored),
        "coverage_curve": coverage_curve(scored.confidence, scored.correct),
        "by_source_kind": _slices(scored, lambda e: e.source_kind or e.source),
        "by_style": _slices(scored, styles_of),
        "lead_agency": lead_agency(model, examples),
        "lead_agency_by_plan": lead_agency_by_plan(model, examples),
    }


def lead_agency_by_plan(model: TopicModel, examples: list[Example]) -> dict:
    """lead_agency for every shipped plan, by plan id."""
    from models.plans.plan import plan_ids

    return {plan_id: lead_agency(model, examples, plan_id) for plan_id in plan_ids()}


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
