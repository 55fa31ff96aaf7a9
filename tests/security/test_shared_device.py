"""Issue 10, items 4 and 5: a chat never passes to the next person on a shared device, and
consent is checked in one place (``take_suggestion``) for every channel."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from models.assistant.conversation import Conversation
from models.councils import meetings, observation
from models.office.open311_post import create_request
from models.people import consent, groups
from models.people.tables import GuardianConsent, Meeting
from models.suggestions.tables import Suggestion
from tests.flow import member, observers
from tests.webapp.test_chat import CLEAR, finish, open_chat, turn


def _stored(session, code: str) -> Suggestion:
    return session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()


def test_after_sign_out_the_next_child_does_not_get_the_chat(client, auth, session):
    auth.child("小明", "1234")
    mine = open_chat(client)
    assert turn(client, mine, CLEAR, 0).status_code == 200
    auth.signout()
    assert client.get_cookie("ts_device", path="/chat") is None, "the device token is gone"
    assert client.get(f"/chat/{mine}").status_code == 404
    assert turn(client, mine, "我也要说", 1).status_code == 404
    assert open_chat(client).id is None, "an anonymous visitor starts afresh"
    auth.child("小红", "2345")
    assert open_chat(client).id is None
    assert client.get(f"/chat/{mine}").status_code == 404


def test_an_anonymous_chat_is_not_continued_by_a_child_who_signs_in(client, auth, session):
    anonymous = open_chat(client)
    assert turn(client, anonymous, CLEAR, 0).status_code == 200
    auth.child("小明", "1234")
    assert client.get(f"/chat/{anonymous}").status_code == 404
    fresh = open_chat(client)
    assert fresh.id is None
    data, _turns = finish(client, fresh)
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    assert _stored(session, code).member_id == member(session, "小明").id


def test_a_chat_belongs_to_its_child_or_its_device_never_both():
    chat = Conversation(plan_id="hengyang", device_hash="", member_id=7, state={})
    assert chat.belongs_to(None, 7) and not chat.belongs_to(None, 8)
    assert not chat.belongs_to("any-token", None)
    from models.assistant.conversation import token_hash

    anonymous = Conversation(plan_id="hengyang", device_hash=token_hash("t"), state={})
    assert anonymous.belongs_to("t", None)
    assert not anonymous.belongs_to("t", 7) and not anonymous.belongs_to("u", None)


def _no_consent(session, nickname: str = "小明"):
    kid = member(session, nickname)
    for row in session.exec(select(GuardianConsent).where(GuardianConsent.member_id == kid.id)):
        session.delete(row)
    session.commit()
    return kid


def test_the_chat_holds_a_young_childs_suggestion_and_says_it_waits(client, auth, session):
    kid = _no_consent(session)
    auth.child("小明", "1234")
    data, _turns = finish(client, open_chat(client))
    said = " ".join(m["text"] for m in data["messages"])
    assert "收到啦" in said and "送出去啦" not in said and "爸爸妈妈（监护人）还没有同意" in said
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    item = _stored(session, code)
    assert item.member_id == kid.id and consent.is_held(session, item)


def test_the_meeting_room_holds_it_too(session):
    kid = _no_consent(session)
    found = session.exec(select(Meeting).where(Meeting.group_id == kid.group_id)).first()
    found = meetings.open_meeting(session, meeting=found)
    made = meetings.raise_suggestion(session, meeting=found, text="操场要有饮水机",
                                     member=kid).suggestion
    assert consent.is_held(session, made)


def test_an_observer_visit_holds_it_too(session):
    kid = groups.add_member(session, group=observers(session), nickname="小海",
                            birth_year=2016, birth_month=3, pin="4567")
    visit = observation.start(session, group=observers(session), checklist="park",
                              place_name="雁峰公园", visited_on=date(2026, 11, 3), member=kid)
    observation.save(session, visit=visit, member=kid,
                     entries=[observation.Entry("play", "needs_work", "秋千的链子生锈了")])
    made = observation.to_suggestions(session, visit=visit, member=kid)
    assert made and all(consent.is_held(session, item) for item in made)


def test_held_items_are_released_to_review_when_consent_arrives(client, auth, session):
    kid = _no_consent(session)
    found = session.exec(select(Meeting).where(Meeting.group_id == kid.group_id)).first()
    made = meetings.raise_suggestion(session, meeting=meetings.open_meeting(
        session, meeting=found), text="图书馆周末开晚一点", member=kid).suggestion
    session.commit()
    auth.staff("facilitator")
    client.post(f"/facilitator/groups/{kid.group_id}/members/{kid.id}/consent",
                data={"given_by": "母亲", "method": "纸质同意书", "confirmed": "y"})
    assert not consent.is_held(session, made)
    session.refresh(made)
    assert made.status == "submitted", "it goes to review, it is not approved by the consent"


def test_open311_goes_through_the_same_door(session):
    """An API request has no child account: nothing to hold, but the same intake (a case for
    an urgent one, which the API path used to skip)."""
    from models.office.api_keys import add_client
    from models.safety.safeguarding import SafeguardingCase

    client = add_client(session, name="热线", key="k-1")
    created = create_request(session, plan_id="hengyang", client=client,
                             values={"description": "我爸爸天天打我，我好害怕"})
    case = session.exec(select(SafeguardingCase).where(
        SafeguardingCase.suggestion_code == created["service_request_id"])).first()
    assert case is not None


def test_a_script_chatting_fast_is_slowed_and_told_in_words(app, client):
    app.config.update(CHAT_LIMIT="3 per minute", CHAT_ADDRESS_LIMIT="6 per minute")
    chat = open_chat(client)
    answers = [turn(client, chat, f"{CLEAR}{n}", n) for n in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert "太快" in answers[-1].get_json()["error"]
    others = [turn(app.test_client(), open_chat(app.test_client()), CLEAR, 0).status_code
              for _ in range(3)]
    assert others == [200, 429, 429], "six a minute from this address: five above, one here"
