"""Load the labelled corpus (plus human corrections) and split it without near-duplicate leaks."""

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from classifier.model import NONE_LABEL
from classifier.normalise import normalise
from classifier.topics import TOPIC_IDS

DATA_DIR = Path(__file__).parent / "data"
CORPUS_DIR = DATA_DIR / "corpus"
REAL_DIR = DATA_DIR / "real"
# Children's words from pages abroad, put into Chinese: a secondary source, trained on only.
TRANSLATED_DIR = DATA_DIR / "translated"
LABELS: tuple[str, ...] = (*TOPIC_IDS, NONE_LABEL)
SPLITS = {"train": 0.70, "validation": 0.15, "test": 0.15}
SEED = 20240611
NEAR_DUPLICATE_JACCARD = 0.5


@dataclass(frozen=True)
class Example:
    """One labelled text; source says where it came from (corpus file, 'real', 'translated' or
    'correction').

    topics holds every acceptable label (one or two); topic is the first, the one trained on.
    Real texts also carry the page they were paraphrased from and its kind, city and writer.
    """

    text: str
    topic: str
    tags: tuple[str, ...] = field(default=())
    source: str = "corpus"
    topics: tuple[str, ...] = field(default=())
    source_url: str = ""
    source_kind: str = ""
    city: str = ""

    @property
    def acceptable(self) -> tuple[str, ...]:
        """The labels a prediction may give and still be right."""
        return self.topics or (self.topic,)


def read_jsonl(path: Path) -> list[dict]:
    """Read a JSON-lines file, skipping blank lines."""
    lines = Path(path).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_corpus(corpus_dir: Path = CORPUS_DIR) -> list[Example]:
    """Load every corpus/<topic>.jsonl file; unknown labels are an error, not a silent skip."""
    examples = []
    for path in sorted(Path(corpus_dir).glob("*.jsonl")):
        for row in read_jsonl(path):
            if row["topic"] not in LABELS:
                raise ValueError(f"{path.name}: unknown topic {row['topic']!r}")
            examples.append(
                Example(row["text"], row["topic"], tuple(row.get("tags", ())), path.stem)
            )
    return examples


def real_example(row: dict, name: str) -> Example:
    """One line of a real-corpus file; the acceptable topics must be known labels."""
    topics = tuple(row.get("topics") or (row["topic"],))
    if row["topic"] not in LABELS or any(t not in LABELS for t in topics):
        raise ValueError(f"{name}: unknown topic in {row['topic']!r} / {topics!r}")
    if row["topic"] not in topics:
        topics = (row["topic"], *topics)
    return Example(
        row["text"],
        row["topic"],
        tuple(row.get("tags", ())),
        "real",
        topics[:2],
        row.get("source_url", ""),
        row.get("source_kind", ""),
        row.get("city", ""),
    )


def load_real(real_dir: Path = REAL_DIR) -> list[Example]:
    """Every real children's suggestion (real/*.jsonl), exact duplicates dropped."""
    seen: set[str] = set()
    out = []
    for path in sorted(Path(real_dir).glob("*.jsonl")):
        for row in read_jsonl(path):
            example = real_example(row, path.name)
            key = normalise(example.text)
            if key and key not in seen:
                seen.add(key)
                out.append(example)
    return out


def load_translated(translated_dir: Path = TRANSLATED_DIR) -> list[Example]:
    """Children's suggestions from pages abroad, put into Chinese (translated/*.jsonl).

    Trained on, never tested on: the figures that count are on Chinese children's words, and
    a child in Leeds asks for other things in other words than a child in Hengyang.
    """
    return [
        replace(real_example(row, path.name), source="translated")
        for path in sorted(Path(translated_dir).glob("*.jsonl"))
        for row in read_jsonl(path)
    ]


def load_examples(corrections: list[tuple[str, str]] | None = None) -> list[Example]:
    """Load the corpus plus labelled corrections, dropping exact duplicates (first label wins)."""
    extra = [Example(text, topic, (), "correction") for text, topic in corrections or []]
    seen: set[str] = set()
    out = []
    for ex in load_corpus() + [e for e in extra if e.topic in LABELS]:
        key = normalise(ex.text)
        if key not in seen:
            seen.add(key)
            out.append(ex)
    return out


def data_sha256(examples: list[Example]) -> str:
    """Return a stable hash of the labelled data, recorded in model metadata."""
    digest = hashlib.sha256()
    for line in sorted(f"{e.topic}\t{e.text}" for e in examples):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _find(parent: list[int], i: int) -> int:
    """Union-find root with path halving."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def near_duplicate_groups(texts: list[str], threshold: float = NEAR_DUPLICATE_JACCARD) -> list[int]:
    """Group ids such that texts whose char-3-gram Jaccard ≥ threshold share a group."""
    docs = [normalise(t) or "∅" for t in texts]
    vec = CountVectorizer(analyzer="char", ngram_range=(3, 3), binary=True, lowercase=False)
    short = [d if len(d) >= 3 else f"{d}¶¶" for d in docs]
    x = vec.fit_transform(short).astype(np.int32)
    sizes = np.asarray(x.sum(axis=1)).ravel()
    inter = (x @ x.T).tocoo()
    parent = list(range(len(texts)))
    for i, j, v in zip(inter.row, inter.col, inter.data, strict=False):
        if i < j and v / (sizes[i] + sizes[j] - v) >= threshold:
            parent[_find(parent, i)] = _find(parent, j)
    return [_find(parent, i) for i in range(len(texts))]


def _rank(text: str, seed: int) -> str:
    """Salted hash that orders groups: stable as data grows, so splits barely move."""
    return hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()


def split(
    examples: list[Example],
    seed: int = SEED,
    group_ids: list[int] | None = None,
    held_out: tuple[str, str] = ("test", "validation"),
) -> dict[str, list[Example]]:
    """Stratified group split ~70/15/15 into train and the two held-out parts.

    Texts sharing a group id always land in the same part; by default the groups are the
    near-duplicates. held_out names the test part first, then the tuning part.
    """
    groups: dict[int, list[int]] = defaultdict(list)
    ids = group_ids if group_ids is not None else near_duplicate_groups([e.text for e in examples])
    for i, g in enumerate(ids):
        groups[g].append(i)
    by_topic: dict[str, list[list[int]]] = defaultdict(list)
    for members in groups.values():
        topic = Counter(examples[i].topic for i in members).most_common(1)[0][0]
        by_topic[topic].append(members)
    out: dict[str, list[Example]] = {name: [] for name in ("train", *held_out)}
    for topic in sorted(by_topic):
        ordered = sorted(
            by_topic[topic], key=lambda m: _rank(min(examples[i].text for i in m), seed)
        )
        _assign(ordered, examples, out, held_out)
    return out


def _assign(
    ordered: list[list[int]], examples: list[Example], out: dict, held_out: tuple[str, str]
) -> None:
    """Fill the test part, then the tuning part, then train from one topic's ordered groups."""
    total = sum(len(m) for m in ordered)
    quota = {held_out[0]: SPLITS["test"] * total, held_out[1]: SPLITS["validation"] * total}
    filled = dict.fromkeys(held_out, 0)
    for members in ordered:
        name = next((n for n in held_out if filled[n] + len(members) / 2 <= quota[n]), "train")
        filled[name] = filled.get(name, 0) + len(members)
        out[name].extend(examples[i] for i in members)
