"""What a facilitator needs at a glance: their queue, alerts, late answers and news to pass on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session, select

from models import paging
from models.common import utcnow
from models.councils import meetings
from models.people.tables import Account, Group, Meeting
from models.privacy import scope
from models.suggestions import moderation
from models.suggestions.deadlines import late_sql
from models.suggestions.moderation import REVIEWABLE
from models.suggestions.status import Status
from models.suggestions.tables import Answer, Suggestion

IN_AGENCY_HANDS = (Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS)


@dataclass
class Home:
    groups: list[Group]
    upcoming: list[Meeting]
    queue_count: int
    urgent: list[Suggestion]
    overdue: list[Suggestion]
    overdue_count: int
    answers: list[tuple[Suggestion, Answer]] = field(default_factory=list)


OVERDUE_SHOWN = 20


def overdue(session: Session, account: Account, limit: int = OVERDUE_SHOWN
            ) -> tuple[list[Suggestion], int]:
    """The groups' suggestions an agency is late with: the oldest few, and how many in all."""
    query = scope.facilitator_suggestions(account).where(
        Suggestion.status.in_([s.value for s in IN_AGENCY_HANDS]), late_sql(utcnow()))
    shown = session.exec(query.order_by(Suggestion.created_at, Suggestion.id).limit(limit))
    return list(shown), paging.count(session, query)


def recent_answers(session: Session, account: Account, days: int = 30
                   ) -> list[tuple[Suggestion, Answer]]:
    """Answers of the last weeks, so the facilitator can tell the children at the next meeting."""
    mine = scope.facilitator_suggestions(account).with_only_columns(Suggestion.id)
    query = (select(Suggestion, Answer).join(Answer, Answer.suggestion_id == Suggestion.id)
             .where(Suggestion.id.in_(mine), Answer.created_at >= utcnow() - timedelta(days=days))
             .order_by(Answer.created_at.desc(), Answer.id.desc()).limit(10))
    return [tuple(row) for row in session.exec(query)]


def urgent_open(session: Session, account: Account) -> list[Suggestion]:
    """Every urgent item still in review: never cut to a page, a child may be in danger."""
    query = (scope.facilitator_suggestions(account)
             .where(Suggestion.urgent, Suggestion.status.in_([s.value for s in REVIEWABLE]))
             .order_by(Suggestion.created_at, Suggestion.id))
    return list(session.exec(query))


def home(session: Session, account: Account) -> Home:
    groups = scope.facilitator_groups(session, account)
    late, late_count = overdue(session, account)
    queue = moderation.review_query(scope.facilitator_suggestions(account))
    return Home(groups=groups, upcoming=meetings.upcoming(session, groups),
                queue_count=paging.count(session, queue), urgent=urgent_open(session, account),
                overdue=late, overdue_count=late_count, answers=recent_answers(session, account))
