"""Settings are handed to the domain by whoever opens the session, never kept in globals;
and staff e-mail never leaves from inside a request."""

from __future__ import annotations

import smtplib
import uuid
from datetime import date, timedelta

from sqlmodel import select

from models.notices.notifications import Notification
from models.settings import settings_of
from models.suggestions import intake
from models.suggestions.handling import consent_rule
from models.suggestions.lifecycle import Actor, Draft
from tests.flow import dispatched
from webapp import create_app, jobs, settings
from webapp.db import commit, new_session

DISCLOSURE = "我爸爸每天晚上喝醉了就打我，我很害怕，不敢回家。"


def _app(templates, tmp_path, name: str, **config):
    folder = tmp_path / name
    folder.mkdir()
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False,
                      "SESSION_COOKIE_SECURE": False, "RATELIMIT_STORAGE_URI": "memory://",
                      "STAFF_TOTP_REQUIRED": False, "DATABASE_URL": templates.fresh(folder),
                      "MAIL_BACKEND": "file", "MAIL_FOLDER": str(folder / "mail"), **config})
    return app, folder / "mail"


def _disclose(app):
    with new_session(app) as session:
        draft = Draft(plan_id="hengyang", text=DISCLOSURE, idempotency_key=uuid.uuid4().hex)
        taken = intake.take_words(session, draft, Actor(kind="code", name="小朋友"))
        commit(session)
        return taken.case


def _minutes(waited: timedelta) -> int:
    return round(waited.total_seconds() / 60)


def test_two_apps_in_one_process_keep_their_own_settings(templates, tmp_path):
    first, first_mail = _app(templates, tmp_path, "first", SAFEGUARDING_ACK_MINUTES=5,
                             CONSENT_AGE=12, HOLIDAYS="2026-12-01")
    second, second_mail = _app(templates, tmp_path, "second", SAFEGUARDING_ACK_MINUTES=45,
                               CONSENT_AGE=16)
    try:
        with new_session(first) as one, new_session(second) as other:
            assert consent_rule(one).consent_age == 12 and consent_rule(other).consent_age == 16
            assert settings_of(one).holidays == {date(2026, 12, 1)}
            assert settings_of(other).holidays == frozenset()
        case_one, case_two = _disclose(first), _disclose(second)
        assert _minutes(case_one.due_at - case_one.opened_at) == 5
        assert _minutes(case_two.due_at - case_two.opened_at) == 45
        jobs.sweep_now(first.extensions["engine"], first.extensions["settings"])
        assert list(first_mail.glob("*.eml")), "the first site's mail went to its own folder"
        assert not second_mail.exists(), "and not to the other site's"
    finally:
        first.extensions["engine"].dispose()
        second.extensions["engine"].dispose()


def test_a_request_never_talks_to_the_mail_server(app, client, auth, session, monkeypatch):
    """Without Redis the e-mail waits in the outbox for the sweep, however slow SMTP is."""
    calls = []

    class RecordingSmtp:
        def __init__(self, host, port, timeout=None):
            calls.append(host)

        def __enter__(self):
            return self

        def __exit__(self, *_exc):
            return False

        def send_message(self, message):
            calls.append(message["To"])

    monkeypatch.setattr(smtplib, "SMTP", RecordingSmtp)
    app.config.update(MAIL_BACKEND="smtp", MAIL_HOST="mail.example.invalid")
    settings.init_app(app)
    item = dispatched(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/return",
                           data={"category": "职能不符", "text": "应该由交通局办理"})
    assert response.status_code in (302, 303)
    assert calls == [], "the request did not open an SMTP connection"
    waiting = session.exec(select(Notification).where(
        Notification.suggestion_id == item.id, Notification.kind == "return",
        Notification.wants_email, Notification.emailed_at.is_(None))).all()
    assert waiting, "the e-mail waits in the outbox"
    jobs.sweep_now(app.extensions["engine"], app.extensions["settings"])
    assert "mail.example.invalid" in calls, "the sweep sent it"
