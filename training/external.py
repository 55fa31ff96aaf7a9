"""Reported-only evaluation: the external-style council-report set written by the team.

Nothing here feeds training, tuning or the threshold: train.py never imports this module, and
dataset.load_corpus only globs corpus/*.jsonl, so data/external/ is never read for training.
"""

from pathlib import Path

from classifier.model import TopicModel
from training.dataset import DATA_DIR, LABELS, Example, read_jsonl
from training.evaluate import _confusions, _slices, headline, score

EXTERNAL_FILE = DATA_DIR / "external" / "council_reports.jsonl"


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


def evaluate_external(model: TopicModel, examples: list[Example]) -> dict | None:
    """Headline figures, figures per genre and the commonest confusions on the external set."""
    if not examples:
        return None
    scored = score(model, examples)
    return {
        **headline(scored),
        "by_genre": _slices(scored, genre_of),
        "confusions": _confusions(scored),
    }
