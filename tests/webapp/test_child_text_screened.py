"""Issue 16: every place a child's words enter the database goes through the safeguarding screen.

One walk per entry point (parametrised): a disclosure there opens a case holding the words,
the child's own screen shows help, and whatever item the words belong to is held (not
dispatched, not published, not in a city-wide list); the words are not copied into the
timeline other adults read. A last test lists every POST route a child (or an adult typing a
child's words) can reach and fails if one is neither walked here nor known to take no text.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from models.common import utcnow
from models.councils import meetings
from models.notices.notifications import Notification
from models.people import groups
from models.safety import held, safeguarding
from models.safety.safeguarding import SafeguardingCase
from models.suggestions import questions
from models.suggestions.tables import Event, Rating, Suggestion
from tests.flow import account, actor, answered, council, new_suggestion, observers, returned

from .test_chat import open_chat, turn
from .test_suggest import _key

DISCLOSURE = "爸爸喝醉了就打我，我不敢回家"
HELP = ("110", "12355")


def _meeting(session):
    meeting = meetings.schedule(session, group=council(session), title="一月议事会", topic="",
                                agenda="", scheduled_at=utcnow() + timedelta(hours=1))
    opened = meetings.open_meeting(session, meeting=meeting)
    session.commit()
    return opened


def chat_json(client, auth, session):
    data = turn(client, open_chat(client), DISCLOSURE, 0).get_json()
    return " ".join(m["text"] for m in data["messages"]), None


def chat_plain_form(client, auth, session):
    page = client.post("/chat/new/say", data={"text": DISCLOSURE, "seq": 0},
                       follow_redirects=True)
    return page.get_data(as_text=True), None


def suggestion_form(client, auth, session):
    page = client.post("/suggest/", data={"plan_id": "hengyang", "text": DISCLOSURE,
                                          "idempotency_key": _key(client)},
                       follow_redirects=True)
    return page.get_data(as_text=True), None


def meeting_room(client, auth, session):
    meeting = _meeting(session)
    auth.child()
    client.post("/group/join", data={"code": meeting.join_code})
    page = client.post(f"/group/meeting/{meeting.id}/suggest", data={"text": DISCLOSURE},
                       follow_redirects=True)
    return page.get_data(as_text=True), None


def meeting_on_behalf(client, auth, session):
    """A facilitator types what a child said aloud: the child's words, screened the same."""
    meeting = _meeting(session)
    kid = session.exec(select(groups.Member).where(groups.Member.nickname == "小明")).one()
    auth.staff("facilitator")
    client.post(f"/facilitator/groups/{council(session).id}/meetings/{meeting.id}/behalf",
                data={"member_id": kid.id, "text": DISCLOSURE})
    page = client.get("/facilitator/").get_data(as_text=True)
    return page, None


def visit_note(client, auth, session):
    groups.add_member(session, group=observers(session), nickname="小海", birth_year=2012,
                      birth_month=4, pin="4321")
    session.commit()
    auth.child("小海", "4321", code="HYLOOK")
    url = client.post("/group/visits/", data={
        "checklist": "bus_stop", "place_name": "解放路公交站",
        "visited_on": "2026-11-20"}).headers["Location"]
    page = client.post(url, data={"rating-shelter": "needs_work", "comment-shelter": DISCLOSURE},
                       follow_redirects=True)
    return page.get_data(as_text=True), None


def _on_own_item(client, auth, item, action: str, data: dict):
    """The author (小明, signed in) writes on their own suggestion's tracking page."""
    auth.child()
    page = client.post(f"/track/{item.tracking_code}/{action}", data=data, follow_redirects=True)
    return page.get_data(as_text=True), item.id


def rating_comment(client, auth, session):
    return _on_own_item(client, auth, answered(session), "rate",
                        {"value": "unsatisfied", "comment": DISCLOSURE})


def contest_after_return(client, auth, session):
    """"他们说不归他们管，但是……": the child disputes a 退单."""
    return _on_own_item(client, auth, returned(session), "contest", {"text": DISCLOSURE})


def reopen_after_answer(client, auth, session):
    """The child disputes an answer: the same form reopens it."""
    return _on_own_item(client, auth, answered(session), "contest", {"text": DISCLOSURE})


def question_answer(client, auth, session):
    """The facilitator asked 小明 a question back (问一问孩子); the answer is the child's words."""
    item = new_suggestion(session)
    questions.ask(session, item, actor=actor(session, "facilitator"),
                  question="这件事是什么时候发生的？")
    session.commit()
    return _on_own_item(client, auth, item, "reply", {"text": DISCLOSURE})


def report_form(client, auth, session):
    page = client.post("/report/", data={"kind": "bullying", "message": DISCLOSURE},
                       follow_redirects=True)
    return page.get_data(as_text=True), None


def open311(client, auth, session):
    body = client.post("/open311/v2/requests.json?jurisdiction_id=hengyang",
                       data={"api_key": "demo", "description": DISCLOSURE}).get_json()
    return body[0]["service_notice"], None


# Entry point → the endpoints it walks.
WALKS = {
    chat_json: {"chat.turn_new", "chat.turn"},
    chat_plain_form: {"chat.say_new", "chat.say"},
    suggestion_form: {"suggest.submit"},
    meeting_room: {"group.suggest"},
    meeting_on_behalf: {"meetings.behalf"},
    visit_note: {"group_visits.save", "observer.save"},
    rating_comment: {"track.rate"},
    contest_after_return: {"track.contest"},
    reopen_after_answer: {"track.contest"},
    question_answer: {"track.reply"},
    report_form: {"report.new"},
    open311: {"open311.requests_create"},
}

# POST routes open to children that carry no words of theirs, and why.
NO_WORDS = {
    "auth.child_signin": "nickname and PIN to sign in",
    "auth.child_join": "invite code, nickname and PIN",
    "auth.signout": "nothing",
    "auth.staff_signin": "staff credentials", "auth.staff_code": "a one-time code",
    "auth.staff_enrol": "a one-time code",
    "chat_case.come_back": "a case code",
    "chat.photo": "a photo (no caption)",
    "chat.pick_place": "a place from the city's list; its name goes through the chat's own turn",
    "group.join": "a meeting's join code", "group.leave": "nothing",
    "group.vote": "an option's id", "group.choose_name": "yes or no",
    "group.give_support": "nothing",
    "group_visits.visits": "a checklist and the visited place's name",
    "group_visits.suggest": "nothing: the items' words were screened when saved",
    "mydata.delete": "the child's PIN",
    "speak.say": "a line the site wrote (its HMAC checked), spoken back and never stored",
    "mine.carry": "nothing: makes a one-time ticket to take the item to another device",
    "mine.take": "nothing: takes that ticket on the other device",
    "group.enter": "nothing: a member walks into the meeting going on",
    "classroom.end": "nothing: ends one child's turn on a classroom tablet",
    "reminders.subscribe": "the browser's push subscription (an endpoint on a push service "
                           "and its keys), never shown to anyone",
    "reminders.unsubscribe": "that endpoint, to forget it",
}


@pytest.mark.parametrize("walk", list(WALKS), ids=lambda walk: walk.__name__)
def test_a_disclosure_at_every_entry_point_opens_a_case_helps_and_holds(client, auth, session,
                                                                        walk):
    shown, item_id = walk(client, auth, session)
    session.expire_all()
    case = session.exec(select(SafeguardingCase)).one()
    assert DISCLOSURE in safeguarding.child_words(session, case)
    if walk is not meeting_on_behalf:  # the projected screen says nothing; see its own test
        assert all(number in shown for number in HELP), "help on the child's own screen"
    items = session.exec(select(Suggestion).where(Suggestion.case_id == case.id)).all()
    if item_id is not None:
        assert item_id in [item.id for item in items], "the disputed item is held"
    coordinator3 = _non_lead_coordinator(session)
    for item in items:
        assert not safeguarding.dispatchable(session, item)
        assert not safeguarding.publishable(item)
        assert not held.may_read(session, coordinator3, item)
    notes = " ".join(e.note for e in session.exec(select(Event)).all())
    notes += " ".join(n.message for n in session.exec(select(Notification)).all())
    comments = " ".join(r.comment for r in session.exec(select(Rating)).all())
    assert DISCLOSURE not in notes + comments, "the words live in the case only, not in notices"


def _non_lead_coordinator(session):
    from models.demo import DEMO_PASSWORD
    from models.people import accounts
    from models.people.tables import Role

    found = session.exec(select(accounts.Account).where(
        accounts.Account.username == "coordinator3")).first()
    return found or accounts.create_account(
        session, username="coordinator3", display_name="统筹 孙老师", password=DEMO_PASSWORD,
        role=Role.COORDINATOR, plan_id="hengyang")


def test_every_route_that_takes_a_childs_words_is_walked(app):
    walked = set().union(*WALKS.values())
    missing = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        access = getattr(view, "access", "")
        takes_words = access in ("public", "child") or rule.endpoint in walked
        if "POST" in rule.methods and takes_words and rule.endpoint not in walked \
                and rule.endpoint not in NO_WORDS:
            missing.append(rule.endpoint)
    assert missing == [], "a child can write here and the screen never sees it"


def test_ordinary_words_on_a_disputed_item_stay_ordinary(client, auth, session):
    item = answered(session)
    auth.child()
    client.post(f"/track/{item.tracking_code}/contest", data={"text": "食堂的菜还是太少了"})
    session.expire_all()
    assert session.exec(select(SafeguardingCase)).first() is None
    assert session.get(Suggestion, item.id).case_id is None
    assert account(session, "coordinator")
