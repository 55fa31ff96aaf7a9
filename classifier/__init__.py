"""Text in, analysis out: normalise → safeguarding → redaction → topic, for every child's text.

The topic is predicted from the *redacted* text: that is what the model was trained on and what
agencies see, names and numbers carry no topic, and a masked token such as 【电话】 cannot make the
model memorise one child's details. Safeguarding reads the unredacted normalised text, because a
danger must never hide behind a mask. Each text is normalised once (`PreparedText`); when
redaction changes nothing the topic model reads the same prepared text.

Nothing heavy is imported here: `classifier.topics` or `classifier.personal` must stay cheap
to import, and the topic model's libraries load with the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from classifier.model import Prediction, SameRoute, TopicModel
    from classifier.prepared import PreparedText
    from classifier.redact import Redaction
    from classifier.safeguard import Urgency


@dataclass(frozen=True)
class Analysis:
    """Everything the platform needs to know about one text."""

    normalised: str
    urgency: Urgency
    redaction: Redaction
    prediction: Prediction | None


def _topic_input(prepared: PreparedText, redaction: Redaction) -> PreparedText:
    """The prepared text the topic model reads: the same one unless redaction masked something."""
    from classifier.prepared import PreparedText

    return prepared if redaction.text == prepared.text else PreparedText(redaction.text)


def analyse(
    text: str, model: TopicModel | None = None, same_route: SameRoute | None = None
) -> Analysis:
    """Analyse one text; without a model the prediction is None and the text goes to triage.

    The text is normalised once: safeguarding screens that normalised form, and the model gets
    the same prepared text unless redaction masked something (any object with `predict` that
    takes a prepared text will do).
    """
    from classifier.prepared import PreparedText
    from classifier.redact import redact
    from classifier.safeguard import screen_normalised

    prepared, redaction = PreparedText(text), redact(text)
    prediction = None
    if model is not None:
        topic_input = _topic_input(prepared, redaction)
        args = (topic_input,) if same_route is None else (topic_input, same_route)
        prediction = model.predict(*args)
    return Analysis(prepared.normalised, screen_normalised([prepared.normalised])[0],
                    redaction, prediction)


def analyse_many(
    texts: list[str], model: TopicModel | None = None, same_route: SameRoute | None = None
) -> list[Analysis]:
    """Analyse many texts with one vectorised model call (the classify command's path); each
    text is normalised once, and its redacted form once more only when something was masked.

    same_route(a, b) tells whether two topics go to the same lead agency in the city's plan;
    then a doubt between them is no reason to abstain.
    """
    from classifier.prepared import PreparedText
    from classifier.redact import redact
    from classifier.safeguard import screen_normalised

    prepared = [PreparedText(t) for t in texts]
    redactions = [redact(t) for t in texts]
    predictions = (
        model.predict_many(
            [_topic_input(p, r) for p, r in zip(prepared, redactions, strict=True)], same_route
        )
        if model is not None
        else [None] * len(texts)
    )
    urgencies = screen_normalised([p.normalised for p in prepared])
    return [
        Analysis(p.normalised, u, r, pred)
        for p, u, r, pred in zip(prepared, urgencies, redactions, predictions, strict=True)
    ]
