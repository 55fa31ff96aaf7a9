"""Export a fitted scikit-learn text pipeline to `classifier.linear.LinearModel` (training time).

Only public fitted attributes are read (vocabulary_, idf_, coef_, intercept_, beta_, classes_),
and every setting the NumPy arithmetic does not repeat is refused here, loudly, rather than
served differently. Nothing from scikit-learn is imported: the pipeline is passed in.

`python -m classifier.export` exports the saved models that have no export yet (the current
topic model and the safeguarding net), from their skops files, and records the new files'
SHA-256s in their model.json.
"""

import json
import re
from pathlib import Path

import numpy as np

from classifier.linear import LinearModel, TfidfView

# TfidfVectorizer settings the exported arithmetic assumes (anything else is refused).
FIXED_SETTINGS = {
    "input": "content",
    "lowercase": False,
    "preprocessor": None,
    "tokenizer": None,
    "stop_words": None,
    "strip_accents": None,
    "norm": "l2",
    "use_idf": True,
}


class UnsupportedPipeline(ValueError):
    """Raised when a pipeline holds a step or setting the NumPy model does not repeat."""


def _require(condition: bool, message: str) -> None:
    """Refuse to export when the condition does not hold."""
    if not condition:
        raise UnsupportedPipeline(message)


def _view(name: str, vectorizer, weight: float) -> TfidfView:
    """One fitted TfidfVectorizer as a TfidfView, after checking its settings."""
    params = vectorizer.get_params()
    for key, value in FIXED_SETTINGS.items():
        _require(params[key] == value, f"view {name}: {key}={params[key]!r}, need {value!r}")
    _require(params["analyzer"] in ("char", "word"), f"view {name}: analyzer {params['analyzer']}")
    pattern = params["token_pattern"] if params["analyzer"] == "word" else None
    _require(
        pattern is None or re.compile(pattern).groups == 0,
        f"view {name}: token pattern with groups",
    )
    return TfidfView(
        name=name,
        analyzer=params["analyzer"],
        ngram_range=tuple(params["ngram_range"]),
        token_pattern=pattern,
        binary=bool(params["binary"]),
        sublinear_tf=bool(params["sublinear_tf"]),
        weight=float(weight),
        vocabulary={str(term): int(i) for term, i in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=params["dtype"]),
    )


def _views(columns) -> list[TfidfView]:
    """The ColumnTransformer's vectorizers in order; transformer k must read input column k."""
    weights = columns.transformer_weights or {}
    views, offset = [], 0
    for k, (name, vectorizer, column) in enumerate(columns.transformers_):
        if name == "remainder":
            _require(vectorizer == "drop", "a remainder that is not dropped")
            continue
        _require(column == k, f"view {name} reads column {column}, expected {k}")
        view = _view(name, vectorizer, weights.get(name, 1.0))
        _require(
            columns.output_indices_[name] == slice(offset, offset + len(view.vocabulary)),
            f"view {name}: features not where expected",
        )
        offset += len(view.vocabulary)
        views.append(view)
    return views


def _classifier(last) -> dict:
    """Coefficients, intercept, classes and calibration of the pipeline's last step."""
    if hasattr(last, "calibrated_"):  # TopicClassifier: a temperature-calibrated LinearSVC
        calibrated = last.calibrated_
        _require(len(calibrated.calibrated_classifiers_) == 1, "an ensemble of calibrations")
        inner = calibrated.calibrated_classifiers_[0]
        _require(inner.method == "temperature", f"calibration {inner.method}")
        svm = inner.estimator
        n = len(last.classes_)
        _require(list(svm.classes_) == list(range(n)), "the SVM's classes are not 0..n-1")
        _require(svm.coef_.shape[0] == n, "a two-class SVM (one decision column)")
        parts = {
            "coef": svm.coef_,
            "intercept": svm.intercept_,
            "classes_": [str(c) for c in last.classes_],
            "calibration": {"method": "temperature", "beta": float(inner.calibrators[0].beta_)},
            "threshold": float(last.threshold),
            "none_ratio": float(getattr(last, "none_ratio", 1.0)),
        }
        gate = getattr(last, "none_gate_", None)
        if gate is not None:  # the not-a-suggestion model: one more row of the linear layer
            _require(list(gate.classes_) == [False, True], "a gate that is not none-or-not")
            parts["coef"] = np.vstack([svm.coef_, gate.coef_])
            parts["intercept"] = np.concatenate([svm.intercept_, gate.intercept_])
            parts["calibration"]["none_gate_mix"] = float(last.none_gate_mix)
        return parts
    _require(type(last).__name__ == "LogisticRegression", f"last step {type(last).__name__}")
    _require(len(last.classes_) == 2 and last.coef_.shape[0] == 1, "LogisticRegression: 2 classes")
    return {
        "coef": last.coef_,
        "intercept": last.intercept_,
        "classes_": [c.item() if hasattr(c, "item") else c for c in last.classes_],
        "calibration": {"method": "logistic"},
    }


def export_pipeline(pipeline) -> LinearModel:
    """The NumPy model of a fitted pipeline: [optional views step,] ColumnTransformer, classifier.

    A first step that builds the view columns (the topic pipeline's `text_views`) must name the
    same views, in the same order, as the ColumnTransformer's vectorizers.
    """
    steps = dict(pipeline.steps)
    columns, last = steps["features"], pipeline.steps[-1][1]
    views = _views(columns)
    if "views" in steps:
        names = tuple(steps["views"].kw_args["views"])
        _require(names == tuple(v.name for v in views), f"views step {names} differs")
    parts = _classifier(last)
    _require(parts["coef"].shape[1] == sum(len(v.vocabulary) for v in views), "feature count")
    return LinearModel(
        views=views,
        coef=np.asarray(parts["coef"]),
        intercept=np.asarray(parts["intercept"]),
        classes_=parts["classes_"],
        calibration=parts["calibration"],
        threshold=parts.get("threshold", 0.0),
        none_ratio=parts.get("none_ratio", 1.0),
    )


def export_saved(directory: Path) -> dict:
    """Export a saved model directory (model.skops + model.json) in place; returns its metadata."""
    from classifier.model import META_FILE
    from classifier.persist import load_pipeline

    meta_path = Path(directory) / META_FILE
    meta = json.loads(meta_path.read_text("utf-8"))
    meta.update(export_pipeline(load_pipeline(Path(directory), meta)).save(Path(directory)))
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return meta


def main() -> None:
    """Export the current topic model and the safeguarding net."""
    from classifier.model import current_path
    from classifier.safeguard_model import SAFEGUARD_DIR

    for directory in (current_path(), SAFEGUARD_DIR):
        if directory is not None:
            export_saved(directory)
            print(f"exported {directory}")


if __name__ == "__main__":
    main()
