"""In-app notices for every role: new items, deadlines and answers, with an unread count."""

from datetime import timedelta

import pytest

from models.common import utcnow
from models.suggestions import lifecycle
from models.suggestions.deadlines import sweep
from tests.flow import accepted, actor, answered, dispatched, new_suggestion


def _unread(page: str) -> bool:
    return 'id="notices-link"' in page and '<span class="count">' in page.split(
        'id="notices-link"')[1].split("</a>")[0]


def test_the_agency_hears_of_a_new_item_and_a_deadline_near(client, auth, session):
    item = dispatched(session)
    item.sign_due = utcnow() + timedelta(hours=3)
    session.add(item)
    session.commit()
    sweep(session)
    session.commit()
    auth.staff("agency1")
    assert _unread(client.get("/agency/").get_data(as_text=True))
    page = client.get("/notices/").get_data(as_text=True)
    assert f"新派单 {item.tracking_code}" in page and "快到期了" in page
    assert f"/agency/items/{item.id}" in page
    assert not _unread(client.get("/agency/").get_data(as_text=True)), "opened means read"


def test_the_facilitator_hears_of_a_new_suggestion_and_its_answer(client, auth, session):
    item = answered(session)
    auth.staff("facilitator")
    page = client.get("/notices/").get_data(as_text=True)
    assert f"小组有新建议 {item.tracking_code}" in page
    assert f"建议 {item.tracking_code} 收到了部门的答复" in page


def test_the_coordinator_hears_of_a_return(client, auth, session):
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能不符",
                      text="这是交通局的事")
    session.commit()
    auth.staff("coordinator")
    page = client.get("/notices/").get_data(as_text=True)
    assert f"建议 {item.tracking_code} 被退单" in page and f"/coordinator/items/{item.id}" in page


def test_the_child_hears_the_answer_arrived(client, auth, session):
    item = accepted(session)
    auth.child()
    assert not _unread(client.get("/me/").get_data(as_text=True))
    lifecycle.answer(session, item, actor=actor(session, "agency1"), child_text="谢谢你！",
                     due_weight="already_done")
    session.commit()
    assert _unread(client.get("/me/").get_data(as_text=True))
    page = client.get("/notices/").get_data(as_text=True)
    assert f"你的建议 {item.tracking_code} 回复你啦" in page
    assert f"/track/{item.tracking_code}" in page


def test_someone_elses_notices_stay_theirs(client, auth, session):
    item = new_suggestion(session)
    auth.staff("facilitator2")
    assert item.tracking_code not in client.get("/notices/").get_data(as_text=True)
    auth.signout()
    auth.child("小红", "2345")
    assert item.tracking_code not in client.get("/notices/").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/notices/"])
def test_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/signin/" in response.headers["Location"]
