"""Votes in a meeting: one child, one vote, results counted live."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, UniqueConstraint, func, select

from models.common import utcnow
from models.councils import attendance, support
from models.i18n import N_
from models.people.tables import Meeting, MeetingStatus, Member
from models.refusals import Invalid
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion


class VoteProblem(Invalid):
    """A vote that cannot be cast or started, with a reason a child can read."""


class Poll(SQLModel, table=True):
    """One question put to the meeting."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    question: str = Field(max_length=200)
    is_open: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None


class PollOption(SQLModel, table=True):
    """A choice in a poll, often one of the meeting's suggestions."""

    __tablename__ = "poll_option"

    id: int | None = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="poll.id", index=True)
    label: str = Field(max_length=200)
    suggestion_id: int | None = Field(default=None, foreign_key="suggestion.id")


class Vote(SQLModel, table=True):
    """A child's vote: the database itself refuses a second one in the same poll."""

    __table_args__ = (UniqueConstraint("poll_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="poll.id", index=True)
    member_id: int = Field(foreign_key="member.id")
    option_id: int = Field(foreign_key="poll_option.id")
    created_at: datetime = Field(default_factory=utcnow)


@dataclass(frozen=True)
class Tally:
    option: PollOption
    votes: int


def start(session: Session, *, meeting: Meeting, question: str, labels: list[str],
          suggestion_ids: list[int]) -> Poll:
    """Put a question to the room: choices are meeting suggestions and/or written lines."""
    question = question.strip()
    if meeting.status != MeetingStatus.OPEN:
        raise VoteProblem(N_("会议开着的时候才能投票。"))
    if not question:
        raise VoteProblem(N_("请写下要大家投票的问题。"))
    picked = [item for item in _meeting_suggestions(session, meeting) if item.id in suggestion_ids]
    choices = [(item.agency_text[:200], item.id) for item in picked]
    choices += [(label.strip()[:200], None) for label in labels if label.strip()]
    if len(choices) < 2:
        raise VoteProblem(N_("投票至少要有两个选项。"))
    close_all(session, meeting=meeting)
    poll = Poll(meeting_id=meeting.id, question=question[:200])
    session.add(poll)
    session.flush()
    for label, suggestion_id in choices:
        session.add(PollOption(poll_id=poll.id, label=label, suggestion_id=suggestion_id))
    session.flush()
    return poll


def _meeting_suggestions(session: Session, meeting: Meeting) -> list[Suggestion]:
    query = select(Suggestion).where(Suggestion.meeting_id == meeting.id,
                                     Suggestion.urgent.is_(False), Suggestion.case_id.is_(None))
    return list(session.exec(query))


def options(session: Session, poll: Poll) -> list[PollOption]:
    query = select(PollOption).where(PollOption.poll_id == poll.id).order_by(PollOption.id)
    return list(session.exec(query))


def current(session: Session, meeting: Meeting) -> Poll | None:
    query = select(Poll).where(Poll.meeting_id == meeting.id, Poll.is_open)
    return session.exec(query.order_by(Poll.id.desc())).first()


def polls(session: Session, meeting: Meeting) -> list[Poll]:
    return list(session.exec(select(Poll).where(Poll.meeting_id == meeting.id)
                             .order_by(Poll.id)))


def my_vote(session: Session, poll: Poll, member: Member) -> Vote | None:
    query = select(Vote).where(Vote.poll_id == poll.id, Vote.member_id == member.id)
    return session.exec(query).first()


def cast(session: Session, *, poll: Poll, option_id: int, member: Member) -> Vote:
    """One vote per child per poll, only while the poll is open and only in their group."""
    meeting = session.get(Meeting, poll.meeting_id)
    if meeting.group_id != member.group_id:
        raise VoteProblem(N_("这不是你们小组的投票。"))
    if not poll.is_open or meeting.status != MeetingStatus.OPEN:
        raise VoteProblem(N_("投票已经结束了。"))
    if option_id not in {option.id for option in options(session, poll)}:
        raise VoteProblem(N_("请选一个选项再投票。"))
    if my_vote(session, poll, member) is not None:
        raise VoteProblem(N_("你已经投过票啦，一人一票。"))
    vote = Vote(poll_id=poll.id, member_id=member.id, option_id=option_id)
    session.add(vote)
    try:
        session.flush()
    except IntegrityError as error:  # a double click raced to the unique key
        session.rollback()  # a failed flush leaves nothing else to keep
        raise VoteProblem("你已经投过票啦，一人一票。") from error
    return vote


def results(session: Session, poll: Poll) -> list[Tally]:
    query = (select(Vote.option_id, func.count()).where(Vote.poll_id == poll.id)
             .group_by(Vote.option_id))
    counted = dict(session.exec(query).all())
    return [Tally(option, counted.get(option.id, 0)) for option in options(session, poll)]


def close(session: Session, *, poll: Poll) -> None:
    poll.is_open, poll.closed_at = False, utcnow()
    session.add(poll)
    session.flush()


def close_all(session: Session, *, meeting: Meeting) -> None:
    for poll in session.exec(select(Poll).where(Poll.meeting_id == meeting.id, Poll.is_open)):
        poll.is_open, poll.closed_at = False, utcnow()
        session.add(poll)
    session.flush()


def live(session: Session, meeting: Meeting) -> dict:
    """What the facilitator's screen shows, as JSON: attendance, suggestions, the vote."""
    poll = current(session, meeting) or (polls(session, meeting) or [None])[-1]
    # The screen is projected: nothing urgent and nothing of a safeguarding case, not even a
    # placeholder, so the room cannot tell that anyone said something worrying.
    items = [item for item in attendance.suggestions(session, meeting)
             if item.status != Status.MERGED and not item.urgent and item.case_id is None]
    supports = support.counts(session, [item.id for item in items])
    data = {
        "status": str(meeting.status),
        "attendees": [member.nickname for member in attendance.attendees(session, meeting)],
        "suggestions": [{"code": item.tracking_code,
                         "text": item.agency_text, "supports": supports.get(item.id, 0),
                         "status": str(item.status)} for item in items],
        "poll": None,
    }
    if poll is not None:
        tallies = results(session, poll)
        data["poll"] = {"id": poll.id, "question": poll.question, "open": poll.is_open,
                        "total": sum(t.votes for t in tallies),
                        "results": [{"label": t.option.label, "votes": t.votes}
                                    for t in tallies]}
    return data
