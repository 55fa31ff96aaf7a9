"""The children's side: join with the code, suggest, vote once, and support once."""

from datetime import timedelta

import pytest
from sqlmodel import select

from models.common import utcnow
from models.councils import meetings, votes
from models.suggestions.tables import Suggestion, Support
from tests.flow import council, dispatched, member, new_suggestion


@pytest.fixture
def meeting(session):
    found = meetings.schedule(session, group=council(session), title="三月议事会",
                              topic="上学路上", agenda="",
                              scheduled_at=utcnow() + timedelta(hours=1))
    meetings.open_meeting(session, meeting=found)
    session.commit()
    return found


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
    session.commit()
    first = votes.options(session, poll)[0]
    auth.child()
    client.post("/group/join", data={"code": meeting.join_code})
    assert "哪个先做" in client.get(f"/group/meeting/{meeting.id}").get_data(as_text=True)
    client.post(f"/group/meeting/{meeting.id}/vote", data={"option": first.id})
    again = client.post(f"/group/meeting/{meeting.id}/vote", data={"option": first.id})
    assert again.status_code == 400 and "一人一票" in again.get_data(as_text=True)
    assert sum(t.votes for t in votes.results(session, poll)) == 1


def test_supporting_a_friends_suggestion_once(client, session, auth):
    suggestion = dispatched(session)
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
    from models.people.tables import Group

    other = session.exec(select(Group).where(Group.invite_code == "HYZHEN")).one()
    foreign = meetings.schedule(session, group=other, title="别的会", topic="", agenda="",
                                scheduled_at=utcnow())
    meetings.open_meeting(session, meeting=foreign)
    session.commit()
    auth.child()
    assert client.get(f"/group/meeting/{foreign.id}").status_code == 404
    page = client.post("/group/join", data={"code": foreign.join_code},
                       follow_redirects=True).get_data(as_text=True)
    assert "不是你们小组的" in page


def test_staff_cannot_open_the_childrens_pages(client, auth):
    auth.staff("facilitator")
    assert client.get("/group/").status_code == 403


def test_vote_results_reach_the_childs_phone_after_voting_and_stay_live(client, session, auth,
                                                                        meeting):
    poll = votes.start(session, meeting=meeting, question="哪个先做？", labels=["红绿灯", "路灯"],
                       suggestion_ids=[])
    session.commit()
    first, second = votes.options(session, poll)
    auth.child()
    client.post("/group/join", data={"code": meeting.join_code})
    before = client.get(f"/group/meeting/{meeting.id}").get_data(as_text=True)
    assert 'id="poll-total"' not in before  # no counts before the child has voted
    client.post(f"/group/meeting/{meeting.id}/vote", data={"option": first.id})
    after = client.get(f"/group/meeting/{meeting.id}").get_data(as_text=True)
    assert 'id="poll-total">1<' in after and "红绿灯" in after
    votes.cast(session, poll=poll, option_id=second.id, member=member(session, "小红"))
    session.commit()
    live = client.get(f"/group/meeting/{meeting.id}/live.json").get_json()
    assert live["poll"]["total"] == 2 and "suggestions" not in live
    votes.close(session, poll=poll)
    session.commit()
    closed = client.get(f"/group/meeting/{meeting.id}").get_data(as_text=True)
    assert "投票结束了" in closed and 'id="poll-total">2<' in closed


def test_a_child_leaves_the_group_and_chooses_what_happens(client, session, auth):
    suggestion = new_suggestion(session, nickname="乐乐")
    auth.child("乐乐", "3456")
    refused = client.post("/group/leave", data={"leaving": "withdraw"})
    assert refused.status_code == 400 and "我想好了" in refused.get_data(as_text=True)
    assert member(session, "乐乐").is_active
    client.post("/group/leave", data={"leaving": "withdraw", "sure": "y"})
    session.refresh(suggestion)
    kid = member(session, "乐乐")
    session.refresh(kid)
    assert not kid.is_active and suggestion.status == "declined"
    assert client.get("/group/").status_code == 302
    again = auth.child("乐乐", "3456")
    assert "不对" in again.get_data(as_text=True)


def test_each_child_decides_if_their_name_goes_with_the_councils_suggestion(client, session,
                                                                           auth):
    from models.councils import support
    from models.suggestions import moderation
    from tests.flow import account

    suggestion = new_suggestion(session, nickname="小明")
    support.give(session, suggestion=suggestion, member=member(session, "小红"))
    support.send_as_council(session, suggestion=suggestion, group=council(session),
                            account=account(session, "facilitator"))
    session.commit()
    auth.child("小红", "2345")
    assert "小组一起提出的建议" in client.get("/group/").get_data(as_text=True)
    client.post(f"/group/suggestions/{suggestion.id}/name", data={"show": "yes"})
    moderation.approve(session, suggestion=suggestion, account=account(session, "facilitator"),
                       notice_version="2026-11", consent_age=14)
    session.commit()
    auth.signout()
    agency = account(session, "agency1")
    agency_page = None
    for username in ("agency1", "agency2", "agency3"):
        auth.staff(username)
        response = client.get(f"/agency/items/{suggestion.id}")
        if response.status_code == 200:
            agency_page = response.get_data(as_text=True)
            break
        auth.signout()
    assert agency is not None and agency_page is not None
    assert "衡阳市儿童议事会" in agency_page and "小红" in agency_page
    assert "小明" not in agency_page and "1 位小朋友也这么想" in agency_page
