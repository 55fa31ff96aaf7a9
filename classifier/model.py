"""TopicModel: a fitted topic pipeline and its abstention rule.

Training holds a scikit-learn Pipeline; `save` writes it with skops (for inspection and the
export test) and exports its arithmetic to plain files (`classifier.linear`). `load` reads the
export only, so serving needs NumPy alone: scikit-learn, SciPy and skops are never imported.
"""

import gc
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import numpy as np

from classifier.decision import NONE_LABEL, decided
from classifier.linear import LinearModel, exported, load_linear
from classifier.prepared import FEATURES_VERSION, prepare

log = logging.getLogger(__name__)
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
    """A fitted model and metadata: a scikit-learn Pipeline (its last step a TopicClassifier
    holding the threshold) while training, its exported LinearModel when loaded."""

    def __init__(self, pipeline, metadata: dict | None = None):
        """Wrap a fitted Pipeline or LinearModel; both have classes_ and a threshold."""
        self.pipeline = pipeline
        self.metadata = dict(metadata or {})
        self.labels: list[str] = [str(c) for c in pipeline.classes_]

    @property
    def _last(self):
        """The step holding the decision parameters: the export itself, or the estimator."""
        return self.pipeline if isinstance(self.pipeline, LinearModel) else self.pipeline[-1]

    @property
    def threshold(self) -> float:
        """The minimum route confidence to dispatch automatically (a pipeline parameter)."""
        return float(self._last.threshold)

    @property
    def none_ratio(self) -> float:
        """`none` wins when its probability is at least this share of the top one (1: argmax)."""
        return float(getattr(self._last, "none_ratio", 1.0))

    def chosen(self, probs: np.ndarray) -> np.ndarray:
        """The decided label's column for each probability row (see `decision.decided`)."""
        return decided(probs, self.labels, self.none_ratio)

    @property
    def version(self) -> str:
        """Return the model version recorded at training time."""
        return str(self.metadata.get("version", "unversioned"))

    def _view_rows(self, texts: list) -> list[list[str]]:
        """Each text's views (PreparedText attributes) in the order the export reads them."""
        views = self.pipeline.view_names
        return [[getattr(p, view) for view in views] for p in prepare(texts)]

    def probabilities(self, texts: list) -> np.ndarray:
        """Class probabilities for raw or prepared texts, one row each, in self.labels order."""
        if isinstance(self.pipeline, LinearModel):
            return self.pipeline.predict_proba(self._view_rows(texts))
        from sklearn import config_context

        with config_context(assume_finite=True, skip_parameter_validation=True):
            return self.pipeline.predict_proba(list(texts))

    def features(self, texts: list) -> np.ndarray:
        """The weighted TF-IDF features the last step reads, dense, one row per text."""
        if isinstance(self.pipeline, LinearModel):
            return self.pipeline.features(self._view_rows(texts))
        return self.pipeline[:-1].transform(prepare(texts)).toarray()

    def decide(self, row: np.ndarray, same_route: SameRoute | None = None) -> Prediction:
        """Turn one probability row into a Prediction; abstain only when the route is in doubt.

        When the top two topics go to the same lead agency the route is not in doubt: dispatch.
        Otherwise abstain when the route's confidence is below the threshold, the point below
        which the real development split's top labels are more often wrong than right. The text
        is no suggestion when `none` is decided (`chosen`: its probability reaches none_ratio
        times the top one) with at least the threshold's confidence.
        """
        return self._decide(row, int(self.chosen(row)[0]), np.argsort(row)[::-1], same_route)

    def _decide(
        self, row: np.ndarray, pick: int, order: np.ndarray, same_route: SameRoute | None
    ) -> Prediction:
        """`decide` given the row's decided column and its columns by falling probability."""
        values, order = row.tolist(), order.tolist()
        best, confidence = self.labels[pick], values[pick]
        top = islice(
            ((self.labels[i], round(values[i], 4)) for i in order if self.labels[i] != NONE_LABEL),
            3,
        )
        is_none = best == NONE_LABEL
        runner_up = self.labels[order[1]] if len(order) > 1 else NONE_LABEL
        same_two = (
            same_route is not None
            and not is_none
            and runner_up != NONE_LABEL
            and same_route(best, runner_up)
        )
        route = confidence if is_none else route_confidence(self.labels, row, same_route)
        sure = same_two or route >= self.threshold
        return Prediction(
            topic=best if sure and not is_none else None,
            confidence=round(confidence, 4),
            abstain=not sure,
            not_suggestion=is_none and sure,
            top=list(top),
        )

    def predict_many(self, texts: list, same_route: SameRoute | None = None) -> list[Prediction]:
        """Predict many raw or prepared texts in one vectorised call.

        A text with no letter, digit or hanzi left ("。。。", "🙂") is not a suggestion,
        whatever the model would make of an empty row. Each row's decided column and its
        columns by falling probability are found for all rows at once, as `decide` finds them.
        """
        prepared = prepare(texts)
        rows = self.probabilities(prepared)
        picks, orders = self.chosen(rows).tolist(), np.argsort(rows, axis=1)[:, ::-1]
        return [
            self._decide(row, pick, order, same_route) if p.has_words else EMPTY
            for p, row, pick, order in zip(prepared, rows, picks, orders, strict=True)
        ]

    def predict(self, text, same_route: SameRoute | None = None) -> Prediction:
        """Predict one raw or prepared text."""
        return self.predict_many([text], same_route)[0]

    def save(self, directory: Path) -> Path:
        """Write the export (linear.json, linear.npz), model.skops, vocab.json and model.json
        (with every file's SHA-256) into directory; only a scikit-learn model can be saved."""
        from classifier.export import export_pipeline
        from classifier.persist import dump_pipeline

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            **self.metadata,
            "labels": self.labels,
            "threshold": self.threshold,
            "features_version": FEATURES_VERSION,
            **export_pipeline(self.pipeline).save(directory),
            **dump_pipeline(self.pipeline, directory),
        }
        (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")
        self.metadata = meta
        return directory

    @classmethod
    def load(cls, directory: Path) -> "TopicModel":
        """Load a saved model's export after checking its hashes (NumPy only, no pickle)."""
        directory = Path(directory)
        meta = json.loads((directory / META_FILE).read_text("utf-8"))
        if meta.get("features_version") != FEATURES_VERSION:
            raise IncompatibleModel(
                f"{directory}: features v{meta.get('features_version')}, code v{FEATURES_VERSION}"
            )
        if not exported(directory, meta):
            raise IncompatibleModel(f"{directory}: not exported; run `python -m classifier.export`")
        return cls(load_linear(directory, meta), meta)

    def load_pipeline(self, directory: Path):
        """The scikit-learn pipeline saved beside the export (training, inspection, tests)."""
        from classifier.persist import load_pipeline

        return load_pipeline(Path(directory), self.metadata)


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
