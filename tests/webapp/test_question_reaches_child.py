"""A question back reaches the child wherever they look: 我的建议 on the device (a badge
"有个问题想问你" and a count on the home page), and the chat; the child answers from there."""

from __future__ import annotations

import re
import secrets

from sqlmodel import select

from models.suggestions import questions
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from tests.flow import actor, new_suggestion


def _anonymous_suggestion(client, session) -> Suggestion:
    client.get("/suggest/")
    response = client.post("/suggest/", data={
        "text": "公园里的滑梯太高了，小朋友爬上去害怕。", "plan_id": "hengyang",
        "idempotency_key": secrets.token_urlsafe(24), "age_band": "14+"})
    code = re.search(r"/track/(TS-[A-Z0-9]+)", response.headers["Location"]).group(1)
    return session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()


def test_the_device_list_the_home_page_and_the_chat_show_the_question(client, session):
    item = _anonymous_suggestion(client, session)
    questions.ask(session, item, actor=actor(session, "coordinator"), question="是哪个公园呀？")
    session.commit()
    code = item.tracking_code

    mine = client.get("/mine").get_data(as_text=True)
    assert f'id="question-{code}"' in mine and "有个问题想问你" in mine
    assert f'href="/track/{code}#question"' in mine
    assert "1 条有新消息" in client.get("/").get_data(as_text=True)
    chat = client.get("/chat", follow_redirects=True).get_data(as_text=True)
    assert f'id="asked-{code}"' in chat and f"/track/{code}#question" in chat

    client.post(f"/track/{code}/reply", data={"text": "人民公园东门那个"})
    session.refresh(item)
    assert item.status == Status.IN_REVIEW
    assert f'id="question-{code}"' not in client.get("/mine").get_data(as_text=True)
    assert f'id="asked-{code}"' not in client.get("/chat", follow_redirects=True).get_data(
        as_text=True)


def test_a_signed_in_child_sees_the_question_in_the_chat_and_on_their_page(client, session,
                                                                          auth):
    item = new_suggestion(session, text="那个滑梯太高了", nickname="小红")
    questions.ask(session, item, actor=actor(session, "facilitator"), question="在哪里？")
    session.commit()
    auth.child("小红", "2345")
    chat = client.get("/chat", follow_redirects=True).get_data(as_text=True)
    assert f'id="asked-{item.tracking_code}"' in chat
    home = client.get("/me/").get_data(as_text=True)
    assert "有个问题想问你" in home and f"/track/{item.tracking_code}#question" in home
