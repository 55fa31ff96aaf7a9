"""Observer visits on the web: rate, attach photos, turn 需要改进 into suggestions, report."""

import io

from PIL import Image
from sqlmodel import select

from models.councils.observation import Visit, VisitItem
from models.suggestions.tables import Suggestion
from tests.flow import observers


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 100, 50)).save(out, format="JPEG")
    return out.getvalue()


def _start(client, group) -> str:
    response = client.post(f"/facilitator/groups/{group.id}/visits/", data={
        "checklist": "park", "place_name": "人民公园", "visited_on": "2026-11-02"})
    return response.headers["Location"]


def test_a_visit_records_ratings_photos_and_makes_suggestions(client, session, auth, app):
    auth.staff("facilitator")
    group = observers(session)
    url = _start(client, group)
    response = client.post(url, content_type="multipart/form-data", data={
        "rating-play": "needs_work", "comment-play": "滑梯坏了", "rating-shade": "good",
        "photo-play": (io.BytesIO(_jpeg()), "slide.jpg")})
    assert response.status_code == 302
    visit = session.exec(select(Visit).where(Visit.group_id == group.id)).one()
    row = session.exec(select(VisitItem).where(VisitItem.visit_id == visit.id,
                                               VisitItem.item_key == "play")).one()
    assert row.rating == "needs_work" and row.photo
    photo = client.get(f"{url}/photos/{row.photo}")
    assert photo.status_code == 200 and photo.mimetype == "image/jpeg"
    client.post(url + "/suggest")
    made = session.exec(select(Suggestion).where(Suggestion.group_id == group.id)).all()
    assert len(made) == 1 and "滑梯坏了" in made[0].original_text
    report = client.get(url + "/report").get_data(as_text=True)
    assert "需要改进" in report and "人民公园" in report
    assert client.get(url + "/report.docx").data[:2] == b"PK"


def test_a_file_that_is_not_a_photo_is_refused_and_the_comment_kept(client, session, auth):
    auth.staff("facilitator")
    url = _start(client, observers(session))
    response = client.post(url, content_type="multipart/form-data", data={
        "rating-play": "fair", "comment-play": "有点旧",
        "photo-play": (io.BytesIO(b"not a photo"), "x.jpg")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "JPG 或 PNG" in page and "有点旧" in page


def test_a_visit_without_a_place_is_refused(client, session, auth):
    auth.staff("facilitator")
    response = client.post(f"/facilitator/groups/{observers(session).id}/visits/", data={
        "checklist": "park", "place_name": "", "visited_on": "2026-11-02"})
    assert response.status_code == 400 and "请写下观察的地点" in response.get_data(as_text=True)


def test_another_facilitator_cannot_open_the_visit_or_its_photos(client, session, auth):
    auth.staff("facilitator")
    url = _start(client, observers(session))
    auth.signout()
    auth.staff("facilitator2")
    assert client.get(url).status_code == 404
    assert client.get(url + "/report.docx").status_code == 404
