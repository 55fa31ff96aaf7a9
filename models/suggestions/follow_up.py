"""回访 and closing without a rating: no item stays open because its child never came back.

Staff record each 回访 (a call or visit to hear what the child thinks of the answer). An item
answered at least ``WAIT_DAYS`` days ago, with no rating, may then be closed by the
coordinator; the history says who closed it and why, and the child is told.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from models.common import utcnow
from models.notices.notifications import notify
from models.refusals import Invalid
from models.suggestions.handling import NOTE_LIMIT
from models.suggestions.lifecycle import Actor, InvalidTransition, record
from models.suggestions.permissions import require_action
from models.suggestions.status import Status
from models.suggestions.tables import Answer, Event, Rating, Suggestion

WAIT_DAYS = 7


def _note(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Invalid("请写下回访的情况，比如孩子或辅导员怎么说。")
    return text[:NOTE_LIMIT]


def follow_up(session: Session, suggestion: Suggestion, *, actor: Actor, note: str) -> Event:
    """Record one 回访 of an answered item (status unchanged)."""
    require_action(session, actor, suggestion, "follow_up")
    return record(session, suggestion, action="follow_up", actor=actor, note=_note(note))


def closable_from(session: Session, suggestion: Suggestion) -> datetime | None:
    """When the item may be closed without a rating: WAIT_DAYS after its first answer."""
    answered = session.exec(select(Answer.created_at).where(
        Answer.suggestion_id == suggestion.id).order_by(Answer.id)).first()
    return answered + timedelta(days=WAIT_DAYS) if answered else None


def close_unrated(session: Session, suggestion: Suggestion, *, actor: Actor, note: str,
                  now: datetime | None = None) -> Event:
    """办结 after a 回访 when the child never rated: recorded, and the child is told."""
    require_action(session, actor, suggestion, "close_unrated")
    note = _note(note)
    if session.exec(select(Rating.id).where(Rating.suggestion_id == suggestion.id)).first():
        raise InvalidTransition("孩子已经评价过了，不用这样办结。")
    since = closable_from(session, suggestion)
    if since is None or (now or utcnow()) < since:
        raise InvalidTransition(f"答复以后要等 {WAIT_DAYS} 天，给孩子时间评价，才能这样办结。")
    event = record(session, suggestion, action="close_unrated", actor=actor,
                   to_status=Status.CLOSED, note=note)
    if suggestion.member_id is not None:
        notify(session, kind="closed", suggestion=suggestion, member_id=suggestion.member_id,
               message=f"你的建议 {suggestion.tracking_code} 办结了。想说说对回复的看法，"
                       "随时可以告诉辅导员。")
    return event
