"""Checklist 11: hardened cookies, a new session at sign-in, server-side kill, timeouts."""

import pytest

from models.demo import DEMO_PASSWORD
from webapp import create_app

HTTPS = "https://localhost"


@pytest.fixture
def production(database_url, tmp_path):
    """The app with its production cookie settings (no test overrides)."""
    app = create_app({"TESTING": True, "SECRET_KEY": "prod-like", "DATABASE_URL": database_url,
                      "WTF_CSRF_ENABLED": False, "STAFF_TOTP_REQUIRED": False,
                      "RATELIMIT_STORAGE_URI": "memory://"})
    app.instance_path = str(tmp_path / "instance")
    yield app
    app.extensions["engine"].dispose()


def _signin(client):
    return client.post("/signin/staff", base_url=HTTPS,
                       data={"username": "coordinator", "password": DEMO_PASSWORD})


def test_session_cookie_is_host_prefixed_secure_httponly_lax(production):
    response = _signin(production.test_client())
    cookie = next(c for c in response.headers.getlist("Set-Cookie")
                  if c.startswith("__Host-session="))
    for flag in ("Secure", "HttpOnly", "SameSite=Lax", "Path=/"):
        assert flag in cookie
    assert "Domain=" not in cookie


def test_session_id_rotates_at_sign_in(production):
    client = production.test_client()
    client.get("/signin/staff", base_url=HTTPS)
    with client.session_transaction(base_url=HTTPS) as before:
        before["sid"] = "planted-by-attacker"
    _signin(client)
    with client.session_transaction(base_url=HTTPS) as after:
        assert after["sid"] != "planted-by-attacker" and len(after["sid"]) >= 16


def test_a_cookie_replayed_after_logout_is_rejected(production):
    client = production.test_client()
    _signin(client)
    stolen = client.get_cookie("__Host-session", domain="localhost").value
    before = production.test_client()
    before.set_cookie("__Host-session", stolen, domain="localhost", secure=True)
    assert before.get("/coordinator/", base_url=HTTPS).status_code == 200
    client.post("/signin/out", base_url=HTTPS)
    replay = production.test_client()
    replay.set_cookie("__Host-session", stolen, domain="localhost", secure=True)
    assert replay.get("/coordinator/", base_url=HTTPS).status_code == 302


def _age_session(client, **seconds_ago):
    with client.session_transaction() as cookie:
        for key, ago in seconds_ago.items():
            cookie[key] = cookie[key] - ago


def test_31_minutes_idle_forces_a_new_sign_in(client, auth):
    auth.staff("coordinator")
    assert client.get("/coordinator/").status_code == 200
    _age_session(client, seen=31 * 60)
    response = client.get("/coordinator/")
    assert response.status_code == 302 and "/signin/" in response.headers["Location"]
    assert client.get("/coordinator/").status_code == 302


def test_29_minutes_idle_is_still_fine(client, auth):
    auth.staff("coordinator")
    _age_session(client, seen=29 * 60)
    assert client.get("/coordinator/").status_code == 200


def test_12_hours_ends_even_a_busy_session(client, auth):
    auth.child()
    _age_session(client, started=12 * 3600 + 60)
    response = client.get("/me/")
    assert response.status_code == 302
    follow = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "请重新登录" in follow
