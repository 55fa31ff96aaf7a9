"""What a facilitator needs at a glance: their queue, alerts, late answers and news to pass on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session, select

from . import meetings, moderation, scope
from .common import utcnow
from .deadlines import is_overdue
from .people import Account, Group, Meeting
from .status import Status
from .suggestion import Answer, Suggestion

IN_AGENCY_HANDS = (Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS)


@dataclass
class Home:
    groups: list[Group]
    upcoming: list[Meeting]
    queue_count: int
    urgent: list[Suggestion]
    overdue: list[Suggestion]
    answers: list[tuple[Suggestion, Answer]] = field(default_factory=list)


def _group_ids(groups: list[Group]) -> list[int]:
    return [group.id for group in groups]


def overdue(session: Session, groups: list[Group]) -> list[Suggestion]:
    """The group's suggestions an agency is late to sign for or answer."""
    ids = _group_ids(groups)
    if not ids:
        return []
    query = select(Suggestion).where(Suggestion.group_id.in_(ids),
                                     Suggestion.status.in_(IN_AGENCY_HANDS))
    return [item for item in session.exec(query) if item.overdue or is_overdue(item)]


def recent_answers(session: Session, groups: list[Group], days: int = 30
                   ) -> list[tuple[Suggestion, Answer]]:
    """Answers of the last weeks, so the facilitator can tell the children at the next meeting."""
    ids = _group_ids(groups)
    if not ids:
        return []
    query = (select(Suggestion, Answer).join(Answer, Answer.suggestion_id == Suggestion.id)
             .where(Suggestion.group_id.in_(ids),
                    Answer.created_at >= utcnow() - timedelta(days=days))
             .order_by(Answer.created_at.desc()).limit(10))
    return [tuple(row) for row in session.exec(query)]


def urgent_open(session: Session, groups: list[Group]) -> list[Suggestion]:
    ids = _group_ids(groups)
    if not ids:
        return []
    query = (select(Suggestion).where(Suggestion.group_id.in_(ids), Suggestion.urgent,
                                      Suggestion.status.in_(moderation.REVIEWABLE))
             .order_by(Suggestion.created_at))
    return list(session.exec(query))


def home(session: Session, account: Account) -> Home:
    groups = scope.facilitator_groups(session, account)
    return Home(groups=groups, upcoming=meetings.upcoming(session, groups),
                queue_count=len(moderation.review_queue(session, groups)),
                urgent=urgent_open(session, groups), overdue=overdue(session, groups),
                answers=recent_answers(session, groups))
