"""Checklist 16: uploads through the site are checked by content, re-encoded and stripped of GPS."""

import io

import pytest
from PIL import Image
from sqlmodel import select

from models.councils.observation import Visit, VisitItem
from models.files.photos import photo_bytes
from tests.flow import observers
from tests.models.test_photos import _jpeg_with_gps


def _bomb() -> bytes:
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, format="PNG")
    return out.getvalue()


BAD = {
    "php renamed jpg": (b"<?php system($_GET['c']); ?>", "shell.jpg"),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "picture.svg"),
    "decompression bomb": (_bomb(), "huge.png"),
}


@pytest.fixture
def visit_url(app, client, auth, session):
    auth.staff("facilitator")
    group = observers(session)
    return client.post(f"/facilitator/groups/{group.id}/visits/", data={
        "checklist": "park", "place_name": "人民公园", "visited_on": "2026-11-02"}
    ).headers["Location"]


def _rows(session):
    return session.exec(select(VisitItem).where(VisitItem.photo.is_not(None))).all()


def test_a_gps_tagged_jpeg_is_stored_without_gps_under_a_random_name(app, client, session,
                                                                      visit_url):
    response = client.post(visit_url, content_type="multipart/form-data", data={
        "rating-play": "fair", "photo-play": (io.BytesIO(_jpeg_with_gps()), "my-home.jpg")})
    assert response.status_code == 302
    visit = session.exec(select(Visit).order_by(Visit.id.desc())).first()  # the demo has visits too
    row = session.exec(select(VisitItem).where(VisitItem.visit_id == visit.id,
                                               VisitItem.item_key == "play")).one()
    assert row.photo != "my-home.jpg" and len(row.photo) == 36
    stored = Image.open(io.BytesIO(photo_bytes(session, row.photo)))
    assert not stored.getexif().get_ifd(0x8825) and not stored.getexif()
    served = client.get(f"{visit_url}/photos/{row.photo}")
    assert served.status_code == 200 and served.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("kind", BAD)
def test_bad_files_are_a_400_with_a_reason_and_nothing_is_stored(client, session, visit_url,
                                                                 kind):
    data, name = BAD[kind]
    response = client.post(visit_url, content_type="multipart/form-data", data={
        "rating-play": "fair", "comment-play": "有点旧", "photo-play": (io.BytesIO(data), name)})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "有点旧" in page
    assert "JPG 或 PNG" in page or "像素太多" in page or "打不开" in page
    assert _rows(session) == []


def test_more_than_the_request_limit_is_refused(client, visit_url):
    big = b"\xff\xd8\xff" + b"0" * (7 * 1024 * 1024)
    response = client.post(visit_url, content_type="multipart/form-data", data={
        "rating-play": "fair", "photo-play": (io.BytesIO(big), "big.jpg")})
    assert response.status_code == 413
