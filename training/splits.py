"""Honest splits of the real corpus: by source page, never by sentence.

Every text paraphrased from one page shares that page's split, near-duplicates are joined
to one group, and when one city holds a large share of the corpus its texts are grouped by
the site they came from (one programme's reports stay together), so the test split asks the
model about pages and programmes it has never seen.
"""

import re
from collections import Counter
from urllib.parse import urlsplit

from training.dataset import SEED, Example, _find, near_duplicate_groups, split

DOMINANT_CITY_SHARE = 0.2
REAL_PARTS = ("test", "dev")


def page_key(url: str) -> str:
    """A page address without scheme, www./m., fragment or trailing slash (as check.py does)."""
    url = re.sub(r"^https?://", "", (url or "").strip().lower())
    url = re.sub(r"^(www\.|m\.)", "", url)
    return url.split("#")[0].rstrip("/")


def _site(url: str) -> str:
    """The host of a page address."""
    return urlsplit(url if "//" in url else f"//{url}").netloc.lower().removeprefix("www.")


def _keys(example: Example, dominant: set[str]) -> list[str]:
    """The keys that tie a text to others: its page, and its city's site for a dominant city."""
    keys = [f"page:{page_key(example.source_url)}"] if example.source_url else []
    if example.city in dominant:
        keys.append(f"programme:{example.city}:{_site(example.source_url)}")
    return keys


def real_groups(examples: list[Example]) -> list[int]:
    """One group id per text: same page, same dominant programme or near-duplicate text."""
    parent = near_duplicate_groups([e.text for e in examples])
    cities = Counter(e.city for e in examples if e.city)
    dominant = {c for c, n in cities.items() if n > DOMINANT_CITY_SHARE * len(examples)}
    first: dict[str, int] = {}
    for i, example in enumerate(examples):
        for key in _keys(example, dominant):
            j = first.setdefault(key, i)
            parent[_find(parent, i)] = _find(parent, j)
    return [_find(parent, i) for i in range(len(examples))]


def split_real(examples: list[Example], seed: int = SEED) -> dict[str, list[Example]]:
    """Deterministic ~70/15/15 train / dev / test split of the real corpus by source group."""
    return split(examples, seed, real_groups(examples), REAL_PARTS)


def without_near_duplicates(training: list[Example], held: list[Example]) -> list[Example]:
    """Drop training texts that are near-duplicates of any held-out text."""
    groups = near_duplicate_groups([e.text for e in training + held])
    taken = set(groups[len(training) :])
    return [e for e, g in zip(training, groups, strict=False) if g not in taken]
