"""The public board 你说我办: answered suggestions anyone may read, with what was done.

Only what ``publication.public_condition()`` allows is ever listed, and of it only the
masked text an agency reads (``Suggestion.agency_text``), the answer written for children
and the adoption level: never the child's own words, nickname, group or place. An answer is
written to one child and may greet them by name, so the name is masked on the board too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from models import paging
from models.people.tables import Member
from models.plans.tables import Agency
from models.privacy.publication import public_condition
from models.suggestions.status import Status
from models.suggestions.tables import Answer, Suggestion

ANSWERED = (Status.ANSWERED, Status.CLOSED)


@dataclass(frozen=True)
class BoardFilter:
    """Which city's board, narrowed to one domain of its plan and one answering agency."""

    plan_id: str
    domain: str = ""
    agency_id: int | None = None


@dataclass(frozen=True)
class BoardItem:
    """What the public reads of one suggestion."""

    id: int
    text: str
    topic: str | None
    domain: str
    agency: str
    answer: str
    due_weight: str
    answered_at: datetime


def masked(text: str, nickname: str | None) -> str:
    """Personal details masked, and the child's nickname too wherever it appears."""
    from classifier.redact import NAME, redact  # jieba's dictionary loads on first use

    text = redact(text or "").text
    return text.replace(nickname, NAME) if nickname else text


def _latest_answer():
    """Join condition: the newest answer of the suggestion."""
    newer = aliased(Answer)
    return Answer.id == (select(func.max(newer.id)).where(newer.suggestion_id == Suggestion.id)
                         .scalar_subquery())


def _query(wanted: BoardFilter):
    query = (
        select(Suggestion)
        .join(Answer, _latest_answer())
        .where(public_condition(), Suggestion.plan_id == wanted.plan_id,
               Suggestion.status.in_([s.value for s in ANSWERED]))
        .order_by(Answer.created_at.desc(), Suggestion.id.desc()))
    if wanted.domain:
        query = query.where(Suggestion.domain == wanted.domain)
    if wanted.agency_id is not None:
        query = query.where(Answer.agency_id == wanted.agency_id)
    return query


def _items(session: Session, found: list[Suggestion]) -> list[BoardItem]:
    """The answer, its agency and the author's nickname (to mask it) for one page's items."""
    query = (select(Suggestion.id, Agency.name, Answer.child_text, Answer.due_weight,
                    Answer.created_at, Member.nickname)
             .select_from(Suggestion).join(Answer, _latest_answer())
             .join(Agency, Agency.id == Answer.agency_id)
             .outerjoin(Member, Member.id == Suggestion.member_id)
             .where(Suggestion.id.in_([s.id for s in found])))
    details = {row[0]: row[1:] for row in session.execute(query)}
    return [_item(s, *details[s.id]) for s in found if s.id in details]


def _item(found: Suggestion, agency: str, answer: str, weight, at: datetime,
          nickname: str | None) -> BoardItem:
    return BoardItem(id=found.id, text=masked(found.agency_text, nickname), topic=found.topic,
                     domain=found.domain, agency=agency, answer=masked(answer, nickname),
                     due_weight=str(weight), answered_at=at)


def board_page(session: Session, wanted: BoardFilter,
               request: paging.PageRequest) -> paging.Page:
    """One page of the board, newest answer first, counted and cut in SQL."""
    found = paging.page(session, _query(wanted), request)
    return paging.Page(items=_items(session, found.items), number=found.number,
                       size=found.size, total=found.total)
