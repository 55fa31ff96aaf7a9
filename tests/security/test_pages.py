"""Checklists 2, 12, 15, 17, 19, 30: page-wide rules checked over the whole URL map."""

import re

import pytest
from sqlmodel import select

from models.people.tables import Member
from models.safety.report import Report
from webapp import create_app

ROLES = [None, "child", "facilitator", "coordinator", "agency1"]


def _sign_in(auth, who):
    if who == "child":
        auth.child()
    elif who:
        auth.staff(who)


def _plain_get_rules(app):
    return sorted(rule.rule for rule in app.url_map.iter_rules()
                  if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static")


@pytest.mark.parametrize("who", ROLES)
def test_every_page_links_the_report_form_and_the_privacy_rules(app, client, auth, who):
    _sign_in(auth, who)
    checked = 0
    for path in _plain_get_rules(app):
        response = client.get(path)
        if response.status_code == 200 and response.mimetype == "text/html":
            page = response.get_data(as_text=True)
            assert 'href="/report/' in page, path
            assert 'href="/privacy"' in page, path
            checked += 1
    assert checked >= 5


def test_a_report_creates_a_ticket_the_coordinator_sees(client, auth, session):
    page = client.get("/report/?from=/about")
    assert page.status_code == 200 and "举报和投诉" in page.get_data(as_text=True)
    bad = client.post("/report/?from=/about", data={"kind": "bullying", "message": ""})
    assert bad.status_code == 400 and "请写一写发生了什么" in bad.get_data(as_text=True)
    done = client.post("/report/?from=/about", data={"kind": "other",
                                                     "message": "查进度的按钮点了没反应"})
    ticket = session.exec(select(Report)).one()
    assert ticket.ticket in done.get_data(as_text=True) and ticket.page == "/about"
    auth.staff("coordinator")
    assert "查进度的按钮点了没反应" in client.get("/report/tickets").get_data(as_text=True)


@pytest.mark.parametrize("who", ROLES)
def test_security_headers_on_every_response(app, client, auth, who):
    _sign_in(auth, who)
    for path in _plain_get_rules(app):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "object-src 'none'" in csp and "base-uri 'none'" in csp, path
        assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp, path
        age = int(re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"]).group(1))
        assert age >= 31536000, path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "same-origin", path
        assert headers["Cache-Control"] == "no-store", path


CSRF_EXEMPT = {"open311"}  # machine API: API key, no cookie session


def test_every_post_route_without_a_token_returns_400(database_url):
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": database_url,
                      "SESSION_COOKIE_SECURE": False, "STAFF_TOTP_REQUIRED": False})
    client = app.test_client()
    checked = 0
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint.split(".")[0] in CSRF_EXEMPT:
            continue
        path = rule.rule
        for argument in rule.arguments:
            path = re.sub(rf"<(?:\w+:)?{argument}>", "1", path)
        response = client.post(path, data={"x": "1"})
        assert response.status_code == 400, f"{rule.rule}: {response.status_code}"
        checked += 1
    assert checked >= 10
    app.extensions["engine"].dispose()


@pytest.mark.parametrize("value", ["password_hash", "pin_hash", "id; DROP TABLE member", ""])
def test_sort_outside_the_allow_list_is_400(client, auth, value):
    auth.staff("coordinator")
    assert client.get(f"/coordinator/?sort={value}").status_code == 400
    assert client.get("/coordinator/?sort=created_at").status_code == 200


CHILD_COLUMNS = {
    "member": {"id", "group_id", "nickname", "birth_year", "birth_month", "pin_hash",
               "is_active", "session_version", "joined_at", "left_at",
               "pin_failures", "pin_wait_until", "pin_locked_at"},
    "guardian_consent": {"id", "member_id", "given_by", "method", "notice_version",
                         "recorded_by_id", "recorded_at", "withdrawn_at"},
}
FORBIDDEN = re.compile(r"phone|mobile|id_?card|id_?number|identity|address|real_?name|"
                       r"birth_?(day|date)|school_?class|wechat|qq", re.I)


def test_child_tables_hold_only_the_allowed_columns():
    from sqlmodel import SQLModel

    import models.all_tables  # noqa: F401

    tables = SQLModel.metadata.tables
    for name, allowed in CHILD_COLUMNS.items():
        assert set(tables[name].columns.keys()) == allowed, name
    for table in tables.values():
        if any(fk.column.table.name == "member" for fk in table.foreign_keys):
            bad = [c for c in table.columns.keys() if FORBIDDEN.search(c)]
            assert bad == [], f"{table.name}: {bad}"


def test_unknown_fields_on_the_join_form_are_refused(client, session):
    before = len(session.exec(select(Member)).all())
    response = client.post("/signin/join", data={
        "invite_code": "HYKIDS", "nickname": "星星", "birth_year": 2016, "birth_month": 5,
        "pin": "4321", "phone": "13800138000", "real_name": "王小星"})
    assert response.status_code == 400
    assert "不需要真名、电话" in response.get_data(as_text=True)
    assert len(session.exec(select(Member)).all()) == before


def test_debug_is_off_and_the_secret_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "from-the-environment")
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    assert app.debug is False and app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-session"
    app.extensions["engine"].dispose()


def test_without_a_configured_secret_each_instance_makes_its_own_strong_one(tmp_path):
    """Issue 10, item 14: a fixed or guessable fallback secret (say "dev") fails here."""
    import stat

    from flask import Flask

    from webapp import _instance_secret

    first, second = (_instance_secret(Flask("tongsheng", instance_path=str(tmp_path / name)))
                     for name in ("one", "two"))
    assert first != second and len(first) >= 40 and len(set(first)) > 16
    path = tmp_path / "one" / "secret_key"
    assert path.read_text().strip() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    restarted = Flask("tongsheng", instance_path=str(tmp_path / "one"))
    assert _instance_secret(restarted) == first, "a restart keeps everyone signed in"
