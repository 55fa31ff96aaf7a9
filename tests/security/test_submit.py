"""Checklists 1, 20, 21: consent before a young child's words are taken; atomic, idempotent."""

import secrets
import threading

from sqlalchemy import MetaData, func, select
from sqlmodel import select as sql_select

from models.people import consent
from models.people.tables import GuardianConsent
from models.suggestions.tables import Suggestion

from .conftest import member


def _all_counts(session) -> dict[str, int]:
    """Rows in every table: 'nothing changed' means every number is the same."""
    meta = MetaData()
    meta.reflect(session.get_bind())
    return {name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in meta.tables.items()}


def _suggestions(session) -> int:
    return session.exec(sql_select(func.count()).select_from(Suggestion)).one()


def _drop_consent(session, nickname="小明"):
    kid = member(session, nickname)
    for row in session.exec(sql_select(GuardianConsent).where(GuardianConsent.member_id == kid.id)):
        session.delete(row)
    session.commit()
    return kid


def _post(client, text="操场的篮球架坏了", key=None):
    return client.post("/suggest/", data={"text": text, "plan_id": "hengyang",
                                          "idempotency_key": key or secrets.token_urlsafe(24)})


def test_under_14_without_consent_is_kept_held_and_told_it_waits(client, auth, session):
    """Issue 10, item 5: kept and held (never refused, never sent on), and the child is told."""
    _drop_consent(session)
    auth.child()
    form = client.get("/suggest/").get_data(as_text=True)
    assert 'id="waits-for-guardian"' in form and "/me/data/consent" in form
    response = _post(client, "希望小区里多一个滑梯")
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "要等爸爸妈妈（监护人）同意以后" in page and "送出去啦" not in page
    stored = session.exec(sql_select(Suggestion).where(
        Suggestion.original_text == "希望小区里多一个滑梯")).one()
    assert consent.is_held(session, stored)
    consent_page = client.get("/me/data/consent").get_data(as_text=True)
    assert "不同意也没关系" in consent_page


def test_with_consent_recorded_the_same_child_can_submit(client, auth, session):
    from tests.flow import account

    kid = _drop_consent(session)
    consent.record_consent(session, member=kid, given_by="母亲", method="纸质同意书",
                           notice_version="2026-11", recorded_by=account(session, "facilitator"))
    session.commit()
    auth.child()
    before = _suggestions(session)
    assert _post(client).status_code == 303
    assert _suggestions(session) == before + 1
    row = session.exec(sql_select(GuardianConsent).where(GuardianConsent.member_id == kid.id)).one()
    assert (row.given_by, row.method, row.notice_version) == ("母亲", "纸质同意书", "2026-11")
    assert row.recorded_at is not None


def test_a_new_notice_version_tells_the_child_their_suggestions_wait(app, client, auth):
    auth.child()
    assert 'id="waits-for-guardian"' not in client.get("/suggest/").get_data(as_text=True)
    app.config["PRIVACY_NOTICE_VERSION"] = "2027-05"
    page = client.get("/suggest/").get_data(as_text=True)
    assert 'id="waits-for-guardian"' in page and "/me/data/consent" in page
    assert "2027-05" in client.get("/me/data/consent").get_data(as_text=True)


def test_an_exception_after_flush_leaves_every_count_unchanged(client, session, monkeypatch):
    import models.suggestions.lifecycle as lifecycle

    def fails_after_flush(*_args, **_kwargs):
        raise RuntimeError("injected after the suggestion row was flushed")

    monkeypatch.setattr(lifecycle, "record", fails_after_flush)
    before = _all_counts(session)
    try:
        response = _post(client, "公园里的灯坏了")
        assert response.status_code >= 500
    except RuntimeError:
        pass  # the test client may re-raise; either way nothing may be left behind
    session.expire_all()
    assert _all_counts(session) == before


def test_ten_parallel_posts_with_one_token_make_one_row(app, session):
    key = secrets.token_urlsafe(24)
    before = _suggestions(session)
    answers, barrier = [], threading.Barrier(10)

    def send():
        client = app.test_client()
        barrier.wait()
        answers.append(_post(client, "图书馆周末晚上也开门吧", key))

    threads = [threading.Thread(target=send) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _suggestions(session) == before + 1
    assert [a.status_code for a in answers] == [303] * 10, "every click sees the one suggestion"
    assert len({answer.headers["Location"] for answer in answers}) == 1


def test_the_same_token_with_another_text_is_422_and_keeps_the_text(client, session):
    key = secrets.token_urlsafe(24)
    assert _post(client, "学校门口需要斑马线", key).status_code == 303
    before = _suggestions(session)
    response = _post(client, "操场需要更多树荫", key)
    assert response.status_code == 422 and "操场需要更多树荫" in response.get_data(as_text=True)
    assert _suggestions(session) == before


def test_too_many_suggestions_from_one_address_wait_and_keep_the_text(app, client, session):
    app.config["SUGGEST_LIMIT"] = "3 per minute"
    before = _suggestions(session)
    client.get("/suggest/")  # the form gives the device its key, as in a browser
    for number in range(3):
        assert _post(client, text=f"第{number}条：公园要有饮水机").status_code == 303
    refused = _post(client, text="第四条：图书馆周末开晚一点")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "请等一分钟" in page and "第四条：图书馆周末开晚一点" in page
    assert _suggestions(session) == before + 3
    elsewhere = app.test_client().post("/suggest/", environ_base={"REMOTE_ADDR": "10.0.0.9"},
                            data={"text": "另一个学校：校门口要有斑马线", "plan_id": "hengyang",
                                  "idempotency_key": secrets.token_urlsafe(24)})
    assert elsewhere.status_code == 303, "another address is not held back"
