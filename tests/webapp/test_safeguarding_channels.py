"""Safeguarding is a property of the conversation, on every channel a child can speak through.

Each test: a disclosure → help on the child's own screen → the case → more words from the
same child join the same case → nothing from it dispatched or offered for publication.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import select

from models.assistant import conversation as chats
from models.assistant.conversation import Conversation
from models.common import utcnow
from models.councils import meetings
from models.people import groups
from models.safety import case_talk, safeguarding
from models.safety.safeguarding import SafeguardingCase
from models.suggestions.tables import Suggestion
from tests.flow import account, answered, council, member, observers
from webapp.cli.commands import cli

from .test_chat import open_chat, turn
from .test_suggest import _key

DISCLOSURE = "爸爸喝醉了就打我，我不敢回家"
MORE = "他每次喝酒都这样，妈妈也不在家"
HELP = ("110", "12355")


def only_case(session) -> SafeguardingCase:
    return session.exec(select(SafeguardingCase)).one()


def words(session, case) -> list[str]:
    session.expire_all()
    return safeguarding.child_words(session, case)


def shows_help(page: str) -> bool:
    return all(number in page for number in HELP) and "不是你的错" in page


def test_a_chat_keeps_listening_and_every_word_joins_the_case(client, session):
    chat_id = open_chat(client)
    first = turn(client, chat_id, DISCLOSURE, 0).get_json()
    case = only_case(session)
    assert case.code in " ".join(m["text"] for m in first["messages"])
    for seq, text in enumerate(["我想接着说", MORE], start=1):
        data = turn(client, chat_id, text, seq).get_json()
        said = " ".join(m["text"] for m in data["messages"] if m["who"] == "bot")
        assert "我会把你说的都告诉保护孩子的大人" in said and "在哪里" not in said
        assert any(m["kind"] == "help" for m in data["messages"])
    assert words(session, case) == [DISCLOSURE, "我想接着说", MORE]
    assert session.exec(select(Suggestion).order_by(Suggestion.id)).all()[-1].case_id == case.id
    assert len(session.exec(select(Suggestion).where(Suggestion.case_id == case.id)).all()) == 1


def test_a_fresh_conversation_can_still_make_a_suggestion(client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, DISCLOSURE, 0)
    assert open_chat(client) == chat_id, "the same device comes back to the case's chat"
    fresh = open_chat(client, "/chat?new=1")
    assert fresh.id is None, "a new chat, not the case's"
    data = turn(client, fresh, "学校门口的马路没有红绿灯，过马路很危险", 0).get_json()
    assert data["step"] == "where"


def test_the_plain_form_shows_help_and_goes_on_in_the_case_chat(client, session):
    response = client.post("/suggest/", data={"plan_id": "hengyang", "text": DISCLOSURE,
                                              "idempotency_key": _key(client)})
    assert response.status_code == 303
    page = client.get(response.headers["Location"], follow_redirects=True)
    text = page.get_data(as_text=True)
    case = only_case(session)
    assert shows_help(text) and case.code in text and "你愿意多说一点吗" in text
    chat_id = page.request.path.rsplit("/", 1)[-1]
    turn(client, chat_id, MORE, 0)
    assert words(session, case) == [DISCLOSURE, MORE]
    item = session.exec(select(Suggestion).where(Suggestion.case_id == case.id)).one()
    assert not safeguarding.dispatchable(session, item) and not safeguarding.publishable(item)


def test_another_device_comes_back_with_the_case_code(app, client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, DISCLOSURE, 0)
    case = only_case(session)
    other = app.test_client()
    assert other.get(f"/chat/{chat_id}").status_code == 404
    wrong = other.post("/chat/return", data={"code": "ZZZZZZ"})
    assert wrong.status_code == 400 and "没有找到" in wrong.get_data(as_text=True)
    back = other.post("/chat/return", data={"code": case.code.lower()})
    assert back.headers["Location"].endswith(f"/chat/{chat_id}")
    turn(other, chat_id, MORE, 1)
    assert words(session, case) == [DISCLOSURE, MORE]
    assert any("个案码回到了对话" in e.text for e in safeguarding.history(session, case))


def test_the_lead_writes_into_the_chat_and_a_second_adult_sees_it(app, client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, DISCLOSURE, 0)
    case = only_case(session)
    lead = app.test_client()
    lead.post("/signin/staff", data={"username": "coordinator",
                                     "password": "TongSheng-demo-2026"})
    sent = lead.post(f"/safeguarding/{case.id}/write", data={"text": "我是王老师，你现在安全吗？"})
    assert sent.status_code == 302
    data = turn(client, chat_id, "安全，我在学校", 1).get_json()
    assert data["messages"][0]["who"] == "staff"
    assert data["messages"][0]["text"] == "我是王老师，你现在安全吗？"
    second = app.test_client()
    second.post("/signin/staff", data={"username": "safeguarding",
                                       "password": "TongSheng-demo-2026"})
    page = second.get(f"/safeguarding/{case.id}").get_data(as_text=True)
    assert "我是王老师，你现在安全吗？" in page and "安全，我在学校" in page


def test_nobody_writes_to_a_child_where_no_one_else_can_read_it(session):
    from models.safety.duty import remove_lead

    remove_lead(session, account(session, "safeguarding"), by="test")
    chat = chats.start(session, plan_id="hengyang", token="device",
                       state=chats.dialogue.new_state("hengyang"))
    chats.take_turn(session, chat, DISCLOSURE)
    case = only_case(session)
    with pytest.raises(case_talk.TalkProblem):
        case_talk.write_to_child(session, case=case, account=account(session, "coordinator"),
                                 text="你好")


@pytest.fixture
def open_meeting(session):
    meeting = meetings.schedule(session, group=council(session), title="一月议事会", topic="",
                                agenda="", scheduled_at=utcnow() + timedelta(hours=1))
    meetings.open_meeting(session, meeting=meeting)
    session.commit()
    return meeting


def test_a_meeting_room_helps_the_child_and_the_projected_screen_shows_nothing(
        app, client, auth, session, open_meeting):
    auth.child()
    client.post("/group/join", data={"code": open_meeting.join_code})
    url = f"/group/meeting/{open_meeting.id}"
    room = client.post(url + "/suggest", data={"text": DISCLOSURE},
                       follow_redirects=True).get_data(as_text=True)
    case = only_case(session)
    assert shows_help(room) and case.code in room and "你愿意多说一点吗" in room
    client.post(url + "/suggest", data={"text": MORE})
    assert words(session, case) == [DISCLOSURE, MORE]
    assert session.exec(select(Suggestion).where(Suggestion.meeting_id == open_meeting.id)
                        ).all()[0].case_id == case.id
    screen = app.test_client()
    screen.post("/signin/staff", data={"username": "facilitator",
                                       "password": "TongSheng-demo-2026"})
    projected = screen.get(f"/facilitator/groups/{council(session).id}/meetings/"
                           f"{open_meeting.id}").get_data(as_text=True)
    live = screen.get(f"/facilitator/groups/{council(session).id}/meetings/"
                      f"{open_meeting.id}/live.json").get_json()
    for telling in ("可能处在危险中", "紧急", "单独关心", "打我", "喝酒", "安全个案"):
        assert telling not in projected
    assert live["suggestions"] == []
    assert "可能处在危险中" in screen.get("/facilitator/").get_data(as_text=True)


def test_an_observer_visit_note_opens_a_case_and_holds_the_childs_items(client, auth, session):
    kid = groups.add_member(session, group=observers(session), nickname="小海",
                            birth_year=2012, birth_month=4, pin="4321")
    session.commit()
    auth.child("小海", "4321", code="HYLOOK")
    url = client.post("/group/visits/", data={
        "checklist": "bus_stop", "place_name": "解放路公交站",
        "visited_on": "2026-11-20"}).headers["Location"]
    page = client.post(url, data={"rating-shelter": "needs_work", "comment-shelter": DISCLOSURE},
                       follow_redirects=True).get_data(as_text=True)
    case = only_case(session)
    assert shows_help(page) and case.code in page and case.child_label == kid.nickname
    client.post(url, data={"rating-shelter": "needs_work", "comment-shelter": MORE})
    assert words(session, case) == [DISCLOSURE, MORE]
    client.post(url + "/suggest")
    assert session.exec(select(Suggestion).where(Suggestion.member_id == kid.id)).all() == []


def test_a_rating_comment_opens_a_case_and_the_page_helps(client, auth, session):
    item = answered(session)
    auth.child()  # 小明 wrote it
    page = client.post(f"/track/{item.tracking_code}/rate",
                       data={"value": "unsatisfied", "comment": DISCLOSURE},
                       follow_redirects=True).get_data(as_text=True)
    case = only_case(session)
    assert shows_help(page) and case.code in page and case.channel == "rating"


def test_a_report_opens_a_case_and_the_child_goes_on_in_its_chat(client, session):
    response = client.post("/report/", data={"kind": "bullying", "message": DISCLOSURE},
                           follow_redirects=True)
    case = only_case(session)
    text = response.get_data(as_text=True)
    assert shows_help(text) and case.code in text and case.channel == "report"


def test_open311_text_is_held_and_the_sender_is_told_where_help_is(client, session):
    response = client.post("/open311/v2/requests.json?jurisdiction_id=hengyang",
                           data={"api_key": "demo", "description": DISCLOSURE})
    body = response.get_json()
    assert response.status_code in (200, 201) and "110" in body[0]["service_notice"]
    case = only_case(session)
    item = session.exec(select(Suggestion).where(Suggestion.case_id == case.id)).one()
    assert not safeguarding.dispatchable(session, item) and not safeguarding.publishable(item)


def test_a_case_chat_is_never_deleted_as_abandoned(client, session, tmp_path):
    chat_id = open_chat(client)
    turn(client, chat_id, DISCLOSURE, 0)
    chats.delete_abandoned(session, now=utcnow() + timedelta(days=60))
    assert session.get(Conversation, str(chat_id)) is not None


def test_the_board_shows_open_cases_with_their_age(client, auth, session):
    chat_id = open_chat(client)
    turn(client, chat_id, DISCLOSURE, 0)
    auth.staff("coordinator")
    board = client.get("/safeguarding/").get_data(as_text=True)
    assert re.search(r"\d+ 分钟", board) and "还没有人接手" in board
    case = only_case(session)
    client.post(f"/safeguarding/{case.id}/acknowledge")
    assert "已有人接手" in client.get("/safeguarding/").get_data(as_text=True)


def test_leads_are_named_by_command_and_on_the_admin_page(client, auth, session, app,
                                                          database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test")
    runner = CliRunner()
    for username in ("coordinator", "safeguarding"):
        assert runner.invoke(cli, ["safeguarding-lead", "remove", username]).exit_code == 0
    listed = runner.invoke(cli, ["safeguarding-lead", "list"])
    assert "hengyang has no safeguarding lead" in listed.output
    assert runner.invoke(cli, ["safeguarding-lead", "add", "facilitator"]).exit_code == 0
    assert "hengyang\t1\tfacilitator" in runner.invoke(cli, ["safeguarding-lead", "list"]).output
    refused = runner.invoke(cli, ["safeguarding-lead", "add", "agency1"])
    assert refused.exit_code != 0
    auth.staff("coordinator")
    page = client.get("/coordinator/manage/safeguarding-leads/").get_data(as_text=True)
    assert "李辅导员" in page
    coordinator = account(session, "coordinator")
    client.post("/coordinator/manage/safeguarding-leads/add", data={"account": coordinator.id})
    page = client.get("/coordinator/manage/safeguarding-leads/").get_data(as_text=True)
    assert re.search(r"<ol id=\"leads\">\s*<li>李辅导员.*?<li>妇儿工委办 王老师", page, re.S)
    assert member(session) is not None


def test_the_leads_reply_reaches_the_chat_without_another_turn(app, client, session):
    chat_id = open_chat(client)
    first = turn(client, chat_id, DISCLOSURE, 0).get_json()
    assert first["case"] is True and first["urls"]["news"].endswith("/news.json")
    news = first["urls"]["news"]
    assert client.get(news).get_json() == {"messages": []}
    lead = app.test_client()
    lead.post("/signin/staff", data={"username": "coordinator",
                                     "password": "TongSheng-demo-2026"})
    lead.post(f"/safeguarding/{only_case(session).id}/write", data={"text": "我是王老师，我在。"})
    shown = client.get(news).get_json()["messages"]
    assert [(m["who"], m["text"]) for m in shown] == [("staff", "我是王老师，我在。")]
    assert client.get(news).get_json() == {"messages": []}, "shown once"
    data = turn(client, chat_id, "嗯", 1).get_json()
    assert all(m["who"] != "staff" for m in data["messages"]), "not repeated on the next turn"
    assert app.test_client().get(news).status_code == 404, "another device reads nothing"


def test_a_case_chat_page_asks_for_the_leads_words(client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, DISCLOSURE, 0)
    page = client.get(f"/chat/{chat_id}").get_data(as_text=True)
    assert 'data-case="1"' in page and f"/chat/{chat_id}/news.json" in page
