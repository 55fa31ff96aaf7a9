"""Fitted linear text models served with NumPy alone: TF-IDF views, a linear layer, calibration.

Training uses scikit-learn (`classifier.export` reads a fitted pipeline's public attributes
into this form); serving reads two plain files, `linear.json` (format, labels, each view's
settings and terms) and `linear.npz` (IDF weights, coefficients, intercepts), and repeats
scikit-learn's arithmetic step by step:

1. each view: its n-grams counted against the view's vocabulary (as CountVectorizer), binary or
   1 + log(count), times the IDF, divided by the row's L2 norm, times the view's weight, all in
   the vectorizer's dtype (float32) exactly as scikit-learn rounds them;
2. the decision: the views' features side by side, times the coefficients, plus the intercept;
3. probabilities: temperature scaling (softmax of beta × decision) for the topic model, the
   logistic function for a two-class model; a topic model with a none gate has one more row in
   its linear layer, whose logistic answer is mixed into P(none) (`decision.with_none_gate`).

`tests/classifier/test_linear_export.py` checks that this gives scikit-learn's probabilities
(within 1e-9) on every real corpus text for the shipped models. Importing this module loads
NumPy only.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from itertools import pairwise, repeat
from pathlib import Path

import numpy as np

from classifier.decision import with_none_gate

FORMAT = 1  # bump whenever the files' layout or the arithmetic below changes
JSON_FILE, ARRAYS_FILE = "linear.json", "linear.npz"
_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's own: runs of white space become one
ROWS_PER_CHUNK = 256  # bounds the (features × classes) scratch array of one batch


class LinearIntegrityError(RuntimeError):
    """Raised when an exported model's files do not match their recorded SHA-256 or format."""


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of a file."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass
class TfidfView:
    """One fitted TF-IDF vectorizer over one text view (a column of the model's input).

    analyzer "char" cuts character n-grams after folding runs of white space to one space;
    "word" cuts n-grams of the tokens `token_pattern` finds, joined by single spaces.
    """

    name: str
    analyzer: str
    ngram_range: tuple[int, int]
    token_pattern: str | None
    binary: bool
    sublinear_tf: bool
    weight: float
    vocabulary: dict[str, int]
    idf: np.ndarray  # one weight per term, in the vectorizer's dtype

    def __post_init__(self):
        """Compile the token pattern once."""
        self._tokens = re.compile(self.token_pattern).findall if self.token_pattern else None

    def ngrams(self, text: str) -> list[str]:
        """Every n-gram of the text, repeated as often as it occurs (CountVectorizer's analyzer)."""
        low, high = self.ngram_range
        if self.analyzer == "char":
            text = _WHITE_SPACES.sub(" ", text)
            return [
                text[i : i + n]
                for n in range(low, min(high, len(text)) + 1)
                for i in range(len(text) - n + 1)
            ]
        tokens = self._tokens(text)
        return [
            gram
            for n in range(low, min(high, len(tokens)) + 1)
            for gram in map(" ".join, zip(*(tokens[k:] for k in range(n)), strict=False))
        ]

    def counts(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR parts of the texts' term counts: row starts, term indices (increasing within a
        row) and how often each term occurs; unknown n-grams are dropped.

        Every text's n-grams are looked up in one list (-1 for unknown ones) and counted at
        once: np.unique over row × vocabulary size + term sorts by row, then by term.
        """
        get, size = self.vocabulary.get, len(self.vocabulary)
        terms, lengths = [], []
        for text in texts:
            before = len(terms)
            terms += map(get, self.ngrams(text), repeat(-1))
            lengths.append(len(terms) - before)
        found = np.array(terms, dtype=np.int64)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        known = found >= 0
        keys, counts = np.unique(rows[known] * size + found[known], return_counts=True)
        row_of, indices = np.divmod(keys, size)
        return np.searchsorted(row_of, np.arange(len(texts) + 1)), indices, counts

    def transform(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR parts (row starts, term indices, values) of the texts' weighted TF-IDF rows."""
        starts, indices, counts = self.counts(texts)
        values = counts.astype(self.idf.dtype)
        if self.binary:
            values[:] = 1
        if self.sublinear_tf:
            np.log(values, out=values)
            values += 1.0
        values *= self.idf[indices]
        values = _l2_normalised(values, starts)
        return starts, indices, values * self.weight


def _logistic(decision: np.ndarray) -> np.ndarray:
    """The logistic function of one decision column, in its dtype, as scipy's expit."""
    ratio = np.exp(-decision.astype(np.float64)).astype(decision.dtype)
    return 1 / (1 + ratio)


def _row_sums(products: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each text's products added term after term in feature order, as scipy's sparse product.

    `np.add.reduceat` adds the rows of a block of several columns one after another; a single
    column is contiguous, and NumPy would sum it pairwise (other rounding), so each text's
    column is accumulated on its own. An empty row stays zero.
    """
    sums = np.zeros((len(starts) - 1, products.shape[1]), dtype=products.dtype)
    filled = starts[:-1] < starts[1:]
    if products.shape[1] > 1 and filled.any():
        sums[filled] = np.add.reduceat(products, starts[:-1][filled], axis=0)
    elif products.shape[1] == 1:
        for i, (first, end) in enumerate(pairwise(starts.tolist())):
            if first < end:
                sums[i] = np.cumsum(products[first:end], axis=0)[-1]
    return sums


def _l2_normalised(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each row divided by its L2 norm as scikit-learn's normalize does: the squares in the
    values' dtype summed in double precision, each value divided in double and rounded back."""
    squares = (values * values).astype(np.float64)
    sums = np.zeros(len(starts) - 1)
    filled = starts[:-1] < starts[1:]
    if filled.any():
        sums[filled] = np.add.reduceat(squares, starts[:-1][filled])
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0  # an empty row stays empty
    per_value = np.repeat(norms, np.diff(starts))
    return (values.astype(np.float64) / per_value).astype(values.dtype)


@dataclass
class LinearModel:
    """Views side by side, a linear layer and a calibration: a fitted pipeline's arithmetic.

    `predict_proba(rows)` takes one row per text holding each view's string, in `views` order,
    and returns probabilities with columns in `classes_` order.
    """

    views: list[TfidfView]
    coef: np.ndarray  # (classes, features), + 1 row for a none gate; (1, features) for two classes
    intercept: np.ndarray
    classes_: list
    calibration: dict  # {"method": "temperature", "beta": b} or {"method": "logistic"}
    threshold: float = 0.0  # the topic model's abstention threshold (0 for others)
    none_ratio: float = 1.0  # `none` when P(none) ≥ this × the top probability (1: argmax)

    def __post_init__(self):
        """Keep the coefficients feature-major: one contiguous row of class weights per term."""
        self._by_feature = np.ascontiguousarray(self.coef.T)
        self._offsets = np.cumsum([0] + [len(v.vocabulary) for v in self.views])

    @property
    def view_names(self) -> tuple[str, ...]:
        """The names of the views each input row holds, in order."""
        return tuple(view.name for view in self.views)

    def decision_function(self, rows) -> np.ndarray:
        """Features × coefficients + intercept, shape (texts, rows of coef).

        As scipy's sparse product: per text, value × class weights added term by term in
        feature order, in the wider of the features' and coefficients' dtypes.
        """
        rows = list(rows)
        dtype = np.result_type(self.views[0].idf, self.coef) if self.views else self.coef.dtype
        out = np.zeros((len(rows), self.coef.shape[0]), dtype=dtype)
        for begin in range(0, len(rows), ROWS_PER_CHUNK):
            chunk = rows[begin : begin + ROWS_PER_CHUNK]
            starts, indices, values = self._features_csr(chunk)
            products = values.astype(dtype)[:, None] * self._by_feature[indices]
            out[begin : begin + len(chunk)] = _row_sums(products, starts)
        return out + self.intercept

    def _features_csr(self, rows: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR parts (row starts, feature indices, values) of the views side by side."""
        parts = []
        for k, view in enumerate(self.views):
            starts, indices, values = view.transform([row[k] for row in rows])
            parts.append((starts, indices + self._offsets[k], values))
        lengths = sum(np.diff(starts) for starts, _, _ in parts)
        order = np.argsort(
            np.concatenate(
                [np.repeat(np.arange(len(rows)), np.diff(s)) for s, _, _ in parts]
            ),
            kind="stable",
        )
        indices = np.concatenate([i for _, i, _ in parts])[order]
        values = np.concatenate([v for _, _, v in parts])[order]
        return np.concatenate([[0], np.cumsum(lengths)]), indices, values

    def predict_proba(self, rows) -> np.ndarray:
        """Calibrated class probabilities, one row per text, columns in classes_ order."""
        decision = self.decision_function(rows)
        if self.calibration["method"] == "logistic":
            positive = _logistic(decision[:, 0])
            return np.vstack([1 - positive, positive]).T
        mix = self.calibration.get("none_gate_mix")
        if mix is not None:  # the last row is the not-a-suggestion model (classifier.decision)
            gate = _logistic(decision[:, -1])
            return with_none_gate(self._tempered(decision[:, :-1]), self.classes_, gate, mix)
        return self._tempered(decision)

    def _tempered(self, decision: np.ndarray) -> np.ndarray:
        """Temperature scaling: softmax of beta × decision, as CalibratedClassifierCV."""
        logits = self.calibration["beta"] * decision
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        logits[(logits > 1.0) & (logits <= 1.0 + 1e-5)] = 1.0  # as CalibratedClassifierCV
        return logits

    def features(self, rows) -> np.ndarray:
        """Dense weighted feature rows (for similarity between a few texts)."""
        rows = list(rows)
        starts, indices, values = self._features_csr(rows)
        out = np.zeros((len(rows), int(self._offsets[-1])), dtype=values.dtype)
        out[np.repeat(np.arange(len(rows)), np.diff(starts)), indices] = values
        return out

    def save(self, directory: Path) -> dict:
        """Write linear.json and linear.npz; returns their SHA-256s for the model's metadata."""
        directory = Path(directory)
        arrays = {"coef": self.coef, "intercept": self.intercept}
        views = []
        for k, view in enumerate(self.views):
            arrays[f"idf_{k}"] = view.idf
            views.append(
                {
                    "name": view.name,
                    "analyzer": view.analyzer,
                    "ngram_range": list(view.ngram_range),
                    "token_pattern": view.token_pattern,
                    "binary": view.binary,
                    "sublinear_tf": view.sublinear_tf,
                    "weight": view.weight,
                    "terms": sorted(view.vocabulary, key=view.vocabulary.get),
                }
            )
        spec = {
            "format": FORMAT,
            "classes": self.classes_,
            "calibration": self.calibration,
            "threshold": self.threshold,
            "none_ratio": self.none_ratio,
            "views": views,
        }
        (directory / JSON_FILE).write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
        with open(directory / ARRAYS_FILE, "wb") as f:
            np.savez(f, **arrays)
        return {
            "linear_format": FORMAT,
            "linear_json_sha256": sha256_file(directory / JSON_FILE),
            "linear_npz_sha256": sha256_file(directory / ARRAYS_FILE),
        }


def exported(directory: Path, meta: dict) -> bool:
    """Whether a model directory holds an exported linear model of this code's format."""
    return meta.get("linear_format") == FORMAT and (Path(directory) / JSON_FILE).exists()


def load_linear(directory: Path, meta: dict) -> LinearModel:
    """Read an exported model after checking both files against the SHA-256s in meta.

    No pickle: the arrays are plain .npz (allow_pickle off) and the rest is JSON.
    """
    directory = Path(directory)
    for name, key in ((JSON_FILE, "linear_json_sha256"), (ARRAYS_FILE, "linear_npz_sha256")):
        if sha256_file(directory / name) != meta.get(key):
            raise LinearIntegrityError(f"{directory / name} does not match its recorded SHA-256")
    spec = json.loads((directory / JSON_FILE).read_text("utf-8"))
    if spec["format"] != FORMAT:
        raise LinearIntegrityError(f"{directory}: format {spec['format']}, code {FORMAT}")
    with np.load(directory / ARRAYS_FILE, allow_pickle=False) as arrays:
        views = [
            TfidfView(
                name=v["name"],
                analyzer=v["analyzer"],
                ngram_range=tuple(v["ngram_range"]),
                token_pattern=v["token_pattern"],
                binary=v["binary"],
                sublinear_tf=v["sublinear_tf"],
                weight=v["weight"],
                vocabulary={term: i for i, term in enumerate(v["terms"])},
                idf=arrays[f"idf_{k}"],
            )
            for k, v in enumerate(spec["views"])
        ]
        return LinearModel(
            views=views,
            coef=arrays["coef"],
            intercept=arrays["intercept"],
            classes_=spec["classes"],
            calibration=spec["calibration"],
            threshold=spec["threshold"],
            none_ratio=spec.get("none_ratio", 1.0),
        )
