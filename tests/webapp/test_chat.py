"""The chat endpoints with the real classifier pipeline: turns, ownership, bad input, CSRF."""

from __future__ import annotations

import html
import io
import re

import pytest
from PIL import Image
from sqlmodel import select

from models.assistant.conversation import Conversation
from models.files.photos import photo_bytes
from models.people.tables import Meeting, Member
from models.suggestions.tables import Suggestion
from webapp import create_app

CLEAR = "学校门口的马路没有红绿灯，过马路很危险"


class Chat:
    """A chat as a test holds it: a page not stored yet, then its id from the first message."""

    def __init__(self, turn_url: str = "", chat_id: str | None = None, page: str = ""):
        self.turn_url, self.id, self.page = turn_url, chat_id, page

    def __str__(self) -> str:
        return self.id or "not-stored-yet"

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def open_chat(client, path: str = "/chat") -> Chat:
    """Open the chat page: an unfinished chat of this child or device, or a new one."""
    response = client.get(path)
    if response.status_code == 302:
        return Chat(chat_id=response.headers["Location"].rsplit("/", 1)[1])
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    found = re.search(r'data-turn-url="([^"]+)"', page)
    return Chat(turn_url=html.unescape(found.group(1)), page=page)


def started(client, path: str = "/chat") -> Chat:
    """A chat stored by its first message, as the child's first word would."""
    chat = open_chat(client, path)
    if chat.id is None:
        assert turn(client, chat, "你好", 0).status_code == 200
    return chat


def turn(client, chat, text: str, seq: int, **headers):
    if isinstance(chat, Chat) and chat.id is None:
        response = client.post(chat.turn_url, json={"text": text, "seq": seq}, headers=headers)
        if response.status_code == 200:
            chat.id = response.get_json()["urls"]["turn"].split("/")[2]
        return response
    return client.post(f"/chat/{chat}/turn", json={"text": text, "seq": seq}, headers=headers)


def answer_for(step: str, messages: list[dict]) -> str:
    """What a child would press at each step, whichever way the model understood them."""
    quick = [m for m in messages if m["who"] == "bot"][-1]["quick"]
    return {"where": "🏫 学校门口", "why": "车太多了，很害怕", "confirm": "对",
            "consent": "可以公开", "age": "14 岁及以上"}.get(step) or quick[0]


def finish(client, chat_id: str, first: str = CLEAR, seq: int = 0) -> tuple[dict, int]:
    """Play a whole conversation; return the last reply and the number of turns taken."""
    data = turn(client, chat_id, first, seq).get_json()
    turns = 1
    while data["step"] != "done" and turns < 8:
        data = turn(client, chat_id, answer_for(data["step"], data["messages"]),
                    data["seq"]).get_json()
        turns += 1
    return data, turns


def test_home_page_starts_the_chat(client):
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'class="big primary" href="/chat">💬 说出你的想法', page)


def test_chat_opens_without_signing_in_and_resumes_on_the_same_device(client, session):
    first = open_chat(client)
    assert "你想让什么变得更好" in first.page and 'aria-live="polite"' in first.page
    assert first.id is None and client.get_cookie("ts_device", path="/chat") is None
    assert turn(client, first, CLEAR, 0).status_code == 200
    assert client.get_cookie("ts_device", path="/chat") is not None
    assert CLEAR in client.get(f"/chat/{first}").get_data(as_text=True)
    assert open_chat(client) == first


def test_opening_the_chat_page_writes_nothing(client, session):
    """Issue 10, item 10: 500 anonymous visits used to leave 500 rows."""
    before = len(session.exec(select(Conversation)).all())
    for path in ["/chat", "/chat?plan=changzhou", "/chat/checklist/park"] * 10:
        assert client.get(path).status_code == 200
    assert len(session.exec(select(Conversation)).all()) == before
    assert client.get_cookie("ts_device", path="/chat") is None


def test_unknown_plan_is_not_found(client):
    assert client.get("/chat?plan=atlantis").status_code == 404
    assert client.get("/chat?plan=../etc").status_code == 404


def test_another_device_cannot_read_or_continue_a_chat(app, client):
    chat_id = started(client)
    stranger = app.test_client()
    assert stranger.get(f"/chat/{chat_id}").status_code == 404
    assert turn(stranger, chat_id, "你好", 1).status_code == 404


def test_a_clear_suggestion_is_stored_with_a_tracking_code(client, session):
    chat_id = open_chat(client)
    data, turns = finish(client, chat_id)
    done = next(m for m in data["messages"] if m["kind"] == "done")
    assert turns <= 6 and re.fullmatch(r"TS-[2-9A-Z]{6}", done["code"])
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == done["code"])).one()
    assert stored.original_text.startswith(CLEAR) and stored.place == "学校门口"
    assert stored.plan_id == "hengyang" and not stored.urgent and stored.member_id is None
    assert client.get(f"/chat/{chat_id}/qr/{done['code']}.svg").mimetype == "image/svg+xml"
    assert client.get(f"/chat/{chat_id}/qr/TS-ZZZZZZ.svg").status_code == 404


def test_retrying_the_final_turn_gives_the_same_code_and_one_suggestion(client, session):
    chat_id = open_chat(client)
    data, _turns = finish(client, chat_id)
    before = session.exec(select(Suggestion)).all()
    again = turn(client, chat_id, "14 岁及以上", data["seq"] - 1).get_json()
    assert again["messages"] == data["messages"]
    assert len(session.exec(select(Suggestion)).all()) == len(before)


def test_an_old_page_is_told_to_reload_and_nothing_changes(client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, CLEAR, 0)
    turn(client, chat_id, "公园", 1)
    response = turn(client, chat_id, "别的", 0)
    assert response.status_code == 409 and response.get_json()["reload"] is True
    assert session.get(Conversation, str(chat_id)).state["seq"] == 2


@pytest.mark.parametrize("payload, message", [
    ({"text": "   ", "seq": 0}, "你还没有写字哦。"),
    ({"text": "长" * 501, "seq": 0}, "太长啦"),
    ({"seq": 0}, "你还没有写字哦。"),
    (["not", "an", "object"], "你还没有写字哦。"),
    ({"text": 42, "seq": "abc"}, "你还没有写字哦。"),
])
def test_bad_turns_get_a_chinese_message_and_change_nothing(client, session, payload, message):
    before = len(session.exec(select(Conversation)).all())
    response = client.post(open_chat(client).turn_url, json=payload)
    assert response.status_code == 400 and message in response.get_json()["error"]
    chat_id = started(client)
    response = client.post(f"/chat/{chat_id}/turn", json=payload)
    assert response.status_code == 400 and message in response.get_json()["error"]
    assert session.get(Conversation, str(chat_id)).state["seq"] == 1
    assert len(session.exec(select(Conversation)).all()) == before + 1


def test_the_plain_form_works_without_javascript(client):
    assert 'action="/chat/new/say?plan=hengyang"' in open_chat(client).page
    response = client.post("/chat/new/say?plan=hengyang", data={"text": CLEAR, "seq": 0})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert CLEAR in page and "这件事在哪里呢" in page
    assert 'value="🏫 学校门口"' in page


def test_an_empty_form_keeps_the_page_and_says_why(client, session):
    before = len(session.exec(select(Conversation)).all())
    response = client.post("/chat/new/say?plan=hengyang", data={"text": "", "seq": 0})
    assert response.status_code == 400 and "你还没有写字哦。" in response.get_data(as_text=True)
    assert len(session.exec(select(Conversation)).all()) == before


def test_a_stale_form_keeps_what_the_child_wrote(client):
    first = client.post("/chat/new/say?plan=hengyang", data={"text": CLEAR, "seq": 0})
    chat_id = first.headers["Location"].split("/")[2].split("#")[0]
    response = client.post(f"/chat/{chat_id}/say", data={"text": "我写的新话", "seq": 0})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and 'value="我写的新话"' in page and "页面过期了" in page


def test_turns_need_the_csrf_token(database_url, tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": database_url,
                      "SESSION_COOKIE_SECURE": False})
    app.instance_path = str(tmp_path / "instance")
    client = app.test_client()
    chat_id = open_chat(client)
    token = re.search(r'name="csrf-token" content="([^"]+)"', chat_id.page).group(1)
    refused = turn(client, chat_id, "你好", 0)
    assert refused.status_code == 400 and "页面过期了" in refused.get_json()["error"]
    assert turn(client, chat_id, "你好", 0, **{"X-CSRFToken": token}).status_code == 200
    app.extensions["engine"].dispose()


def test_a_danger_phrase_shows_help_and_stores_an_urgent_item(client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, CLEAR, 0)
    data = turn(client, chat_id, "我爸爸天天打我，我好害怕", 1).get_json()
    help_message = next(m for m in data["messages"] if m["kind"] == "help")
    assert "110" in help_message["text"] and "12355" in help_message["text"]
    urgent = session.exec(select(Suggestion).where(Suggestion.urgent)).all()
    assert any("打我" in s.original_text for s in urgent)
    assert all(not s.consent_to_publish for s in urgent)


def test_a_meeting_link_ties_the_suggestion_to_the_meeting(client, session):
    meeting = session.exec(select(Meeting)).first()
    chat_id = open_chat(client, f"/chat/meeting/{meeting.join_code}")
    assert meeting.title in chat_id.page
    data, _turns = finish(client, chat_id)
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.meeting_id == meeting.id and stored.group_id == meeting.group_id
    assert client.get("/chat/meeting/NOSUCH").status_code == 404


def test_a_signed_in_child_suggests_for_their_group(client, auth, session):
    auth.child("小明", "1234")
    chat_id = open_chat(client)
    data, _turns = finish(client, chat_id)
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    member = session.exec(select(Member).where(Member.nickname == "小明")).first()
    assert stored.member_id == member.id and stored.group_id == member.group_id


def test_asking_for_progress_with_a_wrong_code_says_it_was_not_found(client):
    chat_id = open_chat(client)
    data = turn(client, chat_id, "查进度 TS-ZZZ999", 0).get_json()
    assert any("没有找到 TS-ZZZ999" in m["text"] for m in data["messages"])


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(out, format="PNG")
    return out.getvalue()


def test_a_photo_is_attached_and_only_this_device_can_see_it(app, client, session):
    chat_id = started(client)
    response = client.post(f"/chat/{chat_id}/photo", content_type="multipart/form-data",
                           data={"photo": (io.BytesIO(png_bytes()), "swing.png")})
    assert response.status_code == 302
    name = session.get(Conversation, str(chat_id)).state["photo"]
    assert client.get(f"/chat/{chat_id}/photo/{name}").mimetype == "image/jpeg"
    assert app.test_client().get(f"/chat/{chat_id}/photo/{name}").status_code == 404
    data, _turns = finish(client, chat_id, seq=1)
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.photo == name


def test_stopping_and_deleting_also_deletes_the_photo(app, client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, CLEAR, 0)
    client.post(f"/chat/{chat_id}/photo", content_type="multipart/form-data",
                data={"photo": (io.BytesIO(png_bytes()), "swing.png")})
    name = session.get(Conversation, str(chat_id)).state["photo"]
    turn(client, chat_id, "我不想说了", 1)
    data = turn(client, chat_id, "删掉", 2).get_json()
    assert any("都删掉了" in m["text"] for m in data["messages"])
    assert photo_bytes(session, name) is None
    assert client.get(f"/chat/{chat_id}/photo/{name}").status_code == 404
    assert session.exec(select(Suggestion).where(Suggestion.photo == name)).first() is None


def test_a_file_that_is_not_a_photo_is_refused_kindly(client, session):
    chat_id = started(client)
    response = client.post(f"/chat/{chat_id}/photo", content_type="multipart/form-data",
                           data={"photo": (io.BytesIO(b"not a photo"), "x.png")})
    assert response.status_code == 400
    assert "只能上传 JPG 或 PNG 照片" in response.get_data(as_text=True)
    assert "photo" not in session.get(Conversation, str(chat_id)).state


def test_pinyin_is_rendered_as_ruby(client):
    page = open_chat(client, "/chat?pinyin=1").page
    assert "<ruby>你<rt>nǐ</rt></ruby>" in page and 'class="chat show-pinyin"' in page
