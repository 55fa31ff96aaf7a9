"""Checklists 7, 9, 10, 25: isolation, the agency's redacted copy, checked moves, pre-moderation."""

import io

from PIL import Image
from sqlmodel import select

from models.councils.observation import Visit, VisitItem
from models.people.accounts import create_account
from models.people.tables import Role
from models.suggestions import lifecycle
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from tests.flow import actor, council, dispatched, new_suggestion, observers

LEAKS = ("张小明", "小明", "13812345678", "18号")


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 50)).save(out, format="JPEG")
    return out.getvalue()


def _visit_with_photo(client, session) -> tuple[str, str]:
    """The facilitator's observer visit with one photo: its URL and the photo's name."""
    group = observers(session)
    url = client.post(f"/facilitator/groups/{group.id}/visits/", data={
        "checklist": "park", "place_name": "人民公园", "visited_on": "2026-11-02"}
    ).headers["Location"]
    client.post(url, content_type="multipart/form-data", data={
        "rating-play": "needs_work", "comment-play": "滑梯坏了",
        "photo-play": (io.BytesIO(_jpeg()), "slide.jpg")})
    visit = session.exec(select(Visit).where(Visit.group_id == group.id)).one()
    item = session.exec(select(VisitItem).where(VisitItem.visit_id == visit.id,
                                                VisitItem.item_key == "play")).one()
    return url, item.photo


def test_another_facilitator_gets_404_on_suggestion_photo_export_and_json(
        app, client, auth, session):
    auth.staff("facilitator")
    url, photo = _visit_with_photo(client, session)
    assert client.get(f"{url}/photos/{photo}").status_code == 200
    suggestion = new_suggestion(session)
    group = council(session)
    auth.signout()
    auth.staff("facilitator2")
    for path in (f"/facilitator/review/{group.id}/{suggestion.id}", f"{url}/photos/{photo}",
                 f"{url}/report.docx", f"{url}/report.pdf", f"{url}/report",
                 f"/facilitator/groups/{group.id}/meetings/1/live.json"):
        assert client.get(path).status_code == 404, path


def test_another_citys_coordinator_gets_404_and_an_export_without_the_item(client, auth,
                                                                             session):
    item = dispatched(session)
    create_account(session, username="changzhou-coord", display_name="常州妇儿工委办",
                   password="A-long-enough-passphrase-2026", role=Role.COORDINATOR,
                   plan_id="changzhou")
    session.commit()
    auth.staff("changzhou-coord", "A-long-enough-passphrase-2026")
    assert client.get(f"/coordinator/items/{item.id}").status_code == 404
    assert client.get(f"/coordinator/items/{item.id}/files/1").status_code == 404
    export = client.get("/coordinator/export.csv")
    assert export.status_code == 200 and item.tracking_code not in export.get_data(as_text=True)


def _through_the_site(client, auth, session) -> Suggestion:
    """A child types personal details; the facilitator approves; it is routed."""
    auth.child()
    client.post("/suggest/", data={
        "text": "我叫张小明，电话13812345678，学校门口的红绿灯时间太短了，过马路很危险",
        "place": "幸福路18号3栋", "plan_id": "hengyang", "idempotency_key": "k" * 20})
    found = session.exec(select(Suggestion).where(Suggestion.idempotency_key == "k" * 20)).one()
    auth.signout()
    auth.staff("facilitator")
    client.post(f"/facilitator/review/{found.group_id}/{found.id}/approve",
                data={"topic": "transport"})
    auth.signout()
    session.refresh(found)
    assert found.status == Status.DISPATCHED
    return found


def test_agency_pages_and_the_api_carry_no_name_school_or_phone(client, auth, session):
    found = _through_the_site(client, auth, session)
    pages = []
    for username in ("agency1", "agency2", "agency3"):
        auth.staff(username)
        pages.append(client.get("/agency/").get_data(as_text=True))
        item = client.get(f"/agency/items/{found.id}")
        if item.status_code == 200:
            pages.append(item.get_data(as_text=True))
        auth.signout()
    assert any(found.tracking_code in page for page in pages)
    pages.append(client.get("/open311/v2/requests.json").get_data(as_text=True))
    pages.append(client.get(f"/open311/v2/requests/{found.tracking_code}.json")
                 .get_data(as_text=True))
    for page in pages:
        for leak in LEAKS:
            assert leak not in page, leak


def test_illegal_moves_by_an_agency_user_or_a_child_are_403_or_409(client, auth, session):
    item = dispatched(session)
    lifecycle.accept(session, item, actor=actor(session, "agency1"))
    session.commit()
    auth.staff("agency1")
    assert client.post(f"/agency/items/{item.id}/accept").status_code == 409
    assert client.post(f"/facilitator/review/{item.group_id}/{item.id}/approve").status_code \
        == 403
    auth.signout()
    auth.child()  # the author: the only one who may rate, and only an answer
    assert client.post(f"/track/{item.tracking_code}/rate",
                       data={"value": "satisfied"}).status_code == 409
    assert client.post(f"/agency/items/{item.id}/accept").status_code == 403
    assert client.post(f"/coordinator/items/{item.id}/approve").status_code == 403
    session.refresh(item)
    assert item.status == Status.ACCEPTED


def test_an_unapproved_item_is_404_to_other_children_and_hidden_from_the_public(
        client, auth, session):
    item = new_suggestion(session, text="操场边上的水龙头坏了", nickname="小明")
    listed = client.get("/open311/v2/requests.json").get_data(as_text=True)
    assert item.tracking_code not in listed
    auth.child("小红", "2345")
    assert "操场边上的水龙头坏了" not in client.get("/group/").get_data(as_text=True)
    assert client.post(f"/group/suggestions/{item.id}/support").status_code == 404
    assert client.post(f"/group/suggestions/{item.id}/name", data={"show": "yes"}
                       ).status_code == 404
    auth.signout()
    auth.child("小明", "1234")
    assert "操场边上的水龙头坏了" in client.get("/group/").get_data(as_text=True)
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    session.commit()
    auth.signout()
    auth.child("小红", "2345")
    assert "操场边上的水龙头坏了" in client.get("/group/").get_data(as_text=True)
    listed = client.get("/open311/v2/requests.json").get_data(as_text=True)
    assert item.tracking_code not in listed, "the child did not say it may be public"
    item.consent_to_publish = True
    session.add(item)
    session.commit()
    assert item.tracking_code in client.get("/open311/v2/requests.json").get_data(as_text=True)
