"""The safeguarding evaluation set: a fixed 50/50 tune/held-out split, stratified by kind."""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from training.dataset import DATA_DIR, near_duplicate_groups, read_jsonl

SAFEGUARDING_FILE = DATA_DIR / "safeguarding.jsonl"
SEED = 12355


@dataclass(frozen=True)
class Case:
    """One safeguarding example: urgent or not, its kind (or hard_negative/ordinary) and tags."""

    text: str
    urgent: bool
    kind: str
    tags: tuple[str, ...] = ()


def load_cases() -> list[Case]:
    """Read training/data/safeguarding.jsonl."""
    return [
        Case(r["text"], bool(r["urgent"]), r.get("kind", ""), tuple(r.get("tags", ())))
        for r in read_jsonl(SAFEGUARDING_FILE)
    ]


def _rank(text: str) -> str:
    """Salted hash ordering, so the split is fixed and stable as the file grows."""
    return hashlib.sha256(f"{SEED}:{text}".encode()).hexdigest()


def split_cases(cases: list[Case]) -> tuple[list[Case], list[Case]]:
    """Split 50/50 by kind, near-duplicates on one side; tune on the first, report the second."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(near_duplicate_groups([c.text for c in cases])):
        groups[g].append(i)
    by_kind: dict[str, list[list[int]]] = defaultdict(list)
    for members in groups.values():
        by_kind[Counter(cases[i].kind for i in members).most_common(1)[0][0]].append(members)
    tune: list[Case] = []
    held: list[Case] = []
    for kind in sorted(by_kind):
        for members in sorted(by_kind[kind], key=lambda m: _rank(min(cases[i].text for i in m))):
            side = (
                tune
                if sum(c.kind == kind for c in tune) <= sum(c.kind == kind for c in held)
                else held
            )
            side.extend(cases[i] for i in members)
    return tune, held
