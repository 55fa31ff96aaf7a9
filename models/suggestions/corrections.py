"""Human corrections as labelled examples: what retraining learns from.

``record_topic_choice`` is the one way "a person picked a topic" is written, whoever picks
it (triage, re-routing, a facilitator, an observer visit), so every example has the same
fields: the redacted text the classifier read, the topic, and where the choice was made.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import inspect
from sqlmodel import Session, select

from classifier.topics import TOPIC_IDS
from models.db import make_engine, sqlite_url
from models.refusals import Invalid
from models.suggestions.tables import Correction, Suggestion

# The same default database the web app uses when DATABASE_URL is not set.
DEFAULT_INSTANCE = Path(__file__).parent.parent.parent / "instance"


def record_topic_choice(session: Session, suggestion: Suggestion, topic: str, *,
                        source: str) -> bool:
    """A person chose ``topic``: set it on the suggestion and keep the choice for retraining.

    The redacted copy is kept, so personal details never become training data. Choosing the
    topic it already has (and did not abstain on) corrects nothing: False, nothing written.
    """
    if topic not in TOPIC_IDS:
        raise Invalid("请从列表里选一个主题。")
    if suggestion.topic == topic and not suggestion.abstained:
        return False
    session.add(Correction(suggestion_id=suggestion.id, text=suggestion.redacted_text,
                           topic=topic, source=source))
    suggestion.topic, suggestion.abstained = topic, False
    session.add(suggestion)
    _recount(session, suggestion)
    return True


def _recount(session: Session, suggestion: Suggestion) -> None:
    """The dashboards' rollup counts the suggestion's day again (a topic writes no event)."""
    from models.office.rollup import mark_days

    mark_days(session, [suggestion.id])


def labelled_corrections(database_url: str | None = None) -> list[tuple[str, str]]:
    """Every (text, topic) a person chose, newest label per text winning.

    Texts are the redacted copies, so personal details never enter the training data.
    An empty or not-yet-migrated database simply has no corrections.
    """
    url = database_url or os.environ.get("DATABASE_URL") or sqlite_url(DEFAULT_INSTANCE)
    engine = make_engine(url)
    try:
        if not inspect(engine).has_table(Correction.__tablename__):
            return []
        with Session(engine) as session:
            rows = session.exec(select(Correction).order_by(Correction.id)).all()
    finally:
        engine.dispose()
    latest = {row.text: row.topic for row in rows}
    return list(latest.items())
