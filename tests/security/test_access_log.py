"""Checklist 5: every staff view of a child's unredacted words is logged, with a reason."""

from sqlmodel import select

from models.privacy.audit import AccessLog
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

from .conftest import group


def _item(session, status):
    return session.exec(select(Suggestion).where(Suggestion.status == status)).first()


def _count(session) -> int:
    return len(session.exec(select(AccessLog)).all())


def test_facilitator_opening_an_item_adds_exactly_one_access_log_row(client, auth, session):
    auth.staff("facilitator")
    item = _item(session, Status.SUBMITTED)
    before = _count(session)
    page = client.get(f"/facilitator/review/{group(session).id}/{item.id}")
    assert page.status_code == 200 and item.original_text in page.get_data(as_text=True)
    rows = session.exec(select(AccessLog)).all()
    assert len(rows) == before + 1
    assert rows[-1].object_id == item.id and rows[-1].reason == "moderate"


def test_outside_review_the_facilitator_must_say_why_first(client, auth, session):
    auth.staff("facilitator")
    item = _item(session, Status.DISPATCHED)
    url = f"/facilitator/review/{group(session).id}/{item.id}"
    asked = client.get(url)
    assert asked.status_code == 302 and "/staff/access/reason/" in asked.headers["Location"]
    assert _count(session) == 0
    form = client.get(asked.headers["Location"])
    assert "请说明原因" in form.get_data(as_text=True)
    bad = client.post(asked.headers["Location"], data={"reason": ""})
    assert bad.status_code == 400 and "请选择查看原因" in bad.get_data(as_text=True)
    given = client.post(asked.headers["Location"], data={"reason": "guardian_request"})
    assert given.headers["Location"].endswith(url)
    assert client.get(url).status_code == 200
    rows = session.exec(select(AccessLog)).all()
    assert [(r.object_id, r.reason) for r in rows] == [(item.id, "guardian_request")]


def test_the_reason_page_will_not_redirect_off_site(client, auth, session):
    auth.staff("facilitator")
    response = client.post("/staff/access/reason/suggestion/1?next=https://evil.example/",
                           data={"reason": "moderate"})
    assert "evil.example" not in response.headers["Location"]


def test_agency_staff_cannot_reach_the_reason_page(client, auth):
    auth.staff("agency1")
    assert client.get("/staff/access/reason/suggestion/1").status_code == 403


def test_coordinator_reviews_the_security_log(client, auth):
    auth.staff("coordinator")
    page = client.get("/staff/access/log")
    assert page.status_code == 200 and "signin" in page.get_data(as_text=True)
