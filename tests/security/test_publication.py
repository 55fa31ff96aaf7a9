"""Issue 10, items 2 and 3: what is public, and a tracking code that shows but does not act.

Public (Open311 and a stranger holding a code): consented, approved, non-urgent, not held,
in the masked text. Acting (rating, objecting, seeing one's own pending item): the signed-in
author or the device that wrote it.
"""

from __future__ import annotations

import secrets

from sqlmodel import select

from models.assistant.conversation import Conversation
from models.people import consent
from models.suggestions import lifecycle
from models.suggestions.tables import Suggestion
from tests.flow import account, actor, answer_by_its_agency, answered, dispatched, new_suggestion
from tests.webapp.test_chat import finish, open_chat, turn


def _publish(session, item, text: str = ""):
    item.consent_to_publish = True
    if text:
        item.original_text, item.redacted_text = text, text.replace("王小明", "【姓名】")
    session.add(item)
    session.commit()
    return item


def _listed(client) -> set[str]:
    return {row["service_request_id"] for row in client.get("/open311/v2/requests.json"
                                                              ).get_json()}


def test_only_consented_approved_non_urgent_items_are_ever_public(client, session):
    facilitator = actor(session, "facilitator")
    shown = _publish(session, dispatched(session), "我是王小明，学校门口要有斑马线")
    not_consented = dispatched(session)
    pending = _publish(session, new_suggestion(session))
    declined = _publish(session, new_suggestion(session, text="我是三年级二班的，厕所太脏"))
    lifecycle.decline(session, declined, actor=facilitator, reason="写到了班级，换个说法吧")
    merged = _publish(session, new_suggestion(session))
    lifecycle.merge(session, merged, actor=facilitator, into=shown)
    urgent = new_suggestion(session, urgent=True)
    lifecycle.approve(session, urgent, actor=facilitator)
    urgent = _publish(session, urgent)
    held = _publish(session, dispatched(session))
    consent.hold(session, held, account(session, "facilitator"))
    session.commit()
    hidden = [not_consented, pending, declined, merged, urgent, held]
    listed = _listed(client)
    assert shown.tracking_code in listed
    assert not listed & {item.tracking_code for item in hidden}
    asked = ",".join(item.tracking_code for item in [shown, *hidden])
    found = client.get(f"/open311/v2/requests.json?service_request_id={asked}").get_json()
    assert [row["service_request_id"] for row in found] == [shown.tracking_code]
    assert "王小明" not in str(found) and "【姓名】" in found[0]["description"]
    for item in hidden:
        assert client.get(f"/open311/v2/requests/{item.tracking_code}.json").status_code == 404
        assert client.get(f"/track/{item.tracking_code}").status_code == 404
    body = client.get("/open311/v2/requests.json").get_data(as_text=True)
    assert "三年级二班" not in body


def test_service_request_ids_are_capped_and_lookups_limited(app, client):
    codes = ",".join(f"TS-{n:06d}" for n in range(11))
    too_many = client.get(f"/open311/v2/requests.json?service_request_id={codes}")
    assert too_many.status_code == 400 and too_many.get_json()[0]["code"] == 400
    app.config["OPEN311_LOOKUP_LIMIT"] = "5 per minute"
    answers = [client.get(f"/open311/v2/requests/TS-{n:06d}.json").status_code
               for n in range(6)]
    assert answers == [404] * 5 + [429]
    refused = client.get("/open311/v2/requests.json")
    assert refused.status_code == 429 and refused.get_json()[0]["code"] == 429


def _submit_anonymously(client) -> str:
    client.get("/suggest/")
    response = client.post("/suggest/", data={
        "text": "公园的秋千坏了", "plan_id": "hengyang",
        "idempotency_key": secrets.token_urlsafe(24), "consent_to_publish": "y", "age_band": "14+"})
    assert response.status_code == 303
    return response.headers["Location"].split("/track/")[1].split("?")[0]


def test_the_writing_device_sees_its_pending_item_and_a_stranger_does_not(app, client):
    code = _submit_anonymously(client)
    assert client.get(f"/track/{code}").status_code == 200
    assert app.test_client().get(f"/track/{code}").status_code == 404


def test_a_code_seen_in_public_shows_the_item_but_cannot_rate_or_reopen_it(app, client,
                                                                            session):
    item = _publish(session, answered(session))
    stranger = app.test_client()
    page = stranger.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert "回复你啦" in page and "你觉得这个回复怎么样" not in page
    assert stranger.post(f"/track/{item.tracking_code}/rate",
                         data={"value": "unsatisfied"}).status_code == 404
    assert stranger.post(f"/track/{item.tracking_code}/contest",
                         data={"text": "还没解决"}).status_code == 404
    session.refresh(item)
    assert item.status == "answered"


def test_the_anonymous_author_rates_from_their_own_device(client, session):
    code = _submit_anonymously(client)
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    answer_by_its_agency(session, item)
    assert client.post(f"/track/{code}/rate", data={"value": "satisfied"}).status_code == 302
    session.refresh(item)
    assert item.status == "closed"


def test_an_old_chat_tracking_link_keeps_working_on_its_own_device(client, session):
    """Before the owner key existed, a chat's device token was all the child had."""
    chat = open_chat(client)
    data, _turns = finish(client, chat)
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    item.owner_key_hash = session.get(Conversation, str(chat)).device_hash  # as revision 0003
    session.add(item)
    session.commit()
    client.delete_cookie("ts_owner")
    assert client.get(f"/track/{code}").status_code == 404
    assert client.get(f"/chat/{chat}").status_code == 200
    assert client.get(f"/track/{code}").status_code == 200


def test_the_chat_does_not_tell_a_stranger_where_a_pending_code_is(app, client):
    code = _submit_anonymously(client)
    stranger = app.test_client()
    data = turn(stranger, open_chat(stranger), f"查进度 {code}", 0).get_json()
    assert any(f"没有找到 {code}" in m["text"] for m in data["messages"])
