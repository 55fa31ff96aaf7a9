"""Safe model files: skops with an explicit trusted-type list, vocabularies as JSON, SHA-256s."""

import hashlib
import json
from pathlib import Path

import skops.io as sio
from sklearn.pipeline import Pipeline

MODEL_FILE, VOCAB_FILE = "model.skops", "vocab.json"

TRUSTED_TYPES: list[str] = [
    "builtins.dict",
    "classifier.estimator.TopicClassifier",
    "classifier.pipeline.text_views",
    "numpy.dtype",
    "numpy.float32",
    "numpy.float64",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._TemperatureScaling",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._function_transformer.FunctionTransformer",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.utils._bunch.Bunch",
]


class ModelIntegrityError(RuntimeError):
    """Raised when a model file does not match the hash recorded in its metadata."""


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of a file, used to detect a swapped or tampered model."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _vectorizers(pipeline: Pipeline) -> dict:
    """The fitted vectorizers of the pipeline's ColumnTransformer, by view name."""
    columns = next(step for _, step in pipeline.steps if hasattr(step, "transformers_"))
    return {name: vec for name, vec, _ in columns.transformers_ if hasattr(vec, "vocabulary_")}


def dump_pipeline(pipeline: Pipeline, directory: Path) -> dict:
    """Write model.skops and vocab.json (loading a large dict through skops takes seconds)."""
    vectorizers = _vectorizers(pipeline)
    vocabs = {name: vec.vocabulary_ for name, vec in vectorizers.items()}
    for vec in vectorizers.values():
        vec.vocabulary_ = {}
    try:
        sio.dump(pipeline, directory / MODEL_FILE, compression=8, compresslevel=9)
    finally:
        for name, vec in vectorizers.items():
            vec.vocabulary_ = vocabs[name]
    plain = {name: {term: int(i) for term, i in vocab.items()} for name, vocab in vocabs.items()}
    (directory / VOCAB_FILE).write_text(json.dumps(plain, ensure_ascii=False), "utf-8")
    return {
        "model_sha256": sha256_file(directory / MODEL_FILE),
        "vocab_sha256": sha256_file(directory / VOCAB_FILE),
    }


def load_pipeline(directory: Path, meta: dict) -> Pipeline:
    """Load a pipeline after checking both files' hashes; only TRUSTED_TYPES may be built."""
    for name, key in ((MODEL_FILE, "model_sha256"), (VOCAB_FILE, "vocab_sha256")):
        if sha256_file(directory / name) != meta.get(key):
            raise ModelIntegrityError(f"{directory / name} does not match its recorded SHA-256")
    pipeline = sio.load(directory / MODEL_FILE, trusted=TRUSTED_TYPES)
    vocabs = json.loads((directory / VOCAB_FILE).read_text("utf-8"))
    for name, vec in _vectorizers(pipeline).items():
        vec.vocabulary_ = vocabs[name]
    return pipeline
