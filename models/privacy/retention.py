"""Retention: every suggestion loses every link to its child after a configurable period.

The period runs from the last change, whatever the status: closed, answered, declined,
merged, or left waiting (abandoned) alike. What stays is what the city needs to learn from:
the redacted words, topic, route, the agency's answer and the rating. What goes: the author,
the original words, the photo, the author's name in the history, and the author's own
notices about it. Abandoned chats are the chat module's to delete; ``run`` calls it too,
so one job does both.

Safeguarding follows its own rule (``models/safety/safeguarding.py``, 未成年人保护法 强制报告): the
case, its history and its reports are records the law wants kept, so retention never touches
them, and a suggestion that belongs to a case not closed yet (the one that opened it, or words
that joined it later) keeps its link to the child, because someone may still need to reach
that child. Once the case is closed the suggestion is
anonymised like any other; the case keeps its own copies.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, insert, not_, or_, select, update
from sqlmodel import Session

from models.common import utcnow
from models.files.photos import delete_photo
from models.office.rollup import mark_days
from models.privacy.audit import ErasurePermit
from models.privacy.rights import CHILD_ACTORS
from models.safety.safeguarding import CaseStatus, SafeguardingCase
from models.suggestions.tables import Event, Suggestion

DAYS_PER_MONTH = 30


def _cutoff(months: int, now: datetime | None) -> datetime:
    return (now or utcnow()) - timedelta(days=months * DAYS_PER_MONTH)


def _held_by_open_case():
    """The suggestion belongs to a safeguarding case that is not closed yet (never NULL)."""
    still_open = SafeguardingCase.status != CaseStatus.CLOSED
    return or_(and_(Suggestion.case_id.is_not(None),
                    Suggestion.case_id.in_(select(SafeguardingCase.id).where(still_open))),
               Suggestion.tracking_code.in_(
                   select(SafeguardingCase.suggestion_code).where(still_open)))


def _expired(months: int, now: datetime | None):
    """Suggestions of any status unchanged for the period that still point back at a child."""
    return select(Suggestion).where(
        Suggestion.updated_at < _cutoff(months, now),
        or_(Suggestion.member_id.is_not(None), Suggestion.photo.is_not(None),
            Suggestion.original_text != Suggestion.redacted_text,
            Suggestion.idempotency_key.is_not(None)))


def due(session: Session, *, months: int, now: datetime | None = None) -> list[Suggestion]:
    """Suggestions past the period that still point back at a child, any status, except
    those with a safeguarding case that is still open."""
    query = _expired(months, now).where(not_(_held_by_open_case()))
    return list(session.execute(query).scalars())


def kept_for_safeguarding(session: Session, *, months: int,
                          now: datetime | None = None) -> int:
    """Past the period, but kept linked: their safeguarding case is still open."""
    query = _expired(months, now).where(_held_by_open_case())
    return len(session.execute(query).scalars().all())


def anonymise(session: Session, *, months: int, now: datetime | None = None) -> dict[str, int]:
    """Cut every link from suggestions past the period to their child; counts per status."""
    from models.notices.notifications import Notification
    from models.notices.push import PushFollow
    from models.suggestions.devices import CarryTicket

    found = due(session, months=months, now=now)
    if not found:
        return {}
    ids = [s.id for s in found]
    per_status = Counter(str(s.status) for s in found)
    mark_days(session, ids)  # no child, no age band: the dashboards' rollup counts again
    photos = [s.photo for s in found if s.photo]
    session.execute(insert(ErasurePermit), [{"suggestion_id": i} for i in ids])
    session.execute(update(Event).where(Event.suggestion_id.in_(ids),
                                        Event.actor_kind.in_(CHILD_ACTORS))
                    .values(actor_id=None, actor_name=""))
    session.execute(delete(Notification).where(Notification.suggestion_id.in_(ids),
                                               Notification.member_id.is_not(None)))
    session.execute(delete(CarryTicket).where(CarryTicket.suggestion_id.in_(ids)))
    session.execute(delete(PushFollow).where(PushFollow.suggestion_id.in_(ids)))
    session.execute(update(Suggestion).where(Suggestion.id.in_(ids)).values(
        member_id=None, original_text=Suggestion.redacted_text, photo=None,
        idempotency_key=None, body_hash="").execution_options(synchronize_session=False))
    session.execute(delete(ErasurePermit))
    for name in photos:
        delete_photo(session, name)
    session.flush()
    return dict(sorted(per_status.items()))


def run(session: Session, *, months: int, now: datetime | None = None) -> dict:
    """The nightly retention job: anonymise suggestions past the period, delete abandoned
    chats. ``per_status`` counts what was anonymised by status."""
    from models.assistant.conversation import delete_abandoned

    kept = kept_for_safeguarding(session, months=months, now=now)
    per_status = anonymise(session, months=months, now=now)
    chats = delete_abandoned(session, now=now)
    return {"anonymised": sum(per_status.values()), "per_status": per_status,
            "kept_for_safeguarding": kept, "chats_deleted": chats}
