"""Checklist 3: closed suggestions lose every link to the child after N months."""

from datetime import timedelta

import pytest
from sqlmodel import select

from models import retention
from models.photos import store_photo
from models.status import Status
from models.suggestion import Event, Suggestion
from tests.models.test_photos import _jpeg_with_gps

MONTHS = 6


@pytest.fixture
def closed(session, tmp_path):
    item = session.exec(select(Suggestion).where(Suggestion.status == Status.CLOSED)).first()
    item.photo = store_photo(_jpeg_with_gps(), tmp_path / "photos")
    item.original_text = item.original_text + "（我叫王小明，在实验小学三班）"
    session.add(item)
    session.commit()
    return item


def _months_later(item, months: int):
    return item.updated_at + timedelta(days=months * retention.DAYS_PER_MONTH + 1)


def test_before_the_period_nothing_changes(session, closed, tmp_path):
    done = retention.anonymise_closed(session, months=MONTHS, photo_folder=tmp_path / "photos",
                                      now=_months_later(closed, MONTHS - 1))
    assert done == 0
    session.refresh(closed)
    assert closed.member_id is not None and "王小明" in closed.original_text


def test_after_n_plus_one_months_no_link_back_to_the_child_remains(session, closed, tmp_path):
    member_id, photo = closed.member_id, closed.photo
    done = retention.anonymise_closed(session, months=MONTHS, photo_folder=tmp_path / "photos",
                                      now=_months_later(closed, MONTHS + 1))
    assert done == 1
    session.expire_all()
    item = session.get(Suggestion, closed.id)
    assert item.member_id is None and item.photo is None and item.idempotency_key is None
    assert "王小明" not in item.original_text and item.original_text == item.redacted_text
    events = session.exec(select(Event).where(Event.suggestion_id == item.id)).all()
    assert events and all(e.actor_id != member_id for e in events if e.actor_kind == "child")
    assert all(e.actor_name == "" for e in events if e.actor_kind == "child")
    assert not (tmp_path / "photos" / photo).exists()
    others = session.exec(select(Suggestion).where(Suggestion.status != Status.CLOSED)).all()
    assert all(s.member_id is not None for s in others)


def test_the_job_runs_twice_without_harm(session, closed, tmp_path):
    later = _months_later(closed, MONTHS + 1)
    retention.anonymise_closed(session, months=MONTHS, photo_folder=tmp_path, now=later)
    assert retention.anonymise_closed(session, months=MONTHS, photo_folder=tmp_path,
                                      now=later) == 0


def test_the_combined_job_also_deletes_abandoned_chats(session, closed, tmp_path):
    found = retention.run(session, months=MONTHS, photo_folder=tmp_path / "photos",
                          now=_months_later(closed, MONTHS + 1))
    assert found["anonymised"] == 1 and "chats_deleted" in found
