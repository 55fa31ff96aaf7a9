"""Council meetings: scheduled with an agenda, opened, joined with a code, closed with minutes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from models.common import new_code, utcnow
from models.councils import minutes, votes
from models.councils.attendance import Attendance, attendance, attendees, suggestions  # noqa: F401
from models.i18n import N_
from models.people.tables import Account, Group, Meeting, MeetingStatus, Member
from models.refusals import Invalid
from models.suggestions.deadlines import CHINA
from models.suggestions.intake import Taken, take_words
from models.suggestions.lifecycle import Actor, Draft

MEETING_LABELS = {MeetingStatus.PLANNED: N_("还没开始"), MeetingStatus.OPEN: N_("正在开"),
                  MeetingStatus.CLOSED: N_("已结束")}


class MeetingProblem(Invalid):
    """A meeting step that cannot be taken, with a reason people can read."""


def group_meeting(session: Session, group: Group, meeting_id: int) -> Meeting | None:
    """A meeting of this group only; another group's meeting is None (404)."""
    meeting = session.get(Meeting, meeting_id)
    return meeting if meeting is not None and meeting.group_id == group.id else None


def schedule(session: Session, *, group: Group, title: str, topic: str, agenda: str,
             scheduled_at: datetime) -> Meeting:
    title = title.strip()
    if not title:
        raise MeetingProblem(N_("请给会议起个标题。"))
    if scheduled_at.tzinfo is None:  # a time typed into a form is the city's local time
        scheduled_at = scheduled_at.replace(tzinfo=CHINA)
    meeting = Meeting(group_id=group.id, title=title[:120], topic=topic.strip()[:120],
                      agenda=agenda.strip()[:4000], scheduled_at=scheduled_at,
                      join_code=_free_code(session))
    session.add(meeting)
    session.flush()
    return meeting


def _free_code(session: Session) -> str:
    while True:
        code = new_code(6)
        taken = session.exec(select(Meeting).where(Meeting.join_code == code,
                                                   Meeting.status != MeetingStatus.CLOSED))
        if taken.first() is None:
            return code


def open_meeting(session: Session, *, meeting: Meeting) -> Meeting:
    if meeting.status != MeetingStatus.PLANNED:
        raise MeetingProblem(N_("这个会议已经开过了。"))
    meeting.status, meeting.opened_at = MeetingStatus.OPEN, utcnow()
    session.add(meeting)
    session.flush()
    return meeting


def close_meeting(session: Session, *, meeting: Meeting) -> Meeting:
    """End the meeting, close any vote still running and draft the minutes."""
    if meeting.status != MeetingStatus.OPEN:
        raise MeetingProblem(N_("只有正在开的会议才能结束。"))
    votes.close_all(session, meeting=meeting)
    meeting.status, meeting.closed_at = MeetingStatus.CLOSED, utcnow()
    meeting.minutes = minutes.draft(session, meeting)[:20000]
    session.add(meeting)
    session.flush()
    return meeting


def save_minutes(session: Session, *, meeting: Meeting, text: str) -> None:
    if meeting.status != MeetingStatus.CLOSED:
        raise MeetingProblem(N_("会议结束后才能编辑纪要。"))
    if not text.strip():
        raise MeetingProblem(N_("纪要不能是空的。"))
    meeting.minutes = text.strip()[:20000]
    session.add(meeting)
    session.flush()


def regenerate_minutes(session: Session, *, meeting: Meeting) -> None:
    """Throw away the edits and draft the minutes again from what was recorded."""
    if meeting.status != MeetingStatus.CLOSED:
        raise MeetingProblem(N_("会议结束后才能生成纪要。"))
    meeting.minutes = minutes.draft(session, meeting)[:20000]
    session.add(meeting)
    session.flush()


def open_by_code(session: Session, code: str) -> Meeting | None:
    code = (code or "").strip().upper()
    query = select(Meeting).where(Meeting.join_code == code,
                                  Meeting.status == MeetingStatus.OPEN)
    return session.exec(query).first()


def join(session: Session, *, meeting: Meeting, member: Member) -> Attendance:
    """A child enters the room; joining twice is harmless."""
    if meeting.group_id != member.group_id:
        raise MeetingProblem(N_("这个会议码不是你们小组的，请问问辅导员。"))
    if meeting.status != MeetingStatus.OPEN:
        raise MeetingProblem(N_("这个会议现在没有在开。"))
    found = attendance(session, meeting, member)
    if found is not None:
        return found
    found = Attendance(meeting_id=meeting.id, member_id=member.id)
    session.add(found)
    try:
        session.flush()
    except IntegrityError:  # two tabs joining at once raced to the unique key
        session.rollback()  # a failed flush leaves nothing else to keep
        found = attendance(session, meeting, member)
    return found


def thread(meeting: Meeting, member: Member) -> str:
    """One child in one meeting is one conversation, for safeguarding."""
    return f"meeting:{meeting.id}:{member.id}"


def raise_suggestion(session: Session, *, meeting: Meeting, text: str, member: Member,
                     entered_by: Account | None = None, place: str = "",
                     idempotency_key: str | None = None) -> Taken:
    """A suggestion made in the meeting, by the child or by the facilitator on their behalf.

    Once something this child said in the meeting opened a safeguarding case, their later
    words join the case instead (``Taken.in_case``): the child's phone shows help, not a code.
    """
    text = text.strip()
    if not text:
        raise MeetingProblem(N_("请写下建议的内容。"))
    if len(text) > 2000:
        raise MeetingProblem(N_("建议太长了，请写短一点（2000 字以内）。"))
    if meeting.status != MeetingStatus.OPEN:
        raise MeetingProblem(N_("会议开着的时候才能提建议。"))
    if member.group_id != meeting.group_id or not member.is_active:
        raise MeetingProblem(N_("这位小朋友不是本小组的成员。"))
    group = session.get(Group, meeting.group_id)
    draft = Draft(plan_id=group.plan_id, text=text, place=place.strip()[:200],
                  group_id=group.id, meeting_id=meeting.id, member_id=member.id,
                  entered_by_id=entered_by.id if entered_by else None,
                  idempotency_key=idempotency_key)
    actor = (Actor("staff", entered_by.id, (N_("%(display_name)s（代%(nickname)s填写）")
                                            % {"display_name": entered_by.display_name,
                                               "nickname": member.nickname}))
             if entered_by else Actor("child", member.id, member.nickname))
    taken = take_words(session, draft, actor, thread=thread(meeting, member), channel="meeting")
    if attendance(session, meeting, member) is None:
        session.add(Attendance(meeting_id=meeting.id, member_id=member.id))
        session.flush()
    return taken


def upcoming(session: Session, groups: list[Group], limit: int = 5) -> list[Meeting]:
    ids = [group.id for group in groups]
    if not ids:
        return []
    query = (select(Meeting).where(Meeting.group_id.in_(ids),
                                   Meeting.status != MeetingStatus.CLOSED)
             .order_by(Meeting.scheduled_at).limit(limit))
    return list(session.exec(query))
