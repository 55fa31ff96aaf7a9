"""Signing in and out, for children and for adults, including bad input."""

import pytest
from sqlmodel import select

from models.people.tables import Account, Member


def test_child_signs_in_with_invite_code_nickname_and_pin(client, auth):
    response = auth.child()
    assert response.status_code == 302
    page = client.get("/me/").get_data(as_text=True)
    assert "你好，" in page and "小明" in page


def test_wrong_pin_is_refused_with_a_friendly_message(client, auth):
    response = auth.child(pin="9999")
    assert response.status_code == 200
    assert "邀请码、昵称或密码不对" in response.get_data(as_text=True)
    assert client.get("/me/").status_code == 302  # still not signed in


@pytest.mark.parametrize("data, message", [
    ({"invite_code": "", "nickname": "小明", "pin": "1234"}, "请填邀请码"),
    ({"invite_code": "HYKIDS", "nickname": "", "pin": "1234"}, "请填昵称"),
    ({"invite_code": "HYKIDS", "nickname": "小明", "pin": "12"}, "4 到 6 位数字"),
    ({"invite_code": "HYKIDS", "nickname": "小明", "pin": "abcd"}, "4 到 6 位数字"),
])
def test_child_signin_bad_input_explains_itself(client, data, message):
    response = client.post("/signin/child", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_child_joins_a_group_without_email_or_phone(client, session):
    response = client.post("/signin/join", data={
        "invite_code": "hykids", "nickname": "星星", "birth_year": 2016, "birth_month": 5,
        "pin": "4321"})
    assert response.status_code == 302
    member = session.exec(select(Member).where(Member.nickname == "星星")).one()
    assert member.birth_year == 2016 and member.pin_hash.startswith("$argon2id$")
    assert "星星" in client.get("/me/").get_data(as_text=True)


@pytest.mark.parametrize("data, message", [
    ({"invite_code": "NOPE99", "nickname": "星星", "birth_year": 2016, "birth_month": 5,
      "pin": "4321"}, "没有找到这个邀请码"),
    ({"invite_code": "HYKIDS", "nickname": "小明", "birth_year": 2016, "birth_month": 5,
      "pin": "4321"}, "昵称已经有人用了"),
    ({"invite_code": "HYKIDS", "nickname": "星星", "birth_year": 1950, "birth_month": 5,
      "pin": "4321"}, "年份看起来不对"),
    ({"invite_code": "HYKIDS", "nickname": "星星", "birth_year": 2016, "birth_month": 13,
      "pin": "4321"}, "月份是 1 到 12"),
    ({"invite_code": "HYKIDS", "nickname": "<script>", "birth_year": 2016, "birth_month": 5,
      "pin": "4321"}, "昵称用 1 到 12 个"),
])
def test_join_bad_input_changes_nothing(client, session, data, message):
    before = len(session.exec(select(Member)).all())
    response = client.post("/signin/join", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert len(session.exec(select(Member)).all()) == before


@pytest.mark.parametrize("username, home, heading", [
    ("coordinator", "/coordinator/", "全市儿童建议"),
    ("facilitator", "/facilitator/", "我的小组"),
    ("agency1", "/agency/", "派给本部门的建议"),
])
def test_each_staff_role_lands_on_its_own_dashboard(client, auth, username, home, heading):
    response = auth.staff(username)
    assert response.status_code == 302 and response.headers["Location"].endswith(home)
    assert heading in client.get(home).get_data(as_text=True)


def test_wrong_staff_password_is_refused(client, auth):
    response = auth.staff("coordinator", "wrong-password-1")
    assert "用户名或密码不正确" in response.get_data(as_text=True)
    assert client.get("/coordinator/").status_code == 302


def test_staff_password_is_stored_as_argon2id(session):
    account = session.exec(select(Account).where(Account.username == "coordinator")).one()
    assert account.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_signout_retires_the_session_cookie_everywhere(app, client, auth):
    auth.staff("coordinator")
    stolen = app.test_client()
    stolen.set_cookie("session", client.get_cookie("session").value)
    assert stolen.get("/coordinator/").status_code == 200
    auth.signout()
    assert stolen.get("/coordinator/").status_code == 302


def test_disabled_account_loses_its_session(client, auth, session):
    auth.staff("coordinator")
    account = session.exec(select(Account).where(Account.username == "coordinator")).one()
    account.is_active = False
    session.add(account)
    session.commit()
    assert client.get("/coordinator/").status_code == 302


def test_failed_signins_are_throttled_then_allowed_again(app, client, auth):
    app.config["SIGNIN_LIMIT"] = "3 per 2 seconds"
    for _ in range(3):
        assert auth.staff("coordinator", "wrong-password-1").status_code == 200
    blocked = auth.staff("coordinator")
    assert blocked.status_code == 429
    assert "太频繁" in blocked.get_data(as_text=True)


def test_open_redirect_after_signin_is_refused(client):
    response = client.post("/signin/staff?next=https://evil.example/", data={
        "username": "coordinator", "password": "TongSheng-demo-2026"})
    assert response.headers["Location"].endswith("/coordinator/")
