"""A child never loses a suggestion: forgiving code lookup, 我的建议 on the device, carrying it."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

import pytest
from sqlmodel import select

from models.common import utcnow
from models.suggestions import devices
from models.suggestions.tables import Suggestion
from models.suggestions.tracking import find_code, read_code
from tests.flow import answer_by_its_agency


@pytest.mark.parametrize("typed", ["A98ZC9", "TS A98ZC9", "tsa98zc9", "ts-a98zc9",
                                   "TS－Ａ９８ＺＣ９", " a98 zc9 ", "TS_A98-ZC9",
                                   "ＴＳ　Ａ９８ＺＣ９"])
def test_a_code_is_read_however_a_child_types_it(typed):
    assert read_code(typed) == "TS-A98ZC9"


@pytest.mark.parametrize("typed", ["", "A98ZC", "TS-A98ZC99", "A98ZC0", "AI8ZC9", "你好呀朋友们"])
def test_what_is_not_a_code_is_not_guessed(typed):
    assert read_code(typed) is None


def test_a_code_in_a_chat_message_is_found_but_a_word_is_not_a_code():
    assert find_code("帮我查进度 ts a98zc9 谢谢") == "TS-A98ZC9"
    from models.assistant.faq import tracking_code

    assert tracking_code("查进度 a98zc9") == "TS-A98ZC9"
    assert tracking_code("thanks") is None


def _submit(client, text="公园的秋千坏了") -> str:
    client.get("/suggest/")
    response = client.post("/suggest/", data={
        "text": text, "plan_id": "hengyang", "idempotency_key": secrets.token_urlsafe(24),
        "consent_to_publish": "y", "age_band": "14+"})
    assert response.status_code == 303
    return response.headers["Location"].split("/track/")[1].split("?")[0]


@pytest.mark.parametrize("typed", ["{bare}", "TS {bare}", "ts{lower}", "{lower}"])
def test_the_lookup_form_forgives_how_the_code_was_typed(client, typed):
    code = _submit(client)
    bare = code[3:]
    response = client.get("/track/", query_string={
        "code": typed.format(bare=bare, lower=bare.lower())})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/track/{code}")


def test_a_loose_code_in_the_address_goes_to_the_page_and_keeps_the_privacy_rule(app, client):
    code = _submit(client)
    loose = f"/track/{code[3:].lower()}"
    assert client.get(loose, follow_redirects=True).status_code == 200
    # A stranger with the code, however typed, still sees nothing of a pending item.
    assert app.test_client().get(loose, follow_redirects=True).status_code == 404


def test_a_lookup_that_is_not_a_code_says_how_a_code_looks(client):
    response = client.get("/track/", query_string={"code": "我的建议"})
    assert response.status_code == 400 and "TS-A98ZC9" in response.get_data(as_text=True)


def test_the_device_lists_its_suggestions_and_no_one_elses(app, client):
    mine = [_submit(client, "公园的秋千坏了"), _submit(client, "图书馆的书太旧了")]
    other = app.test_client()
    theirs = _submit(other, "小区里没有路灯")
    page = client.get("/mine").get_data(as_text=True)
    assert all(code in page for code in mine) and theirs not in page
    assert "秋千" in page and "路灯" not in page
    assert app.test_client().get("/mine").get_data(as_text=True).count("TS-") == 0


def _answer(session, code: str) -> Suggestion:
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    return answer_by_its_agency(session, item)


def test_an_anonymous_child_is_told_an_answer_came(client, session):
    code = _submit(client)
    assert "有回复" not in client.get("/").get_data(as_text=True)
    _answer(session, code)
    home = client.get("/").get_data(as_text=True)
    assert 'id="news-badge"' in home and "1 条有新消息" in home
    assert f'id="news-{code}"' in client.get("/mine").get_data(as_text=True)
    client.post(f"/track/{code}/rate", data={"value": "satisfied"})
    assert "有回复" not in client.get("/").get_data(as_text=True)


def _carry_link(client, code: str) -> str:
    page = client.post(f"/mine/{code}/carry").get_data(as_text=True)
    assert 'id="carry-qr"' in page and "data:image/svg+xml;base64," in page
    return re.search(r'id="carry-link" href="http://[^/]+(/k/[^"]+)"', page).group(1)


def test_a_suggestion_carried_by_qr_opens_on_the_other_device_once(app, client, session):
    code = _submit(client)
    link = _carry_link(client, code)
    tablet = app.test_client()
    assert tablet.get(f"/track/{code}").status_code == 404
    assert tablet.get(link).status_code == 200  # a look (a link preview) uses nothing up
    response = tablet.post(link)
    assert response.status_code == 302 and response.headers["Location"].endswith(code)
    assert tablet.get(f"/track/{code}").status_code == 200
    assert code in tablet.get("/mine").get_data(as_text=True)
    assert client.get(f"/track/{code}").status_code == 200  # the first device keeps it
    third = app.test_client()
    assert third.post(link).status_code == 410 and third.get(f"/track/{code}").status_code == 404


def test_only_the_owning_device_can_make_a_ticket(app, client):
    code = _submit(client)
    assert app.test_client().post(f"/mine/{code}/carry").status_code == 404


def test_an_old_ticket_no_longer_carries(client, session):
    code = _submit(client)
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    ticket = devices.issue_ticket(session, item, item.owner_key_hash,
                                  now=utcnow() - timedelta(minutes=devices.TICKET_MINUTES + 1))
    with pytest.raises(devices.CarryProblem):
        devices.redeem(session, ticket.code, "another-device")


def test_a_ticket_is_refused_to_a_device_that_does_not_own_the_item(client, session):
    code = _submit(client)
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    with pytest.raises(devices.CarryProblem):
        devices.issue_ticket(session, item, "someone-elses-key")
