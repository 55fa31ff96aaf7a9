"""Consent the child can see: the age band in the anonymous chat, the wait said plainly, and
the guardian's OK noted by the city office before anything reaches an agency."""

from __future__ import annotations

import pytest
from sqlmodel import select

from models.people import consent
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

from .test_chat import CLEAR, open_chat, turn
from .test_chat_journeys import staff_page

ROAD = [CLEAR, "🏫 学校门口", "车太多了，很害怕", "对", "可以公开"]


def _chat(client, age: str) -> tuple[dict, str]:
    chat = open_chat(client)
    data = None
    for seq, text in enumerate(ROAD):
        data = turn(client, chat, text, seq).get_json()
        if data["step"] == "choose":  # the real model may be unsure: pick its first guess
            data = turn(client, chat, data["messages"][-1]["quick"][0], data["seq"]).get_json()
    assert data["step"] == "age"
    assert data["messages"][-1]["quick"] == ["6 岁及以下", "7–9 岁", "10–13 岁", "14 岁及以上",
                                             "不想说"]
    data = turn(client, chat, age, data["seq"]).get_json()
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    return data, code


@pytest.mark.parametrize("age", ["7–9 岁", "不想说"])
def test_an_under_14_is_told_plainly_and_the_item_waits(client, session, age):
    data, code = _chat(client, age)
    said = " ".join(m["text"] for m in data["messages"])
    assert "送出去啦" not in said and "还没有送出去" in said and "爸爸妈妈" in said
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert consent.is_held(session, item)
    page = client.get(f"/track/{code}").get_data(as_text=True)
    assert "等爸爸妈妈同意" in page and 'id="waits-for-guardian"' in page


def test_a_child_of_14_or_more_goes_on_to_review(client, session):
    data, code = _chat(client, "14 岁及以上")
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert not consent.is_held(session, item)
    assert "工作人员看过以后" in " ".join(m["text"] for m in data["messages"])


def test_the_office_cannot_dispatch_before_the_guardian_ok_then_can(app, client, session):
    _data, code = _chat(client, "10–13 岁")
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    item.topic, item.abstained = "transport", False
    session.add(item)
    session.commit()
    office = app.test_client()
    office.post("/signin/staff", data={"username": "coordinator",
                                      "password": "TongSheng-demo-2026"})
    page = office.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert 'id="guardian-ok"' in page
    office.post(f"/coordinator/items/{item.id}/approve")
    session.refresh(item)
    assert item.status != Status.DISPATCHED
    refused = office.post(f"/coordinator/items/{item.id}/guardian",
                          data={"given_by": "母亲", "method": "电话确认"})
    assert refused.status_code == 400  # the notice must have been read
    office.post(f"/coordinator/items/{item.id}/guardian",
                data={"given_by": "母亲", "method": "电话确认", "confirmed": "y"})
    session.refresh(item)
    assert not consent.is_held(session, item)
    office.post(f"/coordinator/items/{item.id}/approve")
    session.refresh(item)
    assert item.status == Status.DISPATCHED
    assert "爸爸妈妈同意了" in client.get(f"/track/{code}").get_data(as_text=True)
    assert "监护人同意：母亲，电话确认" in staff_page(app, "coordinator",
                                                  f"/coordinator/items/{item.id}")
