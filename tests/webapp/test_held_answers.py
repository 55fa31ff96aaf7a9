"""An agency cannot send official words to a child without the city office: the answer is
held, the coordinator sees it and lets it through as written (with a reason) or rewritten,
and each step is in the suggestion's history."""

from __future__ import annotations

from models.suggestions import lifecycle
from models.suggestions.status import Status
from tests.flow import accepted

OFFICIAL = "根据《城市道路管理条例》，经研究，予以采纳。特此函复。"


def _held(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/answer", data={
        "child_text": OFFICIAL, "due_weight": "adopted", "ask_office": "y"})
    assert response.status_code == 302
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert 'id="held-answer"' in page and "等妇儿工委办放行" in page
    auth.signout()
    return item


def _actions(session, item) -> list[str]:
    return [e.action for e in lifecycle.history(session, item.id)]


def test_the_clerk_alone_cannot_send_official_words_to_a_child(client, auth, session):
    item = _held(client, auth, session)
    session.refresh(item)
    assert item.status == Status.ACCEPTED and "plain_held" in _actions(session, item)
    auth.child()
    assert OFFICIAL not in client.get(f"/track/{item.tracking_code}").get_data(as_text=True)


def test_the_coordinator_lets_it_through_as_written_only_with_a_reason(client, auth, session):
    item = _held(client, auth, session)
    auth.staff("coordinator")
    home = client.get("/coordinator/").get_data(as_text=True)
    assert 'id="held-answers"' in home and item.tracking_code in home
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert 'id="held-text"' in page and "“经研究” → 我们商量后" in page
    refused = client.post(f"/coordinator/items/{item.id}/release", data={})
    assert refused.status_code == 400 and "请写明原因" in refused.get_data(as_text=True)
    session.refresh(item)
    assert item.status == Status.ACCEPTED
    client.post(f"/coordinator/items/{item.id}/release",
                data={"reason": "部门说这是正式的答复，孩子的老师会给他解释。"})
    session.refresh(item)
    assert item.status == Status.ANSWERED
    released = [e for e in lifecycle.history(session, item.id) if e.action == "plain_override"]
    assert released and "老师会给他解释" in released[0].note


def test_the_coordinator_rewrites_it_in_plain_words(client, auth, session):
    item = _held(client, auth, session)
    auth.staff("coordinator")
    still = client.post(f"/coordinator/items/{item.id}/release",
                        data={"rewrite": "经研究，予以采纳。"})
    assert still.status_code == 400 and "经研究" in still.get_data(as_text=True)
    plain = "我们商量过了，会照你说的做：学校门口会画上斑马线。"
    client.post(f"/coordinator/items/{item.id}/release", data={"rewrite": plain})
    session.refresh(item)
    assert item.status == Status.ANSWERED
    assert "plain_rewrite" in _actions(session, item)
    auth.signout()
    auth.child()
    child = client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert plain in child and "特此函复" not in child
