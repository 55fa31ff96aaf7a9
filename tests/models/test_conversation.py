"""Conversations in the database: owned by a device, resumable, and deleted when abandoned."""

from __future__ import annotations

from datetime import timedelta

from models.assistant import conversation as chats
from models.assistant import dialogue
from models.common import utcnow
from models.files.photos import photo_bytes, store_photo
from tests.models.test_photos import _jpeg_with_gps as jpeg


def started(session, token: str = "device-a", **extra) -> chats.Conversation:
    return chats.start(session, plan_id="hengyang", token=token,
                       state=dialogue.new_state("hengyang"), **extra)


def test_only_the_device_that_started_a_chat_owns_it(session):
    chat = started(session)
    assert chat.belongs_to("device-a") and not chat.belongs_to("device-b")
    assert not chat.belongs_to(None) and "device-a" not in chat.device_hash


def test_an_unfinished_chat_is_resumed_on_the_same_device(session):
    chat = started(session)
    assert chats.resumable(session, token="device-a", plan_id="hengyang").id == chat.id
    assert chats.resumable(session, token="device-b", plan_id="hengyang") is None
    assert chats.resumable(session, token="device-a", plan_id="xiuzhou") is None


def test_a_finished_chat_is_not_resumed(session):
    chat = started(session)
    chats.save(session, chat, {**chat.state, "step": "done"})
    assert chats.resumable(session, token="device-a", plan_id="hengyang") is None


def test_abandoned_chats_are_deleted_with_their_photos(session):
    name = store_photo(session, jpeg())
    old = started(session)
    chats.save(session, old, {**old.state, "photo": name})
    recent = started(session, token="device-b")
    later = utcnow() + timedelta(days=8)
    recent.updated_at = later - timedelta(days=1)
    session.add(recent)
    session.commit()
    assert chats.delete_abandoned(session, days=7, now=later) == 1
    assert session.get(chats.Conversation, old.id) is None
    assert session.get(chats.Conversation, recent.id) is not None
    assert photo_bytes(session, name) is None


def test_a_submitted_photo_survives_the_sweep(session):
    name = store_photo(session, jpeg())
    chat = started(session)
    chats.save(session, chat, {**chat.state, "photo": name, "code": "TS-ABC234"})
    chats.delete_abandoned(session, days=0, now=utcnow() + timedelta(seconds=1))
    assert photo_bytes(session, name) is not None
