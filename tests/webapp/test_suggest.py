"""The plain form: no sign-in, one suggestion per key, nothing the child typed is lost."""

import re

from sqlalchemy.exc import OperationalError
from sqlmodel import func, select

from models.suggestions import lifecycle
from models.suggestions.tables import Suggestion


def _key(client) -> str:
    page = client.get("/suggest/").get_data(as_text=True)
    return re.search(r'name="idempotency_key" type="hidden" value="([^"]+)"', page).group(1)


def _count(session) -> int:
    return session.exec(select(func.count()).select_from(Suggestion)).one()


def test_a_first_suggestion_needs_no_sign_in(client, session):
    before = _count(session)
    response = client.post("/suggest/", data={
        "text": "公园里的秋千坏了，希望快点修好。", "place": "人民公园", "plan_id": "hengyang",
        "idempotency_key": _key(client)})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "你的建议已经收到啦" in page and "TS-" in page
    assert _count(session) == before + 1


def test_a_double_click_makes_one_suggestion(client, session):
    before = _count(session)
    data = {"text": "学校门口需要一个斑马线。", "plan_id": "hengyang",
            "idempotency_key": _key(client)}
    first = client.post("/suggest/", data=data)
    second = client.post("/suggest/", data=data)
    assert first.headers["Location"] == second.headers["Location"]
    assert _count(session) == before + 1


def test_empty_text_is_refused_in_chinese(client, session):
    before = _count(session)
    response = client.post("/suggest/", data={"text": "", "place": "操场", "plan_id": "hengyang",
                                              "idempotency_key": _key(client)})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "请写下你的建议" in page and "操场" in page
    assert _count(session) == before


def test_a_missing_key_keeps_the_text(client, session):
    response = client.post("/suggest/", data={"text": "图书馆晚上也开门吧", "plan_id": "hengyang"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "图书馆晚上也开门吧" in page and "页面过期了" in page


def test_an_unknown_city_is_refused(client):
    response = client.post("/suggest/", data={"text": "x", "plan_id": "atlantis",
                                              "idempotency_key": _key(client)})
    assert response.status_code == 400


def test_a_database_error_brings_the_form_back_filled_in(client, session, monkeypatch):
    import webapp.public.suggest as view

    def broken(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(view, "take_words", broken)
    before = _count(session)
    response = client.post("/suggest/", data={"text": "希望多一些篮球场", "plan_id": "hengyang",
                                              "idempotency_key": _key(client)})
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and "希望多一些篮球场" in page and "没有保存成功" in page
    assert _count(session) == before


def test_a_signed_in_child_suggests_for_their_group(client, auth, session):
    auth.child()
    response = client.post("/suggest/", data={"text": "希望学校多一些社团活动。",
                                              "plan_id": "hengyang",
                                              "idempotency_key": _key(client)})
    code = response.headers["Location"].split("/track/")[1].split("?")[0]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.member_id is not None and stored.group_id is not None


def test_a_key_reused_for_other_words_keeps_the_new_text_and_asks_again(client, session):
    key = _key(client)
    client.post("/suggest/", data={"text": "学校门口需要一个斑马线。", "plan_id": "hengyang",
                                   "idempotency_key": key})
    before = _count(session)
    response = client.post("/suggest/", data={"text": "公园里想要一个秋千。",
                                              "plan_id": "hengyang", "idempotency_key": key})
    page = response.get_data(as_text=True)
    assert 400 <= response.status_code < 500 and "公园里想要一个秋千。" in page
    assert "已经提交过别的建议" in page and key not in page, "a fresh key for the next try"
    assert _count(session) == before


def test_a_retry_after_the_first_try_was_stored_shows_the_same_code(client, session):
    key = _key(client)
    data = {"text": "图书馆周末晚上也开门吧。", "plan_id": "hengyang", "idempotency_key": key,
            "age_band": "14+"}
    first = client.post("/suggest/", data=data)
    code = first.headers["Location"].split("/track/")[1].split("?")[0]
    again = client.post("/suggest/", data=data)
    assert again.status_code == 303 and code in again.headers["Location"]
    stored = session.exec(select(Suggestion).where(Suggestion.idempotency_key == key)).all()
    assert [s.tracking_code for s in stored] == [code]
    assert [e.action for e in lifecycle.history(session, stored[0].id)] == ["submit"]
