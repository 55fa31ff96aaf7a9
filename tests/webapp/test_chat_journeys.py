"""The assistant's journeys through the web: alerts staff see, where a chat starts, photos, sweeps.

These use the real classifier pipeline; where a test needs the model to be sure or unsure of a
topic it plays the conversation with a small keyword model instead (see ``keyword_chat``).
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from click.testing import CliRunner
from PIL import Image
from sqlmodel import select

from classifier import analyse
from models.assistant import conversation as chats
from models.common import utcnow
from models.people.tables import Group, GroupKind, GuardianConsent, Member
from models.suggestions.tables import Suggestion
from tests.conftest import NOTICE
from tests.models.test_dialogue import KeywordModel
from webapp.cli.commands import cli

from .test_chat import CLEAR, answer_for, finish, open_chat, started, turn

DANGER = "我爸爸天天打我，我好害怕"


def staff_page(app, username: str, path: str) -> str:
    """What a member of staff sees on their next page load, in a browser of their own."""
    adult = app.test_client()
    adult.post("/signin/staff", data={"username": username, "password": "TongSheng-demo-2026"})
    return adult.get(path, follow_redirects=True).get_data(as_text=True)


def urgent_code(session) -> str:
    return session.exec(select(Suggestion).where(Suggestion.urgent)).one().tracking_code


def test_danger_from_a_council_child_alerts_facilitator_and_coordinator(app, client, auth,
                                                                         session):
    auth.child("小明", "1234")
    chat_id = open_chat(client)
    turn(client, chat_id, CLEAR, 0)
    data = turn(client, chat_id, DANGER, 1).get_json()
    assert any(m["kind"] == "help" for m in data["messages"])
    code = urgent_code(session)
    home = staff_page(app, "facilitator", "/facilitator/")
    alert = re.search(r'<section class="alert-urgent" role="alert">(.*?)</section>', home, re.S)
    assert alert and "紧急" in alert.group(1) and code in alert.group(1)
    notices = staff_page(app, "coordinator", "/notices/")
    assert re.search(r"安全个案 #\d+：有孩子可能处在危险中", notices)
    assert staff_page(app, "agency1", "/notices/").count(code) == 0


def test_danger_from_an_anonymous_child_reaches_the_coordinator_at_once(app, client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, DANGER, 0)
    code = urgent_code(session)
    anywhere = staff_page(app, "coordinator", "/coordinator/")
    assert re.search(r'id="notices-link">消息 <span class="count">[1-9]', anywhere)
    notices = staff_page(app, "coordinator", "/notices/")
    assert re.search(r"安全个案 #\d+：有孩子可能处在危险中", notices)
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert item.urgent and not item.consent_to_publish and item.group_id is None


def test_danger_in_a_meeting_chat_alerts_that_groups_facilitator(app, client, session):
    from models.people.tables import Meeting

    meeting = session.exec(select(Meeting)).first()
    chat_id = open_chat(client, f"/chat/meeting/{meeting.join_code}")
    turn(client, chat_id, DANGER, 0)
    code = urgent_code(session)
    assert code in staff_page(app, "facilitator", "/facilitator/")


@pytest.fixture
def keyword_chat(monkeypatch):
    """The dialogue's model made predictable: sure on 红绿灯/秋千, unsure on 玩."""
    monkeypatch.setattr(chats, "_analyser", lambda text: analyse(text, KeywordModel()))


def test_none_of_them_sends_the_suggestion_to_a_person(client, session, keyword_chat):
    chat_id = open_chat(client)
    said = [turn(client, chat_id, text, seq).get_json()
            for seq, text in enumerate(["想要有地方玩", "阳光小区", "没有地方玩"])]
    quick = said[-1]["messages"][-1]["quick"]
    assert said[-1]["step"] == "choose" and quick[-1] == "都不是" and 3 <= len(quick) <= 4
    turn(client, chat_id, "都不是", 3)
    turn(client, chat_id, "可以公开", 4)
    data = turn(client, chat_id, "14 岁及以上", 5).get_json()
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.topic is None and stored.abstained
    assert code in staff_page(client.application, "coordinator", "/coordinator/?tab=triage")


def test_the_topic_a_child_picks_is_the_one_stored(client, session, keyword_chat):
    chat_id = open_chat(client)
    for seq, text in enumerate(["想要有地方玩", "🏘️ 小区", "没有地方玩", "🏘️ 小区和社区"]):
        data = turn(client, chat_id, text, seq).get_json()
    assert data["step"] == "consent"
    turn(client, chat_id, "不要公开", 4)
    data = turn(client, chat_id, "14 岁及以上", 5).get_json()
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.topic == "community" and not stored.abstained
    assert not stored.consent_to_publish and stored.place == "小区"


def test_a_typed_place_is_kept_as_the_child_wrote_it(client, session):
    chat_id = open_chat(client)
    turn(client, chat_id, CLEAR, 0)
    data = turn(client, chat_id, "人民路小学东门", 1).get_json()
    assert data["step"] == "why"
    state = session.get(chats.Conversation, str(chat_id)).state
    assert state["answers"]["where"] == "人民路小学东门"


def test_personal_details_are_masked_on_the_page_and_in_the_database(client, session):
    chat_id = open_chat(client)
    data = turn(client, chat_id, "我叫王小明，电话13812345678，学校门口想要红绿灯", 0).get_json()
    masked = next(m for m in data["messages"] if m["kind"] == "masked")
    assert "不用告诉我" in masked["text"] and "13812345678" not in masked["masked"]
    page = client.get(f"/chat/{chat_id}").get_data(as_text=True)
    assert "13812345678" not in page and 'class="masked"' in page
    assert "13812345678" not in str(session.get(chats.Conversation, str(chat_id)).state)


def jpeg_with_location() -> bytes:
    image = Image.new("RGB", (60, 40), "green")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (28.0, 11.0, 30.0), 3: "E", 4: (112.0, 34.0, 0.0)}
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_a_photo_loses_its_location_before_anyone_sees_it(client, session):
    original = jpeg_with_location()
    assert Image.open(io.BytesIO(original)).getexif().get(0x8825)
    chat_id = started(client)
    client.post(f"/chat/{chat_id}/photo", content_type="multipart/form-data",
                data={"photo": (io.BytesIO(original), "road.jpg")})
    name = session.get(chats.Conversation, str(chat_id)).state["photo"]
    served = client.get(f"/chat/{chat_id}/photo/{name}").data
    exif = Image.open(io.BytesIO(served)).getexif()
    assert not exif.get(0x8825) and not exif.get(0x010F)
    assert "照片收到啦" in client.get(f"/chat/{chat_id}").get_data(as_text=True)


def test_a_photo_that_is_too_big_is_refused_and_the_chat_goes_on(client, session):
    chat_id = started(client)
    huge = b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024 + 10)
    response = client.post(f"/chat/{chat_id}/photo", content_type="multipart/form-data",
                           data={"photo": (io.BytesIO(huge), "big.jpg")})
    assert response.status_code == 400 and "照片太大了" in response.get_data(as_text=True)
    assert "photo" not in session.get(chats.Conversation, str(chat_id)).state
    assert turn(client, chat_id, CLEAR, 1).status_code == 200


def observer_child(session) -> Member:
    group = session.exec(select(Group).where(Group.kind == GroupKind.OBSERVER)).first()
    from models.people import accounts

    member = Member(group_id=group.id, nickname="小观", birth_year=2014, birth_month=5,
                    pin_hash=accounts.hash_secret("4567"))
    session.add(member)
    session.flush()
    session.add(GuardianConsent(member_id=member.id, given_by="父亲", method="纸质同意书",
                                notice_version=NOTICE, recorded_by_id=None))
    session.commit()
    return member


def test_an_observer_child_starts_from_a_checklist(client, auth, session):
    member = observer_child(session)
    group = session.get(Group, member.group_id)
    auth.child("小观", "4567", group.invite_code)
    home = client.get("/me/").get_data(as_text=True)
    assert "用观察表说说" in home and 'href="/chat/checklist/park"' in home
    chat_id = open_chat(client, "/chat/checklist/park")
    assert "观察表：公园" in chat_id.page and 'value="游乐设施"' in chat_id.page
    data = turn(client, chat_id, "游乐设施", 0).get_json()
    assert "『游乐设施』怎么了" in data["messages"][-1]["text"]
    data = turn(client, chat_id, "滑梯坏了，有一个大洞", 1).get_json()
    assert data["messages"][-1]["quick"][0] == "📋 公园"
    data = turn(client, chat_id, "📋 公园", 2).get_json()
    while data["step"] != "done" and data["seq"] < 8:
        data = turn(client, chat_id, answer_for(data["step"], data["messages"]),
                    data["seq"]).get_json()
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.original_text.startswith("游乐设施：滑梯坏了")
    assert stored.group_id == group.id and stored.member_id == member.id
    assert stored.place == "公园"


def test_a_council_child_sees_the_chat_but_no_checklists(client, auth):
    auth.child("小明", "1234")
    home = client.get("/me/").get_data(as_text=True)
    assert 'href="/chat"' in home and "用观察表说说" not in home


def test_a_checklist_chat_and_the_public_chat_are_kept_apart(client):
    public = started(client)
    watching = started(client, "/chat/checklist/library")
    assert watching != public and open_chat(client) == public
    assert open_chat(client, "/chat/checklist/library") == watching
    assert client.get("/chat/checklist/moon").status_code == 404


def test_a_finished_chat_is_not_reopened_but_a_new_one_starts(client):
    chat_id = open_chat(client)
    finish(client, chat_id)
    assert open_chat(client) != chat_id


def test_pinyin_comes_with_every_line_the_assistant_sends(client):
    chat_id = open_chat(client)
    data = turn(client, chat_id, CLEAR, 0).get_json()
    bot = [m for m in data["messages"] if m["who"] == "bot"]
    assert all(m["ruby"] for m in bot) and ["在", "zài"] in [list(p) for p in bot[-1]["ruby"]]
    child = next(m for m in data["messages"] if m["who"] == "child")
    assert child["ruby"] == []


def test_the_retention_command_deletes_abandoned_chats(app, client, session, database_url,
                                                       monkeypatch, tmp_path):
    old_id, fresh_id = started(client), started(client, "/chat/checklist/park")
    old = session.get(chats.Conversation, str(old_id))
    old.updated_at = utcnow() - timedelta(days=chats.RETENTION_DAYS + 1)
    session.add(old)
    session.commit()
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "retention-test")
    result = CliRunner().invoke(cli, ["retention"])
    assert result.exit_code == 0, result.output
    assert "deleted 1 abandoned chats" in result.output
    session.expire_all()
    assert session.get(chats.Conversation, str(old_id)) is None
    assert session.get(chats.Conversation, str(fresh_id)) is not None
    assert client.get(f"/chat/{old_id}").status_code == 404


def test_a_citys_public_link_sends_the_suggestion_to_that_city(client, session):
    from models.plans.plan import load_plan

    chat_id = open_chat(client, "/chat?plan=changzhou")
    data, _turns = finish(client, chat_id)
    confirm = next(m["text"] for m in session.get(chats.Conversation, str(chat_id)).state["log"]
                   if "这件事会交给" in m["text"])
    assert load_plan("changzhou").route("transport").lead_agencies[0] in confirm
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.plan_id == "changzhou" and stored.member_id is None


def test_asking_for_progress_with_a_real_code_tells_where_it_is(client, session):
    chat_id = open_chat(client)
    data, _turns = finish(client, chat_id)
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    again = turn(client, chat_id, f"查进度 {code.lower()}", data["seq"]).get_json()
    track = next(m for m in again["messages"] if m["kind"] == "track")
    assert track["code"] == code and "现在的情况是" in track["text"]
    page = client.get(f"/chat/{chat_id}").get_data(as_text=True)
    assert "看详细进度" in page and f"/track/{code}" in page
