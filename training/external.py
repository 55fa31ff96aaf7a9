"""Reported-only evaluations: the external-style council-report set and the cross-writer slice.

Nothing here feeds training, tuning or the threshold: train.py never imports this module, and
dataset.load_corpus only globs corpus/*.jsonl, so data/external/ is never read for training.
"""

from collections import Counter
from pathlib import Path

from classifier.model import TopicModel
from training.dataset import DATA_DIR, LABELS, Example, read_jsonl
from training.evaluate import evaluate_topics

EXTERNAL_FILE = DATA_DIR / "external" / "council_reports.jsonl"
WRITER_PREFIX = "writer2_"
TOP_CONFUSIONS = 10


def load_external(path: Path = EXTERNAL_FILE) -> list[Example]:
    """Read the external-style set; source is 'external/<genre>'. Missing file: empty list."""
    if not Path(path).exists():
        return []
    examples = []
    for row in read_jsonl(path):
        if row["topic"] not in LABELS:
            raise ValueError(f"{Path(path).name}: unknown topic {row['topic']!r}")
        genre = row.get("genre", "unknown")
        tags = tuple(row.get("tags", ()))
        examples.append(Example(row["text"], row["topic"], tags, f"external/{genre}"))
    return examples


def genre_of(example: Example) -> str:
    """The genre recorded in an external example's source ('external/titled' → 'titled')."""
    return example.source.split("/", 1)[1] if "/" in example.source else example.source


def top_confusions(scores: dict, limit: int = TOP_CONFUSIONS) -> list[dict]:
    """The most frequent (true → predicted) mistakes in a confusion matrix, largest first."""
    labels, matrix = scores["confusion"]["labels"], scores["confusion"]["matrix"]
    pairs = Counter(
        {
            (labels[i], labels[j]): count
            for i, row in enumerate(matrix)
            for j, count in enumerate(row)
            if i != j and count
        }
    )
    return [{"true": t, "predicted": p, "n": n} for (t, p), n in pairs.most_common(limit)]


def _by_genre(model: TopicModel, examples: list[Example]) -> dict:
    """Accuracy per genre (titled proposal, reported, minutes, observer, survey, young, none)."""
    out = {}
    for genre in sorted({genre_of(e) for e in examples}):
        subset = [e for e in examples if genre_of(e) == genre]
        out[genre] = {"n": len(subset), "accuracy": evaluate_topics(model, subset)["accuracy"]}
    return out


def evaluate_external(model: TopicModel, examples: list[Example]) -> dict | None:
    """Headline scores, per-topic recall, threshold coverage and curve on the external-style set."""
    if not examples:
        return None
    scores = evaluate_topics(model, examples)
    return {
        "n": scores["n"],
        "support": dict(Counter(e.topic for e in examples)),
        "macro_f1": scores["macro_f1"],
        "macro_f1_topics": scores["macro_f1_topics"],
        "accuracy": scores["accuracy"],
        "recall": {lab: v["recall"] for lab, v in scores["per_label"].items()},
        "at_threshold": scores["at_threshold"],
        "coverage_curve": scores["coverage_curve"],
        "by_genre": _by_genre(model, examples),
        "top_confusions": top_confusions(scores),
    }


def _headline(model: TopicModel, examples: list[Example]) -> dict:
    """n, macro-F1 over the group's true labels, accuracy, threshold figures (None when empty)."""
    if not examples:
        return {"n": 0, "macro_f1": None, "accuracy": None, "at_threshold": None}
    scores = evaluate_topics(model, examples)
    present = [v["f1"] for v in scores["per_label"].values() if v["support"]]
    return {
        "n": scores["n"],
        "macro_f1": round(sum(present) / len(present), 4),
        "accuracy": scores["accuracy"],
        "at_threshold": scores["at_threshold"],
    }


def cross_writer(model: TopicModel, test: list[Example], corpus: list[Example]) -> dict | None:
    """Test-split scores for the second writer's files vs the rest; None without such files."""
    if not any(e.source.startswith(WRITER_PREFIX) for e in corpus):
        return None
    mine = [e for e in test if e.source.startswith(WRITER_PREFIX)]
    rest = [e for e in test if not e.source.startswith(WRITER_PREFIX)]
    return {"writer2": _headline(model, mine), "others": _headline(model, rest)}
