"""The real-world corpus written by corpus-b: well-formed lines, known labels, no reserved pages."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from classifier.topics import TOPIC_IDS

REPO = Path(__file__).resolve().parents[2]
CORPUS_FILE = REPO / "training" / "data" / "real" / "corpus_b.jsonl"
LABELS = set(TOPIC_IDS) | {"none"}
SOURCE_KINDS = {
    "council", "observer", "proposal", "little_mayor", "letter",
    "visit", "news", "school", "chat", "other",
}
FIELDS = {"text", "topic", "topics", "source_url", "source_kind", "source_date", "city", "writer"}


def _check_script() -> Path:
    """The shared exclusion check beside the repo root, else the workplace copy."""
    local = REPO.parent / "shared" / "eval-exclude" / "check.py"
    return local if local.exists() else Path("/work/shared/eval-exclude/check.py")


@pytest.fixture(scope="module")
def rows():
    lines = CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_line_is_an_object_with_the_fields(rows):
    assert rows
    for row in rows:
        assert FIELDS <= set(row), row
        assert isinstance(row["text"], str) and row["text"].strip()
        assert row["writer"] == "corpus-b"
        assert row["source_kind"] in SOURCE_KINDS
        assert row["source_url"].startswith(("http://", "https://"))


def test_labels_are_known_and_topics_start_with_the_topic(rows):
    for row in rows:
        assert row["topic"] in LABELS, row
        assert row["topics"][0] == row["topic"]
        assert set(row["topics"]) <= LABELS
        assert len(row["topics"]) == len(set(row["topics"])) <= 2


def test_no_exact_duplicate_texts(rows):
    texts = [row["text"] for row in rows]
    assert len(texts) == len(set(texts))


def test_no_source_page_is_reserved_for_evaluation():
    script = _check_script()
    assert script.exists(), "the eval-exclude check is missing"
    result = subprocess.run(
        [sys.executable, str(script), str(CORPUS_FILE)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout
