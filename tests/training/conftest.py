"""Share the classifier tests' small model with the training tests."""

from tests.classifier.conftest import corpus_split, small_model

__all__ = ["corpus_split", "small_model"]
