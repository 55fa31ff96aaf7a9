"""The public board 你说我办: answered suggestions anyone may read, with what was done.

Only what ``publication.public_condition()`` allows is ever listed, and of it only the
masked text an agency reads (``Suggestion.agency_text``), the answer written for children
and the adoption level: never the child's own words, nickname, group or place. An answer is
written to one child and may greet them by name, so the name is masked on the board too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import exists, func, tuple_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from models import paging
from models.office.sqltime import moment
from models.people.tables import Member
from models.plans.tables import Agency
from models.privacy.publication import public_condition
from models.suggestions.status import Status
from models.suggestions.tables import Answer, Suggestion

ANSWERED = (Status.ANSWERED, Status.CLOSED)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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


def _is_latest(answer):
    """True for the newest answer of its suggestion (the board shows that one)."""
    newer = aliased(Answer)
    return ~exists().where(newer.suggestion_id == answer.suggestion_id, newer.id > answer.id)


def _shown(wanted: BoardFilter):
    """Public, answered suggestions of the city (and domain): the board's items."""
    query = [public_condition(), Suggestion.plan_id == wanted.plan_id,
             Suggestion.status.in_([s.value for s in ANSWERED])]
    if wanted.domain:
        query.append(Suggestion.domain == wanted.domain)
    return query


def _query(wanted: BoardFilter):
    """One row per item with all it shows, newest answer first.

    The database walks the answers newest first (``ix_answer_newest``) and stops once the
    page is full, whatever the size of the city.
    """
    query = (select(Suggestion.id, Suggestion.clarified_text, Suggestion.redacted_text,
                    Suggestion.topic, Suggestion.domain, Agency.name, Answer.child_text,
                    Answer.due_weight, Answer.created_at, Member.nickname,
                    Answer.id.label("answer_id"))
             .select_from(Answer).join(Suggestion, Suggestion.id == Answer.suggestion_id)
             .join(Agency, Agency.id == Answer.agency_id)
             .outerjoin(Member, Member.id == Suggestion.member_id)
             .where(_is_latest(Answer), *_shown(wanted))
             .order_by(Answer.created_at.desc(), Answer.id.desc()))
    if wanted.agency_id is not None:
        query = query.where(Answer.agency_id == wanted.agency_id)
    return query


def count(session: Session, wanted: BoardFilter) -> int:
    """How many items the board holds, from ``ix_suggestion_board`` alone.

    An answered or closed suggestion always has an answer (only answering moves it there,
    ``models.suggestions.status``), so without an agency the answers need not be read; with
    one, only that agency's latest answers are.
    """
    query = select(func.count()).select_from(Suggestion).where(*_shown(wanted))
    if wanted.agency_id is not None:
        query = query.where(exists().where(Answer.suggestion_id == Suggestion.id,
                                           Answer.agency_id == wanted.agency_id,
                                           _is_latest(Answer)))
    return session.exec(query).one()


def _item(row) -> BoardItem:
    (found_id, clarified, redacted, topic, domain, agency, answer, weight, at,
     nickname, _answer_id) = row
    return BoardItem(id=found_id, text=masked(clarified or redacted, nickname), topic=topic,
                     domain=domain, agency=agency, answer=masked(answer, nickname),
                     due_weight=str(weight), answered_at=at)


def cursor_of(at: datetime, answer_id: int) -> str:
    """The place after one answer in the board's order, as the "下一页" link carries it."""
    return f"{(at - EPOCH) // timedelta(microseconds=1)}.{answer_id}"


def _after(cursor: str | None) -> tuple[datetime, int] | None:
    """The answer's time and id a cursor names; None for anything else (then the page
    number alone is used)."""
    whole, _dot, answer_id = (cursor or "").partition(".")
    if not (whole.isdigit() and answer_id.isdigit() and len(cursor) < 40):
        return None
    return EPOCH + timedelta(microseconds=int(whole)), int(answer_id)


def board_page(session: Session, wanted: BoardFilter, request: paging.PageRequest,
               after: str | None = None) -> paging.Page:
    """One page of the board, newest answer first, counted and cut in SQL (two queries).

    With ``after`` (the cursor the previous page's "下一页" link carries) the page starts
    right after that answer, found through ``ix_answer_newest``: a far page costs what the
    first does, where an offset walks every item before it.
    """
    query, total, place = _query(wanted), count(session, wanted), _after(after)
    if place is None:
        found = paging.page(session, query, request, total=total)
        rows, number = found.items, found.number
    else:
        rows = list(session.exec(query.where(
            tuple_(Answer.created_at, Answer.id) < tuple_(moment(place[0]), place[1]))
            .limit(request.size)))
        number = request.number
    page = paging.Page(items=[_item(row) for row in rows], number=number,
                       size=request.size, total=total)
    last = rows[-1] if rows and page.has_next else None
    return replace(page, after=cursor_of(last.created_at, last.answer_id) if last else None)
