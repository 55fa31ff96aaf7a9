"""A child without an account keeps their suggestions on their device, and can carry them.

An anonymous suggestion belongs to the device that wrote it: the hash of its ``ts_owner``
key is stored on the suggestion (see ``webapp/owner.py``). "我的建议" lists what this device
wrote, and marks what has an answer the child has not rated yet.

To carry one suggestion to another phone, the owning device asks for a carry ticket: a
short code, shown as a QR code and a link, that works once and only for half an hour. The
device that opens it becomes a second owner of that one suggestion (the ticket remembers
the hash of its key). Nothing else moves: the first device keeps its own key.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import or_
from sqlmodel import Field, Session, SQLModel, select

from models.common import new_code, utcnow
from models.suggestions import questions
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

TICKET_MINUTES = 30
TICKET_LENGTH = 8
LIST_LIMIT = 50


class CarryProblem(ValueError):
    """The ticket is unknown, used or too old, or the device does not own the suggestion."""


class CarryTicket(SQLModel, table=True):
    """A one-time code that lets a second device own one anonymous suggestion."""

    __tablename__ = "carry_ticket"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True, max_length=16)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    used_by_hash: str | None = Field(default=None, index=True, max_length=64)


def _claimed(key_hash: str):
    return select(CarryTicket.suggestion_id).where(CarryTicket.used_by_hash == key_hash)


def device_owns(session: Session, suggestion: Suggestion, key_hash: str | None) -> bool:
    """True for the device that wrote an anonymous suggestion, or one it was carried to."""
    if suggestion.member_id is not None or not key_hash:
        return False
    if suggestion.owner_key_hash and suggestion.owner_key_hash == key_hash:
        return True
    query = _claimed(key_hash).where(CarryTicket.suggestion_id == suggestion.id)
    return session.exec(query).first() is not None


def device_suggestions(session: Session, key_hash: str | None) -> list[Suggestion]:
    """This device's own anonymous suggestions, newest first."""
    if not key_hash:
        return []
    query = (select(Suggestion)
             .where(Suggestion.member_id.is_(None),
                    or_(Suggestion.owner_key_hash == key_hash,
                        Suggestion.id.in_(_claimed(key_hash))))
             .order_by(Suggestion.created_at.desc(), Suggestion.id.desc()).limit(LIST_LIMIT))
    return list(session.exec(query))


def has_news(suggestion: Suggestion) -> bool:
    """An answer arrived that the child has not rated yet: the device shows a badge."""
    return suggestion.status == Status.ANSWERED


def news_count(session: Session, key_hash: str | None) -> int:
    """What this device's child should look at: answers and questions waiting for them."""
    found = device_suggestions(session, key_hash)
    asked = questions.asked_ids(session, found)
    return sum(1 for s in found if has_news(s) or s.id in asked)


def issue_ticket(session: Session, suggestion: Suggestion, key_hash: str | None,
                 now: datetime | None = None) -> CarryTicket:
    """A fresh carry ticket for a suggestion this device owns."""
    if not device_owns(session, suggestion, key_hash):
        raise CarryProblem("只有写这条建议的手机才能把它带走。")
    now = now or utcnow()
    ticket = CarryTicket(code=new_code(TICKET_LENGTH), suggestion_id=suggestion.id,
                         created_at=now, expires_at=now + timedelta(minutes=TICKET_MINUTES))
    session.add(ticket)
    session.flush()
    return ticket


def redeem(session: Session, code: str, key_hash: str,
           now: datetime | None = None) -> Suggestion:
    """The second device opens the ticket: it now owns the suggestion too (once only)."""
    code = (code or "").strip().upper()
    ticket = session.exec(select(CarryTicket).where(CarryTicket.code == code)).first()
    if ticket is None or ticket.used_at is not None or \
            _aware(ticket.expires_at) <= (now or utcnow()):
        raise CarryProblem("这个二维码已经用过或者过期了，请在原来的手机上再生成一个。")
    ticket.used_at, ticket.used_by_hash = now or utcnow(), key_hash
    session.add(ticket)
    session.flush()
    return session.get(Suggestion, ticket.suggestion_id)


def _aware(when: datetime) -> datetime:
    """A naive datetime read back is UTC, as every stored one is."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def questions_for(session: Session, *, member_id: int | None,
                  key_hash: str | None) -> list[Suggestion]:
    """A child's (or this device's) suggestions with a question waiting for their answer
    (the facilitator's, or the agency's passed on by the facilitator)."""
    if member_id is not None:
        statuses = [Status.WAITING_FOR_CHILD.value, *(s.value for s in questions.WITH_AGENCY)]
        query = select(Suggestion).where(Suggestion.member_id == member_id,
                                         Suggestion.status.in_(statuses))
        found = list(session.exec(query.order_by(Suggestion.id.desc()).limit(LIST_LIMIT)))
    else:
        found = device_suggestions(session, key_hash)
    asked = questions.asked_ids(session, found)
    return [s for s in found if s.id in asked]
