"""Paraphrased duplicates are offered for merging: measured on pairs written from real
children's suggestions, against the character-only score that missed them."""

import subprocess
import sys
from pathlib import Path

import pytest

from classifier.model import load_current
from models.suggestions import similarity
from training import duplicates

CHECK = Path("/work/shared/eval-exclude/check.py")


@pytest.fixture(scope="module")
def result():
    model = load_current()
    if model is None:
        pytest.skip("no shipped topic model")
    return duplicates.evaluate(model)


def _at(rows, threshold):
    return next(row for row in rows if row["threshold"] == threshold)


def test_paraphrases_are_found_without_offering_different_wishes(result):
    now = _at(result["methods"]["classifier features (now)"], similarity.THRESHOLD)
    before = _at(result["methods"]["characters (before)"], similarity.THRESHOLD)
    assert now["precision"] >= 0.8 and now["recall"] >= 0.6, now
    assert now["recall"] >= before["recall"] + 0.5


def test_the_set_is_balanced_and_keeps_its_sources():
    pairs = duplicates.load_pairs()
    assert sum(p["same"] for p in pairs) >= 30 and sum(not p["same"] for p in pairs) >= 30
    assert all("source_url" in p and p["a"] != p["b"] for p in pairs)


@pytest.mark.skipif(not CHECK.exists(), reason="the shared eval-exclude check is not here")
def test_no_source_page_is_reserved_for_evaluation():
    done = subprocess.run([sys.executable, str(CHECK), str(duplicates.PAIRS)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
