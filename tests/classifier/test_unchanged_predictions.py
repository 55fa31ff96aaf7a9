"""Faster views, the same predictions: what the models read is pinned on a sample of 300 texts.

`data/unchanged_sample.jsonl` was recorded (`python tests/classifier/test_unchanged_predictions.py
--record`) with the classifier as it was before the syllable pass and the n-gram counting were
made faster (main at 4fe3db7): real texts, their noisy copies (pinyin, traditional, typos,
emoji, English words, chit-chat; `training.noise`), safeguarding lines (many in pinyin) and a
few odd inputs. For each it holds the topic model's views, its weighted features and
probabilities under model 20261206-151555 (loaded from its own folder, so a retrained current
model changes nothing here), and what the safeguarding net reads. The net's arithmetic is held
to scikit-learn's, bit for bit, by test_linear_export.py.

Record again only when the views are meant to change (and FEATURES_VERSION with them).
"""

import hashlib
import json
import random
import sys
from pathlib import Path

import numpy as np
import pytest

from classifier.model import TopicModel
from classifier.normalise import normalise
from classifier.prepared import PreparedText
from classifier.safeguard import blank_progress_codes, net_view
from classifier.safeguard_model import prepare as net_views

SAMPLE = Path(__file__).parent / "data" / "unchanged_sample.jsonl"
# A copy of the model the sample was recorded with: `train` prunes old versions from the artifacts.
PINNED_MODEL = Path(__file__).parent / "data" / "model-20261206-151555"
TOPIC_VIEWS = ("chars", "syllables", "keywords")
ODD_TEXTS = (
    "",
    "。。。",
    "🙂🙂",
    "hong绿灯 太短了 wo xiang guo ma lu",
    "my school 的 toilet 好脏 😡 qing bang bang wo",
    "ＷＯ ＸＩＡＮＧ 回家 ｌｖ ｎü",
    "學校門口的紅綠燈壞了🚦 123",
    "〇㐀龘 zhuangchuangshuang xyzqwv",
    "哈哈哈，你好呀！公园 gongyuan 的滑梯坏了，谢谢！",
    "wowanshangzaiktvpeibabahejiu",
)


def _topic_views(prepared: PreparedText) -> dict:
    """The views the topic model reads; the keyword tokens in order (a bag of words)."""
    views = {name: getattr(prepared, name) for name in TOPIC_VIEWS}
    views["keywords"] = " ".join(sorted(views["keywords"].split()))
    return views


def _net_views(text: str) -> list[str] | None:
    """What the safeguarding net reads of a text (None when it reads nothing)."""
    view = net_view(blank_progress_codes(normalise(text)))
    return None if view is None else list(net_views([view])[0])


def _sample_texts() -> list[str]:
    """Real texts, noisy copies of others, safeguarding lines and odd inputs (recording only)."""
    from training.dataset import DATA_DIR, load_real, read_jsonl
    from training.noise import STYLES, noisy

    rng = random.Random(20261206)
    real = [e.text for e in load_real()]
    texts = rng.sample(real, 110)
    for style in STYLES:
        texts += [noisy(t, style) for t in rng.sample(real, 20)]
    lines = [
        row["text"]
        for path in sorted(DATA_DIR.glob("safeguarding*.jsonl"))
        for row in read_jsonl(path)
    ]
    texts += rng.sample(lines, 60)
    return texts + list(ODD_TEXTS)


def _features(model: TopicModel, prepared: list[PreparedText]) -> list[dict]:
    """Each text's weighted features: the columns that are not zero, exactly (by a SHA-256 of
    their list, to keep the file small), and the values' sum and sum of squares."""
    out = []
    for row in model.features(prepared).astype(np.float64):
        columns = np.flatnonzero(row)
        digest = hashlib.sha256(",".join(map(str, columns.tolist())).encode()).hexdigest()
        out.append(
            {
                "columns": len(columns),
                "columns_sha256": digest,
                "sum": float(row.sum()),
                "squares": float(row @ row),
            }
        )
    return out


def record() -> None:
    """Write the sample with what this code computes for it."""
    model = TopicModel.load(PINNED_MODEL)
    texts = _sample_texts()
    prepared = [PreparedText(t) for t in texts]
    probabilities = model.probabilities(prepared)
    with SAMPLE.open("w", encoding="utf-8") as f:
        for text, p, features, probs in zip(
            texts, prepared, _features(model, prepared), probabilities, strict=True
        ):
            row = {
                "text": text,
                "views": _topic_views(p),
                "features": features,
                "probabilities": probs.tolist(),
                "net_views": _net_views(text),
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


@pytest.fixture(scope="module")
def sample() -> list[dict]:
    """The recorded texts and what the models read and said of them."""
    rows = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()]
    assert len(rows) == 300
    return rows


def test_the_topic_model_reads_the_same_views(sample):
    for row in sample:
        assert _topic_views(PreparedText(row["text"])) == row["views"], row["text"]


def test_the_topic_model_gives_the_same_features_and_probabilities(sample):
    model = TopicModel.load(PINNED_MODEL)
    prepared = [PreparedText(row["text"]) for row in sample]
    probabilities = model.probabilities(prepared)
    recorded = np.array([row["probabilities"] for row in sample])
    np.testing.assert_allclose(probabilities, recorded, rtol=0, atol=1e-12)
    assert (model.chosen(probabilities) == model.chosen(recorded)).all()
    for row, features in zip(sample, _features(model, prepared), strict=True):
        recorded = row["features"]
        assert features["columns_sha256"] == recorded["columns_sha256"], row["text"]
        assert features["sum"] == pytest.approx(recorded["sum"], rel=1e-9, abs=1e-12)
        assert features["squares"] == pytest.approx(recorded["squares"], rel=1e-9, abs=1e-12)


def test_the_safeguarding_net_reads_the_same_views(sample):
    assert sum(any(c.isascii() and c.isalpha() for c in row["text"]) for row in sample) >= 50
    for row in sample:
        assert _net_views(row["text"]) == row["net_views"], row["text"]


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    record()
