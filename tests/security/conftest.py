"""Helpers for the security tests: staff sign-in with one-time codes, seeded children."""

from __future__ import annotations

import pyotp
import pytest
from sqlmodel import select

from models.demo import DEMO_PASSWORD
from models.people.tables import Account, Group, Member


@pytest.fixture
def totp_on(app):
    app.config["STAFF_TOTP_REQUIRED"] = True
    return app


def enrol(session, username: str) -> str:
    """Give a staff account an authenticator secret, as the enrolment page would."""
    account = session.exec(select(Account).where(Account.username == username)).one()
    account.totp_secret = pyotp.random_base32()
    session.add(account)
    session.commit()
    return account.totp_secret


def staff_with_code(client, session, username: str):
    """Password, then the current code: the full staff sign-in."""
    secret = enrol(session, username)
    client.post("/signin/staff", data={"username": username, "password": DEMO_PASSWORD})
    return client.post("/signin/staff/code", data={"code": pyotp.TOTP(secret).now()})


def member(session, nickname: str = "小明") -> Member:
    return session.exec(select(Member).where(Member.nickname == nickname)).one()


def group(session, code: str = "HYKIDS") -> Group:
    return session.exec(select(Group).where(Group.invite_code == code)).one()
