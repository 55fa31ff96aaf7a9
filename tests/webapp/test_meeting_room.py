"""The meeting room for real classrooms: listed meetings, one-tap entry for members, a vote
panel the page can swap in, results as bars, and no meeting ended by a slip of the finger."""

from datetime import timedelta

import pytest

from models.common import utcnow
from models.councils import meetings, votes
from tests.flow import council


def _schedule(session, title: str, hours: int = 1):
    return meetings.schedule(session, group=council(session), title=title, topic="公园",
                             agenda="", scheduled_at=utcnow() + timedelta(hours=hours))


@pytest.fixture
def meeting(session):
    return meetings.open_meeting(session, meeting=_schedule(session, "三月议事会"))


def test_the_group_page_lists_the_next_meetings_and_lets_a_member_in_without_a_code(
        client, session, auth, meeting):
    _schedule(session, "四月议事会：图书馆", hours=48)
    auth.child("小红", "2345")
    page = client.get("/group/").get_data(as_text=True)
    assert "现在正在开会：三月议事会" in page and "接下来的会议" in page
    assert "四月议事会：图书馆" in page and "直接进去" in page
    response = client.post(f"/group/meeting/{meeting.id}/enter")
    assert response.headers["Location"].endswith(f"/group/meeting/{meeting.id}")
    assert client.get(f"/group/meeting/{meeting.id}").status_code == 200


def test_entering_a_meeting_that_is_not_open_is_explained(client, session, auth):
    planned = _schedule(session, "还没开的会")
    auth.child("小红", "2345")
    page = client.post(f"/group/meeting/{planned.id}/enter", follow_redirects=True)
    assert "这个会议现在没有在开" in page.get_data(as_text=True)


def test_the_vote_panel_comes_alone_and_draws_bars(client, session, auth, meeting):
    poll = votes.start(session, meeting=meeting, question="哪个先做？", labels=["滑梯", "路灯"],
                       suggestion_ids=[])
    auth.child("小红", "2345")
    client.post(f"/group/meeting/{meeting.id}/enter")
    panel = client.get(f"/group/meeting/{meeting.id}/poll-panel").get_data(as_text=True)
    assert "哪个先做？" in panel and "<textarea" not in panel and "<html" not in panel
    slide = votes.options(session, poll)[0]
    client.post(f"/group/meeting/{meeting.id}/vote", data={"option": slide.id})
    panel = client.get(f"/group/meeting/{meeting.id}/poll-panel").get_data(as_text=True)
    assert 'id="poll-results"' in panel
    bar = '<meter aria-hidden="true" min="0" max="1" value="1"></meter> <strong>1</strong>'
    assert bar in panel


def test_ending_a_meeting_needs_a_confirmation(client, session, auth, meeting):
    auth.staff("facilitator")
    base = f"/facilitator/groups/{meeting.group_id}/meetings/{meeting.id}"
    page = client.get(base).get_data(as_text=True)
    assert "确定要结束吗" in page
    refused = client.post(base + "/close")
    assert refused.status_code == 400 and "真的要结束会议吗" in refused.get_data(as_text=True)
    session.refresh(meeting)
    assert meeting.status == "open"
    client.post(base + "/close", data={"confirm": "yes"})
    session.refresh(meeting)
    assert meeting.status == "closed"
