"""Pre-moderation: other children see a suggestion only after a facilitator has approved it.

Approved means past review (dispatched or later) or adopted by the council, which the
facilitator co-signs. Until then only its author sees it; a 404 is all anyone else gets.
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import Session, select

from models.councils.support import CouncilVoice
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

UNAPPROVED = (Status.SUBMITTED, Status.IN_REVIEW)


def visible_to(member_id: int):
    """A query condition: the child's own suggestions, and others' approved ones."""
    adopted = select(CouncilVoice.suggestion_id)
    return or_(Suggestion.member_id == member_id, Suggestion.status.not_in(UNAPPROVED),
               Suggestion.id.in_(adopted))


def may_see(session: Session, suggestion: Suggestion, member_id: int) -> bool:
    """True for the author, and for anyone once the suggestion is approved or adopted."""
    if suggestion.member_id == member_id or suggestion.status not in UNAPPROVED:
        return True
    return session.get(CouncilVoice, suggestion.id) is not None
