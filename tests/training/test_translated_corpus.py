"""Children's words from pages abroad (training/data/translated): a training-only source."""

import subprocess
import sys

import pytest

from tests.training.test_real_corpus_c import (
    FIELDS,
    KINDS,
    LABELS,
    REAL_DIR,
    _check_script,
    _page,
    _rows,
)
from training.dataset import TRANSLATED_DIR, load_translated
from training.train import load_sources

FILES = sorted(TRANSLATED_DIR.glob("*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_line_is_labelled_and_names_its_page(path):
    for row in _rows(path):
        assert set(row) == FIELDS, row
        assert row["text"].strip() and row["source_url"].startswith(("http://", "https://"))
        assert row["source_kind"] in KINDS
        assert row["topic"] == row["topics"][0] and set(row["topics"]) <= LABELS


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_page_or_text_is_shared_with_the_real_corpus(path):
    real = [row for p in sorted(REAL_DIR.glob("*.jsonl")) for row in _rows(p)]
    rows = _rows(path)
    assert {_page(r["source_url"]) for r in rows} & {_page(r["source_url"]) for r in real} == set()
    assert {r["text"] for r in rows} & {r["text"] for r in real} == set()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_line_comes_from_a_page_reserved_for_evaluation(path):
    script = _check_script()
    if script is None:
        pytest.skip("eval-exclude/check.py is not present on this machine")
    done = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_translated_words_are_trained_on_and_never_tested_on():
    """The reported figures are on Chinese children's words: abroad is a secondary source."""
    translated = {e.text for e in load_translated()}
    sources = load_sources()
    assert len(translated) > 250
    assert translated <= {e.text for e in sources.imitation}
    assert translated.isdisjoint({e.text for e in sources.train + sources.dev + sources.test})
