"""Headers, hardened session cookies, idle and absolute timeouts, and the audit of refusals."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from flask import Flask, Response, abort, current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from models.privacy import audit as audit_log

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; "
       "media-src 'self' blob:")
IDLE_SECONDS = 30 * 60
ABSOLUTE_SECONDS = 12 * 60 * 60
REFUSALS = {403: "forbidden", 429: "throttled"}
# The only values a ?sort= or ?order= parameter may take anywhere on the site (GHSA-jm79).
SORT_FIELDS = frozenset({"created_at", "-created_at", "updated_at", "-updated_at", "status",
                         "answer_due", "-answer_due", "tracking_code", "supports", "-supports"})
log = logging.getLogger("tongsheng.security")


def init_app(app: Flask) -> None:
    """Production defaults; tests and plain-http development override them through config."""
    app.config.setdefault("SESSION_IDLE_SECONDS", IDLE_SECONDS)
    app.config.setdefault("SESSION_ABSOLUTE_SECONDS", ABSOLUTE_SECONDS)
    if app.config.get("SESSION_COOKIE_SECURE") and app.config["SESSION_COOKIE_NAME"] == "session":
        app.config["SESSION_COOKIE_NAME"] = "__Host-session"  # Secure, Path=/, no Domain
    app.config["SESSION_COOKIE_PATH"] = "/"
    app.config["SESSION_COOKIE_DOMAIN"] = None
    app.permanent_session_lifetime = timedelta(seconds=app.config["SESSION_ABSOLUTE_SECONDS"])
    app.before_request(enforce_session_timeouts)
    app.before_request(refuse_unknown_sort)
    app.after_request(add_headers)
    app.after_request(audit_refusals)
    app.teardown_request(write_audit)


def now() -> int:
    return int(time.time())


def start_clock() -> None:
    """Called at sign-in: the absolute and idle clocks start now."""
    session["started"] = session["seen"] = now()


def enforce_session_timeouts():
    """Sign out after 30 idle minutes or 12 hours in all, whichever comes first."""
    if request.endpoint == "static" or "_user_id" not in session:
        return None
    config, moment = current_app.config, now()
    idle = moment - session.get("seen", 0) > config["SESSION_IDLE_SECONDS"]
    old = moment - session.get("started", 0) > config["SESSION_ABSOLUTE_SECONDS"]
    if not (idle or old):
        session["seen"] = moment
        return None
    audit("session_expired", detail="idle" if idle else "absolute")
    logout_user()
    session.clear()
    flash(_("太久没有操作了，为了安全，请重新登录。"))
    target = request.path if request.method == "GET" else None
    return redirect(url_for("auth.choose", next=target))


def refuse_unknown_sort():
    """A sort or order field outside the allow-list is a 400, never a column name passed on."""
    for name in ("sort", "order", "order_by"):
        value = request.args.get(name)
        if value is not None and value not in SORT_FIELDS:
            abort(400)
    return None


def unexpected_fields(form) -> set[str]:
    """Posted names the form does not declare: a child's form takes nothing it did not ask for."""
    return set(request.form) - set(form._fields) - {"csrf_token", "submit"}


def add_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if request.endpoint != "static":
        headers.setdefault("Cache-Control", "no-store")
    return response


def audit_refusals(response: Response) -> Response:
    """Every 403 and 429, and a signed-in person's 404 (an IDOR probe looks like one)."""
    kind = REFUSALS.get(response.status_code)
    if kind is None and response.status_code == 404 and request.endpoint not in (None, "static"):
        kind = "not_found" if current_user.is_authenticated else None
    if kind is not None:
        request_session = g.get("db_session")
        if request_session is not None:
            request_session.rollback()  # a refused request changes nothing
        audit(kind)
    return response


def _actor() -> dict:
    if not current_user.is_authenticated:
        return {"actor_kind": "anonymous"}
    if current_user.is_child:
        return {"actor_kind": "child"}
    return {"actor_kind": "staff", "account_id": current_user.account.id,
            "username": current_user.account.username}


def audit(kind: str, *, detail: str = "", **actor) -> None:
    """Keep a security event, written once the request's own transaction is over.

    It goes on its own connection (a refusal's rollback never loses it), after the request:
    before then the request may hold the database's write lock (SQLite) with what it changed.
    """
    fields = actor or _actor()
    g.setdefault("audit_events", []).append(dict(
        kind=kind, address=request.remote_addr or "", path=request.path, detail=detail,
        **fields))


def write_audit(_error: BaseException | None = None) -> None:
    """Store the request's security events; a logging failure never breaks a page."""
    events = g.pop("audit_events", [])
    if not events:
        return
    request_session = g.get("db_session")
    if request_session is not None and request_session.in_transaction():
        request_session.rollback()  # an error left it open: it keeps nothing
    try:
        with Session(current_app.extensions["engine"]) as own:
            for event in events:
                audit_log.record_event(own, **event)
            own.commit()
    except SQLAlchemyError:
        log.exception("audit events %s could not be stored", [e["kind"] for e in events])
