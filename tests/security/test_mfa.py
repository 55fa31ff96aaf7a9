"""Checklist 14: throttling that never locks a real user out for good, and TOTP for staff."""

import time

import pyotp
from sqlmodel import select

from models.demo import DEMO_PASSWORD
from models.people.tables import Account
from models.privacy.audit import AuditLog

from .conftest import enrol, staff_with_code


def _signed_in(client) -> bool:
    with client.session_transaction() as cookie:
        return "_user_id" in cookie


def test_staff_login_without_a_code_creates_no_session(client, session, totp_on):
    enrol(session, "coordinator")
    response = client.post("/signin/staff", data={"username": "coordinator",
                                                 "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/signin/staff/code")
    assert not _signed_in(client)
    assert client.get("/coordinator/").status_code == 302


def test_a_wrong_code_is_refused_and_logged(client, session, totp_on):
    enrol(session, "coordinator")
    client.post("/signin/staff", data={"username": "coordinator", "password": DEMO_PASSWORD})
    response = client.post("/signin/staff/code", data={"code": "000000"})
    assert "验证码不对" in response.get_data(as_text=True)
    assert not _signed_in(client)
    kinds = session.exec(select(AuditLog.kind)).all()
    assert "totp_failed" in kinds


def test_the_right_code_signs_in_and_lands_home(client, session, totp_on):
    response = staff_with_code(client, session, "coordinator")
    assert response.status_code == 302 and response.headers["Location"].endswith("/coordinator/")
    assert client.get("/coordinator/").status_code == 200


def test_bad_code_input_explains_itself(client, session, totp_on):
    enrol(session, "coordinator")
    client.post("/signin/staff", data={"username": "coordinator", "password": DEMO_PASSWORD})
    response = client.post("/signin/staff/code", data={"code": "abc"})
    assert response.status_code == 200 and "验证码是 6 位数字" in response.get_data(as_text=True)


def test_the_code_page_without_a_password_first_goes_back(client, totp_on):
    response = client.get("/signin/staff/code")
    assert response.headers["Location"].endswith("/signin/staff")


def test_first_login_enrols_with_a_qr_code(client, session, totp_on):
    response = client.post("/signin/staff", data={"username": "facilitator",
                                                 "password": DEMO_PASSWORD})
    assert response.headers["Location"].endswith("/signin/staff/enrol")
    page = client.get("/signin/staff/enrol").get_data(as_text=True)
    assert "data:image/svg+xml;base64," in page and not _signed_in(client)
    with client.session_transaction() as cookie:
        secret = cookie["pending"]["secret"]
    assert client.post("/signin/staff/enrol", data={"code": "123456"}).status_code == 200
    assert not _signed_in(client)
    done = client.post("/signin/staff/enrol", data={"code": pyotp.TOTP(secret).now()})
    assert done.headers["Location"].endswith("/facilitator/")
    account = session.exec(select(Account).where(Account.username == "facilitator")).one()
    session.refresh(account)
    assert account.totp_secret == secret


def test_twenty_bad_logins_are_throttled_then_the_real_user_gets_in(app, client, auth):
    app.config["SIGNIN_LIMIT"] = "5 per 2 seconds"
    codes = [auth.staff("coordinator", "wrong-password-1").status_code for _ in range(20)]
    assert codes[:5] == [200] * 5 and set(codes[5:]) == {429}
    time.sleep(2.1)  # the cooldown: a lockout that ends by itself
    assert auth.staff("coordinator").status_code == 302
    assert _signed_in(client)


def test_a_one_time_code_signs_in_only_once(client, session, totp_on):
    """Issue 10, item 8: a code seen over a shoulder cannot be replayed within its window."""
    secret = enrol(session, "coordinator")
    code = pyotp.TOTP(secret).now()
    client.post("/signin/staff", data={"username": "coordinator", "password": DEMO_PASSWORD})
    assert client.post("/signin/staff/code", data={"code": code}).status_code == 302
    client.post("/signin/out")
    client.post("/signin/staff", data={"username": "coordinator", "password": DEMO_PASSWORD})
    again = client.post("/signin/staff/code", data={"code": code})
    assert again.status_code == 200 and "已经用过" in again.get_data(as_text=True)
    assert client.get("/coordinator/").status_code == 302


def test_an_older_code_is_refused_once_a_newer_one_was_used(session):
    from datetime import UTC, datetime, timedelta

    from models.people import mfa

    secret = enrol(session, "coordinator")
    account = session.exec(select(Account).where(Account.username == "coordinator")).one()
    moment = datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC)
    totp = pyotp.TOTP(secret)
    older, newer = totp.at(moment - timedelta(seconds=30)), totp.at(moment)
    assert mfa.use_code(session, account, newer, at=moment)
    assert not mfa.use_code(session, account, newer, at=moment)
    assert not mfa.use_code(session, account, older, at=moment)
    assert mfa.use_code(session, account, totp.at(moment + timedelta(seconds=30)),
                        at=moment + timedelta(seconds=30))
