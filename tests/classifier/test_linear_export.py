"""The shipped models' NumPy export computes what scikit-learn computes, on every real text.

Serving reads only the export (`classifier.linear`); the skops file beside it is the fitted
scikit-learn pipeline it was exported from. If the export drifts from the pipeline (a new
setting, a changed step, a stale file), these tests fail instead of the site quietly routing
children's texts differently from the model that was evaluated.
"""

import numpy as np
import pytest

from classifier.export import UnsupportedPipeline, export_pipeline
from classifier.model import current_path, load_current
from classifier.normalise import normalise
from classifier.persist import load_pipeline
from classifier.prepared import prepare
from classifier.redact import redact
from classifier.safeguard_model import SAFEGUARD_DIR, load_safeguard_model
from classifier.safeguard_model import prepare as safeguard_views
from training.dataset import load_real


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    """Every text of the real corpus (training/data/real), as children wrote them."""
    texts = [e.text for e in load_real()]
    assert len(texts) > 2000
    return texts


def test_topic_export_gives_scikit_learns_probabilities_on_every_real_text(real_texts):
    model = load_current()
    pipeline = load_pipeline(current_path(), model.metadata)
    prepared = prepare([redact(t).text for t in real_texts])
    served, fitted = model.probabilities(prepared), pipeline.predict_proba(prepared)
    assert model.labels == list(pipeline.classes_)
    assert np.abs(served - fitted).max() <= 1e-9
    assert (served.argmax(axis=1) == fitted.argmax(axis=1)).all()
    assert model.threshold == pipeline[-1].threshold


def test_safeguarding_export_gives_scikit_learns_scores_on_every_real_text(real_texts):
    """The net computes in float32 as scikit-learn does: the same decision, bit for bit; the
    logistic function may round its last float32 bit differently (glibc's expf), never more,
    and never across the threshold."""
    net = load_safeguard_model()
    pipeline = load_pipeline(SAFEGUARD_DIR, net.metadata)
    rows = safeguard_views([normalise(t) for t in real_texts])
    decision = net.pipeline.decision_function(list(rows))[:, 0]
    assert (decision == pipeline.decision_function(rows)).all()
    served, fitted = net.scores([normalise(t) for t in real_texts]), pipeline.predict_proba(rows)
    assert np.abs(served - fitted[:, 1]).max() <= np.spacing(np.float32(1.0))
    assert ((served >= net.threshold) == (fitted[:, 1] >= net.threshold)).all()


def test_a_setting_the_export_does_not_repeat_is_refused(small_model):
    """A vectorizer that lowercases (or any other unrepeated setting) cannot be served."""
    import copy

    pipeline = copy.deepcopy(small_model.pipeline)
    pipeline.named_steps["features"].transformers_[0][1].set_params(lowercase=True)
    with pytest.raises(UnsupportedPipeline, match="lowercase"):
        export_pipeline(pipeline)


def test_a_none_gate_is_served_as_scikit_learn_computes_it(corpus_split):
    """A model with the not-a-suggestion gate: the export repeats its probabilities exactly, and
    the gate changes what the model says about chit-chat and diaries."""
    from classifier.pipeline import build_pipeline

    examples = corpus_split["train"][::4]
    texts, labels = [e.text for e in examples], [e.topic for e in examples]
    gated = build_pipeline(none_gate_C=1.0).fit(texts, labels)
    plain = build_pipeline().fit(texts, labels)
    probe = [e.text for e in corpus_split["test"][:200]] + ["今天好开心呀", "你是机器人吗"]
    served = export_pipeline(gated)
    rows = [[getattr(p, v) for v in served.view_names] for p in prepare(probe)]
    fitted = gated.predict_proba(probe)
    assert np.abs(served.predict_proba(rows) - fitted).max() <= 1e-9
    assert np.allclose(fitted.sum(axis=1), 1.0)
    assert np.abs(fitted - plain.predict_proba(probe)).max() > 0.01
