"""The third real corpus (corpus-c): well-formed, from new pages only, never a reserved page."""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from classifier.topics import TOPIC_IDS
from training.dataset import load_real
from training.splits import split_real

REPO = Path(__file__).resolve().parents[2]
REAL_DIR = REPO / "training" / "data" / "real"
CORPUS_FILE = REAL_DIR / "corpus_c.jsonl"
EARLIER = ("corpus_a.jsonl", "corpus_b.jsonl")
LABELS = set(TOPIC_IDS) | {"none"}
KINDS = {
    "council", "observer", "proposal", "little_mayor", "letter",
    "visit", "news", "school", "chat", "other",
}
FIELDS = {"text", "topic", "topics", "source_url", "source_kind", "source_date", "city", "writer"}
DATE = re.compile(r"^(\d{4}(-\d{2})?)?$")
MAX_LINES_PER_PAGE = 30


def _rows(path: Path = CORPUS_FILE) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _page(url: str) -> str:
    """A page address as the exclusion check compares it (scheme, www./m., slash dropped)."""
    url = re.sub(r"^https?://", "", url.strip().lower())
    return re.sub(r"^(www\.|m\.)", "", url).split("#")[0].rstrip("/")


def _check_script() -> Path | None:
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared", Path("/work/shared")):
        script = candidate / "eval-exclude" / "check.py"
        if script.exists():
            return script
    return None


def test_every_line_has_exactly_the_documented_fields():
    rows = _rows()
    assert len(rows) >= 100
    for row in rows:
        assert set(row) == FIELDS, row
        assert isinstance(row["text"], str) and row["text"].strip()
        assert row["source_url"].startswith(("http://", "https://"))
        assert row["source_kind"] in KINDS
        assert DATE.match(row["source_date"]), row["source_date"]
        assert isinstance(row["city"], str)
        assert row["writer"] == "corpus-c"


def test_labels_are_topic_ids_or_none_and_the_first_is_the_topic():
    for row in _rows():
        assert row["topic"] in LABELS, row
        assert 1 <= len(row["topics"]) <= 2
        assert row["topics"][0] == row["topic"]
        assert set(row["topics"]) <= LABELS
        assert len(set(row["topics"])) == len(row["topics"])


def test_no_new_text_appears_twice_or_in_an_earlier_file():
    texts = [row["text"] for row in _rows()]
    earlier = {row["text"] for name in EARLIER for row in _rows(REAL_DIR / name)}
    assert [text for text, n in Counter(texts).items() if n > 1] == []
    assert sorted(set(texts) & earlier) == []


def test_every_page_is_new_to_the_real_corpus():
    earlier = {_page(row["source_url"]) for name in EARLIER for row in _rows(REAL_DIR / name)}
    assert sorted({_page(r["source_url"]) for r in _rows()} & earlier) == []


def test_no_single_page_dominates():
    per_page = Counter(row["source_url"] for row in _rows())
    assert max(per_page.values()) <= MAX_LINES_PER_PAGE


def test_every_page_of_the_new_file_stays_in_one_split():
    split = split_real(load_real())
    where: dict[str, set[str]] = {}
    for part, examples in split.items():
        for example in examples:
            if example.source_url:
                where.setdefault(example.source_url, set()).add(part)
    urls = {row["source_url"] for row in _rows()}
    assert all(len(where[url]) == 1 for url in urls if url in where)
    assert urls <= set(where)


def test_no_line_comes_from_a_page_reserved_for_evaluation():
    script = _check_script()
    if script is None:
        pytest.skip("eval-exclude/check.py is not present on this machine")
    done = subprocess.run(
        [sys.executable, str(script), str(CORPUS_FILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout
