"""The children's side: join with the code, suggest, vote once, and support once."""

from datetime import timedelta

import pytest
from sqlmodel import select

from models import meetings, votes
from models.common import utcnow
from models.suggestion import Suggestion, Support
from tests.flow import council, member, new_suggestion


@pytest.fixture
def meeting(session):
    found = meetings.schedule(session, group=council(session), title="三月议事会",
                              topic="上学路上", agenda="",
                              scheduled_at=utcnow() + timedelta(hours=1))
    return meetings.open_meeting(session, meeting=found)


def test_a_child_joins_with_the_code_and_makes_a_suggestion(client, session, auth, meeting):
    auth.child("小红", "2345")
    response = client.post("/group/join", data={"code": meeting.join_code.lower()})
    assert response.headers["Location"].endswith(f"/group/meeting/{meeting.id}")
    client.post(f"/group/meeting/{meeting.id}/suggest", data={"text": "校门口要有红绿灯。"})
    made = session.exec(select(Suggestion).where(Suggestion.meeting_id == meeting.id)).one()
    assert made.member_id == member(session, "小红").id and made.entered_by_id is None


def test_a_wrong_code_is_explained_and_kept(client, auth, meeting):
    auth.child()
    response = client.post("/group/join", data={"code": "ZZZZZZ"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "没有找到正在开的会议" in page and "ZZZZZZ" in page


def test_an_empty_suggestion_is_refused_and_nothing_is_stored(client, session, auth, meeting):
    auth.child()
    client.post("/group/join", data={"code": meeting.join_code})
    response = client.post(f"/group/meeting/{meeting.id}/suggest", data={"text": "  "})
    assert response.status_code == 400 and "请写下建议" in response.get_data(as_text=True)
    assert session.exec(select(Suggestion).where(Suggestion.meeting_id == meeting.id)).all() == []


def test_one_child_one_vote(client, session, auth, meeting):
    poll = votes.start(session, meeting=meeting, question="哪个先做？", labels=["甲", "乙"],
                       suggestion_ids=[])
    first = votes.options(session, poll)[0]
    auth.child()
    client.post("/group/join", data={"code": meeting.join_code})
    assert "哪个先做" in client.get(f"/group/meeting/{meeting.id}").get_data(as_text=True)
    client.post(f"/group/meeting/{meeting.id}/vote", data={"option": first.id})
    again = client.post(f"/group/meeting/{meeting.id}/vote", data={"option": first.id})
    assert again.status_code == 400 and "一人一票" in again.get_data(as_text=True)
    assert sum(t.votes for t in votes.results(session, poll)) == 1


def test_supporting_a_friends_suggestion_once(client, session, auth):
    suggestion = new_suggestion(session, nickname="小明")
    auth.child("小红", "2345")
    assert suggestion.agency_text in client.get("/group/").get_data(as_text=True)
    client.post(f"/group/suggestions/{suggestion.id}/support")
    page = client.post(f"/group/suggestions/{suggestion.id}/support",
                       follow_redirects=True).get_data(as_text=True)
    assert "已经支持过" in page
    rows = session.exec(select(Support).where(Support.suggestion_id == suggestion.id)).all()
    assert len(rows) == 1


def test_urgent_suggestions_are_never_shown_to_the_group(client, session, auth):
    new_suggestion(session, text="有人总是打我，我不敢回家。", urgent=True, nickname="小明")
    auth.child("小红", "2345")
    assert "不敢回家" not in client.get("/group/").get_data(as_text=True)


def test_a_child_cannot_open_another_groups_meeting(client, session, auth):
    from models.people import Group

    other = session.exec(select(Group).where(Group.invite_code == "HYZHEN")).one()
    foreign = meetings.schedule(session, group=other, title="别的会", topic="", agenda="",
                                scheduled_at=utcnow())
    meetings.open_meeting(session, meeting=foreign)
    auth.child()
    assert client.get(f"/group/meeting/{foreign.id}").status_code == 404
    page = client.post("/group/join", data={"code": foreign.join_code},
                       follow_redirects=True).get_data(as_text=True)
    assert "不是你们小组的" in page


def test_staff_cannot_open_the_childrens_pages(client, auth):
    auth.staff("facilitator")
    assert client.get("/group/").status_code == 403
