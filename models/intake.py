"""Taking in a child's text: analyse it, store it, and raise the alarm when a child may be in danger."""

from __future__ import annotations

from functools import lru_cache

from sqlmodel import Session

from .lifecycle import Actor, Classification, Draft, submit
from .suggestion import Suggestion


@lru_cache(maxsize=1)
def topic_model():
    """The current topic model, loaded once per process; None sends everything to triage."""
    from classifier.model import load_current

    return load_current()


def classify_text(text: str) -> Classification:
    """text → normalise → safeguarding → redaction → topic, as the suggestion stores it."""
    from classifier import analyse

    model = topic_model()
    found = analyse(text, model)
    prediction = found.prediction
    return Classification(
        redacted_text=found.redaction.text,
        topic=prediction.topic if prediction else None,
        confidence=float(prediction.confidence) if prediction else 0.0,
        abstained=prediction.abstain if prediction else True,
        urgent=found.urgency.urgent,
        model_version=model.version if model is not None else "",
    )


def take_suggestion(session: Session, draft: Draft, actor: Actor) -> Suggestion:
    """Store a suggestion with its first event in one transaction, then alert if urgent."""
    suggestion = submit(session, draft, classify_text(draft.text), actor)
    session.commit()
    if suggestion.urgent:
        from .alerts import raise_urgent_alert
        from .safeguarding import open_case

        open_case(session, suggestion, child_label=_child_label(session, suggestion))
        raise_urgent_alert(session, suggestion)
    return suggestion


def _child_label(session: Session, suggestion: Suggestion) -> str:
    """The nickname the safeguarding case keeps as a copy, so it outlives a deletion."""
    from .people import Member

    member = session.get(Member, suggestion.member_id) if suggestion.member_id else None
    return member.nickname if member is not None else ""
