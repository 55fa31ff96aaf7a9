"""Consent the child can see, on the plain form too: the age band is asked of a child without
an account; under 14 (or not said) the suggestion is kept and waits for a guardian's OK, the
page says so in a child's words, and nothing says it was sent."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from models.people import consent
from models.suggestions.tables import Suggestion


def _send(client, text: str, **extra) -> str:
    form = client.get("/suggest/").get_data(as_text=True)
    key = re.search(r'name="idempotency_key" type="hidden" value="([^"]+)"', form).group(1)
    response = client.post("/suggest/", data={"text": text, "plan_id": "hengyang",
                                              "idempotency_key": key, **extra})
    assert response.status_code == 303
    return client.get(response.headers["Location"]).get_data(as_text=True)


def _stored(session, text: str) -> Suggestion:
    return session.exec(select(Suggestion).where(Suggestion.original_text == text)).one()


def test_the_form_asks_the_age_band_of_a_child_without_an_account(client):
    page = client.get("/suggest/").get_data(as_text=True)
    assert 'id="age-band"' in page and "你几岁啦？" in page
    for band in ("6 岁及以下", "7–9 岁", "10–13 岁", "14 岁及以上", "不想说"):
        assert band in page


def test_a_signed_in_child_is_not_asked_again(client, auth):
    auth.child()
    assert 'id="age-band"' not in client.get("/suggest/").get_data(as_text=True)


@pytest.mark.parametrize("extra", [{"age_band": "7-9"}, {"age_band": "unknown"}, {}])
def test_under_14_or_not_said_waits_and_is_told_plainly(client, session, extra):
    text = f"小区的路灯晚上不亮，我们很害怕。{extra.get('age_band', '')}"
    page = _send(client, text, **extra)
    assert consent.is_held(session, _stored(session, text))
    assert "你的建议已经收到啦" in page and "送出去啦" not in page
    assert 'id="waits-for-guardian"' in page and "等爸爸妈妈同意" in page


def test_a_child_of_14_or_more_does_not_wait(client, session):
    text = "学校门口的斑马线看不清了，过马路很危险。"
    page = _send(client, text, age_band="14+")
    assert not consent.is_held(session, _stored(session, text))
    assert 'id="waits-for-guardian"' not in page and "等爸爸妈妈同意" not in page
