"""Text in, analysis out: normalise → safeguarding → redaction → topic, for every child's text.

The topic is predicted from the *redacted* text: that is what the model was trained on and what
agencies see, names and numbers carry no topic, and a masked token such as 【电话】 cannot make the
model memorise one child's details. Safeguarding reads the unredacted normalised text, because a
danger must never hide behind a mask.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the modules load on first use: importing classifier.topics stays light
    from classifier.model import Prediction, TopicModel
    from classifier.redact import Redaction
    from classifier.safeguard import Urgency


@dataclass(frozen=True)
class Analysis:
    """Everything the platform needs to know about one text."""

    normalised: str
    urgency: Urgency
    redaction: Redaction
    prediction: Prediction | None


def analyse(text: str, model: TopicModel | None = None) -> Analysis:
    """Analyse one text; without a model the prediction is None and the text goes to triage."""
    from classifier.normalise import normalise
    from classifier.redact import redact
    from classifier.safeguard import is_urgent

    redaction = redact(text)
    prediction = model.predict(redaction.text) if model is not None else None
    return Analysis(normalise(text), is_urgent(text), redaction, prediction)


def analyse_many(texts: list[str], model: TopicModel | None = None) -> list[Analysis]:
    """Analyse many texts with one vectorised model call (the classify command's path)."""
    from classifier.normalise import normalise
    from classifier.redact import redact
    from classifier.safeguard import is_urgent_many

    redactions = [redact(t) for t in texts]
    predictions = (
        model.predict_many([r.text for r in redactions])
        if model is not None
        else [None] * len(texts)
    )
    urgencies = is_urgent_many(texts)
    return [
        Analysis(normalise(t), u, r, p)
        for t, u, r, p in zip(texts, urgencies, redactions, predictions, strict=False)
    ]
