"""Retention: closed suggestions lose every link to their child after a configurable period.

What stays is what the city needs to learn from: the redacted words, topic, route, the
agency's answer and the rating. What goes: the author, the original words, the photo,
the author's name in the history, and the author's own notices about it. Abandoned chats
are the chat module's to delete; ``run`` calls it too, so one job does both.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, insert, or_, select, update
from sqlmodel import Session

from .audit import ErasurePermit
from .common import utcnow
from .photos import delete_photo
from .rights import CHILD_ACTORS
from .status import Status
from .suggestion import Event, Suggestion

DAYS_PER_MONTH = 30


def due(session: Session, *, months: int, now: datetime | None = None) -> list[Suggestion]:
    """Closed suggestions older than the period that still point back at a child."""
    cutoff = (now or utcnow()) - timedelta(days=months * DAYS_PER_MONTH)
    query = select(Suggestion).where(
        Suggestion.status == Status.CLOSED.value, Suggestion.updated_at < cutoff,
        or_(Suggestion.member_id.is_not(None), Suggestion.photo.is_not(None),
            Suggestion.original_text != Suggestion.redacted_text,
            Suggestion.idempotency_key.is_not(None)))
    return list(session.execute(query).scalars())


def anonymise_closed(session: Session, *, months: int, photo_folder: str | Path,
                     now: datetime | None = None) -> int:
    """Cut every link from old closed suggestions to their child; returns how many."""
    from .notifications import Notification

    found = due(session, months=months, now=now)
    if not found:
        return 0
    ids = [s.id for s in found]
    photos = [s.photo for s in found if s.photo]
    session.execute(insert(ErasurePermit), [{"suggestion_id": i} for i in ids])
    session.execute(update(Event).where(Event.suggestion_id.in_(ids),
                                        Event.actor_kind.in_(CHILD_ACTORS))
                    .values(actor_id=None, actor_name=""))
    session.execute(delete(Notification).where(Notification.suggestion_id.in_(ids),
                                               Notification.member_id.is_not(None)))
    session.execute(update(Suggestion).where(Suggestion.id.in_(ids)).values(
        member_id=None, original_text=Suggestion.redacted_text, photo=None,
        idempotency_key=None, body_hash="").execution_options(synchronize_session=False))
    session.execute(delete(ErasurePermit))
    session.commit()
    for name in photos:
        delete_photo(photo_folder, name)
    return len(ids)


def run(session: Session, *, months: int, photo_folder: str | Path,
        now: datetime | None = None) -> dict[str, int]:
    """The nightly retention job: anonymise old closed suggestions, delete abandoned chats."""
    from .conversation import delete_abandoned

    anonymised = anonymise_closed(session, months=months, photo_folder=photo_folder, now=now)
    chats = delete_abandoned(session, photo_folder=photo_folder, now=now)
    return {"anonymised": anonymised, "chats_deleted": chats}
