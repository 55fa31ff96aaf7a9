"""Observer children on their phones: start a visit, rate with photos, make suggestions at once."""

import io
from datetime import date

import pytest
from PIL import Image
from sqlmodel import select

from models.councils import observation
from models.councils.observation import Visit, VisitItem
from models.people import groups
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from tests.flow import account, observers


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 100, 200)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def observer_kid(session, auth, app):
    kid = groups.add_member(session, group=observers(session), nickname="小海",
                            birth_year=2012, birth_month=4, pin="4321")
    session.commit()
    auth.child("小海", "4321", code="HYLOOK")
    return kid


def _start(client) -> str:
    response = client.post("/group/visits/", data={
        "checklist": "bus_stop", "place_name": "解放路公交站", "visited_on": "2026-11-20"})
    assert response.status_code == 302
    return response.headers["Location"]


def test_a_child_records_a_visit_and_makes_suggestions_in_one_step(client, session,
                                                                    observer_kid):
    assert "去观察" in client.get("/group/").get_data(as_text=True)
    url = _start(client)
    saved = client.post(url, content_type="multipart/form-data", data={
        "rating-shelter": "needs_work", "comment-shelter": "下雨天没地方躲",
        "photo-shelter": (io.BytesIO(_jpeg()), "stop.jpg"),
        "rating-seats": "good", "rating-info": "fair", "comment-info": "字太小"})
    assert saved.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "下雨天没地方躲" in page and "遮阳避雨" in page
    row = session.exec(select(VisitItem).where(VisitItem.item_key == "shelter")).one()
    assert row.member_id == observer_kid.id
    assert client.get(f"{url}/photos/{row.photo}").mimetype == "image/jpeg"
    done = client.post(url + "/suggest", follow_redirects=True).get_data(as_text=True)
    assert "1 条“需要改进”变成了建议" in done
    made = session.exec(select(Suggestion).where(Suggestion.group_id == observer_kid.group_id))
    made = made.one()
    assert made.member_id == observer_kid.id and made.status == Status.SUBMITTED
    assert "下雨天没地方躲" in made.original_text and made.photo == row.photo


def test_a_wrong_photo_is_refused_and_the_childs_words_are_kept(client, session, observer_kid):
    url = _start(client)
    response = client.post(url, content_type="multipart/form-data", data={
        "rating-seats": "needs_work", "comment-seats": "椅子都坏了",
        "photo-seats": (io.BytesIO(b"not a photo"), "x.jpg")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "JPG 或 PNG" in page and "椅子都坏了" in page


def test_a_visit_without_a_place_is_refused_in_chinese(client, session, observer_kid):
    response = client.post("/group/visits/", data={
        "checklist": "park", "place_name": " ", "visited_on": "2026-11-20"})
    assert response.status_code == 400 and "请写下观察的地点" in response.get_data(as_text=True)
    assert session.exec(select(Visit).where(Visit.group_id == observer_kid.group_id)).all() == []


def test_nothing_needing_work_is_explained(client, session, observer_kid):
    url = _start(client)
    response = client.post(url + "/suggest")
    assert response.status_code == 400 and "需要改进" in response.get_data(as_text=True)


def test_a_council_child_has_no_visits_and_cannot_open_the_observers(client, session, auth):
    visit = observation.start(session, group=observers(session), checklist="park",
                              place_name="人民公园", visited_on=date.today(),
                              account=account(session, "facilitator"))
    auth.child()
    assert "去观察" not in client.get("/group/").get_data(as_text=True)
    assert client.get("/group/visits/").status_code == 404
    assert client.get(f"/group/visits/{visit.id}").status_code == 404
    assert client.post(f"/group/visits/{visit.id}/suggest").status_code == 404


def test_a_checklist_kept_offline_changes_the_visit_once_however_often_it_is_sent(
        client, session, observer_kid):
    url = _start(client)
    kept = {"rating-shelter": "needs_work", "comment-shelter": "站台没有棚子",
            "idempotency_key": "k" * 36}
    assert client.post(url, data=kept).status_code == 302
    client.post(url, data={"rating-shelter": "fair", "comment-shelter": "修好了一半"})
    assert client.post(url, data=kept).status_code == 302  # the device tried once more
    session.expire_all()
    row = session.exec(select(VisitItem).where(VisitItem.item_key == "shelter")).one()
    assert (row.rating, row.comment) == ("fair", "修好了一半")
