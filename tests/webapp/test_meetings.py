"""The facilitator's meeting screen: minutes redrafted on request, exports that fail plainly."""

from datetime import timedelta

import pytest
from sqlmodel import select

from models.common import utcnow
from models.councils import meetings, votes
from models.files import pdfdoc
from models.people.tables import Group
from tests.flow import council, member


@pytest.fixture
def closed(session, auth):
    auth.staff("facilitator")
    meeting = meetings.schedule(session, group=council(session), title="四月议事会", topic="",
                                agenda="", scheduled_at=utcnow() + timedelta(hours=1))
    meetings.open_meeting(session, meeting=meeting)
    meetings.raise_suggestion(session, meeting=meeting, text="操场的篮球架坏了。",
                              member=member(session, "小红"))
    meetings.close_meeting(session, meeting=meeting)
    session.commit()
    return meeting


def _base(meeting) -> str:
    return f"/facilitator/groups/{meeting.group_id}/meetings/{meeting.id}"


def test_discarding_edits_redrafts_the_minutes(client, session, closed):
    client.post(_base(closed) + "/minutes", data={"minutes": "随便写写"})
    assert "随便写写" in client.get(_base(closed)).get_data(as_text=True)
    client.post(_base(closed) + "/minutes/regenerate")
    page = client.get(_base(closed)).get_data(as_text=True)
    assert "随便写写" not in page and "操场的篮球架坏了" in page and "出席（1 人）" in page


def test_empty_minutes_are_refused_and_the_old_ones_kept(client, session, closed):
    response = client.post(_base(closed) + "/minutes", data={"minutes": "  "})
    assert response.status_code == 400 and "纪要不能是空的" in response.get_data(as_text=True)
    session.refresh(closed)
    assert "操场的篮球架坏了" in closed.minutes


def test_a_pdf_without_a_chinese_font_says_what_is_missing(client, closed, monkeypatch):
    monkeypatch.setattr(pdfdoc, "KNOWN", [])
    monkeypatch.setattr(pdfdoc, "FOLDERS", [])
    monkeypatch.delenv("TONGSHENG_CJK_FONT", raising=False)
    pdfdoc.find_font.cache_clear()
    try:
        response = client.get(_base(closed) + "/minutes.pdf", follow_redirects=True)
    finally:
        pdfdoc.find_font.cache_clear()
    page = response.get_data(as_text=True)
    assert response.mimetype == "text/html" and "fonts-noto-cjk" in page and "导出 Word" in page
    assert client.get(_base(closed) + "/minutes.docx").data[:2] == b"PK"


def test_another_facilitator_cannot_touch_this_meeting(client, session, auth):
    meeting = meetings.schedule(session, group=council(session), title="五月议事会", topic="",
                                agenda="", scheduled_at=utcnow() + timedelta(hours=1))
    meetings.open_meeting(session, meeting=meeting)
    session.commit()
    auth.staff("facilitator2")
    base = _base(meeting)
    posts = {"/behalf": {"member_id": member(session, "小明").id, "text": "偷偷加一条"},
             "/poll": {"question": "要吗？", "extra": "要\n不要"}, "/poll/close": {},
             "/close": {}, "/minutes": {"minutes": "改掉"}, "/minutes/regenerate": {}}
    for path, data in posts.items():
        assert client.post(base + path, data=data).status_code == 404, path
    for path in ("", "/live.json", "/minutes.pdf", "/minutes.docx"):
        assert client.get(base + path).status_code == 404, path
    other = session.exec(select(Group).where(Group.invite_code == "HYZHEN")).one()
    assert client.get(f"/facilitator/groups/{other.id}/meetings/{meeting.id}").status_code == 404
    session.refresh(meeting)
    assert meeting.status == "open" and meetings.suggestions(session, meeting) == []
    assert votes.polls(session, meeting) == []
