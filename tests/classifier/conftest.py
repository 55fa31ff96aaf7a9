"""A small topic model trained in seconds from a subset of the corpus, shared by the session."""

from collections import defaultdict

import pytest

from classifier.model import TopicModel
from classifier.pipeline import build_pipeline
from training.dataset import load_examples, split

PER_LABEL = 80


@pytest.fixture(scope="session")
def corpus_split():
    """The project's train/validation/test split of the labelled corpus."""
    return split(load_examples())


@pytest.fixture(scope="session")
def small_model(corpus_split) -> TopicModel:
    """A topic model fitted on up to PER_LABEL training texts per label (about 1,400 texts)."""
    by_label = defaultdict(list)
    for example in corpus_split["train"]:
        if len(by_label[example.topic]) < PER_LABEL:
            by_label[example.topic].append(example)
    examples = [e for group in by_label.values() for e in group]
    pipeline = build_pipeline().fit([e.text for e in examples], [e.topic for e in examples])
    pipeline.set_params(clf__threshold=0.35)
    return TopicModel(pipeline, metadata={"version": "test-small"})
