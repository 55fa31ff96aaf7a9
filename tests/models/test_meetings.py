"""Meetings: join with the code, suggestions tied to the meeting, one child one vote, minutes."""

from datetime import timedelta

import pytest

from models.common import utcnow
from models.councils import meetings, minutes, votes
from models.people.tables import MeetingStatus
from tests.flow import account, council, member


@pytest.fixture
def meeting(session):
    found = meetings.schedule(session, group=council(session), title="一月议事会",
                              topic="上学路上", agenda="1. 说说问题\n2. 投票",
                              scheduled_at=utcnow() + timedelta(days=1))
    return meetings.open_meeting(session, meeting=found)


def test_a_meeting_needs_a_title(session):
    with pytest.raises(meetings.MeetingProblem):
        meetings.schedule(session, group=council(session), title=" ", topic="", agenda="",
                          scheduled_at=utcnow())


def test_children_join_with_the_code_once_each(session, meeting):
    found = meetings.open_by_code(session, meeting.join_code.lower())
    assert found.id == meeting.id
    kid = member(session, "小明")
    meetings.join(session, meeting=meeting, member=kid)
    meetings.join(session, meeting=meeting, member=kid)
    assert [m.nickname for m in meetings.attendees(session, meeting)] == ["小明"]


def test_a_suggestion_entered_for_a_child_is_marked_and_tied_to_the_meeting(session, meeting):
    made = meetings.raise_suggestion(session, meeting=meeting, text="校门口要有红绿灯。",
                                     member=member(session, "乐乐"),
                                     entered_by=account(session, "facilitator")).suggestion
    assert made.meeting_id == meeting.id and made.entered_by_id is not None
    assert [s.id for s in meetings.suggestions(session, meeting)] == [made.id]


def test_one_child_one_vote_and_live_results(session, meeting):
    poll = votes.start(session, meeting=meeting, question="哪个最重要？", labels=["红绿灯", "路灯"],
                       suggestion_ids=[])
    first, second = votes.options(session, poll)
    votes.cast(session, poll=poll, option_id=first.id, member=member(session, "小明"))
    with pytest.raises(votes.VoteProblem, match="一人一票"):
        votes.cast(session, poll=poll, option_id=second.id, member=member(session, "小明"))
    votes.cast(session, poll=poll, option_id=second.id, member=member(session, "小红"))
    live = votes.live(session, meeting)
    assert live["poll"]["total"] == 2
    assert [r["votes"] for r in live["poll"]["results"]] == [1, 1]


def test_a_vote_needs_two_choices(session, meeting):
    with pytest.raises(votes.VoteProblem, match="两个选项"):
        votes.start(session, meeting=meeting, question="好吗？", labels=["好"], suggestion_ids=[])


def test_closing_drafts_minutes_with_attendance_suggestions_and_votes(session, meeting):
    meetings.raise_suggestion(session, meeting=meeting, text="公园的滑梯要修一修。",
                              member=member(session, "小红"))
    poll = votes.start(session, meeting=meeting, question="先做哪件？", labels=["滑梯", "路灯"],
                       suggestion_ids=[])
    votes.cast(session, poll=poll, option_id=votes.options(session, poll)[0].id,
               member=member(session, "小红"))
    meetings.close_meeting(session, meeting=meeting)
    assert meeting.status == MeetingStatus.CLOSED
    assert "出席（1 人）：小红" in meeting.minutes and "滑梯" in meeting.minutes
    assert "滑梯：1 票" in meeting.minutes
    with pytest.raises(votes.VoteProblem):
        votes.cast(session, poll=poll, option_id=votes.options(session, poll)[1].id,
                   member=member(session, "小明"))


def test_minutes_export_as_pdf_and_word(session, meeting):
    meetings.close_meeting(session, meeting=meeting)
    assert minutes.to_pdf(meeting).startswith(b"%PDF")
    assert minutes.to_docx(meeting)[:2] == b"PK"


def test_regenerating_the_minutes_throws_the_edits_away(session, meeting):
    meetings.raise_suggestion(session, meeting=meeting, text="公园的滑梯要修一修。",
                              member=member(session, "小红"))
    meetings.close_meeting(session, meeting=meeting)
    meetings.save_minutes(session, meeting=meeting, text="写乱了")
    meetings.regenerate_minutes(session, meeting=meeting)
    assert "写乱了" not in meeting.minutes and "公园的滑梯要修一修" in meeting.minutes


def test_minutes_can_only_be_regenerated_after_the_meeting(session, meeting):
    with pytest.raises(meetings.MeetingProblem, match="会议结束后"):
        meetings.regenerate_minutes(session, meeting=meeting)
