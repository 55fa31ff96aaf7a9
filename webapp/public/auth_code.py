"""Staff sign-in, step two: the one-time code, or enrolling an authenticator app on first use."""

from __future__ import annotations

import base64
import time

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _

from models.people import mfa
from models.people.tables import Account
from webapp.access import public
from webapp.db import get_session
from webapp.forms.privacy import TotpForm
from webapp.public.signin import (
    HOME_FOR_ROLE,
    StaffUser,
    bp,
    count_failures,
    safe_next,
    start_session,
)
from webapp.ratelimit import client_address
from webapp.security import audit

PENDING_SECONDS = 300


def second_step(account: Account):
    """Password right: sign in only after the code, or straight away when codes are off."""
    needs_code = account.totp_secret or current_app.config.get("STAFF_TOTP_REQUIRED", True)
    if not needs_code:
        return finish_staff(account)
    session.clear()
    session["pending"] = {"id": account.id, "v": account.session_version, "at": int(time.time()),
                          "next": safe_next("")}
    if account.totp_secret:
        return redirect(url_for("auth.staff_code"))
    session["pending"]["secret"] = mfa.new_secret()
    return redirect(url_for("auth.staff_enrol"))


def finish_staff(account: Account, next_url: str = ""):
    start_session(StaffUser(account))
    audit("signin", actor_kind="staff", account_id=account.id, username=account.username)
    return redirect(next_url or safe_next(url_for(HOME_FOR_ROLE[account.role])))


def _pending_account() -> Account | None:
    """The account whose password was just right, if that was under five minutes ago."""
    pending = session.get("pending") or {}
    if int(time.time()) - pending.get("at", 0) > PENDING_SECONDS:
        return None
    account = get_session().get(Account, pending.get("id", 0))
    if account is None or not account.is_active or account.session_version != pending.get("v"):
        return None
    return account


def _pending_key() -> str:
    return f"code|{(session.get('pending') or {}).get('id', client_address())}"


@bp.route("/staff/code", methods=["GET", "POST"])
@public
@count_failures(_pending_key, "SIGNIN_LIMIT")
def staff_code():
    """Step two: the six-digit code from the authenticator app."""
    account = _pending_account()
    if account is None or not account.totp_secret:
        session.pop("pending", None)
        flash(_("请重新输入用户名和密码。"))
        return redirect(url_for("auth.staff_signin"))
    form = TotpForm()
    if form.validate_on_submit():
        if mfa.use_code(get_session(), account, form.code.data):
            return finish_staff(account, session["pending"].get("next", ""))
        audit("totp_failed", actor_kind="staff", account_id=account.id,
              username=account.username)
        form.code.errors.append(
            _("验证码不对、过期了或者已经用过一次了，请等手机上出现新的 6 位数字再输入。"))
    return render_template("auth/code.html", form=form)


@bp.route("/staff/enrol", methods=["GET", "POST"])
@public
@count_failures(_pending_key, "SIGNIN_LIMIT")
def staff_enrol():
    """First sign-in of a staff account: scan the QR code, then prove it with one code."""
    account = _pending_account()
    secret = (session.get("pending") or {}).get("secret")
    if account is None or account.totp_secret or not secret:
        session.pop("pending", None)
        return redirect(url_for("auth.staff_signin"))
    form = TotpForm()
    if form.validate_on_submit():
        if mfa.enrol(get_session(), account, secret, form.code.data):
            audit("totp_enrolled", actor_kind="staff", account_id=account.id,
                  username=account.username)
            return finish_staff(account, session["pending"].get("next", ""))
        form.code.errors.append(_("验证码不对，请确认已经扫描二维码，再输入最新的 6 位数字。"))
    svg = mfa.qr_svg(mfa.provisioning_uri(account, secret))
    qr = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return render_template("auth/enrol.html", form=form, qr=qr, secret=secret)
