"""TopicModel: a fitted topic pipeline, its abstention rule, saved and loaded safely with skops."""

import gc
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn import config_context
from sklearn.pipeline import Pipeline

from classifier.persist import dump_pipeline, load_pipeline
from classifier.pipeline import FEATURES_VERSION, prepare

log = logging.getLogger(__name__)

NONE_LABEL = "none"
FAST_BELOW = 32  # kept for the safeguarding model's import; batches below this are "single"
META_FILE = "model.json"
ARTIFACTS = Path(__file__).parent / "artifacts"
POINTER = ARTIFACTS / "current.json"

SameRoute = Callable[[str, str], bool]


class IncompatibleModel(RuntimeError):
    """Raised when a model was trained on features this code no longer prepares."""


@dataclass(frozen=True)
class Prediction:
    """One text's topic decision: topic None means the text goes to a person (triage)."""

    topic: str | None
    confidence: float
    abstain: bool
    not_suggestion: bool
    top: list[tuple[str, float]] = field(default_factory=list)


def route_confidence(labels: list[str], row: np.ndarray, same_route: SameRoute | None) -> float:
    """Probability that the top label's route is right: its own plus every topic sharing it.

    When the top two topics go to the same lead agency the route is not in doubt, so their
    probabilities add up; without a plan (same_route None) it is the top label's probability.
    """
    best = labels[int(row.argmax())]
    if same_route is None or best == NONE_LABEL:
        return float(row.max())
    return float(
        sum(
            p
            for label, p in zip(labels, row, strict=True)
            if label == best or (label != NONE_LABEL and same_route(best, label))
        )
    )


EMPTY = Prediction(topic=None, confidence=1.0, abstain=False, not_suggestion=True)


class TopicModel:
    """A fitted pipeline (its last step a TopicClassifier holding the threshold) and metadata."""

    def __init__(self, pipeline: Pipeline, metadata: dict | None = None):
        """Wrap a fitted pipeline whose final step has classes_ and a threshold parameter."""
        self.pipeline = pipeline
        self.metadata = dict(metadata or {})
        self.labels: list[str] = [str(c) for c in pipeline.classes_]

    @property
    def threshold(self) -> float:
        """The minimum route confidence to dispatch automatically (a pipeline parameter)."""
        return float(self.pipeline[-1].threshold)

    @property
    def version(self) -> str:
        """Return the model version recorded at training time."""
        return str(self.metadata.get("version", "unversioned"))

    def probabilities(self, texts: list) -> np.ndarray:
        """Class probabilities for raw or prepared texts, one row each, in self.labels order."""
        with config_context(assume_finite=True, skip_parameter_validation=True):
            return self.pipeline.predict_proba(list(texts))

    def decide(self, row: np.ndarray, same_route: SameRoute | None = None) -> Prediction:
        """Turn one probability row into a Prediction; abstain when the route is in doubt."""
        order = np.argsort(row)[::-1]
        best, confidence = self.labels[order[0]], float(row[order[0]])
        top = [
            (self.labels[i], round(float(row[i]), 4)) for i in order if self.labels[i] != NONE_LABEL
        ]
        sure = route_confidence(self.labels, row, same_route) >= self.threshold
        is_none = best == NONE_LABEL
        return Prediction(
            topic=best if sure and not is_none else None,
            confidence=round(confidence, 4),
            abstain=not sure,
            not_suggestion=is_none and sure,
            top=top[:3],
        )

    def predict_many(self, texts: list, same_route: SameRoute | None = None) -> list[Prediction]:
        """Predict many raw or prepared texts in one vectorised call.

        A text with no letter, digit or hanzi left ("。。。", "🙂") is not a suggestion,
        whatever the model would make of an empty row.
        """
        prepared = prepare(texts)
        rows = self.probabilities(prepared)
        return [
            self.decide(row, same_route) if p.has_words else EMPTY
            for p, row in zip(prepared, rows, strict=True)
        ]

    def predict(self, text, same_route: SameRoute | None = None) -> Prediction:
        """Predict one raw or prepared text."""
        return self.predict_many([text], same_route)[0]

    def save(self, directory: Path) -> Path:
        """Write model.skops and model.json (with the file's SHA-256) into directory."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            **self.metadata,
            "labels": self.labels,
            "threshold": self.threshold,
            "features_version": FEATURES_VERSION,
            **dump_pipeline(self.pipeline, directory),
        }
        (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")
        self.metadata = meta
        return directory

    @classmethod
    def load(cls, directory: Path) -> "TopicModel":
        """Load a saved model after checking its hash; only the listed sklearn types are trusted."""
        directory = Path(directory)
        meta = json.loads((directory / META_FILE).read_text("utf-8"))
        if meta.get("features_version") != FEATURES_VERSION:
            raise IncompatibleModel(
                f"{directory}: features v{meta.get('features_version')}, code v{FEATURES_VERSION}"
            )
        return cls(load_pipeline(directory, meta), meta)


def current_path() -> Path | None:
    """Return the directory of the shipped current model, or None when there is none."""
    if not POINTER.exists():
        return None
    pointer = json.loads(POINTER.read_text("utf-8"))
    path = ARTIFACTS / pointer["path"]
    return path if (path / META_FILE).exists() else None


def load_current() -> TopicModel | None:
    """Load the current model, or None when none is shipped or it is stale (all to triage)."""
    path = current_path()
    if path is None:
        return None
    try:
        model = TopicModel.load(path)
    except IncompatibleModel as exc:
        log.warning("not using the current topic model: %s; retrain with `tongsheng train`", exc)
        return None
    gc.freeze()  # the model lives as long as the process: keep full collections off its objects
    return model


def set_current(directory: Path) -> None:
    """Point current.json at a model directory inside the artifacts folder."""
    directory = Path(directory).resolve()
    rel = directory.relative_to(ARTIFACTS.resolve())
    meta = json.loads((directory / META_FILE).read_text("utf-8"))
    POINTER.write_text(
        json.dumps({"path": str(rel), "version": meta.get("version")}, indent=2) + "\n", "utf-8"
    )
