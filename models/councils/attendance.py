"""Who came to a meeting and what was raised there: the room's record.

Read by the meeting itself, its live screen (``votes.live``) and its minutes, so it sits
below all three and imports none of them.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, Session, SQLModel, UniqueConstraint, select

from models.common import utcnow
from models.people.tables import Meeting, Member
from models.suggestions.tables import Suggestion


class Attendance(SQLModel, table=True):
    """A child who came to a meeting (joined with the code, or was marked present)."""

    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    joined_at: datetime = Field(default_factory=utcnow)


def attendance(session: Session, meeting: Meeting, member: Member) -> Attendance | None:
    query = select(Attendance).where(Attendance.meeting_id == meeting.id,
                                     Attendance.member_id == member.id)
    return session.exec(query).first()


def attendees(session: Session, meeting: Meeting) -> list[Member]:
    query = (select(Member).join(Attendance, Attendance.member_id == Member.id)
             .where(Attendance.meeting_id == meeting.id).order_by(Attendance.joined_at))
    return list(session.exec(query))


def suggestions(session: Session, meeting: Meeting) -> list[Suggestion]:
    query = (select(Suggestion).where(Suggestion.meeting_id == meeting.id)
             .order_by(Suggestion.urgent.desc(), Suggestion.id))
    return list(session.exec(query))
