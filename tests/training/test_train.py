"""Training: threshold choice on validation, and switching only to a model that is not worse."""

import json

import numpy as np
import pytest

from classifier import model as model_module
from training import train as train_module
from training.dataset import load_examples

TINY_GRID = [{"clf": "svm", "C": 0.5, "word_weight": 0.6, "pinyin": 0.5, "min_df": 2}]


def test_threshold_keeps_at_least_85_percent():
    confidence = np.linspace(1, 0, 100)
    correct = np.array([True] * 80 + [False, True] * 10)
    threshold = train_module.choose_threshold(confidence, correct)
    assert (confidence >= threshold).mean() >= 0.85


def test_threshold_stops_where_accuracy_reaches_target():
    confidence = np.linspace(1, 0, 100)
    correct = np.array([True] * 95 + [False] * 5)
    assert (confidence >= train_module.choose_threshold(confidence, correct)).sum() == 97


@pytest.fixture
def artifacts(tmp_path, monkeypatch):
    """Send model files to a temporary folder and train on a subset of the corpus."""
    monkeypatch.setattr(model_module, "ARTIFACTS", tmp_path)
    monkeypatch.setattr(model_module, "POINTER", tmp_path / "current.json")
    monkeypatch.setattr(train_module, "ARTIFACTS", tmp_path)
    subset = load_examples()[::3]
    monkeypatch.setattr(train_module, "load_examples", lambda corrections=None: subset)
    return tmp_path


@pytest.mark.slow
def test_first_model_becomes_current_with_metadata(artifacts):
    result = train_module.train(grid=TINY_GRID)
    assert result.switched
    meta = json.loads((artifacts / result.model.version / "model.json").read_text("utf-8"))
    assert meta["data_sha256"] and meta["model_sha256"] and meta["metrics"]["macro_f1"] > 0.5
    assert model_module.load_current().version == result.model.version


@pytest.mark.slow
def test_a_worse_candidate_is_not_switched_in(artifacts, monkeypatch):
    first = train_module.train(grid=TINY_GRID)
    original = train_module.evaluate_topics

    def harsher(model, examples):
        metrics = original(model, examples)
        if model.version != first.model.version:
            metrics["macro_f1"] = 0.0
        return metrics

    monkeypatch.setattr(train_module, "evaluate_topics", harsher)
    monkeypatch.setattr(train_module, "metadata", lambda *a: {"version": "20990101-000000"})
    second = train_module.train(grid=TINY_GRID)
    assert not second.switched
    assert model_module.load_current().version == first.model.version
